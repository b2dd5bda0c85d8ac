import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import type { Role } from '../contracts/common';
import { DEMO_PASSWORD, DEMO_USERS as DEMO_USER_LIST, loadDemoIfEmpty } from '../scripts/demo';
import { WEB_DIST, buildApp } from '../server/app';
import { createTestDatabase } from '../test/databases';

export { DEMO_PASSWORD };

/** The first demo user of each role (officer → officer.tq). */
export const DEMO_USERS = Object.fromEntries([...DEMO_USER_LIST].reverse().map((u) => [u.role, u.username])) as Record<
  Role,
  string
>;

export const CHROMIUM = process.env.CANBO_CHROMIUM ?? '/usr/bin/chromium';

/** A real server on a free port over a fresh SQLite database with the demo data, serving the built web app. */
export async function startTestServer(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html')))
    throw new Error('web/dist is missing: run `npm run build:web` (npm test does it first)');
  const database = await createTestDatabase('sqlite');
  await loadDemoIfEmpty(database.db);
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
