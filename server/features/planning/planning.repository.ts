import { containsText } from '../../db/like';
import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import type { TitleRow } from '../titles/title.table';
import type { CandidateRow, CycleRow, ExceptionRow, NewCandidateRow, PlanRow } from './planning.table';

export type CycleWithOrg = CycleRow & { organization_name: string; organization_path: string };

export async function listCycles(
  db: Db,
  roots: readonly string[],
): Promise<(CycleWithOrg & { plan_count: number; candidate_count: number })[]> {
  const rows = await db
    .selectFrom('planning_cycles as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .selectAll('c')
    .select(['o.name as organization_name', 'o.path as organization_path'])
    .select((eb) => [
      eb
        .selectFrom('planning_plans as p')
        .whereRef('p.cycle_id', '=', 'c.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('plan_count'),
      eb
        .selectFrom('planning_candidates as k')
        .whereRef('k.cycle_id', '=', 'c.id')
        .where('k.removed_on', 'is', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('candidate_count'),
    ])
    .where((eb) => inSubtrees(eb, 'o.path', roots))
    .orderBy('c.created_at', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, plan_count: Number(r.plan_count ?? 0), candidate_count: Number(r.candidate_count ?? 0) }));
}

export async function findCycle(db: Db | Trx, id: string): Promise<CycleWithOrg | undefined> {
  return db
    .selectFrom('planning_cycles as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .selectAll('c')
    .select(['o.name as organization_name', 'o.path as organization_path'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function insertCycle(trx: Trx, row: CycleRow): Promise<void> {
  await trx.insertInto('planning_cycles').values(row).execute();
}

export async function setCycleStatus(trx: Trx, id: string, status: CycleRow['status']): Promise<void> {
  await trx.updateTable('planning_cycles').set({ status }).where('id', '=', id).execute();
}

export type PlanWithNames = PlanRow & { organization_name: string; organization_path: string; title_name: string | null };

const plans = (db: Db | Trx) =>
  db
    .selectFrom('planning_plans as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .leftJoin('titles as t', 't.id', 'p.title_id')
    .selectAll('p')
    .select(['o.name as organization_name', 'o.path as organization_path', 't.name as title_name']);

export async function plansOfCycle(db: Db | Trx, cycleId: string): Promise<PlanWithNames[]> {
  return plans(db).where('p.cycle_id', '=', cycleId).orderBy('o.path').orderBy('p.created_at').orderBy('p.id').execute();
}

export async function findPlan(db: Db | Trx, id: string): Promise<PlanWithNames | undefined> {
  return plans(db).where('p.id', '=', id).executeTakeFirst();
}

export async function insertPlan(trx: Trx, row: PlanRow): Promise<void> {
  await trx.insertInto('planning_plans').values(row).execute();
}

/** The candidates still in the cycle's plans, with what the rules read from their records. */
export type CandidateWithPerson = CandidateRow & {
  full_name: string;
  sex: 'M' | 'F';
  birth_date: string;
  ethnicity: string;
  current_title: string | null;
  current_title_code: string | null;
  person_organization_name: string;
  person_organization_path: string;
  target_title_name: string | null;
};

export async function activeCandidatesOfCycle(db: Db | Trx, cycleId: string): Promise<CandidateWithPerson[]> {
  return db
    .selectFrom('planning_candidates as k')
    .innerJoin('persons as p', 'p.id', 'k.person_id')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .leftJoin('titles as t', 't.id', 'k.target_title_id')
    .selectAll('k')
    .select([
      'p.full_name',
      'p.sex',
      'p.birth_date',
      'p.ethnicity',
      'p.current_title',
      'p.current_title_code',
      'o.name as person_organization_name',
      'o.path as person_organization_path',
      't.name as target_title_name',
    ])
    .where('k.cycle_id', '=', cycleId)
    .where('k.removed_on', 'is', null)
    .orderBy('k.plan_id')
    .orderBy('k.rank')
    .orderBy('k.id')
    .execute();
}

/**
 * Those parts of these people's stored records, once each (a cycle names the same person in several plans), from
 * planning_record_parts (kept by triggers): reading and cutting the 3 KB records themselves dominated a large cycle.
 */
export async function recordsOf(db: Db | Trx, personIds: readonly string[]): Promise<{ id: string; data_json: string }[]> {
  const out: { id: string; data_json: string }[] = [];
  const ids = [...new Set(personIds)];
  for (let i = 0; i < ids.length; i += 1000)
    out.push(
      ...(await db
        .selectFrom('planning_record_parts')
        .select(['person_id as id', 'parts_json as data_json'])
        .where('person_id', 'in', ids.slice(i, i + 1000))
        .execute()),
    );
  return out;
}

/** The people in a plan now (the finder leaves them out). */
export async function activePersonIdsOfPlan(db: Db | Trx, planId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('planning_candidates')
    .select('person_id')
    .where('plan_id', '=', planId)
    .where('removed_on', 'is', null)
    .execute();
  return rows.map((r) => r.person_id);
}

export async function findCandidate(db: Db | Trx, id: string): Promise<CandidateRow | undefined> {
  return db.selectFrom('planning_candidates').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCandidate(trx: Trx, row: NewCandidateRow): Promise<void> {
  await trx.insertInto('planning_candidates').values(row).execute();
}

export async function updateCandidate(
  trx: Trx,
  id: string,
  set: Partial<
    Pick<
      CandidateRow,
      'readiness' | 'rank' | 'emergency' | 'proposed_for_appointment' | 'notes' | 'removed_on' | 'removal_reason'
    >
  >,
): Promise<void> {
  await trx.updateTable('planning_candidates').set(set).where('id', '=', id).execute();
}

export async function exceptionsOfCycle(db: Db | Trx, cycleId: string): Promise<ExceptionRow[]> {
  return db.selectFrom('planning_exceptions').selectAll().where('cycle_id', '=', cycleId).orderBy('created_at').execute();
}

export async function insertException(trx: Trx, row: ExceptionRow): Promise<void> {
  await trx.insertInto('planning_exceptions').values(row).execute();
}

export type FinderPersonRow = {
  id: string;
  full_name: string;
  sex: 'M' | 'F';
  birth_date: string;
  ethnicity: string;
  current_title: string | null;
  current_title_code: string | null;
  data_json: string;
  organization_name: string;
};

/** People in the subtrees who have not retired by `minBirthYear`, filtered as asked, at most `limit`. */
export async function finderPersons(
  db: Db,
  f: {
    roots: readonly string[];
    minBirthYear: number;
    women?: boolean;
    ethnicMinority?: boolean;
    youngFromBirthYear?: number;
    qFolded?: string;
    limit: number;
  },
): Promise<FinderPersonRow[]> {
  let q = db
    .selectFrom('persons as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select([
      'p.id',
      'p.full_name',
      'p.sex',
      'p.birth_date',
      'p.ethnicity',
      'p.current_title',
      'p.current_title_code',
      'p.data_json',
      'o.name as organization_name',
    ])
    .where((eb) => inSubtrees(eb, 'o.path', f.roots))
    .where('p.birth_year', '>=', f.minBirthYear);
  if (f.women) q = q.where('p.sex', '=', 'F');
  if (f.ethnicMinority) q = q.where('p.ethnicity', '<>', '01');
  if (f.youngFromBirthYear !== undefined) q = q.where('p.birth_year', '>=', f.youngFromBirthYear);
  if (f.qFolded) q = q.where(containsText('p.name_folded', f.qFolded));
  return q.orderBy('p.sort_key').orderBy('p.id').limit(f.limit).execute();
}

/** Titles by id, in one query per 500. */
export async function titlesByIds(db: Db | Trx, ids: readonly string[]): Promise<TitleRow[]> {
  const out: TitleRow[] = [];
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('titles')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  return out;
}

/** Sex and birth date of incumbents readable in the actor's scope (for their retirement dates). */
export async function incumbentBirths(
  db: Db | Trx,
  personIds: readonly string[],
  roots: readonly string[],
): Promise<Map<string, { sex: 'M' | 'F'; birth_date: string }>> {
  const out = new Map<string, { sex: 'M' | 'F'; birth_date: string }>();
  const ids = [...new Set(personIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('persons as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .select(['p.id', 'p.sex', 'p.birth_date'])
      .where('p.id', 'in', ids.slice(i, i + 500))
      .where((eb) => inSubtrees(eb, 'o.path', roots))
      .execute();
    for (const r of rows) out.set(r.id, { sex: r.sex, birth_date: r.birth_date });
  }
  return out;
}
