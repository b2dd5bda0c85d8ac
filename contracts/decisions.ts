import { z } from 'zod';
import { LIMITS, isoDateSchema } from './common';
import { documentRefSchema } from './documents';
import { RATING_LEVELS, trackSchema, verdictSchema } from './policy';
import { postCategorySchema } from './positions';

/** The personnel actions a process can carry out (NĐ 170/2025; 377-QĐ/TW). */
export const ACTION_KINDS = [
  'appointment',
  'reappointment',
  'rotation',
  'transfer',
  'secondment',
  'nomination',
  'dismissal',
  'relief',
  'resignation',
  'suspension',
  'retirement',
] as const;
export const actionKindSchema = z.enum(ACTION_KINDS);
export type ActionKind = z.infer<typeof actionKindSchema>;
export const ACTION_LABELS: Record<ActionKind, { vi: string; en: string }> = {
  appointment: { vi: 'Bổ nhiệm', en: 'Appointment' },
  reappointment: { vi: 'Bổ nhiệm lại', en: 'Reappointment' },
  rotation: { vi: 'Luân chuyển', en: 'Rotation' },
  transfer: { vi: 'Điều động', en: 'Transfer' },
  secondment: { vi: 'Biệt phái', en: 'Secondment' },
  nomination: { vi: 'Giới thiệu ứng cử', en: 'Nomination for election' },
  dismissal: { vi: 'Miễn nhiệm', en: 'Dismissal' },
  relief: { vi: 'Cho thôi giữ chức vụ', en: 'Relief from post' },
  resignation: { vi: 'Từ chức', en: 'Resignation' },
  suspension: { vi: 'Tạm đình chỉ công tác', en: 'Suspension' },
  retirement: { vi: 'Nghỉ hưu', en: 'Retirement' },
};
/** Actions that seat the person in the target seat when the decision takes effect. */
export const SEATING_ACTIONS: readonly ActionKind[] = ['appointment', 'reappointment', 'rotation', 'transfer', 'secondment'];
/** Actions that end the person's current incumbency when the decision takes effect. */
export const LEAVING_ACTIONS: readonly ActionKind[] = ['dismissal', 'relief', 'resignation', 'retirement'];

export const SOURCES = ['on-site', 'outside'] as const;
export const sourceSchema = z.enum(SOURCES);
export type Source = z.infer<typeof sourceSchema>;
export const SOURCE_LABELS: Record<Source, { vi: string; en: string }> = {
  'on-site': { vi: 'Nguồn tại chỗ', en: 'On-site source' },
  outside: { vi: 'Nguồn từ nơi khác', en: 'Outside source' },
};

/** How a step is decided: minutes only, a candidate ballot of NĐ 170/2025, a recorded opinion, or a yes/no vote. */
export const STEP_VOTES = ['none', 'ballot-expanded', 'ballot-collective', 'ballot-decision', 'opinion', 'approval'] as const;
export type StepVote = (typeof STEP_VOTES)[number];

