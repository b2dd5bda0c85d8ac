import { containsText } from '../../db/like';
import type { RoundSource, RoundStep } from '../../../contracts/planning-work';
import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import type { ReviewRow, RoundResultRow, RoundRow } from './planning.table';

export interface RoundWithResults {
  id: string;
  planId: string;
  step: RoundStep;
  heldOn: string;
  source: RoundSource;
  voteSessionId: string | null;
  summoned: number;
  present: number;
  participants: string;
  documents: { ref: string; title: string }[];
  results: { personId: string; fullName: string; agree: number; disagree: number; passed: boolean }[];
}

/** Every round of a cycle with its results, in two queries. */
export async function roundsOfCycle(db: Db | Trx, cycleId: string): Promise<RoundWithResults[]> {
  const rounds = await db
    .selectFrom('planning_rounds')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .orderBy('held_on')
    .orderBy('created_at')
    .execute();
  if (rounds.length === 0) return [];
  const results = await db
    .selectFrom('planning_round_results as r')
    .innerJoin('planning_rounds as d', 'd.id', 'r.round_id')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .select(['r.round_id', 'r.person_id', 'r.agree', 'r.disagree', 'r.passed', 'p.full_name'])
    .where('d.cycle_id', '=', cycleId)
    .orderBy('r.agree', 'desc')
    .orderBy('p.sort_key')
    .execute();
  const byRound = new Map<string, RoundWithResults['results']>();
  for (const r of results)
    (byRound.get(r.round_id) ?? byRound.set(r.round_id, []).get(r.round_id)!).push({
      personId: r.person_id,
      fullName: r.full_name,
      agree: Number(r.agree),
      disagree: Number(r.disagree),
      passed: Number(r.passed) === 1,
    });
  return rounds.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    step: r.step,
    heldOn: r.held_on,
    source: r.source,
    voteSessionId: r.vote_session_id,
    summoned: Number(r.summoned),
    present: Number(r.present),
    participants: r.participants,
    documents: JSON.parse(r.documents_json) as { ref: string; title: string }[],
    results: byRound.get(r.id) ?? [],
  }));
}

export async function insertRound(trx: Trx, row: RoundRow, results: readonly RoundResultRow[]): Promise<void> {
  await trx.insertInto('planning_rounds').values(row).execute();
  if (results.length)
    await trx
      .insertInto('planning_round_results')
      .values([...results])
      .execute();
}

export async function insertReview(trx: Trx, row: ReviewRow): Promise<void> {
  await trx.insertInto('planning_reviews').values(row).execute();
}

export async function reviewsOfCycle(db: Db | Trx, cycleId: string): Promise<ReviewRow[]> {
  return db
    .selectFrom('planning_reviews')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .orderBy('reviewed_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** Seats valid on `asOf` under `root` whose title or unit matches every folded word, a page at a time. */
export async function searchSeats(
  db: Db,
  f: { root: string; asOf: string; words: readonly string[]; offset: number; limit: number },
): Promise<{ items: { id: string; title_name: string; organization_name: string }[]; total: number }> {
  let q = db
    .selectFrom('positions as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .innerJoin('titles as t', 't.id', 'p.title_id')
    .where((eb) => inSubtrees(eb, 'o.path', [f.root]))
    .where('p.valid_from', '<=', f.asOf)
    .where((eb) => eb.or([eb('p.valid_to', 'is', null), eb('p.valid_to', '>', f.asOf)]));
  for (const w of f.words) q = q.where((eb) => eb.or([containsText('t.name_folded', w), containsText('o.name_folded', w)]));
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .select(['p.id', 't.name as title_name', 'o.name as organization_name'])
    .orderBy('t.rank_order')
    .orderBy('o.path')
    .orderBy('p.id')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  return { items, total: Number(total.n) };
}

/** Decided ratings from evaluation history for these people from `fromYear` on (yearly cycles), newest first. */
export async function ratingsOf(
  db: Db | Trx,
  personIds: readonly string[],
  fromYear: number,
): Promise<{ person_id: string; year: number; level: 'excellent' | 'good' | 'complete' | 'not_complete' }[]> {
  const out: { person_id: string; year: number; level: 'excellent' | 'good' | 'complete' | 'not_complete' }[] = [];
  const ids = [...new Set(personIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('evaluations as e')
      .innerJoin('evaluation_cycles as c', 'c.id', 'e.cycle_id')
      .select(['e.person_id', 'c.year', 'e.decided_level'])
      .where('e.person_id', 'in', ids.slice(i, i + 500))
      .where('c.kind', '=', 'annual')
      .where('c.year', '>=', fromYear)
      .where('e.decided_level', 'is not', null)
      .orderBy('c.year', 'desc')
      .execute();
    for (const r of rows) out.push({ person_id: r.person_id, year: Number(r.year), level: r.decided_level! });
  }
  return out;
}

/** The organization path of each person now (a person outside the cycle's organization has moved away). */
export async function personPaths(db: Db | Trx, personIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = [...new Set(personIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('persons as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .select(['p.id', 'o.path'])
      .where('p.id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.path);
  }
  return out;
}

/** The titles of vote sessions by id (the sessions a plan's people were voted on in). */
export async function voteSessionTitles(db: Db | Trx, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('vote_sessions')
      .select(['id', 'title'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.title);
  }
  return out;
}
