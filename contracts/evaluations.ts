import { z } from 'zod';
import { LIMITS, isoDateSchema, pageQuerySchema } from './common';

const bilingualSchema = z.object({ vi: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof bilingualSchema>;

/** Annual, quarterly, term and ad hoc evaluation cycles (366-QĐ/TW; 124-QĐ/TW before 30/08/2025). */
export const CYCLE_KINDS = ['annual', 'quarterly', 'term', 'ad_hoc'] as const;
export const cycleKindSchema = z.enum(CYCLE_KINDS);
export type CycleKind = z.infer<typeof cycleKindSchema>;
export const CYCLE_KIND_LABELS: Record<CycleKind, Bilingual> = {
  annual: { vi: 'Hằng năm', en: 'Annual' },
  quarterly: { vi: 'Hằng quý', en: 'Quarterly' },
  term: { vi: 'Cuối nhiệm kỳ', en: 'End of term' },
  ad_hoc: { vi: 'Đột xuất', en: 'Ad hoc' },
};

/** Party track (366-QĐ/TW) or state track (civil servants, Nghị định 335/2025). */
export const TRACKS = ['party', 'state'] as const;
export const trackSchema = z.enum(TRACKS);
export type Track = z.infer<typeof trackSchema>;
export const TRACK_LABELS: Record<Track, Bilingual> = {
  party: { vi: 'Khối Đảng (quy định của Đảng)', en: 'Party track' },
  state: { vi: 'Công chức (Nghị định 335/2025)', en: 'Civil servants (Decree 335/2025)' },
};

/** Subject groups: each has its own general criteria and veto list in the policy. */
export const SUBJECT_GROUPS = ['leader_central', 'leader_other', 'non_leader', 'outside'] as const;
export const subjectGroupSchema = z.enum(SUBJECT_GROUPS);
export type SubjectGroup = z.infer<typeof subjectGroupSchema>;
export const SUBJECT_GROUP_LABELS: Record<SubjectGroup, Bilingual> = {
  leader_central: {
    vi: 'Lãnh đạo thuộc diện Bộ Chính trị, Ban Bí thư quản lý',
    en: 'Leaders managed by the Politburo/Secretariat',
  },
  leader_other: { vi: 'Cán bộ lãnh đạo, quản lý khác', en: 'Other leaders and managers' },
  non_leader: { vi: 'Cán bộ, công chức không giữ chức vụ lãnh đạo', en: 'Staff without a leadership post' },
  outside: { vi: 'Đảng viên ngoài hệ thống chính trị', en: 'Members outside the political system' },
};
export const isLeaderGroup = (g: SubjectGroup): boolean => g === 'leader_central' || g === 'leader_other';

export const RATING_LEVELS = ['excellent', 'good', 'complete', 'not_complete'] as const;
export const ratingLevelSchema = z.enum(RATING_LEVELS);
export type RatingLevel = z.infer<typeof ratingLevelSchema>;
export const RATING_LABELS: Record<RatingLevel, Bilingual & { short: string }> = {
  excellent: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent', short: 'HTXSNV' },
  good: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good', short: 'HTTNV' },
  complete: { vi: 'Hoàn thành nhiệm vụ', en: 'Complete', short: 'HTNV' },
  not_complete: { vi: 'Không hoàn thành nhiệm vụ', en: 'Not complete', short: 'KHTNV' },
};
/** Higher is better; used to forbid a decision above what the points and vetoes allow. */
export const RATING_RANK: Record<RatingLevel, number> = { excellent: 3, good: 2, complete: 1, not_complete: 0 };

/** self-assessment → appraisal by the organization body → decision by the competent level. */
export const EVALUATION_STATUSES = ['self_assessment', 'appraisal', 'decision', 'decided'] as const;
export const evaluationStatusSchema = z.enum(EVALUATION_STATUSES);
export type EvaluationStatus = z.infer<typeof evaluationStatusSchema>;
export const EVALUATION_STATUS_LABELS: Record<EvaluationStatus, Bilingual> = {
  self_assessment: { vi: 'Chờ tự đánh giá', en: 'Awaiting self-assessment' },
  appraisal: { vi: 'Chờ thẩm định', en: 'Awaiting appraisal' },
  decision: { vi: 'Chờ cấp có thẩm quyền quyết định', en: 'Awaiting decision' },
  decided: { vi: 'Đã quyết định xếp loại', en: 'Decided' },
};

export const STEP_KINDS = ['self_assessment', 'appraisal', 'decision', 'complaint'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const STEP_LABELS: Record<StepKind, Bilingual> = {
  self_assessment: { vi: 'Tự đánh giá', en: 'Self-assessment' },
  appraisal: { vi: 'Thẩm định', en: 'Appraisal' },
  decision: { vi: 'Quyết định xếp loại', en: 'Decision' },
  complaint: { vi: 'Khiếu nại (mở lại thẩm định)', en: 'Complaint (appraisal reopened)' },
};

/** Discipline in the evaluated year; anything from khiển trách up is a veto. */
export const DISCIPLINE_LEVELS = ['none', 'khien_trach', 'canh_cao', 'cach_chuc', 'khai_tru'] as const;
export const disciplineLevelSchema = z.enum(DISCIPLINE_LEVELS);
export type DisciplineLevel = z.infer<typeof disciplineLevelSchema>;
export const DISCIPLINE_LABELS: Record<DisciplineLevel, Bilingual> = {
  none: { vi: 'Không', en: 'None' },
  khien_trach: { vi: 'Khiển trách', en: 'Reprimand' },
  canh_cao: { vi: 'Cảnh cáo', en: 'Warning' },
  cach_chuc: { vi: 'Cách chức', en: 'Removal from post' },
  khai_tru: { vi: 'Khai trừ', en: 'Expulsion' },
};

export const TASK_OUTCOMES = ['pending', 'done', 'exceeded', 'failed'] as const;
export const taskOutcomeSchema = z.enum(TASK_OUTCOMES);
export type TaskOutcome = z.infer<typeof taskOutcomeSchema>;
export const TASK_OUTCOME_LABELS: Record<TaskOutcome, Bilingual> = {
  pending: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  exceeded: { vi: 'Vượt mức', en: 'Exceeded' },
  failed: { vi: 'Không hoàn thành', en: 'Failed' },
};

export const citationSchema = z.object({
  document: z.string(),
  date: isoDateSchema.nullable(),
  article: z.string().nullable(),
  text: z.string(),
});
/** The verdict shape the policy engine uses: every rule outcome names its rule and citation. */
export const verdictSchema = z.object({
  ruleId: z.string(),
  citation: citationSchema,
  status: z.enum(['passed', 'warning', 'failed']),
  detail: bilingualSchema,
  inputs: z.record(z.string(), z.unknown()),
  ruleUnconfirmed: z.boolean(),
});
export type EvaluationVerdict = z.infer<typeof verdictSchema>;

const points = z.number().min(0).max(100).multipleOf(0.1);

/** Facts the officer records for the vetoes; low votes cite the confidence-vote session they come from. */
export const evaluationFactsSchema = z.strictObject({
  discipline: disciplineLevelSchema.default('none'),
  degradation: z.boolean().default(false),
  /** Share of the unit's annual plan achieved, percent (leaders). */
  unitPlanPercent: z.number().min(0).max(1000).nullable().default(null),
  unitMissedBasicTargets: z.boolean().default(false),
  unitsLed: z
    .strictObject({ total: z.number().int().min(0), notComplete: z.number().int().min(0) })
    .nullable()
    .default(null),
  /** Read from the year's published confidence vote (never typed in); null when there was none. */
  lowVotes: z
    .strictObject({
      low: z.number().int().min(0),
      ballots: z.number().int().min(1),
      sessionRef: z.string().trim().min(1).max(200),
      sessionId: z.string().nullable().default(null),
      voteDate: isoDateSchema.nullable().default(null),
    })
    .nullable()
    .default(null),
  corruptionInManagedUnit: z.boolean().default(false),
  shortcomingsFixed: z.boolean().default(true),
});
export type EvaluationFacts = z.infer<typeof evaluationFactsSchema>;

export const criterionSchema = z.object({ key: z.string(), label: bilingualSchema, max: z.number() });
export type Criterion = z.infer<typeof criterionSchema>;

export const scoreSchema = z.strictObject({
  general: z.record(z.string().max(60), points),
  results: points,
});
export type Score = z.infer<typeof scoreSchema>;

export const taskSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueOn: isoDateSchema,
  doneOn: isoDateSchema.nullable(),
  outcome: taskOutcomeSchema,
});
export type EvaluationTask = z.infer<typeof taskSchema>;

export const taskSharesSchema = z.object({
  total: z.number(),
  onTime: z.number(),
  exceeding: z.number(),
  behind: z.number(),
  failed: z.number(),
  onTimePercent: z.number(),
  exceedingPercent: z.number(),
  behindPercent: z.number(),
  failedPercent: z.number(),
});
export type TaskShares = z.infer<typeof taskSharesSchema>;

export const stepSchema = z.object({
  kind: z.enum(STEP_KINDS),
  actorName: z.string().nullable(),
  at: z.string(),
  comment: z.string().nullable(),
  points: z.number().nullable(),
  level: ratingLevelSchema.nullable(),
});

export const cycleSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  kind: cycleKindSchema,
  track: trackSchema,
  year: z.number(),
  quarter: z.number().nullable(),
  title: z.string(),
  policyDate: isoDateSchema,
  policyDocument: z.string(),
  closed: z.boolean(),
  counts: z.record(z.string(), z.number()),
});
export type Cycle = z.infer<typeof cycleSchema>;

