import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';

// Rows of other modules the persons module reads: organizations by code or subtree, seats held, title codes.

export async function organizationsByCodes(
  db: Db | Trx,
  codes: readonly string[],
): Promise<Map<string, { id: string; path: string }>> {
  const out = new Map<string, { id: string; path: string }>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('organizations')
      .select(['id', 'code', 'path'])
      .where('code', 'in', codes.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.code, { id: r.id, path: r.path });
  }
  return out;
}

/** Open organizations of a subtree (valid today), for spreading demo and generated people. */
export async function openOrganizationsUnder(db: Db | Trx, path: string): Promise<{ id: string; name: string; code: string }[]> {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'code'])
    .where((eb) => inSubtrees(eb, 'path', [path]))
    .where('valid_to', 'is', null)
    .orderBy('path')
    .execute();
}

/** People sitting in seats of a subtree today: who, where, which title, since when. */
export async function openIncumbentsUnder(db: Db | Trx, path: string) {
  return db
    .selectFrom('position_incumbents as i')
    .innerJoin('positions as s', 's.id', 'i.position_id')
    .innerJoin('titles as t', 't.id', 's.title_id')
    .innerJoin('organizations as o', 'o.id', 's.organization_id')
    .select([
      'i.person_id',
      'i.person_name',
      'i.from_date',
      'o.id as organization_id',
      'o.name as organization_name',
      't.code as title_code',
      't.name as title_name',
      't.head_title_id',
    ])
    .where((eb) => inSubtrees(eb, 'o.path', [path]))
    .where('i.to_date', 'is', null)
    .orderBy('i.from_date')
    .execute();
}

/** The seats the given persons hold today (open incumbencies), for "which seats fall vacant". */
export async function openSeatsOf(db: Db | Trx, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  const out = [];
  for (let i = 0; i < personIds.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('position_incumbents as i')
        .innerJoin('positions as s', 's.id', 'i.position_id')
        .innerJoin('titles as t', 't.id', 's.title_id')
        .innerJoin('organizations as o', 'o.id', 's.organization_id')
        .select(['i.person_id', 's.id as position_id', 't.name as title_name', 'o.name as organization_name'])
        .where('i.person_id', 'in', personIds.slice(i, i + 500))
        .where('i.to_date', 'is', null)
        .execute()),
    );
  return out;
}

/** Which of these organization ids exist (work-history links). */
export async function existingOrganizationIds(db: Db | Trx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('organizations').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Which of these title codes exist in any catalog (work-history links). */
export async function existingTitleCodes(db: Db | Trx, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('titles').select('code').distinct().where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

/** Every title code of the catalogs (a few hundred), for the section import's links. */
export async function allTitleCodes(db: Db | Trx): Promise<Set<string>> {
  const rows = await db.selectFrom('titles').select('code').distinct().execute();
  return new Set(rows.map((r) => r.code));
}
