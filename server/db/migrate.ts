import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import * as foundation from './migrations/20261127_1500_foundation';

/** Every migration, by its timestamp name; one list for both dialects. */
export const MIGRATIONS: Record<string, Migration> = {
  '20261127_1500_foundation': foundation,
};

export class MigrationError extends Error {}

/** Brings the schema up to date; throws (so the CLI exits non-zero) when any migration fails. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  const failed = result.results?.find((r) => r.status === 'Error');
  if (result.error || failed) {
    const cause = result.error instanceof Error ? result.error.message : String(result.error ?? '');
    throw new MigrationError(`Migration thất bại / migration failed: ${failed?.migrationName ?? '?'}: ${cause}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
