import { ORGANIZATION_KINDS, type OrganizationHistory, type OrganizationNode } from '../../../contracts/organizations';
import type { Db } from '../../db/database';
import { notFound } from '../../http/errors';
import { todayIso } from '../../lib/ids';
import { type Actor, type ScopedGrant, mayActOn, scopePaths } from '../access/access.rules';
import { toOrganizationResponse } from './organization.mapper';
import * as repo from './organization.repository';

/**
 * A grant follows the lineage of its unit across restructuring: a grant on a unit also covers the closed units it
 * succeeded (so a merged province's officer sees the history of both old provinces), and a grant on a closed unit
 * also covers its successors (so an officer of a merged unit keeps working in the unit it became). The extra paths
 * go into `lineagePaths`; the grants themselves stay as given.
 */
export async function withLineage(db: Db, grants: ScopedGrant[]): Promise<ScopedGrant[]> {
  return Promise.all(grants.map(async (g) => ({ ...g, lineagePaths: await lineageOf(db, g.organizationId) })));
}

async function lineageOf(db: Db, organizationId: string): Promise<string[]> {
  const out = new Map<string, string>();
  let frontier: { id: string; direction: 'both' | 'up' | 'down' }[] = [{ id: organizationId, direction: 'both' }];
  for (let hops = 0; frontier.length && hops < 20; hops++) {
    const links = await repo.successionsOf(
      db,
      frontier.map((f) => f.id),
    );
    const next: typeof frontier = [];
    for (const f of frontier)
      for (const l of links) {
        // predecessors: closed units that became this one
        if (l.successor_id === f.id && f.direction !== 'down' && !out.has(l.predecessor_id)) {
          out.set(l.predecessor_id, l.predecessor_path);
          next.push({ id: l.predecessor_id, direction: 'up' });
        }
        // successors of a closed unit
        if (l.predecessor_id === f.id && l.predecessor_valid_to !== null && f.direction !== 'up' && !out.has(l.successor_id)) {
          out.set(l.successor_id, l.successor_path);
          next.push({ id: l.successor_id, direction: 'down' });
        }
      }
    frontier = next.filter((n) => n.id !== organizationId);
  }
  out.delete(organizationId);
  return [...out.values()];
}

const LEVEL_ORDER = { central: 0, provincial: 1, district: 2, commune: 3 } as const;
const KIND_ORDER = ORGANIZATION_KINDS.reduce<Record<string, number>>((acc, k, i) => ({ ...acc, [k]: i }), {});

/** Siblings as an officer reads them: higher level first, then by kind (party before state), then by name. */
export function sortSiblings(nodes: OrganizationNode[]): OrganizationNode[] {
  return [...nodes].sort(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      KIND_ORDER[a.kind]! - KIND_ORDER[b.kind]! ||
      a.name.localeCompare(b.name, 'vi'),
  );
}

const toNode = (v: repo.VersionNode): OrganizationNode => ({
  id: v.organization_id,
  code: v.code,
  name: v.name,
  shortName: v.short_name,
  kind: v.kind,
  level: v.level,
  parentId: v.parent_id,
  depth: Number(v.depth),
  validFrom: v.valid_from,
  validTo: v.valid_to,
  adminUnitCode: v.admin_unit_code,
  childCount: v.child_count,
});

/** One level of the tree as it stood on `asOf`: the children of `parentId`, or the actor's top units that day. */
export async function treeAsOf(
  db: Db,
  actor: Actor,
  query: { asOf?: string; parentId?: string },
): Promise<{ asOf: string; items: OrganizationNode[] }> {
  const asOf = query.asOf ?? todayIso();
  const roots = scopePaths(actor, 'organizations.read');
  if (query.parentId) {
    const parent = await repo.findOrganization(db, query.parentId);
    if (!parent || !mayActOn(actor, 'organizations.read', parent.path)) throw notFound('đơn vị', 'Organization');
    return { asOf, items: sortSiblings((await repo.childrenAsOf(db, parent.id, asOf, roots)).map(toNode)) };
  }
  const ids = roots.map((p) => p.split('/').filter(Boolean).at(-1)!);
  const nodes = await repo.nodesAsOf(db, ids, asOf, roots);
  // A root whose ancestor is also shown that day (paths of that day) adds nothing.
  const shown = nodes.filter((n) => !nodes.some((m) => m !== n && n.path.startsWith(m.path)));
  return { asOf, items: shown.map(toNode) };
}

/** Every unit in the subtree of `id` as it stood on `asOf` (the subtree query the benchmark measures). */
export async function subtreeAsOf(
  db: Db,
  actor: Actor,
  id: string,
  asOf = todayIso(),
): Promise<{ asOf: string; items: OrganizationNode[] }> {
  const org = await repo.findOrganization(db, id);
  if (!org || !mayActOn(actor, 'organizations.read', org.path)) throw notFound('đơn vị', 'Organization');
  const [version] = await repo.nodesAsOf(db, [id], asOf, ['/']);
  if (!version) return { asOf, items: [] };
  return { asOf, items: (await repo.subtreeAsOf(db, version.path, asOf, scopePaths(actor, 'organizations.read'))).map(toNode) };
}

/** A unit's dated versions and the units it came from and went into. */
export async function organizationHistory(db: Db, actor: Actor, id: string): Promise<OrganizationHistory> {
  const org = await repo.findOrganization(db, id);
  if (!org || !mayActOn(actor, 'organizations.read', org.path)) throw notFound('đơn vị', 'Organization');
  const versions = await repo.versionsOf(db, id);
  const parents = new Map(
    (
      await repo.findOrganizationsByIds(
        db,
        versions.map((v) => v.parent_id).filter((p): p is string => p !== null),
      )
    ).map((p) => [p.id, p.name]),
  );
  const links = await repo.successionsOf(db, [id]);
  return {
    organization: { ...toOrganizationResponse(org), validFrom: org.valid_from, validTo: org.valid_to },
    versions: versions.map((v) => ({
      name: v.name,
      shortName: v.short_name,
      parentId: v.parent_id,
      parentName: v.parent_id ? (parents.get(v.parent_id) ?? null) : null,
      validFrom: v.valid_from,
      validTo: v.valid_to,
      eventId: v.event_id,
    })),
    predecessors: links
      .filter((l) => l.successor_id === id)
      .map((l) => ({ id: l.predecessor_id, name: l.predecessor_name, eventId: l.event_id })),
    successors: links
      .filter((l) => l.predecessor_id === id)
      .map((l) => ({ id: l.successor_id, name: l.successor_name, eventId: l.event_id })),
  };
}
