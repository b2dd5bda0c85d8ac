import { type Kysely, PostgresAdapter } from 'kysely';
import type { Dialect } from './database';

/** Which dialect a Kysely instance speaks; migrations use it for the few dialect-specific statements. */
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
