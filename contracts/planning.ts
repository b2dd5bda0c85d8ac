import { z } from 'zod';
import { isoDateSchema } from './common';
import { trackSchema, verdictSchema } from './policy';

// Cadre planning (quy hoạch): cycles, plans per seat or committee, candidates, exceptions, live verdicts.

export const PLANNING_LEVELS = ['strategic', 'provincial', 'commune', 'agency'] as const;
export const planningLevelSchema = z.enum(PLANNING_LEVELS);
export type PlanningLevel = z.infer<typeof planningLevelSchema>;
export const PLANNING_LEVEL_LABELS: Record<PlanningLevel, { vi: string; en: string }> = {
  strategic: { vi: 'Cấp chiến lược (Trung ương)', en: 'Strategic (central)' },
  provincial: { vi: 'Cấp tỉnh', en: 'Provincial' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
  agency: { vi: 'Cơ quan, đơn vị', en: 'Agency or unit' },
};

/** draft → in rounds → submitted → approved → reviewed (yearly), one step at a time. */
export const CYCLE_STATUSES = ['draft', 'in_rounds', 'submitted', 'approved', 'reviewed'] as const;
export const cycleStatusSchema = z.enum(CYCLE_STATUSES);
export type CycleStatus = z.infer<typeof cycleStatusSchema>;
export const CYCLE_STATUS_LABELS: Record<CycleStatus, { vi: string; en: string }> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  in_rounds: { vi: 'Đang lấy ý kiến giới thiệu', en: 'In recommendation rounds' },
  submitted: { vi: 'Đã trình', en: 'Submitted' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  reviewed: { vi: 'Đã rà soát hằng năm', en: 'Reviewed' },
};

export const PLAN_KINDS = ['seat', 'committee'] as const;
export const planKindSchema = z.enum(PLAN_KINDS);
export type PlanKind = z.infer<typeof planKindSchema>;

export const COMMITTEE_KINDS = ['executive', 'standing', 'inspection'] as const;
export const committeeKindSchema = z.enum(COMMITTEE_KINDS);
export type CommitteeKind = z.infer<typeof committeeKindSchema>;
export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, { vi: string; en: string }> = {
  executive: { vi: 'Ban Chấp hành', en: 'Executive committee' },
  standing: { vi: 'Ban Thường vụ', en: 'Standing committee' },
  inspection: { vi: 'Ủy ban Kiểm tra', en: 'Inspection committee' },
};

export const READINESS = ['now', 'one_two_years', 'three_five_years'] as const;
export const readinessSchema = z.enum(READINESS);
export type Readiness = z.infer<typeof readinessSchema>;
export const READINESS_LABELS: Record<Readiness, { vi: string; en: string }> = {
  now: { vi: 'Sẵn sàng ngay', en: 'Ready now' },
  one_two_years: { vi: '1–2 năm', en: '1–2 years' },
  three_five_years: { vi: '3–5 năm', en: '3–5 years' },
};

/** How far below the target title the candidate stands in the catalog (the subject group of the age rule). */
export const SUBJECT_GROUPS = ['one_below', 'two_below', 'not_lower', 'no_title'] as const;
export type SubjectGroup = (typeof SUBJECT_GROUPS)[number];
export const SUBJECT_GROUP_LABELS: Record<SubjectGroup, { vi: string; en: string }> = {
  one_below: { vi: 'Thấp hơn một cấp', en: 'One level below' },
  two_below: { vi: 'Thấp hơn hai cấp trở lên', en: 'Two or more levels below' },
  not_lower: { vi: 'Không thấp hơn chức danh quy hoạch', en: 'Not below the planned title' },
  no_title: { vi: 'Chưa giữ chức danh trong danh mục', en: 'Holds no catalog title' },
};

export const PLANNING_LIMITS = { nameMax: 300, notesMax: 2000, candidatesMax: 60, finderMax: 200 } as const;

const text = (max: number) => z.string().trim().max(max);

export const createCycleBodySchema = z.strictObject({
  organizationId: z.string().max(40),
  name: text(PLANNING_LIMITS.nameMax).min(3),
  termFrom: z.number().int().min(2000).max(2100),
  termTo: z.number().int().min(2000).max(2100),
  level: planningLevelSchema,
  track: trackSchema.default('party'),
  approvingAuthority: text(PLANNING_LIMITS.nameMax).min(2),
  /** The date whose rule pack judges the plan (normally the day it is built). */
  policyDate: isoDateSchema,
  /** An HD 45 reference-date key from the pack in force; without one, referenceDate is required. */
  referenceKey: z.string().max(60).nullable().default(null),
  referenceDate: isoDateSchema.nullable().default(null),
});
export type CreateCycleBody = z.input<typeof createCycleBodySchema>;

export const cycleSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  name: z.string(),
  termFrom: z.number(),
  termTo: z.number(),
  level: planningLevelSchema,
  track: trackSchema,
  approvingAuthority: z.string(),
  policyDate: isoDateSchema,
  referenceKey: z.string().nullable(),
  referenceDate: isoDateSchema,
  status: cycleStatusSchema,
  planCount: z.number(),
  candidateCount: z.number(),
  createdAt: z.string(),
});
export type Cycle = z.infer<typeof cycleSchema>;
export const cycleListSchema = z.object({ items: z.array(cycleSchema) });

