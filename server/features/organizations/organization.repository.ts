import { containsText } from '../../db/like';
import { type SqlBool, sql } from 'kysely';
import type { Db, Trx } from '../../db/database';
import { inSubtrees, subtreeRange } from '../../db/scope';
import { newId } from '../../lib/ids';
import type {
  NewOrganizationRow,
  NewOrganizationVersionRow,
  OrganizationRow,
  OrganizationUpdate,
  OrganizationVersionRow,
} from './organization.table';

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
    const text = f.qFolded;
    q = q.where((eb) => eb.or([containsText('name_folded', text), containsText('code', text.toUpperCase())]));
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

/** Inserts a unit and its first dated version (the as-of tree reads versions). */
export async function insertOrganization(trx: Trx, row: NewOrganizationRow, eventId: string | null = null): Promise<void> {
  await trx.insertInto('organizations').values(row).execute();
  await insertVersion(trx, {
    id: newId(),
    organization_id: row.id,
    name: row.name,
    name_folded: row.name_folded,
    short_name: row.short_name ?? null,
    kind: row.kind,
    level: row.level,
    parent_id: row.parent_id ?? null,
    path: row.path,
    depth: row.depth,
    admin_unit_code: row.admin_unit_code ?? null,
    valid_from: row.valid_from,
    valid_to: row.valid_to ?? null,
    event_id: eventId,
  });
}

export async function updateOrganization(trx: Trx, id: string, set: OrganizationUpdate): Promise<void> {
  await trx.updateTable('organizations').set(set).where('id', '=', id).execute();
}

export async function deleteOrganization(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('organization_versions').where('organization_id', '=', id).execute();
  await trx.deleteFrom('organizations').where('id', '=', id).execute();
}

export async function insertVersion(trx: Trx, row: NewOrganizationVersionRow): Promise<void> {
  await trx.insertInto('organization_versions').values(row).execute();
}

export async function setVersionValidTo(trx: Trx, versionId: string, validTo: string | null): Promise<void> {
  await trx.updateTable('organization_versions').set({ valid_to: validTo }).where('id', '=', versionId).execute();
}

export async function deleteVersion(trx: Trx, versionId: string): Promise<void> {
  await trx.deleteFrom('organization_versions').where('id', '=', versionId).execute();
}

/** Every version of a unit, oldest first. */
export async function versionsOf(db: Db | Trx, organizationId: string): Promise<OrganizationVersionRow[]> {
  return db
    .selectFrom('organization_versions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('valid_from')
    .execute();
}

/** The open units whose parent is one of `ids` (today's tree). */
export async function openChildrenOf(db: Db | Trx, ids: readonly string[]): Promise<OrganizationRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('organizations').selectAll().where('parent_id', 'in', ids).where('valid_to', 'is', null).execute();
}

/** Today's open units under a path (the unit itself included). */
export async function openSubtree(db: Db | Trx, path: string): Promise<OrganizationRow[]> {
  return db
    .selectFrom('organizations')
    .selectAll()
    .where((eb) => inSubtrees(eb, 'path', [path]))
    .where('valid_to', 'is', null)
    .orderBy('path')
    .execute();
}

export type VersionNode = OrganizationVersionRow & { code: string; child_count: number };

/** `column` under `prefix`: the same index range as `inSubtrees` (server/db/scope.ts). */
function underPath(column: string, prefix: string) {
  const { from, to } = subtreeRange(prefix);
  return sql<SqlBool>`${sql.ref(column)} >= ${from} and ${sql.ref(column)} < ${to}`;
}

/**
 * The versions valid on `asOf` behind `versionNodes`, without the units' current rows (exported for the benchmark's
 * EXPLAIN): joining `organizations` here let PostgreSQL hash-join a sequential scan of the whole table (100,000
 * units) for a scope that covers it, where the rows of one subtree come from the path index in a few milliseconds.
 */
export function versionNodesQuery(
  db: Db | Trx,
  asOf: string,
  filter: { parentId?: string; organizationIds?: readonly string[]; pathPrefix?: string },
) {
  // A whole subtree carries its own children, so its counts come from the rows instead of a subquery per row.
  const countInSql = !filter.pathPrefix;
  let q = db
    .selectFrom('organization_versions as v')
    .selectAll('v')
    .select((eb) =>
      countInSql
        ? eb
            .selectFrom('organization_versions as c')
            .whereRef('c.parent_id', '=', 'v.organization_id')
            .where('c.valid_from', '<=', asOf)
            .where((e) => e.or([e('c.valid_to', 'is', null), e('c.valid_to', '>', asOf)]))
            .select((e) => e.fn.countAll<number>().as('n'))
            .as('child_count')
        : sql<number>`0`.as('child_count'),
    )
    .where('v.valid_from', '<=', asOf)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', asOf)]));
  if (filter.parentId) q = q.where('v.parent_id', '=', filter.parentId);
  if (filter.organizationIds)
    q = q.where('v.organization_id', 'in', filter.organizationIds.length ? filter.organizationIds : ['']);
  if (filter.pathPrefix) q = q.where(() => underPath('v.path', filter.pathPrefix!));
  return q.orderBy('v.path');
}

