import { GRID_LEVELS, type GridLevel, type PlanningLevel, type Readiness, type Structure } from '../../../contracts/planning';
import { ROUND_STEPS, type RemovalTrigger, type RoundStep, REMOVAL_TRIGGER_LABELS } from '../../../contracts/planning-work';
import type { BilingualText } from '../../../contracts/policy';
import { type ResolvedPolicy, ruleIn } from '../policy/policy.library';
import { thresholdText } from '../policy/policy.rules';
import { ageOn, youngUnderYears } from './planning.rules';

// Pure rules of planning at work: recommendation rounds, the yearly review's suggestions, succession reports, 9-box.

export interface RoundFacts {
  step: RoundStep;
  heldOn: string;
  summoned: number;
  results: { personId: string; agree: number; passed: boolean }[];
}

/** Rounds in the order of the process: by step, then by date (a step may be held again). */
export function orderRounds<R extends Pick<RoundFacts, 'step' | 'heldOn'>>(rounds: readonly R[]): R[] {
  return [...rounds].sort(
    (a, b) => ROUND_STEPS.indexOf(a.step) - ROUND_STEPS.indexOf(b.step) || a.heldOn.localeCompare(b.heldOn),
  );
}

/**
 * Who may be voted on at `step`: those who passed the latest round of the nearest earlier step that was held;
 * null when no earlier step was held (every planned person may be voted on).
 */
export function admittedTo(rounds: readonly RoundFacts[], step: RoundStep): Set<string> | null {
  const earlier = orderRounds(rounds).filter((r) => ROUND_STEPS.indexOf(r.step) < ROUND_STEPS.indexOf(step));
  const last = earlier.at(-1);
  if (!last) return null;
  return new Set(last.results.filter((r) => r.passed).map((r) => r.personId));
}

/** A person's outcome in the latest round that voted on them, or null when no round did. */
export function latestRoundOf(
  rounds: readonly RoundFacts[],
  personId: string,
): { step: RoundStep; heldOn: string; summoned: number; agree: number; passed: boolean } | null {
  const mine = orderRounds(rounds).filter((r) => r.results.some((x) => x.personId === personId));
  const last = mine.at(-1);
  if (!last) return null;
  const me = last.results.find((x) => x.personId === personId)!;
  return { step: last.step, heldOn: last.heldOn, summoned: last.summoned, agree: me.agree, passed: me.passed };
}

/** What the yearly review knows about one planned person. */
export interface ReviewFacts {
  /** Failed candidate verdicts of the live checks (discipline, age, recommendation…), with their rule ids. */
  failedRuleIds: readonly string[];
  /** Confidence votes whose low share exceeded the out-of-planning line, newest first. */
  lowVotes: readonly { voteDate: string; pctLowOfCollected: number; ruleId: string; citation: string }[];
  /** Ratings of the year before the review, from evaluation history. */
  ratingLastYear: 'excellent' | 'good' | 'complete' | 'not_complete' | null;
  /** The person's unit is no longer inside the cycle's organization. */
  movedAway: boolean;
  /** The person now holds the planned title (or one at least as high). */
  appointed: boolean;
}

const AGE_RULES = ['planning.age-by-level', 'planning.age-terms'];

export interface Suggestion {
  trigger: RemovalTrigger;
  ruleId: string;
  citation: string;
  detail: BilingualText;
}

/**
 * The removals a yearly review should consider for one person, each with its rule: the pack's removal triggers
 * (discipline at once; over age, low confidence, not complete, moved, appointed at the review) and a failed
 * recommendation round. A trigger the pack in force does not list is not suggested.
 */
