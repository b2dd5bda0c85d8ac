import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import { newId, nowIso } from '../../lib/ids';
import * as placements from '../staffing/placement.repository';
import type { IncumbentRow, NewIncumbentRow, NewPositionRow, PositionRow, PositionVersionRow } from './position.table';

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
    // the seat's places and term as they were on asOf (its version then), not as they are today
    .innerJoin('position_versions as pv', (j) =>
      j
        .onRef('pv.position_id', '=', 'p.id')
        .on('pv.valid_from', '<=', f.asOf)
        .on((eb) => eb.or([eb('pv.valid_to', 'is', null), eb('pv.valid_to', '>', f.asOf)])),
    )
    .selectAll('p')
    .select(['pv.seat_count as v_seat_count', 'pv.term_years as v_term_years'])
    .select(['o.name as organization_name', 'o.path as organization_path', 't.name as title_name'])
    .where((eb) => inSubtrees(eb, 'o.path', f.roots))
    .where('p.valid_from', '<=', f.asOf)
    .where((eb) => eb.or([eb('p.valid_to', 'is', null), eb('p.valid_to', '>', f.asOf)]));
  if (f.organizationId) q = q.where('p.organization_id', '=', f.organizationId);
  if (f.organizationIds) q = q.where('p.organization_id', 'in', f.organizationIds.length ? [...f.organizationIds] : ['']);
  const rows = await q.orderBy('o.path').orderBy('t.rank_order').orderBy('p.id').execute();
  return rows.map(({ v_seat_count, v_term_years, ...r }) => ({ ...r, seat_count: v_seat_count, term_years: v_term_years }));
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

/** Inserts a seat and its first version. */
export async function insertPosition(trx: Trx, row: NewPositionRow): Promise<void> {
  await trx.insertInto('positions').values(row).execute();
  await trx
    .insertInto('position_versions')
    .values({
      id: newId(),
      position_id: row.id,
      seat_count: row.seat_count,
      term_years: row.term_years ?? null,
      valid_from: row.valid_from,
      valid_to: row.valid_to ?? null,
      decision_ref: null,
      created_at: nowIso(),
    })
    .execute();
}

/** Every version of a seat, oldest first. */
export async function versionsOfPosition(db: Db | Trx, positionId: string): Promise<PositionVersionRow[]> {
  return db.selectFrom('position_versions').selectAll().where('position_id', '=', positionId).orderBy('valid_from').execute();
}

/**
 * The seat's places and term from `from` on: the version that starts that day is corrected in place, else the open
 * version ends the day before and a new one starts. The seat row takes the new figures (its latest). The caller has
 * checked that `from` is not before the open version's start.
 */
export async function changePositionFrom(
  trx: Trx,
  positionId: string,
  set: { seat_count: number; term_years: number | null },
  from: string,
  decisionRef: string | null,
): Promise<{ before: PositionVersionRow; after: PositionVersionRow }> {
  const versions = await versionsOfPosition(trx, positionId);
  const open = versions[versions.length - 1]!;
  let after: PositionVersionRow;
  if (open.valid_from === from) {
    after = { ...open, ...set, decision_ref: decisionRef ?? open.decision_ref };
    await trx
      .updateTable('position_versions')
      .set({ seat_count: after.seat_count, term_years: after.term_years, decision_ref: after.decision_ref })
      .where('id', '=', open.id)
      .execute();
  } else {
    await trx.updateTable('position_versions').set({ valid_to: from }).where('id', '=', open.id).execute();
    after = {
      id: newId(),
      position_id: positionId,
      ...set,
      valid_from: from,
      valid_to: open.valid_to,
      decision_ref: decisionRef,
      created_at: nowIso(),
    };
    await trx.insertInto('position_versions').values(after).execute();
  }
  await trx.updateTable('positions').set(set).where('id', '=', positionId).execute();
  return { before: open, after };
}

/** Inserts an incumbency and its staff placement (the seat's unit over the same days). */
export async function insertIncumbent(trx: Trx, row: NewIncumbentRow): Promise<void> {
  await trx.insertInto('position_incumbents').values(row).execute();
  const seat = await trx
    .selectFrom('positions')
    .select('organization_id')
    .where('id', '=', row.position_id)
    .executeTakeFirstOrThrow();
  await placements.openPlacement(trx, {
    source: 'seat',
    sourceId: row.id,
    personId: row.person_id,
    personName: row.person_name,
    organizationId: seat.organization_id,
    how: row.how,
    from: row.from_date,
    to: row.to_date ?? null,
  });
}

/** Closes (or reopens, with null) a seat and its last version. */
export async function setPositionValidTo(trx: Trx, id: string, validTo: string | null): Promise<void> {
  await trx.updateTable('positions').set({ valid_to: validTo }).where('id', '=', id).execute();
  const last = (await versionsOfPosition(trx, id)).at(-1);
  if (last) await trx.updateTable('position_versions').set({ valid_to: validTo }).where('id', '=', last.id).execute();
}

export async function setIncumbentTo(trx: Trx, id: string, to: string | null): Promise<void> {
  await trx.updateTable('position_incumbents').set({ to_date: to }).where('id', '=', id).execute();
  await placements.setPlacementTo(trx, 'seat', id, to);
}

export async function deleteIncumbent(trx: Trx, id: string): Promise<void> {
  await placements.deletePlacement(trx, 'seat', id);
  await trx.deleteFrom('position_incumbents').where('id', '=', id).execute();
}

export async function deletePosition(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('position_versions').where('position_id', '=', id).execute();
  await trx.deleteFrom('positions').where('id', '=', id).execute();
}
