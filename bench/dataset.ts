import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { generatePersons } from '../scripts/generate/generate-persons';
import { connect } from '../server/db/connect';
import type { DbContext } from '../server/db/database';
import { loadMigrations, migrateToLatest } from '../server/db/migrate';
import { syncTitleCatalog } from '../server/features/titles/title.service';
import { flag } from './lib';
import { startBenchPostgres } from './postgres';

export interface BenchDatabase {
  ctx: DbContext;
  kind: 'sqlite' | 'postgres';
  /** Persons in the database (generated now or found in a reused dataset). */
  persons: number;
  /** True when an existing dataset was opened: the benchmark must leave it as it found it. */
  reused: boolean;
  close: () => Promise<void>;
}

/**
 * The database a benchmark runs on. By default a throwaway one (SQLite file, or embedded PostgreSQL with `--postgres`)
 * filled with `--persons=N` generated persons. `--dataset=FILE|postgres://…` reuses a national data set generated once
 * (`canbo generate --persons 2500000`; generating 2.5 million takes 10–20 minutes), so full-scale runs measure queries,
 * not generation. A reused dataset is never migrated silently: if this branch has migrations it lacks, the run stops
 * and names them, unless `--migrate` is given.
 */
export async function openBenchDatabase(argv: string[], name: string, defaultPersons: number): Promise<BenchDatabase> {
  const dataset = argv.find((a) => a.startsWith('--dataset='))?.slice('--dataset='.length);
  if (dataset) return openDataset(dataset, argv.includes('--migrate'));
  const kind = argv.includes('--postgres') || argv.includes('--dialect=postgres') ? 'postgres' : 'sqlite';
  const persons = argv.includes('--full') ? 2_500_000 : flag(argv, 'persons', defaultPersons);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `canbo-bench-${name}-`));
  const pg = kind === 'postgres' ? await startBenchPostgres(dir) : null;
  if (pg) await pg.admin(`create database ${name.replace(/\W/g, '_')}`);
  const ctx =
    kind === 'sqlite'
      ? connect({ dialect: 'sqlite', file: path.join(dir, 'canbo.db') })
      : connect({ dialect: 'postgres', url: pg!.url(name.replace(/\W/g, '_')) });
  const close = async () => {
    await ctx.close();
    await pg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await migrateToLatest(ctx.db);
    await syncTitleCatalog(ctx.db);
    const t0 = performance.now();
    let last = 0;
    await generatePersons(ctx.db, {
      count: persons,
      seed: 2026,
      onProgress: (d, t) => {
        if (d - last >= 250_000 || d === t) {
          last = d;
          console.log(`  sinh / generated ${d}/${t} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
        }
      },
    });
    await sql`analyze`.execute(ctx.db);
  } catch (e) {
    await close();
    throw e;
  }
  return { ctx, kind, persons, reused: false, close };
}

async function openDataset(target: string, migrate: boolean): Promise<BenchDatabase> {
  const kind = target.startsWith('postgres://') || target.startsWith('postgresql://') ? 'postgres' : 'sqlite';
  const ctx =
    kind === 'sqlite'
      ? connect({ dialect: 'sqlite', file: target.replace(/^sqlite:/, '') })
      : connect({ dialect: 'postgres', url: target });
  try {
    const applied = new Set(
      (await sql<{ name: string }>`select name from kysely_migration`.execute(ctx.db)).rows.map((r) => r.name),
    );
    const missing = Object.keys(await loadMigrations()).filter((m) => !applied.has(m));
    if (missing.length > 0) {
      if (!migrate)
        throw new Error(
          `Bộ dữ liệu ${target} thiếu các migration của nhánh này / the dataset lacks this branch's migrations: ${missing.join(', ')}. ` +
            'Thêm --migrate để áp dụng / add --migrate to apply them (changes the shared dataset).',
        );
      console.log(`  áp dụng / applying ${missing.length} migration(s): ${missing.join(', ')}`);
      await migrateToLatest(ctx.db);
      await syncTitleCatalog(ctx.db);
      await sql`analyze`.execute(ctx.db);
    }
    const n = await ctx.db
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const persons = Number(n.n);
    console.log(`  dùng lại bộ dữ liệu / reusing dataset ${target.replace(/:[^:@/]*@/, ':***@')}: ${persons} persons`);
    return { ctx, kind, persons, reused: true, close: () => ctx.close() };
  } catch (e) {
    await ctx.close();
    throw e;
  }
}
