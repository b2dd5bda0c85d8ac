import { containsText } from '../../db/like';
import type { ItemStatus } from '../../../contracts/programme';
import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import type { NewProgrammeItemRow, ProgrammeItemRow, ProgrammeMilestoneRow } from './programme.table';

export type ItemWithOrg = ProgrammeItemRow & { organization_name: string; organization_path: string };

function base(db: Db | Trx) {
  return db
    .selectFrom('programme_items as i')
    .innerJoin('organizations as o', 'o.id', 'i.organization_id')
    .selectAll('i')
    .select(['o.name as organization_name', 'o.path as organization_path']);
}

export async function findItem(db: Db | Trx, id: string): Promise<ItemWithOrg | undefined> {
  return base(db).where('i.id', '=', id).executeTakeFirst();
}

export async function findItemByCode(trx: Trx, organizationId: string, code: string): Promise<ProgrammeItemRow | undefined> {
  return trx
    .selectFrom('programme_items')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export interface ItemFilter {
  paths: readonly string[];
  qFolded?: string;
  year?: number;
  status?: ItemStatus;
  limit: number;
  offset: number;
}

export async function listItems(db: Db, f: ItemFilter): Promise<{ rows: ItemWithOrg[]; total: number }> {
  let q = db
    .selectFrom('programme_items as i')
    .innerJoin('organizations as o', 'o.id', 'i.organization_id')
    .where((eb) => inSubtrees(eb, 'o.path', f.paths));
  if (f.qFolded) {
    const text = f.qFolded;
    q = q.where((eb) =>
      eb.or([containsText('i.title_folded', text), containsText('i.summary_folded', text), containsText('i.code', text)]),
    );
  }
  if (f.year) q = q.where('i.year', '=', f.year);
  if (f.status) q = q.where('i.status', '=', f.status);
  const [rows, count] = await Promise.all([
    q
      .selectAll('i')
      .select(['o.name as organization_name', 'o.path as organization_path'])
      .orderBy('i.due_on')
      .orderBy('i.code')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * A page of items in the export order (due date, then id) after `after`: keyset paging, same filters and scope as the
 * list, so an export of any size reads every page at the same cost.
 */
export async function itemsPage(
  db: Db,
  f: Omit<ItemFilter, 'limit' | 'offset'>,
  after: { dueOn: string; id: string } | null,
  limit: number,
): Promise<ItemWithOrg[]> {
  let q = base(db).where((eb) => inSubtrees(eb, 'o.path', f.paths));
  if (f.qFolded) {
    const text = f.qFolded;
    q = q.where((eb) =>
      eb.or([containsText('i.title_folded', text), containsText('i.summary_folded', text), containsText('i.code', text)]),
    );
  }
  if (f.year) q = q.where('i.year', '=', f.year);
  if (f.status) q = q.where('i.status', '=', f.status);
  if (after)
    q = q.where((eb) =>
      eb.or([eb('i.due_on', '>', after.dueOn), eb.and([eb('i.due_on', '=', after.dueOn), eb('i.id', '>', after.id)])]),
    );
  return q.orderBy('i.due_on').orderBy('i.id').limit(limit).execute();
}

/** Every item of the year led by units in the subtrees (a year's programme is hundreds of items, not millions). */
export async function itemsOfYear(db: Db, paths: readonly string[], year: number): Promise<ItemWithOrg[]> {
  return base(db)
    .where((eb) => inSubtrees(eb, 'o.path', paths))
    .where('i.year', '=', year)
    .orderBy('i.due_on')
    .orderBy('i.code')
    .execute();
}

export interface ItemDetails {
  coordinators: Map<string, { id: string; name: string }[]>;
  responsible: Map<string, { id: string; fullName: string; username: string }[]>;
  milestones: Map<string, ProgrammeMilestoneRow[]>;
}

export async function detailsOf(db: Db | Trx, ids: readonly string[]): Promise<ItemDetails> {
  const out: ItemDetails = { coordinators: new Map(), responsible: new Map(), milestones: new Map() };
  if (ids.length === 0) return out;
  const push = <V>(map: Map<string, V[]>, key: string, value: V) => map.set(key, [...(map.get(key) ?? []), value]);
  const [coordinators, responsible, milestones] = await Promise.all([
    db
      .selectFrom('programme_item_coordinators as c')
      .innerJoin('organizations as o', 'o.id', 'c.organization_id')
      .select(['c.item_id', 'o.id', 'o.name'])
      .where('c.item_id', 'in', ids)
      .orderBy('o.path')
      .execute(),
    db
      .selectFrom('programme_item_responsible as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.item_id', 'u.id', 'u.full_name', 'u.username'])
      .where('r.item_id', 'in', ids)
      .orderBy('u.username')
      .execute(),
    db.selectFrom('programme_milestones').selectAll().where('item_id', 'in', ids).orderBy('due_on').execute(),
  ]);
  for (const c of coordinators) push(out.coordinators, c.item_id, { id: c.id, name: c.name });
  for (const r of responsible) push(out.responsible, r.item_id, { id: r.id, fullName: r.full_name, username: r.username });
  for (const m of milestones) push(out.milestones, m.item_id, m);
  return out;
}

export async function insertItem(
  trx: Trx,
  row: NewProgrammeItemRow,
  coordinatorIds: readonly string[],
  responsibleIds: readonly string[],
  milestones: readonly ProgrammeMilestoneRow[],
): Promise<void> {
  await trx.insertInto('programme_items').values(row).execute();
  if (coordinatorIds.length)
    await trx
      .insertInto('programme_item_coordinators')
      .values(coordinatorIds.map((organization_id) => ({ item_id: row.id, organization_id })))
      .execute();
  if (responsibleIds.length)
    await trx
      .insertInto('programme_item_responsible')
      .values(responsibleIds.map((user_id) => ({ item_id: row.id, user_id })))
      .execute();
  if (milestones.length)
    await trx
      .insertInto('programme_milestones')
      .values([...milestones])
      .execute();
}

export async function updateItemStatus(trx: Trx, id: string, status: ItemStatus, completedOn: string | null): Promise<void> {
  await trx
    .updateTable('programme_items')
    .set({ status, completed_on: completedOn, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function updateMilestone(trx: Trx, itemId: string, stage: string, doneOn: string | null): Promise<number> {
  const r = await trx
    .updateTable('programme_milestones')
    .set({ done_on: doneOn })
    .where('item_id', '=', itemId)
    .where('stage', '=', stage as ProgrammeMilestoneRow['stage'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Open items the user is responsible for, inside the given subtrees. */
export async function openItemsOf(db: Db, userId: string, paths: readonly string[]): Promise<ItemWithOrg[]> {
  return base(db)
    .innerJoin('programme_item_responsible as r', 'r.item_id', 'i.id')
    .where('r.user_id', '=', userId)
    .where((eb) => inSubtrees(eb, 'o.path', paths))
    .where('i.status', 'in', ['planned', 'in_progress', 'submitted'])
    .orderBy('i.due_on')
    .execute();
}

/** Users holding a role somewhere inside the subtrees (for the "responsible people" picker). */
export async function usersInSubtrees(db: Db, paths: readonly string[], qFolded?: string) {
  let q = db
    .selectFrom('users as u')
    .where('u.disabled', '=', 0)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_grants as g')
          .innerJoin('organizations as o', 'o.id', 'g.organization_id')
          .whereRef('g.user_id', '=', 'u.id')
          .where((e) => inSubtrees(e, 'o.path', paths))
          .select('g.id'),
      ),
    );
  if (qFolded) q = q.where((eb) => eb.or([containsText('u.username', qFolded), containsText('u.full_name', qFolded)]));
  return q.select(['u.id', 'u.full_name', 'u.username']).orderBy('u.username').limit(100).execute();
}

export async function usersByIds(trx: Trx, ids: readonly string[]): Promise<{ id: string; paths: string[] }[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('user_grants as g')
    .innerJoin('organizations as o', 'o.id', 'g.organization_id')
    .select(['g.user_id', 'o.path'])
    .where('g.user_id', 'in', ids)
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.path]);
  return [...out].map(([id, paths]) => ({ id, paths }));
}

/** Replaces an item's fields, coordinators, responsible people and milestones (an edit). */
export async function replaceItem(
  trx: Trx,
  id: string,
  patch: Omit<NewProgrammeItemRow, 'id' | 'organization_id' | 'status' | 'completed_on' | 'created_at'>,
  coordinatorIds: readonly string[],
  responsibleIds: readonly string[],
  milestones: readonly ProgrammeMilestoneRow[],
): Promise<void> {
  await trx.updateTable('programme_items').set(patch).where('id', '=', id).execute();
  await deleteChildren(trx, id);
  if (coordinatorIds.length)
    await trx
      .insertInto('programme_item_coordinators')
      .values(coordinatorIds.map((organization_id) => ({ item_id: id, organization_id })))
      .execute();
  if (responsibleIds.length)
    await trx
      .insertInto('programme_item_responsible')
      .values(responsibleIds.map((user_id) => ({ item_id: id, user_id })))
      .execute();
  if (milestones.length)
    await trx
      .insertInto('programme_milestones')
      .values([...milestones])
      .execute();
}

async function deleteChildren(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('programme_item_coordinators').where('item_id', '=', id).execute();
  await trx.deleteFrom('programme_item_responsible').where('item_id', '=', id).execute();
  await trx.deleteFrom('programme_milestones').where('item_id', '=', id).execute();
}

/** Deletes a withdrawn item with its coordinators, responsible people, milestones and attachments. */
export async function deleteItem(trx: Trx, id: string): Promise<void> {
  await deleteChildren(trx, id);
  await trx.deleteFrom('attachments').where('owner_kind', '=', 'programme_item').where('owner_id', '=', id).execute();
  await trx.deleteFrom('programme_items').where('id', '=', id).execute();
}
