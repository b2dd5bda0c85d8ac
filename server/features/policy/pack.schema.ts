import { z } from 'zod';
import { ACTION_KINDS, STEP_VOTES } from '../../../contracts/decisions';
import { DISCIPLINE_LEVELS, RATING_LEVELS, THEORY_LEVELS, bilingualSchema, trackSchema } from '../../../contracts/policy';

// The YAML format of a policy pack. Every number a rule uses lives here, typed by the rule's kind,
// so a pack with a wrong or missing number stops the server before any verdict is given.

const date = z.iso.date();
const int = z.number().int();
const bilingual = bilingualSchema;
const label = z.strictObject({ key: z.string().min(1), label: bilingual });

/** A ratio with its exact comparison and base: "> 1/2 of ballots collected". */
export const thresholdSchema = z.strictObject({
  comparison: z.enum(['>', '>=', '<', '<=']),
  numerator: int.min(0),
  denominator: int.min(1),
  base: z.enum(['ballots_collected', 'summoned', 'committee_members', 'collective', 'targets', 'tasks', 'units_led']),
});
export type Threshold = z.infer<typeof thresholdSchema>;

const ageSchema = z.strictObject({ years: int.min(40).max(80), months: int.min(0).max(11) });
export type Age = z.infer<typeof ageSchema>;

const sexSchedule = z.strictObject({
  /** The age for dates reached in years before the schedule starts. */
  before: ageSchema,
  startYear: int.min(1990).max(2100),
  start: ageSchema,
  stepMonthsPerYear: int.min(0).max(12),
  final: ageSchema,
});

