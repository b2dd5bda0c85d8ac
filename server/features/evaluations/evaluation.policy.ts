import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { z } from 'zod';
import { SUBJECT_GROUPS, type SubjectGroup, type Track } from '../../../contracts/evaluations';

const POLICY_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../policy/evaluation/evaluation.yaml');

const bilingual = z.object({ vi: z.string(), en: z.string() });
const isoDate = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date().transform((d) => d.toISOString().slice(0, 10))]);
const thresholdParams = z.object({
  comparison: z.enum(['>', '>=', '<', '<=']),
  numerator: z.number().positive(),
  denominator: z.number().positive(),
  base: z.string(),
});
const common = {
  id: z.string(),
  title: bilingual,
  text: bilingual,
  citation: z.object({ document: z.string(), date: isoDate.nullable(), article: z.string().nullable() }),
  tracks: z.array(z.enum(['party', 'state'])).min(1),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
  status: z.enum(['confirmed', 'unconfirmed']),
};
const criterion = z.object({ key: z.string(), max: z.number().positive(), label: bilingual });
const ruleSchema = z.discriminatedUnion('kind', [
  z.object({
    ...common,
    kind: z.literal('evaluation-points'),
    params: z.object({
      total: z.number(),
      general: z.number(),
      results: z.number(),
      excellentMin: z.number(),
      goodMin: z.number(),
      completeMin: z.number(),
    }),
  }),
  z.object({
    ...common,
    kind: z.literal('evaluation-conditions'),
    params: z.object({ excellentExceedingPercent: z.number(), completeBehindMaxPercent: z.number() }),
  }),
  z.object({
    ...common,
    kind: z.literal('quota-percent'),
    params: z.object({ percent: z.number().positive(), outstandingPercent: z.number().positive() }),
  }),
  z.object({ ...common, kind: z.literal('threshold'), params: thresholdParams }),
  z.object({
    ...common,
    kind: z.literal('list'),
    params: z.object({ items: z.array(z.object({ key: z.string(), label: bilingual })) }),
  }),
  z.object({
    ...common,
    kind: z.literal('criteria'),
    params: z.object({
      groups: z.object(
        Object.fromEntries(SUBJECT_GROUPS.map((g) => [g, z.array(criterion).min(1)])) as Record<
          SubjectGroup,
          z.ZodArray<typeof criterion>
        >,
      ),
    }),
  }),
]);
const fileSchema = z.object({ id: z.string(), rules: z.array(ruleSchema) });

export type PolicyRule = z.infer<typeof ruleSchema>;
type RuleOf<K extends PolicyRule['kind']> = Extract<PolicyRule, { kind: K }>;
export type Threshold = z.infer<typeof thresholdParams>;

/** The evaluation rules in force on a date for a track; absent rules are null. */
export interface EvaluationPolicy {
  date: string;
  track: Track;
  points: RuleOf<'evaluation-points'>;
  conditions: RuleOf<'evaluation-conditions'> | null;
  quota: RuleOf<'quota-percent'> | null;
  lowVoteVeto: RuleOf<'threshold'> | null;
  unitFloor: RuleOf<'threshold'> | null;
  unitsNotCompleteVeto: RuleOf<'threshold'> | null;
  tasksFailedVeto: RuleOf<'threshold'> | null;
  leaderVetoes: RuleOf<'list'> | null;
  nonLeaderVetoes: RuleOf<'list'> | null;
  generalCriteria: RuleOf<'criteria'>;
}

let cached: PolicyRule[] | null = null;

/** Parses and validates a rule file; a malformed file fails loudly at start-up, not at the first evaluation. */
export function parseEvaluationRules(text: string): PolicyRule[] {
  const rules = fileSchema.parse(load(text)).rules;
  // Two versions of one rule may not both be in force on the same day for the same track.
  for (const a of rules)
    for (const b of rules)
      if (a !== b && a.id === b.id && a.tracks.some((t) => b.tracks.includes(t))) {
        const overlap = a.effectiveFrom <= (b.effectiveTo ?? '9999-12-31') && b.effectiveFrom <= (a.effectiveTo ?? '9999-12-31');
        if (overlap) throw new Error(`policy/evaluation: rule ${a.id} has overlapping versions`);
      }
  return rules;
}

function loadedRules(): PolicyRule[] {
  cached ??= parseEvaluationRules(fs.readFileSync(POLICY_FILE, 'utf8'));
  return cached;
}

export function evaluationPolicyFrom(rules: readonly PolicyRule[], date: string, track: Track): EvaluationPolicy {
  const inForce = rules.filter(
    (r) => r.tracks.includes(track) && r.effectiveFrom <= date && (r.effectiveTo === null || date <= r.effectiveTo),
  );
  const find = <K extends PolicyRule['kind']>(id: string, kind: K): RuleOf<K> | null => {
    const rule = inForce.find((r) => r.id === id);
    if (!rule) return null;
    if (rule.kind !== kind) throw new Error(`rule ${id} has kind ${rule.kind}, expected ${kind}`);
    return rule as RuleOf<K>;
  };
  const points = find('evaluation.points', 'evaluation-points');
  const generalCriteria = find('evaluation.general-criteria', 'criteria');
  if (!points || !generalCriteria)
    throw new RangeError(`Không có quy định đánh giá có hiệu lực ngày ${date} / no evaluation rules in force on ${date}`);
  return {
    date,
    track,
    points,
    conditions: find('evaluation.conditions', 'evaluation-conditions'),
    quota: find('evaluation.excellent-quota', 'quota-percent'),
    lowVoteVeto: find('evaluation.low-vote-veto', 'threshold'),
    unitFloor: find('evaluation.unit-floor', 'threshold'),
    unitsNotCompleteVeto: find('evaluation.units-not-complete-veto', 'threshold'),
    tasksFailedVeto: find('evaluation.tasks-failed-veto', 'threshold'),
    leaderVetoes: find('evaluation.leader-vetoes', 'list'),
    nonLeaderVetoes: find('evaluation.non-leader-vetoes', 'list'),
    generalCriteria,
  };
}

/** The rules from policy/evaluation in force on `date` for `track`. */
export function evaluationPolicyAt(date: string, track: Track): EvaluationPolicy {
  return evaluationPolicyFrom(loadedRules(), date, track);
}

/** The date a cycle is judged by: the end of its period (a 2025 annual cycle falls under 366-QĐ/TW). */
export function cyclePolicyDate(kind: string, year: number, quarter: number | null): string {
  if (kind === 'quarterly' && quarter)
    return `${year}-${String(quarter * 3).padStart(2, '0')}-${quarter === 1 || quarter === 4 ? 31 : 30}`;
  return `${year}-12-31`;
}
