// Reads that prepare a vote or place it: holders of posts in the vote's organization (its voter group) and the
// decision step a vote was opened for (the link is the decisions module's: decision_steps.vote_session_id).
import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';

export interface PostHolderRow {
  person_id: string;
  person_name: string;
  title_code: string;
  title_name: string;
  organization_name: string;
  username: string | null;
}

/** Holders on `asOf` of seats with these title codes in the subtree of `orgPath`, with their linked user account. */
export async function postHoldersAsOf(
  db: Db | Trx,
  orgPath: string,
  titleCodes: readonly string[],
  asOf: string,
): Promise<PostHolderRow[]> {
  if (titleCodes.length === 0) return [];
  return db
    .selectFrom('position_incumbents as i')
    .innerJoin('positions as p', 'p.id', 'i.position_id')
    .innerJoin('titles as t', 't.id', 'p.title_id')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .leftJoin('users as u', 'u.person_id', 'i.person_id')
    .select([
      'i.person_id',
      'i.person_name',
      't.code as title_code',
      't.name as title_name',
      'o.name as organization_name',
      'u.username',
    ])
    .where((eb) => inSubtrees(eb, 'o.path', [orgPath]))
    .where('t.code', 'in', [...titleCodes])
    .where('i.from_date', '<=', asOf)
    .where((eb) => eb.or([eb('i.to_date', 'is', null), eb('i.to_date', '>', asOf)]))
    .orderBy('o.path')
    .orderBy('t.rank_order')
    .orderBy('i.person_name')
    .execute();
}

export interface ServedStepRow {
  process_id: string;
  action: string;
  track: string;
  person_name: string;
  rule_id: string;
  started_on: string;
  step_key: string;
  organization_path: string;
}

/** The decision step whose vote this session is, if any. */
export async function servedStep(db: Db | Trx, sessionId: string): Promise<ServedStepRow | undefined> {
  return db
    .selectFrom('decision_steps as s')
    .innerJoin('decision_processes as d', 'd.id', 's.process_id')
    .innerJoin('organizations as o', 'o.id', 'd.organization_id')
    .select([
      'd.id as process_id',
      'd.action',
      'd.track',
      'd.person_name',
      'd.rule_id',
      'd.started_on',
      's.key as step_key',
      'o.path as organization_path',
    ])
    .where('s.vote_session_id', '=', sessionId)
    .executeTakeFirst();
}

export interface PackPersonRow {
  id: string;
  full_name: string;
  sex: 'M' | 'F';
  birth_date: string;
  ethnicity: string;
  professional_level: string;
  theory_level: string;
  data_json: string;
  organization_name: string;
}

/** The records of the people voted on (the caller has checked it may read the session). */
export async function packPersons(db: Db | Trx, ids: readonly string[]): Promise<PackPersonRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('persons as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select([
      'p.id',
      'p.full_name',
      'p.sex',
      'p.birth_date',
      'p.ethnicity',
      'p.professional_level',
      'p.theory_level',
      'p.data_json',
      'o.name as organization_name',
    ])
    .where('p.id', 'in', [...ids])
    .execute();
}

export interface LatestEvaluationRow {
  person_id: string;
  year: number;
  cycle_title: string;
  self_points_tenths: number | null;
  decided_level: string | null;
  self_comment: string | null;
}

/** Each person's latest annual evaluation of a year up to `untilYear`, with the comment of his self-assessment. */
export async function latestAnnualEvaluations(
  db: Db | Trx,
  personIds: readonly string[],
  untilYear: number,
): Promise<LatestEvaluationRow[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('evaluation_cycles as c', 'c.id', 'e.cycle_id')
    .leftJoin('evaluation_steps as s', (j) => j.onRef('s.evaluation_id', '=', 'e.id').on('s.kind', '=', 'self_assessment'))
    .select([
      'e.person_id',
      'c.year',
      'c.title as cycle_title',
      'e.self_points_tenths',
      'e.decided_level',
      's.comment as self_comment',
      's.at',
    ])
    .where('e.person_id', 'in', [...personIds])
    .where('c.kind', '=', 'annual')
    .where('c.year', '<=', untilYear)
    .orderBy('c.year', 'desc')
    .orderBy('s.at', 'desc')
    .execute();
  const out = new Map<string, LatestEvaluationRow>();
  for (const r of rows)
    if (!out.has(r.person_id))
      out.set(r.person_id, {
        person_id: r.person_id,
        year: Number(r.year),
        cycle_title: r.cycle_title,
        self_points_tenths: r.self_points_tenths === null ? null : Number(r.self_points_tenths),
        decided_level: r.decided_level,
        self_comment: r.self_comment,
      });
  return [...out.values()];
}
