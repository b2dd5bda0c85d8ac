import type { Insertable, Selectable } from 'kysely';
import type { DocumentType, IssuingBody } from '../../../contracts/document-numbering';
import type { Participation, RelationKind } from '../../../contracts/documents';
import type { ReferenceOwnerKind } from './document-references.rules';

export interface DocumentTable {
  id: string;
  /** the unit keeping this register entry: writes are scoped to its subtree */
  organization_id: string;
  type: DocumentType;
  number: string;
  /** number without diacritics, upper case: the lookup key for citations */
  number_key: string;
  issuing_body: IssuingBody;
  issued_on: string | null;
  /** 0 when the date comes from research that could not confirm it */
  date_confirmed: number;
  signer: string | null;
  title: string;
  title_folded: string;
  summary: string | null;
  summary_folded: string | null;
  /** `|alias|alias|` folded names a citation may use ("bo luat lao dong 2019") */
  aliases_folded: string | null;
  effective_from: string | null;
  effective_to: string | null;
  participation: Participation;
  visibility: 'public' | 'internal';
  programme_item_id: string | null;
  created_at: string;
}
export type DocumentRow = Selectable<DocumentTable>;
export type NewDocumentRow = Insertable<DocumentTable>;

export interface DocumentRelationTable {
  id: string;
  from_id: string;
  to_id: string;
  kind: RelationKind;
  effective_on: string | null;
  created_at: string;
}
export type DocumentRelationRow = Selectable<DocumentRelationTable>;

/** A record that relies on a register entry, by id: a personnel decision's step or dossier item. */
export interface DocumentReferenceTable {
  document_id: string;
  owner_kind: ReferenceOwnerKind;
  /** the decision step or dossier item */
  owner_id: string;
  process_id: string;
  created_at: string;
}
export type DocumentReferenceRow = Selectable<DocumentReferenceTable>;

export interface AttachmentTable {
  id: string;
  owner_kind: 'document' | 'programme_item' | 'training_enrolment';
  owner_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  created_by: string | null;
  created_at: string;
}
export type AttachmentRow = Selectable<AttachmentTable>;
export type NewAttachmentRow = Insertable<AttachmentTable>;
