import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Every migration file in migrations/, by its timestamp name (YYYYMMDD_HHMM_what.ts); one set for both dialects. */
export async function loadMigrations(): Promise<Record<string, Migration>> {
  const files = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{8}_\d{4}_[a-z0-9_]+\.ts$/.test(f))
    .sort();
  const entries = await Promise.all(
    files.map(
      async (f) =>
        [f.replace(/\.ts$/, ''), (await import(pathToFileURL(path.join(MIGRATIONS_DIR, f)).href)) as Migration] as const,
    ),
  );
  return Object.fromEntries(entries);
}

export class MigrationError extends Error {}

/** Brings the schema up to date; throws (so the CLI exits non-zero) when any migration fails. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrations = await loadMigrations();
  // Branches developed in parallel land migrations whose timestamps interleave with ones already applied.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  const failed = result.results?.find((r) => r.status === 'Error');
  if (result.error || failed) {
    const cause = result.error instanceof Error ? result.error.message : String(result.error ?? '');
    throw new MigrationError(`Migration thất bại / migration failed: ${failed?.migrationName ?? '?'}: ${cause}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
