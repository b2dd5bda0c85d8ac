import type { RestructuringEvent, RestructuringPlan, RestructuringPreview } from '../../../contracts/restructuring';
import type { Db, Trx } from '../../db/database';
import { AppError, notFound } from '../../http/errors';
import { newId, nowIso } from '../../lib/ids';
import { type Actor, mayActOn, scopePaths } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import * as orgRepo from '../organizations/organization.repository';
import * as posRepo from '../positions/position.repository';
import * as staffRepo from '../staffing/staffing.repository';
import { type Applied, type UndoStep, applyPlan } from './restructuring.apply';
import * as repo from './restructuring.repository';
import type { RestructuringEventRow } from './restructuring.table';

/** Thrown to roll back a preview's transaction while carrying its result out. */
class PreviewRollback extends Error {
  constructor(readonly preview: RestructuringPreview) {
    super('preview');
  }
}

async function previewOf(
  trx: Trx,
  actor: Actor | null,
  plan: RestructuringPlan,
  applied: Applied,
): Promise<RestructuringPreview> {
  const day = plan.effectiveDate;
  const roots = actor ? scopePaths(actor, 'organizations.read') : ['/'];
  const anchorVersions = await orgRepo.versionsOf(trx, applied.anchor.id);
  const anchorPath = (
    anchorVersions.find((v) => v.valid_from <= day && (v.valid_to === null || v.valid_to > day)) ?? anchorVersions.at(-1)!
  ).path;
  const after = await orgRepo.subtreeAsOf(trx, anchorPath, day, roots);
  const closed = applied.affected.length
    ? (await orgRepo.findOrganizationsByIds(trx, applied.affected)).filter((o) => applied.statusById.get(o.id) === 'closed')
    : [];
  const tree = [
    ...after.map((v) => ({
      id: v.organization_id,
      code: v.code,
      name: v.name,
      parentId: v.parent_id,
      depth: Number(v.depth),
      status: applied.statusById.get(v.organization_id) ?? ('unchanged' as const),
      path: v.path,
    })),
    ...closed.map((o) => ({
      id: o.id,
      code: o.code,
      name: o.name,
      parentId: o.parent_id,
      depth: Number(o.depth),
      status: 'closed' as const,
      path: o.path,
    })),
  ]
    .sort((a, b) => a.path.localeCompare(b.path))
    .map(({ path: _path, ...node }) => node);
  return { kind: plan.kind, effectiveDate: day, tree, problems: applied.problems, changes: applied.changes };
}

/** The result of a plan, computed by applying it in a transaction that is then rolled back. */
export async function previewRestructuring(db: Db, actor: Actor | null, plan: RestructuringPlan): Promise<RestructuringPreview> {
  try {
    await db.transaction().execute(async (trx) => {
      const applied = await applyPlan(trx, actor, plan, newId());
      throw new PreviewRollback(await previewOf(trx, actor, plan, applied));
    });
  } catch (err) {
    if (err instanceof PreviewRollback) return err.preview;
    throw err;
  }
  throw new Error('unreachable: a preview always rolls back');
}

/** Applies a plan: everything or nothing, one audit entry per change plus one for the event. */
export async function applyRestructuring(
  db: Db,
  actor: Actor | null,
  plan: RestructuringPlan,
): Promise<{ event: RestructuringEvent; preview: RestructuringPreview }> {
  return db.transaction().execute(async (trx) => {
    const id = newId();
    const applied = await applyPlan(trx, actor, plan, id);
    const row: RestructuringEventRow = {
      id,
      kind: plan.kind,
      effective_date: plan.effectiveDate,
      title: plan.title,
      decision_ref: plan.decisionRef ?? null,
      status: 'applied',
      anchor_organization_id: applied.anchor.id,
      anchor_path: applied.anchor.path,
      plan_json: JSON.stringify(plan),
      undo_json: JSON.stringify(applied.undo),
      affected_json: JSON.stringify(applied.affected),
      created_by: actor?.userId ?? null,
      created_at: nowIso(),
      reverted_by: null,
      reverted_at: null,
    };
    await repo.insertEvent(trx, row);
    const preview = await previewOf(trx, actor, plan, applied);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'restructuring.apply',
      entity: 'restructuring_event',
      entityId: id,
      organizationId: applied.anchor.id,
      after: { kind: plan.kind, effectiveDate: plan.effectiveDate, title: plan.title, changes: applied.changes.length },
    });
    return { event: toEventResponse(row), preview };
  });
}

