import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { createOrganization, createRootOrganization } from '../organizations/organization.service';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCheckpoints } from '../../../contracts/audit';
import { auditCheckpoint, verifyAuditChain, verifyAuditCheckpoints } from './audit.service';
import { GENESIS_HASH, chainHash } from './audit.rules';
import { readAuditBatch, toStoredEntry } from './audit.repository';

const run = promisify(execFile);

function cliEnv(database: TestDatabase): NodeJS.ProcessEnv {
  const url = database.target.dialect === 'sqlite' ? database.target.file : database.target.url;
  return { ...process.env, CANBO_DATABASE_URL: url };
}

async function auditVerifyCli(database: TestDatabase, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, ['bin/canbo.mjs', 'audit', 'verify', ...args], { env: cliEnv(database) });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe.each(testDialects())('audit trail on %s', (dialect) => {
  let database: TestDatabase;
  let rootId: string;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    rootId = (await createRootOrganization(database.db, { code: 'R', name: 'Gốc', kind: 'party_committee', level: 'central' }))
      .id;
    for (let i = 1; i <= 4; i++)
      await createOrganization(database.db, null, {
        code: `R.${i}`,
        name: `Đơn vị ${i}`,
        kind: 'state_agency',
        level: 'provincial',
        parentId: rootId,
      });
  });
  afterEach(async () => database?.destroy());

  it('chains one entry per write and verifies intact', async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 5, problem: null });
  });

  it('`canbo audit verify` names a row edited behind the application', async () => {
    await sql`update audit_log set after_json = '{"name":"Đơn vị giả"}' where seq = 3`.execute(database.db);
    const { code, out } = await auditVerifyCli(database);
    expect(code).toBe(1);
    expect(out).toMatch(/Mục nhật ký số 3 đã bị sửa/);
    expect(out).toMatch(/seq 3, altered/);
  });

  it('names a deleted row', async () => {
    await sql`delete from audit_log where seq = 2`.execute(database.db);
    expect((await verifyAuditChain(database.db)).problem).toMatchObject({ seq: 2, kind: 'deleted' });
  });

  it('names a row inserted behind the application', async () => {
    await sql`insert into audit_log (seq, at, actor_id, action, entity, entity_id, organization_id, before_json, after_json, prev_hash, hash)
              select 6, at, actor_id, action, entity, entity_id, organization_id, before_json, after_json, hash, hash from audit_log where seq = 5`.execute(
      database.db,
    );
    expect((await verifyAuditChain(database.db)).problem).toMatchObject({ seq: 6, kind: 'inserted' });
  });

  it('exits 0 from the CLI on an intact chain', async () => {
    const { code, out } = await auditVerifyCli(database);
    expect(code).toBe(0);
    expect(out).toMatch(/5 mục/);
  });

  it('rolls the write back when its audit entry cannot be written', async () => {
    await sql`delete from audit_head`.execute(database.db);
    await expect(
      createOrganization(database.db, null, {
        code: 'R.LOST',
        name: 'Mất',
        kind: 'state_agency',
        level: 'provincial',
        parentId: rootId,
      }),
    ).rejects.toThrow();
    const lost = await database.db.selectFrom('organizations').select('id').where('code', '=', 'R.LOST').execute();
    expect(lost).toEqual([]);
  });

  it('keeps the chain valid under concurrent writes', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        createOrganization(database.db, null, {
          code: `R.C${i}`,
          name: `Song song ${i}`,
          kind: 'state_agency',
          level: 'provincial',
          parentId: rootId,
        }),
      ),
    );
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 17, problem: null });
  });

  /** What an administrator with the database can do: change an entry and recompute every later hash and the head. */
  async function rewriteTrail(seq: number, afterJson: string): Promise<void> {
    let prev = GENESIS_HASH;
    for (const row of await readAuditBatch(database.db, 0, 1000)) {
      const e = toStoredEntry(row);
      const content = { ...e, after: e.seq === seq ? afterJson : e.after };
      const hash = chainHash(prev, {
        seq: content.seq,
        at: content.at,
        actorId: content.actorId,
        action: content.action,
        entity: content.entity,
        entityId: content.entityId,
        organizationId: content.organizationId,
        before: content.before,
        after: content.after,
      });
      await database.db
        .updateTable('audit_log')
        .set({ after_json: content.after, prev_hash: prev, hash })
        .where('seq', '=', e.seq)
        .execute();
      prev = hash;
    }
    await database.db.updateTable('audit_head').set({ last_hash: prev }).where('id', '=', 1).execute();
  }

  it('a checkpoint kept outside the database exposes a trail rewritten with every hash recomputed', async () => {
    const kept = await auditCheckpoint(database.db);
    expect(kept).toMatchObject({ seq: 5 });
    expect(parseCheckpoints(`Biên bản họp ngày 27/11/2026\n${kept.line}\n`)).toEqual([{ seq: 5, hash: kept.hash }]);

    await rewriteTrail(3, '{"name":"Đơn vị giả"}');
    // The chain alone cannot tell: it was rebuilt consistently.
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    const checked = await verifyAuditCheckpoints(database.db, [{ seq: kept.seq, hash: kept.hash }]);
    expect(checked.ok).toBe(false);
    expect(checked.checkpoints[0]).toMatchObject({ seq: 5, status: 'differs' });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-checkpoint-'));
    const file = path.join(dir, 'checkpoints.txt');
    fs.writeFileSync(file, `${kept.line}\n`);
    const { code, out } = await auditVerifyCli(database, '--checkpoints', file);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(out).toMatch(/audit chain intact/);
    expect(out).toMatch(/seq 5, differs/);
  });

  it('checkpoints of an untouched trail match, including an older one', async () => {
    const older = await auditCheckpoint(database.db);
    await createOrganization(database.db, null, {
      code: 'R.LATER',
      name: 'Sau điểm kiểm tra',
      kind: 'state_agency',
      level: 'provincial',
      parentId: rootId,
    });
    const newer = await auditCheckpoint(database.db);
    expect(newer.seq).toBe(older.seq + 1);
    const checked = await verifyAuditCheckpoints(database.db, [older, newer]);
    expect(checked.ok).toBe(true);
    expect(checked.checkpoints.map((c) => c.status)).toEqual(['matches', 'matches']);
  });

  it('a checkpoint past the end of a truncated trail is reported missing', async () => {
    const kept = await auditCheckpoint(database.db);
    await sql`delete from audit_log where seq = 5`.execute(database.db);
    await sql`update audit_head set last_seq = 4, last_hash = (select hash from audit_log where seq = 4)`.execute(database.db);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    const checked = await verifyAuditCheckpoints(database.db, [kept]);
    expect(checked.checkpoints[0]).toMatchObject({ status: 'missing' });
    expect(checked.ok).toBe(false);
  });
});
