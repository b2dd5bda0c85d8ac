import {
  type Criterion,
  type EvaluationFacts,
  type EvaluationTask,
  type EvaluationVerdict,
  RATING_LABELS,
  RATING_RANK,
  type RatingLevel,
  type Score,
  type SubjectGroup,
  type TaskShares,
  isLeaderGroup,
} from '../../../contracts/evaluations';
import { meets } from '../policy/policy.rules';
import type { EvaluationPolicy, PolicyRule } from './evaluation.policy';

type Bilingual = { vi: string; en: string };

function citationText(rule: PolicyRule): string {
  const c = rule.citation;
  const date = c.date ? ` ngày ${c.date.slice(8, 10)}/${c.date.slice(5, 7)}/${c.date.slice(0, 4)}` : '';
  return `${c.document}${date}${c.article ? `, ${c.article}` : ''}`;
}

/** A verdict of `rule`; an unconfirmed rule never blocks, so its failure becomes a warning. */
export function verdictOf(
  rule: PolicyRule,
  status: 'passed' | 'failed',
  detail: Bilingual,
  inputs: Record<string, unknown> = {},
): EvaluationVerdict {
  const unconfirmed = rule.status === 'unconfirmed';
  return {
    ruleId: rule.id,
    citation: {
      document: rule.citation.document,
      date: rule.citation.date,
      article: rule.citation.article,
      text: citationText(rule),
    },
    status: unconfirmed && status === 'failed' ? 'warning' : status,
    detail: unconfirmed
      ? {
          vi: `${detail.vi} (Quy định chưa được xác minh: chỉ cảnh báo.)`,
          en: `${detail.en} (Unconfirmed rule: a warning only.)`,
        }
      : detail,
    inputs,
    ruleUnconfirmed: unconfirmed,
  };
}

// Points are kept to one decimal; tenths as integers avoid 0.1 + 0.2 drift at the boundaries.
const tenths = (x: number): number => Math.round(x * 10);

export interface ScoredForm {
  general: number;
  results: number;
  total: number;
  problems: { path: string; message: string; messageEn: string }[];
}

/** The general criteria of a subject group, from the policy. */
export function criteriaFor(policy: EvaluationPolicy, group: SubjectGroup): Criterion[] {
  return policy.generalCriteria.params.groups[group];
}

/** Adds up a form: each general criterion up to its maximum, the results part up to the policy's share. */
export function scoreForm(policy: EvaluationPolicy, group: SubjectGroup, score: Score): ScoredForm {
  const criteria = criteriaFor(policy, group);
  const problems: ScoredForm['problems'] = [];
  let general = 0;
  for (const c of criteria) {
    const v = score.general[c.key];
    if (v === undefined) {
      problems.push({
        path: `score.general.${c.key}`,
        message: `chưa chấm "${c.label.vi}"`,
        messageEn: `"${c.label.en}" not scored`,
      });
      continue;
    }
    if (v > c.max)
      problems.push({
        path: `score.general.${c.key}`,
        message: `"${c.label.vi}" tối đa ${c.max} điểm`,
        messageEn: `"${c.label.en}" is at most ${c.max} points`,
      });
    general += tenths(v);
  }
  for (const key of Object.keys(score.general))
    if (!criteria.some((c) => c.key === key))
      problems.push({
        path: `score.general.${key}`,
        message: 'không phải tiêu chí của nhóm đối tượng này',
        messageEn: 'not a criterion of this subject group',
      });
  const max = policy.points.params.results;
  if (score.results > max)
    problems.push({
      path: 'score.results',
      message: `phần kết quả tối đa ${max} điểm`,
      messageEn: `the results part is at most ${max} points`,
    });
  const results = tenths(score.results);
  return { general: general / 10, results: results / 10, total: (general + results) / 10, problems };
}

const pct = (n: number, d: number): number => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);

/**
 * Shares of the period's tasks: on time (done or exceeded by the due date), exceeding, behind (done late, or still open
 * after the due date at `asOf`), failed. Open tasks not yet due count in none of them.
 */
export function taskShares(tasks: readonly Pick<EvaluationTask, 'dueOn' | 'doneOn' | 'outcome'>[], asOf: string): TaskShares {
  let onTime = 0;
  let exceeding = 0;
  let behind = 0;
  let failed = 0;
  let total = 0;
  for (const t of tasks) {
    if (t.outcome === 'failed') {
      total++;
      failed++;
      continue;
    }
    if (t.outcome === 'pending') {
      if (asOf > t.dueOn) {
        total++;
        behind++;
      }
      continue;
    }
    total++;
    if (t.doneOn !== null && t.doneOn <= t.dueOn) onTime++;
    else behind++;
    if (t.outcome === 'exceeded') exceeding++;
  }
  return {
    total,
    onTime,
    exceeding,
    behind,
    failed,
    onTimePercent: total === 0 ? 100 : pct(onTime, total),
    exceedingPercent: pct(exceeding, total),
    behindPercent: pct(behind, total),
    failedPercent: pct(failed, total),
  };
}

