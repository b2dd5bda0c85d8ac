import { z } from 'zod';
import { isoDateSchema } from './common';

/** Which system a rule belongs to: the Party's regulations or the State's laws and decrees. */
export const TRACKS = ['party', 'state'] as const;
export const trackSchema = z.enum(TRACKS);
export type Track = z.infer<typeof trackSchema>;

export const TRACK_LABELS: Record<Track, { vi: string; en: string }> = {
  party: { vi: 'Khối Đảng', en: 'Party' },
  state: { vi: 'Khối Nhà nước', en: 'State' },
};

export const bilingualSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export type BilingualText = z.infer<typeof bilingualSchema>;

/** Where a rule comes from: document number, its date, the article/clause. */
export const citationSchema = z.object({
  document: z.string().min(1),
  date: isoDateSchema.nullable(),
  article: z.string().nullable(),
  /** Human-readable form, e.g. "377-QĐ/TW ngày 08/10/2025, Điều 7 khoản 1". */
  text: z.string(),
  /** The date was written from memory, not read in the domain brief (policy/README.md lists them). */
  dateUnconfirmed: z.boolean().optional(),
});
export type Citation = z.infer<typeof citationSchema>;

export const RULE_STATUSES = ['confirmed', 'unconfirmed'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

export const VERDICT_STATUSES = ['passed', 'warning', 'failed'] as const;
export const verdictStatusSchema = z.enum(VERDICT_STATUSES);
export type VerdictStatus = z.infer<typeof verdictStatusSchema>;

/** The answer of one rule to one case: every check in the system returns these. */
export const verdictSchema = z.object({
  ruleId: z.string(),
  citation: citationSchema,
  status: verdictStatusSchema,
  detail: bilingualSchema,
  inputs: z.record(z.string(), z.unknown()),
  /** The rule itself is unconfirmed: a failure is reported as a warning, never a block. */
  ruleUnconfirmed: z.boolean(),
  /** A local pack changed this rule's numbers (its id), or null. */
  localPackId: z.string().nullable(),
});
export type Verdict = z.infer<typeof verdictSchema>;

/** A place in the code that checks a rule: the feature and the file. */
export const ruleUsageSchema = z.object({ feature: z.string(), file: z.string(), label: bilingualSchema });
export type RuleUsage = z.infer<typeof ruleUsageSchema>;
export const ruleUsageListSchema = z.object({ ruleId: z.string(), items: z.array(ruleUsageSchema) });

export const ruleSchema = z.object({
  id: z.string(),
  packId: z.string(),
  kind: z.string(),
  title: bilingualSchema,
  text: bilingualSchema,
  note: bilingualSchema.nullable(),
  /** Why an unconfirmed rule is unconfirmed (which number or document is not verified); null when confirmed. */
  reason: bilingualSchema.nullable(),
  citation: citationSchema,
  tracks: z.array(trackSchema),
  effectiveFrom: isoDateSchema,
  effectiveTo: isoDateSchema.nullable(),
  status: z.enum(RULE_STATUSES),
  params: z.record(z.string(), z.unknown()),
  /** Which numbers a local pack may change, and within which bounds. */
  localBounds: z.record(z.string(), z.object({ min: z.number(), max: z.number() })),
  localPackId: z.string().nullable(),
});
export type Rule = z.infer<typeof ruleSchema>;

export const packSummarySchema = z.object({
  id: z.string(),
  scope: z.enum(['national', 'local']),
  file: z.string(),
  title: bilingualSchema,
  description: bilingualSchema,
  effectiveFrom: isoDateSchema,
  effectiveTo: isoDateSchema.nullable(),
  ruleCount: z.number(),
  unconfirmedCount: z.number(),
  /** Local packs only: the organization they apply to and their approval. */
  organizationCode: z.string().nullable(),
  approval: z
    .object({
      status: z.enum(['pending', 'approved', 'stale']),
      approvedAt: z.string().nullable(),
      approvedBy: z.string().nullable(),
    })
    .nullable(),
});
export type PackSummary = z.infer<typeof packSummarySchema>;

export const packListSchema = z.object({ items: z.array(packSummarySchema) });
export const packDetailSchema = packSummarySchema.extend({ rules: z.array(ruleSchema) });
export type PackDetail = z.infer<typeof packDetailSchema>;

export const rulesAtQuerySchema = z.object({
  date: isoDateSchema,
  track: trackSchema,
  organizationId: z.string().max(40).optional(),
});
export const ruleListSchema = z.object({ items: z.array(ruleSchema) });

export const ruleChangeSchema = z.object({
  ruleId: z.string(),
  change: z.enum(['added', 'removed', 'changed', 'unchanged']),
  before: ruleSchema.nullable(),
  after: ruleSchema.nullable(),
  /** Which fields differ (params.months, citation, status…). */
  fields: z.array(z.string()),
});
export type RuleChange = z.infer<typeof ruleChangeSchema>;

export const diffQuerySchema = z.union([
  z.object({ fromPack: z.string().max(100), toPack: z.string().max(100) }),
  z.object({ fromDate: isoDateSchema, toDate: isoDateSchema, track: trackSchema }),
]);
export const diffSchema = z.object({ items: z.array(ruleChangeSchema) });

// ---- Facts for the eligibility engine ----

export const SEXES = ['M', 'F'] as const;
export const sexSchema = z.enum(SEXES);
export type Sex = z.infer<typeof sexSchema>;

/** A birth date as known: year only, month and year, or the full date. */
export const partialBirthSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'YYYY | YYYY-MM | YYYY-MM-DD');

