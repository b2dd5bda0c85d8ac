import { z } from 'zod';
import { isoDateSchema, ulidSchema } from './common';
import { ruleVerdictSchema } from './positions';

/** Staffing categories of a quota (biên chế). */
export const STAFFING_CATEGORIES = ['cadre_civil_servant', 'public_employee', 'contract'] as const;
export const staffingCategorySchema = z.enum(STAFFING_CATEGORIES);
export type StaffingCategory = z.infer<typeof staffingCategorySchema>;

export const STAFFING_CATEGORY_LABELS: Record<StaffingCategory, { vi: string; en: string }> = {
  cadre_civil_servant: { vi: 'Cán bộ, công chức', en: 'Cadres and civil servants' },
  public_employee: { vi: 'Viên chức (hưởng lương ngân sách)', en: 'Public employees (budget-paid)' },
  contract: { vi: 'Hợp đồng lao động', en: 'Contract staff' },
};

export const JOB_POSITION_CATEGORIES = ['leadership', 'professional', 'support'] as const;
export const jobPositionCategorySchema = z.enum(JOB_POSITION_CATEGORIES);
export type JobPositionCategory = z.infer<typeof jobPositionCategorySchema>;

export const JOB_POSITION_CATEGORY_LABELS: Record<JobPositionCategory, { vi: string; en: string }> = {
  leadership: { vi: 'Lãnh đạo, quản lý', en: 'Leadership and management' },
  professional: { vi: 'Chuyên môn, nghiệp vụ', en: 'Professional' },
  support: { vi: 'Hỗ trợ, phục vụ', en: 'Support' },
};

export const STAFFING_LIMITS = { yearMin: 2015, yearMax: 2040, quotaMax: 1_000_000 } as const;
const year = z.coerce.number().int().min(STAFFING_LIMITS.yearMin).max(STAFFING_LIMITS.yearMax);

export const setQuotaBodySchema = z.strictObject({
  organizationId: z.string().max(40),
  year,
  category: staffingCategorySchema,
  quota: z.number().int().min(0).max(STAFFING_LIMITS.quotaMax),
  /**
   * the first day of this figure, within the year: a year's first quota defaults to 1 January, a later change to today
   * when it lies in the year (else it corrects the figure in force last); the earlier figure stays in force before it
   */
  validFrom: isoDateSchema.optional(),
  decisionRef: z.string().trim().max(100).optional(),
});
export type SetQuotaBody = z.infer<typeof setQuotaBodySchema>;

export const categoryFiguresSchema = z.object({
  category: staffingCategorySchema,
  quota: z.number(),
  /** people in the records whose current unit is in the unit (own) or its subtree (rolled up) */
  actual: z.number(),
  /** actual − quota: above zero over the quota, below zero posts still free */
  difference: z.number(),
  /** the Kết luận 40 baseline (the 2021 quota) and the 2026 target, when this category has one */
  baseline2021: z.number().nullable(),
  target: z.number().nullable(),
});

/** One unit's row in the staffing table: its own figures and the figures rolled up over its subtree. */
export const staffingRowSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  parentId: z.string().nullable(),
  depth: z.number(),
  own: z.array(categoryFiguresSchema),
  rolledUp: z.array(categoryFiguresSchema),
});
export type StaffingRow = z.infer<typeof staffingRowSchema>;

export const staffingQuerySchema = z.object({
  organizationId: z.string().max(40),
  year: year.optional(),
  /** the table as of a day: the tree of that day, the quotas in force that day, the staff in each unit that day */
  asOf: isoDateSchema.optional(),
});
export type StaffingQuery = z.infer<typeof staffingQuerySchema>;

/** One figure of a quota over [validFrom, validTo) within its year. */
export const quotaVersionSchema = z.object({
  category: staffingCategorySchema,
  quota: z.number(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  decisionRef: z.string().nullable(),
  /** set by a restructuring event */
  byEvent: z.boolean(),
});
export type QuotaVersion = z.infer<typeof quotaVersionSchema>;
export const quotaHistoryQuerySchema = z.object({ organizationId: z.string().max(40), year });
export const quotaHistorySchema = z.object({
  organizationId: z.string(),
  year: z.number(),
  versions: z.array(quotaVersionSchema),
});
export const staffingTableSchema = z.object({
  year: z.number(),
  /** the day the table is read as of, when asked for one (else the figures of the year as they stand now) */
  asOf: isoDateSchema.nullable(),
  rows: z.array(staffingRowSchema),
  /** Kết luận 40 verdicts for the root of the table (per category) and over-quota units */
  verdicts: z.array(ruleVerdictSchema),
  policy: z.object({ id: z.string(), citation: z.string() }),
});
export type StaffingTable = z.infer<typeof staffingTableSchema>;

export const jobPositionSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  category: jobPositionCategorySchema,
  requiredRank: z.string(),
  count: z.number(),
  assigned: z.number(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
});
export type JobPosition = z.infer<typeof jobPositionSchema>;
export const jobPositionListSchema = z.object({ items: z.array(jobPositionSchema) });
export const jobPositionListQuerySchema = z.object({ organizationId: z.string().max(40), asOf: isoDateSchema.optional() });

export const createJobPositionBodySchema = z.strictObject({
  organizationId: z.string().max(40),
  name: z.string().trim().min(1).max(300),
  category: jobPositionCategorySchema,
  requiredRank: z.string().trim().min(1).max(40),
  count: z.number().int().min(1).max(1000),
  validFrom: isoDateSchema,
});
export type CreateJobPositionBody = z.infer<typeof createJobPositionBodySchema>;

export const updateJobPositionBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(300).optional(),
    category: jobPositionCategorySchema.optional(),
    requiredRank: z.string().trim().min(1).max(40).optional(),
    count: z.number().int().min(1).max(1000).optional(),
    /** the first day of the new head count (default today); the earlier counts stay in the job position's history */
    from: isoDateSchema.optional(),
    decisionRef: z.string().trim().max(100).optional(),
  })
  .refine((b) => [b.name, b.category, b.requiredRank, b.count].some((v) => v !== undefined), {
    message: 'Không có gì để thay đổi / nothing to change',
    path: ['name'],
  });
export type UpdateJobPositionBody = z.infer<typeof updateJobPositionBodySchema>;

/** One head count of a job position over [validFrom, validTo). */
export const jobPositionVersionSchema = z.object({
  count: z.number(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  decisionRef: z.string().nullable(),
  /** set by a restructuring event */
  byEvent: z.boolean(),
});
export type JobPositionVersion = z.infer<typeof jobPositionVersionSchema>;
export const jobPositionHistorySchema = z.object({
  jobPositionId: z.string(),
  name: z.string(),
  versions: z.array(jobPositionVersionSchema),
});
export type JobPositionHistory = z.infer<typeof jobPositionHistorySchema>;

export const assignJobPositionBodySchema = z.strictObject({
  personId: ulidSchema,
  personName: z.string().trim().min(1).max(300),
  from: isoDateSchema,
});
export type AssignJobPositionBody = z.infer<typeof assignJobPositionBodySchema>;
export const jobAssignmentSchema = z.object({
  id: z.string(),
  jobPositionId: z.string(),
  personId: z.string(),
  personName: z.string(),
  from: isoDateSchema,
  to: isoDateSchema.nullable(),
});
export type JobAssignment = z.infer<typeof jobAssignmentSchema>;
export const jobAssignmentListSchema = z.object({ items: z.array(jobAssignmentSchema) });
/** Ends an assignment: `to` is the first day the person no longer holds the job position. */
export const endAssignmentBodySchema = z.strictObject({ to: isoDateSchema });
export { ruleVerdictSchema };
