import type {
  CreateDocumentBody,
  CreateRelationBody,
  DocumentRef,
  RegisterDocument,
  RegisterDocumentDetail,
} from '../../../contracts/documents';
import { createDocumentBodySchema } from '../../../contracts/documents';
import type { Db, Trx } from '../../db/database';
import { AppError, forbidden, notFound, validation } from '../../http/errors';
import { newId, nowIso, todayIso } from '../../lib/ids';
import { foldVietnamese } from '../../lib/text';
import { type Actor, holdsAnywhere, mayActOn, scopePaths } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import { findOrganization } from '../organizations/organization.repository';
import * as items from '../programme/programme.repository';
import type { PolicyLibrary } from '../policy/policy.library';
import { rulesCiting } from './document-citations.rules';
import { citationKeys, citationParts, checkDocumentNumber, foldAlias, numberKey } from './document-number.rules';
import { numberingPolicy } from './numbering.policy';
import { toAttachmentResponse, toDocumentRef, toDocumentResponse } from './document.mapper';
import * as repo from './document.repository';
import { type Replacement, checkRelation } from './relation.rules';
import type { ReferenceOwnerKind } from './document-references.rules';

const documentNotFound = () => notFound('văn bản', 'Document');

function readPaths(actor: Actor): string[] {
  return scopePaths(actor, 'documents.read');
}

function mayRead(actor: Actor, row: repo.DocumentWithOrg): boolean {
  if (!holdsAnywhere(actor, 'documents.read')) return false;
  return row.visibility === 'public' || mayActOn(actor, 'documents.read', row.organization_path);
}

/** Replacements per document: the date a replaced document lost force is the relation's date, else the replacing one's. */
async function replacementsFor(db: Db | Trx, ids: readonly string[]): Promise<Map<string, Replacement[]>> {
  const out = new Map<string, Replacement[]>();
  for (const r of await repo.replacementsOf(db, ids)) {
    const list = out.get(r.to_id) ?? [];
    list.push({ id: r.from_id, number: r.number, on: r.effective_on ?? r.from_effective ?? r.from_issued });
    out.set(r.to_id, list);
  }
  return out;
}

/** Register rows as the API gives them (status from the replacements, whether the actor may edit). */
export async function presentRows(
  db: Db | Trx,
  actor: Actor,
  rows: repo.DocumentWithOrg[],
  today = todayIso(),
): Promise<RegisterDocument[]> {
  const replacements = await replacementsFor(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    toDocumentResponse(r, replacements.get(r.id) ?? [], today, mayActOn(actor, 'documents.write', r.organization_path)),
  );
}