export function suggestRemovals(policy: ResolvedPolicy, f: ReviewFacts): Suggestion[] {
  const rule = ruleIn(policy, 'planning.removal-triggers', 'removal-triggers');
  const out: Suggestion[] = [];
  if (!rule) return out;
  const listed = new Map([...rule.params.immediate, ...rule.params.atReview].map((t) => [t.key, t.label]));
  const cite = rule.citation.text;
  const add = (trigger: RemovalTrigger, key: string, detail: BilingualText, ruleId = rule.id, citation = cite) => {
    if (listed.has(key)) out.push({ trigger, ruleId, citation, detail });
  };
  if (f.failedRuleIds.includes('planning.removal-triggers'))
    add('disciplined', 'disciplined', {
      vi: 'Bị kỷ luật sau khi vào quy hoạch: đưa ra ngay, không chờ rà soát.',
      en: 'Disciplined after entering the plan: out at once, not at the review.',
    });
  if (f.failedRuleIds.some((id) => AGE_RULES.includes(id)))
    add('over_age', 'over-age', {
      vi: 'Không còn đủ thời gian công tác theo tuổi quy hoạch tại mốc tính tuổi.',
      en: 'No longer enough service left at the reference date.',
    });
  const low = f.lowVotes[0];
  if (low)
    add(
      'low_confidence',
      'low-confidence',
      {
        vi: `Lấy phiếu tín nhiệm ngày ${low.voteDate.split('-').reverse().join('/')}: ${String(low.pctLowOfCollected).replace('.', ',')}% phiếu tín nhiệm thấp (trên 50%).`,
        en: `Confidence vote of ${low.voteDate}: ${low.pctLowOfCollected}% low confidence (more than 50 %).`,
      },
      low.ruleId,
      low.citation,
    );
  if (f.ratingLastYear === 'not_complete')
    add('not_complete', 'not-complete', {
      vi: 'Năm trước xếp loại "Không hoàn thành nhiệm vụ".',
      en: 'Rated "not complete" last year.',
    });
  if (f.movedAway)
    add('moved', 'moved', {
      vi: 'Đã chuyển công tác ra ngoài đơn vị của kỳ quy hoạch.',
      en: "Moved outside the cycle's organization.",
    });
  if (f.appointed)
    add('appointed', 'appointed', {
      vi: 'Đã được bổ nhiệm, bầu vào chức danh quy hoạch (hoặc cao hơn).',
      en: 'Already appointed to the planned title (or a higher one).',
    });
  const threshold = ruleIn(policy, 'planning.recommendation-threshold', 'threshold');
  if (threshold && f.failedRuleIds.includes(threshold.id))
    out.push({
      trigger: 'not_recommended',
      ruleId: threshold.id,
      citation: threshold.citation.text,
      detail: {
        vi: `${REMOVAL_TRIGGER_LABELS.not_recommended.vi} (${thresholdText(threshold.params).vi}).`,
        en: `${REMOVAL_TRIGGER_LABELS.not_recommended.en} (${thresholdText(threshold.params).en}).`,
      },
    });
  return out;
}

/** Whether a review date falls in the first quarter, when planning.cycle puts the yearly review. */
export const inFirstQuarter = (iso: string) => Number(iso.slice(5, 7)) <= 3;

export interface ReviewState {
  candidateId: string;
  planId: string;
  personId: string;
  readiness: Readiness;
}

/** The lists before and after a review and every change: kept, added, removed. */
export function reviewDiff<T extends ReviewState>(
  before: readonly T[],
  removedIds: ReadonlySet<string>,
  added: readonly T[],
): { after: T[]; kept: T[]; removed: T[]; added: T[] } {
  const kept = before.filter((c) => !removedIds.has(c.candidateId));
  const removed = before.filter((c) => removedIds.has(c.candidateId));
  return { after: [...kept, ...added], kept, removed, added: [...added] };
}

/** Share with one decimal, exact for ties: 2 of 3 → 66.7. */
export const percent1 = (n: number, total: number) => (total ? Math.round((1000 * n) / total) / 10 : 0);

/** Coverage of key seats: how many have at least one ready-now successor in the plan. */
export function coverageOf<S extends { readyNow: number }>(seats: readonly S[]) {
  const withReadyNow = seats.filter((s) => s.readyNow > 0).length;
  return {
    seats: seats.length,
    withReadyNow,
    percent: percent1(withReadyNow, seats.length),
    without: seats.filter((s) => s.readyNow === 0),
  };
}

export interface AgeBand {
  label: BilingualText;
  fromAge: number | null;
  toAge: number | null;
  count: number;
}

/**
 * The plan's people in the age bands of planning.age-bands: the youngest band under the level's young-age limit,
 * then bands `widthYears` wide, the last one open. Null when either rule is not in force.
 */
