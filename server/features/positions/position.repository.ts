import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import type { IncumbentRow, NewIncumbentRow, NewPositionRow, PositionRow } from './position.table';

export type PositionWithNames = PositionRow & { organization_name: string; title_name: string; organization_path: string };

/** Seats valid on `asOf` ([valid_from, valid_to)) of the organizations whose path lies under one of `roots`. */
export async function listPositionsAsOf(
  db: Db | Trx,
  f: { roots: readonly string[]; organizationId?: string; organizationIds?: readonly string[]; asOf: string },
): Promise<PositionWithNames[]> {
  let q = db
    .selectFrom('positions as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .innerJoin('titles as t', 't.id', 'p.title_id')
    .selectAll('p')
    .select(['o.name as organization_name', 'o.path as organization_path', 't.name as title_name'])
    .where((eb) => inSubtrees(eb, 'o.path', f.roots))
    .where('p.valid_from', '<=', f.asOf)
    .where((eb) => eb.or([eb('p.valid_to', 'is', null), eb('p.valid_to', '>', f.asOf)]));
  if (f.organizationId) q = q.where('p.organization_id', '=', f.organizationId);
  if (f.organizationIds) q = q.where('p.organization_id', 'in', f.organizationIds.length ? [...f.organizationIds] : ['']);
  return q.orderBy('o.path').orderBy('t.rank_order').orderBy('p.id').execute();
}

/** Incumbencies of these seats open on `asOf` ([from_date, to_date)). */
export async function incumbentsAsOf(db: Db | Trx, positionIds: readonly string[], asOf: string): Promise<IncumbentRow[]> {
  if (positionIds.length === 0) return [];
  const out: IncumbentRow[] = [];
  // Chunked so that a province's thousands of seats stay under both dialects' parameter limits.
  for (let i = 0; i < positionIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('position_incumbents')
        .selectAll()
        .where('position_id', 'in', positionIds.slice(i, i + 500))
        .where('from_date', '<=', asOf)
        .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', asOf)]))
        .orderBy('from_date')
        .orderBy('id')
        .execute()),
    );
  }
  return out;
}

export async function findPosition(db: Db | Trx, id: string): Promise<PositionWithNames | undefined> {
  return db
    .selectFrom('positions as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .innerJoin('titles as t', 't.id', 'p.title_id')
    .selectAll('p')
    .select(['o.name as organization_name', 'o.path as organization_path', 't.name as title_name'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function findIncumbent(db: Db | Trx, id: string): Promise<IncumbentRow | undefined> {
  return db.selectFrom('position_incumbents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function incumbenciesOfPosition(db: Db | Trx, positionId: string): Promise<IncumbentRow[]> {
  return db.selectFrom('position_incumbents').selectAll().where('position_id', '=', positionId).orderBy('from_date').execute();
}

/** Every seat of these organizations, whatever its dates. */
export async function positionsOfOrganizations(db: Db | Trx, organizationIds: readonly string[]): Promise<PositionRow[]> {
  if (organizationIds.length === 0) return [];
  return db.selectFrom('positions').selectAll().where('organization_id', 'in', organizationIds).execute();
}

export async function insertPosition(trx: Trx, row: NewPositionRow): Promise<void> {
  await trx.insertInto('positions').values(row).execute();
}

export async function insertIncumbent(trx: Trx, row: NewIncumbentRow): Promise<void> {
  await trx.insertInto('position_incumbents').values(row).execute();
}

export async function setPositionValidTo(trx: Trx, id: string, validTo: string | null): Promise<void> {
  await trx.updateTable('positions').set({ valid_to: validTo }).where('id', '=', id).execute();
}

export async function setIncumbentTo(trx: Trx, id: string, to: string | null): Promise<void> {
  await trx.updateTable('position_incumbents').set({ to_date: to }).where('id', '=', id).execute();
}

export async function deleteIncumbent(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('position_incumbents').where('id', '=', id).execute();
}

export async function deletePosition(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('positions').where('id', '=', id).execute();
}

export async function updatePositionRow(trx: Trx, id: string, set: { seat_count?: number; term_years?: number | null }) {
  await trx.updateTable('positions').set(set).where('id', '=', id).execute();
}
