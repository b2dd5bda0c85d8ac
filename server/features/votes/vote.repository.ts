import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import type { NewVoteSessionRow, VotePaperEntryRow, VoteSessionRow, VoteSubjectRow } from './vote.table';

export type VoteSessionWithOrg = VoteSessionRow & { organization_name: string; organization_path: string };

const sessions = (db: Db | Trx) =>
  db
    .selectFrom('vote_sessions')
    .innerJoin('organizations', 'organizations.id', 'vote_sessions.organization_id')
    .selectAll('vote_sessions')
    .select(['organizations.name as organization_name', 'organizations.path as organization_path']);

export async function findVoteSession(db: Db | Trx, id: string): Promise<VoteSessionWithOrg | undefined> {
  return sessions(db).where('vote_sessions.id', '=', id).executeTakeFirst();
}

export async function listVoteSessions(
  db: Db,
  f: { scopePaths: readonly string[]; organizationId?: string; limit: number; offset: number },
): Promise<{ rows: VoteSessionWithOrg[]; total: number }> {
  let q = db
    .selectFrom('vote_sessions')
    .innerJoin('organizations', 'organizations.id', 'vote_sessions.organization_id')
    .where((eb) => inSubtrees(eb, 'organizations.path', f.scopePaths));
  if (f.organizationId) q = q.where('vote_sessions.organization_id', '=', f.organizationId);
  const [rows, count] = await Promise.all([
    q
      .selectAll('vote_sessions')
      .select(['organizations.name as organization_name', 'organizations.path as organization_path'])
      .orderBy('vote_sessions.vote_date', 'desc')
      .orderBy('vote_sessions.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertVoteSession(trx: Trx, row: NewVoteSessionRow, subjects: VoteSubjectRow[]): Promise<void> {
  await trx.insertInto('vote_sessions').values(row).execute();
  if (subjects.length) await trx.insertInto('vote_subjects').values(subjects).execute();
}

export async function listSubjects(db: Db | Trx, sessionId: string): Promise<VoteSubjectRow[]> {
  return db.selectFrom('vote_subjects').selectAll().where('session_id', '=', sessionId).orderBy('ordinal').execute();
}

export async function listPaperEntries(db: Db | Trx, sessionId: string): Promise<(VotePaperEntryRow & { full_name: string })[]> {
  return db
    .selectFrom('vote_paper_entries')
    .innerJoin('users', 'users.id', 'vote_paper_entries.user_id')
    .selectAll('vote_paper_entries')
    .select('users.full_name')
    .where('session_id', '=', sessionId)
    .orderBy('entered_at')
    .orderBy('vote_paper_entries.id')
    .execute();
}

export async function upsertPaperEntry(trx: Trx, row: VotePaperEntryRow): Promise<VotePaperEntryRow | undefined> {
  const existing = await trx
    .selectFrom('vote_paper_entries')
    .selectAll()
    .where('session_id', '=', row.session_id)
    .where('user_id', '=', row.user_id)
    .executeTakeFirst();
  if (existing) {
    await trx
      .updateTable('vote_paper_entries')
      .set({ count_json: row.count_json, entered_at: row.entered_at })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await trx.insertInto('vote_paper_entries').values(row).execute();
  }
  return existing;
}

export async function updateVoteSession(
  trx: Trx,
  id: string,
  set: Partial<Pick<VoteSessionRow, 'status' | 'confirmed_count_json' | 'board_hash' | 'published_at'>>,
): Promise<void> {
  await trx.updateTable('vote_sessions').set(set).where('id', '=', id).execute();
}

export async function findOrganizationPath(
  db: Db | Trx,
  id: string,
): Promise<{ id: string; path: string; name: string } | undefined> {
  return db.selectFrom('organizations').select(['id', 'path', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function readAuditHeadHash(db: Db | Trx): Promise<string> {
  const h = await db.selectFrom('audit_head').select('last_hash').where('id', '=', 1).executeTakeFirstOrThrow();
  return h.last_hash;
}

export interface SubjectPerson {
  id: string;
  full_name: string;
  current_title: string | null;
  current_title_code: string | null;
  organization_path: string;
}

/** The person records named as subjects, with the path of the organization each belongs to. */
export async function findSubjectPersons(db: Db | Trx, ids: readonly string[]): Promise<SubjectPerson[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('persons')
    .innerJoin('organizations', 'organizations.id', 'persons.organization_id')
    .select([
      'persons.id',
      'persons.full_name',
      'persons.current_title',
      'persons.current_title_code',
      'organizations.path as organization_path',
    ])
    .where('persons.id', 'in', ids)
    .execute();
}

export async function markPublished(trx: Trx, id: string, at: string): Promise<void> {
  await trx.updateTable('vote_sessions').set({ published_at: at }).where('id', '=', id).execute();
}

/**
 * Subjects voted on in published three-level confidence votes in scope, for comparisons: either the rounds of given
 * persons before a date, or the holders of given titles (catalog code, else the title as written) in a date range.
 */
export async function publishedConfidenceSubjects(
  db: Db | Trx,
  f: {
    scopePaths: readonly string[];
    personIds?: readonly string[];
    titleCodes?: readonly string[];
    titleTexts?: readonly string[];
    from?: string;
    before?: string;
    to?: string;
  },
) {
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
      'v.title',
      'v.track',
      'v.vote_date',
      'v.summoned_count',
      'v.confirmed_count_json',
    ])
    .where('v.kind', '=', 'confidence')
    .where('v.ballot_shape', '=', 'levels')
    .where('v.confirmed_count_json', 'is not', null)
    .where('s.exemption_reason', 'is', null)
    .where((eb) => inSubtrees(eb, 'o.path', f.scopePaths));
  if (f.personIds) q = q.where('s.person_id', 'in', f.personIds.length ? f.personIds : ['']);
  if (f.titleCodes || f.titleTexts) {
    const codes = f.titleCodes ?? [];
    const texts = f.titleTexts ?? [];
    q = q.where((eb) =>
      eb.or([
        ...(codes.length ? [eb('s.title_code', 'in', codes)] : []),
        ...(texts.length ? [eb.and([eb('s.title_code', 'is', null), eb('s.title_text', 'in', texts)])] : []),
        ...(codes.length || texts.length ? [] : [eb.val(false)]),
      ]),
    );
  }
  if (f.from) q = q.where('v.vote_date', '>=', f.from);
  if (f.to) q = q.where('v.vote_date', '<=', f.to);
  if (f.before) q = q.where('v.vote_date', '<', f.before);
  return q.orderBy('v.vote_date').orderBy('v.id').execute();
}

/** The titles of the catalog version in force on `onDate`: code, group, rank and the rank order equivalence uses. */
export async function catalogTitlesInForce(db: Db | Trx, onDate: string) {
  return db
    .selectFrom('titles as t')
    .innerJoin('title_catalogs as c', 'c.id', 't.catalog_id')
    .select(['t.code', 't.name', 't.group_no', 't.rank', 't.rank_order', 't.locality_class', 'c.name as catalog_name'])
    .where('c.valid_from', '<=', onDate)
    .where((eb) => eb.or([eb('c.valid_to', 'is', null), eb('c.valid_to', '>', onDate)]))
    .execute();
}
