import { z } from 'zod';
import { LIMITS, isoDateSchema, pageQuerySchema } from './common';
import { voterGroupVerdictSchema } from './vote-voter-groups';

export const VOTE_KINDS = ['confidence', 'planning', 'appointment', 'election'] as const;
export const voteKindSchema = z.enum(VOTE_KINDS);
export type VoteKind = z.infer<typeof voteKindSchema>;
export const VOTE_KIND_LABELS: Record<VoteKind, { vi: string; en: string }> = {
  confidence: { vi: 'Lấy phiếu tín nhiệm', en: 'Confidence vote' },
  planning: { vi: 'Giới thiệu quy hoạch', en: 'Planning recommendation' },
  appointment: { vi: 'Bước bổ nhiệm', en: 'Appointment step' },
  election: { vi: 'Bầu cử trong Đảng', en: 'Committee election' },
};

export const VOTE_MODES = ['paper', 'electronic'] as const;
export const voteModeSchema = z.enum(VOTE_MODES);
export type VoteMode = z.infer<typeof voteModeSchema>;
export const VOTE_MODE_LABELS: Record<VoteMode, { vi: string; en: string }> = {
  paper: { vi: 'Phiếu giấy', en: 'Paper ballots' },
  electronic: { vi: 'Bỏ phiếu điện tử (bí mật, kiểm chứng được)', en: 'Electronic (secret, verifiable)' },
};

export const POLICY_TRACKS = ['party', 'state'] as const;
export const policyTrackSchema = z.enum(POLICY_TRACKS);
export type PolicyTrack = z.infer<typeof policyTrackSchema>;

export const VOTE_STATUSES = ['open', 'counted', 'setup', 'voting', 'tallying', 'closed'] as const;
export const voteStatusSchema = z.enum(VOTE_STATUSES);
export type VoteStatus = z.infer<typeof voteStatusSchema>;
export const VOTE_STATUS_LABELS: Record<VoteStatus, { vi: string; en: string }> = {
  open: { vi: 'Đang nhập kết quả kiểm phiếu', en: 'Count being entered' },
  counted: { vi: 'Đã kiểm phiếu (hai lần nhập khớp)', en: 'Counted (double entry matched)' },
  setup: { vi: 'Chuẩn bị: tạo khóa, cấp mã bỏ phiếu', en: 'Setup: keys and credentials' },
  voting: { vi: 'Đang bỏ phiếu', en: 'Voting open' },
  tallying: { vi: 'Đang giải mã kết quả', en: 'Tallying' },
  closed: { vi: 'Đã có kết quả', en: 'Result published' },
};

/** Three levels of a confidence vote, in ballot order. */
export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];
export const CONFIDENCE_LEVEL_LABELS: Record<ConfidenceLevel, { vi: string; en: string }> = {
  high: { vi: 'Tín nhiệm cao', en: 'High confidence' },
  medium: { vi: 'Tín nhiệm', en: 'Confidence' },
  low: { vi: 'Tín nhiệm thấp', en: 'Low confidence' },
};

/** What a ballot asks about each subject: three confidence levels, agree/disagree, or a choice among the names. */
export const BALLOT_SHAPES = ['levels', 'agree-disagree', 'choice'] as const;
export const ballotShapeSchema = z.enum(BALLOT_SHAPES);
export type BallotShape = z.infer<typeof ballotShapeSchema>;
export const BALLOT_SHAPE_LABELS: Record<BallotShape, { vi: string; en: string }> = {
  levels: { vi: 'Ba mức tín nhiệm (cao / tín nhiệm / thấp)', en: 'Three confidence levels' },
  'agree-disagree': { vi: 'Đồng ý / không đồng ý với từng người', en: 'Agree / disagree for each person' },
  choice: { vi: 'Chọn người trong danh sách', en: 'Choose among the names' },
};
/** The shape each kind of session uses unless told otherwise (a confidence vote is always three levels). */
export const DEFAULT_BALLOT_SHAPE: Record<VoteKind, BallotShape> = {
  confidence: 'levels',
  planning: 'agree-disagree',
  appointment: 'agree-disagree',
  election: 'choice',
};
/** The options counted for each subject, in ballot order. */
export const BALLOT_OPTIONS = {
  levels: ['high', 'medium', 'low'],
  'agree-disagree': ['agree', 'disagree'],
  choice: ['chosen'],
} as const satisfies Record<BallotShape, readonly string[]>;
export type BallotOption = (typeof BALLOT_OPTIONS)[BallotShape][number];
export const BALLOT_OPTION_LABELS: Record<BallotOption, { vi: string; en: string }> = {
  high: { vi: 'Tín nhiệm cao', en: 'High confidence' },
  medium: { vi: 'Tín nhiệm', en: 'Confidence' },
  low: { vi: 'Tín nhiệm thấp', en: 'Low confidence' },
  agree: { vi: 'Đồng ý', en: 'Agree' },
  disagree: { vi: 'Không đồng ý', en: 'Disagree' },
  chosen: { vi: 'Số phiếu bầu chọn', en: 'Chosen on' },
};
export const ballotSchema = z.strictObject({
  shape: ballotShapeSchema,
  /** choice: how many names a ballot may mark (at least one) */
  maxChoices: z.number().int().min(1).max(60).optional(),
});
export type BallotSpec = z.infer<typeof ballotSchema>;