export const createPlanBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('seat'), positionId: z.string().max(40) }),
  z.strictObject({
    kind: z.literal('committee'),
    organizationId: z.string().max(40),
    committeeKind: committeeKindSchema,
    statutorySize: z.number().int().min(1).max(500),
  }),
]);
export type CreatePlanBody = z.input<typeof createPlanBodySchema>;

export const addCandidateBodySchema = z.strictObject({
  personId: z.string().max(40),
  /** Target title (catalog id); a seat plan defaults to the seat's title. */
  targetTitleId: z.string().max(80).optional(),
  readiness: readinessSchema.default('three_five_years'),
  rank: z.number().int().min(1).max(99).optional(),
  emergency: z.boolean().default(false),
  /** Also being proposed for appointment or nomination to this title right now. */
  proposedForAppointment: z.boolean().default(false),
  notes: text(PLANNING_LIMITS.notesMax).nullable().default(null),
  /** The day the person entered the plan, for a plan recorded after the fact; default today (not before the policy date). */
  addedOn: isoDateSchema.optional(),
});
export type AddCandidateBody = z.input<typeof addCandidateBodySchema>;

export const updateCandidateBodySchema = z.strictObject({
  readiness: readinessSchema.optional(),
  rank: z.number().int().min(1).max(99).optional(),
  emergency: z.boolean().optional(),
  proposedForAppointment: z.boolean().optional(),
  notes: text(PLANNING_LIMITS.notesMax).nullable().optional(),
});

export const removeCandidateBodySchema = z.strictObject({
  reason: text(PLANNING_LIMITS.notesMax).min(3),
  /** The day the person left the plan (default today; not before the day they entered it). */
  removedOn: isoDateSchema.optional(),
});

/** An exception to a blocking rule, decided by the competent level: lets the plan be submitted. */
export const recordExceptionBodySchema = z.strictObject({
  /** The plan it covers; null for a rule over the whole cycle (titles per person, structure). */
  planId: z.string().max(40).nullable().default(null),
  ruleId: z.string().max(80),
  /** The candidate it covers; null for a plan-wide rule (size, structure). */
  personId: z.string().max(40).nullable().default(null),
  decisionRef: text(PLANNING_LIMITS.nameMax).min(2),
  decidedBy: text(PLANNING_LIMITS.nameMax).min(2),
  decidedOn: isoDateSchema,
  reason: text(PLANNING_LIMITS.notesMax).min(3),
});
export type RecordExceptionBody = z.input<typeof recordExceptionBodySchema>;

