import { z } from 'zod';
import { LIMITS, isoDateSchema, pageQuerySchema } from './common';
import { documentTypeSchema, issuingBodySchema } from './document-numbering';
import { attachmentSchema, documentRefSchema, participationSchema } from './documents';

export const PROGRAMME_LIMITS = {
  codeMax: 40,
  titleMax: 500,
  summaryMax: 4000,
  coordinatorsMax: 30,
  responsibleMax: 20,
  reminderDaysDefault: 14,
  reminderDaysMax: 365,
} as const;

export const ITEM_KINDS = ['de_an', 'to_trinh', 'bao_cao', 'nhiem_vu'] as const;
export const itemKindSchema = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof itemKindSchema>;
/** `count` is the word the year summary uses ("19/19 đề án"). */
export const ITEM_KIND_LABELS: Record<ItemKind, { vi: string; en: string; count: string }> = {
  de_an: { vi: 'Đề án', en: 'Proposal', count: 'đề án' },
  to_trinh: { vi: 'Tờ trình', en: 'Submission', count: 'tờ trình' },
  bao_cao: { vi: 'Báo cáo', en: 'Report', count: 'báo cáo' },
  nhiem_vu: { vi: 'Nhiệm vụ', en: 'Task', count: 'nhiệm vụ' },
};

/** The bodies that assign work programme items: Party bodies first, then State bodies. */
export const ASSIGNING_BODIES = [
  'ban_chap_hanh_tw',
  'bo_chinh_tri',
  'ban_bi_thu',
  'tinh_uy',
  'ban_thuong_vu_tinh_uy',
  'quoc_hoi',
  'chinh_phu',
  'ubnd_tinh',
] as const satisfies readonly z.infer<typeof issuingBodySchema>[];
export const assigningBodySchema = z.enum(ASSIGNING_BODIES);
export type AssigningBody = z.infer<typeof assigningBodySchema>;

export const ITEM_STATUSES = ['planned', 'in_progress', 'submitted', 'completed', 'cancelled'] as const;
export const itemStatusSchema = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof itemStatusSchema>;
export const ITEM_STATUS_LABELS: Record<ItemStatus, { vi: string; en: string }> = {
  planned: { vi: 'Chưa triển khai', en: 'Planned' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  submitted: { vi: 'Đã trình', en: 'Submitted' },
  completed: { vi: 'Hoàn thành', en: 'Completed' },
  cancelled: { vi: 'Hủy, điều chỉnh khỏi chương trình', en: 'Cancelled' },
};

export const MILESTONE_STAGES = ['drafting', 'consultation', 'appraisal', 'submission', 'approval'] as const;
export const milestoneStageSchema = z.enum(MILESTONE_STAGES);
export type MilestoneStage = z.infer<typeof milestoneStageSchema>;
export const MILESTONE_STAGE_LABELS: Record<MilestoneStage, { vi: string; en: string }> = {
  drafting: { vi: 'Xây dựng dự thảo', en: 'Drafting' },
  consultation: { vi: 'Lấy ý kiến', en: 'Consultation' },
  appraisal: { vi: 'Thẩm định', en: 'Appraisal' },
  submission: { vi: 'Trình', en: 'Submission' },
  approval: { vi: 'Thông qua, ban hành', en: 'Approval' },
};

export const milestoneSchema = z.object({
  stage: milestoneStageSchema,
  dueOn: z.string(),
  doneOn: z.string().nullable(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const personRefSchema = z.object({ id: z.string(), fullName: z.string(), username: z.string() });
export const orgRefSchema = z.object({ id: z.string(), name: z.string() });

export const programmeItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  kind: itemKindSchema,
  title: z.string(),
  summary: z.string().nullable(),
  assigningBody: assigningBodySchema,
  leadOrganization: orgRefSchema,
  coordinators: z.array(orgRefSchema),
  responsible: z.array(personRefSchema),
  year: z.number(),
  dueOn: z.string(),
  status: itemStatusSchema,
  completedOn: z.string().nullable(),
  overdue: z.boolean(),
  milestones: z.array(milestoneSchema),
  /** Whether the reader may change it (it lies within their write scope). */
  canEdit: z.boolean(),
});
export type ProgrammeItem = z.infer<typeof programmeItemSchema>;

export const programmeItemDetailSchema = programmeItemSchema.extend({
  outcomes: z.array(documentRefSchema),
  attachments: z.array(attachmentSchema),
});
export type ProgrammeItemDetail = z.infer<typeof programmeItemDetailSchema>;

export const itemListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(LIMITS.searchMax).optional(),
  year: z.coerce.number().int().min(1945).max(2100).optional(),
  status: itemStatusSchema.optional(),
  organizationId: z.string().optional(),
});
/** The programme export: the list's filters, every matching item (no paging). */
export const itemExportQuerySchema = itemListQuerySchema.omit({ limit: true, offset: true });
export const itemListSchema = z.object({ items: z.array(programmeItemSchema), total: z.number() });

