import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import { nowIso } from '../../lib/ids';
import type { PlacementSource, StaffPlacementRow } from './placement.table';

/**
 * Staff placements mirror seat incumbencies and job-position assignments (migration 20261128_0040): the
 * repositories that write those rows call these in the same transaction, so services and restructuring events keep
 * them in step without knowing about them.
 */
export async function openPlacement(
  trx: Trx,
  p: {
    source: PlacementSource;
    sourceId: string;
    personId: string;
    personName: string;
    organizationId: string;
    how: StaffPlacementRow['how'];
    from: string;
    to: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('staff_placements')
    .values({
      id: p.sourceId,
      person_id: p.personId,
      person_name: p.personName,
      organization_id: p.organizationId,
      source: p.source,
      source_id: p.sourceId,
      how: p.how,
      valid_from: p.from,
      valid_to: p.to,
      created_at: nowIso(),
    })
    .execute();
}

export async function setPlacementTo(trx: Trx, source: PlacementSource, sourceId: string, to: string | null): Promise<void> {
  await trx
    .updateTable('staff_placements')
    .set({ valid_to: to })
    .where('source', '=', source)
    .where('source_id', '=', sourceId)
    .execute();
}

export async function deletePlacement(trx: Trx, source: PlacementSource, sourceId: string): Promise<void> {
  await trx.deleteFrom('staff_placements').where('source', '=', source).where('source_id', '=', sourceId).execute();
}

/** Every placement of a person, oldest first. */
export async function placementsOfPerson(db: Db | Trx, personId: string): Promise<StaffPlacementRow[]> {
  return db
    .selectFrom('staff_placements')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
}

/**
 * The placements in force on `asOf` (valid_from ≤ asOf < valid_to), wherever they are, of the people who on that day
 * had a placement in the units (a subtree by today's paths, or units by id) or whose record puts them in the units now.
 */
export async function placementsOnFor(
  db: Db | Trx,
  where: { path: string } | { organizationIds: readonly string[] },
  asOf: string,
): Promise<StaffPlacementRow[]> {
  const run = (units: { path: string } | { ids: readonly string[] }) =>
    db
      .selectFrom('staff_placements as sp')
      .selectAll('sp')
      .where('sp.valid_from', '<=', asOf)
      .where((eb) => eb.or([eb('sp.valid_to', 'is', null), eb('sp.valid_to', '>', asOf)]))
      .where((eb) =>
        eb.or([
          eb(
            'sp.person_id',
            'in',
            eb
              .selectFrom('staff_placements as h')
              .innerJoin('organizations as o', 'o.id', 'h.organization_id')
              .select('h.person_id')
              .where('h.valid_from', '<=', asOf)
              .where((e) => e.or([e('h.valid_to', 'is', null), e('h.valid_to', '>', asOf)]))
              .where((e) => ('path' in units ? inSubtrees(e, 'o.path', [units.path]) : e('o.id', 'in', units.ids))),
          ),
          eb(
            'sp.person_id',
            'in',
            eb
              .selectFrom('persons as p')
              .innerJoin('organizations as o', 'o.id', 'p.organization_id')
              .select('p.id')
              .where((e) => ('path' in units ? inSubtrees(e, 'o.path', [units.path]) : e('o.id', 'in', units.ids))),
          ),
        ]),
      )
      .execute();
  if ('path' in where) return run({ path: where.path });
  const out: StaffPlacementRow[] = [];
  for (let i = 0; i < where.organizationIds.length; i += 500)
    out.push(...(await run({ ids: where.organizationIds.slice(i, i + 500) })));
  return out;
}