const kinds = {
  /** A requirement with no number (e.g. "in the plan for the title"). */
  flag: z.strictObject({}),
  /** Text only: informs, never computed. */
  text: z.strictObject({}),
  months: z.strictObject({ months: int.min(0), specialCaseMonths: int.min(0).optional() }),
  days: z.strictObject({ days: int.min(0) }),
  'count-max': z.strictObject({ max: int.min(1) }),
  'ratio-range': z.strictObject({ min: z.number().min(0), max: z.number().min(0) }),
  threshold: thresholdSchema,
  band: z.strictObject({ lower: thresholdSchema, upper: thresholdSchema }),
  /**
   * A bar raised by the latest published confidence vote on the person within `withinMonths` before the date: more
   * than the threshold of low votes, over the base the rule names (ballots collected or persons summoned).
   */
  'low-vote-bar': z.strictObject({
    threshold: thresholdSchema.extend({ base: z.enum(['ballots_collected', 'summoned']) }),
    withinMonths: int.min(1).max(120),
  }),
  'discipline-waits': z.strictObject(
    Object.fromEntries(DISCIPLINE_LEVELS.map((l) => [l, int.min(0)])) as Record<
      (typeof DISCIPLINE_LEVELS)[number],
      ReturnType<typeof int.min>
    >,
  ),
  'planning-age-levels': z.strictObject({ oneLevelBelowMonths: int.min(0), twoLevelsBelowMonths: int.min(0) }),
  'planning-age-terms': z.strictObject({ requiredMonths: int.min(0), preferredMonths: int.min(0) }),
  'planning-theory': z.strictObject({
    oneLevelBelow: z.enum(['must-meet', 'may-train-after-approval']),
    twoLevelsBelow: z.enum(['must-meet', 'may-train-after-approval']),
  }),
  'reference-dates': z.strictObject({
    dates: z.array(z.strictObject({ key: z.string().min(1), label: bilingual, month: z.string().regex(/^\d{4}-\d{2}$/) })).min(1),
    femaleCountedAt: ageSchema.optional(),
  }),
  list: z.strictObject({ items: z.array(label).min(1) }),
  'removal-triggers': z.strictObject({ immediate: z.array(label).min(1), atReview: z.array(label).min(1) }),
  /** Age bands of a plan: the youngest below the young-age limit, then `count - 1` more bands `widthYears` wide. */
  'age-bands': z.strictObject({ count: int.min(2).max(6), widthYears: int.min(1).max(15) }),
  'ratings-assessed': z.strictObject({ years: int.min(1).max(10) }),
  'ratings-minimum': z.strictObject({ years: int.min(1).max(10), minimumLevel: z.enum(RATING_LEVELS) }),
  'theory-order': z.strictObject({ order: z.array(z.array(z.enum(THEORY_LEVELS)).min(1)).min(2) }),
  'retirement-schedule': z.strictObject({
    men: sexSchedule,
    women: sexSchedule,
    retireOn: z.literal('last-day-of-month-reached'),
    pensionFrom: z.literal('first-day-of-next-month'),
  }),
  'birth-date-default': z.strictObject({ month: int.min(1).max(12), day: int.min(1).max(31) }),
  /** How far an individual retirement date may move from the legal one (earlier or later retirement). */
  'retirement-exceptions': z.strictObject({ earlierMaxYears: int.min(0).max(20), laterMaxYears: int.min(0).max(20) }),
  /** A minimum age for an event in a person's record (party admission, recruitment). */
  'age-min': z.strictObject({ minYears: int.min(0).max(100) }),
  /** The range of ages a record may plausibly show. */
  'age-range': z.strictObject({ minYears: int.min(0).max(150), maxYears: int.min(0).max(150) }),
  /** The personal identification number (CCCD): its length in digits. */
  'id-number': z.strictObject({ length: int.min(1).max(30) }),
  'female-leader-age': z.strictObject({ age: ageSchema }),
  'appointment-ballot': z.strictObject({
    quorum: thresholdSchema,
    chosen: thresholdSchema,
    goOn: thresholdSchema,
    switchCandidate: thresholdSchema,
    tie: z.enum(['head-decides', 'none']),
    steps: z.array(label).min(1),
    outsideSteps: z.array(label).optional(),
    policyWorkingDays: int.min(1).optional(),
    processDays: int.min(1).optional(),
  }),
  reappointment: z.strictObject({
    noticeDays: int.min(0),
    keyCadre: thresholdSchema,
    collective: thresholdSchema,
    tie: z.enum(['head-decides', 'escalate']),
    toRetirementUnderMonths: int.min(0),
    extendUnderMonths: int.min(0),
    /** Postponement cases (a stay abroad or in hospital counts from `minMonths`). */
    postponeReasons: z.array(label.extend({ minMonths: int.min(1).optional() })).min(1),
  }),
  /**
   * The grounds on which a person may leave a post (dismissal, resignation, relief), each with how it is proved:
   * a published confidence vote over the rule `voteRule` names, the last `consecutiveYears` ratings at `ratingLevel`,
   * a discipline of `disciplineLevels` since the person took the seat, or a dated document (after `minMonthsInPost`).
   */
  grounds: z.strictObject({
    items: z
      .array(
        z
          .strictObject({
            key: z.string().min(1),
            label: bilingual,
            evidence: z.enum(['low-votes', 'rating', 'discipline', 'document']),
            voteRule: z.string().min(1).optional(),
            ratingLevel: z.enum(RATING_LEVELS).optional(),
            consecutiveYears: int.min(1).optional(),
            disciplineLevels: z.array(z.enum(DISCIPLINE_LEVELS)).min(1).optional(),
            minMonthsInPost: int.min(1).optional(),
          })
          .refine((g) => g.evidence !== 'low-votes' || g.voteRule, { message: 'low-votes needs voteRule' })
          .refine((g) => g.evidence !== 'rating' || (g.ratingLevel && g.consecutiveYears), {
            message: 'rating needs ratingLevel and consecutiveYears',
          })
          .refine((g) => g.evidence !== 'discipline' || g.disciplineLevels, { message: 'discipline needs disciplineLevels' }),
      )
      .min(1),
  }),
  'evaluation-points': z.strictObject({
    total: int.min(1),
    general: int.min(0),
    results: int.min(0),
    excellentMin: int.min(0),
    goodMin: int.min(0),
    completeMin: int.min(0),
  }),
  'evaluation-conditions': z.strictObject({
    excellentExceedingPercent: int.min(0).max(100),
    completeBehindMaxPercent: int.min(0).max(100),
  }),
  /** General criteria (the 30 points) per subject group of the evaluation form. */
  'evaluation-criteria': z.strictObject({
    groups: z.strictObject(
      Object.fromEntries(
        (['leader_central', 'leader_other', 'non_leader', 'outside'] as const).map((g) => [
          g,
          z.array(z.strictObject({ key: z.string().min(1), max: z.number().positive(), label: bilingual })).min(1),
        ]),
      ) as Record<
        'leader_central' | 'leader_other' | 'non_leader' | 'outside',
        z.ZodArray<z.ZodObject<{ key: z.ZodString; max: z.ZodNumber; label: typeof bilingual }, z.core.$strict>>
      >,
    ),
  }),
  'quota-percent': z.strictObject({
    percent: int.min(0).max(100),
    outstandingPercent: int.min(0).max(100).optional(),
    base: z.enum(['rated_good', 'rated']),
  }),
  rotation: z.strictObject({ serviceYearsLeft: int.min(0), healthCertificateMaxMonths: int.min(0) }),
  'relatives-restriction': z.strictObject({
    holders: z.array(label).min(1),
    relations: z.array(label).min(1),
    posts: z.array(label).min(1),
  }),
  'relief-from-post': z.strictObject({ targets: thresholdSchema, basicTargets: int.min(1), exemptUnderMonthsInPost: int.min(0) }),
  'staffing-quota': z.strictObject({
    total: int.min(1),
    addedTeachers: int.min(0),
    cadreCutPercent: int.min(0).max(100),
    employeeCutPercent: int.min(0).max(100),
    fromYear: int,
    toYear: int,
  }),
  'salary-percent': z.strictObject({ percent: int.min(0).max(100) }),
  'share-targets': z.strictObject({ youngMinPercent: int.min(0).max(100), womenMinPercent: int.min(0).max(100) }),
  /** A minimum share of a group in a list; 0 = no common number (a locality sets its own within localBounds). */
  'min-share': z.strictObject({ minPercent: int.min(0).max(100) }),
  'term-year': z.strictObject({ termYear: int.min(1).max(5), termYears: int.min(1).max(10) }),
  /** "Young" in a plan: under this age at the reference date, per planning level. */
  'young-age': z.strictObject({
    byLevel: z.array(z.strictObject({ level: z.string().min(1), underYears: int.min(18).max(80) })).min(1),
  }),
  /** A personnel process: its steps, who takes part, how each is decided, its deadlines and dossier. */
  process: z.strictObject({
    action: z.enum(ACTION_KINDS),
    source: z.enum(['on-site', 'outside', 'any']),
    /** The rule holding the candidate-ballot thresholds (quorum, >50 %, ≥30 %, ≥2/3 to switch). */
    ballotRule: z.string().min(1).optional(),
    /** The threshold of a yes/no step and what an exact tie means. */
    approval: thresholdSchema.optional(),
    /**
     * A separate rule (kind `threshold`) holding the yes/no threshold, when that number is confirmed while the rest of
     * the process (quorum, deadlines) is not: its verdict then blocks, the process rule's only warn.
     */
    approvalRule: z.string().min(1).optional(),
    tie: z.enum(['head-decides', 'escalate']).optional(),
    quorum: thresholdSchema.optional(),
    policyWorkingDays: int.min(1).optional(),
    processWorkingDays: int.min(1).optional(),
    /** Reappointment: the process starts at least this many days before the term ends. */
    noticeDaysBeforeTermEnd: int.min(0).optional(),
    /** The dossier must be complete and fresh before this step is completed. */
    dossierBeforeStep: z.string().min(1).optional(),
    steps: z
      .array(
        z.strictObject({
          key: z.string().min(1),
          label: bilingual,
          voterGroup: bilingual,
          vote: z.enum(STEP_VOTES),
          announced: z.boolean(),
        }),
      )
      .min(1),
  }),
  /** The personnel dossier: each document, how old it may be on the day it is relied on. */
  dossier: z.strictObject({
    items: z.array(z.strictObject({ key: z.string().min(1), label: bilingual, maxAgeMonths: int.min(1).nullable() })).min(1),
  }),
  /** When a process is unusually fast or has stalled (working days). */
  'process-timing': z.strictObject({ fastUnderWorkingDays: int.min(1), stalledIdleWorkingDays: int.min(1) }),
} as const;