/**
 * Versions valid on `asOf`, restricted to units whose current path lies in `scopeRoots` (scope follows today's tree:
 * a unit that left the actor's subtree leaves his history too), with how many children each had that day. The units'
 * current rows (code, path) are read by primary key and the scope applied to them here.
 */
async function versionNodes(
  db: Db | Trx,
  asOf: string,
  scopeRoots: readonly string[],
  filter: { parentId?: string; organizationIds?: readonly string[]; pathPrefix?: string },
): Promise<VersionNode[]> {
  if (scopeRoots.length === 0) return [];
  const versions = await versionNodesQuery(db, asOf, filter).execute();
  const units = new Map<string, { code: string; path: string }>();
  // A subtree's units mostly still sit under the same path today: read those by the path index, the rest by id.
  if (filter.pathPrefix)
    for (const o of await db
      .selectFrom('organizations')
      .select(['id', 'code', 'path'])
      .where((eb) => inSubtrees(eb, 'path', [filter.pathPrefix!]))
      .execute())
      units.set(o.id, o);
  const ids = [...new Set(versions.map((v) => v.organization_id).filter((id) => !units.has(id)))];
  for (let i = 0; i < ids.length; i += 1000)
    for (const o of await db
      .selectFrom('organizations')
      .select(['id', 'code', 'path'])
      .where('id', 'in', ids.slice(i, i + 1000))
      .execute())
      units.set(o.id, o);
  const rows: VersionNode[] = [];
  for (const v of versions) {
    const unit = units.get(v.organization_id);
    if (!unit || !scopeRoots.some((root) => unit.path.startsWith(root))) continue;
    rows.push({ ...v, code: unit.code, child_count: Number(v.child_count ?? 0) });
  }
  if (filter.pathPrefix) {
    const counts = new Map<string, number>();
    for (const r of rows) if (r.parent_id) counts.set(r.parent_id, (counts.get(r.parent_id) ?? 0) + 1);
    for (const r of rows) r.child_count = counts.get(r.organization_id) ?? 0;
  }
  return rows;
}

export const childrenAsOf = (db: Db | Trx, parentId: string, asOf: string, scopeRoots: readonly string[]) =>
  versionNodes(db, asOf, scopeRoots, { parentId });

export const nodesAsOf = (db: Db | Trx, ids: readonly string[], asOf: string, scopeRoots: readonly string[]) =>
  versionNodes(db, asOf, scopeRoots, { organizationIds: ids });

/** The whole subtree below (and including) the unit whose version on `asOf` has path `path`. */
export const subtreeAsOf = (db: Db | Trx, path: string, asOf: string, scopeRoots: readonly string[]) =>
  versionNodes(db, asOf, scopeRoots, { pathPrefix: path });

export async function insertSuccession(trx: Trx, predecessorId: string, successorId: string, eventId: string): Promise<string> {
  const id = newId();
  await trx
    .insertInto('organization_successions')
    .values({ id, predecessor_id: predecessorId, successor_id: successorId, event_id: eventId })
    .execute();
  return id;
}

export async function deleteSuccession(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('organization_successions').where('id', '=', id).execute();
}

/**
 * Successions where any of `ids` is the predecessor or the successor, with both units' names; asked in chunks, so
 * that a national table (100,000 units) stays under the dialects' limits on bound parameters.
 */
export async function successionsOf(db: Db | Trx, ids: readonly string[]) {
  const out: Awaited<ReturnType<typeof successionsChunk>> = [];
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i += 4000)
    for (const row of await successionsChunk(db, ids.slice(i, i + 4000)))
      if (!seen.has(row.id)) {
        seen.add(row.id);
        out.push(row);
      }
  return out;
}

async function successionsChunk(db: Db | Trx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('organization_successions as s')
    .innerJoin('organizations as p', 'p.id', 's.predecessor_id')
    .innerJoin('organizations as n', 'n.id', 's.successor_id')
    .select([
      's.id',
      's.predecessor_id',
      's.successor_id',
      's.event_id',
      'p.name as predecessor_name',
      'p.path as predecessor_path',
      'n.name as successor_name',
      'n.path as successor_path',
      'p.valid_to as predecessor_valid_to',
    ])
    .where((eb) => eb.or([eb('s.predecessor_id', 'in', ids), eb('s.successor_id', 'in', ids)]))
    .execute();
}

/** Units under a path (itself included) that existed at some time in [from, to). */
export async function subtreeDuring(db: Db | Trx, path: string, from: string, to: string): Promise<OrganizationRow[]> {
  return db
    .selectFrom('organizations')
    .selectAll()
    .where((eb) => inSubtrees(eb, 'path', [path]))
    .where('valid_from', '<', to)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', from)]))
    .orderBy('path')
    .execute();
}
