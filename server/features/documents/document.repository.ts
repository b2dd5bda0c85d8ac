import { type ExpressionBuilder, type SqlBool, type Expression, sql } from 'kysely';
import type { DocumentType, IssuingBody } from '../../../contracts/document-numbering';
import type { Database, Db, Trx } from '../../db/database';
import { dialectOf } from '../../db/dialect';
import { inSubtrees } from '../../db/scope';
import { containsText } from '../../db/like';
import { escapeLike } from '../../lib/text';
import type {
  AttachmentRow,
  DocumentReferenceRow,
  DocumentRelationRow,
  DocumentRow,
  NewAttachmentRow,
  NewDocumentRow,
} from './document.table';

export type DocumentWithOrg = DocumentRow & { organization_name: string; organization_path: string };

type Eb = ExpressionBuilder<Database & { d: Database['documents']; o: Database['organizations'] }, 'd' | 'o'>;

/** Public documents for anyone allowed to read the register; internal ones only inside the reader's subtrees. */
function readable(eb: Eb, readPaths: readonly string[]): Expression<SqlBool> {
  if (readPaths.length === 0) return sql<SqlBool>`1 = 0`;
  return eb.or([eb('d.visibility', '=', 'public'), inSubtrees(eb, 'o.path', readPaths)]);
}

function base(db: Db | Trx) {
  return db
    .selectFrom('documents as d')
    .innerJoin('organizations as o', 'o.id', 'd.organization_id')
    .selectAll('d')
    .select(['o.name as organization_name', 'o.path as organization_path']);
}

export async function findDocument(db: Db | Trx, id: string): Promise<DocumentWithOrg | undefined> {
  return base(db).where('d.id', '=', id).executeTakeFirst();
}

export async function findDocumentsByIds(db: Db | Trx, ids: readonly string[]): Promise<DocumentWithOrg[]> {
  if (ids.length === 0) return [];
  return base(db).where('d.id', 'in', ids).execute();
}

export interface DocumentFilter {
  readPaths: readonly string[];
  qFolded?: string;
  qKey?: string;
  type?: DocumentType;
  issuingBody?: IssuingBody;
  year?: number;
  /** only documents kept by units in this subtree */
  underPath?: string;
  limit: number;
  offset: number;
}