export type RuleKind = keyof typeof kinds;
export const RULE_KINDS = Object.keys(kinds) as RuleKind[];
export type ParamsOf<K extends RuleKind> = z.infer<(typeof kinds)[K]>;

const citation = z.strictObject({
  document: z.string().min(1),
  date: date.nullable().default(null),
  article: z.string().min(1).nullable().default(null),
  /** The date was written from memory, not read in the brief or the text: shown as not checked. */
  dateUnconfirmed: z.boolean().optional(),
});

const bounds = z.record(z.string(), z.strictObject({ min: z.number(), max: z.number() }));

const ruleBase = {
  id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)+$/, 'a stable id like planning.max-titles-per-person'),
  title: bilingual,
  text: bilingual,
  note: bilingual.optional(),
  /** Why the rule is unconfirmed (which number or document is not verified): required on, and only on, unconfirmed rules. */
  reason: bilingual.optional(),
  citation,
  tracks: z.array(trackSchema).min(1),
  effectiveFrom: date.optional(),
  effectiveTo: date.nullable().optional(),
  status: z.enum(['confirmed', 'unconfirmed']),
  localBounds: bounds.optional(),
};

/** One rule: the kind picks the shape of its params. */
export const packRuleSchema = z.discriminatedUnion(
  'kind',
  RULE_KINDS.map((k) => z.strictObject({ ...ruleBase, kind: z.literal(k), params: kinds[k] })) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
);

