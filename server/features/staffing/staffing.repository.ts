import { sql } from 'kysely';
import type { StaffingCategory } from '../../../contracts/staffing';
import type { Db, Trx } from '../../db/database';
import { dialectOf } from '../../db/dialect';
import { inSubtrees } from '../../db/scope';
import { newId, nowIso } from '../../lib/ids';
import * as placements from './placement.repository';
import type {
  JobPositionAssignmentRow,
  JobPositionRow,
  JobPositionVersionRow,
  StaffingQuotaRow,
  StaffingQuotaVersionRow,
} from './staffing.table';

export async function quotasOf(db: Db | Trx, organizationIds: readonly string[], year: number): Promise<StaffingQuotaRow[]> {
  if (organizationIds.length === 0) return [];
  return db
    .selectFrom('staffing_quotas')
    .selectAll()
    .where('organization_id', 'in', organizationIds)
    .where('year', '=', year)
    .execute();
}

/** Quotas for the years given of every unit whose current path lies under `path`, with that path. */
export async function quotasInSubtree(db: Db | Trx, path: string, years: readonly number[]) {
  return db
    .selectFrom('staffing_quotas as q')
    .innerJoin('organizations as o', 'o.id', 'q.organization_id')
    .selectAll('q')
    .select('o.path')
    .where((eb) => inSubtrees(eb, 'o.path', [path]))
    .where('q.year', 'in', [...years])
    .execute();
}

export async function findQuota(db: Db | Trx, organizationId: string, year: number, category: StaffingCategory) {
  return db
    .selectFrom('staffing_quotas')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('year', '=', year)
    .where('category', '=', category)
    .executeTakeFirst();
}

export async function findQuotaById(db: Db | Trx, id: string) {
  return db.selectFrom('staffing_quotas').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a quota and its first figure, in force from `validFrom`. */
export async function insertQuota(
  trx: Trx,
  row: StaffingQuotaRow,
  validFrom: string,
  decisionRef: string | null = null,
): Promise<StaffingQuotaVersionRow> {
  await trx.insertInto('staffing_quotas').values(row).execute();
  const version = {
    id: newId(),
    quota_id: row.id,
    quota: row.quota,
    valid_from: validFrom,
    valid_to: null,
    decision_ref: decisionRef,
    event_id: row.event_id,
    created_at: nowIso(),
  };
  await trx.insertInto('staffing_quota_versions').values(version).execute();
  return version;
}

/** Sets the quota row only (its latest figure); the versions are kept by changeQuotaFrom and its undo. */
export async function updateQuota(trx: Trx, id: string, set: { quota: number; actual: number | null }): Promise<void> {
  await trx.updateTable('staffing_quotas').set(set).where('id', '=', id).execute();
}

export async function deleteQuota(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('staffing_quota_versions').where('quota_id', '=', id).execute();
  await trx.deleteFrom('staffing_quotas').where('id', '=', id).execute();
}

/** Every figure a quota has had, oldest first. */
export async function versionsOfQuota(db: Db | Trx, quotaId: string): Promise<StaffingQuotaVersionRow[]> {
  return db.selectFrom('staffing_quota_versions').selectAll().where('quota_id', '=', quotaId).orderBy('valid_from').execute();
}

export type QuotaVersionChange =
  | { kind: 'corrected'; versionId: string; before: number; beforeDecisionRef: string | null }
  | { kind: 'opened'; versionId: string; closedId: string };

/**
 * The quota's figure from `from` on: the figure that starts that day is corrected in place, else the open one ends
 * the day before and a new one starts; the quota row takes the new figure. The caller has checked that `from` is not
 * before the open figure's start.
 */
export async function changeQuotaFrom(
  trx: Trx,
  quotaId: string,
  quota: number,
  from: string,
  meta: { decisionRef: string | null; eventId: string | null },
): Promise<QuotaVersionChange> {
  const open = (await versionsOfQuota(trx, quotaId)).at(-1)!;
  await trx.updateTable('staffing_quotas').set({ quota, actual: null }).where('id', '=', quotaId).execute();
  if (open.valid_from === from) {
    await trx
      .updateTable('staffing_quota_versions')
      .set({ quota, decision_ref: meta.decisionRef ?? open.decision_ref })
      .where('id', '=', open.id)
      .execute();
    return { kind: 'corrected', versionId: open.id, before: Number(open.quota), beforeDecisionRef: open.decision_ref };
  }
  await trx.updateTable('staffing_quota_versions').set({ valid_to: from }).where('id', '=', open.id).execute();
  const id = newId();
  await trx
    .insertInto('staffing_quota_versions')
    .values({
      id,
      quota_id: quotaId,
      quota,
      valid_from: from,
      valid_to: null,
      decision_ref: meta.decisionRef,
      event_id: meta.eventId,
      created_at: nowIso(),
    })
    .execute();
  return { kind: 'opened', versionId: id, closedId: open.id };
}

/** Undoes a changeQuotaFrom (the quota row is restored by the caller). */
export async function undoQuotaChange(trx: Trx, change: QuotaVersionChange): Promise<void> {
  if (change.kind === 'corrected') {
    await trx
      .updateTable('staffing_quota_versions')
      .set({ quota: change.before, decision_ref: change.beforeDecisionRef })
      .where('id', '=', change.versionId)
      .execute();
    return;
  }
  await trx.deleteFrom('staffing_quota_versions').where('id', '=', change.versionId).execute();
  await trx.updateTable('staffing_quota_versions').set({ valid_to: null }).where('id', '=', change.closedId).execute();
}

/** The figures in force on `asOf` of these units' quotas of year(`asOf`). */
export async function quotasOfUnitsAsOf(db: Db | Trx, organizationIds: readonly string[], asOf: string) {
  const out: { organization_id: string; category: StaffingCategory; quota: number }[] = [];
  for (let i = 0; i < organizationIds.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('staffing_quotas as q')
        .innerJoin('staffing_quota_versions as v', 'v.quota_id', 'q.id')
        .select(['q.organization_id', 'q.category', 'v.quota'])
        .where('q.organization_id', 'in', organizationIds.slice(i, i + 500))
        .where('q.year', '=', Number(asOf.slice(0, 4)))
        .where('v.valid_from', '<=', asOf)
        .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', asOf)]))
        .execute()),
    );
  return out;
}

