import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/databases';
import { buildApp } from './app';
import { loadConfig, parseDatabaseTarget } from './config';
import { connect } from './db/connect';
import { sql } from 'kysely';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', './scripts/ts-loader/register.mjs', 'server/main.ts'], {
    env: { ...process.env, CANBO_LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(predicate: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-main-'));
const freePort = () => 41_000 + Math.floor(Math.random() * 9_000);

describe('starting the server', () => {
  const started: Started[] = [];
  afterEach(() => started.forEach((s) => s.child.kill('SIGKILL')));

  it('refuses to start with no administrator outside the demo, saying how to create one', async () => {
    const s = startServer({ CANBO_DATA_DIR: tmp(), CANBO_DEMO: '0', PORT: String(freePort()) });
    started.push(s);
    expect(await s.exited).toBe(1);
    expect(s.output()).toMatch(/Chưa có quản trị viên/);
    expect(s.output()).toMatch(/canbo create-user/);
  });

  it('with the demo on, prints one login per role and serves; SIGTERM closes it cleanly', { timeout: 300_000 }, async () => {
    const port = freePort();
    const s = startServer({ CANBO_DATA_DIR: tmp(), CANBO_DEMO: '1', PORT: String(port) });
    started.push(s);
    // The whole demo (thousands of cadres) loads on first start: allow for a loaded CI machine.
    await waitFor(() => s.output().includes('Tài khoản demo'), 240_000);
    for (const role of ['admin', 'officer', 'leader', 'tally', 'inspector', 'cadre']) expect(s.output()).toContain(`(${role}:`);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite' });

    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('in production mode never loads demo data, even when asked', () => {
    expect(loadConfig({ NODE_ENV: 'production', CANBO_DEMO: '1' }).demo).toBe(false);
    expect(loadConfig({ CANBO_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({}).demo).toBe(false);
  });
});

describe('graceful close', () => {
  it('finishes a request already in flight before closing, and refuses new ones meanwhile', async () => {
    const database = await createTestDatabase('sqlite');
    const app = await buildApp({ database, serveWeb: false });
    let entered!: () => void;
    const handlerEntered = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    app.get('/slow-for-test', async () => {
      entered();
      await released;
      return { done: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

    const inFlight = fetch(`${base}/slow-for-test`);
    await handlerEntered;
    const closing = app.close();
    setTimeout(release, 200);
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    await closing;
    await database.destroy();
  });
});

describe('configuration', () => {
  it('reads the database target from CANBO_DATABASE_URL', () => {
    expect(parseDatabaseTarget(undefined, './data')).toEqual({ dialect: 'sqlite', file: 'data/canbo.db' });
    expect(parseDatabaseTarget('sqlite:/x/y.db', './data')).toEqual({ dialect: 'sqlite', file: '/x/y.db' });
    expect(parseDatabaseTarget('postgres://u:p@h/db', './data')).toEqual({ dialect: 'postgres', url: 'postgres://u:p@h/db' });
  });
  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });
  it('sizes the SQLite page cache from CANBO_SQLITE_CACHE_MB (64 MiB unless set)', async () => {
    const dir = tmp();
    const cacheOf = async (env: NodeJS.ProcessEnv) => {
      const ctx = connect(loadConfig({ CANBO_DATA_DIR: dir, ...env }).database);
      try {
        return (await sql<{ cache_size: number }>`pragma cache_size`.execute(ctx.db)).rows[0]!.cache_size;
      } finally {
        await ctx.close();
      }
    };
    expect(await cacheOf({})).toBe(-64 * 1024);
    expect(await cacheOf({ CANBO_SQLITE_CACHE_MB: '256' })).toBe(-256 * 1024);
    expect(() => loadConfig({ CANBO_SQLITE_CACHE_MB: '1' })).toThrow(/CANBO_SQLITE_CACHE_MB/);
  });
});

describe('the CLI', () => {
  it('`canbo migrate` exits non-zero when the database cannot be reached', async () => {
    const child = spawn(process.execPath, ['bin/canbo.mjs', 'migrate'], {
      env: { ...process.env, CANBO_DATABASE_URL: 'postgres://nobody:x@127.0.0.1:1/none' },
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).not.toBe(0);
  });

  it('creates the first administrator and a root organization, then the server starts without the demo', async () => {
    const dir = tmp();
    const create = spawn(
      process.execPath,
      [
        'bin/canbo.mjs',
        'create-user',
        '--username',
        'qt.admin',
        '--full-name',
        'Quản trị',
        '--role',
        'admin',
        '--org',
        'TW',
        '--org-name',
        'Trung ương',
      ],
      { env: { ...process.env, CANBO_DATA_DIR: dir, CANBO_NEW_PASSWORD: 'mot-mat-khau-dai' }, stdio: 'ignore' },
    );
    expect(await new Promise((resolve) => create.on('exit', resolve))).toBe(0);
    const port = freePort();
    const s = startServer({ CANBO_DATA_DIR: dir, CANBO_DEMO: '0', PORT: String(port) });
    started.push(s);
    await waitFor(() => s.output().includes('CanBo đang chạy'));
    expect(s.output()).not.toContain('Tài khoản demo');
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'qt.admin', password: 'mot-mat-khau-dai' }),
    });
    expect(login.status).toBe(200);
  });
  const started: Started[] = [];
  afterEach(() => started.forEach((s) => s.child.kill('SIGKILL')));
});
