// Batch eligibility over the database: findEligible for one title over N generated persons (SQL pushdown of the
// confirmed hard rules, then the engine on the short list), against a plain indexed count(*) over the same pushed-down
// filter in the same run. `npm run bench eligibility-db [--persons=200000] [--postgres] [--explain]`; the target scale
// is `--persons=2500000 --postgres` (and on SQLite), ≤ 1 s per title. PostgreSQL is a throwaway embedded server, or
// the server of CANBO_TEST_POSTGRES_URL (a database is created there and dropped at the end). `--explain` prints the
// plans of the pushed-down query and of the count (EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY PLAN on SQLite).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { generatePersons } from '../scripts/generate/generate-persons';
import { connect } from '../server/db/connect';
import type { DbContext } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { findEligible, targetTitle } from '../server/features/policy/eligibility.batch';
import { prefilterFor } from '../server/features/policy/eligibility.batch.rules';
import { candidatesQuery, countPassing, countPassingQuery } from '../server/features/policy/eligibility.repository';
import { loadPolicyLibrary } from '../server/features/policy/pack.loader';
import { policyAt } from '../server/features/policy/policy.library';
import { standardsFor } from '../server/features/policy/title-standards';
import { syncTitleCatalog } from '../server/features/titles/title.service';
import { flag, ratio } from './lib';
import { startBenchPostgres } from './postgres';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(argv: string[]): Promise<void> {
  const persons = flag(argv, 'persons', 200_000);
  const kind = argv.includes('--postgres') ? 'postgres' : 'sqlite';
  const explain = argv.includes('--explain');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-bench-eligibility-'));
  const pg = kind === 'postgres' ? await benchPostgres(dir) : null;
  let ctx: DbContext | null = null;
  try {
    ctx =
      kind === 'sqlite'
        ? connect({ dialect: 'sqlite', file: path.join(dir, 'canbo.db') })
        : connect({ dialect: 'postgres', url: pg!.url });
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
    const root = await ctx.db.selectFrom('organizations').select('path').where('code', '=', 'GEN').executeTakeFirstOrThrow();
    const library = loadPolicyLibrary();
    const onDate = '2026-06-01';
    console.log(`${persons.toLocaleString('en')} hồ sơ / persons (${kind}), cả nước / whole tree, ngày / date ${onDate}`);

    for (const [code, purpose] of [
      ['PHO_BI_THU_TINH_UY', 'planning'],
      ['GIAM_DOC_SO', 'planning'],
      ['PHO_BI_THU_TINH_UY', 'appointment'],
    ] as const) {
      const policy = policyAt(library, onDate, 'party');
      const { target, catalog } = (await targetTitle(ctx.db, { targetTitleCode: code, onDate }))!;
      const prefilter = prefilterFor({
        policy,
        purpose,
        target,
        catalog,
        standards: standardsFor(library.standards, target, onDate),
      });
      const count = () => countPassing(ctx!.db, { prefilter, roots: [root.path], filters: {} });
      const batch = () =>
        findEligible(ctx!.db, { library, targetTitleCode: code, scopePaths: [root.path], onDate, purpose, limit: 100 });
      const passing = await count();
      await batch(); // warm up
      const countMs: number[] = [];
      const batchMs: number[] = [];
      let result = await batch();
      for (let i = 0; i < 5; i++) {
        let t = performance.now();
        await count();
        countMs.push(performance.now() - t);
        t = performance.now();
        result = await batch();
        batchMs.push(performance.now() - t);
      }
      console.log(
        `${code} (${purpose}): ${result.eligible.length} eligible, ${result.oneShort.length} one short of ${passing.toLocaleString('en')} passing the SQL conditions, ${result.scanned} judged by the engine`,
      );
      console.log(
        `  count(*) same filter: median ${median(countMs).toFixed(1)} ms | findEligible (100 + 100): median ${median(batchMs).toFixed(1)} ms, max ${Math.max(...batchMs).toFixed(1)} ms = ${ratio(median(batchMs), median(countMs))} the count (target ≤ 1000 ms)`,
      );
      if (explain) {
        const o = { prefilter, roots: [root.path], filters: {} };
        const plans = [
          ['eligible scan (limit 500)', candidatesQuery(ctx.db, { ...o, mode: 'pass', limit: 500 })],
          ['count(*)', countPassingQuery(ctx.db, o)],
        ] as const;
        for (const [name, q] of plans) {
          const rows = (kind === 'postgres' ? await q.explain(undefined, sql`analyze, buffers`) : await q.explain()) as Record<
            string,
            unknown
          >[];
          console.log(`  plan: ${name}`);
          for (const r of rows)
            console.log(
              `    ${Object.values(r)
                .filter((v) => typeof v === 'string')
                .join(' | ')}`,
            );
        }
      }
    }
  } finally {
    await ctx?.close();
    await pg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh database on CANBO_TEST_POSTGRES_URL's server, else on a throwaway embedded server. */
async function benchPostgres(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const external = process.env.CANBO_TEST_POSTGRES_URL;
  const name = `eligibility_${process.pid}`;
  if (external) {
    const admin = async (statement: string) => {
      const c = new pg.Client({ connectionString: external });
      await c.connect();
      try {
        await c.query(statement);
      } finally {
        await c.end();
      }
    };
    await admin(`create database ${name}`);
    const url = new URL(external);
    url.pathname = `/${name}`;
    return { url: url.toString(), stop: () => admin(`drop database if exists ${name}`) };
  }
  const server = await startBenchPostgres(dir);
  await server.admin(`create database ${name}`);
  return { url: server.url(name), stop: server.stop };
}