export type PackRule = {
  [K in RuleKind]: {
    id: string;
    kind: K;
    params: ParamsOf<K>;
    title: z.infer<typeof bilingual>;
    text: z.infer<typeof bilingual>;
    note?: z.infer<typeof bilingual>;
    reason?: z.infer<typeof bilingual>;
    citation: z.infer<typeof citation>;
    tracks: z.infer<typeof trackSchema>[];
    effectiveFrom?: string;
    effectiveTo?: string | null;
    status: 'confirmed' | 'unconfirmed';
    localBounds?: z.infer<typeof bounds>;
  };
}[RuleKind];

export const nationalPackSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  scope: z.literal('national'),
  title: bilingual,
  description: bilingual,
  effectiveFrom: date,
  effectiveTo: date.nullable().default(null),
  rules: z.array(z.unknown()).min(1),
});

export const localPackSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  scope: z.literal('local'),
  organizationCode: z.string().min(1),
  title: bilingual,
  description: bilingual,
  effectiveFrom: date,
  effectiveTo: date.nullable().default(null),
  overrides: z
    .array(
      z.strictObject({
        ruleId: z.string().min(1),
        params: z.record(z.string(), z.number()),
        reason: bilingual,
      }),
    )
    .min(1),
});
export type LocalPackFile = z.infer<typeof localPackSchema>;

export const packFileSchema = z.discriminatedUnion('scope', [nationalPackSchema, localPackSchema]);

