import { z } from 'zod';
import { isoDateSchema } from './common';
import { readinessSchema } from './planning';
import { bilingualSchema, verdictSchema } from './policy';

// Cadre planning at work: recommendation rounds, the yearly review, the succession reports and the seat search.

/** The steps of building a plan, in order (377-QĐ/TW, HD 45): each one narrows who goes on. */
export const ROUND_STEPS = ['leadership_proposal', 'key_cadre_conference', 'collective', 'committee'] as const;
export const roundStepSchema = z.enum(ROUND_STEPS);
export type RoundStep = z.infer<typeof roundStepSchema>;
export const ROUND_STEP_LABELS: Record<RoundStep, { vi: string; en: string }> = {
  leadership_proposal: { vi: 'Lãnh đạo đề xuất', en: 'Leadership proposal' },
  key_cadre_conference: { vi: 'Hội nghị cán bộ chủ chốt giới thiệu', en: 'Key-cadre conference' },
  collective: { vi: 'Tập thể lãnh đạo thảo luận, giới thiệu', en: 'Leadership collective' },
  committee: { vi: 'Cấp ủy (ban thường vụ) biểu quyết', en: 'Party committee' },
};

/** paper: the counts of the minutes are typed here; vote_session: read from a closed vote session (paper or electronic). */
export const ROUND_SOURCES = ['paper', 'vote_session'] as const;
export const roundSourceSchema = z.enum(ROUND_SOURCES);
export type RoundSource = z.infer<typeof roundSourceSchema>;

export const PLANNING_WORK_LIMITS = {
  participantsMax: 2000,
  documentsMax: 20,
  summonedMax: 100_000,
  seatPageMax: 100,
  changesMax: 500,
} as const;

const documentSchema = z.strictObject({
  ref: z.string().trim().min(1).max(120),
  title: z.string().trim().min(1).max(300),
});

export const createRoundBodySchema = z.strictObject({
  step: roundStepSchema,
  heldOn: isoDateSchema,
  /** Paper minutes: typed here. A vote session gives its own numbers (those summoned, ballots collected). */
  summoned: z.number().int().min(1).max(PLANNING_WORK_LIMITS.summonedMax).optional(),
  present: z.number().int().min(0).max(PLANNING_WORK_LIMITS.summonedMax).optional(),
  participants: z.string().trim().min(3).max(PLANNING_WORK_LIMITS.participantsMax),
  documents: z.array(documentSchema).max(PLANNING_WORK_LIMITS.documentsMax).default([]),
  /** Counts from the minutes, one per person voted on (paper); omit when a vote session is given. */
  results: z
    .array(
      z.strictObject({
        personId: z.string().max(40),
        agree: z.number().int().min(0).max(PLANNING_WORK_LIMITS.summonedMax),
        disagree: z.number().int().min(0).max(PLANNING_WORK_LIMITS.summonedMax),
      }),
    )
    .max(60)
    .default([]),
  /** A published vote session of kind "planning" (agree/disagree, paper or electronic): its outcome is the count. */
  voteSessionId: z.string().max(40).nullable().default(null),
});
export type CreateRoundBody = z.input<typeof createRoundBodySchema>;

export const roundResultSchema = z.object({
  personId: z.string(),
  fullName: z.string(),
  agree: z.number(),
  disagree: z.number(),
  passed: z.boolean(),
  verdict: verdictSchema,
});
export const roundSchema = z.object({
  id: z.string(),
  planId: z.string(),
  step: roundStepSchema,
  heldOn: isoDateSchema,
  source: roundSourceSchema,
  voteSessionId: z.string().nullable(),
  summoned: z.number(),
  present: z.number(),
  participants: z.string(),
  documents: z.array(documentSchema),
  results: z.array(roundResultSchema),
});
export type Round = z.infer<typeof roundSchema>;
export const roundListSchema = z.object({ items: z.array(roundSchema) });

/** Why a planned person is suggested for removal at the yearly review. */
export const REMOVAL_TRIGGERS = [
  'disciplined',
  'over_age',
  'low_confidence',
  'not_complete',
  'moved',
  'appointed',
  'not_recommended',
] as const;
export const removalTriggerSchema = z.enum(REMOVAL_TRIGGERS);
export type RemovalTrigger = z.infer<typeof removalTriggerSchema>;
export const REMOVAL_TRIGGER_LABELS: Record<RemovalTrigger, { vi: string; en: string }> = {
  disciplined: { vi: 'Bị kỷ luật', en: 'Disciplined' },
  over_age: { vi: 'Quá tuổi quy hoạch', en: 'Over the age limit' },
  low_confidence: { vi: 'Trên 50% phiếu tín nhiệm thấp', en: 'More than 50 % low confidence' },
  not_complete: { vi: 'Không hoàn thành nhiệm vụ', en: 'Rated "not complete"' },
  moved: { vi: 'Chuyển công tác ra ngoài phạm vi', en: 'Moved away' },
  appointed: { vi: 'Đã được bổ nhiệm, bầu vào chức danh', en: 'Already appointed to the title' },
  not_recommended: { vi: 'Không đạt tỷ lệ giới thiệu', en: 'Not recommended in a round' },
};

export const suggestionSchema = z.object({
  candidateId: z.string(),
  planId: z.string(),
  personId: z.string(),
  fullName: z.string(),
  planName: z.string(),
  trigger: removalTriggerSchema,
  ruleId: z.string(),
  citation: z.string(),
  detail: bilingualSchema,
});
export type RemovalSuggestion = z.infer<typeof suggestionSchema>;

