import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { buildApp } from '../../app';
import { createTestDatabase } from '../../../test/databases';
import { DEFAULT_POLICY_DIR, loadPolicyLibrary } from './pack.loader';

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** policy/ copied with national-2025's time-in-post rule broken ("twelve" instead of 12). */
function brokenPolicyDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-broken-policy-'));
  temps.push(dir);
  fs.cpSync(DEFAULT_POLICY_DIR, dir, { recursive: true });
  const file = path.join(dir, 'packs/national-2025.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('params: { months: 12 }', 'params: { months: twelve }'));
  return dir;
}

describe('starting with a broken policy pack', () => {
  it('the server exits with status 1 and a message naming the file, the rule and the field', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-broken-data-'));
    temps.push(dataDir);
    const child = spawn(process.execPath, ['--import', './scripts/ts-loader/register.mjs', 'server/main.ts'], {
      env: {
        ...process.env,
        CANBO_POLICY_DIR: brokenPolicyDir(),
        CANBO_DATA_DIR: dataDir,
        CANBO_DEMO: '1',
        PORT: '0',
        CANBO_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(out).toContain('Gói quy định không hợp lệ, máy chủ không khởi động / invalid policy pack, the server will not start');
    expect(out).toMatch(
      /policy\/packs\/national-2025\.yaml › quy định\/rule appointment\.months-in-post › params\.months: .*number/,
    );
    // Nothing was started: no database file was created.
    expect(fs.existsSync(path.join(dataDir, 'canbo.db'))).toBe(false);
  });

  it('buildApp accepts injected packs, and the loader refuses the broken ones before any app exists', async () => {
    expect(() => loadPolicyLibrary(brokenPolicyDir())).toThrow(/appointment\.months-in-post › params\.months/);
    const database = await createTestDatabase('sqlite');
    try {
      await loadFoundationDemo(database.db);
      const library = loadPolicyLibrary();
      const only2023 = { ...library, packs: library.packs.filter((p) => p.id !== 'national-2025') };
      const app = await buildApp({ database, serveWeb: false, policy: only2023 });
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'officer.tq', password: 'canbo-demo-2026' },
      });
      const cookie = `canbo_session=${login.cookies.find((c) => c.name === 'canbo_session')!.value}`;
      const packs = (await app.inject({ url: '/api/policy/packs', headers: { cookie } })).json() as { items: { id: string }[] };
      expect(packs.items.map((p) => p.id)).not.toContain('national-2025');
      await app.close();
    } finally {
      await database.destroy();
    }
  });
});
