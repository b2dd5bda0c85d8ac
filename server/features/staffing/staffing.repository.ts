import { sql } from 'kysely';
import type { StaffingCategory } from '../../../contracts/staffing';
import type { Db, Trx } from '../../db/database';
import { dialectOf } from '../../db/dialect';
import { inSubtrees } from '../../db/scope';
import type { JobPositionAssignmentRow, JobPositionRow, StaffingQuotaRow } from './staffing.table';

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

export async function insertQuota(trx: Trx, row: StaffingQuotaRow): Promise<void> {
  await trx.insertInto('staffing_quotas').values(row).execute();
}

export async function updateQuota(trx: Trx, id: string, set: { quota: number; actual: number | null }): Promise<void> {
  await trx.updateTable('staffing_quotas').set(set).where('id', '=', id).execute();
}

export async function deleteQuota(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('staffing_quotas').where('id', '=', id).execute();
}

export async function jobPositionsOf(db: Db | Trx, organizationId: string, asOf: string): Promise<JobPositionRow[]> {
  return db
    .selectFrom('job_positions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('valid_from', '<=', asOf)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', asOf)]))
    .orderBy('category')
    .orderBy('name')
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

export async function insertJobPosition(trx: Trx, row: JobPositionRow): Promise<void> {
  await trx.insertInto('job_positions').values(row).execute();
}

export async function insertAssignment(trx: Trx, row: JobPositionAssignmentRow): Promise<void> {
  await trx.insertInto('job_position_assignments').values(row).execute();
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

export async function setJobPositionValidTo(trx: Trx, id: string, validTo: string | null): Promise<void> {
  await trx.updateTable('job_positions').set({ valid_to: validTo }).where('id', '=', id).execute();
}

export async function deleteJobPosition(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('job_positions').where('id', '=', id).execute();
}

/** Every assignment of the job positions, past and present. */
export async function assignmentsOfAll(db: Db | Trx, jobPositionIds: readonly string[]): Promise<JobPositionAssignmentRow[]> {
  if (jobPositionIds.length === 0) return [];
  return db.selectFrom('job_position_assignments').selectAll().where('job_position_id', 'in', jobPositionIds).execute();
}

export async function setAssignmentTo(trx: Trx, id: string, to: string | null): Promise<void> {
  await trx.updateTable('job_position_assignments').set({ to_date: to }).where('id', '=', id).execute();
}

export async function deleteAssignment(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('job_position_assignments').where('id', '=', id).execute();
}

/** Job positions of the units open on `asOf` (from on or before, not yet closed), oldest first. */
export async function jobPositionsOfUnits(
  db: Db | Trx,
  organizationIds: readonly string[],
  asOf: string,
): Promise<JobPositionRow[]> {
  if (organizationIds.length === 0) return [];
  return db
    .selectFrom('job_positions')
    .selectAll()
    .where('organization_id', 'in', organizationIds)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', asOf)]))
    .orderBy('created_at')
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