export const PROCESS_STATUSES = ['open', 'stopped', 'decided', 'cancelled'] as const;
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];
export const PROCESS_STATUS_LABELS: Record<ProcessStatus, { vi: string; en: string }> = {
  open: { vi: 'Đang thực hiện', en: 'In progress' },
  stopped: { vi: 'Dừng (báo cáo cấp trên)', en: 'Stopped (reported up)' },
  decided: { vi: 'Đã có quyết định', en: 'Decided' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const STEP_STATUSES = ['pending', 'done', 'stopped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const RECUSAL_ROLES = ['proposer', 'voter', 'signer'] as const;
export type RecusalRole = (typeof RECUSAL_ROLES)[number];
export const RECUSAL_ROLE_LABELS: Record<RecusalRole, { vi: string; en: string }> = {
  proposer: { vi: 'Người đề xuất', en: 'Proposer' },
  voter: { vi: 'Người bỏ phiếu', en: 'Voter' },
  signer: { vi: 'Người ký quyết định', en: 'Signer' },
};

export const FLAG_CODES = [
  'deadline-policy',
  'deadline-process',
  'stalled',
  'too-fast',
  'kinship-recusal',
  'override',
  'outside-plan',
  'separation-of-duties',
  'head-near-end',
  'exceptions-frequent',
  'cancelled',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

const text = z.string().trim().min(1).max(LIMITS.nameMax);
const longText = z.string().trim().max(4000);

export const createProcessBodySchema = z.strictObject({
  organizationId: z.string().max(40),
  action: actionKindSchema,
  source: sourceSchema.default('on-site'),
  track: trackSchema,
  personId: z.string().max(40),
  /** The seat the action concerns: the target for seating actions, the one left for the others. */
  positionId: z.string().max(40),
  startedOn: isoDateSchema,
  /** Declared by the officer until a planning module exists: in the approved plan for the target title. */
  inPlan: z.boolean().default(true),
  /** Annual ratings from the evaluation records, declared until an evaluation module exists. */
  ratings: z
    .array(z.strictObject({ year: z.number().int().min(1990).max(2100), level: z.enum(RATING_LEVELS) }))
    .max(10)
    .default([]),
  note: longText.optional(),
  /** the open vote consequence (a dismissal procedure after low confidence votes) this process answers */
  consequenceTaskId: z.string().max(40).optional(),
});
export type CreateProcessBody = z.input<typeof createProcessBodySchema>;

export const dossierItemBodySchema = z.strictObject({
  key: z.string().min(1).max(60),
  documentDate: isoDateSchema,
  reference: text,
  /** The register entry this paper is (a conclusion, a decision), linked by id when it is in the register. */
  documentIds: z.array(z.string().max(40)).max(5).default([]),
});

export const recusalBodySchema = z.strictObject({
  role: z.enum(RECUSAL_ROLES),
  stepKey: z.string().max(60).nullable().default(null),
  /** A participant with a record (kinship then checked against both family tables) or a name typed in. */
  personId: z.string().max(40).nullable().default(null),
  fullName: text,
  birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
  reason: longText.optional(),
});
export type RecusalBody = z.input<typeof recusalBodySchema>;

/**
 * A case recorded on a process with its document: a ground claimed for a dismissal, resignation or relief, or a case
 * that postpones a reappointment (a stay abroad or in hospital with its dates).
 */
export const circumstanceBodySchema = z
  .strictObject({
    key: z.string().min(1).max(60),
    fromDate: isoDateSchema,
    toDate: isoDateSchema.nullable().default(null),
    reference: text,
    note: longText.optional(),
  })
  .refine((b) => b.toDate === null || b.toDate >= b.fromDate, { message: 'toDate before fromDate', path: ['toDate'] });
export type CircumstanceBody = z.input<typeof circumstanceBodySchema>;

/** What may be recorded on a process of its action, from the policy in force. */
export const circumstanceOptionSchema = z.object({
  key: z.string(),
  label: z.object({ vi: z.string(), en: z.string() }),
  kind: z.enum(['ground', 'postponement']),
  ruleId: z.string(),
  evidence: z.enum(['low-votes', 'rating', 'discipline', 'document']),
  /** months in post (a ground) or of the stay (a postponement) from which it counts */
  minMonths: z.number().nullable(),
});
export type CircumstanceOption = z.infer<typeof circumstanceOptionSchema>;

export const circumstanceSchema = z.object({
  id: z.string(),
  key: z.string(),
  label: z.object({ vi: z.string(), en: z.string() }),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  reference: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});

/** How a step's vote is held: paper ballots counted twice by the tally committee, or an electronic secret ballot. */
export const STEP_VOTE_MODES = ['paper', 'electronic'] as const;
export type StepVoteMode = (typeof STEP_VOTE_MODES)[number];

export const openStepVoteBodySchema = z.strictObject({
  /** Everyone summoned, the recused included: they are taken out of the base. */
  summoned: z.number().int().min(1).max(100_000),
  voterGroup: text,
  voteDate: isoDateSchema,
  /** Candidates on the ballot (ballot steps); the person of the process is always first. */
  otherCandidates: z.array(text).max(10).default([]),
  mode: z.enum(STEP_VOTE_MODES).default('paper'),
  /**
   * Electronic: the voters (user names, one credential each; the recused left out, so as many as those summoned less
   * the recused) and the trustees among the tally committee with the number of them needed to decrypt.
   */
  electronic: z
    .strictObject({
      voterUsernames: z.array(z.string().max(64)).min(1).max(5_000),
      trusteeUsernames: z.array(z.string().max(64)).min(2).max(15),
      threshold: z.number().int().min(1).max(15),
    })
    .optional(),
});
export type OpenStepVoteBody = z.input<typeof openStepVoteBodySchema>;

export const completeStepBodySchema = z.strictObject({
  completedOn: isoDateSchema,
  minutesRef: text,
  documents: z.array(text).max(20).default([]),
  /** Register entries the step relies on (minutes, submissions, decisions), linked by id. */
  documentIds: z.array(z.string().max(40)).max(20).default([]),
  /** Who presided when the head decides a tie (recorded with the step). */
  headChoice: text.optional(),
  /**
   * The officer has read the warnings of unconfirmed rules the step fell short of (outcome `warned`) and goes on:
   * recorded with the step and audited. Without it such a step is refused with the warnings listed.
   */
  acknowledgeWarnings: z.boolean().default(false),
});
export type CompleteStepBody = z.input<typeof completeStepBodySchema>;

export const overrideBodySchema = z.strictObject({
  ruleId: z.string().min(1).max(120),
  authority: text,
  decisionRef: text,
  decidedOn: isoDateSchema,
  reason: longText.min(1),
});
export type OverrideBody = z.input<typeof overrideBodySchema>;

export const decideBodySchema = z.strictObject({
  number: text,
  decisionDate: isoDateSchema,
  effectiveDate: isoDateSchema,
  signerName: text,
  signerPersonId: z.string().max(40).nullable().default(null),
  signerBirthYear: z.number().int().min(1900).max(2100).nullable().default(null),
});
export type DecideBody = z.input<typeof decideBodySchema>;

const bilingual = z.object({ vi: z.string(), en: z.string() });

export const processStepSchema = z.object({
  ordinal: z.number(),
  key: z.string(),
  label: bilingual,
  voterGroup: bilingual,
  vote: z.enum(STEP_VOTES),
  announced: z.boolean(),
  status: z.enum(STEP_STATUSES),
  voteSessionId: z.string().nullable(),
  /** how the step's vote is held, once opened */
  voteMode: z.enum(STEP_VOTE_MODES).nullable(),
  /** the vote session's state (paper: being entered / counted; electronic: setup, voting, tallying, closed) */
  voteStatus: z.string().nullable(),
  summoned: z.number().nullable(),
  outcome: z.string().nullable(),
  verdicts: z.array(verdictSchema),
  minutesRef: z.string().nullable(),
  documents: z.array(z.string()),
  completedOn: z.string().nullable(),
  completedBy: z.string().nullable(),
});
export type ProcessStep = z.infer<typeof processStepSchema>;

export const dossierStatusSchema = z.object({
  key: z.string(),
  label: bilingual,
  maxAgeMonths: z.number().nullable(),
  documentDate: z.string().nullable(),
  reference: z.string().nullable(),
  state: z.enum(['ok', 'missing', 'stale']),
  validUntil: z.string().nullable(),
});
export type DossierStatus = z.infer<typeof dossierStatusSchema>;

export const recusalSchema = z.object({
  id: z.string(),
  role: z.enum(RECUSAL_ROLES),
  stepKey: z.string().nullable(),
  fullName: z.string(),
  relation: z.string().nullable(),
  reason: z.string().nullable(),
  recordedAt: z.string(),
});

export const overrideSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  authority: z.string(),
  decisionRef: z.string(),
  decidedOn: z.string(),
  reason: z.string(),
  recordedBy: z.string(),
});

export const flagSchema = z.object({ code: z.enum(FLAG_CODES), message: z.string(), messageEn: z.string() });
export type ProcessFlag = z.infer<typeof flagSchema>;

export const processSummarySchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  action: actionKindSchema,
  source: sourceSchema,
  track: trackSchema,
  personId: z.string(),
  personName: z.string(),
  positionId: z.string(),
  positionName: z.string(),
  status: z.enum(PROCESS_STATUSES),
  startedOn: z.string(),
  currentStep: z.string().nullable(),
  policyDeadline: z.string().nullable(),
  processDeadline: z.string(),
  flags: z.array(flagSchema),
});
export type ProcessSummary = z.infer<typeof processSummarySchema>;

