import type { Track } from '../../../contracts/evaluations';
import { loadPolicyLibrary } from '../policy/pack.loader';
import type { ParamsOf, RuleKind, thresholdSchema } from '../policy/pack.schema';
import { type PolicyLibrary, type ResolvedPolicy, policyAt, ruleIn } from '../policy/policy.library';
import type { z } from 'zod';

export type Threshold = z.infer<typeof thresholdSchema>;

/** A rule of the policy pack as the evaluation rules use it: id, citation, status and its params. */
export interface PolicyRule<P = unknown> {
  id: string;
  citation: { document: string; date: string | null; article: string | null; text: string };
  status: 'confirmed' | 'unconfirmed';
  params: P;
}

/** The evaluation rules in force on a date for a track (from policy/packs); absent rules are null. */
export interface EvaluationPolicy {
  date: string;
  track: Track;
  points: PolicyRule<ParamsOf<'evaluation-points'>>;
  conditions: PolicyRule<ParamsOf<'evaluation-conditions'>> | null;
  quota: PolicyRule<ParamsOf<'quota-percent'>> | null;
  lowVoteVeto: PolicyRule<Threshold> | null;
  unitFloor: PolicyRule<Threshold> | null;
  unitsNotCompleteVeto: PolicyRule<Threshold> | null;
  tasksFailedVeto: PolicyRule<Threshold> | null;
  leaderVetoes: PolicyRule<ParamsOf<'list'>> | null;
  nonLeaderVetoes: PolicyRule<ParamsOf<'list'>> | null;
  generalCriteria: PolicyRule<ParamsOf<'evaluation-criteria'>>;
}

let library: PolicyLibrary | null = null;

/** The library buildApp loaded (CANBO_POLICY_DIR honoured); without one, the packs under policy/ are read once. */
export function setEvaluationPolicyLibrary(lib: PolicyLibrary): void {
  library = lib;
}

function packs(): PolicyLibrary {
  library ??= loadPolicyLibrary();
  return library;
}

function pick<K extends RuleKind>(policy: ResolvedPolicy, id: string, kind: K): PolicyRule<ParamsOf<K>> | null {
  const rule = ruleIn(policy, id, kind);
  if (!rule) return null;
  return { id: rule.id, citation: rule.citation, status: rule.status, params: rule.params as ParamsOf<K> };
}

export function evaluationPolicyFrom(lib: PolicyLibrary, date: string, track: Track): EvaluationPolicy {
  const policy = policyAt(lib, date, track);
  const points = pick(policy, 'evaluation.points', 'evaluation-points');
  const generalCriteria = pick(policy, 'evaluation.general-criteria', 'evaluation-criteria');
  if (!points || !generalCriteria)
    throw new RangeError(`Không có quy định đánh giá có hiệu lực ngày ${date} / no evaluation rules in force on ${date}`);
  return {
    date,
    track,
    points,
    conditions: pick(policy, 'evaluation.conditions', 'evaluation-conditions'),
    quota: pick(policy, 'evaluation.excellent-quota', 'quota-percent'),
    lowVoteVeto: pick(policy, 'evaluation.low-vote-veto', 'threshold'),
    unitFloor: pick(policy, 'evaluation.unit-floor', 'threshold'),
    unitsNotCompleteVeto: pick(policy, 'evaluation.units-not-complete-veto', 'threshold'),
    tasksFailedVeto: pick(policy, 'evaluation.tasks-failed-veto', 'threshold'),
    leaderVetoes: pick(policy, 'evaluation.leader-vetoes', 'list'),
    nonLeaderVetoes: pick(policy, 'evaluation.non-leader-vetoes', 'list'),
    generalCriteria,
  };
}

/** The evaluation rules of the national packs in force on `date` for `track`. */
export function evaluationPolicyAt(date: string, track: Track): EvaluationPolicy {
  return evaluationPolicyFrom(packs(), date, track);
}

/** The date a cycle is judged by: the end of its period (a 2025 annual cycle falls under 366-QĐ/TW). */
export function cyclePolicyDate(kind: string, year: number, quarter: number | null): string {
  if (kind === 'quarterly' && quarter)
    return `${year}-${String(quarter * 3).padStart(2, '0')}-${quarter === 1 || quarter === 4 ? 31 : 30}`;
  return `${year}-12-31`;
}
