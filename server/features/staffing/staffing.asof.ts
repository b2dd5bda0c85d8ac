import type { StaffingTable } from '../../../contracts/staffing';
import type { Db } from '../../db/database';
import { validation } from '../../http/errors';
import { type Actor, scopePaths } from '../access/access.rules';
import * as orgRepo from '../organizations/organization.repository';
import type { OrganizationRow } from '../organizations/organization.table';
import { rankPrefixLength, staffCategoryPolicy, staffingPolicy } from './staffing.policy';
import { assembleStaffingTable } from './staffing.report';
import * as repo from './staffing.repository';
import * as placements from './placement.repository';
import { type DatedPlacementFact, type PlacementFacts, type QuotaFact, staffPlacementOn, tallyStaff } from './staffing.rules';
import { predecessorBaselines } from './staffing.service';

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The staffing table as of a day: the units of the dated tree that day (their names and places then), the quota
 * figures in force that day, and the people each unit had that day: by the dated staff placements in force that day
 * (seat incumbencies, job-position assignments — also of people who have left since), else by the records' work
 * history (`staffPlacementOn`);
 * somebody placed in a unit that has since closed and lives on in one unit of the table counts there.
 */
export async function staffingTableAsOf(db: Db, actor: Actor, root: OrganizationRow, asOf: string): Promise<StaffingTable> {
  const year = Number(asOf.slice(0, 4));
  const policy = staffingPolicy();
  const scope = scopePaths(actor, 'staffing.read');
  const [rootNode] = await orgRepo.nodesAsOf(db, [root.id], asOf, scope);
  if (!rootNode)
    throw validation(
      'asOf',
      `đơn vị "${root.name}" không tồn tại vào ngày ${ddmmyyyy(asOf)}`,
      `"${root.name}" did not exist on ${asOf}`,
    );
  const nodes = await orgRepo.subtreeAsOf(db, rootNode.path, asOf, scope);
  const units = nodes.map((n) => ({
    id: n.organization_id,
    name: n.name,
    parentId: n.parent_id,
    path: n.path,
    depth: Number(n.depth),
  }));
  const ids = units.map((u) => u.id);
  const pathOf = new Map(units.map((u) => [u.id, u.path]));

  const facts: QuotaFact[] = [];
  for (const q of await repo.quotasOfUnitsAsOf(db, ids, asOf))
    facts.push({
      organizationId: q.organization_id,
      path: pathOf.get(q.organization_id)!,
      year,
      category: q.category,
      quota: Number(q.quota),
      actual: null,
    });
  for (const q of await repo.quotasOfMany(db, ids, policy.baselineYear))
    facts.push({
      organizationId: q.organization_id,
      path: pathOf.get(q.organization_id)!,
      year: policy.baselineYear,
      category: q.category,
      quota: Number(q.quota),
      actual: null,
    });
  facts.push(
    ...(await predecessorBaselines(
      db,
      units.map((u) => ({ id: u.id, path: u.path })),
      facts,
      policy.baselineYear,
    )),
  );

  const categories = staffCategoryPolicy();
  const prefix = rankPrefixLength(categories);
  const inTable = new Set(ids);
  const predecessors = await predecessorsOf(db, ids);
  const people = [
    ...(await repo.placementFacts(db, { path: root.path }, prefix)),
    ...(await repo.placementFacts(db, { organizationIds: predecessors }, prefix)),
  ];
  // Dated placements in force that day: also of people who were here then and have left since.
  const dated = [
    ...(await placements.placementsOnFor(db, { path: root.path }, asOf)),
    ...(await placements.placementsOnFor(db, { organizationIds: predecessors }, asOf)),
  ];
  const recorded = new Set(people.map((p) => p.personId));
  const gone = [...new Set(dated.map((d) => d.person_id).filter((id) => !recorded.has(id)))];
  people.push(...(await repo.placementFacts(db, { personIds: gone }, prefix)));
  const byPerson = new Map<string, DatedPlacementFact[]>();
  const seenPlacement = new Set<string>();
  for (const d of dated) {
    if (seenPlacement.has(d.id)) continue;
    seenPlacement.add(d.id);
    const list = byPerson.get(d.person_id) ?? [];
    list.push({ organizationId: d.organization_id, source: d.source, how: d.how, from: d.valid_from, to: d.valid_to });
    byPerson.set(d.person_id, list);
  }
  const recordOf = new Map<string, repo.PlacementRow>();
  for (const p of people) if (!recordOf.has(p.personId)) recordOf.set(p.personId, p);
  const placed: { personId: string; organizationId: string; rankPrefix: string; holdsTitle: boolean }[] = [];
  for (const personId of new Set([...recordOf.keys(), ...byPerson.keys()])) {
    const record = recordOf.get(personId);
    const where = staffPlacementOn(byPerson.get(personId) ?? [], record ? toPlacementFacts(record) : null, asOf);
    if (where)
      placed.push({
        personId,
        organizationId: where.organizationId,
        rankPrefix: record?.rankPrefix ?? '',
        holdsTitle: where.holdsTitle,
      });
  }
  const owner = await ownersOn(
    db,
    [...new Set(placed.map((p) => p.organizationId).filter((id) => !inTable.has(id)))],
    inTable,
    asOf,
  );
  const counts = tallyStaff(
    placed
      .map((p) => ({ ...p, organizationId: inTable.has(p.organizationId) ? p.organizationId : owner.get(p.organizationId) }))
      .filter((p): p is typeof p & { organizationId: string } => p.organizationId !== undefined)
      .map((p) => ({ organizationId: p.organizationId, rankPrefix: p.rankPrefix, holdsTitle: p.holdsTitle, n: 1 })),
    categories,
  );
  for (const [organizationId, byCategory] of counts)
    for (const [category, n] of byCategory)
      facts.push({ organizationId, path: pathOf.get(organizationId)!, year, category, quota: 0, actual: n });

  return assembleStaffingTable({
    root: { id: root.id, name: rootNode.name, depth: Number(rootNode.depth) },
    units,
    facts,
    year,
    asOf,
    policy,
  });
}