export const processDetailSchema = processSummarySchema.extend({
  ruleId: z.string(),
  citation: z.string(),
  inPlan: z.boolean(),
  ratings: z.array(z.object({ year: z.number(), level: z.enum(RATING_LEVELS) })),
  steps: z.array(processStepSchema),
  dossier: z.array(dossierStatusSchema),
  /** Register entries the process relies on, linked by id from a step or a dossier item (only those the reader may see). */
  registerDocuments: z.array(
    documentRefSchema.extend({
      via: z.enum(['step', 'dossier']),
      stepKey: z.string().nullable(),
      dossierKey: z.string().nullable(),
    }),
  ),
  eligibility: z.array(verdictSchema),
  /** grounds claimed or postponement cases recorded, and what the policy lets one record */
  circumstances: z.array(circumstanceSchema),
  circumstanceOptions: z.array(circumstanceOptionSchema),
  recusals: z.array(recusalSchema),
  overrides: z.array(overrideSchema),
  preparedBy: z.string(),
  /** verdicts taken when the process started (a head near retirement or term end; unconfirmed: warnings) */
  startVerdicts: z.array(verdictSchema),
  /** the approved local packs the process runs under */
  localPackIds: z.array(z.string()),
  cancellation: z.object({ reason: z.string(), cancelledOn: z.string(), cancelledBy: z.string() }).nullable(),
  decision: z
    .object({
      number: z.string(),
      decisionDate: z.string(),
      effectiveDate: z.string(),
      signerName: z.string(),
      decidedBy: z.string(),
    })
    .nullable(),
});
export type ProcessDetail = z.infer<typeof processDetailSchema>;