const milestoneInputSchema = z.strictObject({
  stage: milestoneStageSchema,
  dueOn: isoDateSchema,
  doneOn: isoDateSchema.nullable().optional(),
});

export const createItemBodySchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(PROGRAMME_LIMITS.codeMax)
    .regex(/^[\p{L}\p{N}._/-]+$/u),
  kind: itemKindSchema,
  title: z.string().trim().min(1).max(PROGRAMME_LIMITS.titleMax),
  summary: z.string().trim().max(PROGRAMME_LIMITS.summaryMax).optional(),
  assigningBody: assigningBodySchema,
  leadOrganizationId: z.string(),
  coordinatorIds: z.array(z.string()).max(PROGRAMME_LIMITS.coordinatorsMax).default([]),
  responsibleUserIds: z.array(z.string()).max(PROGRAMME_LIMITS.responsibleMax).default([]),
  dueOn: isoDateSchema,
  milestones: z.array(milestoneInputSchema).max(10).default([]),
});
export type CreateItemBody = z.input<typeof createItemBodySchema>;

/** An edit of an item: every field but its lead unit (which decides who sees it); milestones keep their done dates. */
export const updateItemBodySchema = createItemBodySchema.omit({ leadOrganizationId: true });
export type UpdateItemBody = z.input<typeof updateItemBodySchema>;

export const updateItemStatusBodySchema = z.strictObject({
  status: itemStatusSchema,
  completedOn: isoDateSchema.optional(),
});
export type UpdateItemStatusBody = z.infer<typeof updateItemStatusBodySchema>;

export const updateMilestoneBodySchema = z.strictObject({
  doneOn: isoDateSchema.nullable(),
});

export const yearQuerySchema = z.object({
  year: z.coerce.number().int().min(1945).max(2100),
  organizationId: z.string().optional(),
});

export const doneTotalSchema = z.object({ done: z.number(), total: z.number() });

export const yearViewSchema = z.object({
  year: z.number(),
  scopeName: z.string(),
  totals: doneTotalSchema.extend({ overdue: z.number() }),
  byBody: z.array(doneTotalSchema.extend({ body: assigningBodySchema })),
  byLeadUnit: z.array(doneTotalSchema.extend({ organization: orgRefSchema })),
  overdue: z.array(programmeItemSchema),
  timeline: z.array(programmeItemSchema),
});
export type YearView = z.infer<typeof yearViewSchema>;

export const summaryRowSchema = z.object({
  participation: participationSchema,
  type: documentTypeSchema,
  issuingBody: issuingBodySchema,
  count: z.number(),
});
export const yearSummarySchema = z.object({
  year: z.number(),
  scopeName: z.string(),
  proposals: doneTotalSchema.extend({ bodies: z.array(assigningBodySchema) }),
  rows: z.array(summaryRowSchema),
  /** The sentence in the seed's words: "hoàn thành 19/19 đề án trình …; tham mưu ban hành …; chủ trì ban hành …". */
  sentence: z.string(),
});
export type YearSummary = z.infer<typeof yearSummarySchema>;
export type SummaryRow = z.infer<typeof summaryRowSchema>;

export const reminderQuerySchema = z.object({
  days: z.coerce.number().int().min(0).max(PROGRAMME_LIMITS.reminderDaysMax).default(PROGRAMME_LIMITS.reminderDaysDefault),
});
export const reminderSchema = z.object({
  itemId: z.string(),
  code: z.string(),
  title: z.string(),
  dueOn: z.string(),
  /** Days from today to the due date; negative when overdue. */
  daysLeft: z.number(),
  /** The next open milestone, when the item has one due in the window. */
  milestone: milestoneStageSchema.nullable(),
});
export const remindersSchema = z.object({ days: z.number(), items: z.array(reminderSchema) });
export type Reminders = z.infer<typeof remindersSchema>;

export const assignableUsersSchema = z.object({ items: z.array(personRefSchema) });