export const changeStatusBodySchema = z.strictObject({ status: cycleStatusSchema });

export const exceptionSchema = z.object({
  id: z.string(),
  planId: z.string().nullable(),
  ruleId: z.string(),
  personId: z.string().nullable(),
  decisionRef: z.string(),
  decidedBy: z.string(),
  decidedOn: isoDateSchema,
  reason: z.string(),
});
export type PlanException = z.infer<typeof exceptionSchema>;

/** A verdict in a plan: whom it concerns, whether it blocks submission and whether an exception covers it. */
export const planVerdictSchema = verdictSchema.extend({
  planId: z.string().nullable(),
  personId: z.string().nullable(),
  blocking: z.boolean(),
  exceptionId: z.string().nullable(),
});
export type PlanVerdict = z.infer<typeof planVerdictSchema>;

export const candidateSchema = z.object({
  id: z.string(),
  planId: z.string(),
  personId: z.string(),
  fullName: z.string(),
  sex: z.enum(['M', 'F']),
  birthDate: z.string(),
  ethnicity: z.string(),
  organizationName: z.string(),
  currentTitle: z.string().nullable(),
  targetTitleId: z.string(),
  targetTitleName: z.string(),
  subjectGroup: z.enum(SUBJECT_GROUPS),
  readiness: readinessSchema,
  rank: z.number(),
  emergency: z.boolean(),
  proposedForAppointment: z.boolean(),
  notes: z.string().nullable(),
  addedOn: isoDateSchema,
  retirementDate: isoDateSchema,
  /**
   * The checks this person does not pass (failed, or warnings). In a cycle's answer the passed ones are only counted
   * (`passedCount`); `GET /api/planning/plans/:id` lists them too, for one plan.
   */
  verdicts: z.array(planVerdictSchema),
  passedCount: z.number().int(),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const structureSchema = z.object({
  total: z.number(),
  young: z.number(),
  women: z.number(),
  ethnicMinority: z.number(),
  /** Under the age in planning.young-age at the reference date; null when no rule gives one. */
  youngUnderYears: z.number().nullable(),
});
export type Structure = z.infer<typeof structureSchema>;

export const planSchema = z.object({
  id: z.string(),
  cycleId: z.string(),
  kind: planKindSchema,
  organizationId: z.string(),
  organizationName: z.string(),
  positionId: z.string().nullable(),
  titleId: z.string().nullable(),
  titleName: z.string().nullable(),
  committeeKind: committeeKindSchema.nullable(),
  statutorySize: z.number().nullable(),
  incumbents: z.array(z.object({ personId: z.string(), fullName: z.string(), termEnd: z.string().nullable() })),
  candidates: z.array(candidateSchema),
  verdicts: z.array(planVerdictSchema),
  exceptions: z.array(exceptionSchema),
  structure: structureSchema,
  blockingCount: z.number(),
});
export type Plan = z.infer<typeof planSchema>;

export const cycleDetailSchema = cycleSchema.extend({
  plans: z.array(planSchema),
  structure: structureSchema,
  /** Verdicts of rules over the whole cycle (titles per person, structural shares). */
  verdicts: z.array(planVerdictSchema),
  blockingCount: z.number(),
  referenceLabel: z.string().nullable(),
});
export type CycleDetail = z.infer<typeof cycleDetailSchema>;

/** Low / medium / high on each axis of the 9-box (performance × potential). */
export const GRID_LEVELS = ['low', 'medium', 'high'] as const;
export const gridLevelSchema = z.enum(GRID_LEVELS);
export type GridLevel = z.infer<typeof gridLevelSchema>;
export const GRID_LEVEL_LABELS: Record<GridLevel, { vi: string; en: string }> = {
  low: { vi: 'Thấp', en: 'Low' },
  medium: { vi: 'Trung bình', en: 'Medium' },
  high: { vi: 'Cao', en: 'High' },
};

/**
 * How the finder ranks after closeness to the title (one level below, then two, then farther): overall fit
 * (default: eligible, performance, standards met, time left), performance, potential, the youngest or the most months left.
 */
export const FINDER_SORTS = ['fit', 'performance', 'potential', 'youngest', 'months_left'] as const;
export const FINDER_SORT_LABELS: Record<(typeof FINDER_SORTS)[number], { vi: string; en: string }> = {
  fit: { vi: 'Phù hợp nhất', en: 'Best fit' },
  performance: { vi: 'Kết quả đánh giá', en: 'Performance' },
  potential: { vi: 'Triển vọng', en: 'Potential' },
  youngest: { vi: 'Trẻ nhất', en: 'Youngest' },
  months_left: { vi: 'Thời gian công tác còn lại', en: 'Months left' },
};

export const finderQuerySchema = z.object({
  /** Target title; defaults to the plan's. */
  titleId: z.string().max(80).optional(),
  women: z.enum(['1']).optional(),
  young: z.enum(['1']).optional(),
  ethnicMinority: z.enum(['1']).optional(),
  /** Instead of the eligible, list the people lacking exactly one requirement, with what they lack. */
  oneShort: z.enum(['1']).optional(),
  q: z.string().max(100).optional(),
  sort: z.enum(FINDER_SORTS).default('fit'),
  /** Only one cell of the 9-box, as "performance:potential" (e.g. "high:high"; "none:…" for people without ratings). */
  box: z
    .string()
    .regex(/^(none|low|medium|high):(low|medium|high)$/)
    .optional(),
});
export type FinderQuery = z.infer<typeof finderQuerySchema>;

/** The criteria the finder ranks by, applied in this order (the user's pick comes right after closeness). */
export const FINDER_CRITERIA = ['closeness', 'sort', 'eligibility', 'performance', 'standards', 'time'] as const;
export const finderReasonSchema = z.object({
  criterion: z.enum(FINDER_CRITERIA),
  text: z.object({ vi: z.string(), en: z.string() }),
  ruleId: z.string().nullable(),
});
export type FinderReason = z.infer<typeof finderReasonSchema>;

export const finderItemSchema = z.object({
  personId: z.string(),
  fullName: z.string(),
  sex: z.enum(['M', 'F']),
  birthDate: z.string(),
  ethnicity: z.string(),
  organizationName: z.string(),
  currentTitle: z.string().nullable(),
  subjectGroup: z.enum(SUBJECT_GROUPS),
  eligible: z.boolean(),
  retirementDate: isoDateSchema,
  monthsLeft: z.number(),
  /** The failed requirements (one entry for "one requirement short"). */
  missing: z.array(verdictSchema),
  /** Warnings of the engine plus the training gaps below (the fit order prefers fewer). */
  warnings: z.number(),
  /**
   * The title's foreign-language and IT standards the record does not show as met (a training need): warnings with
   * their citation, never a reason to leave the person out; an unconfirmed standard says so.
   */
  trainingGaps: z.array(verdictSchema),
  /** Ratings of the last three years (evaluation history), newest first. */
  ratings: z.array(z.object({ year: z.number(), level: z.enum(['excellent', 'good', 'complete', 'not_complete']) })),
  /** null: no rating on file in the last three years. */
  performance: gridLevelSchema.nullable(),
  potential: gridLevelSchema,
  /** Catalog levels between the title held and the target (null: no catalog title held). */
  levelsBelow: z.number().nullable(),
  /** 1-based place in the ranking. */
  position: z.number(),
  /** Why the person is at that place: each criterion of the ranking in the order it is applied, with its rule. */
  why: z.array(finderReasonSchema),
});
export type FinderItem = z.infer<typeof finderItemSchema>;
export const finderResultSchema = z.object({
  items: z.array(finderItemSchema),
  scanned: z.number(),
  /** People per cell of the 9-box before the box filter, keyed "performance:potential" ("none:…" without ratings). */
  grid: z.record(z.string(), z.number()),
});
