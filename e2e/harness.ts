import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { type Browser, chromium } from 'playwright-core';
import { inject } from 'vitest';
import type { Role } from '../contracts/common';
import { DEMO_PASSWORD, DEMO_USERS as DEMO_USER_LIST, loadDemoIfEmpty } from '../scripts/demo';
import { WEB_DIST, buildApp } from '../server/app';
import { connect } from '../server/db/connect';
import { migrateToLatest } from '../server/db/migrate';
import { createTestDatabase } from '../test/databases';

export { DEMO_PASSWORD };

/** The first demo user of each role (officer → officer.tq). */
export const DEMO_USERS = Object.fromEntries([...DEMO_USER_LIST].reverse().map((u) => [u.role, u.username])) as Record<
  Role,
  string
>;

export const CHROMIUM = process.env.CANBO_CHROMIUM ?? '/usr/bin/chromium';

const TEMPLATE_DIR = path.resolve('test-output/e2e-template');

/**
 * The demo database, built once per test run and copied for each journey: loading the demo takes ~15 s on an
 * idle machine, and every journey loading it again made the browser suite slow and its timeouts flaky.
 * The first worker to arrive builds it under a lock file; the others wait for the finished file.
 */
async function demoTemplate(): Promise<string> {
  const file = path.join(TEMPLATE_DIR, `demo-${inject('testRunId')}.db`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(TEMPLATE_DIR, { recursive: true });
  let lock: number | undefined;
  try {
    lock = fs.openSync(`${file}.lock`, 'wx');
  } catch {
    const deadline = Date.now() + 10 * 60_000;
    while (!fs.existsSync(file)) {
      if (Date.now() > deadline) throw new Error(`the demo template ${file} was not built within 10 minutes`);
      await new Promise((r) => setTimeout(r, 250));
    }
    return file;
  }
  try {
    const database = await createTestDatabase('sqlite');
    try {
      await loadDemoIfEmpty(database.db);
      // VACUUM INTO writes one consistent file (the WAL folded in), then the rename publishes it whole.
      await sql`vacuum into ${sql.lit(`${file}.tmp`)}`.execute(database.db);
      fs.renameSync(`${file}.tmp`, file);
    } finally {
      await database.destroy();
    }
    return file;
  } finally {
    fs.closeSync(lock);
  }
}

/** A real server on a free port over a fresh copy of the demo database (SQLite), serving the built web app. */
export async function startTestServer(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html')))
    throw new Error('web/dist is missing: run `npm run build:web` (npm test does it first)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-e2e-'));
  const target = { dialect: 'sqlite' as const, file: path.join(dir, 'canbo.db') };
  fs.copyFileSync(await demoTemplate(), target.file);
  const ctx = connect(target);
  await migrateToLatest(ctx.db);
  const database = {
    ...ctx,
    destroy: async () => {
      await ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  const app = await buildApp({ database, serveWeb: true, loginRatePerMinute: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}

/** Debian's chromium, headless, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium fonts-liberation2`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function screenshotPath(name: string): string {
  const dir = path.resolve('test-output/e2e');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
