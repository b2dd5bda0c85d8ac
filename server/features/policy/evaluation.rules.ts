import { RATING_LABELS, type Verdict } from '../../../contracts/policy';
import { type ResolvedPolicy, ruleIn } from './policy.library';
import { verdict } from './policy.rules';

export type RatingLevel = 'excellent' | 'good' | 'complete' | 'not_complete';

export interface EvaluationInput {
  points: number;
  isLeader: boolean;
  /** Keys of the vetoes that apply (from evaluation.leader-vetoes / evaluation.non-leader-vetoes). */
  vetoes: string[];
  /** Share of tasks done on time, exceeding and behind schedule (percent). */
  tasks: { onTimePercent: number; exceedingPercent: number; behindPercent: number };
  /** Earlier shortcomings fixed (needed for excellent). */
  shortcomingsFixed: boolean;
}

/** The annual rating under 366-QĐ/TW: points, then each level's conditions, then vetoes (any veto → not complete). */
export function evaluationLevel(policy: ResolvedPolicy, input: EvaluationInput): { level: RatingLevel; verdicts: Verdict[] } {
  const points = ruleIn(policy, 'evaluation.points', 'evaluation-points');
  if (!points) throw new Error(`no evaluation-points rule in force on ${policy.date}`);
  const conditions = ruleIn(policy, 'evaluation.conditions', 'evaluation-conditions');
  const p = points.params;
  const verdicts: Verdict[] = [];
  if (input.points < 0 || input.points > p.total) throw new RangeError(`points must be between 0 and ${p.total}`);

  let level: RatingLevel =
    input.points >= p.excellentMin
      ? 'excellent'
      : input.points >= p.goodMin
        ? 'good'
        : input.points >= p.completeMin
          ? 'complete'
          : 'not_complete';
  verdicts.push(
    verdict(
      points,
      level === 'not_complete' ? 'failed' : 'passed',
      {
        vi: `${input.points}/${p.total} điểm: ${RATING_LABELS[level].vi.toLowerCase()} (từ ${p.excellentMin} xuất sắc, từ ${p.goodMin} tốt, từ ${p.completeMin} hoàn thành).`,
        en: `${input.points} of ${p.total} points: ${RATING_LABELS[level].en.toLowerCase()} (${p.excellentMin}+ excellent, ${p.goodMin}+ good, ${p.completeMin}+ complete).`,
      },
      { points: input.points },
    ),
  );

  if (conditions) {
    const c = conditions.params;
    const allOnTime = input.tasks.onTimePercent >= 100;
    const before = level;
    if (
      level === 'excellent' &&
      !(allOnTime && input.tasks.exceedingPercent >= c.excellentExceedingPercent && input.shortcomingsFixed)
    )
      level = 'good';
    if (level === 'good' && !allOnTime) level = 'complete';
    if (level === 'complete' && input.tasks.behindPercent > c.completeBehindMaxPercent) level = 'not_complete';
    verdicts.push(
      verdict(
        conditions,
        level === before ? 'passed' : 'failed',
        level === before
          ? { vi: 'Đáp ứng điều kiện của mức xếp loại.', en: 'Meets the conditions of the level.' }
          : {
              vi: `Chưa đủ điều kiện mức "${RATING_LABELS[before].vi}" (đúng hạn ${input.tasks.onTimePercent}%, vượt mức ${input.tasks.exceedingPercent}%, chậm ${input.tasks.behindPercent}%): xếp "${RATING_LABELS[level].vi}".`,
              en: `Does not meet "${RATING_LABELS[before].en}" (on time ${input.tasks.onTimePercent} %, exceeding ${input.tasks.exceedingPercent} %, behind ${input.tasks.behindPercent} %): rated "${RATING_LABELS[level].en}".`,
            },
        { tasks: input.tasks, shortcomingsFixed: input.shortcomingsFixed },
      ),
    );
  }

  const vetoRule = ruleIn(policy, input.isLeader ? 'evaluation.leader-vetoes' : 'evaluation.non-leader-vetoes', 'list');
  if (vetoRule) {
    const applied = vetoRule.params.items.filter((i) => input.vetoes.includes(i.key));
    if (applied.length) level = 'not_complete';
    verdicts.push(
      verdict(
        vetoRule,
        applied.length ? 'failed' : 'passed',
        applied.length
          ? {
              vi: `Vướng tiêu chí phủ quyết: ${applied.map((i) => i.label.vi).join('; ')}.`,
              en: `Veto: ${applied.map((i) => i.label.en).join('; ')}.`,
            }
          : { vi: 'Không vướng tiêu chí phủ quyết.', en: 'No veto applies.' },
        { vetoes: input.vetoes },
      ),
    );
  }
  return { level, verdicts };
}

/** The most people a group may rate excellent: a share of those rated good (rounded down). */
export function excellentQuota(
  policy: ResolvedPolicy,
  input: { ratedGood: number; ratedExcellent: number; outstandingUnit: boolean },
): { max: number; verdict: Verdict } | null {
  const rule = ruleIn(policy, 'evaluation.excellent-quota', 'quota-percent');
  if (!rule) return null;
  const percent =
    input.outstandingUnit && rule.params.outstandingPercent !== undefined ? rule.params.outstandingPercent : rule.params.percent;
  const max = Math.floor((input.ratedGood * percent) / 100);
  const ok = input.ratedExcellent <= max;
  return {
    max,
    verdict: verdict(
      rule,
      ok ? 'passed' : 'failed',
      {
        vi: `${input.ratedExcellent} người xuất sắc; tối đa ${max} (${percent}% của ${input.ratedGood} người hoàn thành tốt).`,
        en: `${input.ratedExcellent} rated excellent; at most ${max} (${percent} % of ${input.ratedGood} rated good).`,
      },
      { ...input, percent, max },
    ),
  };
}
