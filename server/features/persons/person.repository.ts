import type { Db, Trx } from '../../db/database';
import type { NewPersonRow, PersonRow } from './person.table';

// The persons rows themselves: read, write, photos and the account link. Search, versions, declarations and
// the lookups of other modules' rows live in their own person.*.repository.ts files.

export type PersonWithOrg = PersonRow & { organization_name: string; organization_path: string };

export async function findPerson(db: Db | Trx, id: string): Promise<PersonWithOrg | undefined> {
  return db
    .selectFrom('persons as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .selectAll('p')
    .select(['o.name as organization_name', 'o.path as organization_path'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function findPersonByCccd(db: Db | Trx, cccd: string): Promise<PersonRow | undefined> {
  return db.selectFrom('persons').selectAll().where('cccd', '=', cccd).executeTakeFirst();
}

/** Existing persons (id, version, organization path) for the given CCCDs, in chunks the drivers accept. */
export async function findPersonsByCccds(
  db: Db | Trx,
  cccds: readonly string[],
): Promise<Map<string, { id: string; version: number; path: string; data_json: string; has_photo: number }>> {
  const out = new Map<string, { id: string; version: number; path: string; data_json: string; has_photo: number }>();
  for (let i = 0; i < cccds.length; i += 500) {
    const rows = await db
      .selectFrom('persons as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .select(['p.id', 'p.cccd', 'p.version', 'o.path', 'p.data_json', 'p.has_photo'])
      .where('p.cccd', 'in', cccds.slice(i, i + 500))
      .execute();
    for (const r of rows)
      out.set(r.cccd!, { id: r.id, version: r.version, path: r.path, data_json: r.data_json, has_photo: r.has_photo });
  }
  return out;
}

export async function insertPerson(trx: Trx, row: NewPersonRow): Promise<void> {
  await trx.insertInto('persons').values(row).execute();
}

export async function insertPersons(trx: Trx, rows: NewPersonRow[]): Promise<void> {
  // 24 columns: 40 rows stay under SQLite's 999-parameter limit of older builds.
  for (let i = 0; i < rows.length; i += 40)
    await trx
      .insertInto('persons')
      .values(rows.slice(i, i + 40))
      .execute();
}

export async function updatePersonRow(trx: Trx, id: string, row: Omit<NewPersonRow, 'id' | 'created_at'>): Promise<void> {
  await trx.updateTable('persons').set(row).where('id', '=', id).execute();
}

// Photos

export async function findPhoto(db: Db, personId: string): Promise<{ mime: string; data: Buffer } | undefined> {
  return db.selectFrom('person_photos').select(['mime', 'data']).where('person_id', '=', personId).executeTakeFirst();
}

export async function upsertPhoto(trx: Trx, personId: string, mime: string, data: Buffer, at: string): Promise<void> {
  await trx.deleteFrom('person_photos').where('person_id', '=', personId).execute();
  await trx.insertInto('person_photos').values({ person_id: personId, mime, data, updated_at: at }).execute();
  await trx.updateTable('persons').set({ has_photo: 1 }).where('id', '=', personId).execute();
}

// The account ↔ person link

export async function personIdOfUser(db: Db | Trx, userId: string): Promise<string | null> {
  const r = await db.selectFrom('users').select('person_id').where('id', '=', userId).executeTakeFirst();
  return r?.person_id ?? null;
}

export async function linkUserToPerson(trx: Trx, userId: string, personId: string): Promise<void> {
  await trx.updateTable('users').set({ person_id: personId }).where('id', '=', userId).execute();
}