const DISCIPLINE_VETO = new Set(['khien_trach', 'canh_cao', 'cach_chuc', 'khai_tru']);

/** The vetoes that apply to a person, each as a verdict of its rule; any failed one makes the rating "not complete". */
export function vetoes(
  policy: EvaluationPolicy,
  input: { group: SubjectGroup; facts: EvaluationFacts; shares: TaskShares },
): { applied: string[]; verdicts: EvaluationVerdict[] } {
  const leader = isLeaderGroup(input.group);
  const list = leader ? policy.leaderVetoes : policy.nonLeaderVetoes;
  if (!list) return { applied: [], verdicts: [] };
  const f = input.facts;
  const applied: string[] = [];
  const verdicts: EvaluationVerdict[] = [];
  const labelOf = (key: string) => list.params.items.find((i) => i.key === key)?.label ?? { vi: key, en: key };
  const check = (key: string, hit: boolean, rule: PolicyRule, detail: Bilingual, inputs: Record<string, unknown>) => {
    if (!list.params.items.some((i) => i.key === key)) return;
    const v = verdictOf(rule, hit ? 'failed' : 'passed', detail, inputs);
    verdicts.push(v);
    if (hit && v.status === 'failed') applied.push(key);
  };

  check(
    'discipline',
    DISCIPLINE_VETO.has(f.discipline),
    list,
    DISCIPLINE_VETO.has(f.discipline)
      ? { vi: `${labelOf('discipline').vi}: bị kỷ luật trong năm.`, en: `${labelOf('discipline').en}: disciplined this year.` }
      : { vi: 'Không bị kỷ luật từ khiển trách trở lên.', en: 'No discipline of reprimand or more.' },
    { discipline: f.discipline },
  );
  check(
    'degradation',
    f.degradation,
    list,
    f.degradation
      ? { vi: 'Có kết luận suy thoái.', en: 'A degradation finding.' }
      : { vi: 'Không có kết luận suy thoái.', en: 'No degradation finding.' },
    { degradation: f.degradation },
  );
  if (leader) {
    check(
      'corruption',
      f.corruptionInManagedUnit,
      list,
      f.corruptionInManagedUnit
        ? {
            vi: 'Để xảy ra tham nhũng bị xử lý ở đơn vị trực tiếp quản lý.',
            en: 'Corruption disciplined in a unit directly managed.',
          }
        : { vi: 'Không có tham nhũng bị xử lý ở đơn vị trực tiếp quản lý.', en: 'No corruption disciplined in units managed.' },
      { corruptionInManagedUnit: f.corruptionInManagedUnit },
    );
    if (policy.lowVoteVeto && f.lowVotes) {
      const { low, ballots, sessionRef } = f.lowVotes;
      const hit = meets(policy.lowVoteVeto.params, low, ballots);
      check(
        'low-votes',
        hit,
        policy.lowVoteVeto,
        {
          vi: `${low}/${ballots} phiếu tín nhiệm thấp (${pct(low, ballots)}%) tại ${sessionRef}: ${hit ? 'trên' : 'không quá'} ${policy.lowVoteVeto.params.numerator}/${policy.lowVoteVeto.params.denominator}.`,
          en: `${low} of ${ballots} low votes (${pct(low, ballots)} %) in ${sessionRef}: ${hit ? 'more than' : 'not more than'} ${policy.lowVoteVeto.params.numerator}/${policy.lowVoteVeto.params.denominator}.`,
        },
        { low, ballots, sessionRef },
      );
    }
    if (policy.unitFloor && (f.unitPlanPercent !== null || f.unitMissedBasicTargets)) {
      const below = f.unitPlanPercent !== null && meets(policy.unitFloor.params, f.unitPlanPercent, 100);
      const hit = below || f.unitMissedBasicTargets;
      const floor = (100 * policy.unitFloor.params.numerator) / policy.unitFloor.params.denominator;
      check(
        'unit-below-70',
        hit,
        policy.unitFloor,
        {
          vi: `Đơn vị đạt ${f.unitPlanPercent ?? '—'}% kế hoạch (sàn ${floor}%)${f.unitMissedBasicTargets ? ', không đạt 5 chỉ tiêu cơ bản' : ''}.`,
          en: `Unit reached ${f.unitPlanPercent ?? '—'} % of its plan (floor ${floor} %)${f.unitMissedBasicTargets ? ', missed the 5 basic targets' : ''}.`,
        },
        { unitPlanPercent: f.unitPlanPercent, unitMissedBasicTargets: f.unitMissedBasicTargets },
      );
    }
    if (policy.unitsNotCompleteVeto && f.unitsLed && f.unitsLed.total > 0) {
      const { total, notComplete } = f.unitsLed;
      const hit = meets(policy.unitsNotCompleteVeto.params, notComplete, total);
      check(
        'units-not-complete',
        hit,
        policy.unitsNotCompleteVeto,
        {
          vi: `${notComplete}/${total} đơn vị phụ trách không hoàn thành nhiệm vụ.`,
          en: `${notComplete} of ${total} units led rated not complete.`,
        },
        { total, notComplete },
      );
    }
  } else if (policy.tasksFailedVeto && input.shares.total > 0) {
    const hit = meets(policy.tasksFailedVeto.params, input.shares.failed, input.shares.total);
    check(
      'tasks-failed',
      hit,
      policy.tasksFailedVeto,
      {
        vi: `${input.shares.failed}/${input.shares.total} nhiệm vụ không hoàn thành.`,
        en: `${input.shares.failed} of ${input.shares.total} tasks failed.`,
      },
      { failed: input.shares.failed, total: input.shares.total },
    );
  }
  return { applied, verdicts };
}

