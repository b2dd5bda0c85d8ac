import type { Attachment, DocumentRef, RegisterDocument } from '../../../contracts/documents';
import type { AttachmentRow, DocumentRow } from './document.table';
import type { DocumentWithOrg } from './document.repository';
import { type Replacement, documentStatus } from './relation.rules';

export function toDocumentResponse(
  row: DocumentWithOrg,
  replacements: readonly Replacement[],
  today: string,
  canEdit: boolean,
): RegisterDocument {
  const { status, effectiveTo } = documentStatus(
    { effectiveFrom: row.effective_from, issuedOn: row.issued_on, effectiveTo: row.effective_to },
    replacements,
    today,
  );
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    type: row.type,
    number: row.number,
    issuingBody: row.issuing_body,
    issuedOn: row.issued_on,
    signer: row.signer,
    title: row.title,
    summary: row.summary,
    effectiveFrom: row.effective_from,
    effectiveTo,
    participation: row.participation,
    visibility: row.visibility,
    dateConfirmed: row.date_confirmed === 1,
    programmeItemId: row.programme_item_id,
    status,
    replacedBy: replacements.map((r) => ({ id: r.id, number: r.number, on: r.on })),
    canEdit,
  };
}

export function toDocumentRef(row: Pick<DocumentRow, 'id' | 'number' | 'type' | 'title' | 'issued_on'>): DocumentRef {
  return { id: row.id, number: row.number, type: row.type, title: row.title, issuedOn: row.issued_on };
}

export function toAttachmentResponse(row: Omit<AttachmentRow, 'content'>): Attachment {
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}