/** These units' quotas of a year as they stand now, asked in chunks. */
export async function quotasOfMany(db: Db | Trx, organizationIds: readonly string[], year: number): Promise<StaffingQuotaRow[]> {
  const out: StaffingQuotaRow[] = [];
  for (let i = 0; i < organizationIds.length; i += 500)
    out.push(...(await quotasOf(db, organizationIds.slice(i, i + 500), year)));
  return out;
}

/** What a person's record says about where he worked when (parsed by the caller), with his rank code's prefix. */
export interface PlacementRow {
  personId: string;
  organizationId: string;
  currentTitleCode: string | null;
  rankPrefix: string;
  recruitmentDate: string | null;
  workHistoryJson: string | null;
}

/**
 * The placement facts of the people recorded in units under `path` (current tree) or in the units given (closed
 * predecessors): only the fields the count needs are read out of the 2C record.
 */
export async function placementFacts(
  db: Db | Trx,
  where: { path: string } | { organizationIds: readonly string[] } | { personIds: readonly string[] },
  prefixLength: number,
): Promise<PlacementRow[]> {
  const postgres = dialectOf(db) === 'postgres';
  const rank = postgres
    ? sql<string>`substr(trim(coalesce(p.data_json::json ->> 'civilServiceRankCode', '')), 1, ${sql.lit(prefixLength)})`
    : sql<string>`substr(trim(coalesce(json_extract(p.data_json, '$.civilServiceRankCode'), '')), 1, ${sql.lit(prefixLength)})`;
  const recruited = postgres
    ? sql<string | null>`p.data_json::json ->> 'recruitmentDate'`
    : sql<string | null>`json_extract(p.data_json, '$.recruitmentDate')`;
  const work = postgres
    ? sql<string | null>`(p.data_json::json -> 'workHistory')::text`
    : sql<string | null>`json_extract(p.data_json, '$.workHistory')`;
  const query = (f: (q: ReturnType<typeof base>) => ReturnType<typeof base>) => f(base()).execute();
  function base() {
    return db
      .selectFrom('persons as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .select(['p.id', 'p.organization_id', 'p.current_title_code'])
      .select(rank.as('rank_prefix'))
      .select(recruited.as('recruitment_date'))
      .select(work.as('work_history'));
  }
  const rows: Awaited<ReturnType<typeof query>> = [];
  if ('path' in where) rows.push(...(await query((q) => q.where((eb) => inSubtrees(eb, 'o.path', [where.path])))));
  else if ('personIds' in where)
    for (let i = 0; i < where.personIds.length; i += 500)
      rows.push(...(await query((q) => q.where('p.id', 'in', where.personIds.slice(i, i + 500)))));
  else
    for (let i = 0; i < where.organizationIds.length; i += 500)
      rows.push(...(await query((q) => q.where('p.organization_id', 'in', where.organizationIds.slice(i, i + 500)))));
  return rows.map((r) => ({
    personId: r.id,
    organizationId: r.organization_id,
    currentTitleCode: r.current_title_code,
    rankPrefix: String(r.rank_prefix ?? ''),
    recruitmentDate: r.recruitment_date ?? null,
    workHistoryJson: r.work_history ?? null,
  }));
}

/** The columns of a job position with the head count in force on `asOf` (the row's latest when none covers the day). */
function jobPositionsAsOf(db: Db | Trx, asOf: string) {
  return db
    .selectFrom('job_positions as j')
    .leftJoin('job_position_versions as v', (join) =>
      join
        .onRef('v.job_position_id', '=', 'j.id')
        .on('v.valid_from', '<=', asOf)
        .on((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', asOf)])),
    )
    .select([
      'j.id',
      'j.organization_id',
      'j.name',
      'j.category',
      'j.required_rank',
      'j.valid_from',
      'j.valid_to',
      'j.opened_by_event_id',
      'j.created_at',
    ])
    .select((eb) => eb.fn.coalesce('v.count', 'j.count').as('count'));
}

/** A unit's job positions open on `asOf`, each with its head count that day. */
export async function jobPositionsOf(db: Db | Trx, organizationId: string, asOf: string): Promise<JobPositionRow[]> {
  return jobPositionsAsOf(db, asOf)
    .where('j.organization_id', '=', organizationId)
    .where('j.valid_from', '<=', asOf)
    .where((eb) => eb.or([eb('j.valid_to', 'is', null), eb('j.valid_to', '>', asOf)]))
    .orderBy('j.category')
    .orderBy('j.name')
    .execute();
}

/** Every head count a job position had, oldest first. */
export async function versionsOfJobPosition(db: Db | Trx, jobPositionId: string): Promise<JobPositionVersionRow[]> {
  return db
    .selectFrom('job_position_versions')
    .selectAll()
    .where('job_position_id', '=', jobPositionId)
    .orderBy('valid_from')
    .execute();
}

export type JobCountChange =
  | { kind: 'corrected'; versionId: string; before: number; beforeDecisionRef: string | null }
  | { kind: 'opened'; versionId: string; closedId: string };

/**
 * The head count from `from` on: the count that starts that day is corrected in place, else the open one ends the
 * day before and a new one starts; the job position row takes the new count. The caller has checked that `from` is
 * not before the open count's start.
 */
export async function changeJobCountFrom(
  trx: Trx,
  jobPositionId: string,
  count: number,
  from: string,
  meta: { decisionRef: string | null; eventId: string | null },
): Promise<JobCountChange> {
  const open = (await versionsOfJobPosition(trx, jobPositionId)).at(-1)!;
  await trx.updateTable('job_positions').set({ count }).where('id', '=', jobPositionId).execute();
  if (open.valid_from === from) {
    await trx
      .updateTable('job_position_versions')
      .set({ count, decision_ref: meta.decisionRef ?? open.decision_ref })
      .where('id', '=', open.id)
      .execute();
    return { kind: 'corrected', versionId: open.id, before: Number(open.count), beforeDecisionRef: open.decision_ref };
  }
  await trx.updateTable('job_position_versions').set({ valid_to: from }).where('id', '=', open.id).execute();
  const id = newId();
  await trx
    .insertInto('job_position_versions')
    .values({
      id,
      job_position_id: jobPositionId,
      count,
      valid_from: from,
      valid_to: open.valid_to,
      decision_ref: meta.decisionRef,
      event_id: meta.eventId,
      created_at: nowIso(),
    })
    .execute();
  return { kind: 'opened', versionId: id, closedId: open.id };
}

/** Undoes a changeJobCountFrom (the job position row is restored by the caller). */
export async function undoJobCountChange(trx: Trx, change: JobCountChange): Promise<void> {
  if (change.kind === 'corrected') {
    await trx
      .updateTable('job_position_versions')
      .set({ count: change.before, decision_ref: change.beforeDecisionRef })
      .where('id', '=', change.versionId)
      .execute();
    return;
  }
  const opened = await trx
    .selectFrom('job_position_versions')
    .select('valid_to')
    .where('id', '=', change.versionId)
    .executeTakeFirst();
  await trx.deleteFrom('job_position_versions').where('id', '=', change.versionId).execute();
  await trx
    .updateTable('job_position_versions')
    .set({ valid_to: opened?.valid_to ?? null })
    .where('id', '=', change.closedId)
    .execute();
}

export async function findJobPosition(db: Db | Trx, id: string) {
  return db
    .selectFrom('job_positions as j')
    .innerJoin('organizations as o', 'o.id', 'j.organization_id')
    .selectAll('j')
    .select('o.path')
    .where('j.id', '=', id)
    .executeTakeFirst();
}

export async function assignmentsOf(
  db: Db | Trx,
  jobPositionIds: readonly string[],
  asOf: string,
): Promise<JobPositionAssignmentRow[]> {
  if (jobPositionIds.length === 0) return [];
  return db
    .selectFrom('job_position_assignments')
    .selectAll()
    .where('job_position_id', 'in', jobPositionIds)
    .where('from_date', '<=', asOf)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', asOf)]))
    .execute();
}

/** Inserts a job position with its first head count. */
export async function insertJobPosition(trx: Trx, row: JobPositionRow): Promise<void> {
  await trx.insertInto('job_positions').values(row).execute();
  await trx
    .insertInto('job_position_versions')
    .values({
      id: newId(),
      job_position_id: row.id,
      count: row.count,
      valid_from: row.valid_from,
      valid_to: row.valid_to,
      decision_ref: null,
      event_id: row.opened_by_event_id,
      created_at: row.created_at,
    })
    .execute();
}

export async function findAssignment(db: Db | Trx, id: string): Promise<JobPositionAssignmentRow | undefined> {
  return db.selectFrom('job_position_assignments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts an assignment and its staff placement (the job position's unit over the same days). */
export async function insertAssignment(trx: Trx, row: JobPositionAssignmentRow): Promise<void> {
  await trx.insertInto('job_position_assignments').values(row).execute();
  const job = await trx
    .selectFrom('job_positions')
    .select('organization_id')
    .where('id', '=', row.job_position_id)
    .executeTakeFirstOrThrow();
  await placements.openPlacement(trx, {
    source: 'job_position',
    sourceId: row.id,
    personId: row.person_id,
    personName: row.person_name,
    organizationId: job.organization_id,
    how: null,
    from: row.from_date,
    to: row.to_date,
  });
}

/** Rows of other features that hang on these units (used to refuse reverting an event something depends on). */
export async function staffingDependents(db: Db | Trx, organizationIds: readonly string[], eventId: string): Promise<number> {
  if (organizationIds.length === 0) return 0;
  const jobs = await db
    .selectFrom('job_positions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', 'in', organizationIds)
    .where((eb) => eb.or([eb('opened_by_event_id', 'is', null), eb('opened_by_event_id', '!=', eventId)]))
    .executeTakeFirstOrThrow();
  const quotas = await db
    .selectFrom('staffing_quotas')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', 'in', organizationIds)
    .where((eb) => eb.or([eb('event_id', 'is', null), eb('event_id', '!=', eventId)]))
    .executeTakeFirstOrThrow();
  return Number(jobs.n) + Number(quotas.n);
}

/**
 * People in the records grouped by their current unit, the first `prefixLength` characters of their civil-service
 * rank code ('' when none) and whether they hold a title: the raw material of the counted "actual" staff. Reads the
 * persons table (issue 4) through this repository. Units by id, or every unit whose current path lies under `path`.
 */
export async function staffGroups(
  db: Db | Trx,
  where: { organizationIds?: readonly string[]; path?: string },
  prefixLength: number,
): Promise<{ organizationId: string; rankPrefix: string; holdsTitle: boolean; n: number }[]> {
  if (where.organizationIds && where.organizationIds.length === 0) return [];
  const rank =
    dialectOf(db) === 'postgres'
      ? sql<string>`substr(trim(coalesce(p.data_json::json ->> 'civilServiceRankCode', '')), 1, ${sql.lit(prefixLength)})`
      : sql<string>`substr(trim(coalesce(json_extract(p.data_json, '$.civilServiceRankCode'), '')), 1, ${sql.lit(prefixLength)})`;
  const title = sql<number>`case when p.current_title_code is null or p.current_title_code = '' then 0 else 1 end`;
  let q = db
    .selectFrom('persons as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.organization_id'])
    .select(rank.as('rank_prefix'))
    .select(title.as('holds_title'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['p.organization_id', sql`2`, sql`3`]);
  if (where.organizationIds) q = q.where('p.organization_id', 'in', where.organizationIds);
  if (where.path) q = q.where((eb) => inSubtrees(eb, 'o.path', [where.path!]));
  const rows = await q.execute();
  return rows.map((r) => ({
    organizationId: r.organization_id,
    rankPrefix: String(r.rank_prefix ?? ''),
    holdsTitle: Number(r.holds_title) === 1,
    n: Number(r.n),
  }));
}

export async function updateJobPositionRow(
  trx: Trx,
  id: string,
  set: Partial<Pick<JobPositionRow, 'name' | 'category' | 'required_rank' | 'count'>>,
): Promise<void> {
  await trx.updateTable('job_positions').set(set).where('id', '=', id).execute();
}

/** Closes (or reopens, with null) a job position and its last head count. */
export async function setJobPositionValidTo(trx: Trx, id: string, validTo: string | null): Promise<void> {
  await trx.updateTable('job_positions').set({ valid_to: validTo }).where('id', '=', id).execute();
  const last = (await versionsOfJobPosition(trx, id)).at(-1);
  if (last) await trx.updateTable('job_position_versions').set({ valid_to: validTo }).where('id', '=', last.id).execute();
}

export async function deleteJobPosition(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('job_position_versions').where('job_position_id', '=', id).execute();
  await trx.deleteFrom('job_positions').where('id', '=', id).execute();
}

/** Every assignment of the job positions, past and present. */
export async function assignmentsOfAll(db: Db | Trx, jobPositionIds: readonly string[]): Promise<JobPositionAssignmentRow[]> {
  if (jobPositionIds.length === 0) return [];
  return db.selectFrom('job_position_assignments').selectAll().where('job_position_id', 'in', jobPositionIds).execute();
}

export async function setAssignmentTo(trx: Trx, id: string, to: string | null): Promise<void> {
  await trx.updateTable('job_position_assignments').set({ to_date: to }).where('id', '=', id).execute();
  await placements.setPlacementTo(trx, 'job_position', id, to);
}

export async function deleteAssignment(trx: Trx, id: string): Promise<void> {
  await placements.deletePlacement(trx, 'job_position', id);
  await trx.deleteFrom('job_position_assignments').where('id', '=', id).execute();
}

/** Job positions of the units open on `asOf` or later (not yet closed that day), oldest first, with the count that day. */
export async function jobPositionsOfUnits(
  db: Db | Trx,
  organizationIds: readonly string[],
  asOf: string,
): Promise<JobPositionRow[]> {
  if (organizationIds.length === 0) return [];
  return jobPositionsAsOf(db, asOf)
    .where('j.organization_id', 'in', organizationIds)
    .where((eb) => eb.or([eb('j.valid_to', 'is', null), eb('j.valid_to', '>', asOf)]))
    .orderBy('j.created_at')
    .execute();
}

/** How many of these assignments (opened by an event) have since ended: a revert would rewrite that history. */
export async function endedAssignments(db: Db | Trx, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db
    .selectFrom('job_position_assignments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'in', ids)
    .where('to_date', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Assignments added by hand to these job positions (opened by an event). */
export async function handMadeAssignments(db: Db | Trx, jobPositionIds: readonly string[]): Promise<number> {
  if (jobPositionIds.length === 0) return 0;
  const r = await db
    .selectFrom('job_position_assignments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('job_position_id', 'in', jobPositionIds)
    .where('opened_by_event_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