export const THEORY_LEVELS = ['none', 'so_cap', 'trung_cap', 'cao_cap', 'cu_nhan'] as const;
export const THEORY_LABELS: Record<(typeof THEORY_LEVELS)[number], { vi: string; en: string }> = {
  none: { vi: 'Chưa qua đào tạo', en: 'None' },
  so_cap: { vi: 'Sơ cấp', en: 'Elementary' },
  trung_cap: { vi: 'Trung cấp', en: 'Intermediate' },
  cao_cap: { vi: 'Cao cấp', en: 'Advanced' },
  cu_nhan: { vi: 'Cử nhân chính trị', en: 'Bachelor of politics' },
};
export const EDUCATION_LEVELS = ['none', 'trung_cap', 'cao_dang', 'dai_hoc', 'thac_si', 'tien_si'] as const;
export const EDUCATION_LABELS: Record<(typeof EDUCATION_LEVELS)[number], { vi: string; en: string }> = {
  none: { vi: 'Chưa qua đào tạo', en: 'None' },
  trung_cap: { vi: 'Trung cấp', en: 'Vocational' },
  cao_dang: { vi: 'Cao đẳng', en: 'College' },
  dai_hoc: { vi: 'Đại học', en: 'University' },
  thac_si: { vi: 'Thạc sĩ', en: 'Master' },
  tien_si: { vi: 'Tiến sĩ', en: 'Doctorate' },
};
export const STATE_MANAGEMENT_LEVELS = ['none', 'chuyen_vien', 'chuyen_vien_chinh', 'chuyen_vien_cao_cap'] as const;
export const STATE_MANAGEMENT_LABELS: Record<(typeof STATE_MANAGEMENT_LEVELS)[number], { vi: string; en: string }> = {
  none: { vi: 'Chưa qua bồi dưỡng', en: 'None' },
  chuyen_vien: { vi: 'Chuyên viên', en: 'Officer' },
  chuyen_vien_chinh: { vi: 'Chuyên viên chính', en: 'Principal officer' },
  chuyen_vien_cao_cap: { vi: 'Chuyên viên cao cấp', en: 'Senior officer' },
};
/** Discipline levels that start a waiting period before a higher post. */
export const DISCIPLINE_LEVELS = ['khien_trach', 'canh_cao', 'cach_chuc'] as const;
export const DISCIPLINE_LABELS: Record<(typeof DISCIPLINE_LEVELS)[number], { vi: string; en: string }> = {
  khien_trach: { vi: 'Khiển trách', en: 'Reprimand' },
  canh_cao: { vi: 'Cảnh cáo', en: 'Warning' },
  cach_chuc: { vi: 'Cách chức', en: 'Removal from post' },
};
export const RATING_LEVELS = ['excellent', 'good', 'complete', 'not_complete'] as const;
export const RATING_LABELS: Record<(typeof RATING_LEVELS)[number], { vi: string; en: string }> = {
  excellent: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
  good: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' },
  complete: { vi: 'Hoàn thành nhiệm vụ', en: 'Complete' },
  not_complete: { vi: 'Không hoàn thành nhiệm vụ', en: 'Not complete' },
};
export const PURPOSES = ['appointment', 'planning', 'reappointment'] as const;
export const PURPOSE_LABELS: Record<(typeof PURPOSES)[number], { vi: string; en: string }> = {
  appointment: { vi: 'Bổ nhiệm, giới thiệu ứng cử', en: 'Appointment or nomination' },
  planning: { vi: 'Quy hoạch', en: 'Planning' },
  reappointment: { vi: 'Bổ nhiệm lại', en: 'Reappointment' },
};
/** The purposes a batch search answers (reappointment concerns the holder of the seat, not a pool of people). */
export const SEARCH_PURPOSES = ['appointment', 'planning'] as const;

/** One published confidence vote on the person (three levels), as the votes module reports it. */
export const confidenceVoteFactSchema = z.strictObject({
  voteDate: isoDateSchema,
  low: z.number().int().min(0),
  /** Ballots collected (the base of 96-QĐ/TW's shares). */
  collected: z.number().int().min(0),
  summoned: z.number().int().min(0),
  sessionId: z.string().max(40).optional(),
});
export type ConfidenceVoteFact = z.infer<typeof confidenceVoteFactSchema>;