/**
 * What a published result obliges the competent body to consider, raised as a task: a confidence vote's low votes, a
 * planning recommendation below its threshold, an appointment step below its threshold.
 */
export const VOTE_CONSEQUENCES = [
  'out-of-planning-higher',
  'may-move-or-resign',
  'dismissal-procedure',
  'not-recommended',
  'appointment-cannot-continue',
] as const;
export const voteConsequenceSchema = z.enum(VOTE_CONSEQUENCES);
export type VoteConsequence = z.infer<typeof voteConsequenceSchema>;
export const VOTE_CONSEQUENCE_LABELS: Record<VoteConsequence, { vi: string; en: string }> = {
  'out-of-planning-higher': { vi: 'Đưa ra khỏi quy hoạch chức vụ cao hơn', en: 'Out of planning for higher posts' },
  'may-move-or-resign': { vi: 'Xem xét cho thôi giữ chức vụ hoặc bố trí công tác khác', en: 'May resign or be moved' },
  'dismissal-procedure': { vi: 'Tiến hành miễn nhiệm, cho thôi giữ chức vụ', en: 'Start the dismissal procedure' },
  'not-recommended': {
    vi: 'Không được giới thiệu vào bước tiếp theo của quy hoạch',
    en: 'Not carried to the next planning step',
  },
  'appointment-cannot-continue': {
    vi: 'Quy trình bổ nhiệm không thể tiếp tục với người này',
    en: 'The appointment process cannot continue with this person',
  },
};

export const EXEMPTION_REASONS = ['retirement_announced', 'new_in_year'] as const;
export const exemptionReasonSchema = z.enum(EXEMPTION_REASONS);
export type ExemptionReason = z.infer<typeof exemptionReasonSchema>;
export const EXEMPTION_LABELS: Record<ExemptionReason, { vi: string; en: string }> = {
  retirement_announced: { vi: 'Đã có thông báo nghỉ hưu', en: 'Retirement announced' },
  new_in_year: { vi: 'Được bầu, bổ nhiệm trong năm lấy phiếu', en: 'Elected or appointed in the year of the vote' },
};

export const VOTE_LIMITS = {
  subjectsMax: 60,
  summonedMax: 100_000,
  titleMax: 300,
  votersMax: 5_000,
  trusteesMax: 15,
  ballotMax: 600_000,
} as const;

/** A subject is a person record in scope (name and title are taken from it) or, without a record, a name and a title. */
export const subjectInputSchema = z.strictObject({
  personId: z.string().max(40).optional(),
  fullName: z.string().trim().min(1).max(LIMITS.nameMax).optional(),
  /** with a person record: overrides the title of his current post (e.g. a title held concurrently) */
  titleText: z.string().trim().min(1).max(VOTE_LIMITS.titleMax).optional(),
  exemption: z.strictObject({ reason: exemptionReasonSchema, note: z.string().trim().max(500).optional() }).optional(),
});
export type SubjectInput = z.infer<typeof subjectInputSchema>;

export const createVoteBodySchema = z.strictObject({
  organizationId: z.string().max(40),
  kind: voteKindSchema,
  mode: voteModeSchema,
  track: policyTrackSchema,
  title: z.string().trim().min(1).max(VOTE_LIMITS.titleMax),
  voteDate: isoDateSchema,
  voterGroup: z.string().trim().min(1).max(500),
  summonedCount: z.number().int().min(1).max(VOTE_LIMITS.summonedMax),
  subjects: z.array(subjectInputSchema).min(1).max(VOTE_LIMITS.subjectsMax),
  /** the ballot's shape; by default the kind's (DEFAULT_BALLOT_SHAPE) */
  ballot: ballotSchema.optional(),
  /** electronic mode: the voters (user names; each gets one credential) and the trustees among the tally committee */
  electronic: z
    .strictObject({
      voterUsernames: z.array(z.string().max(64)).min(1).max(VOTE_LIMITS.votersMax),
      trusteeUsernames: z.array(z.string().max(64)).min(2).max(VOTE_LIMITS.trusteesMax),
      threshold: z.number().int().min(1).max(VOTE_LIMITS.trusteesMax),
    })
    .optional(),
});
export type CreateVoteBody = z.infer<typeof createVoteBodySchema>;

