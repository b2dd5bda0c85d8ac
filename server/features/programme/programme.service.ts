import { ISSUING_BODY_INFO } from '../../../contracts/document-numbering';
import {
  type CreateItemBody,
  type ProgrammeItem,
  type ProgrammeItemDetail,
  type Reminders,
  type SummaryRow,
  type UpdateItemStatusBody,
  type YearSummary,
  type YearView,
  createItemBodySchema,
} from '../../../contracts/programme';
import type { Db } from '../../db/database';
import { AppError, forbidden, notFound, validation } from '../../http/errors';
import { newId, nowIso, todayIso } from '../../lib/ids';
import { foldVietnamese } from '../../lib/text';
import { type Actor, holdsAnywhere, mayActOn, scopePaths } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import * as documents from '../documents/document.repository';
import { toAttachmentResponse } from '../documents/document.mapper';
import { outcomesOf } from '../documents/document.service';
import { findOrganization, findOrganizationsByIds } from '../organizations/organization.repository';
import { counts, doneTotals, isDone, isOverdue, reminderFor, summarySentence } from './programme.rules';
import * as repo from './programme.repository';

const itemNotFound = () => notFound('đề án, nhiệm vụ', 'Programme item');

function toItem(row: repo.ItemWithOrg, details: repo.ItemDetails, today: string, actor: Actor | null): ProgrammeItem {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    assigningBody: row.assigning_body,
    leadOrganization: { id: row.organization_id, name: row.organization_name },
    coordinators: details.coordinators.get(row.id) ?? [],
    responsible: details.responsible.get(row.id) ?? [],
    year: Number(row.year),
    dueOn: row.due_on,
    status: row.status,
    completedOn: row.completed_on,
    overdue: isOverdue({ status: row.status, dueOn: row.due_on }, today),
    milestones: (details.milestones.get(row.id) ?? []).map((m) => ({ stage: m.stage, dueOn: m.due_on, doneOn: m.done_on })),
    canEdit: actor === null || mayActOn(actor, 'programme.write', row.organization_path),
  };
}

/** Items as the API gives them: coordinators, responsible people, milestones, overdue, whether the actor may edit. */
export async function presentItems(
  db: Db,
  actor: Actor | null,
  rows: repo.ItemWithOrg[],
  today = todayIso(),
): Promise<ProgrammeItem[]> {
  const details = await repo.detailsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toItem(r, details, today, actor));
}

