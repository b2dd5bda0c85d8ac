import {
  type RegisterDocumentDetail,
  type UpdateDocumentBody,
  type WithdrawBody,
  updateDocumentBodySchema,
} from '../../../contracts/documents';
import type { Db, Trx } from '../../db/database';
import { AppError, forbidden, notFound, validation } from '../../http/errors';
import { foldVietnamese } from '../../lib/text';
import { type Actor, holdsAnywhere, mayActOn } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import type { PolicyLibrary } from '../policy/policy.library';
import * as items from '../programme/programme.repository';
import { rulesCiting } from './document-citations.rules';
import { checkDocumentNumber, numberKey } from './document-number.rules';
import * as repo from './document.repository';
import { getDocument } from './document.service';
import { numberingPolicy } from './numbering.policy';
import { type DocumentDependents, type Refusal, documentWithdrawalRefusal, renumberRefusal } from './withdrawal.rules';

const documentNotFound = () => notFound('văn bản', 'Document');
const refuse = (r: Refusal, path: string) =>
  new AppError('CONFLICT', r.message, r.messageEn, [{ path, message: r.message, messageEn: r.messageEn }]);

/** The entry, when the actor may read it and write to it (404 outside the read scope, 403 inside it). */
async function writable(trx: Trx, actor: Actor, id: string): Promise<repo.DocumentWithOrg> {
  const row = await repo.findDocument(trx, id);
  const readable =
    row &&
    holdsAnywhere(actor, 'documents.read') &&
    (row.visibility === 'public' || mayActOn(actor, 'documents.read', row.organization_path));
  if (!row || !readable) throw documentNotFound();
  if (!mayActOn(actor, 'documents.write', row.organization_path)) throw forbidden();
  return row;
}

/** Everything that relies on the entry: relations, the programme item it came from, policy rules, personnel decisions. */
async function dependentsOf(trx: Trx, row: repo.DocumentWithOrg, library: PolicyLibrary): Promise<DocumentDependents> {
  const relations = await repo.relationsInvolving(trx, [row.id]);
  const others = new Map(
    (await repo.findDocumentsByIds(trx, [...new Set(relations.flatMap((r) => [r.from_id, r.to_id]))])).map((d) => [d.id, d]),
  );
  const item = row.programme_item_id ? await items.findItem(trx, row.programme_item_id) : undefined;
  return {
    number: row.number,
    relations: relations.map((r) => {
      const outgoing = r.from_id === row.id;
      return { kind: r.kind, outgoing, otherNumber: others.get(outgoing ? r.to_id : r.from_id)?.number ?? '?' };
    }),
    programmeItem: item ? { code: item.code, title: item.title } : null,
    citedBy: rulesCiting(library, { numberKey: row.number_key, aliasesFolded: row.aliases_folded }, null),
    decisions: (await repo.processesRelyingOn(trx, row.id)).length,
  };
}

/**
 * Edits a register entry. The number is checked again against its type's pattern and for a duplicate; a number that
 * policy rules or personnel decisions cite does not change; the programme item may be set or cleared. Audited with
 * the entry before and after.
 */
export async function updateDocument(
  db: Db,
  library: PolicyLibrary,
  actor: Actor,
  id: string,
  input: UpdateDocumentBody,
): Promise<RegisterDocumentDetail> {
  const body = updateDocumentBodySchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const row = await writable(trx, actor, id);
    // The edit gives the issue date: one research could not confirm (reference entries) becomes a confirmed one.
    const issuedOn = body.issuedOn;
    const check = checkDocumentNumber(numberingPolicy(), {
      type: body.type,
      issuingBody: body.issuingBody,
      number: body.number,
      issuedOn,
    });
    if (!check.valid)
      throw new AppError('VALIDATION', check.message!, check.messageEn!, [
        { path: 'number', message: check.message!, messageEn: check.messageEn! },
      ]);
    if (body.effectiveFrom && body.effectiveTo && body.effectiveTo < body.effectiveFrom)
      throw validation('effectiveTo', 'ngày hết hiệu lực trước ngày có hiệu lực', 'effective-to precedes effective-from');
    const key = numberKey(check.normalized);
    const same = await repo.findSameNumber(trx, key, body.issuingBody, issuedOn.slice(0, 4));
    if (same && same.id !== id)
      throw new AppError(
        'CONFLICT',
        `Văn bản số ${check.normalized} năm ${issuedOn.slice(0, 4)} đã có trong sổ`,
        `Document ${check.normalized} of ${issuedOn.slice(0, 4)} is already registered`,
        [{ path: 'number', message: 'Đã có trong sổ', messageEn: 'Already registered' }],
      );
    if (key !== row.number_key) {
      const refusal = renumberRefusal(await dependentsOf(trx, row, library), check.normalized);
      if (refusal) throw refuse(refusal, 'number');
    }
    let itemId: string | null = null;
    if (body.programmeItemId) {
      const item = await items.findItem(trx, body.programmeItemId);
      if (!item || !mayActOn(actor, 'programme.write', item.organization_path))
        throw validation(
          'programmeItemId',
          'không có đề án, nhiệm vụ này trong phạm vi của bạn',
          'no such programme item in your scope',
        );
      itemId = item.id;
    }
    const patch = {
      type: body.type,
      number: check.normalized,
      number_key: key,
      issuing_body: body.issuingBody,
      issued_on: issuedOn,
      date_confirmed: 1,
      signer: body.signer || null,
      title: body.title,
      title_folded: foldVietnamese(body.title),
      summary: body.summary || null,
      summary_folded: body.summary ? foldVietnamese(body.summary) : null,
      effective_from: body.effectiveFrom ?? null,
      effective_to: body.effectiveTo ?? null,
      participation: body.participation,
      visibility: body.visibility,
      programme_item_id: itemId,
    };
    await repo.updateDocument(trx, id, patch);
    const { organization_name: _n, organization_path: _p, ...before } = row;
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'document.update',
      entity: 'document',
      entityId: id,
      organizationId: row.organization_id,
      before,
      after: patch,
    });
  });
  return getDocument(db, actor, id, library);
}

/**
 * Withdraws an entry recorded by mistake: refused, naming each dependent, while relations, the programme item it is
 * the outcome of, policy rules or personnel decisions name it. Its attachments go with it; the audit entry keeps the
 * entry, the attachments' names and checksums, and the reason.
 */
export async function withdrawDocument(
  db: Db,
  library: PolicyLibrary,
  actor: Actor,
  id: string,
  body: WithdrawBody,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await writable(trx, actor, id);
    const refusal = documentWithdrawalRefusal(await dependentsOf(trx, row, library));
    if (refusal) throw refuse(refusal, 'id');
    const attachments = await repo.attachmentMetaOf(trx, 'document', id);
    await repo.deleteDocument(trx, id);
    const { organization_name: _n, organization_path: _p, ...before } = row;
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'document.withdraw',
      entity: 'document',
      entityId: id,
      organizationId: row.organization_id,
      before: { ...before, attachments },
      after: { reason: body.reason },
    });
  });
}
