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
