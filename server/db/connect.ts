import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config';
import type { Database, DbContext } from './database';

// Counts and bigints come back as numbers on PostgreSQL as they do on SQLite.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

/** MiB; CANBO_SQLITE_CACHE_MB overrides it for the server and the CLI. */
export const DEFAULT_SQLITE_CACHE_MB = 64;

export function connect(target: DatabaseTarget): DbContext {
  if (target.dialect === 'sqlite') {
    if (target.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(target.file)), { recursive: true });
    const sqlite = new SQLite(target.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // SQLite's default 2 MiB cache cannot hold the inner pages of a national data set's indexes, so every lookup
    // rereads them from the OS: with 64 MiB, fetching a province plan's 4,800 people by id takes half the time.
    sqlite.pragma(`cache_size = ${-1024 * (target.cacheMb ?? DEFAULT_SQLITE_CACHE_MB)}`);
    // Lets `path LIKE '/root/%'` use the path index (paths are ids and slashes; folded columns are lower case).
    sqlite.pragma('case_sensitive_like = ON');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  // An idle client losing its connection (server restart, database dropped) must not crash the process;
  // the pool replaces it and the next query reports any lasting problem.
  pool.on('error', (err) => console.error(`[postgres] idle connection lost: ${err.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** Kysely prepares every query anew; reusing prepared statements halves the cost of small reads. */
function withStatementCache(sqlite: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SQLite.Statement {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}