export function toEventResponse(row: RestructuringEventRow): RestructuringEvent {
  return {
    id: row.id,
    kind: row.kind,
    effectiveDate: row.effective_date,
    title: row.title,
    decisionRef: row.decision_ref,
    status: row.status,
    anchorOrganizationId: row.anchor_organization_id,
    changeCount: (JSON.parse(row.undo_json) as unknown[]).length,
    createdAt: row.created_at,
    revertedAt: row.reverted_at,
  };
}

export async function listEvents(db: Db, actor: Actor, organizationId?: string): Promise<{ items: RestructuringEvent[] }> {
  let roots = scopePaths(actor, 'organizations.read');
  if (organizationId) {
    const org = await orgRepo.findOrganization(db, organizationId);
    if (!org || !mayActOn(actor, 'organizations.read', org.path)) throw notFound('đơn vị', 'Organization');
    roots = [org.path];
  }
  const rows = await repo.listEvents(db, roots);
  // An event anchored above the roots shows only if it touched a unit inside them.
  const outside = rows.filter((r) => !roots.some((root) => r.anchor_path.startsWith(root)));
  const touched = await orgRepo.findOrganizationsByIds(db, [
    ...new Set(outside.flatMap((r) => JSON.parse(r.affected_json) as string[])),
  ]);
  const inside = new Set(touched.filter((o) => roots.some((root) => o.path.startsWith(root))).map((o) => o.id));
  const visible = rows.filter(
    (r) =>
      roots.some((root) => r.anchor_path.startsWith(root)) ||
      (JSON.parse(r.affected_json) as string[]).some((id) => inside.has(id)),
  );
  return { items: visible.map(toEventResponse) };
}

/**
 * Undoes an applied event, in reverse order, while nothing depends on it: no later applied event touched the same
 * units, and nobody has since added seats, people, grants, units or quotas to what it created.
 */
