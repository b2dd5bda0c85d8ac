import { type ProgrammeItemDetail, type UpdateItemBody, updateItemBodySchema } from '../../../contracts/programme';
import type { WithdrawBody } from '../../../contracts/documents';
import type { Db, Trx } from '../../db/database';
import { AppError, forbidden, notFound, validation } from '../../http/errors';
import { nowIso } from '../../lib/ids';
import { foldVietnamese } from '../../lib/text';
import { type Actor, mayActOn, scopePaths } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import * as documents from '../documents/document.repository';
import { itemWithdrawalRefusal } from '../documents/withdrawal.rules';
import { findOrganizationsByIds } from '../organizations/organization.repository';
import * as repo from './programme.repository';
import { getItem } from './programme.service';

const itemNotFound = () => notFound('đề án, nhiệm vụ', 'Programme item');

async function writable(trx: Trx, actor: Actor, id: string): Promise<repo.ItemWithOrg> {
  const row = await repo.findItem(trx, id);
  if (!row || !mayActOn(actor, 'programme.read', row.organization_path)) throw itemNotFound();
  if (!mayActOn(actor, 'programme.write', row.organization_path)) throw forbidden();
  return row;
}

/**
 * Edits an item: code (unique in its lead unit), kind, title, summary, assigning body, coordinating units, responsible
 * people within the actor's scope, due date and milestones (none after the due date). The lead unit stays. Audited
 * with the item before and after.
 */
export async function updateItem(db: Db, actor: Actor, id: string, input: UpdateItemBody): Promise<ProgrammeItemDetail> {
  const body = updateItemBodySchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const row = await writable(trx, actor, id);
    const sameCode = await repo.findItemByCode(trx, row.organization_id, body.code);
    if (sameCode && sameCode.id !== id)
      throw new AppError(
        'CONFLICT',
        `Mã "${body.code}" đã được dùng cho một đề án, nhiệm vụ khác của đơn vị`,
        `Code "${body.code}" is already used`,
        [{ path: 'code', message: 'Đã tồn tại', messageEn: 'Already exists' }],
      );
    const coordinatorIds = [...new Set(body.coordinatorIds)].filter((c) => c !== row.organization_id);
    if ((await findOrganizationsByIds(trx, coordinatorIds)).length !== coordinatorIds.length)
      throw validation('coordinatorIds', 'có đơn vị phối hợp không tồn tại', 'a coordinating unit does not exist');
    const responsibleIds = [...new Set(body.responsibleUserIds)];
    const users = await repo.usersByIds(trx, responsibleIds);
    const writeRoots = scopePaths(actor, 'programme.write');
    const eligible = (paths: string[]) =>
      paths.some((p) => writeRoots.some((root) => p.startsWith(root)) || row.organization_path.startsWith(p));
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
    const before = await repo.detailsOf(trx, [id]);
    const patch = {
      code: body.code,
      kind: body.kind,
      title: body.title,
      title_folded: foldVietnamese(body.title),
      summary: body.summary || null,
      summary_folded: body.summary ? foldVietnamese(body.summary) : null,
      assigning_body: body.assigningBody,
      year: Number(body.dueOn.slice(0, 4)),
      due_on: body.dueOn,
      updated_at: nowIso(),
    };
    const milestones = body.milestones.map((m) => ({ item_id: id, stage: m.stage, due_on: m.dueOn, done_on: m.doneOn ?? null }));
    await repo.replaceItem(trx, id, patch, coordinatorIds, responsibleIds, milestones);
    const { organization_name: _n, organization_path: _p, ...item } = row;
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'programme_item.update',
      entity: 'programme_item',
      entityId: id,
      organizationId: row.organization_id,
      before: {
        ...item,
        coordinatorIds: (before.coordinators.get(id) ?? []).map((c) => c.id),
        responsibleIds: (before.responsible.get(id) ?? []).map((r) => r.id),
        milestones: before.milestones.get(id) ?? [],
      },
      after: { ...patch, coordinatorIds, responsibleIds, milestones },
    });
  });
  return getItem(db, actor, id);
}

/**
 * Withdraws an item recorded by mistake (a cancelled item stays, with the status "cancelled"): refused, naming them,
 * while register entries are recorded as its outcome. Its attachments go with it; the audit entry keeps the item, its
 * attachments' names and checksums, and the reason.
 */
export async function withdrawItem(db: Db, actor: Actor, id: string, body: WithdrawBody): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await writable(trx, actor, id);
    const refusal = itemWithdrawalRefusal(row, await documents.documentsOfItem(trx, id));
    if (refusal)
      throw new AppError('CONFLICT', refusal.message, refusal.messageEn, [
        { path: 'id', message: refusal.message, messageEn: refusal.messageEn },
      ]);
    const details = await repo.detailsOf(trx, [id]);
    const attachments = await documents.attachmentMetaOf(trx, 'programme_item', id);
    await repo.deleteItem(trx, id);
    const { organization_name: _n, organization_path: _p, ...item } = row;
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'programme_item.withdraw',
      entity: 'programme_item',
      entityId: id,
      organizationId: row.organization_id,
      before: {
        ...item,
        coordinatorIds: (details.coordinators.get(id) ?? []).map((c) => c.id),
        responsibleIds: (details.responsible.get(id) ?? []).map((r) => r.id),
        milestones: details.milestones.get(id) ?? [],
        attachments,
      },
      after: { reason: body.reason },
    });
  });
}