export const processListQuerySchema = z.object({
  status: z.enum(PROCESS_STATUSES).optional(),
  flagged: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const processListSchema = z.object({ items: z.array(processSummarySchema), total: z.number() });

export const cancelBodySchema = z.strictObject({
  cancelledOn: isoDateSchema,
  reason: longText.min(1),
});
export type CancelBody = z.input<typeof cancelBodySchema>;

/** Optional values to print in a draft before the decision is taken (afterwards the recorded ones are used). */
export const draftQuerySchema = z.object({
  number: z.string().trim().max(LIMITS.nameMax).optional(),
  decisionDate: isoDateSchema.optional(),
  effectiveDate: isoDateSchema.optional(),
  signerName: z.string().trim().max(LIMITS.nameMax).optional(),
  issuer: z.string().trim().max(LIMITS.nameMax).optional(),
});
export type DraftQuery = z.infer<typeof draftQuerySchema>;

/** Overrides and outside-the-plan appointments or nominations of one competent authority in one year. */
export const exceptionCountSchema = z.object({
  authority: z.string(),
  year: z.number(),
  overrides: z.number(),
  outsidePlan: z.number(),
  total: z.number(),
  processIds: z.array(z.string()),
  verdict: verdictSchema.nullable(),
});
export type ExceptionCountRow = z.infer<typeof exceptionCountSchema>;
export const exceptionReportSchema = z.object({ items: z.array(exceptionCountSchema) });

const chainSchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  problem: z.object({ seq: z.number(), kind: z.string(), message: z.string(), messageEn: z.string() }).nullable(),
});

/** The inspector's view: every flagged process in scope, the exception counts and the audit chain's verification. */
export const inspectionSchema = z.object({
  flagged: z.array(processSummarySchema),
  exceptions: z.array(exceptionCountSchema),
  chain: chainSchema,
});
export type Inspection = z.infer<typeof inspectionSchema>;

export const trailVoteSchema = z.object({
  stepKey: z.string(),
  sessionId: z.string(),
  mode: z.string(),
  status: z.string(),
  summoned: z.number(),
  collected: z.number().nullable(),
  subjects: z.array(z.object({ fullName: z.string(), inFavour: z.number().nullable() })),
});
export const trailAuditSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  hash: z.string(),
});
/** A process's full trail for the inspector: the process, its votes, its audit entries and the chain's verification. */
export const trailSchema = z.object({
  process: processDetailSchema,
  votes: z.array(trailVoteSchema),
  audit: z.array(trailAuditSchema),
  chain: chainSchema,
});
export type Trail = z.infer<typeof trailSchema>;

/** Seats of an organization with their sensitive post category (Anti-Corruption Law 2018 art. 20). */
export const seatCategoryQuerySchema = z.object({
  organizationId: z.string().max(40),
  asOf: isoDateSchema.optional(),
});
export const seatCategorySchema = z.object({
  positionId: z.string(),
  organizationName: z.string(),
  titleName: z.string(),
  /** the seat's own category, set here */
  seatCategory: postCategorySchema.nullable(),
  /** the title's category from the catalog, used when the seat sets none */
  titleCategory: postCategorySchema.nullable(),
  /** the category that applies */
  category: postCategorySchema.nullable(),
  /** head or deputy seat of the unit (the article's other side) */
  role: z.enum(['head', 'deputy']).nullable(),
  holders: z.array(z.string()),
});
export type SeatCategory = z.infer<typeof seatCategorySchema>;
export const seatCategoryListSchema = z.object({ items: z.array(seatCategorySchema) });

export const setSeatCategoryBodySchema = z.strictObject({
  /** null: the seat follows its title's category */
  postCategory: postCategorySchema.nullable(),
  reason: longText.min(1),
  /** from when the change holds (today when not given); never before the latest change */
  effectiveFrom: isoDateSchema.optional(),
});
export type SetSeatCategoryBody = z.input<typeof setSeatCategoryBodySchema>;
/** The seat after the change, and the art. 20 conflicts its current holders now have (to resolve, not silently kept). */
/** One dated version of a seat's own category: [validFrom, validTo). */
export const seatCategoryVersionSchema = z.object({
  postCategory: postCategorySchema.nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  reason: z.string().nullable(),
  setBy: z.string().nullable(),
});
export const seatCategoryHistorySchema = z.object({
  seat: seatCategorySchema,
  versions: z.array(seatCategoryVersionSchema),
});
export type SeatCategoryHistory = z.infer<typeof seatCategoryHistorySchema>;
export const seatCategoryHistoryQuerySchema = z.object({ asOf: isoDateSchema.optional() });
export const setSeatCategoryResultSchema = z.object({ seat: seatCategorySchema, conflicts: z.array(verdictSchema) });
