import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, createTestDatabase, testDialects } from '../../test/databases';
import { verifyAuditChain } from '../features/audit/audit.service';
import { countOrganizations } from '../features/organizations/organization.repository';
import { createRootOrganization } from '../features/organizations/organization.service';

/** Runs the crash writer and kills it with SIGKILL the moment it is in the middle of its transaction. */
function killMidWrite(url: string, parentPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', './scripts/ts-loader/register.mjs', 'test/fixtures/crash-writer.ts', url, parentPath],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('MID-WRITE')) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`writer ended without being killed: ${err}`)),
    );
  });
}

describe.each(testDialects())('a kill -9 in the middle of a write on %s', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
  });
  afterEach(async () => database?.destroy());

  it('leaves the database as it was before the write', async () => {
    const root = await createRootOrganization(database.db, { code: 'R', name: 'Gốc', kind: 'party_committee', level: 'central' });
    const before = await countOrganizations(database.db, ['/']);
    const url = database.target.dialect === 'sqlite' ? database.target.file : database.target.url;

    await killMidWrite(url, `/${root.id}/`);

    expect(await countOrganizations(database.db, ['/'])).toBe(before);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 1 });
  });
});