export async function revertRestructuring(db: Db, actor: Actor | null, eventId: string): Promise<RestructuringEvent> {
  return db.transaction().execute(async (trx) => {
    const event = await repo.findEvent(trx, eventId);
    if (!event || (actor && !mayActOn(actor, 'organizations.read', event.anchor_path)))
      throw notFound('sự kiện sắp xếp', 'Restructuring event');
    if (actor && !mayActOn(actor, 'restructuring.write', event.anchor_path))
      throw new AppError('FORBIDDEN', 'Bạn không có quyền hoàn tác sự kiện này', 'You may not revert this event');
    if (event.status !== 'applied') throw new AppError('CONFLICT', 'Sự kiện đã được hoàn tác', 'The event was already reverted');
    const undo = JSON.parse(event.undo_json) as UndoStep[];
    const affected = new Set(JSON.parse(event.affected_json) as string[]);
    const blocking = (await repo.laterAppliedEvents(trx, event.created_at, event.id)).filter((e) =>
      (JSON.parse(e.affected_json) as string[]).some((id) => affected.has(id)),
    );
    if (blocking.length)
      throw new AppError(
        'CONFLICT',
        `Không thể hoàn tác: sự kiện sau "${blocking[0]!.title}" (${blocking[0]!.effective_date.split('-').reverse().join('/')}) dựa trên kết quả của sự kiện này; hãy hoàn tác sự kiện đó trước`,
        `Cannot revert: the later event "${blocking[0]!.title}" builds on this one; revert it first`,
      );
    const newOrgs = undo.filter((u) => u.op === 'orgInserted').map((u) => u.id);
    const newSeats = undo.filter((u) => u.op === 'positionInserted').map((u) => u.id);
    const dependents = [
      ...(await repo.dependentsOf(trx, { eventId, organizationIds: newOrgs, positionIds: newSeats })),
      ...((await staffRepo.staffingDependents(trx, newOrgs, eventId)) > 0 ? [{ what: 'staffing', count: 1 }] : []),
    ];
    const movedAssignments = undo.filter((u) => u.op === 'assignmentInserted').map((u) => u.id);
    if (await staffRepo.endedAssignments(trx, movedAssignments)) dependents.push({ what: 'job_position_assignments', count: 1 });
    const newJobs = undo.filter((u) => u.op === 'jobPositionInserted').map((u) => u.id);
    if (await staffRepo.handMadeAssignments(trx, newJobs)) dependents.push({ what: 'job_position_assignments', count: 1 });
    for (const u of undo) {
      if (u.op === 'incumbentInserted') {
        const inc = await posRepo.findIncumbent(trx, u.id);
        if (inc && inc.to_date !== null) dependents.push({ what: 'position_incumbents', count: 1 });
      }
    }
    if (dependents.length)
      throw new AppError(
        'CONFLICT',
        `Không thể hoàn tác: đã có dữ liệu mới dựa trên kết quả sắp xếp (${dependents.map((x) => x.what).join(', ')})`,
        `Cannot revert: data now depends on the result (${dependents.map((x) => x.what).join(', ')})`,
      );
    for (const step of [...undo].reverse()) {
      await undoStep(trx, step);
      await appendAudit(trx, {
        actorId: actor?.userId ?? null,
        action: `restructuring.undo.${step.op}`,
        entity: 'restructuring_event',
        entityId: event.id,
        organizationId: event.anchor_organization_id,
        before: step,
      });
    }
    const at = nowIso();
    await repo.markReverted(trx, event.id, actor?.userId ?? null, at);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'restructuring.revert',
      entity: 'restructuring_event',
      entityId: event.id,
      organizationId: event.anchor_organization_id,
      before: { status: 'applied' },
      after: { status: 'reverted', steps: undo.length },
    });
    return toEventResponse({ ...event, status: 'reverted', reverted_at: at, reverted_by: actor?.userId ?? null });
  });
}

async function undoStep(trx: Trx, step: UndoStep): Promise<void> {
  switch (step.op) {
    case 'orgInserted':
      return orgRepo.deleteOrganization(trx, step.id);
    case 'orgUpdated':
      return orgRepo.updateOrganization(trx, step.id, step.before);
    case 'versionInserted':
      return orgRepo.deleteVersion(trx, step.id);
    case 'versionClosed':
      return orgRepo.setVersionValidTo(trx, step.id, null);
    case 'successionInserted':
      return orgRepo.deleteSuccession(trx, step.id);
    case 'positionInserted':
      return posRepo.deletePosition(trx, step.id);
    case 'positionClosed':
      return posRepo.setPositionValidTo(trx, step.id, null);
    case 'incumbentInserted':
      return posRepo.deleteIncumbent(trx, step.id);
    case 'incumbentEnded':
      return posRepo.setIncumbentTo(trx, step.id, null);
    case 'jobPositionInserted':
      return staffRepo.deleteJobPosition(trx, step.id);
    case 'jobPositionClosed':
      return staffRepo.setJobPositionValidTo(trx, step.id, null);
    case 'jobPositionUpdated':
      if (step.version) await staffRepo.undoJobCountChange(trx, step.version);
      return staffRepo.updateJobPositionRow(trx, step.id, step.before);
    case 'assignmentInserted':
      return staffRepo.deleteAssignment(trx, step.id);
    case 'assignmentEnded':
      return staffRepo.setAssignmentTo(trx, step.id, null);
    case 'quotaInserted':
      return staffRepo.deleteQuota(trx, step.id);
    case 'quotaUpdated':
      if (step.version) await staffRepo.undoQuotaChange(trx, step.version);
      return staffRepo.updateQuota(trx, step.id, step.before);
  }
}