/** Where one requirement of a title's standards comes from (policy/standards). */
export const standardSourceSchema = z.object({
  requirement: z.enum(['theory', 'education', 'stateManagement', 'priorPostMonths']),
  entryId: z.string(),
  citation: citationSchema,
  /** Unconfirmed: a gap against this requirement is a warning, never a block. */
  confirmed: z.boolean(),
  text: bilingualSchema,
});
export type StandardSource = z.infer<typeof standardSourceSchema>;

export const eligibilityFactsSchema = z.strictObject({
  person: z.strictObject({
    sex: sexSchema,
    birth: partialBirthSchema,
    /** NĐ 83/2022 or 99/2024: a listed female leader who may work to 60. */
    femaleLeaderTo60: z.boolean().default(false),
    /** Rank of the title held in the catalog (1 = highest); null when none is held. */
    currentTitleRank: z.number().int().min(1).max(20).nullable(),
    /** First day in the current post (the clock for time in post). */
    currentPostSince: isoDateSchema.nullable(),
    disciplines: z
      .array(z.strictObject({ level: z.enum(DISCIPLINE_LEVELS), decidedOn: isoDateSchema }))
      .max(50)
      .default([]),
    politicalTheory: z.enum(THEORY_LEVELS),
    education: z.enum(EDUCATION_LEVELS),
    stateManagement: z.enum(STATE_MANAGEMENT_LEVELS),
    /** Annual ratings; the engine looks at the 3 years before the judgement year. */
    ratings: z
      .array(z.strictObject({ year: z.number().int().min(1990).max(2100), level: z.enum(RATING_LEVELS) }))
      .max(50)
      .default([]),
    /** In the approved plan for the target title. */
    inPlanForTitle: z.boolean(),
    /** A conclusion on the political standard (kết luận tiêu chuẩn chính trị) is on file and favourable. */
    politicalStandardConcluded: z.boolean(),
    /** Months served in posts at most one level below the target title (from seats and work history); null = unknown. */
    priorPostMonths: z.number().int().min(0).max(1200).nullable().optional(),
    /** Published confidence votes on the person; absent = not looked up (the low-vote rule is then not judged). */
    confidenceVotes: z.array(confidenceVoteFactSchema).max(50).optional(),
  }),
  target: z.strictObject({
    titleName: z.string().max(300).optional(),
    /** Rank of the target title in the catalog (1 = highest). */
    rank: z.number().int().min(1).max(20),
    requiredTheory: z.enum(THEORY_LEVELS),
    requiredEducation: z.enum(EDUCATION_LEVELS),
    requiredStateManagement: z.enum(STATE_MANAGEMENT_LEVELS),
    /** HD 45 reference-date key (planning only): the age is measured at that date. */
    planningReference: z.string().max(60).optional(),
    /** A special case approved by the competent body (≥48 months instead of a full term). */
    specialCase: z.boolean().default(false),
    /** Months the title's standards ask in a post at most one level below (policy/standards); absent = none. */
    requiredPriorPostMonths: z.number().int().min(1).max(240).nullable().optional(),
    /** The standards entries the required levels come from; absent = typed in, treated as confirmed. */
    standardSources: z.array(standardSourceSchema).max(10).optional(),
  }),
  purpose: z.enum(PURPOSES),
});
export type EligibilityFactsInput = z.input<typeof eligibilityFactsSchema>;
export type EligibilityFacts = z.output<typeof eligibilityFactsSchema>;

export const eligibilityCheckBodySchema = z.strictObject({
  date: isoDateSchema,
  track: trackSchema,
  organizationId: z.string().max(40).optional(),
  facts: eligibilityFactsSchema,
});
export type EligibilityCheckBody = z.input<typeof eligibilityCheckBodySchema>;

export const eligibilityResultSchema = z.object({
  date: isoDateSchema,
  track: trackSchema,
  eligible: z.boolean(),
  verdicts: z.array(verdictSchema),
  /** The failed requirements (empty when eligible). */
  missing: z.array(z.string()),
});
export type EligibilityResult = z.infer<typeof eligibilityResultSchema>;

// ---- Retirement calculator ----

export const retirementQuerySchema = z.object({ sex: sexSchema, birth: partialBirthSchema });
export const retirementResultSchema = z.object({
  retirementAge: z.object({ years: z.number(), months: z.number() }),
  retirementDate: isoDateSchema,
  pensionFrom: isoDateSchema,
  ruleId: z.string(),
  citation: citationSchema,
  /** Assumptions made (e.g. a year-only birth counted as 1 January), each with its rule. */
  assumptions: z.array(verdictSchema),
});
export type RetirementResult = z.infer<typeof retirementResultSchema>;

export const approveLocalPackBodySchema = z.strictObject({
  note: z.string().trim().min(1).max(2000),
});