/** One paper count as read by one tally committee member. */
export const paperCountSchema = z.strictObject({
  issued: z.number().int().min(0).max(VOTE_LIMITS.summonedMax),
  collected: z.number().int().min(0).max(VOTE_LIMITS.summonedMax),
  valid: z.number().int().min(0).max(VOTE_LIMITS.summonedMax),
  invalid: z.number().int().min(0).max(VOTE_LIMITS.summonedMax),
  /** per non-exempt subject, in ballot order */
  subjects: z.array(
    z.strictObject({
      subjectId: z.string().max(40),
      /** the options of the session's ballot shape (BALLOT_OPTIONS), and only those */
      high: z.number().int().min(0).max(VOTE_LIMITS.summonedMax).optional(),
      medium: z.number().int().min(0).max(VOTE_LIMITS.summonedMax).optional(),
      low: z.number().int().min(0).max(VOTE_LIMITS.summonedMax).optional(),
      agree: z.number().int().min(0).max(VOTE_LIMITS.summonedMax).optional(),
      disagree: z.number().int().min(0).max(VOTE_LIMITS.summonedMax).optional(),
      chosen: z.number().int().min(0).max(VOTE_LIMITS.summonedMax).optional(),
      /** ballots valid overall but invalid for this person (no level or two levels marked); 0 for a choice */
      invalid: z.number().int().min(0).max(VOTE_LIMITS.summonedMax),
    }),
  ),
});
export type PaperCount = z.infer<typeof paperCountSchema>;

export const verdictSchema = z.object({
  ruleId: z.string(),
  citation: z.string(),
  passed: z.boolean(),
  detail: z.string(),
  detailEn: z.string(),
});
export type Verdict = z.infer<typeof verdictSchema>;

export const voteFlagSchema = z.object({ code: z.string(), message: z.string(), messageEn: z.string() });
export const interval = z.object({ low: z.number(), high: z.number() });
const optionNumbers = z.object({
  high: z.number().optional(),
  medium: z.number().optional(),
  low: z.number().optional(),
  agree: z.number().optional(),
  disagree: z.number().optional(),
  chosen: z.number().optional(),
  invalid: z.number(),
});
export type OptionNumbers = z.infer<typeof optionNumbers>;
export const subjectResultSchema = z.object({
  subjectId: z.string(),
  personId: z.string().nullable(),
  fullName: z.string(),
  titleText: z.string(),
  /** per option of the ballot shape, plus invalid */
  counts: optionNumbers,
  /** percentages over ballots collected (the legal base) and over those summoned */
  overCollected: optionNumbers,
  overSummoned: optionNumbers,
  highInterval: interval,
  lowInterval: interval,
  /** %high − %low over the valid marks for this person, in points, with a conservative interval */
  netScore: z.number(),
  netInterval: interval,
  consequences: z.array(verdictSchema),
  /** confidence votes: the same person's previous round and the peers holding the same title that year */
  comparison: z.object({
    previous: z
      .object({ sessionId: z.string(), title: z.string(), voteDate: z.string(), netScore: z.number(), pctLow: z.number() })
      .nullable(),
    /**
     * peers voted on that year: holders of titles equivalent in the catalog in force (same group and rank), or, for a
     * title outside the catalog, holders of the same title as written
     */
    peers: z
      .object({
        count: z.number(),
        meanNet: z.number(),
        meanPctLow: z.number(),
        basis: z.object({
          kind: z.enum(['equivalent', 'same-title']),
          group: z.string().nullable(),
          rank: z.number().nullable(),
          /** the titles that count as equivalent (names), or the title as written */
          titles: z.array(z.string()),
        }),
      })
      .nullable(),
    /** what stands out: a change since the previous round, a gap to the peers (CanBo's analysis settings) */
    notes: z.array(voteFlagSchema),
  }),
});
export type SubjectResult = z.infer<typeof subjectResultSchema>;

export const voteResultSchema = z.object({
  policyVersion: z.string(),
  ballot: z.object({ shape: ballotShapeSchema, maxChoices: z.number().nullable() }),
  quorum: verdictSchema,
  reconciliation: z.array(voteFlagSchema),
  subjects: z.array(subjectResultSchema),
  flags: z.array(voteFlagSchema),
});
export type VoteResult = z.infer<typeof voteResultSchema>;