export async function listDocuments(
  db: Db,
  actor: Actor,
  query: {
    q?: string;
    type?: RegisterDocument['type'];
    issuingBody?: RegisterDocument['issuingBody'];
    year?: number;
    organizationId?: string;
    limit: number;
    offset: number;
  },
): Promise<{ items: RegisterDocument[]; total: number }> {
  let underPath: string | undefined;
  if (query.organizationId) {
    const org = await findOrganization(db, query.organizationId);
    if (!org || !mayActOn(actor, 'documents.read', org.path)) throw notFound('đơn vị', 'Organization');
    underPath = org.path;
  }
  const { rows, total } = await repo.listDocuments(db, {
    readPaths: readPaths(actor),
    qFolded: query.q ? foldVietnamese(query.q) : undefined,
    qKey: query.q ? numberKey(query.q) : undefined,
    type: query.type,
    issuingBody: query.issuingBody,
    year: query.year,
    underPath,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: await presentRows(db, actor, rows), total };
}

/**
 * Links a personnel decision's step or dossier item to register entries by id. Every id must be an entry the actor
 * may read (public, or kept inside their scope); otherwise nothing is linked and the field is named in the error.
 */
export async function linkDecisionDocuments(
  trx: Trx,
  actor: Actor,
  link: { ownerKind: ReferenceOwnerKind; ownerId: string; processId: string; path: string },
  ids: readonly string[],
): Promise<DocumentRef[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = (await repo.findDocumentsByIds(trx, unique)).filter((r) => mayRead(actor, r));
  if (rows.length !== unique.length)
    throw validation(
      link.path,
      'văn bản được chọn không có trong sổ văn bản trong phạm vi của bạn',
      'a chosen document is not in the register within your scope',
    );
  const now = nowIso();
  await repo.insertReferences(
    trx,
    rows.map((r) => ({
      document_id: r.id,
      owner_kind: link.ownerKind,
      owner_id: link.ownerId,
      process_id: link.processId,
      created_at: now,
    })),
  );
  return rows.map(toDocumentRef);
}

/** The register entries a decision process relies on and the reader may see, with the step or dossier item linking each. */
export async function documentsOfProcess(db: Db | Trx, actor: Actor, processId: string) {
  return (await repo.referencesOfProcess(db, processId))
    .filter((r) => mayRead(actor, r))
    .map((r) => ({ ...toDocumentRef(r), ownerKind: r.owner_kind, ownerId: r.owner_id }));
}

export async function getDocument(db: Db, actor: Actor, id: string, library?: PolicyLibrary): Promise<RegisterDocumentDetail> {
  const row = await repo.findDocument(db, id);
  if (!row || !mayRead(actor, row)) throw documentNotFound();
  const [doc] = await presentRows(db, actor, [row]);
  const relations = await repo.relationsInvolving(db, [id]);
  const others = await repo.findDocumentsByIds(db, [...new Set(relations.map((r) => (r.from_id === id ? r.to_id : r.from_id)))]);
  const visible = new Map(others.filter((o) => mayRead(actor, o)).map((o) => [o.id, o]));
  const attachments = await repo.attachmentsOf(db, 'document', id);
  return {
    ...doc!,
    relations: relations.flatMap((r) => {
      const outgoing = r.from_id === id;
      const other = visible.get(outgoing ? r.to_id : r.from_id);
      if (!other) return [];
      return [
        {
          id: r.id,
          kind: r.kind,
          direction: outgoing ? ('outgoing' as const) : ('incoming' as const),
          other: toDocumentRef(other),
          effectiveOn: r.effective_on,
        },
      ];
    }),
    attachments: attachments.map(toAttachmentResponse),
    citedBy: library
      ? rulesCiting(
          library,
          { numberKey: row.number_key, aliasesFolded: row.aliases_folded },
          doc!.status === 'replaced' ? doc!.effectiveTo : null,
        )
      : [],
  };
}

/** Server-side inputs the HTTP body does not carry: aliases for citations and research dates not yet confirmed. */
export interface CreateDocumentOptions {
  aliases?: string[];
  /** issued date unknown (research could not confirm it): stored empty and flagged */
  dateUnknown?: boolean;
}

export async function createDocument(
  db: Db,
  actor: Actor | null,
  input: CreateDocumentBody,
  options: CreateDocumentOptions = {},
): Promise<RegisterDocument> {
  const body = createDocumentBodySchema.parse(input);
  return db.transaction().execute(async (trx) => {
    const org = await findOrganization(trx, body.organizationId);
    if (!org || (actor && !mayActOn(actor, 'documents.read', org.path)))
      throw validation('organizationId', 'đơn vị lưu văn bản không tồn tại', 'no such organization');
    if (actor && !mayActOn(actor, 'documents.write', org.path)) throw forbidden();
    const issuedOn = options.dateUnknown ? null : body.issuedOn;
    const check = checkDocumentNumber(numberingPolicy(), {
      type: body.type,
      issuingBody: body.issuingBody,
      number: body.number,
      issuedOn: issuedOn ?? undefined,
    });
    if (!check.valid)
      throw new AppError('VALIDATION', check.message!, check.messageEn!, [
        { path: 'number', message: check.message!, messageEn: check.messageEn! },
      ]);
    if (body.effectiveFrom && body.effectiveTo && body.effectiveTo < body.effectiveFrom)
      throw validation('effectiveTo', 'ngày hết hiệu lực trước ngày có hiệu lực', 'effective-to precedes effective-from');
    const key = numberKey(check.normalized);
    if (issuedOn && (await repo.findSameNumber(trx, key, body.issuingBody, issuedOn.slice(0, 4))))
      throw new AppError(
        'CONFLICT',
        `Văn bản số ${check.normalized} năm ${issuedOn.slice(0, 4)} đã có trong sổ`,
        `Document ${check.normalized} of ${issuedOn.slice(0, 4)} is already registered`,
        [{ path: 'number', message: 'Đã có trong sổ', messageEn: 'Already registered' }],
      );
    let itemId: string | null = null;
    if (body.programmeItemId) {
      const item = await items.findItem(trx, body.programmeItemId);
      if (!item || (actor && !mayActOn(actor, 'programme.write', item.organization_path)))
        throw validation(
          'programmeItemId',
          'không có đề án, nhiệm vụ này trong phạm vi của bạn',
          'no such programme item in your scope',
        );
      itemId = item.id;
      if (body.completesItem && item.status !== 'completed') {
        if (!issuedOn)
          throw validation(
            'issuedOn',
            'cần ngày ban hành để ghi nhận hoàn thành',
            'an issue date is needed to complete the item',
          );
        await items.updateItemStatus(trx, item.id, 'completed', issuedOn);
        await appendAudit(trx, {
          actorId: actor?.userId ?? null,
          action: 'programme_item.complete',
          entity: 'programme_item',
          entityId: item.id,
          organizationId: item.organization_id,
          before: { status: item.status, completedOn: item.completed_on },
          after: { status: 'completed', completedOn: issuedOn, outcome: check.normalized },
        });
      }
    }
    const id = newId();
    const row = {
      id,
      organization_id: org.id,
      type: body.type,
      number: check.normalized,
      number_key: key,
      issuing_body: body.issuingBody,
      issued_on: issuedOn,
      date_confirmed: options.dateUnknown ? 0 : 1,
      signer: body.signer || null,
      title: body.title,
      title_folded: foldVietnamese(body.title),
      summary: body.summary || null,
      summary_folded: body.summary ? foldVietnamese(body.summary) : null,
      aliases_folded: options.aliases?.length ? `|${options.aliases.map(foldAlias).join('|')}|` : null,
      effective_from: body.effectiveFrom ?? null,
      effective_to: body.effectiveTo ?? null,
      participation: body.participation,
      visibility: body.visibility,
      programme_item_id: itemId,
      created_at: nowIso(),
    };
    await repo.insertDocument(trx, row);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'document.create',
      entity: 'document',
      entityId: id,
      organizationId: org.id,
      after: row,
    });
    return toDocumentResponse({ ...row, organization_name: org.name, organization_path: org.path }, [], todayIso(), true);
  });
}

