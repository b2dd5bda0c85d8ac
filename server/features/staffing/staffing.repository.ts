import type { StaffingCategory } from '../../../contracts/staffing';
import type { Db, Trx } from '../../db/database';
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
    .executeTakeFirstOrThrow();
  const quotas = await db
    .selectFrom('staffing_quotas')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', 'in', organizationIds)
    .where((eb) => eb.or([eb('event_id', 'is', null), eb('event_id', '!=', eventId)]))
    .executeTakeFirstOrThrow();
  return Number(jobs.n) + Number(quotas.n);
}
