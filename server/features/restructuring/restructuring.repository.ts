import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import type { RestructuringEventRow } from './restructuring.table';

export async function insertEvent(trx: Trx, row: RestructuringEventRow): Promise<void> {
  await trx.insertInto('restructuring_events').values(row).execute();
}

export async function findEvent(db: Db | Trx, id: string): Promise<RestructuringEventRow | undefined> {
  return db.selectFrom('restructuring_events').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markReverted(trx: Trx, id: string, by: string | null, at: string): Promise<void> {
  await trx
    .updateTable('restructuring_events')
    .set({ status: 'reverted', reverted_by: by, reverted_at: at })
    .where('id', '=', id)
    .execute();
}

/** Every path on the way down to each root, the root excluded: `/a/b/c/` → `/a/`, `/a/b/`. */
function ancestorPaths(roots: readonly string[]): string[] {
  const out = new Set<string>();
  for (const root of roots) {
    const ids = root.split('/').filter(Boolean);
    for (let i = 1; i < ids.length; i++) out.add(`/${ids.slice(0, i).join('/')}/`);
  }
  return [...out];
}

/** Events anchored in the given subtrees or above them (the caller filters the latter), newest first. */
export async function listEvents(db: Db, roots: readonly string[]): Promise<RestructuringEventRow[]> {
  if (roots.length === 0) return [];
  const above = ancestorPaths(roots);
  return db
    .selectFrom('restructuring_events')
    .selectAll()
    .where((eb) =>
      eb.or([
        inSubtrees(eb, 'anchor_path', roots),
        // anchored above a root: the anchor is one of the root's ancestors' paths (equality look-ups on the path index)
        ...(above.length ? [eb('anchor_path', 'in', above)] : []),
      ]),
    )
    .orderBy('effective_date', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** Applied events created after `createdAt` (candidates that may depend on an earlier event). */
export async function laterAppliedEvents(db: Db | Trx, createdAt: string, id: string): Promise<RestructuringEventRow[]> {
  return db
    .selectFrom('restructuring_events')
    .selectAll()
    .where('status', '=', 'applied')
    .where('created_at', '>=', createdAt)
    .where('id', '!=', id)
    .execute();
}

/**
 * Rows that hang on the units or seats an event created but that the event did not create: hand-made seats,
 * incumbents, grants, child units, versions. Any of them blocks a revert.
 */
export async function dependentsOf(
  db: Db | Trx,
  f: { eventId: string; organizationIds: readonly string[]; positionIds: readonly string[] },
): Promise<{ what: string; count: number }[]> {
  const out: { what: string; count: number }[] = [];
  const count = async (what: string, q: Promise<{ n: number | string | bigint }>) => {
    const n = Number((await q).n);
    if (n > 0) out.push({ what, count: n });
  };
  const orgs = f.organizationIds.length ? [...f.organizationIds] : [''];
  const seats = f.positionIds.length ? [...f.positionIds] : [''];
  await count(
    'positions',
    db
      .selectFrom('positions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', 'in', orgs)
      .where((eb) => eb.or([eb('opened_by_event_id', 'is', null), eb('opened_by_event_id', '!=', f.eventId)]))
      .executeTakeFirstOrThrow(),
  );
  await count(
    'position_incumbents',
    db
      .selectFrom('position_incumbents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('position_id', 'in', seats)
      .where((eb) =>
        eb.or([eb('opened_by_event_id', 'is', null), eb('opened_by_event_id', '!=', f.eventId), eb('to_date', 'is not', null)]),
      )
      .executeTakeFirstOrThrow(),
  );
  await count(
    'user_grants',
    db
      .selectFrom('user_grants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', 'in', orgs)
      .executeTakeFirstOrThrow(),
  );
  await count(
    'organization_versions',
    db
      .selectFrom('organization_versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', 'in', orgs)
      .where((eb) => eb.or([eb('event_id', 'is', null), eb('event_id', '!=', f.eventId)]))
      .executeTakeFirstOrThrow(),
  );
  await count(
    'organizations',
    db
      .selectFrom('organization_versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', 'in', orgs)
      .where((eb) => eb.or([eb('event_id', 'is', null), eb('event_id', '!=', f.eventId)]))
      .executeTakeFirstOrThrow(),
  );
  return out;
}