/** The level from points alone: ≥ excellentMin, ≥ goodMin, ≥ completeMin, else not complete. */
export function levelFromPoints(policy: EvaluationPolicy, points: number): RatingLevel {
  const p = policy.points.params;
  const t = tenths(points);
  if (t >= tenths(p.excellentMin)) return 'excellent';
  if (t >= tenths(p.goodMin)) return 'good';
  if (t >= tenths(p.completeMin)) return 'complete';
  return 'not_complete';
}

export interface RatingInput {
  group: SubjectGroup;
  points: number;
  facts: EvaluationFacts;
  shares: TaskShares;
}

/** The highest level the policy allows: points, then each level's conditions, then vetoes (any veto → not complete). */
export function rate(policy: EvaluationPolicy, input: RatingInput): { level: RatingLevel; verdicts: EvaluationVerdict[] } {
  const p = policy.points.params;
  const verdicts: EvaluationVerdict[] = [];
  let level = levelFromPoints(policy, input.points);
  verdicts.push(
    verdictOf(
      policy.points,
      level === 'not_complete' ? 'failed' : 'passed',
      {
        vi: `${input.points}/${p.total} điểm: ${RATING_LABELS[level].vi.toLowerCase()} (từ ${p.excellentMin} xuất sắc, từ ${p.goodMin} tốt, từ ${p.completeMin} hoàn thành).`,
        en: `${input.points} of ${p.total} points: ${RATING_LABELS[level].en.toLowerCase()} (${p.excellentMin}+ excellent, ${p.goodMin}+ good, ${p.completeMin}+ complete).`,
      },
      { points: input.points },
    ),
  );

  if (policy.conditions) {
    const c = policy.conditions.params;
    const s = input.shares;
    const allOnTime = s.onTimePercent >= 100;
    const before = level;
    if (
      level === 'excellent' &&
      !(allOnTime && s.exceedingPercent >= c.excellentExceedingPercent && input.facts.shortcomingsFixed)
    )
      level = 'good';
    if (level === 'good' && !allOnTime) level = 'complete';
    if (level === 'complete' && s.behindPercent > c.completeBehindMaxPercent) level = 'not_complete';
    verdicts.push(
      verdictOf(
        policy.conditions,
        level === before ? 'passed' : 'failed',
        level === before
          ? {
              vi: `Đáp ứng điều kiện của mức "${RATING_LABELS[level].vi}" (đúng hạn ${s.onTimePercent}%, vượt mức ${s.exceedingPercent}%, chậm ${s.behindPercent}%).`,
              en: `Meets the conditions of "${RATING_LABELS[level].en}" (on time ${s.onTimePercent} %, exceeding ${s.exceedingPercent} %, behind ${s.behindPercent} %).`,
            }
          : {
              vi: `Chưa đủ điều kiện mức "${RATING_LABELS[before].vi}" (đúng hạn ${s.onTimePercent}%, vượt mức ${s.exceedingPercent}%, chậm ${s.behindPercent}%${input.facts.shortcomingsFixed ? '' : ', chưa khắc phục hạn chế'}): tối đa "${RATING_LABELS[level].vi}".`,
              en: `Does not meet "${RATING_LABELS[before].en}" (on time ${s.onTimePercent} %, exceeding ${s.exceedingPercent} %, behind ${s.behindPercent} %${input.facts.shortcomingsFixed ? '' : ', shortcomings not fixed'}): at most "${RATING_LABELS[level].en}".`,
            },
        { shares: s, shortcomingsFixed: input.facts.shortcomingsFixed },
      ),
    );
  }

  const v = vetoes(policy, { group: input.group, facts: input.facts, shares: input.shares });
  if (v.applied.length) level = 'not_complete';
  verdicts.push(...v.verdicts);
  return { level, verdicts };
}