function toPlacementFacts(p: repo.PlacementRow): PlacementFacts {
  let rows: unknown = [];
  try {
    rows = p.workHistoryJson ? JSON.parse(p.workHistoryJson) : [];
  } catch {
    rows = [];
  }
  const list = Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    currentOrganizationId: p.organizationId,
    currentTitleCode: p.currentTitleCode,
    recruitmentDate: p.recruitmentDate,
    workHistory: list
      .filter((w) => typeof w.from === 'string')
      .map((w) => ({
        from: w.from as string,
        to: str(w.to),
        organizationId: str(w.organizationId),
        titleCode: str(w.titleCode),
      })),
  };
}

/** Closed units that became units of the table, up to five restructurings back. */
async function predecessorsOf(db: Db, ids: readonly string[]): Promise<string[]> {
  const known = new Set(ids);
  const out: string[] = [];
  let frontier = [...ids];
  for (let hop = 0; hop < 5 && frontier.length; hop++) {
    const next = (await orgRepo.successionsOf(db, frontier))
      .filter((l) => known.has(l.successor_id) && !known.has(l.predecessor_id))
      .map((l) => l.predecessor_id);
    frontier = [...new Set(next)];
    for (const id of frontier) known.add(id);
    out.push(...frontier);
  }
  return out;
}

/**
 * For units outside the table on `asOf`: the unit of the table each lives on in, when it had closed by that day and
 * its successors (followed up to five events, one successor each) lead into the table.
 */
async function ownersOn(
  db: Db,
  ids: readonly string[],
  inTable: ReadonlySet<string>,
  asOf: string,
): Promise<Map<string, string>> {
  const owner = new Map<string, string>();
  for (const start of ids) {
    let current = start;
    for (let hop = 0; hop < 5; hop++) {
      const links = (await orgRepo.successionsOf(db, [current])).filter((l) => l.predecessor_id === current);
      const successors = [...new Set(links.map((l) => l.successor_id))];
      const closed = links[0]?.predecessor_valid_to;
      if (successors.length !== 1 || !closed || closed > asOf) break;
      current = successors[0]!;
      if (inTable.has(current)) {
        owner.set(start, current);
        break;
      }
    }
  }
  return owner;
}
