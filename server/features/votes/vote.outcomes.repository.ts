import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import type { VoteKind } from '../../../contracts/votes';
import type { VoteConsequenceTaskRow } from './vote.table';

export interface OutcomeFilter {
  personIds?: readonly string[];
  /** subtree roots: only sessions of organizations under them */
  organizationPaths?: readonly string[];
  from?: string;
  to?: string;
  kinds?: readonly VoteKind[];
}

/** Voted-on subjects linked to a person, of sessions with a confirmed result. */
export async function publishedPersonSubjects(db: Db | Trx, f: OutcomeFilter) {
  let q = db
    .selectFrom('vote_subjects as s')
    .innerJoin('vote_sessions as v', 'v.id', 's.session_id')
    .innerJoin('organizations as o', 'o.id', 'v.organization_id')
    .select([
      's.id as subject_id',
      's.person_id',
      's.title_code',
      's.title_text',
      'v.id as session_id',
      'v.kind',
      'v.track',
      'v.vote_date',
      'v.organization_id',
      'v.summoned_count',
      'v.ballot_shape',
      'v.max_choices',
      'v.confirmed_count_json',
    ])
    .where('s.person_id', 'is not', null)
    .where('s.exemption_reason', 'is', null)
    .where('v.confirmed_count_json', 'is not', null);
  if (f.personIds) {
    if (f.personIds.length === 0) return [];
    q = q.where('s.person_id', 'in', f.personIds);
  }
  if (f.organizationPaths) q = q.where((eb) => inSubtrees(eb, 'o.path', f.organizationPaths!));
  if (f.from) q = q.where('v.vote_date', '>=', f.from);
  if (f.to) q = q.where('v.vote_date', '<=', f.to);
  if (f.kinds) {
    if (f.kinds.length === 0) return [];
    q = q.where('v.kind', 'in', f.kinds);
  }
  return q.orderBy('v.vote_date').orderBy('v.id').orderBy('s.ordinal').execute();
}

export type ConsequenceTaskWithSession = VoteConsequenceTaskRow & {
  session_title: string;
  vote_date: string;
  organization_name: string;
  organization_path: string;
  full_name: string;
  title_text: string;
};

const tasks = (db: Db | Trx) =>
  db
    .selectFrom('vote_consequence_tasks as t')
    .innerJoin('vote_sessions as v', 'v.id', 't.session_id')
    .innerJoin('vote_subjects as s', 's.id', 't.subject_id')
    .innerJoin('organizations as o', 'o.id', 't.organization_id');

const taskColumns = [
  'v.title as session_title',
  'v.vote_date',
  'o.name as organization_name',
  'o.path as organization_path',
  's.full_name',
  's.title_text',
] as const;

export async function insertConsequenceTasks(trx: Trx, rows: VoteConsequenceTaskRow[]): Promise<void> {
  if (rows.length) await trx.insertInto('vote_consequence_tasks').values(rows).execute();
}

export async function listConsequenceTasks(
  db: Db,
  f: {
    scopePaths: readonly string[];
    status?: 'open' | 'handled';
    consequence?: string;
    personId?: string;
    sessionId?: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: ConsequenceTaskWithSession[]; total: number }> {
  let q = tasks(db).where((eb) => inSubtrees(eb, 'o.path', f.scopePaths));
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.consequence) q = q.where('t.consequence', '=', f.consequence as VoteConsequenceTaskRow['consequence']);
  if (f.personId) q = q.where('t.person_id', '=', f.personId);
  if (f.sessionId) q = q.where('t.session_id', '=', f.sessionId);
  const [rows, count] = await Promise.all([
    q.selectAll('t').select(taskColumns).orderBy('v.vote_date', 'desc').orderBy('t.id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findConsequenceTask(db: Db | Trx, id: string): Promise<ConsequenceTaskWithSession | undefined> {
  return tasks(db).selectAll('t').select(taskColumns).where('t.id', '=', id).executeTakeFirst();
}

export async function setConsequenceHandled(
  trx: Trx,
  id: string,
  set: { handled_by: string; handled_at: string; handled_ref: string },
): Promise<void> {
  await trx
    .updateTable('vote_consequence_tasks')
    .set({ ...set, status: 'handled' })
    .where('id', '=', id)
    .execute();
}