export async function listItems(
  db: Db,
  actor: Actor,
  query: { q?: string; year?: number; status?: ProgrammeItem['status']; organizationId?: string; limit: number; offset: number },
): Promise<{ items: ProgrammeItem[]; total: number }> {
  const paths = await scopeFor(db, actor, query.organizationId);
  const { rows, total } = await repo.listItems(db, {
    paths: paths.paths,
    qFolded: query.q ? foldVietnamese(query.q) : undefined,
    year: query.year,
    status: query.status,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: await presentItems(db, actor, rows), total };
}

export async function getItem(db: Db, actor: Actor, id: string): Promise<ProgrammeItemDetail> {
  const row = await repo.findItem(db, id);
  if (!row || !mayActOn(actor, 'programme.read', row.organization_path)) throw itemNotFound();
  const [item] = await presentItems(db, actor, [row]);
  return {
    ...item!,
    outcomes: await outcomesOf(db, id),
    attachments: (await documents.attachmentsOf(db, 'programme_item', id)).map(toAttachmentResponse),
  };
}

export async function createItem(db: Db, actor: Actor | null, input: CreateItemBody): Promise<ProgrammeItem> {
  const body = createItemBodySchema.parse(input);
  const created = await db.transaction().execute(async (trx) => {
    const lead = await findOrganization(trx, body.leadOrganizationId);
    if (!lead || (actor && !mayActOn(actor, 'programme.read', lead.path)))
      throw validation('leadOrganizationId', 'đơn vị chủ trì không tồn tại', 'no such lead unit');
    if (actor && !mayActOn(actor, 'programme.write', lead.path)) throw forbidden();
    if (await repo.findItemByCode(trx, lead.id, body.code))
      throw new AppError(
        'CONFLICT',
        `Mã "${body.code}" đã được dùng cho một đề án, nhiệm vụ khác của đơn vị`,
        `Code "${body.code}" is already used`,
        [{ path: 'code', message: 'Đã tồn tại', messageEn: 'Already exists' }],
      );
    const coordinatorIds = [...new Set(body.coordinatorIds)].filter((id) => id !== lead.id);
    const coordinators = await findOrganizationsByIds(trx, coordinatorIds);
    if (coordinators.length !== coordinatorIds.length)
      throw validation('coordinatorIds', 'có đơn vị phối hợp không tồn tại', 'a coordinating unit does not exist');
    const responsibleIds = [...new Set(body.responsibleUserIds)];
    const users = await repo.usersByIds(trx, responsibleIds);
    const writeRoots = actor ? scopePaths(actor, 'programme.write') : ['/'];
    const eligible = (paths: string[]) =>
      paths.some((p) => writeRoots.some((root) => p.startsWith(root)) || lead.path.startsWith(p));
    if (users.length !== responsibleIds.length || !users.every((u) => eligible(u.paths)))
      throw validation(
        'responsibleUserIds',
        'người phụ trách phải là người dùng thuộc phạm vi của bạn',
        'responsible people must be users within your scope',
      );
    const stages = new Set<string>();
    for (const [i, m] of body.milestones.entries()) {
      if (stages.has(m.stage))
        throw validation(`milestones.${i}.stage`, 'mỗi mốc chỉ khai một lần', 'each milestone appears once');
      stages.add(m.stage);
      if (m.dueOn > body.dueOn)
        throw validation(`milestones.${i}.dueOn`, 'mốc tiến độ sau hạn hoàn thành', 'milestone after the due date');
    }
    const id = newId();
    const now = nowIso();
    const row = {
      id,
      organization_id: lead.id,
      code: body.code,
      kind: body.kind,
      title: body.title,
      title_folded: foldVietnamese(body.title),
      summary: body.summary || null,
      summary_folded: body.summary ? foldVietnamese(body.summary) : null,
      assigning_body: body.assigningBody,
      year: Number(body.dueOn.slice(0, 4)),
      due_on: body.dueOn,
      status: 'planned' as const,
      completed_on: null,
      created_at: now,
      updated_at: now,
    };
    const milestones = body.milestones.map((m) => ({ item_id: id, stage: m.stage, due_on: m.dueOn, done_on: m.doneOn ?? null }));
    await repo.insertItem(trx, row, coordinatorIds, responsibleIds, milestones);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'programme_item.create',
      entity: 'programme_item',
      entityId: id,
      organizationId: lead.id,
      after: { ...row, coordinatorIds, responsibleIds, milestones },
    });
    return id;
  });
  const row = await repo.findItem(db, created);
  return (await presentItems(db, actor, [row!]))[0]!;
}

export async function updateStatus(db: Db, actor: Actor, id: string, body: UpdateItemStatusBody): Promise<ProgrammeItemDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await repo.findItem(trx, id);
    if (!row || !mayActOn(actor, 'programme.read', row.organization_path)) throw itemNotFound();
    if (!mayActOn(actor, 'programme.write', row.organization_path)) throw forbidden();
    const completedOn = isDone(body.status) ? (body.completedOn ?? todayIso()) : null;
    await repo.updateItemStatus(trx, id, body.status, completedOn);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'programme_item.status',
      entity: 'programme_item',
      entityId: id,
      organizationId: row.organization_id,
      before: { status: row.status, completedOn: row.completed_on },
      after: { status: body.status, completedOn },
    });
  });
  return getItem(db, actor, id);
}

export async function updateMilestone(
  db: Db,
  actor: Actor,
  id: string,
  stage: string,
  doneOn: string | null,
): Promise<ProgrammeItemDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await repo.findItem(trx, id);
    if (!row || !mayActOn(actor, 'programme.read', row.organization_path)) throw itemNotFound();
    if (!mayActOn(actor, 'programme.write', row.organization_path)) throw forbidden();
    if ((await repo.updateMilestone(trx, id, stage, doneOn)) === 0) throw notFound('mốc tiến độ', 'Milestone');
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'programme_item.milestone',
      entity: 'programme_item',
      entityId: id,
      organizationId: row.organization_id,
      after: { stage, doneOn },
    });
  });
  return getItem(db, actor, id);
}