/** Records that `fromId` implements, amends or replaces another document; cycles and date inversions are refused. */
export async function addRelation(
  db: Db,
  actor: Actor | null,
  fromId: string,
  body: CreateRelationBody,
  library?: PolicyLibrary,
): Promise<RegisterDocumentDetail | null> {
  await db.transaction().execute(async (trx) => {
    const [from, to] = [await repo.findDocument(trx, fromId), await repo.findDocument(trx, body.targetId)];
    if (!from || (actor && !mayRead(actor, from))) throw documentNotFound();
    if (!to || (actor && !mayRead(actor, to)))
      throw validation('targetId', 'không tìm thấy văn bản liên quan', 'no such related document');
    if (actor && !mayActOn(actor, 'documents.write', from.organization_path)) throw forbidden();
    const existing = (await repo.allRelations(trx)).map((r) => ({ fromId: r.from_id, toId: r.to_id, kind: r.kind }));
    const problem = checkRelation(
      { id: from.id, number: from.number, issuedOn: from.issued_on },
      { id: to.id, number: to.number, issuedOn: to.issued_on },
      body.kind,
      existing,
    );
    if (problem)
      throw new AppError(problem.code === 'duplicate' ? 'CONFLICT' : 'VALIDATION', problem.message, problem.messageEn, [
        { path: 'targetId', message: problem.message, messageEn: problem.messageEn },
      ]);
    const row = {
      id: newId(),
      from_id: from.id,
      to_id: to.id,
      kind: body.kind,
      effective_on: body.effectiveOn ?? null,
      created_at: nowIso(),
    };
    await repo.insertRelation(trx, row);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'document.relate',
      entity: 'document',
      entityId: from.id,
      organizationId: from.organization_id,
      after: { ...row, fromNumber: from.number, toNumber: to.number },
    });
  });
  return actor ? getDocument(db, actor, fromId, library) : null;
}

/**
 * Removes a relation recorded by mistake, from either of its documents (the actor writes to the one it starts from).
 * The removal is audited with what the relation was.
 */
export async function removeRelation(
  db: Db,
  actor: Actor,
  documentId: string,
  relationId: string,
  library?: PolicyLibrary,
): Promise<RegisterDocumentDetail> {
  await db.transaction().execute(async (trx) => {
    const doc = await repo.findDocument(trx, documentId);
    if (!doc || !mayRead(actor, doc)) throw documentNotFound();
    const rel = await repo.findRelation(trx, relationId);
    if (!rel || (rel.from_id !== doc.id && rel.to_id !== doc.id)) throw notFound('quan hệ văn bản', 'Relation');
    const from = rel.from_id === doc.id ? doc : (await repo.findDocument(trx, rel.from_id))!;
    if (!mayActOn(actor, 'documents.write', from.organization_path)) throw forbidden();
    await repo.deleteRelation(trx, rel.id);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'document.unrelate',
      entity: 'document',
      entityId: from.id,
      organizationId: from.organization_id,
      before: rel,
    });
  });
  return getDocument(db, actor, documentId, library);
}

/** The register entry a policy citation names ("377-QĐ/TW", "NĐ 170/2025", "Bộ luật Lao động 2019"), or null. */
export async function resolveCitation(db: Db, actor: Actor, citation: string): Promise<RegisterDocument | null> {
  const trimmed = citation.trim();
  if (!trimmed) return null;
  // A citation of several texts resolves to the first that is registered (numbers anywhere in it, else a part's name).
  for (const part of citationParts(trimmed)) {
    const keys = citationKeys(part);
    const rows = await repo.findByCitation(db, readPaths(actor), keys, foldAlias(part));
    // Prefer an exact number over a looser reading, then the newest.
    const best = rows.find((r) => r.number_key === keys[0]) ?? rows.find((r) => keys.includes(r.number_key)) ?? rows[0];
    if (best) return (await presentRows(db, actor, [best]))[0]!;
  }
  return null;
}

export async function documentByNumber(db: Db, actor: Actor, number: string): Promise<RegisterDocument> {
  const doc = await resolveCitation(db, actor, number);
  if (!doc)
    throw new AppError(
      'NOT_FOUND',
      `Không có văn bản số "${number}" trong sổ`,
      `No document numbered "${number}" in the register`,
    );
  return doc;
}

export async function outcomesOf(db: Db | Trx, itemId: string) {
  return (await repo.documentsOfItem(db, itemId)).map(toDocumentRef);
}
