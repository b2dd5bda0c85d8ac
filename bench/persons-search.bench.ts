// Search p50/p95 for diacritics-free name queries with a subtree filter, through the service (scope, filters,
// Vietnamese order, total count), against the raw full-text query for the same words in the same run
// (FTS5 MATCH on SQLite, the trigram LIKE on PostgreSQL). `--persons=N` (default 50,000); `--full` = 2,500,000;
// `--postgres` for an embedded PostgreSQL; `--dataset=FILE|postgres://…` reuses a generated national data set
// (see bench/dataset.ts). Prints the RSS with the database open.
import { sql } from 'kysely';
import type { Actor } from '../server/features/access/access.rules';
import { listPersons } from '../server/features/persons/person.service';
import { openBenchDatabase } from './dataset';
import { ratio } from './lib';

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export async function run(argv: string[]): Promise<void> {
  const bench = await openBenchDatabase(argv, 'search', 50_000);
  const { ctx, kind } = bench;
  try {
    const root = await ctx.db
      .selectFrom('organizations')
      .select(['id', 'path'])
      .where('code', '=', 'GEN')
      .executeTakeFirstOrThrow();
    const province = await ctx.db
      .selectFrom('organizations')
      .select(['id', 'path'])
      .where('code', '=', 'GEN.08')
      .executeTakeFirstOrThrow();
    const actor: Actor = {
      userId: 'bench',
      username: 'bench',
      grants: [{ role: 'officer', organizationId: root.id, organizationName: 'GEN', path: root.path }],
    };

    // Queries: full names of people in the province, typed without diacritics ("nguyen van duc").
    const sample = await ctx.db
      .selectFrom('persons as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .select('p.name_folded')
      .where('o.path', 'like', `${province.path}%`)
      .orderBy('p.id')
      .limit(400)
      .execute();
    const queries = [...new Set(sample.map((s) => s.name_folded))].slice(0, 100);
    const raw = async (q: string) => {
      const tokens = q.split(' ');
      if (kind === 'sqlite')
        await sql`select rowid from persons_fts where persons_fts match ${tokens.map((t) => `"${t}"*`).join(' ')} limit 20`.execute(
          ctx.db,
        );
      else
        await sql`select id from persons where ${sql.join(
          tokens.map((t) => sql`(' ' || name_folded) like ${`% ${t}%`}`),
          sql` and `,
        )} limit 20`.execute(ctx.db);
    };
    const full = async (q: string) => listPersons(ctx!, actor, { q, organizationId: province.id, limit: 20, offset: 0 });
    for (const q of queries.slice(0, 10)) await Promise.all([raw(q), full(q)]); // warm up
    const rawMs: number[] = [];
    const fullMs: number[] = [];
    for (let round = 0; round < 3; round++)
      for (const q of queries) {
        let t = performance.now();
        await raw(q);
        rawMs.push(performance.now() - t);
        t = performance.now();
        await full(q);
        fullMs.push(performance.now() - t);
      }
    const rss = process.memoryUsage().rss / 1e6;
    console.log(
      `${bench.persons} hồ sơ / persons (${kind}), ${queries.length} truy vấn × 3 / queries × 3, lọc đơn vị / subtree: 1 tỉnh / one province`,
    );
    console.log(
      'raw full-text query, same words'.padEnd(52),
      `p50 ${pct(rawMs, 50).toFixed(2)} ms  p95 ${pct(rawMs, 95).toFixed(2)} ms`,
    );
    console.log(
      'GET /api/persons?q=…&organizationId=… (service)'.padEnd(52),
      `p50 ${pct(fullMs, 50).toFixed(2)} ms  p95 ${pct(fullMs, 95).toFixed(2)} ms  ${ratio(pct(fullMs, 95), pct(rawMs, 95))} of raw p95 (target ≤ 3×, p95 ≤ 30 ms)`,
    );
    console.log(`RSS của tiến trình với CSDL đang mở / process RSS with the database open: ${rss.toFixed(0)} MB`);
  } finally {
    await bench.close();
  }
}
