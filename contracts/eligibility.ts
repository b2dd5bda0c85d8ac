import { z } from 'zod';
import { isoDateSchema } from './common';
import { PURPOSES, RATING_LEVELS, SEARCH_PURPOSES, standardSourceSchema, trackSchema, verdictSchema } from './policy';
import { voteOutcomeSchema } from './votes';

// Batch eligibility ("who in this subtree is eligible for title X on date D, and who is one requirement short")
// and the check of one stored person against a title.

export const ELIGIBILITY_LIMITS = { perList: 500, defaultPerList: 100 } as const;

export const eligibilitySearchBodySchema = z
  .strictObject({
    /** The title's id (`<catalog>:<code>`) or its catalog code; read in the catalog in force on `date`. */
    titleId: z.string().max(80).optional(),
    titleCode: z.string().max(40).optional(),
    date: isoDateSchema,
    track: trackSchema.default('party'),
    purpose: z.enum(SEARCH_PURPOSES).default('planning'),
    /** The subtree to search (default: everything the user may read). */
    organizationId: z.string().max(40).optional(),
    /** HD 45 reference-date key (planning). */
    referenceKey: z.string().max(60).optional(),
    filters: z
      .strictObject({
        sex: z.enum(['M', 'F']).optional(),
        ethnicMinority: z.boolean().optional(),
        partyMember: z.boolean().optional(),
        bornFrom: isoDateSchema.optional(),
        q: z.string().trim().max(100).optional(),
      })
      .default({}),
    limit: z.number().int().min(1).max(ELIGIBILITY_LIMITS.perList).default(ELIGIBILITY_LIMITS.defaultPerList),
    oneShort: z.boolean().default(true),
    /** Also count everyone in the subtree passing the conditions run in the database. */
    count: z.boolean().default(false),
  })
  .refine((b) => Boolean(b.titleId ?? b.titleCode), {
    message: 'titleId hoặc titleCode / titleId or titleCode',
    path: ['titleId'],
  });
export type EligibilitySearchBody = z.input<typeof eligibilitySearchBodySchema>;

export const eligibleItemSchema = z.object({
  personId: z.string(),
  fullName: z.string(),
  sex: z.enum(['M', 'F']),
  birthDate: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  currentTitle: z.string().nullable(),
  levelsBelow: z.number().nullable(),
  retirementDate: isoDateSchema,
  monthsLeft: z.number(),
  eligible: z.boolean(),
  /** The failed verdicts: none when eligible, one when one requirement short. */
  missing: z.array(verdictSchema),
  warnings: z.array(verdictSchema),
});
export type EligibleItem = z.infer<typeof eligibleItemSchema>;

export const titleRefSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), rankOrder: z.number() });

/** A count that is exact, or known only to be more than / at least `value` (bounded to keep the answer fast). */
export const boundedCountSchema = z.object({
  value: z.number(),
  relation: z.enum(['exact', 'more-than', 'at-least']),
});
export type BoundedCount = z.infer<typeof boundedCountSchema>;

export const eligibilitySearchResultSchema = z.object({
  title: titleRefSchema,
  date: isoDateSchema,
  track: trackSchema,
  purpose: z.enum(SEARCH_PURPOSES),
  standards: z.array(standardSourceSchema),
  /** Rules whose conditions ran in the database (as necessary conditions) before the engine judged the rest. */
  pushedDown: z.array(z.string()),
  passingPrefilter: z.number().nullable(),
  scanned: z.number(),
  eligible: z.array(eligibleItemSchema),
  oneShort: z.array(eligibleItemSchema),
  complete: z.boolean(),
  /**
   * How many in the subtree: eligible and one short (exact when the lists were not cut), and those passing the
   * conditions run in the database (an upper bound of the eligible; exact up to 10,000, else "more than 10,000").
   */
  totals: z.object({ eligible: boundedCountSchema, oneShort: boundedCountSchema.nullable(), passing: boundedCountSchema }),
});
export type EligibilitySearchResult = z.infer<typeof eligibilitySearchResultSchema>;

export const personEligibilityQuerySchema = z.object({
  title: z.string().min(1).max(80),
  date: isoDateSchema,
  track: trackSchema.default('party'),
  purpose: z.enum(PURPOSES).default('appointment'),
});

export const personEligibilitySchema = z.object({
  person: z.object({ id: z.string(), fullName: z.string(), organizationName: z.string(), currentTitle: z.string().nullable() }),
  title: titleRefSchema,
  date: isoDateSchema,
  track: trackSchema,
  purpose: z.enum(PURPOSES),
  eligible: z.boolean(),
  verdicts: z.array(verdictSchema),
  missing: z.array(z.string()),
  standards: z.array(standardSourceSchema),
  /** Decided annual ratings of the 3 years before the judgement year. */
  ratings: z.array(z.object({ year: z.number(), level: z.enum(RATING_LEVELS) })),
  /** Published votes on the person up to the date (newest first), with the consequences the rules raised. */
  voteOutcomes: z.array(voteOutcomeSchema),
});
export type PersonEligibility = z.infer<typeof personEligibilitySchema>;