export const voteSubjectSchema = z.object({
  id: z.string(),
  ordinal: z.number(),
  fullName: z.string(),
  titleText: z.string(),
  personId: z.string().nullable(),
  titleCode: z.string().nullable(),
  exemption: z.object({ reason: exemptionReasonSchema, note: z.string().nullable() }).nullable(),
});
export type VoteSubject = z.infer<typeof voteSubjectSchema>;

export const paperEntryStatusSchema = z.object({
  enteredBy: z.array(z.object({ userId: z.string(), fullName: z.string(), enteredAt: z.string() })),
  /** differences between the two entries, only once both are in (neither enterer sees the other's numbers before) */
  mismatches: z.array(z.object({ field: z.string(), first: z.number(), second: z.number() })),
  matched: z.boolean(),
});

export const voteSessionSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  kind: voteKindSchema,
  mode: voteModeSchema,
  track: policyTrackSchema,
  title: z.string(),
  voteDate: z.string(),
  voterGroup: z.string(),
  summonedCount: z.number(),
  status: voteStatusSchema,
  ballot: z.object({ shape: ballotShapeSchema, maxChoices: z.number().nullable() }),
  createdAt: z.string(),
});
export type VoteSession = z.infer<typeof voteSessionSchema>;

export const voteDetailSchema = voteSessionSchema.extend({
  subjects: z.array(voteSubjectSchema),
  paper: paperEntryStatusSchema.nullable(),
  count: paperCountSchema.nullable(),
  result: voteResultSchema.nullable(),
  /** before the vote: warnings voters must see (small group, unanimity reveals votes) */
  warnings: z.array(voteFlagSchema),
  /** SHA-256 of the confirmed count (paper) or of the archive's last event (electronic), as printed on the record */
  boardHash: z.string().nullable(),
  /** confidence votes: the voter group the rule in force sets for the subjects' titles, as judged at set-up */
  voterGroupRule: voterGroupVerdictSchema.nullable(),
  /** the personnel-decision step this vote was opened for (decisions module), with the rule of its process */
  servesStep: z
    .object({
      /** null when the process lies outside the reader's scope for decisions */
      processId: z.string().nullable(),
      action: z.object({ vi: z.string(), en: z.string() }),
      personName: z.string(),
      stepKey: z.string(),
      stepLabel: z.object({ vi: z.string(), en: z.string() }),
      ruleId: z.string(),
      citation: z.string().nullable(),
    })
    .nullable(),
});
export type VoteDetail = z.infer<typeof voteDetailSchema>;

export const voteListQuerySchema = pageQuerySchema.extend({ organizationId: z.string().max(40).optional() });
export const voteListSchema = z.object({ items: z.array(voteSessionSchema), total: z.number() });

export const paperEntryResultSchema = z.object({
  status: z.enum(['waiting_second', 'matched', 'mismatch']),
  paper: paperEntryStatusSchema,
});

// ---- Electronic mode (Belenios 2.0): only public data and data encrypted to its owner cross these boundaries ----

const signedMsg = z.object({ message: z.string(), signature: z.object({ challenge: z.string(), response: z.string() }) });
const trusteePublicKey = z.object({ pok: z.object({ challenge: z.string(), response: z.string() }), public_key: z.string() });

export const certBodySchema = z.strictObject({ cert: signedMsg });
export const polynomialBodySchema = z.strictObject({ polynomial: z.string(), secrets: z.array(z.string()), coefexps: signedMsg });
export const voutputBodySchema = z.strictObject({ private_key: z.string(), public_key: trusteePublicKey });
export const credentialsBodySchema = z.strictObject({
  credentials: z
    .array(z.strictObject({ userId: z.string().max(40), publicCredential: z.string().regex(/^[0-9]{1,700}$/) }))
    .max(VOTE_LIMITS.votersMax),
});
export const ballotBodySchema = z.strictObject({ ballot: z.string().max(VOTE_LIMITS.ballotMax) });
export const partialDecryptionBodySchema = z.strictObject({
  decryption_factors: z.array(z.array(z.string())),
  decryption_proofs: z.array(z.array(z.object({ challenge: z.string(), response: z.string() }))),
});

