import { sql } from 'kysely';
import type { PostCategory } from '../../../contracts/positions';
import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import { newId } from '../../lib/ids';
import type { PositionTable } from '../positions/position.table';
import type {
  DecisionCircumstanceTable,
  DecisionDossierItemTable,
  DecisionOverrideTable,
  DecisionProcessRow,
  DecisionProcessTable,
  DecisionRecusalTable,
  DecisionStepRow,
  DecisionStepTable,
} from './decision.table';

export type ProcessWithNames = DecisionProcessRow & {
  organization_name: string;
  organization_path: string;
  position_name: string;
};

const withNames = (db: Db | Trx) =>
  db
    .selectFrom('decision_processes as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .innerJoin('positions as s', 's.id', 'p.position_id')
    .innerJoin('titles as t', 't.id', 's.title_id')
    .selectAll('p')
    .select(['o.name as organization_name', 'o.path as organization_path', 't.name as position_name']);

export async function findProcess(db: Db | Trx, id: string): Promise<ProcessWithNames | undefined> {
  return withNames(db).where('p.id', '=', id).executeTakeFirst();
}

export async function listProcesses(
  db: Db,
  q: { scopePaths: string[]; status?: DecisionProcessRow['status']; limit: number; offset: number },
): Promise<{ rows: ProcessWithNames[]; total: number }> {
  let base = withNames(db).where((eb) => inSubtrees(eb, 'o.path', q.scopePaths));
  if (q.status) base = base.where('p.status', '=', q.status);
  const rows = await base.orderBy('p.started_on', 'desc').orderBy('p.id').limit(q.limit).offset(q.offset).execute();
  let count = db
    .selectFrom('decision_processes as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .where((eb) => inSubtrees(eb, 'o.path', q.scopePaths));
  if (q.status) count = count.where('p.status', '=', q.status);
  const { n } = await count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

/** Every process in the subtrees (for the inspector's flag list): bounded by the caller. */
export async function listAllInScope(db: Db, scopePaths: string[], limit: number): Promise<ProcessWithNames[]> {
  return withNames(db)
    .where((eb) => inSubtrees(eb, 'o.path', scopePaths))
    .orderBy('p.started_on', 'desc')
    .limit(limit)
    .execute();
}

export async function insertProcess(trx: Trx, row: DecisionProcessTable, steps: DecisionStepTable[]): Promise<void> {
  await trx.insertInto('decision_processes').values(row).execute();
  await trx.insertInto('decision_steps').values(steps).execute();
}

export async function updateProcess(trx: Trx, id: string, patch: Partial<DecisionProcessTable>): Promise<void> {
  await trx.updateTable('decision_processes').set(patch).where('id', '=', id).execute();
}

/** A step with the mode and state of its vote session, once opened. */
export type StepWithVote = DecisionStepRow & { vote_mode: 'paper' | 'electronic' | null; vote_status: string | null };

const stepsWithVote = (db: Db | Trx) =>
  db
    .selectFrom('decision_steps as st')
    .leftJoin('vote_sessions as v', 'v.id', 'st.vote_session_id')
    .selectAll('st')
    .select(['v.mode as vote_mode', 'v.status as vote_status']);

export async function listSteps(db: Db | Trx, processId: string): Promise<StepWithVote[]> {
  return stepsWithVote(db).where('st.process_id', '=', processId).orderBy('st.ordinal').execute();
}

export async function listStepsOf(db: Db | Trx, processIds: readonly string[]): Promise<StepWithVote[]> {
  if (processIds.length === 0) return [];
  return stepsWithVote(db).where('st.process_id', 'in', processIds).orderBy('st.ordinal').execute();
}

export async function updateStep(trx: Trx, id: string, patch: Partial<DecisionStepTable>): Promise<void> {
  await trx.updateTable('decision_steps').set(patch).where('id', '=', id).execute();
}

export async function insertDossierItem(trx: Trx, row: DecisionDossierItemTable): Promise<void> {
  await trx.insertInto('decision_dossier_items').values(row).execute();
}

export async function listDossier(db: Db | Trx, processId: string) {
  return db.selectFrom('decision_dossier_items').selectAll().where('process_id', '=', processId).orderBy('recorded_at').execute();
}

export async function insertRecusal(trx: Trx, row: DecisionRecusalTable): Promise<void> {
  await trx.insertInto('decision_recusals').values(row).execute();
}

export async function listRecusals(db: Db | Trx, processIds: readonly string[]) {
  if (processIds.length === 0) return [];
  return db.selectFrom('decision_recusals').selectAll().where('process_id', 'in', processIds).orderBy('recorded_at').execute();
}

export async function insertOverride(trx: Trx, row: DecisionOverrideTable): Promise<void> {
  await trx.insertInto('decision_overrides').values(row).execute();
}

export async function listOverrides(db: Db | Trx, processIds: readonly string[]) {
  if (processIds.length === 0) return [];
  return db.selectFrom('decision_overrides').selectAll().where('process_id', 'in', processIds).orderBy('recorded_at').execute();
}

/** Open incumbencies of a person on a day (to be ended by a decision). */
export async function openIncumbencies(db: Db | Trx, personId: string, onDate: string) {
  return db
    .selectFrom('position_incumbents as i')
    .innerJoin('positions as s', 's.id', 'i.position_id')
    .innerJoin('titles as t', 't.id', 's.title_id')
    .select(['i.id', 'i.position_id', 'i.from_date', 'i.term_end', 't.rank_order', 't.name as title_name'])
    .where('i.person_id', '=', personId)
    .where('i.from_date', '<=', onDate)
    .where((eb) => eb.or([eb('i.to_date', 'is', null), eb('i.to_date', '>', onDate)]))
    .execute();
}

/**
 * The seat's own post category on a day, read from its dated versions (a seat never versioned: the row's value); in
 * SQL, for a query over `positions as s`.
 */
export const ownCategoryAt = (asOf: string) =>
  sql<PostCategory | null>`coalesce(
    (select v.post_category from position_category_versions v
      where v.position_id = s.id and v.valid_from <= ${asOf} and (v.valid_to is null or v.valid_to > ${asOf})),
    case when exists (select 1 from position_category_versions w where w.position_id = s.id) then null else s.post_category end)`;

/** The seat with its organization and title facts; its post category as of `asOf` (today's row when not given). */
export async function findSeat(db: Db | Trx, positionId: string, asOf?: string) {
  return db
    .selectFrom('positions as s')
    .innerJoin('titles as t', 't.id', 's.title_id')
    .innerJoin('organizations as o', 'o.id', 's.organization_id')
    .select([
      's.id',
      's.organization_id',
      's.term_years',
      't.id as title_id',
      't.code as title_code',
      't.name as title_name',
      't.rank_order',
      't.managing_authority',
      't.head_title_id',
      (eb) =>
        eb.fn.coalesce(asOf ? ownCategoryAt(asOf) : eb.ref('s.post_category'), eb.ref('t.post_category')).as('post_category'),
      (eb) => eb.exists(eb.selectFrom('titles as d').select('d.id').whereRef('d.head_title_id', '=', 't.id')).as('is_head'),
      'o.name as organization_name',
      'o.path as organization_path',
    ])
    .where('s.id', '=', positionId)
    .executeTakeFirst();
}

export async function findOrganizationPath(db: Db | Trx, id: string) {
  return db.selectFrom('organizations').select(['id', 'path', 'name']).where('id', '=', id).executeTakeFirst();
}

/**
 * The heads and deputies of a unit on a day: incumbents of its seats whose title is a head title (another title
 * deputizes for it) or a deputy title, with their term end.
 */
export async function unitLeaders(db: Db | Trx, organizationId: string, onDate: string) {
  const rows = await db
    .selectFrom('position_incumbents as i')
    .innerJoin('positions as s', 's.id', 'i.position_id')
    .innerJoin('titles as t', 't.id', 's.title_id')
    .select(['i.person_id', 'i.person_name', 'i.term_end', 't.name as title_name', 't.head_title_id'])
    .select((eb) => eb.exists(eb.selectFrom('titles as d').select('d.id').whereRef('d.head_title_id', '=', 't.id')).as('is_head'))
    .where('s.organization_id', '=', organizationId)
    .where('i.from_date', '<=', onDate)
    .where((eb) => eb.or([eb('i.to_date', 'is', null), eb('i.to_date', '>', onDate)]))
    .execute();
  return rows
    .map((r) => ({
      personId: r.person_id,
      personName: r.person_name,
      titleName: r.title_name,
      termEnd: r.term_end,
      role: seatRole(r),
    }))
    .filter((r): r is typeof r & { role: 'head' | 'deputy' } => r.role !== null);
}

/** A seat's leadership role in its unit: the head title (another title deputizes for it), a deputy title, or none. */
export const seatRole = (seat: { head_title_id: string | null; is_head: unknown }): 'head' | 'deputy' | null =>
  seat.head_title_id !== null ? 'deputy' : Number(seat.is_head) ? 'head' : null;

/** The holders on a day of the unit's seats of a sensitive post category (the seat's own, else its title's). */
export async function sensitiveHolders(db: Db | Trx, organizationId: string, onDate: string) {
  return db
    .selectFrom('position_incumbents as i')
    .innerJoin('positions as s', 's.id', 'i.position_id')
    .innerJoin('titles as t', 't.id', 's.title_id')
    .select(['i.person_id', 'i.person_name', 't.name as title_name'])
    .select((eb) => eb.fn.coalesce(ownCategoryAt(onDate), eb.ref('t.post_category')).as('post_category'))
    .where('s.organization_id', '=', organizationId)
    .where((eb) => eb(eb.fn.coalesce(ownCategoryAt(onDate), eb.ref('t.post_category')), 'is not', null))
    .where('i.from_date', '<=', onDate)
    .where((eb) => eb.or([eb('i.to_date', 'is', null), eb('i.to_date', '>', onDate)]))
    .execute();
}

/**
 * On effect, the attained title leaves the plan: the person's active planning candidacies for that title (by code,
 * across catalog versions) or for that very seat end on the effective date. Returns the candidacies ended.
 */
export async function leavePlansForTitle(
  trx: Trx,
  q: { personId: string; titleCode: string; positionId: string; on: string; reason: string },
): Promise<{ id: string; cycleId: string }[]> {
  const rows = await trx
    .selectFrom('planning_candidates as c')
    .innerJoin('planning_plans as pl', 'pl.id', 'c.plan_id')
    .leftJoin('titles as pt', 'pt.id', 'pl.title_id')
    .leftJoin('titles as ct', 'ct.id', 'c.target_title_id')
    .leftJoin('positions as ps', 'ps.id', 'pl.position_id')
    .leftJoin('titles as st', 'st.id', 'ps.title_id')
    .select(['c.id', 'c.cycle_id'])
    .where('c.person_id', '=', q.personId)
    .where('c.removed_on', 'is', null)
    .where((eb) =>
      eb.or([
        eb('pl.position_id', '=', q.positionId),
        eb('pt.code', '=', q.titleCode),
        eb('ct.code', '=', q.titleCode),
        eb('st.code', '=', q.titleCode),
      ]),
    )
    .execute();
  if (rows.length)
    await trx
      .updateTable('planning_candidates')
      .set({ removed_on: q.on, removal_reason: q.reason })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
  return rows.map((r) => ({ id: r.id, cycleId: r.cycle_id }));
}

/** Overrides and outside-the-plan appointments or nominations in the subtrees, with the title's competent authority. */
export async function exceptionFacts(db: Db, scopePaths: string[]) {
  const base = db
    .selectFrom('decision_processes as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .innerJoin('positions as s', 's.id', 'p.position_id')
    .innerJoin('titles as t', 't.id', 's.title_id')
    .where((eb) => inSubtrees(eb, 'o.path', scopePaths))
    .where('p.status', '!=', 'cancelled');
  const [overrides, outside] = await Promise.all([
    base
      .innerJoin('decision_overrides as x', 'x.process_id', 'p.id')
      .select(['p.id as process_id', 'o.path', 't.managing_authority', 'x.decided_on as on_date'])
      .execute(),
    base
      .select(['p.id as process_id', 'o.path', 't.managing_authority'])
      .select((eb) => eb.fn.coalesce('p.decision_date', 'p.started_on').as('on_date'))
      .where('p.in_plan', '=', 0)
      .where('p.action', 'in', ['appointment', 'nomination'])
      .execute(),
  ]);
  // The authority acts for the province: the organization just below the national root (or the root itself).
  const anchor = (path: string) => {
    const ids = path.split('/').filter(Boolean);
    return ids[1] ?? ids[0]!;
  };
  const roots = [...new Set([...overrides, ...outside].map((r) => anchor(r.path)))];
  const names = roots.length
    ? await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', roots).execute()
    : [];
  const rootName = new Map(names.map((n) => [n.id, n.name]));
  const shape = (kind: 'override' | 'outside-plan') => (r: (typeof overrides)[number]) => ({
    kind,
    processId: r.process_id,
    managingAuthority: r.managing_authority,
    root: rootName.get(anchor(r.path)) ?? '',
    onDate: String(r.on_date),
  });
  return [...overrides.map(shape('override')), ...outside.map(shape('outside-plan'))];
}

/** The audit entries of one process and of its steps' vote sessions, oldest first. */
export async function auditTrail(db: Db, processId: string, voteSessionIds: readonly string[]) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.seq', 'a.at', 'a.action', 'a.entity', 'a.entity_id', 'a.hash', 'u.full_name as actor_name'])
    .where((eb) =>
      eb.or([
        eb.and([eb('a.entity', '=', 'decision_process'), eb('a.entity_id', '=', processId)]),
        ...(voteSessionIds.length
          ? [eb.and([eb('a.entity', '=', 'vote_session'), eb('a.entity_id', 'in', voteSessionIds)])]
          : []),
      ]),
    )
    .orderBy('a.seq')
    .execute();
}

/** The organization directly above one (the body that usually issues its leaders' decisions). */
export async function parentOrganization(db: Db | Trx, id: string) {
  return db
    .selectFrom('organizations as o')
    .innerJoin('organizations as p', 'p.id', 'o.parent_id')
    .select(['p.id', 'p.name'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

/**
 * The seats of an organization valid on a day (or the one seat asked for), with the seat's and the title's post
 * category and the holders on that day.
 */
export async function seatsWithCategories(
  db: Db | Trx,
  q: { organizationId: string; asOf: string } | { positionId: string; asOf: string },
) {
  const { asOf } = q;
  let base = db
    .selectFrom('positions as s')
    .innerJoin('titles as t', 't.id', 's.title_id')
    .innerJoin('organizations as o', 'o.id', 's.organization_id')
    .select([
      's.id',
      'o.name as organization_name',
      't.name as title_name',
      't.rank_order',
      't.post_category as title_category',
      's.valid_from',
      't.head_title_id',
    ])
    .select((eb) => eb.exists(eb.selectFrom('titles as d').select('d.id').whereRef('d.head_title_id', '=', 't.id')).as('is_head'))
    .select(ownCategoryAt(asOf).as('seat_category'));
  base =
    'positionId' in q
      ? base.where('s.id', '=', q.positionId)
      : base
          .where('s.organization_id', '=', q.organizationId)
          .where('s.valid_from', '<=', asOf)
          .where((eb) => eb.or([eb('s.valid_to', 'is', null), eb('s.valid_to', '>', asOf)]));
  const seats = await base.orderBy('t.rank_order').orderBy('t.name').execute();
  const holders = seats.length
    ? await db
        .selectFrom('position_incumbents')
        .select(['position_id', 'person_id', 'person_name'])
        .where(
          'position_id',
          'in',
          seats.map((s) => s.id),
        )
        .where('from_date', '<=', asOf)
        .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', asOf)]))
        .orderBy('from_date')
        .execute()
    : [];
  return seats.map((s) => ({ ...s, holders: holders.filter((h) => h.position_id === s.id) }));
}

/** A seat's category versions, oldest first. */
export async function seatCategoryVersions(db: Db | Trx, positionId: string) {
  return db
    .selectFrom('position_category_versions')
    .selectAll()
    .where('position_id', '=', positionId)
    .orderBy('valid_from')
    .execute();
}

/**
 * Sets a seat's own sensitive post category (null: the title's applies) from `from` on: the version open then ends,
 * a new one starts (the same day's version is replaced); a seat never versioned first gets its value so far as a
 * version from its start. The row keeps the latest value.
 */
export async function setSeatPostCategory(
  trx: Trx,
  seat: { id: string; valid_from: string; post_category: PositionTable['post_category'] },
  change: { category: PositionTable['post_category']; from: string; reason: string; by: string; at: string },
) {
  const versions = await seatCategoryVersions(trx, seat.id);
  if (versions.length === 0 && change.from > seat.valid_from)
    await trx
      .insertInto('position_category_versions')
      .values({
        id: newId(),
        position_id: seat.id,
        post_category: seat.post_category,
        valid_from: seat.valid_from,
        valid_to: change.from,
        reason: null,
        set_by: null,
        created_at: change.at,
      })
      .execute();
  const open = versions.find((v) => v.valid_to === null);
  if (open && open.valid_from === change.from)
    await trx.deleteFrom('position_category_versions').where('id', '=', open.id).execute();
  else if (open)
    await trx.updateTable('position_category_versions').set({ valid_to: change.from }).where('id', '=', open.id).execute();
  await trx
    .insertInto('position_category_versions')
    .values({
      id: newId(),
      position_id: seat.id,
      post_category: change.category,
      valid_from: change.from,
      valid_to: null,
      reason: change.reason,
      set_by: change.by,
      created_at: change.at,
    })
    .execute();
  await trx.updateTable('positions').set({ post_category: change.category }).where('id', '=', seat.id).execute();
}

export async function insertCircumstance(trx: Trx, row: DecisionCircumstanceTable): Promise<void> {
  await trx.insertInto('decision_circumstances').values(row).execute();
}

export async function listCircumstances(db: Db | Trx, processId: string) {
  return db
    .selectFrom('decision_circumstances')
    .selectAll()
    .where('process_id', '=', processId)
    .orderBy('from_date')
    .orderBy('recorded_at')
    .execute();
}