export function ageBandsOf(
  policy: ResolvedPolicy,
  level: PlanningLevel,
  births: readonly string[],
  referenceDate: string,
): { bands: AgeBand[]; citation: string } | null {
  const rule = ruleIn(policy, 'planning.age-bands', 'age-bands');
  const under = youngUnderYears(policy, level);
  if (!rule || under === null) return null;
  const { count, widthYears } = rule.params;
  const bands: AgeBand[] = [];
  for (let i = 0; i < count; i++) {
    const from = i === 0 ? null : under + (i - 1) * widthYears;
    const to = i === count - 1 ? null : under + i * widthYears - 1;
    const label: BilingualText =
      from === null
        ? { vi: `Dưới ${under} tuổi`, en: `Under ${under}` }
        : to === null
          ? { vi: `Từ ${from} tuổi trở lên`, en: `${from} and over` }
          : { vi: `Từ ${from} đến ${to} tuổi`, en: `${from} to ${to}` };
    bands.push({ label, fromAge: from, toAge: to, count: 0 });
  }
  for (const b of births) {
    const age = ageOn(b, referenceDate);
    const band = bands.find((x) => (x.fromAge === null || age >= x.fromAge) && (x.toAge === null || age <= x.toAge))!;
    band.count++;
  }
  return { bands, citation: rule.citation.text };
}

/** Structure of the plan against the targets of the pack in force (50-QĐ/TW's ≥15 % young, ≥25 % women; the locality's ethnic-minority share). */
export function structureTargets(policy: ResolvedPolicy, s: Structure) {
  const shares = ruleIn(policy, 'planning.youth-women-share', 'share-targets');
  const row = (key: 'young' | 'women' | 'ethnicMinority', label: BilingualText, count: number, target: number | null) => ({
    key,
    label,
    count,
    total: s.total,
    targetPercent: target,
    met: target === null ? null : count * 100 >= target * s.total,
    citation: target === null ? null : shares!.citation.text,
  });
  return [
    row(
      'young',
      { vi: `Cán bộ trẻ${s.youngUnderYears ? ` (dưới ${s.youngUnderYears} tuổi)` : ''}`, en: 'Young' },
      s.young,
      shares?.params.youngMinPercent ?? null,
    ),
    row('women', { vi: 'Cán bộ nữ', en: 'Women' }, s.women, shares?.params.womenMinPercent ?? null),
    ethnicRow(),
  ];
  function ethnicRow() {
    const rule = ruleIn(policy, 'planning.ethnic-minority-share', 'min-share');
    const target = rule && rule.params.minPercent > 0 ? rule.params.minPercent : null;
    return {
      key: 'ethnicMinority' as const,
      label: { vi: 'Cán bộ người dân tộc thiểu số', en: 'Ethnic minority' },
      count: s.ethnicMinority,
      total: s.total,
      targetPercent: target,
      met: target === null ? null : s.ethnicMinority * 100 >= target * s.total,
      citation: target === null ? null : rule!.citation.text,
    };
  }
}

const RATING_SCORE = { excellent: 3, good: 2, complete: 1, not_complete: 0 } as const;

/**
 * Performance on the 9-box from the last three years' ratings: the average of excellent 3, good 2, complete 1,
 * not complete 0; high from 2.5, medium from 1.5; a "not complete" in the window caps it at low. Null without ratings.
 */
export function performanceOf(ratings: readonly { level: keyof typeof RATING_SCORE }[]): GridLevel | null {
  if (ratings.length === 0) return null;
  if (ratings.some((r) => r.level === 'not_complete')) return 'low';
  const avg = ratings.reduce((s, r) => s + RATING_SCORE[r.level], 0) / ratings.length;
  return avg >= 2.5 ? 'high' : avg >= 1.5 ? 'medium' : 'low';
}

/**
 * Potential on the 9-box from the room a person has to grow, measured with the pack's own planning ages:
 * high with at least the two-levels-below months left (two terms) and no missing requirement; medium with at
 * least the one-level-below months (one term); low otherwise.
 */
export function potentialOf(policy: ResolvedPolicy, monthsLeft: number, missing: number): GridLevel {
  const byLevel = ruleIn(policy, 'planning.age-by-level', 'planning-age-levels');
  const byTerms = ruleIn(policy, 'planning.age-terms', 'planning-age-terms');
  const two = byLevel?.params.twoLevelsBelowMonths ?? byTerms?.params.preferredMonths;
  const one = byLevel?.params.oneLevelBelowMonths ?? byTerms?.params.requiredMonths;
  if (two === undefined || one === undefined) return missing === 0 ? 'medium' : 'low';
  if (monthsLeft >= two && missing === 0) return 'high';
  return monthsLeft >= one ? 'medium' : 'low';
}

export const gridKey = (performance: GridLevel | null, potential: GridLevel) => `${performance ?? 'none'}:${potential}`;
export const gridRank = (g: GridLevel | null) => (g === null ? -1 : GRID_LEVELS.indexOf(g));
