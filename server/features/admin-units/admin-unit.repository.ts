import { containsText } from '../../db/like';
import type { Db, Trx } from '../../db/database';
import type { AdministrativeUnitMappingTable, AdministrativeUnitTable } from './admin-unit.table';

export async function countUnits(db: Db | Trx): Promise<number> {
  const r = await db
    .selectFrom('administrative_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function replaceAll(
  trx: Trx,
  units: AdministrativeUnitTable[],
  mappings: AdministrativeUnitMappingTable[],
): Promise<void> {
  await trx.deleteFrom('administrative_unit_mappings').execute();
  await trx.deleteFrom('administrative_units').execute();
  for (let i = 0; i < units.length; i += 500)
    await trx
      .insertInto('administrative_units')
      .values(units.slice(i, i + 500))
      .execute();
  for (let i = 0; i < mappings.length; i += 500)
    await trx
      .insertInto('administrative_unit_mappings')
      .values(mappings.slice(i, i + 500))
      .execute();
}

export async function listUnits(db: Db, f: { provinceCode?: string; qFolded?: string }) {
  let q = db.selectFrom('administrative_units').selectAll();
  q = f.provinceCode ? q.where('province_code', '=', f.provinceCode) : q.where('province_code', 'is', null);
  if (f.qFolded) q = q.where(containsText('name_folded', f.qFolded));
  return q.orderBy('code').execute();
}

export async function findUnit(db: Db | Trx, code: string) {
  return db.selectFrom('administrative_units').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function mappingsInto(db: Db | Trx, newCodes: readonly string[]) {
  if (newCodes.length === 0) return [];
  return db
    .selectFrom('administrative_unit_mappings')
    .selectAll()
    .where('new_code', 'in', [...newCodes])
    .orderBy('id')
    .execute();
}
