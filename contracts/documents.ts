import { z } from 'zod';
import { LIMITS, isoDateSchema, pageQuerySchema } from './common';
import { documentTypeSchema, issuingBodySchema } from './document-numbering';

export const DOCUMENT_LIMITS = {
  numberMax: 40,
  titleMax: 500,
  summaryMax: 4000,
  signerMax: 200,
  /** Largest attachment accepted, in bytes (10 MiB). */
  attachmentMaxBytes: 10 * 1024 * 1024,
  fileNameMax: 200,
} as const;

/** How the unit keeping the register took part: advised the issuing body, chaired the issue itself, or keeps it for reference. */
export const PARTICIPATIONS = ['advised', 'issued', 'reference'] as const;
export const participationSchema = z.enum(PARTICIPATIONS);
export type Participation = z.infer<typeof participationSchema>;
export const PARTICIPATION_LABELS: Record<Participation, { vi: string; en: string }> = {
  advised: { vi: 'Tham mưu ban hành', en: 'Advised on' },
  issued: { vi: 'Chủ trì ban hành', en: 'Issued' },
  reference: { vi: 'Lưu để tham chiếu', en: 'Kept for reference' },
};

/** Public documents (ban hành rộng rãi) can be read by every signed-in user; internal ones only within scope. */
export const VISIBILITIES = ['public', 'internal'] as const;
export const visibilitySchema = z.enum(VISIBILITIES);
export const VISIBILITY_LABELS: Record<(typeof VISIBILITIES)[number], { vi: string; en: string }> = {
  public: { vi: 'Công khai trong hệ thống', en: 'Public within the system' },
  internal: { vi: 'Nội bộ đơn vị', en: 'Internal to the unit' },
};

export const RELATION_KINDS = ['implements', 'amends', 'replaces'] as const;
export const relationKindSchema = z.enum(RELATION_KINDS);
export type RelationKind = z.infer<typeof relationKindSchema>;
export const RELATION_LABELS: Record<RelationKind, { vi: string; en: string; inverseVi: string; inverseEn: string }> = {
  implements: { vi: 'Triển khai, hướng dẫn', en: 'Implements', inverseVi: 'Được triển khai bởi', inverseEn: 'Implemented by' },
  amends: { vi: 'Sửa đổi, bổ sung', en: 'Amends', inverseVi: 'Được sửa đổi bởi', inverseEn: 'Amended by' },
  replaces: { vi: 'Thay thế', en: 'Replaces', inverseVi: 'Bị thay thế bởi', inverseEn: 'Replaced by' },
};

export const DOCUMENT_STATUSES = ['in_force', 'not_yet', 'replaced', 'expired'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, { vi: string; en: string }> = {
  in_force: { vi: 'Còn hiệu lực', en: 'In force' },
  not_yet: { vi: 'Chưa có hiệu lực', en: 'Not yet in force' },
  replaced: { vi: 'Đã bị thay thế', en: 'Replaced' },
  expired: { vi: 'Hết hiệu lực', en: 'Expired' },
};

export const ATTACHMENT_MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const documentRefSchema = z.object({
  id: z.string(),
  number: z.string(),
  type: documentTypeSchema,
  title: z.string(),
  issuedOn: z.string().nullable(),
});
export type DocumentRef = z.infer<typeof documentRefSchema>;

export const relationSchema = z.object({
  id: z.string(),
  kind: relationKindSchema,
  /** outgoing: this document implements/amends/replaces `other`; incoming: `other` does it to this one */
  direction: z.enum(['outgoing', 'incoming']),
  other: documentRefSchema,
  effectiveOn: z.string().nullable(),
});
export type Relation = z.infer<typeof relationSchema>;

export const documentSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  type: documentTypeSchema,
  number: z.string(),
  issuingBody: issuingBodySchema,
  issuedOn: z.string().nullable(),
  signer: z.string().nullable(),
  title: z.string(),
  summary: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  participation: participationSchema,
  visibility: visibilitySchema,
  dateConfirmed: z.boolean(),
  programmeItemId: z.string().nullable(),
  status: z.enum(DOCUMENT_STATUSES),
  /** The documents that replace this one, with the date from which this one lost force. */
  replacedBy: z.array(z.object({ id: z.string(), number: z.string(), on: z.string().nullable() })),
  /** Whether the reader may relate or attach to it (it is kept within their write scope). */
  canEdit: z.boolean(),
});
export type RegisterDocument = z.infer<typeof documentSchema>;