/** The subtrees a year view or summary covers: one organization in scope, or the actor's whole programme scope. */
export async function scopeFor(db: Db, actor: Actor, organizationId?: string): Promise<{ paths: string[]; name: string }> {
  if (!holdsAnywhere(actor, 'programme.read')) throw forbidden();
  if (organizationId) {
    const org = await findOrganization(db, organizationId);
    if (!org || !mayActOn(actor, 'programme.read', org.path)) throw notFound('đơn vị', 'Organization');
    return { paths: [org.path], name: org.name };
  }
  const paths = scopePaths(actor, 'programme.read');
  // Grants also reach the units merged into the granted one (lineage); the scope is named by the current units.
  const orgs = await findOrganizationsByIds(db, [
    ...new Set(actor.grants.filter((g) => paths.includes(g.path)).map((g) => g.organizationId)),
  ]);
  const today = todayIso();
  const current = orgs.filter((o) => o.valid_to === null || o.valid_to > today);
  const names = [...new Set((current.length ? current : orgs).sort((a, b) => a.path.localeCompare(b.path)).map((o) => o.name))];
  return { paths, name: names.join(', ') };
}

export async function yearView(
  db: Db,
  actor: Actor,
  year: number,
  organizationId?: string,
  today = todayIso(),
): Promise<YearView> {
  const scope = await scopeFor(db, actor, organizationId);
  const items = await presentItems(db, actor, await repo.itemsOfYear(db, scope.paths, year), today);
  const byBody = doneTotals(items.map((i) => ({ key: i.assigningBody, status: i.status })));
  const byLead = doneTotals(items.map((i) => ({ key: i.leadOrganization.id, status: i.status })));
  const names = new Map(items.map((i) => [i.leadOrganization.id, i.leadOrganization.name]));
  const counted = items.filter((i) => counts(i.status));
  const overdue = items.filter((i) => i.overdue);
  return {
    year,
    scopeName: scope.name,
    totals: { done: counted.filter((i) => isDone(i.status)).length, total: counted.length, overdue: overdue.length },
    byBody: [...byBody].map(([body, v]) => ({ body, ...v })),
    byLeadUnit: [...byLead].map(([id, v]) => ({ organization: { id, name: names.get(id)! }, ...v })),
    overdue,
    timeline: counted,
  };
}

export async function yearSummary(db: Db, actor: Actor, year: number, organizationId?: string): Promise<YearSummary> {
  const scope = await scopeFor(db, actor, organizationId);
  const items = await repo.itemsOfYear(db, scope.paths, year);
  const proposals = items.filter((i) => i.kind === 'de_an' && counts(i.status));
  const rows: SummaryRow[] = (await documents.countForYear(db, scope.paths, year))
    .filter((r) => r.participation === 'advised' || r.participation === 'issued')
    .map((r) => ({
      participation: r.participation as SummaryRow['participation'],
      type: r.type,
      issuingBody: r.issuing_body,
      count: r.n,
    }));
  rows.sort(
    (a, b) =>
      a.participation.localeCompare(b.participation) ||
      ISSUING_BODY_INFO[a.issuingBody].group.localeCompare(ISSUING_BODY_INFO[b.issuingBody].group) ||
      a.type.localeCompare(b.type),
  );
  const summaryProposals = {
    done: proposals.filter((i) => isDone(i.status)).length,
    total: proposals.length,
    bodies: [...new Set(proposals.map((i) => i.assigning_body))],
  };
  return {
    year,
    scopeName: scope.name,
    proposals: summaryProposals,
    rows,
    sentence: summarySentence({ year, scopeName: scope.name, proposals: summaryProposals, rows }),
  };
}

/** Open items the actor is responsible for that are overdue or due within `days` days. */
export async function reminders(db: Db, actor: Actor, days: number, today = todayIso()): Promise<Reminders> {
  const rows = await repo.openItemsOf(db, actor.userId, scopePaths(actor, 'home.read'));
  const details = await repo.detailsOf(
    db,
    rows.map((r) => r.id),
  );
  const items = rows.flatMap((row) => {
    const milestones = (details.milestones.get(row.id) ?? []).map((m) => ({
      stage: m.stage,
      dueOn: m.due_on,
      doneOn: m.done_on,
    }));
    const r = reminderFor({ status: row.status, dueOn: row.due_on, milestones }, today, days);
    return r ? [{ itemId: row.id, code: row.code, title: row.title, dueOn: row.due_on, ...r }] : [];
  });
  return { days, items };
}

export async function assignableUsers(db: Db, actor: Actor, q?: string) {
  const rows = await repo.usersInSubtrees(db, scopePaths(actor, 'programme.write'), q ? q.toLowerCase() : undefined);
  return { items: rows.map((r) => ({ id: r.id, fullName: r.full_name, username: r.username })) };
}
