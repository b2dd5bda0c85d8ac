// Batch eligibility over the database: findEligible for one title over the whole tree (SQL pushdown of the confirmed
// hard rules, the engine on the short list, and the bounded totals: eligible / one short, and those passing the
// database conditions counted exactly up to 10,000), against a plain indexed count(*) over the same pushed-down filter
// in the same run. Target: ≤ 1 s per title (whole answer, totals included) at 2.5 million persons.
//   npm run bench eligibility-db [-- --persons=200000] [--postgres] [--explain] [--runs=5]
//   npm run bench eligibility-db -- --dataset=/work/bench-data/national.db
//   npm run bench eligibility-db -- --dataset=postgres://postgres@127.0.0.1:5499/national
// `--dataset` reuses a generated national data set read-only (see bench/dataset.ts); otherwise a throwaway database of
// `--persons` generated persons (default 200,000; `--full` = 2.5 million). `--explain` prints the plans of the
// pushed-down query, of the bounded count and of the plain count (EXPLAIN ANALYZE on PostgreSQL, QUERY PLAN on SQLite).
import { sql } from 'kysely';
import { PASSING_COUNT_CAP, type BoundedCount, findEligible, targetTitle } from '../server/features/policy/eligibility.batch';
import { prefilterFor } from '../server/features/policy/eligibility.batch.rules';
import {
  candidatesQuery,
  countPassing,
  countPassingQuery,
  countPassingUpTo,
} from '../server/features/policy/eligibility.repository';
import { loadPolicyLibrary } from '../server/features/policy/pack.loader';
import { policyAt } from '../server/features/policy/policy.library';
import { standardsFor } from '../server/features/policy/title-standards';
import { openBenchDatabase } from './dataset';
import { flag, ratio } from './lib';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const shown = (c: BoundedCount | null) =>
  !c ? '—' : c.relation === 'exact' ? c.value.toLocaleString('en') : `${c.relation} ${c.value.toLocaleString('en')}`;

/** The titles measured: a frequent one, a provincial deputy secretary (planning and appointment), and one nobody passes. */
const CASES = [
  ['GIAM_DOC_SO', 'planning', 'party'],
  ['PHO_BI_THU_TINH_UY', 'planning', 'party'],
  ['PHO_BI_THU_TINH_UY', 'appointment', 'party'],
  ['BI_THU_TINH_UY', 'appointment', 'party'],
] as const;

export async function run(argv: string[]): Promise<void> {
  const explain = argv.includes('--explain');
  const runs = Math.max(1, flag(argv, 'runs', 5));
  const bench = await openBenchDatabase(argv, 'eligibility', 200_000);
  const { ctx, kind } = bench;
  try {
    const root =
      (await ctx.db.selectFrom('organizations').select('path').where('code', '=', 'GEN').executeTakeFirst()) ??
      (await ctx.db
        .selectFrom('organizations')
        .select('path')
        .where('parent_id', 'is', null)
        .orderBy('path')
        .executeTakeFirstOrThrow());
    const library = loadPolicyLibrary();
    const onDate = '2026-06-01';
    console.log(
      `${bench.persons.toLocaleString('en')} hồ sơ / persons (${kind}${bench.reused ? ', bộ dữ liệu dùng lại / reused dataset' : ''}), cả nước / whole tree, ngày / date ${onDate}, ${runs} lần đo / runs`,
    );
    const verdicts: string[] = [];
    for (const [code, purpose, track] of CASES) {
      const policy = policyAt(library, onDate, track);
      const found = await targetTitle(ctx.db, { targetTitleCode: code, onDate });
      if (!found) {
        console.log(`${code}: không có trong danh mục / not in the catalog, bỏ qua / skipped`);
        continue;
      }
      const { target, catalog } = found;
      const prefilter = prefilterFor({
        policy,
        purpose,
        target,
        catalog,
        standards: standardsFor(library.standards, target, onDate),
      });
      const o = { prefilter, roots: [root.path], filters: {} };
      const count = () => countPassing(ctx.db, o);
      const batch = () =>
        findEligible(ctx.db, { library, targetTitleCode: code, scopePaths: [root.path], onDate, purpose, track, limit: 100 });
      await batch(); // warm up
      const countMs: number[] = [];
      const batchMs: number[] = [];
      let passing = 0;
      let result = await batch();
      for (let i = 0; i < runs; i++) {
        let t = performance.now();
        passing = await count();
        countMs.push(performance.now() - t);
        t = performance.now();
        result = await batch();
        batchMs.push(performance.now() - t);
      }
      const t = performance.now();
      await countPassingUpTo(ctx.db, o, PASSING_COUNT_CAP);
      const boundedMs = performance.now() - t;
      const m = median(batchMs);
      console.log(
        `${code} (${purpose}, ${track}): ${result.eligible.length} listed eligible (total ${shown(result.totals.eligible)}), ${result.oneShort.length} listed one short (total ${shown(result.totals.oneShort)}); passing the SQL conditions: ${shown(result.totals.passing)} shown to the user, exactly ${passing.toLocaleString('en')} by the plain count; ${result.scanned} judged by the engine`,
      );
      console.log(
        `  plain count(*) same filter: median ${median(countMs).toFixed(1)} ms | findEligible (lists of 100 + totals): median ${m.toFixed(1)} ms, max ${Math.max(...batchMs).toFixed(1)} ms = ${ratio(m, median(countMs))} the plain count | bounded count alone ${boundedMs.toFixed(1)} ms | target ≤ 1000 ms: ${m <= 1000 ? 'MET' : 'NOT MET'}`,
      );
      verdicts.push(`${code}/${purpose}: ${m.toFixed(0)} ms ${m <= 1000 ? '≤' : '>'} 1000 ms`);
      if (explain) {
        const plans = [
          ['eligible scan (limit 200)', candidatesQuery(ctx.db, { ...o, mode: 'pass', limit: 200 })],
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
    console.log(`Tóm tắt / summary (${kind}, ${bench.persons.toLocaleString('en')}): ${verdicts.join('; ')}`);
  } finally {
    await bench.close();
  }
}
