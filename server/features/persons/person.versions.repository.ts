import type { Db, Trx } from '../../db/database';
import type { PersonVersionRow, PersonVersionTable } from './person.table';

// History, not overwrite: every version of a record with its validity interval and who wrote it.

export async function insertVersions(trx: Trx, rows: PersonVersionTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100)
    await trx
      .insertInto('person_versions')
      .values(rows.slice(i, i + 100))
      .execute();
}

export async function closeVersion(trx: Trx, personId: string, version: number, at: string): Promise<void> {
  await trx
    .updateTable('person_versions')
    .set({ valid_to: at })
    .where('person_id', '=', personId)
    .where('version', '=', version)
    .execute();
}

/** The version valid at the instant `at` (ISO), or none if the person did not exist yet. */
export async function findVersionAt(db: Db, personId: string, at: string): Promise<PersonVersionRow | undefined> {
  return db
    .selectFrom('person_versions')
    .selectAll()
    .where('person_id', '=', personId)
    .where('valid_from', '<=', at)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function listVersions(db: Db, personId: string): Promise<(PersonVersionRow & { changed_by_name: string | null })[]> {
  return db
    .selectFrom('person_versions as v')
    .leftJoin('users as u', 'u.id', 'v.changed_by')
    .selectAll('v')
    .select('u.full_name as changed_by_name')
    .where('v.person_id', '=', personId)
    .orderBy('v.version', 'desc')
    .execute();
}