export const groupSchema = z.object({
  id: z.string(),
  cycleId: z.string(),
  name: z.string(),
  definition: z.string(),
  outstandingUnit: z.boolean(),
  memberCount: z.number(),
});
export type QuotaGroup = z.infer<typeof groupSchema>;

export const evaluationSummarySchema = z.object({
  id: z.string(),
  cycleId: z.string(),
  groupId: z.string().nullable(),
  personId: z.string(),
  personName: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  subjectGroup: subjectGroupSchema,
  status: evaluationStatusSchema,
  selfPoints: z.number().nullable(),
  appraisalPoints: z.number().nullable(),
  proposedLevel: ratingLevelSchema.nullable(),
  decidedLevel: ratingLevelSchema.nullable(),
});
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

export const evaluationSchema = evaluationSummarySchema.extend({
  cycle: cycleSchema,
  criteria: z.array(criterionSchema),
  resultsMax: z.number(),
  selfScore: scoreSchema.nullable(),
  appraisalScore: scoreSchema.nullable(),
  facts: evaluationFactsSchema,
  tasks: z.array(taskSchema),
  shares: taskSharesSchema,
  verdicts: z.array(verdictSchema),
  steps: z.array(stepSchema),
  /** the reader is the evaluated person (self-service) */
  own: z.boolean(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const createCycleBodySchema = z.strictObject({
  organizationId: z.string(),
  kind: cycleKindSchema,
  track: trackSchema,
  year: z.number().int().min(2023).max(2100),
  quarter: z.number().int().min(1).max(4).optional(),
  title: z.string().trim().min(1).max(LIMITS.nameMax),
});
export type CreateCycleBody = z.infer<typeof createCycleBodySchema>;

export const createGroupBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** Which roles are "similar" and so compared under one quota, in words the auditor can read. */
  definition: z.string().trim().min(1).max(2000),
  outstandingUnit: z.boolean().default(false),
});
export type CreateGroupBody = z.infer<typeof createGroupBodySchema>;

export const createEvaluationBodySchema = z.strictObject({
  personId: z.string().trim().min(1).max(40),
  /** the unit the person is rated in; the person's own unit when absent */
  organizationId: z.string().optional(),
  subjectGroup: subjectGroupSchema,
  groupId: z.string().optional(),
});
export type CreateEvaluationBody = z.infer<typeof createEvaluationBodySchema>;

export const assignGroupBodySchema = z.strictObject({ groupId: z.string().nullable() });

export const createTaskBodySchema = z.strictObject({
  title: z.string().trim().min(1).max(500),
  dueOn: isoDateSchema,
  doneOn: isoDateSchema.nullable().default(null),
  outcome: taskOutcomeSchema.default('pending'),
});
export type CreateTaskBody = z.infer<typeof createTaskBodySchema>;

export const selfAssessmentBodySchema = z.strictObject({
  score: scoreSchema,
  comment: z.string().trim().max(4000).optional(),
});
/** The facts the appraiser records; the low votes come from the vote sessions, not from the form. */
export const appraisalFactsSchema = evaluationFactsSchema.omit({ lowVotes: true });
export const appraisalBodySchema = z.strictObject({
  score: scoreSchema,
  facts: appraisalFactsSchema,
  comment: z.string().trim().max(4000).optional(),
});
export type AppraisalBody = z.infer<typeof appraisalBodySchema>;
export const complaintBodySchema = z.strictObject({ comment: z.string().trim().min(1).max(4000) });

export const decisionsBodySchema = z.strictObject({
  items: z
    .array(
      z.strictObject({ evaluationId: z.string(), level: ratingLevelSchema, comment: z.string().trim().max(2000).optional() }),
    )
    .min(1)
    .max(2000),
});
export type DecisionsBody = z.infer<typeof decisionsBodySchema>;

export const quotaMemberSchema = z.object({
  evaluationId: z.string(),
  personName: z.string(),
  points: z.number().nullable(),
  level: ratingLevelSchema.nullable(),
  decided: z.boolean(),
});
/** The group's quota picture: decided levels, else proposed ones; who would have to move to fit. */
export const quotaViewSchema = z.object({
  groupId: z.string(),
  groupName: z.string(),
  definition: z.string(),
  outstandingUnit: z.boolean(),
  percent: z.number(),
  counts: z.record(ratingLevelSchema, z.number()),
  maxExcellent: z.number(),
  withinQuota: z.boolean(),
  mustMove: z.array(quotaMemberSchema),
  members: z.array(quotaMemberSchema),
  verdict: verdictSchema,
});
export type QuotaView = z.infer<typeof quotaViewSchema>;

export const cycleListSchema = z.object({ items: z.array(cycleSchema), total: z.number() });
export const evaluationListQuerySchema = pageQuerySchema.extend({
  cycleId: z.string().optional(),
  groupId: z.string().optional(),
  status: evaluationStatusSchema.optional(),
});
export const evaluationListSchema = z.object({ items: z.array(evaluationSummarySchema), total: z.number() });

/** Ratings of the last three years, as facts for eligibility (appointment, planning). */
export const ratingHistorySchema = z.object({
  personId: z.string(),
  asOfYear: z.number(),
  years: z.array(z.object({ year: z.number(), level: ratingLevelSchema.nullable(), cycleId: z.string().nullable() })),
  allAssessed: z.boolean(),
  anyNotComplete: z.boolean(),
  suggestions: z.array(bilingualSchema),
});
export type RatingHistory = z.infer<typeof ratingHistorySchema>;

export const distributionRowSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  year: z.number(),
  counts: z.record(ratingLevelSchema, z.number()),
  total: z.number(),
  previous: z.record(ratingLevelSchema, z.number()).nullable(),
  allTop: z.boolean(),
  /** The unit's ratings over the report's years, oldest first (years with no decided rating have total 0). */
  trend: z.array(
    z.object({
      year: z.number(),
      counts: z.record(ratingLevelSchema, z.number()),
      total: z.number(),
      /** share rated excellent or good, percent with one decimal; null when nobody was rated */
      topPercent: z.number().nullable(),
      allTop: z.boolean(),
    }),
  ),
  /** change of the top share against the year before, in percentage points; null when either year is empty */
  topChange: z.number().nullable(),
});
export const distributionQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  /** units with fewer decided ratings are never flagged "all top" (too small to say anything) */
  minSize: z.coerce.number().int().min(1).max(1000).default(3),
  /** how many years the trend covers, ending with `year` */
  years: z.coerce.number().int().min(2).max(10).default(3),
});
export const distributionReportSchema = z.object({
  year: z.number(),
  years: z.array(z.number()),
  rows: z.array(distributionRowSchema),
  notComplete: z.array(
    z.object({
      evaluationId: z.string(),
      personId: z.string(),
      personName: z.string(),
      organizationName: z.string(),
      suggestion: bilingualSchema,
    }),
  ),
});
export type DistributionReport = z.infer<typeof distributionReportSchema>;
