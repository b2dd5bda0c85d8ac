import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import { escapeLike } from '../../lib/text';
import type { NewOrganizationRow, OrganizationRow } from './organization.table';

export async function findOrganization(db: Db | Trx, id: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganizationByCode(db: Db | Trx, code: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findOrganizationsByIds(db: Db | Trx, ids: readonly string[]): Promise<OrganizationRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('organizations').selectAll().where('id', 'in', ids).execute();
}

export interface OrganizationFilter {
  scopePaths: readonly string[];
  qFolded?: string;
  parentId?: string;
  limit: number;
  offset: number;
}

/** Organizations in the given subtrees, optionally matching a folded name/code fragment, sorted by path. */
export async function listOrganizations(db: Db, f: OrganizationFilter): Promise<{ rows: OrganizationRow[]; total: number }> {
  let q = db.selectFrom('organizations').where((eb) => inSubtrees(eb, 'organizations.path', f.scopePaths));
  if (f.qFolded) {
    const like = `%${escapeLike(f.qFolded)}%`;
    q = q.where((eb) =>
      eb.or([eb('name_folded', 'like', like), eb('code', 'like', `%${escapeLike(f.qFolded!.toUpperCase())}%`)]),
    );
  }
  if (f.parentId) q = q.where('parent_id', '=', f.parentId);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('path').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function countOrganizations(db: Db, scopePaths: readonly string[]): Promise<number> {
  const r = await db
    .selectFrom('organizations')
    .where((eb) => inSubtrees(eb, 'organizations.path', scopePaths))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertOrganization(trx: Trx, row: NewOrganizationRow): Promise<void> {
  await trx.insertInto('organizations').values(row).execute();
}
