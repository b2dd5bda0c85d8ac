import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseTarget } from '../server/config';
import { connect } from '../server/db/connect';
import type { DbContext, Dialect } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';

export { testDialects } from './dialects';

export interface TestDatabase extends DbContext {
  target: DatabaseTarget;
  /** Drops the database (PostgreSQL) or deletes the file (SQLite). */
  destroy(): Promise<void>;
}

let counter = 0;

/** A new, migrated, empty database of the dialect: a file in /tmp, or a fresh database in the test PostgreSQL. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const name = `canbo_t_${process.pid}_${Date.now()}_${counter++}`;
  let target: DatabaseTarget;
  let drop: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-sqlite-'));
    target = { dialect: 'sqlite', file: path.join(dir, 'canbo.db') };
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const adminUrl = inject('postgresUrl');
    await withAdmin(adminUrl, (c) => c.query(`create database ${name}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    target = { dialect: 'postgres', url: url.toString() };
    drop = () => withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined);
  }
  const ctx = connect(target);
  await migrateToLatest(ctx.db);
  return {
    ...ctx,
    target,
    destroy: async () => {
      await ctx.close();
      await drop();
    },
  };
}

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