/** A policy rule whose citation names a register entry; `lostForceOn` is set when the entry was replaced. */
export const citedRuleSchema = z.object({
  ruleId: z.string(),
  packId: z.string(),
  packTitle: z.object({ vi: z.string(), en: z.string() }),
  title: z.object({ vi: z.string(), en: z.string() }),
  citation: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  lostForceOn: z.string().nullable(),
});
export type CitedRule = z.infer<typeof citedRuleSchema>;

export const documentDetailSchema = documentSchema.extend({
  relations: z.array(relationSchema),
  attachments: z.array(attachmentSchema),
  /** The policy-pack rules that cite this document (which lost force with it, when it was replaced). */
  citedBy: z.array(citedRuleSchema),
});
export type RegisterDocumentDetail = z.infer<typeof documentDetailSchema>;

export const documentListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(LIMITS.searchMax).optional(),
  type: documentTypeSchema.optional(),
  issuingBody: issuingBodySchema.optional(),
  year: z.coerce.number().int().min(1945).max(2100).optional(),
  organizationId: z.string().optional(),
});
/** The register export: the list's filters, every matching entry (no paging). */
export const registerExportQuerySchema = documentListQuerySchema.omit({ limit: true, offset: true });
export const documentListSchema = z.object({ items: z.array(documentSchema), total: z.number() });

export const createDocumentBodySchema = z.strictObject({
  organizationId: z.string(),
  type: documentTypeSchema,
  number: z.string().trim().min(1).max(DOCUMENT_LIMITS.numberMax),
  issuingBody: issuingBodySchema,
  issuedOn: isoDateSchema,
  signer: z.string().trim().max(DOCUMENT_LIMITS.signerMax).optional(),
  title: z.string().trim().min(1).max(DOCUMENT_LIMITS.titleMax),
  summary: z.string().trim().max(DOCUMENT_LIMITS.summaryMax).optional(),
  effectiveFrom: isoDateSchema.optional(),
  effectiveTo: isoDateSchema.optional(),
  participation: participationSchema,
  visibility: visibilitySchema.default('public'),
  programmeItemId: z.string().optional(),
  /** Mark the programme item completed with this document as its outcome. */
  completesItem: z.boolean().optional(),
});
export type CreateDocumentBody = z.input<typeof createDocumentBodySchema>;

/** An edit of a register entry: every field but the keeping unit; the number is checked again against its type. */
export const updateDocumentBodySchema = createDocumentBodySchema.omit({ organizationId: true, completesItem: true });
export type UpdateDocumentBody = z.input<typeof updateDocumentBodySchema>;

/** Withdrawing an entry or a programme item recorded by mistake: why, for the audit trail. */
export const withdrawBodySchema = z.strictObject({ reason: z.string().trim().min(5).max(500) });
export type WithdrawBody = z.infer<typeof withdrawBodySchema>;

export const createRelationBodySchema = z.strictObject({
  kind: relationKindSchema,
  targetId: z.string(),
  effectiveOn: isoDateSchema.optional(),
});
export type CreateRelationBody = z.infer<typeof createRelationBodySchema>;

export const numberCheckQuerySchema = z.object({
  type: documentTypeSchema,
  issuingBody: issuingBodySchema,
  number: z.string().trim().min(1).max(DOCUMENT_LIMITS.numberMax),
  issuedOn: isoDateSchema.optional(),
});
export const numberCheckSchema = z.object({
  valid: z.boolean(),
  normalized: z.string(),
  scheme: z.string().nullable(),
  message: z.string().nullable(),
  messageEn: z.string().nullable(),
  expected: z.array(z.string()),
});
export type NumberCheck = z.infer<typeof numberCheckSchema>;

/** A citation string resolved to its register entry (e.g. "377-QĐ/TW", "NĐ 170/2025", "Bộ luật Lao động 2019"). */
export const citationResolutionSchema = z.object({
  citation: z.string(),
  document: documentSchema.nullable(),
});
