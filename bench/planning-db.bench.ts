// Planning over the database, on N generated persons: (1) a province's whole plan (default 2,000 seats × 3 people)
// loaded and judged as getCycle answers it, against reading the same candidate rows alone; (2) the candidate finder
// for one title (eligible people in scope, ratings, 9-box) against a plain indexed count(*) of the people passing the
// same SQL conditions. Both baselines are measured in the same run.
// `npm run bench planning-db [-- --persons=200000 --seats=2000 --candidates=3 --runs=5 --postgres]`; the scale
// on the shared national data sets: `-- --dataset=/work/bench-data/national.db` or
// `-- --dataset=postgres://postgres@127.0.0.1:5499/national` (the cycle it inserts is deleted again in `finally`).
// `--cycle-only` skips the finder (its baseline count is a full scan: tens of seconds at 2.5 million on SQLite).
import { performance } from 'node:perf_hooks';
import { newId, nowIso } from '../server/lib/ids';
import type { Actor } from '../server/features/access/access.rules';
import { findCandidates } from '../server/features/planning/planning.finder.service';
import * as repo from '../server/features/planning/planning.repository';
import { getCycle } from '../server/features/planning/planning.service';
import { parseRecord } from '../server/features/persons/person.mapper';
import { targetTitle } from '../server/features/policy/eligibility.batch';
import { prefilterFor } from '../server/features/policy/eligibility.batch.rules';
import { countPassing } from '../server/features/policy/eligibility.repository';
import { loadPolicyLibrary } from '../server/features/policy/pack.loader';
import { policyAt } from '../server/features/policy/policy.library';
import { standardsFor } from '../server/features/policy/title-standards';
import { flag, ratio } from './lib';
import { openBenchDatabase } from './dataset';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(runs: number, f: () => Promise<T>): Promise<{ ms: number; max: number; last: T }> {
  let last = await f(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await f();
    ms.push(performance.now() - t);
  }
  return { ms: median(ms), max: Math.max(...ms), last };
}