export const electronicStateSchema = z.object({
  /** the Belenios election uuid: credentials are derived with it */
  uuid: z.string(),
  phase: z.enum(['certs', 'polynomials', 'voutputs', 'keys_ready']),
  threshold: z.number(),
  trustees: z.array(
    z.object({
      ordinal: z.number(),
      userId: z.string(),
      fullName: z.string(),
      cert: z.boolean(),
      polynomial: z.boolean(),
      voutput: z.boolean(),
      partialDecryption: z.boolean(),
    }),
  ),
  voters: z.number(),
  credentialsIssued: z.number(),
  /** for the signed-in user */
  me: z.object({
    trusteeOrdinal: z.number().nullable(),
    voter: z.boolean(),
    credentialAuthority: z.boolean(),
    /** certs of all trustees, once all are in (step 3 and 5 need them) */
    certs: z.array(signedMsg).nullable(),
    /** this trustee's routed shares (step 5) */
    vinput: z.object({ polynomial: z.string(), secrets: z.array(z.string()), coefexps: z.array(signedMsg) }).nullable(),
    /** this trustee's key share encrypted to himself: only his seed opens it */
    encryptedKeyShare: z.string().nullable(),
  }),
  /** the exact election JSON voters encrypt for, once voting has opened */
  rawElection: z.string().nullable(),
  ballotsCast: z.number(),
  boardHead: z.string().nullable(),
});
export type ElectronicState = z.infer<typeof electronicStateSchema>;

export const credentialRosterSchema = z.object({
  voters: z.array(z.object({ userId: z.string(), fullName: z.string(), username: z.string() })),
});
export const ballotAcceptedSchema = z.object({ tracker: z.string(), replacedEarlier: z.boolean() });
/** a ballot opened for checking (Benaloh audit), now discarded: casting it later is refused */
export const ballotAuditedSchema = z.object({ tracker: z.string() });
export const boardSchema = z.object({
  head: z.string().nullable(),
  trackers: z.array(z.object({ tracker: z.string(), height: z.number() })),
  ballotsTallied: z.number(),
});

// ---- Outcomes read by other modules (planning, evaluation, decisions) and the consequence tasks ----

export const voteOutcomeConsequenceSchema = z.object({
  ruleId: z.string(),
  citation: z.string(),
  consequence: voteConsequenceSchema,
  detail: z.object({ vi: z.string(), en: z.string() }),
});
export type VoteOutcomeConsequence = z.infer<typeof voteOutcomeConsequenceSchema>;

export const voteOutcomeSchema = z.object({
  personId: z.string(),
  subjectId: z.string(),
  sessionId: z.string(),
  kind: voteKindSchema,
  track: policyTrackSchema,
  voteDate: z.string(),
  organizationId: z.string(),
  summoned: z.number(),
  collected: z.number(),
  counts: z.union([
    z.object({ high: z.number(), medium: z.number(), low: z.number() }),
    z.object({ agree: z.number(), disagree: z.number() }),
    z.object({ chosen: z.number() }),
  ]),
  /** null when the shape has no such option */
  pctLowOfCollected: z.number().nullable(),
  pctLowOfSummoned: z.number().nullable(),
  pctAgreeOfSummoned: z.number().nullable(),
  /** the consequences the rules in force on the vote's date raise (confidence, planning and appointment sessions) */
  consequences: z.array(voteOutcomeConsequenceSchema),
});
export type VoteOutcome = z.infer<typeof voteOutcomeSchema>;

export const CONSEQUENCE_TASK_STATUSES = ['open', 'handled'] as const;
export const consequenceTaskStatusSchema = z.enum(CONSEQUENCE_TASK_STATUSES);
export const voteConsequenceTaskSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  voteDate: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  subjectId: z.string(),
  personId: z.string().nullable(),
  fullName: z.string(),
  titleText: z.string(),
  ruleId: z.string(),
  citation: z.string(),
  consequence: voteConsequenceSchema,
  detail: z.object({ vi: z.string(), en: z.string() }),
  status: consequenceTaskStatusSchema,
  raisedAt: z.string(),
  handledBy: z.string().nullable(),
  handledAt: z.string().nullable(),
  /** what handled it, e.g. "decision:<process id>" or "planning:<review id>" */
  handledRef: z.string().nullable(),
});
export type VoteConsequenceTask = z.infer<typeof voteConsequenceTaskSchema>;
export const voteConsequenceQuerySchema = pageQuerySchema.extend({
  status: consequenceTaskStatusSchema.optional(),
  consequence: voteConsequenceSchema.optional(),
  personId: z.string().max(40).optional(),
  sessionId: z.string().max(40).optional(),
});
export const voteConsequenceListSchema = z.object({ items: z.array(voteConsequenceTaskSchema), total: z.number() });
export const handleConsequenceBodySchema = z.strictObject({ ref: z.string().trim().min(1).max(200) });
