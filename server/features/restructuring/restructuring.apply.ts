import type { ErrorDetail } from '../../../contracts/common';
import type { RuleVerdict } from '../../../contracts/positions';
import type { RestructuringPlan, UnitRef } from '../../../contracts/restructuring';
import type { StaffingCategory } from '../../../contracts/staffing';
import type { Trx } from '../../db/database';
import { AppError, forbidden, validation } from '../../http/errors';
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
import type { JobCountChange, QuotaVersionChange } from '../staffing/staffing.repository';
import { countedStaff } from '../staffing/staffing.service';
import { overQuotaVerdicts } from '../staffing/staffing.rules';
import { unplacedStaffVerdict } from './restructuring.rules';
import * as titleRepo from '../titles/title.repository';
import { catalogInForce } from '../titles/title.rules';
import { commonAncestorPath, mappingErrors, planShapeErrors, rebasePath, wouldCycle } from './restructuring.rules';

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

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
  | { op: 'jobPositionInserted'; id: string }
  | { op: 'jobPositionClosed'; id: string }
  | { op: 'jobPositionUpdated'; id: string; before: { count: number }; version?: JobCountChange }
  | { op: 'assignmentInserted'; id: string }
  | { op: 'assignmentEnded'; id: string }
  | { op: 'quotaInserted'; id: string }
  | {
      op: 'quotaUpdated';
      id: string;
      before: { quota: number; actual: number | null };
      /** the figure's version change (absent in events applied before quotas kept versions) */
      version?: QuotaVersionChange;
    };

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

  const successorsOf = new Map<string, Set<string>>();
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
  const jobs = await staffRepo.jobPositionsOfUnits(trx, [...sourceIds], E);
  const jobPeople = await staffRepo.assignmentsOf(
    trx,
    jobs.map((j) => j.id),
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
      jobPositions: jobs.map((j) => ({ id: j.id, name: `${j.name} — ${sources.find((o) => o.id === j.organization_id)?.name}` })),
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
  for (const j of jobs)
    if (j.valid_from >= E)
      mappingProblems.push({
        path: 'jobPositions',
        message: `vị trí việc làm "${j.name}" mới lập từ ${dmy(j.valid_from)}, trùng ngày hiệu lực`,
        messageEn: `job position "${j.name}" starts on ${j.valid_from}, overlapping the effective date`,
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

  // Job positions: those of the same name, category and rank mapped into one unit become one there (an open one of
  // the unit itself if it has it), with the counts added; their people follow them on E; `null` abolishes one.
  const jobGroups = new Map<string, { unit: OrganizationRow; jobs: typeof jobs }>();
  for (const [i, m] of plan.jobPositions.entries()) {
    if (m.to === null) continue;
    const job = jobs.find((j) => j.id === m.jobPositionId)!;
    const unit = await unitOf(m.to, `jobPositions.${i}.to`);
    const key = `${unit.id}|${job.name}|${job.category}|${job.required_rank}`;
    const g = jobGroups.get(key) ?? { unit, jobs: [] };
    g.jobs.push(job);
    jobGroups.set(key, g);
  }
  const newJobOf = new Map<string, string>();
  for (const g of jobGroups.values()) {
    const [first] = g.jobs;
    const count = g.jobs.reduce((n, j) => n + Number(j.count), 0);
    const existing = (await staffRepo.jobPositionsOfUnits(trx, [g.unit.id], E)).find(
      (j) =>
        j.valid_from <= E && j.name === first!.name && j.category === first!.category && j.required_rank === first!.required_rank,
    );
    let jobId: string;
    if (existing) {
      jobId = existing.id;
      const last = (await staffRepo.versionsOfJobPosition(trx, existing.id)).at(-1);
      if (last && last.valid_from > E)
        throw validation(
          'jobPositions',
          `Vị trí việc làm "${existing.name}" tại "${g.unit.name}" đã có số lượng mới từ ngày ${last.valid_from.split('-').reverse().join('/')}, sau ngày hiệu lực`,
          `Job position "${existing.name}" of "${g.unit.name}" has a new count from ${last.valid_from}, after the effective date`,
        );
      const version = await staffRepo.changeJobCountFrom(trx, existing.id, Number(existing.count) + count, E, {
        decisionRef: null,
        eventId,
      });
      undo.push({ op: 'jobPositionUpdated', id: existing.id, before: { count: Number(existing.count) }, version });
      await audit(
        'job.merge',
        'job_position',
        existing.id,
        g.unit.id,
        `Vị trí việc làm "${existing.name}" tại "${g.unit.name}": ${existing.count} → ${Number(existing.count) + count}`,
        { count: existing.count },
        { count: Number(existing.count) + count },
      );
    } else {
      jobId = newId();
      const row = {
        id: jobId,
        organization_id: g.unit.id,
        name: first!.name,
        category: first!.category,
        required_rank: first!.required_rank,
        count,
        valid_from: E,
        valid_to: null,
        opened_by_event_id: eventId,
        created_at: nowIso(),
      };
      await staffRepo.insertJobPosition(trx, row);
      undo.push({ op: 'jobPositionInserted', id: jobId });
      await audit(
        'job.open',
        'job_position',
        jobId,
        g.unit.id,
        `Lập vị trí việc làm "${row.name}" (${count}) tại "${g.unit.name}"`,
        undefined,
        row,
      );
    }
    for (const j of g.jobs) newJobOf.set(j.id, jobId);
  }
  for (const job of jobs) {
    await staffRepo.setJobPositionValidTo(trx, job.id, E);
    undo.push({ op: 'jobPositionClosed', id: job.id });
    await audit(
      'job.close',
      'job_position',
      job.id,
      job.organization_id,
      `Kết thúc vị trí việc làm "${job.name}"${newJobOf.has(job.id) ? '' : ' (bãi bỏ)'}`,
      { valid_to: null },
      { valid_to: E },
    );
  }
  for (const a of jobPeople) {
    await staffRepo.setAssignmentTo(trx, a.id, E);
    undo.push({ op: 'assignmentEnded', id: a.id });
    const to = newJobOf.get(a.job_position_id);
    const from = jobs.find((j) => j.id === a.job_position_id)!;
    if (!to) {
      await audit(
        'job.assignment.end',
        'job_position_assignment',
        a.id,
        from.organization_id,
        `${a.person_name} thôi bố trí vào vị trí việc làm "${from.name}" (bãi bỏ) từ ${dmy(E)}`,
        { to_date: null },
        { to_date: E },
      );
      continue;
    }
    const id = newId();
    const row = { ...a, id, job_position_id: to, from_date: E, to_date: null, opened_by_event_id: eventId, created_at: nowIso() };
    await staffRepo.insertAssignment(trx, row);
    undo.push({ op: 'assignmentInserted', id });
    await audit(
      'job.assignment.move',
      'job_position_assignment',
      id,
      [...jobGroups.values()].find((g) => g.jobs.some((j) => j.id === a.job_position_id))!.unit.id,
      `${a.person_name} chuyển theo vị trí việc làm "${from.name}" sang đơn vị mới`,
      { job_position_id: a.job_position_id },
      row,
    );
  }

  // Close the sources and record their successors.
  const successors = successorsOf;
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
  const setQuota = async (unit: OrganizationRow, category: StaffingCategory, quota: number) => {
    const actual = null; // the actual count comes from the records
    const found = await staffRepo.findQuota(trx, unit.id, year, category);
    if (found) {
      const open = (await staffRepo.versionsOfQuota(trx, found.id)).at(-1)!;
      if (E < open.valid_from)
        throw validation(
          'effectiveDate',
          `biên chế năm ${year} của "${unit.name}" đã được điều chỉnh từ ${ddmmyyyy(open.valid_from)}, sau ngày hiệu lực của sự kiện`,
          `the ${year} quota of "${unit.name}" was changed from ${open.valid_from}, after the event's effective date`,
        );
      const version = await staffRepo.changeQuotaFrom(trx, found.id, quota, E, { decisionRef: null, eventId });
      undo.push({
        op: 'quotaUpdated',
        id: found.id,
        before: { quota: Number(found.quota), actual: found.actual === null ? null : Number(found.actual) },
        version,
      });
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
      await staffRepo.insertQuota(trx, row, E);
      undo.push({ op: 'quotaInserted', id: row.id });
    }
    await audit(
      'quota.set',
      'staffing_quota',
      `${unit.id}:${year}:${category}`,
      unit.id,
      `Biên chế ${category} năm ${year} của "${unit.name}": ${quota}`,
      found ? { quota: found.quota } : undefined,
      { quota },
    );
  };
  if (mergeTarget) {
    const rows = await staffRepo.quotasOf(trx, [...sources.map((s) => s.id), ...(plan.targetId ? [mergeTarget.id] : [])], year);
    for (const [category, list] of groupBy(rows, (r) => r.category)) {
      const override = plan.quotas.find(
        (q) => q.category === category && ('key' in q.unit ? byKey.get(q.unit.key)?.id : q.unit.id) === mergeTarget.id,
      );
      await setQuota(mergeTarget, category, override?.quota ?? list.reduce((n, r) => n + Number(r.quota), 0));
    }
  }
  for (const [i, q] of plan.quotas.entries()) {
    const unit = await unitOf(q.unit, `quotas.${i}.unit`);
    if (mergeTarget && unit.id === mergeTarget.id && (await staffRepo.findQuota(trx, unit.id, year, q.category))) continue;
    await setQuota(unit, q.category, q.quota);
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
    // Staff above the quota: each receiving unit's quota against the people of its subtree in the records, those
    // of the units merged into it included (they live on in it alone).
    const quotaRows = await staffRepo.quotasOf(trx, targetIds, Number(E.slice(0, 4)));
    const targetRows = await orgRepo.findOrganizationsByIds(trx, targetIds);
    for (const unit of targetRows) {
      const mine = quotaRows.filter((q) => q.organization_id === unit.id);
      if (mine.length === 0) continue;
      const subtree = await orgRepo.openSubtree(trx, unit.path);
      const counts = await countedStaff(trx, subtree, { path: unit.path });
      problems.push(
        ...overQuotaVerdicts(
          mine.map((q) => ({
            organizationId: unit.id,
            organizationName: unit.name,
            category: q.category,
            quota: Number(q.quota),
            actual: [...counts.values()].reduce((n, byCategory) => n + (byCategory.get(q.category) ?? 0), 0),
          })),
        ),
      );
    }
    // People still recorded in a closed unit that lives on in no single unit (split, dissolved) must be placed.
    for (const s of sources) {
      if (statusById.get(s.id) !== 'closed' || (successorsOf.get(s.id)?.size ?? 0) === 1) continue;
      const counts = await countedStaff(trx, [s]);
      const n = [...(counts.get(s.id)?.values() ?? [])].reduce((a, b) => a + b, 0);
      if (n > 0) problems.push(unplacedStaffVerdict(s, n));
    }
    return { undo, changes, affected: [...affected], anchor, targets: targetIds, problems, statusById };
  }
}