/** The kind each rule id the code evaluates must have; a pack that disagrees fails at start-up. */
export const KNOWN_RULE_KINDS: Record<string, RuleKind> = {
  'retirement.age-schedule': 'retirement-schedule',
  'retirement.unknown-birth-date': 'birth-date-default',
  'retirement.female-leaders-60': 'female-leader-age',
  'retirement.exceptions': 'retirement-exceptions',
  'records.party.min-age': 'age-min',
  'records.party.probation': 'months',
  'records.recruitment.min-age': 'age-min',
  'records.cccd.structure': 'id-number',
  'records.age.plausible': 'age-range',
  'planning.higher-titles-only': 'flag',
  'planning.max-per-title': 'count-max',
  'planning.max-titles-per-person': 'count-max',
  'planning.committee-size-ratio': 'ratio-range',
  'planning.age-by-level': 'planning-age-levels',
  'planning.age-terms': 'planning-age-terms',
  'planning.theory-by-level': 'planning-theory',
  'planning.reference-dates': 'reference-dates',
  'planning.removal-triggers': 'removal-triggers',
  'planning.recommendation-threshold': 'threshold',
  'planning.age-bands': 'age-bands',
  'appointment.in-plan': 'flag',
  'appointment.head-near-retirement': 'months',
  'power.exceptions-per-authority': 'count-max',
  'appointment.months-in-post': 'months',
  'appointment.full-term': 'months',
  'appointment.discipline-waits': 'discipline-waits',
  'appointment.ratings-assessed': 'ratings-assessed',
  'appointment.ratings-minimum': 'ratings-minimum',
  'appointment.political-standard': 'flag',
  'eligibility.low-confidence-vote': 'low-vote-bar',
  'reappointment.low-confidence-vote': 'low-vote-bar',
  'standards.title-requirements': 'theory-order',
  'vote.quorum': 'threshold',
  'vote.low-out-of-planning': 'band',
  'vote.low-dismissal': 'threshold',
  'state.resignation-low-votes': 'band',
  'state.dismissal-low-votes': 'threshold',
  'state.dismissal-vote': 'threshold',
  'state.appointment-ballot': 'appointment-ballot',
  'state.reappointment': 'reappointment',
  'grounds.dismissal': 'grounds',
  'grounds.resignation': 'grounds',
  'grounds.relief': 'grounds',
  'evaluation.points': 'evaluation-points',
  'evaluation.excellent-quota': 'quota-percent',
  'evaluation.low-vote-veto': 'threshold',
  'rotation.requirements': 'rotation',
  'power.relatives-restriction': 'relatives-restriction',
  'committee.structure-change': 'threshold',
  'evaluation.conditions': 'evaluation-conditions',
  'evaluation.general-criteria': 'evaluation-criteria',
  'evaluation.unit-floor': 'threshold',
  'evaluation.units-not-complete-veto': 'threshold',
  'evaluation.tasks-failed-veto': 'threshold',
  'evaluation.leader-vetoes': 'list',
  'evaluation.non-leader-vetoes': 'list',
  'state.suspension-salary': 'salary-percent',
  'relief.targets': 'relief-from-post',
  'planning.youth-women-share': 'share-targets',
  'planning.ethnic-minority-share': 'min-share',
  'vote.timing': 'term-year',
  'planning.cycle': 'term-year',
  'planning.young-age': 'young-age',
  'planning.not-while-proposed': 'flag',
  'staffing.quota-2022-2026': 'staffing-quota',
  'process.appointment.on-site': 'process',
  'process.appointment.outside': 'process',
  'process.reappointment': 'process',
  'process.rotation': 'process',
  'process.transfer': 'process',
  'process.secondment': 'process',
  'process.nomination': 'process',
  'process.dismissal': 'process',
  'process.relief': 'process',
  'process.resignation': 'process',
  'process.suspension': 'process',
  'process.retirement': 'process',
  'dossier.personnel': 'dossier',
  'power.process-timing': 'process-timing',
};