export interface QuotaMember {
  evaluationId: string;
  personName: string;
  points: number | null;
  level: RatingLevel | null;
  decided: boolean;
}

export interface QuotaOutcome {
  percent: number;
  counts: Record<RatingLevel, number>;
  maxExcellent: number;
  withinQuota: boolean;
  /** Excellent ratings that would have to become "good" to fit, lowest points first (undecided before decided). */
  mustMove: QuotaMember[];
  verdict: EvaluationVerdict | null;
}

/** The most a group may rate excellent: percent of those rated good, rounded down (20 % of 9 good is 1). */
export function maxExcellent(percent: number, good: number): number {
  return Math.floor((good * percent) / 100);
}

/** The quota over a group's picture (decided levels, else proposed): who would have to move to "good" to fit. */
export function quota(policy: EvaluationPolicy, members: readonly QuotaMember[], outstandingUnit: boolean): QuotaOutcome {
  const counts: Record<RatingLevel, number> = { excellent: 0, good: 0, complete: 0, not_complete: 0 };
  for (const m of members) if (m.level) counts[m.level]++;
  if (!policy.quota)
    return { percent: 100, counts, maxExcellent: counts.excellent, withinQuota: true, mustMove: [], verdict: null };
  const q = policy.quota.params;
  const percent = outstandingUnit && q.outstandingPercent !== undefined ? q.outstandingPercent : q.percent;
  const excellent = members
    .filter((m) => m.level === 'excellent')
    .sort(
      (a, b) =>
        Number(a.decided) - Number(b.decided) ||
        (a.points ?? 0) - (b.points ?? 0) ||
        a.personName.localeCompare(b.personName, 'vi'),
    );
  let e = counts.excellent;
  let g = counts.good;
  const mustMove: QuotaMember[] = [];
  // Each move turns one excellent into one more good, which also raises the ceiling.
  while (e > maxExcellent(percent, g)) {
    mustMove.push(excellent[mustMove.length]!);
    e--;
    g++;
  }
  const max = maxExcellent(percent, counts.good);
  const within = mustMove.length === 0;
  const base = outstandingUnit ? ' (đơn vị có thành tích nổi trội)' : '';
  const baseEn = outstandingUnit ? ' (outstanding unit)' : '';
  return {
    percent,
    counts,
    maxExcellent: max,
    withinQuota: within,
    mustMove,
    verdict: verdictOf(
      policy.quota,
      within ? 'passed' : 'failed',
      within
        ? {
            vi: `${counts.excellent} người hoàn thành xuất sắc, tối đa ${max} (${percent}% của ${counts.good} người hoàn thành tốt${base}).`,
            en: `${counts.excellent} rated excellent, at most ${max} (${percent} % of ${counts.good} rated good${baseEn}).`,
          }
        : {
            vi: `Vượt tỷ lệ: ${counts.excellent} người hoàn thành xuất sắc nhưng tối đa ${max} (${percent}% của ${counts.good} người hoàn thành tốt${base}). Cần chuyển ${mustMove.length} người xuống hoàn thành tốt: ${mustMove.map((m) => m.personName).join(', ')}.`,
            en: `Over the quota: ${counts.excellent} rated excellent but at most ${max} (${percent} % of ${counts.good} rated good${baseEn}). ${mustMove.length} must move to good: ${mustMove.map((m) => m.personName).join(', ')}.`,
          },
      { excellent: counts.excellent, good: counts.good, percent, max, outstandingUnit },
    ),
  };
}

/** A decision may lower the allowed level, never raise it. */
export function decisionAllowed(allowed: RatingLevel, decided: RatingLevel): boolean {
  return RATING_RANK[decided] <= RATING_RANK[allowed];
}

/** The last three years before and including `year`: ratings present, any "not complete". */
export function threeYearHistory(
  year: number,
  ratings: readonly { year: number; level: RatingLevel; cycleId: string }[],
): {
  years: { year: number; level: RatingLevel | null; cycleId: string | null }[];
  allAssessed: boolean;
  anyNotComplete: boolean;
} {
  const years = [year - 2, year - 1, year].map((y) => {
    const r = ratings.find((x) => x.year === y);
    return { year: y, level: r?.level ?? null, cycleId: r?.cycleId ?? null };
  });
  return {
    years,
    allAssessed: years.every((y) => y.level !== null),
    anyNotComplete: years.some((y) => y.level === 'not_complete'),
  };
}
