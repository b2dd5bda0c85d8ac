import type { ErrorDetail } from '../../../contracts/common';
import type { RuleVerdict } from '../../../contracts/positions';
import type { RestructuringPlan, UnitRef } from '../../../contracts/restructuring';
import type { StaffingCategory } from '../../../contracts/staffing';
import type { Trx } from '../../db/database';
import { AppError, forbidden } from '../../http/errors';
import { groupBy } from '../../lib/collections';
import { newId, nowIso } from '../../lib/ids';
import { foldVietnamese } from '../../lib/text';
import { type Actor, mayActOn } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import * as orgRepo from '../organizations/organization.repository';
import type { OrganizationRow } from '../organizations/organization.table';
import * as posRepo from '../positions/position.repository';
import { seatProblems } from '../positions/position.rules';
import { titleFactsFor } from '../positions/position.service';
import * as staffRepo from '../staffing/staffing.repository';
import { overQuotaVerdicts } from '../staffing/staffing.rules';
import * as titleRepo from '../titles/title.repository';
import { catalogInForce } from '../titles/title.rules';
import { commonAncestorPath, mappingErrors, planShapeErrors, rebasePath, wouldCycle } from './restructuring.rules';

/** One reversible step; a revert undoes them in reverse order. */
export type UndoStep =
  | { op: 'orgInserted'; id: string }
  | {
      op: 'orgUpdated';
      id: string;
      before: Pick<OrganizationRow, 'name' | 'name_folded' | 'short_name' | 'parent_id' | 'path' | 'depth' | 'valid_to'>;
    }
  | { op: 'versionInserted'; id: string }
  | { op: 'versionClosed'; id: string }
  | { op: 'successionInserted'; id: string }
  | { op: 'positionInserted'; id: string }
  | { op: 'positionClosed'; id: string }
  | { op: 'incumbentInserted'; id: string }
  | { op: 'incumbentEnded'; id: string }
  | { op: 'quotaInserted'; id: string }
  | { op: 'quotaUpdated'; id: string; before: { quota: number; actual: number | null } };

export interface Change {
  action: string;
  entity: string;
  entityId: string;
  description: string;
}