export async function listDocuments(db: Db, f: DocumentFilter): Promise<{ rows: DocumentWithOrg[]; total: number }> {
  let q = db
    .selectFrom('documents as d')
    .innerJoin('organizations as o', 'o.id', 'd.organization_id')
    .where((eb) => readable(eb, f.readPaths));
  if (f.qFolded) {
    const text = f.qFolded;
    const key = f.qKey ?? '';
    q = q.where((eb) =>
      eb.or([containsText('d.title_folded', text), containsText('d.summary_folded', text), containsText('d.number_key', key)]),
    );
  }
  if (f.type) q = q.where('d.type', '=', f.type);
  if (f.issuingBody) q = q.where('d.issuing_body', '=', f.issuingBody);
  if (f.year) q = q.where('d.issued_on', '>=', `${f.year}-01-01`).where('d.issued_on', '<=', `${f.year}-12-31`);
  if (f.underPath) q = q.where((eb) => inSubtrees(eb, 'o.path', [f.underPath!]));
  const [rows, count] = await Promise.all([
    q
      .selectAll('d')
      .select(['o.name as organization_name', 'o.path as organization_path'])
      // Undated (unconfirmed) entries last on both dialects.
      .orderBy(sql`d.issued_on is null`)
      .orderBy('d.issued_on', 'desc')
      .orderBy('d.number')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Where a page of the register export ends: the last entry's issue date (undated entries come last) and id. */
export interface RegisterCursor {
  issuedOn: string | null;
  id: string;
}

/**
 * A page of the register in its export order (issue date, undated last, then id), after `after`: keyset paging, so
 * every page costs the same however deep the export is. Same filters and scope as the list.
 */
export async function registerPage(
  db: Db,
  f: Omit<DocumentFilter, 'limit' | 'offset'>,
  after: RegisterCursor | null,
  limit: number,
): Promise<DocumentWithOrg[]> {
  let q = base(db).where((eb) => readable(eb, f.readPaths));
  if (f.qFolded) {
    const text = f.qFolded;
    const key = f.qKey ?? '';
    q = q.where((eb) =>
      eb.or([containsText('d.title_folded', text), containsText('d.summary_folded', text), containsText('d.number_key', key)]),
    );
  }
  if (f.type) q = q.where('d.type', '=', f.type);
  if (f.issuingBody) q = q.where('d.issuing_body', '=', f.issuingBody);
  if (f.year) q = q.where('d.issued_on', '>=', `${f.year}-01-01`).where('d.issued_on', '<=', `${f.year}-12-31`);
  if (f.underPath) q = q.where((eb) => inSubtrees(eb, 'o.path', [f.underPath!]));
  if (after) {
    const a = after;
    q = q.where((eb) =>
      a.issuedOn === null
        ? eb.and([eb('d.issued_on', 'is', null), eb('d.id', '>', a.id)])
        : eb.or([
            eb('d.issued_on', '>', a.issuedOn),
            eb.and([eb('d.issued_on', '=', a.issuedOn), eb('d.id', '>', a.id)]),
            eb('d.issued_on', 'is', null),
          ]),
    );
  }
  return q
    .orderBy(sql`d.issued_on is null`)
    .orderBy('d.issued_on')
    .orderBy('d.id')
    .limit(limit)
    .execute();
}

/**
 * Readable documents whose number key is one of `keys` (an index lookup), or failing that whose aliases hold
 * `aliasFolded` ("bo luat lao dong 2019"), newest first.
 */
export async function findByCitation(
  db: Db,
  readPaths: readonly string[],
  keys: readonly string[],
  aliasFolded: string,
): Promise<DocumentWithOrg[]> {
  if (keys.length) {
    const byKey = await base(db)
      .where((eb) => readable(eb, readPaths))
      .where('d.number_key', 'in', [...keys])
      .orderBy('d.issued_on', 'desc')
      .execute();
    if (byKey.length) return byKey;
  }
  // Only the few entries with aliases are looked at (partial index documents_aliases).
  const alias = `%|${escapeLike(aliasFolded)}|%`;
  const ids = await db
    .selectFrom('documents')
    .select('id')
    .where('aliases_folded', 'is not', null)
    .where(sql<SqlBool>`aliases_folded like ${alias} escape '\\'`)
    .execute();
  if (ids.length === 0) return [];
  return base(db)
    .where((eb) => readable(eb, readPaths))
    .where(
      'd.id',
      'in',
      ids.map((r) => r.id),
    )
    .orderBy('d.issued_on', 'desc')
    .execute();
}

export async function findSameNumber(
  trx: Trx,
  numberKey: string,
  issuingBody: IssuingBody,
  year: string,
): Promise<DocumentRow | undefined> {
  return trx
    .selectFrom('documents')
    .selectAll()
    .where('number_key', '=', numberKey)
    .where('issuing_body', '=', issuingBody)
    .where('issued_on', 'like', `${year}-%`)
    .executeTakeFirst();
}

export async function insertDocument(trx: Trx, row: NewDocumentRow): Promise<void> {
  await trx.insertInto('documents').values(row).execute();
}

export async function documentsOfItem(db: Db | Trx, itemId: string): Promise<DocumentRow[]> {
  return db.selectFrom('documents').selectAll().where('programme_item_id', '=', itemId).orderBy('issued_on').execute();
}

/** The outcome documents of several programme items (one query for a page of an export). */
export async function documentsOfItems(db: Db | Trx, itemIds: readonly string[]): Promise<DocumentRow[]> {
  if (itemIds.length === 0) return [];
  return db.selectFrom('documents').selectAll().where('programme_item_id', 'in', itemIds).orderBy('issued_on').execute();
}

export async function allRelations(trx: Trx): Promise<DocumentRelationRow[]> {
  return trx.selectFrom('document_relations').selectAll().execute();
}

export async function insertRelation(trx: Trx, row: DocumentRelationRow): Promise<void> {
  await trx.insertInto('document_relations').values(row).execute();
}

export async function relationsInvolving(db: Db | Trx, ids: readonly string[]): Promise<DocumentRelationRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('document_relations')
    .selectAll()
    .where((eb) => eb.or([eb('from_id', 'in', ids), eb('to_id', 'in', ids)]))
    .execute();
}

/** Incoming "replaces" edges for the documents, with the replacing document's number and dates. */
export async function replacementsOf(
  db: Db | Trx,
  ids: readonly string[],
): Promise<
  {
    to_id: string;
    from_id: string;
    number: string;
    effective_on: string | null;
    from_effective: string | null;
    from_issued: string | null;
  }[]
> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('document_relations as r')
    .innerJoin('documents as f', 'f.id', 'r.from_id')
    .select([
      'r.to_id',
      'r.from_id',
      'f.number',
      'r.effective_on',
      'f.effective_from as from_effective',
      'f.issued_on as from_issued',
    ])
    .where('r.kind', '=', 'replaces')
    .where('r.to_id', 'in', ids)
    .execute();
}

export interface SummaryRowDb {
  participation: string;
  type: DocumentType;
  issuing_body: IssuingBody;
  n: number;
}

/** Documents kept by units in the subtrees and issued in the year, counted by participation, type and body. */
export async function countForYear(db: Db, paths: readonly string[], year: number): Promise<SummaryRowDb[]> {
  const rows = await db
    .selectFrom('documents as d')
    .innerJoin('organizations as o', 'o.id', 'd.organization_id')
    .where((eb) => inSubtrees(eb, 'o.path', paths))
    .where('d.issued_on', '>=', `${year}-01-01`)
    .where('d.issued_on', '<=', `${year}-12-31`)
    .where('d.participation', '!=', 'reference')
    .select(['d.participation', 'd.type', 'd.issuing_body', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['d.participation', 'd.type', 'd.issuing_body'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function insertAttachment(trx: Trx, row: NewAttachmentRow): Promise<void> {
  await trx.insertInto('attachments').values(row).execute();
}

export async function attachmentsOf(
  db: Db | Trx,
  ownerKind: 'document' | 'programme_item' | 'training_enrolment',
  ownerId: string,
): Promise<Omit<AttachmentRow, 'content'>[]> {
  return db
    .selectFrom('attachments')
    .select(['id', 'owner_kind', 'owner_id', 'file_name', 'media_type', 'size_bytes', 'sha256', 'created_by', 'created_at'])
    .where('owner_kind', '=', ownerKind)
    .where('owner_id', '=', ownerId)
    .orderBy('created_at')
    .execute();
}

export async function findAttachment(db: Db | Trx, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRelation(db: Db | Trx, id: string): Promise<DocumentRelationRow | undefined> {
  return db.selectFrom('document_relations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteRelation(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('document_relations').where('id', '=', id).execute();
}

export async function deleteAttachment(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('attachments').where('id', '=', id).execute();
}

export async function updateDocument(trx: Trx, id: string, patch: Partial<NewDocumentRow>): Promise<void> {
  await trx.updateTable('documents').set(patch).where('id', '=', id).execute();
}

/** Deletes a withdrawn register entry with its attachments (its relations were refused before: none is left). */
export async function deleteDocument(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('attachments').where('owner_kind', '=', 'document').where('owner_id', '=', id).execute();
  await trx.deleteFrom('documents').where('id', '=', id).execute();
}

/** Attachment metadata (no content) of an owner, for an audit entry. */
export async function attachmentMetaOf(trx: Trx, kind: AttachmentRow['owner_kind'], ownerId: string) {
  return trx
    .selectFrom('attachments')
    .select(['id', 'file_name', 'media_type', 'size_bytes', 'sha256'])
    .where('owner_kind', '=', kind)
    .where('owner_id', '=', ownerId)
    .execute();
}

/** The personnel decision processes that rely on an entry (by the links their steps and dossiers hold). */
export async function processesRelyingOn(db: Db | Trx, documentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('document_references')
    .select('process_id')
    .distinct()
    .where('document_id', '=', documentId)
    .execute();
  return rows.map((r) => r.process_id);
}

/** Links a decision's step or dossier item to the register entries it relies on. */
export async function insertReferences(trx: Trx, rows: DocumentReferenceRow[]): Promise<void> {
  if (rows.length) await trx.insertInto('document_references').values(rows).execute();
}

/** The register entries a process relies on, with what holds each link (a step or a dossier item). */
export async function referencesOfProcess(db: Db | Trx, processId: string) {
  return db
    .selectFrom('document_references as r')
    .innerJoin('documents as d', 'd.id', 'r.document_id')
    .innerJoin('organizations as o', 'o.id', 'd.organization_id')
    .selectAll('d')
    .select(['o.name as organization_name', 'o.path as organization_path', 'r.owner_kind', 'r.owner_id'])
    .where('r.process_id', '=', processId)
    .orderBy('r.created_at')
    .orderBy('d.number')
    .execute();
}

/** An attachment's metadata, without its bytes (those are read in chunks: attachmentChunk). */
export async function findAttachmentMeta(db: Db | Trx, id: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'owner_kind', 'owner_id', 'file_name', 'media_type', 'size_bytes', 'sha256'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** `length` bytes of an attachment from byte `offset` (0-based), read by the database, not the whole file. */
export async function attachmentChunk(db: Db, id: string, offset: number, length: number): Promise<Buffer> {
  const part =
    dialectOf(db) === 'postgres'
      ? sql<Uint8Array>`substring(content from ${offset + 1} for ${length})`
      : sql<Uint8Array>`substr(content, ${offset + 1}, ${length})`;
  const row = await db.selectFrom('attachments').select(part.as('part')).where('id', '=', id).executeTakeFirst();
  return row?.part ? Buffer.from(row.part) : Buffer.alloc(0);
}
