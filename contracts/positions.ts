import { z } from 'zod';
import { isoDateSchema, ulidSchema } from './common';

/** Post categories the Anti-Corruption Law 2018 art. 20 restricts for relatives of a unit's head or deputies. */
export const POST_CATEGORIES = ['personnel', 'accounting', 'cashier', 'storekeeper', 'procurement'] as const;
export const postCategorySchema = z.enum(POST_CATEGORIES);
export type PostCategory = z.infer<typeof postCategorySchema>;
export const POST_CATEGORY_LABELS: Record<PostCategory, { vi: string; en: string }> = {
  personnel: { vi: 'Tổ chức nhân sự', en: 'Personnel' },
  accounting: { vi: 'Kế toán', en: 'Accounting' },
  cashier: { vi: 'Thủ quỹ', en: 'Cashier' },
  storekeeper: { vi: 'Thủ kho', en: 'Storekeeper' },
  procurement: { vi: 'Mua sắm', en: 'Procurement' },
};

/** How a person came to sit in a seat. */
export const INCUMBENCY_KINDS = ['appointed', 'elected', 'acting', 'concurrent'] as const;
export const incumbencyKindSchema = z.enum(INCUMBENCY_KINDS);
export type IncumbencyKind = z.infer<typeof incumbencyKindSchema>;

export const INCUMBENCY_KIND_LABELS: Record<IncumbencyKind, { vi: string; en: string }> = {
  appointed: { vi: 'Bổ nhiệm', en: 'Appointed' },
  elected: { vi: 'Bầu cử', en: 'Elected' },
  acting: { vi: 'Phụ trách / quyền', en: 'Acting' },
  concurrent: { vi: 'Kiêm nhiệm', en: 'Concurrent' },
};

/** Every rule verdict carries its rule id and citation (conventions.md); `subjectId` names the seat or unit. */
export const ruleVerdictSchema = z.object({
  ruleId: z.string(),
  citation: z.string(),
  passed: z.boolean(),
  subjectId: z.string(),
  detail: z.string(),
  detailEn: z.string(),
});
export type RuleVerdict = z.infer<typeof ruleVerdictSchema>;

export const POSITION_LIMITS = { seatCountMax: 50, termYearsMax: 10, withinMonthsMax: 120 } as const;

/** One incumbency: a person in a seat from a date to a date (open while `to` is null). */
export const incumbentSchema = z.object({
  id: z.string(),
  positionId: z.string(),
  /** the person's ULID (persons table: issue 4) */
  personId: z.string(),
  /** the name as written on the appointment/election decision */
  personName: z.string(),
  how: incumbencyKindSchema,
  from: isoDateSchema,
  to: isoDateSchema.nullable(),
  termEnd: isoDateSchema.nullable(),
  decisionRef: z.string().nullable(),
});
export type Incumbent = z.infer<typeof incumbentSchema>;

/** A seat: organization × title, with how many people it holds and its term. */
export const positionSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  titleId: z.string(),
  titleName: z.string(),
  seatCount: z.number(),
  termYears: z.number().nullable(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  /** incumbents on the as-of date of the request */
  incumbents: z.array(incumbentSchema),
  vacant: z.number(),
});
export type Position = z.infer<typeof positionSchema>;

export const positionListQuerySchema = z.object({
  organizationId: z.string().max(40).optional(),
  /** include every seat in the organization's subtree, not only its own */
  subtree: z.enum(['0', '1']).optional(),
  asOf: isoDateSchema.optional(),
  /** only seats with fewer incumbents than seats */
  vacant: z.enum(['0', '1']).optional(),
  /** only seats with an incumbent whose term ends within this many months of asOf */
  termEndsWithinMonths: z.coerce.number().int().min(1).max(POSITION_LIMITS.withinMonthsMax).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PositionListQuery = z.infer<typeof positionListQuerySchema>;
export const positionListSchema = z.object({
  items: z.array(positionSchema),
  total: z.number(),
  /** seats with more people than places, deputies above the catalog's cap */
  problems: z.array(ruleVerdictSchema),
});

export const createPositionBodySchema = z.strictObject({
  organizationId: z.string().max(40),
  titleId: z.string().max(80),
  seatCount: z.number().int().min(1).max(POSITION_LIMITS.seatCountMax),
  termYears: z.number().int().min(1).max(POSITION_LIMITS.termYearsMax).optional(),
  validFrom: isoDateSchema,
  /** a sensitive post category of this seat (art. 20), when the title does not already say it */
  postCategory: postCategorySchema.optional(),
});
export type CreatePositionBody = z.infer<typeof createPositionBodySchema>;

export const addIncumbentBodySchema = z.strictObject({
  personId: ulidSchema,
  personName: z.string().trim().min(1).max(300),
  how: incumbencyKindSchema,
  from: isoDateSchema,
  termEnd: isoDateSchema.optional(),
  decisionRef: z.string().trim().max(100).optional(),
});
export type AddIncumbentBody = z.infer<typeof addIncumbentBodySchema>;

export const endIncumbentBodySchema = z.strictObject({ to: isoDateSchema });

/** Changes a seat's number of places or term length from a date on; the seat keeps its earlier figures as history. */
export const updatePositionBodySchema = z
  .strictObject({
    seatCount: z.number().int().min(1).max(POSITION_LIMITS.seatCountMax).optional(),
    termYears: z.number().int().min(1).max(POSITION_LIMITS.termYearsMax).nullable().optional(),
    /** the first day of the new figures (default today); the earlier figures stay in the seat's history */
    from: isoDateSchema.optional(),
    decisionRef: z.string().trim().max(100).optional(),
  })
  .refine((b) => b.seatCount !== undefined || b.termYears !== undefined, {
    message: 'Không có gì để thay đổi / nothing to change',
    path: ['seatCount'],
  });
export type UpdatePositionBody = z.infer<typeof updatePositionBodySchema>;

/** Closes a seat or a job position: `validTo` is the first day it no longer exists. */
export const closeBodySchema = z.strictObject({ validTo: isoDateSchema });
export type CloseBody = z.infer<typeof closeBodySchema>;

/** A seat's places and term over a period [validFrom, validTo). */
export const positionVersionSchema = z.object({
  id: z.string(),
  seatCount: z.number(),
  termYears: z.number().nullable(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  decisionRef: z.string().nullable(),
});
export type PositionVersion = z.infer<typeof positionVersionSchema>;

/** A seat's whole history: its figures over time and everyone who held it. */
export const positionHistorySchema = z.object({
  positionId: z.string(),
  titleName: z.string(),
  organizationName: z.string(),
  versions: z.array(positionVersionSchema),
  incumbents: z.array(incumbentSchema),
});
export type PositionHistory = z.infer<typeof positionHistorySchema>;