export async function run(argv: string[]): Promise<void> {
  const seats = flag(argv, 'seats', 2000);
  const perSeat = flag(argv, 'candidates', 3);
  const runs = flag(argv, 'runs', 5);
  const bench = await openBenchDatabase(argv, 'planning', 200_000);
  const { ctx, kind, persons } = bench;
  const db = ctx.db;
  const cycleId = newId();
  let inserted = false;
  try {
    console.log(
      `${persons.toLocaleString('en')} hồ sơ / persons (${kind})${bench.reused ? ', bộ dữ liệu dùng lại / reused dataset' : ''}`,
    );
    const root = await db
      .selectFrom('organizations')
      .select(['id', 'path', 'name'])
      .where('code', '=', 'GEN')
      .executeTakeFirstOrThrow();
    const actor: Actor = {
      userId: 'bench',
      username: 'bench',
      grants: [{ role: 'officer', organizationId: root.id, organizationName: root.name, path: root.path }],
    };
    const library = loadPolicyLibrary();
    const planning = { db, library };
    const policyDate = '2026-06-01';
    const titleId = '368-QD-TW:GIAM_DOC_SO';

    // A cycle over the whole tree with `seats` seat plans of `perSeat` people each (a few people in several plans),
    // one seat per organization as in a province's plan (the same title in 2,000 organizations, not 2,000 plans for
    // one seat: those made everyone fail "at most 3 people per title"). On a reused dataset everything inserted here
    // is deleted in the `finally` below.
    const units = await db
      .selectFrom('organizations')
      .select('id')
      .where('path', 'like', `${root.path}%`)
      .where('id', '<>', root.id)
      .orderBy('path')
      .limit(seats)
      .execute();
    const people = await db
      .selectFrom('persons')
      .select('id')
      .where('birth_year', '>=', 1972)
      .orderBy('id')
      .limit(seats * perSeat)
      .execute();
    inserted = true;
    await db.transaction().execute(async (trx) => {
      await repo.insertCycle(trx, {
        id: cycleId,
        organization_id: root.id,
        name: 'Bench',
        term_from: 2026,
        term_to: 2031,
        level: 'provincial',
        track: 'party',
        approving_authority: 'Bench',
        policy_date: policyDate,
        reference_key: 'provincial',
        reference_date: '2030-09-01',
        status: 'draft',
        created_by: null,
        created_at: nowIso(),
      });
      for (let s = 0; s < seats; s++) {
        const planId = newId();
        await repo.insertPlan(trx, {
          id: planId,
          cycle_id: cycleId,
          kind: 'seat',
          organization_id: (units[s % Math.max(1, units.length)] ?? root).id,
          position_id: null,
          title_id: titleId,
          committee_kind: null,
          statutory_size: null,
          created_at: nowIso(),
        });
        for (let k = 0; k < perSeat; k++) {
          const i = s * perSeat + k;
          await repo.insertCandidate(trx, {
            id: newId(),
            plan_id: planId,
            cycle_id: cycleId,
            person_id: people[i % 5 === 0 ? i % 1000 : i % people.length]!.id,
            target_title_id: titleId,
            readiness: 'one_two_years',
            rank: k + 1,
            emergency: 0,
            proposed_for_appointment: 0,
            notes: null,
            added_on: policyDate,
            removed_on: null,
            removal_reason: null,
            created_at: nowIso(),
          });
        }
      }
    });
    const planId = (await repo.plansOfCycle(db, cycleId))[0]!.id;

    // The baseline is the first step of the load before it was batched: every candidate row with its full record,
    // parsed in full (what getCycle did before it judged anything).
    const read = await timed(runs, async () => {
      const rows = await repo.activeCandidatesOfCycle(db, cycleId);
      const ids = [...new Set(rows.map((r) => r.person_id))];
      const records = new Map<string, string>();
      for (let i = 0; i < ids.length; i += 1000)
        for (const r of await db
          .selectFrom('persons')
          .select(['id', 'data_json'])
          .where('id', 'in', ids.slice(i, i + 1000))
          .execute())
          records.set(r.id, r.data_json);
      return rows.map((r) => ({ ...r, record: parseRecord(records.get(r.person_id)!) }));
    });
    const whole = await timed(runs, () => getCycle(planning, actor, cycleId));
    console.log(
      `plan: ${seats} seats × ${perSeat} = ${read.last.length} people; ${whole.last.blockingCount} blocking verdicts; median of ${runs} runs`,
    );
    console.log(`  baseline: read every candidate row with its full record    ${read.ms.toFixed(1).padStart(8)} ms`);
    console.log(
      `  getCycle: load, judge every planning rule, shape the answer ${whole.ms.toFixed(1).padStart(8)} ms (max ${whole.max.toFixed(1)}) = ${ratio(whole.ms, read.ms)} the read (target ≤ 500 ms)`,
    );

    if (argv.includes('--cycle-only')) return;
    const policy = policyAt(library, policyDate, 'party');
    const { target, catalog } = (await targetTitle(db, { titleId, onDate: policyDate }))!;
    const prefilter = prefilterFor({
      policy,
      purpose: 'planning',
      target,
      catalog,
      standards: standardsFor(library.standards, target, policyDate),
      referenceKey: 'provincial',
    });
    // The baseline counts every person passing the conditions: measured once (at 2.5 million it is a full scan).
    const t0 = performance.now();
    const counted = await countPassing(db, { prefilter, roots: [root.path], filters: {} });
    const count = { ms: performance.now() - t0, last: counted };
    for (const [label, q] of [
      ['eligible', { sort: 'fit' as const }],
      ['one requirement short', { sort: 'fit' as const, oneShort: '1' as const }],
      ['women, youngest first', { sort: 'youngest' as const, women: '1' as const }],
    ] as const) {
      const found = await timed(runs, () => findCandidates(planning, actor, planId, q));
      console.log(
        `finder (${label}): ${found.last.items.length} listed of ${count.last.toLocaleString('en')} passing the SQL conditions, ${found.last.scanned} judged`,
      );
      console.log(
        `  count(*) same conditions ${count.ms.toFixed(1)} ms | finder median ${found.ms.toFixed(1)} ms, max ${found.max.toFixed(1)} ms = ${ratio(found.ms, count.ms)} the count (target ≤ 1000 ms)`,
      );
    }
  } finally {
    if (inserted) {
      await db.deleteFrom('planning_candidates').where('cycle_id', '=', cycleId).execute();
      await db.deleteFrom('planning_plans').where('cycle_id', '=', cycleId).execute();
      await db.deleteFrom('planning_cycles').where('id', '=', cycleId).execute();
    }
    await bench.close();
  }
}
