import { containsText } from '../../db/like';
import type { TitleGroup } from '../../../contracts/titles';
import type { Db, Trx } from '../../db/database';
import type { NewTitleRow, TitleCatalogRow, TitleRow } from './title.table';

export async function upsertCatalog(trx: Trx, row: TitleCatalogRow): Promise<void> {
  const found = await trx.selectFrom('title_catalogs').select('id').where('id', '=', row.id).executeTakeFirst();
  if (found) await trx.updateTable('title_catalogs').set(row).where('id', '=', row.id).execute();
  else await trx.insertInto('title_catalogs').values(row).execute();
}

/** Inserts new titles and updates changed ones; a title dropped from a file stays, since seats may reference it. */
export async function upsertTitles(trx: Trx, rows: readonly NewTitleRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const existing = new Map(
    (
      await trx
        .selectFrom('titles')
        .selectAll()
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    ).map((r) => [r.id, r]),
  );
  let changed = 0;
  for (const row of rows) {
    const old = existing.get(row.id);
    if (!old) {
      await trx.insertInto('titles').values(row).execute();
      changed++;
    } else if (JSON.stringify({ ...old }) !== JSON.stringify({ ...old, ...row })) {
      await trx.updateTable('titles').set(row).where('id', '=', row.id).execute();
      changed++;
    }
  }
  return changed;
}

export async function listCatalogs(db: Db | Trx): Promise<(TitleCatalogRow & { title_count: number })[]> {
  const rows = await db
    .selectFrom('title_catalogs as c')
    .leftJoin('titles as t', 't.catalog_id', 'c.id')
    .select(['c.id', 'c.name', 'c.citation', 'c.valid_from', 'c.valid_to'])
    .select((eb) => eb.fn.count<number>('t.id').as('title_count'))
    .groupBy(['c.id', 'c.name', 'c.citation', 'c.valid_from', 'c.valid_to'])
    .orderBy('c.valid_from')
    .execute();
  return rows.map((r) => ({ ...r, title_count: Number(r.title_count) }));
}

export async function listTitles(
  db: Db | Trx,
  f: { catalogId: string; group?: TitleGroup; qFolded?: string },
): Promise<TitleRow[]> {
  let q = db.selectFrom('titles').selectAll().where('catalog_id', '=', f.catalogId);
  if (f.group) q = q.where('group_no', '=', f.group);
  if (f.qFolded) q = q.where(containsText('name_folded', f.qFolded));
  return q.orderBy('rank_order').orderBy('code').execute();
}

export async function findTitle(db: Db | Trx, id: string): Promise<TitleRow | undefined> {
  return db.selectFrom('titles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTitlesByIds(db: Db | Trx, ids: readonly string[]): Promise<TitleRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('titles')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
}