export interface Applied {
  undo: UndoStep[];
  changes: Change[];
  affected: string[];
  anchor: OrganizationRow;
  targets: string[];
  problems: RuleVerdict[];
  statusById: Map<string, 'new' | 'closed' | 'moved' | 'renamed'>;
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');
const invalid = (details: ErrorDetail[]) =>
  new AppError(
    'VALIDATION',
    `Phương án sắp xếp không hợp lệ: ${details.map((x) => x.message).join('; ')}`,
    `Invalid restructuring plan: ${details.map((x) => x.messageEn).join('; ')}`,
    details,
  );

/**
 * Applies a plan inside the caller's transaction: closes old rows, opens new ones, moves children, seats, people and
 * quotas, writes one audit entry per change, and returns the undo log and what the result breaks (seat surplus,
 * deputies above the cap, staff above the quota). Throws before changing anything it cannot finish.
 */
export async function applyPlan(trx: Trx, actor: Actor | null, plan: RestructuringPlan, eventId: string): Promise<Applied> {
  const E = plan.effectiveDate;
  const shape = planShapeErrors(plan);
  if (shape.length) throw invalid(shape);
  const undo: UndoStep[] = [];
  const changes: Change[] = [];
  const affected = new Set<string>();
  const statusById = new Map<string, 'new' | 'closed' | 'moved' | 'renamed'>();
  const may = (path: string) => !actor || mayActOn(actor, 'restructuring.write', path);
  const audit = async (
    action: string,
    entity: string,
    entityId: string,
    organizationId: string,
    description: string,
    before?: unknown,
    after?: unknown,
  ) => {
    changes.push({ action, entity, entityId, description });
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: `restructuring.${action}`,
      entity,
      entityId,
      organizationId,
      before,
      after: { eventId, ...(after as object) },
    });
  };

  // An existing unit, in scope, open on E (its current version started before E).
  const openUnit = async (id: string, field: string): Promise<OrganizationRow> => {
    const org = await orgRepo.findOrganization(trx, id);
    if (!org || (actor && !mayActOn(actor, 'organizations.read', org.path)))
      throw invalid([{ path: field, message: `không tìm thấy đơn vị "${id}"`, messageEn: `no such organization "${id}"` }]);
    if (!may(org.path)) throw forbidden();
    if (org.valid_to !== null && org.valid_to <= E)
      throw invalid([
        {
          path: field,
          message: `"${org.name}" đã chấm dứt hoạt động từ ${dmy(org.valid_to)}`,
          messageEn: `"${org.name}" ceased on ${org.valid_to}`,
        },
      ]);
    if (org.valid_from > E)
      throw invalid([
        {
          path: field,
          message: `"${org.name}" chỉ có từ ${dmy(org.valid_from)}`,
          messageEn: `"${org.name}" exists only from ${org.valid_from}`,
        },
      ]);
    return org;
  };
  // Closes the unit's current version on E; a version starting on or after E would overlap.
  const closeCurrentVersion = async (org: OrganizationRow) => {
    const versions = await orgRepo.versionsOf(trx, org.id);
    const current = versions.at(-1)!;
    if (current.valid_from >= E || current.valid_to !== null)
      throw invalid([
        {
          path: 'effectiveDate',
          message: `"${org.name}" đã có thay đổi từ ${dmy(current.valid_from)}: ngày hiệu lực ${dmy(E)} chồng lên thời kỳ đó`,
          messageEn: `"${org.name}" already changed on ${current.valid_from}: ${E} overlaps that period`,
        },
      ]);
    await orgRepo.setVersionValidTo(trx, current.id, E);
    undo.push({ op: 'versionClosed', id: current.id });
    return current;
  };
  const openVersion = async (
    org: OrganizationRow,
    set: { name: string; short_name: string | null; parent_id: string | null; path: string; depth: number },
  ) => {
    const id = newId();
    await orgRepo.insertVersion(trx, {
      id,
      organization_id: org.id,
      name: set.name,
      name_folded: foldVietnamese(set.name),
      short_name: set.short_name,
      kind: org.kind,
      level: org.level,
      parent_id: set.parent_id,
      path: set.path,
      depth: set.depth,
      admin_unit_code: org.admin_unit_code,
      valid_from: E,
      valid_to: null,
      event_id: eventId,
    });
    undo.push({ op: 'versionInserted', id });
  };
  const updateOrg = async (
    org: OrganizationRow,
    set: Partial<Pick<OrganizationRow, 'name' | 'name_folded' | 'short_name' | 'parent_id' | 'path' | 'depth' | 'valid_to'>>,
  ) => {
    const { name, name_folded, short_name, parent_id, path, depth, valid_to } = org;
    undo.push({ op: 'orgUpdated', id: org.id, before: { name, name_folded, short_name, parent_id, path, depth, valid_to } });
    await orgRepo.updateOrganization(trx, org.id, set);
  };
  // Moves a unit and its open subtree under `parent`, each with a new version from E.
  const moveUnder = async (unit: OrganizationRow, parent: OrganizationRow) => {
    if (wouldCycle(unit.path, parent.path))
      throw invalid([
        {
          path: 'newParentId',
          message: `không thể chuyển "${unit.name}" vào chính đơn vị trực thuộc của nó "${parent.name}" (vòng lặp)`,
          messageEn: `cannot move "${unit.name}" under its own descendant "${parent.name}" (a cycle)`,
        },
      ]);
    const newRoot = `${parent.path}${unit.id}/`;
    const depthShift = Number(parent.depth) + 1 - Number(unit.depth);
    for (const node of await orgRepo.openSubtree(trx, unit.path)) {
      const path = rebasePath(node.path, unit.path, newRoot);
      const parentId = node.id === unit.id ? parent.id : node.parent_id;
      await closeCurrentVersion(node);
      await openVersion(node, {
        name: node.name,
        short_name: node.short_name,
        parent_id: parentId,
        path,
        depth: Number(node.depth) + depthShift,
      });
      await updateOrg(node, { parent_id: parentId, path, depth: Number(node.depth) + depthShift });
      affected.add(node.id);
      if (node.id === unit.id) {
        statusById.set(node.id, 'moved');
        await audit(
          'move',
          'organization',
          node.id,
          node.id,
          `Chuyển "${node.name}" về trực thuộc "${parent.name}"`,
          { parent_id: node.parent_id, path: node.path },
          { parent_id: parentId, path },
        );
      }
    }
  };

  const sources: OrganizationRow[] = [];
  for (const [i, id] of plan.sources.entries()) sources.push(await openUnit(id, `sources.${i}`));
  sources.forEach((s) => affected.add(s.id));
  const sourceIds = new Set(sources.map((s) => s.id));

  if (plan.kind === 'rename') {
    const unit = sources[0]!;
    const r = plan.rename!;
    await closeCurrentVersion(unit);
    await openVersion(unit, {
      name: r.name,
      short_name: r.shortName ?? unit.short_name,
      parent_id: unit.parent_id,
      path: unit.path,
      depth: Number(unit.depth),
    });
    await updateOrg(unit, { name: r.name, name_folded: foldVietnamese(r.name), short_name: r.shortName ?? unit.short_name });
    statusById.set(unit.id, 'renamed');
    await audit(
      'rename',
      'organization',
      unit.id,
      unit.id,
      `Đổi tên "${unit.name}" thành "${r.name}"`,
      { name: unit.name },
      { name: r.name },
    );
    return finish([unit.id]);
  }
  if (plan.kind === 'move') {
    const parent = await openUnit(plan.newParentId!, 'newParentId');
    await moveUnder(sources[0]!, parent);
    return finish([sources[0]!.id]);
  }

  // merge, split, dissolve: check the mapping is complete before touching anything.
  const children = (await orgRepo.openChildrenOf(trx, [...sourceIds])).filter((c) => !sourceIds.has(c.id));
  const seats = (await posRepo.positionsOfOrganizations(trx, [...sourceIds])).filter(
    (p) => p.valid_to === null || p.valid_to > E,
  );
  const seatTitles = new Map(
    (
      await titleRepo.findTitlesByIds(
        trx,
        seats.map((s) => s.title_id),
      )
    ).map((t) => [t.id, t]),
  );
  const people = await posRepo.incumbentsAsOf(
    trx,
    seats.map((s) => s.id),
    E,
  );
  const mappingProblems = mappingErrors(
    plan,
    {
      children: children.map((c) => ({ id: c.id, name: c.name })),
      seats: seats.map((s) => ({
        id: s.id,
        name: `${seatTitles.get(s.title_id)?.name ?? s.title_id} — ${sources.find((o) => o.id === s.organization_id)?.name}`,
      })),
      people: people.map((p) => ({ id: p.id, name: p.person_name, seatId: p.position_id })),
    },
    sourceIds,
  );
  for (const s of seats)
    if (s.valid_from >= E)
      mappingProblems.push({
        path: 'seats',
        message: `vị trí ${s.id} mới lập từ ${dmy(s.valid_from)}, trùng ngày hiệu lực`,
        messageEn: `seat ${s.id} starts on ${s.valid_from}, overlapping the effective date`,
      });
  if (mappingProblems.length) throw invalid(mappingProblems);

  // New units, then the receiving units by reference.
  const byKey = new Map<string, OrganizationRow>();
  for (const [i, u] of plan.newUnits.entries()) {
    if (sourceIds.has(u.parentId))
      throw invalid([
        {
          path: `newUnits.${i}.parentId`,
          message: 'đơn vị cấp trên không thể là đơn vị bị đóng',
          messageEn: 'the parent cannot be a unit being closed',
        },
      ]);
    const parent = await openUnit(u.parentId, `newUnits.${i}.parentId`);
    if (await orgRepo.findOrganizationByCode(trx, u.code))
      throw new AppError('CONFLICT', `Mã đơn vị "${u.code}" đã tồn tại`, `Organization code "${u.code}" already exists`, [
        { path: `newUnits.${i}.code`, message: 'Đã tồn tại', messageEn: 'Already exists' },
      ]);
    const id = newId();
    const row: OrganizationRow = {
      id,
      code: u.code,
      name: u.name,
      name_folded: foldVietnamese(u.name),
      short_name: u.shortName ?? null,
      kind: u.kind,
      level: u.level,
      parent_id: parent.id,
      path: `${parent.path}${id}/`,
      depth: Number(parent.depth) + 1,
      valid_from: E,
      valid_to: null,
      created_at: nowIso(),
      admin_unit_code: u.adminUnitCode ?? null,
    };
    await orgRepo.insertOrganization(trx, row, eventId);
    undo.push({ op: 'orgInserted', id });
    byKey.set(u.key, row);
    affected.add(id);
    statusById.set(id, 'new');
    await audit('open', 'organization', id, id, `Thành lập "${u.name}" trực thuộc "${parent.name}" từ ${dmy(E)}`, undefined, row);
  }
  const resolved = new Map<string, OrganizationRow>();
  const unitOf = async (ref: UnitRef, field: string): Promise<OrganizationRow> => {
    if ('key' in ref) return byKey.get(ref.key)!;
    const hit = resolved.get(ref.id) ?? (await openUnit(ref.id, field));
    resolved.set(ref.id, hit);
    affected.add(hit.id);
    return hit;
  };
  const mergeTarget =
    plan.kind === 'merge'
      ? plan.targetId
        ? await unitOf({ id: plan.targetId }, 'targetId')
        : byKey.get(plan.newUnits[0]!.key)!
      : undefined;

  // Children move under their receiving unit.
  for (const [i, m] of plan.children.entries()) {
    const child = children.find((c) => c.id === m.organizationId)!;
    await moveUnder(child, await unitOf(m.to, `children.${i}.to`));
  }

  // Seats: those mapped to one unit with the same title become one seat there (an existing open one if the unit has it).
  const catalogs = (await titleRepo.listCatalogs(trx)).map((c) => ({ id: c.id, validFrom: c.valid_from, validTo: c.valid_to }));
  const inForce = catalogInForce(catalogs, E);
  const newSeatOf = new Map<string, string>(); // old seat id → seat id in the receiving unit
  const groups = new Map<string, { unit: OrganizationRow; titleId: string; seats: typeof seats }>();
  for (const [i, m] of plan.seats.entries()) {
    const seat = seats.find((s) => s.id === m.positionId)!;
    if (m.to === null) continue;
    const unit = await unitOf(m.to, `seats.${i}.to`);
    const old = seatTitles.get(seat.title_id)!;
    const titleId = inForce ? `${inForce.id}:${old.code}${old.locality_class ? `@${old.locality_class}` : ''}` : '';
    if (!inForce || !(await titleRepo.findTitle(trx, titleId)))
      throw invalid([
        {
          path: `seats.${i}`,
          message: `chức danh "${old.name}" không có trong danh mục chức danh có hiệu lực ngày ${dmy(E)}`,
          messageEn: `title "${old.name}" is not in the title catalog in force on ${E}`,
        },
      ]);
    const key = `${unit.id}|${titleId}`;
    const g = groups.get(key) ?? { unit, titleId, seats: [] };
    g.seats.push(seat);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const existing = (await posRepo.positionsOfOrganizations(trx, [g.unit.id])).find(
      (p) => p.title_id === g.titleId && p.valid_from <= E && (p.valid_to === null || p.valid_to > E),
    );
    let seatId = existing?.id;
    if (!seatId) {
      const override = plan.seatCounts.find(
        (c) => c.titleCode === g.titleId.split(':')[1] && ('key' in c.unit ? byKey.get(c.unit.key)?.id : c.unit.id) === g.unit.id,
      );
      seatId = newId();
      const row = {
        id: seatId,
        organization_id: g.unit.id,
        title_id: g.titleId,
        seat_count: override?.seatCount ?? Math.max(...g.seats.map((s) => Number(s.seat_count))),
        term_years: g.seats.find((s) => s.term_years !== null)?.term_years ?? null,
        valid_from: E,
        valid_to: null,
        opened_by_event_id: eventId,
        created_at: nowIso(),
      };
      await posRepo.insertPosition(trx, row);
      undo.push({ op: 'positionInserted', id: seatId });
      await audit(
        'seat.open',
        'position',
        seatId,
        g.unit.id,
        `Lập vị trí ${g.titleId.split(':')[1]} (${row.seat_count}) tại "${g.unit.name}"`,
        undefined,
        row,
      );
    }
    for (const s of g.seats) newSeatOf.set(s.id, seatId);
  }
  for (const seat of seats) {
    await posRepo.setPositionValidTo(trx, seat.id, E);
    undo.push({ op: 'positionClosed', id: seat.id });
    await audit(
      'seat.close',
      'position',
      seat.id,
      seat.organization_id,
      `Kết thúc vị trí ${seatTitles.get(seat.title_id)?.name ?? seat.title_id}`,
      { valid_to: null },
      { valid_to: E },
    );
  }

  // People end in their old seat and, when they follow, start in the receiving seat on E.
  for (const m of plan.people) {
    const inc = people.find((p) => p.id === m.incumbentId)!;
    await posRepo.setIncumbentTo(trx, inc.id, E);
    undo.push({ op: 'incumbentEnded', id: inc.id });
    await audit(
      'incumbent.end',
      'position_incumbent',
      inc.id,
      seats.find((s) => s.id === inc.position_id)!.organization_id,
      `${inc.person_name} thôi giữ vị trí cũ từ ${dmy(E)}`,
      { to_date: null },
      { to_date: E },
    );
    if (m.to === 'follow') {
      const seatId = newSeatOf.get(inc.position_id)!;
      const id = newId();
      const row = {
        ...inc,
        id,
        position_id: seatId,
        from_date: E,
        to_date: null,
        decision_ref: plan.decisionRef ?? inc.decision_ref,
        opened_by_event_id: eventId,
        created_at: nowIso(),
      };
      await posRepo.insertIncumbent(trx, row);
      undo.push({ op: 'incumbentInserted', id });
      await audit(
        'incumbent.move',
        'position_incumbent',
        id,
        (await posRepo.findPosition(trx, seatId))!.organization_id,
        `${inc.person_name} chuyển sang vị trí tương ứng ở đơn vị mới`,
        undefined,
        row,
      );
    }
  }

  // Close the sources and record their successors.
  const successors = new Map<string, Set<string>>();
  const addSucc = (from: string, to: string) => successors.set(from, (successors.get(from) ?? new Set()).add(to));
  for (const s of sources) {
    if (mergeTarget) addSucc(s.id, mergeTarget.id);
    if (plan.kind === 'split') for (const u of byKey.values()) addSucc(s.id, u.id);
  }
  if (plan.kind === 'dissolve') {
    for (const m of plan.children)
      if ('id' in m.to) addSucc(children.find((c) => c.id === m.organizationId)!.parent_id!, m.to.id);
    for (const m of plan.seats)
      if (m.to && 'id' in m.to) addSucc(seats.find((s) => s.id === m.positionId)!.organization_id, m.to.id);
  }
  for (const s of sources) {
    await closeCurrentVersion(s);
    await updateOrg(s, { valid_to: E });
    statusById.set(s.id, 'closed');
    await audit(
      'close',
      'organization',
      s.id,
      s.id,
      `"${s.name}" chấm dứt hoạt động từ ${dmy(E)}`,
      { valid_to: null },
      { valid_to: E },
    );
    for (const to of successors.get(s.id) ?? [])
      undo.push({ op: 'successionInserted', id: await orgRepo.insertSuccession(trx, s.id, to, eventId) });
  }

  // Quotas of the year: a merge adds the sources' quotas and actual counts into the target; the plan may set any.
  const year = Number(E.slice(0, 4));
  const setQuota = async (unit: OrganizationRow, category: StaffingCategory, quota: number, actual: number | null) => {
    const found = await staffRepo.findQuota(trx, unit.id, year, category);
    if (found) {
      undo.push({
        op: 'quotaUpdated',
        id: found.id,
        before: { quota: Number(found.quota), actual: found.actual === null ? null : Number(found.actual) },
      });
      await staffRepo.updateQuota(trx, found.id, { quota, actual });
    } else {
      const row = {
        id: newId(),
        organization_id: unit.id,
        year,
        category,
        quota,
        actual,
        event_id: eventId,
        created_at: nowIso(),
      };
      await staffRepo.insertQuota(trx, row);
      undo.push({ op: 'quotaInserted', id: row.id });
    }
    await audit(
      'quota.set',
      'staffing_quota',
      `${unit.id}:${year}:${category}`,
      unit.id,
      `Biên chế ${category} năm ${year} của "${unit.name}": ${quota}`,
      found ? { quota: found.quota, actual: found.actual } : undefined,
      { quota, actual },
    );
  };
  if (mergeTarget) {
    const rows = await staffRepo.quotasOf(trx, [...sources.map((s) => s.id), ...(plan.targetId ? [mergeTarget.id] : [])], year);
    for (const [category, list] of groupBy(rows, (r) => r.category)) {
      const override = plan.quotas.find(
        (q) => q.category === category && ('key' in q.unit ? byKey.get(q.unit.key)?.id : q.unit.id) === mergeTarget.id,
      );
      const hasActual = list.some((r) => r.actual !== null);
      await setQuota(
        mergeTarget,
        category,
        override?.quota ?? list.reduce((n, r) => n + Number(r.quota), 0),
        hasActual ? list.reduce((n, r) => n + Number(r.actual ?? 0), 0) : null,
      );
    }
  }
  for (const [i, q] of plan.quotas.entries()) {
    const unit = await unitOf(q.unit, `quotas.${i}.unit`);
    if (mergeTarget && unit.id === mergeTarget.id && (await staffRepo.findQuota(trx, unit.id, year, q.category))) continue;
    const found = await staffRepo.findQuota(trx, unit.id, year, q.category);
    await setQuota(unit, q.category, q.quota, found ? (found.actual === null ? null : Number(found.actual)) : null);
  }

  const targets = [...new Set([...byKey.values(), ...resolved.values()].map((u) => u.id))];
  return finish(targets);

  async function finish(targetIds: string[]): Promise<Applied> {
    const rows = await orgRepo.findOrganizationsByIds(trx, [...affected]);
    const parents = await orgRepo.findOrganizationsByIds(
      trx,
      rows.map((r) => r.parent_id).filter((p): p is string => p !== null),
    );
    const anchorPath = commonAncestorPath([...rows.map((r) => r.path), ...parents.map((p) => p.path)].map((p) => p));
    const anchorId = anchorPath.split('/').filter(Boolean).at(-1)!;
    const anchor = (await orgRepo.findOrganization(trx, anchorId))!;
    // What the result breaks on E: seat surplus and deputy caps in the receiving units, staff above the quota.
    const seatRows = await posRepo.listPositionsAsOf(trx, { roots: ['/'], organizationIds: targetIds, asOf: E });
    const incs = await posRepo.incumbentsAsOf(
      trx,
      seatRows.map((s) => s.id),
      E,
    );
    const bySeat = groupBy(incs, (i) => i.position_id);
    const problems = seatProblems(
      seatRows.map((s) => ({
        positionId: s.id,
        organizationId: s.organization_id,
        titleId: s.title_id,
        titleName: `${s.title_name} — ${s.organization_name}`,
        seatCount: Number(s.seat_count),
        incumbentCount: bySeat.get(s.id)?.length ?? 0,
      })),
      await titleFactsFor(
        trx,
        seatRows.map((s) => s.title_id),
      ),
    );
    const quotaRows = await staffRepo.quotasOf(trx, targetIds, Number(E.slice(0, 4)));
    const names = new Map((await orgRepo.findOrganizationsByIds(trx, targetIds)).map((o) => [o.id, o.name]));
    problems.push(
      ...overQuotaVerdicts(
        quotaRows.map((q) => ({
          organizationId: q.organization_id,
          organizationName: names.get(q.organization_id) ?? '',
          category: q.category,
          quota: Number(q.quota),
          actual: q.actual === null ? null : Number(q.actual),
        })),
      ),
    );
    return { undo, changes, affected: [...affected], anchor, targets: targetIds, problems, statusById };
  }
}