export const reviewPreviewSchema = z.object({
  year: z.number(),
  /** The review belongs to the first quarter (planning.cycle); outside it this says so. */
  inFirstQuarter: z.boolean(),
  suggestions: z.array(suggestionSchema),
  /** Planned people with no suggestion: kept unless the officer decides otherwise. */
  keep: z.array(z.object({ candidateId: z.string(), personId: z.string(), fullName: z.string(), planName: z.string() })),
});
export type ReviewPreview = z.infer<typeof reviewPreviewSchema>;

export const reviewQuerySchema = z.object({ on: isoDateSchema.optional() });

export const createReviewBodySchema = z.strictObject({
  reviewedOn: isoDateSchema,
  note: z.string().trim().max(2000).nullable().default(null),
  removals: z
    .array(z.strictObject({ candidateId: z.string().max(40), reason: z.string().trim().min(3).max(2000) }))
    .max(PLANNING_WORK_LIMITS.changesMax)
    .default([]),
  additions: z
    .array(
      z.strictObject({
        planId: z.string().max(40),
        personId: z.string().max(40),
        readiness: readinessSchema.default('three_five_years'),
        reason: z.string().trim().min(3).max(2000),
      }),
    )
    .max(PLANNING_WORK_LIMITS.changesMax)
    .default([]),
});
export type CreateReviewBody = z.input<typeof createReviewBodySchema>;

export const REVIEW_CHANGES = ['keep', 'add', 'remove'] as const;
export const reviewEntrySchema = z.object({
  planId: z.string(),
  planName: z.string(),
  personId: z.string(),
  fullName: z.string(),
  readiness: readinessSchema,
});
export type ReviewEntry = z.infer<typeof reviewEntrySchema>;
export const reviewChangeSchema = reviewEntrySchema.extend({
  change: z.enum(REVIEW_CHANGES),
  reason: z.string().nullable(),
  /** The automatic suggestions that stood for this person when the review was saved. */
  suggested: z.array(removalTriggerSchema),
});
export type ReviewChange = z.infer<typeof reviewChangeSchema>;
export const reviewSchema = z.object({
  id: z.string(),
  cycleId: z.string(),
  year: z.number(),
  reviewedOn: isoDateSchema,
  note: z.string().nullable(),
  before: z.array(reviewEntrySchema),
  after: z.array(reviewEntrySchema),
  changes: z.array(reviewChangeSchema),
  counts: z.object({ kept: z.number(), added: z.number(), removed: z.number() }),
  createdAt: z.string(),
});
export type Review = z.infer<typeof reviewSchema>;
export const reviewListSchema = z.object({ items: z.array(reviewSchema) });

export const successorSchema = z.object({
  rank: z.number(),
  personId: z.string(),
  fullName: z.string(),
  currentTitle: z.string().nullable(),
  readiness: readinessSchema,
  emergency: z.boolean(),
  retirementDate: isoDateSchema,
  blocking: z.boolean(),
});
export const successionSeatSchema = z.object({
  planId: z.string(),
  titleName: z.string(),
  organizationName: z.string(),
  incumbents: z.array(z.object({ fullName: z.string(), termEnd: z.string().nullable(), retirementDate: isoDateSchema })),
  successors: z.array(successorSchema),
  readyNow: z.number(),
});
export type SuccessionSeat = z.infer<typeof successionSeatSchema>;

export const ageBandSchema = z.object({
  label: bilingualSchema,
  fromAge: z.number().nullable(),
  toAge: z.number().nullable(),
  count: z.number(),
});
export const structureTargetSchema = z.object({
  key: z.enum(['young', 'women', 'ethnicMinority']),
  label: bilingualSchema,
  count: z.number(),
  total: z.number(),
  /** null when the pack in force sets no verified target */
  targetPercent: z.number().nullable(),
  met: z.boolean().nullable(),
  citation: z.string().nullable(),
});
export const planningReportSchema = z.object({
  cycleId: z.string(),
  cycleName: z.string(),
  organizationName: z.string(),
  referenceDate: isoDateSchema,
  seats: z.array(successionSeatSchema),
  coverage: z.object({
    seats: z.number(),
    withReadyNow: z.number(),
    /** share of key seats with at least one ready-now successor, in percent with one decimal */
    percent: z.number(),
    withoutReadyNow: z.array(z.object({ planId: z.string(), titleName: z.string(), organizationName: z.string() })),
  }),
  structure: z.array(structureTargetSchema),
  ageBands: z.array(ageBandSchema),
  ageBandsCitation: z.string().nullable(),
});
export type PlanningReport = z.infer<typeof planningReportSchema>;

export const seatSearchQuerySchema = z.object({
  q: z.string().max(100).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(PLANNING_WORK_LIMITS.seatPageMax).default(30),
});
export const seatOptionSchema = z.object({
  id: z.string(),
  titleName: z.string(),
  organizationName: z.string(),
  planned: z.boolean(),
});
export type SeatOption = z.infer<typeof seatOptionSchema>;
export const seatSearchResultSchema = z.object({ items: z.array(seatOptionSchema), total: z.number() });

/** Published planning-recommendation sessions ("Confidence votes") that voted on people of one plan, searched by title. */
export const sessionSearchQuerySchema = z.object({
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(PLANNING_WORK_LIMITS.seatPageMax).default(20),
});
export const sessionOptionSchema = z.object({
  id: z.string(),
  title: z.string(),
  voteDate: isoDateSchema,
  summoned: z.number(),
  collected: z.number(),
  /** How many people of the plan the session voted on. */
  people: z.number(),
});
export type SessionOption = z.infer<typeof sessionOptionSchema>;
export const sessionSearchResultSchema = z.object({ items: z.array(sessionOptionSchema), total: z.number() });
