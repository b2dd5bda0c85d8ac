// Consequences of a vote in the policy in force: confidence-vote thresholds, planning recommendations, appointment steps.
import type { BallotShape, Verdict, VoteConsequence } from '../../../contracts/votes';
import type { AppointmentStepRule, ConsequenceRule, Fraction, RecommendationRule, VotePolicy } from './vote.policy';
import { baseOf, baseText, frac, meets, pct, vnPct } from './vote.rules.basics';

export interface ConsequenceHit {
  rule: ConsequenceRule;
  triggered: boolean;
  verdict: Verdict;
}

/** Every consequence rule in force, judged on the low votes (bases as each rule says, no rounding). */
export function consequenceHits(policy: VotePolicy, low: number, collected: number, summoned: number): ConsequenceHit[] {
  return policy.consequences.map((rule) => {
    const baseOf = (f: Fraction) => (f.base === 'summoned' ? summoned : collected);
    const { lower, upper } = rule;
    const triggered = meets(low, baseOf(lower), lower) && (!upper || meets(low, baseOf(upper), upper));
    const band = upper ? `${frac(lower)} và ${frac(upper)}` : frac(lower);
    return {
      rule,
      triggered,
      verdict: {
        ruleId: rule.id,
        citation: rule.citation,
        passed: !triggered,
        detail: triggered
          ? `${low}/${collected} phiếu tín nhiệm thấp (${band}): ${rule.text.vi}`
          : `Chưa đến ngưỡng ${band} phiếu tín nhiệm thấp`,
        detailEn: triggered ? `${low} of ${collected} low votes: ${rule.text.en}` : `Below the threshold of this rule`,
      },
    };
  });
}

/** The consequences to raise (one per rule and consequence) for a subject's low votes. */
export function raisedConsequences(
  policy: VotePolicy,
  low: number,
  collected: number,
  summoned: number,
): { ruleId: string; citation: string; consequence: VoteConsequence; detail: { vi: string; en: string } }[] {
  return consequenceHits(policy, low, collected, summoned)
    .filter((h) => h.triggered)
    .flatMap((h) =>
      h.rule.consequences.map((consequence) => ({
        ruleId: h.rule.id,
        citation: h.rule.citation,
        consequence,
        detail: { vi: h.verdict.detail, en: h.verdict.detailEn },
      })),
    );
}

export interface RaisedConsequence {
  ruleId: string;
  citation: string;
  consequence: VoteConsequence;
  detail: { vi: string; en: string };
}

/** A planning recommendation: a person whose agreement does not pass the threshold is not carried to the next step. */
export function recommendationConsequences(
  rule: RecommendationRule,
  agree: number,
  summoned: number,
  collected: number,
): RaisedConsequence[] {
  const base = baseOf(rule.threshold, summoned, collected);
  if (meets(agree, base, rule.threshold)) return [];
  const b = baseText(rule.threshold);
  return [
    {
      ruleId: rule.id,
      citation: rule.citation,
      consequence: 'not-recommended',
      detail: {
        vi: `${agree}/${base} ${b.vi} đồng ý (${vnPct(agree, base)}), cần ${frac(rule.threshold)}: không được giới thiệu vào bước tiếp theo`,
        en: `${agree} of ${base} ${b.en} agreed (${pct(agree, base)} %), ${rule.threshold.comparison} ${rule.threshold.numerator}/${rule.threshold.denominator} required: not carried to the next step`,
      },
    },
  ];
}

/**
 * An appointment step: on an agree/disagree ballot a person below the approval threshold stops the process (an exact
 * tie goes to the head where the rule says so); on a candidate ballot the top name over the threshold is chosen and
 * the others stop, else everyone at the "go on" share goes on and the others stop (everyone, when nobody does).
 */
export function appointmentConsequences(
  rule: AppointmentStepRule,
  shape: BallotShape,
  lines: { subjectId: string; agree?: number; chosen?: number }[],
  summoned: number,
  collected: number,
): Map<string, RaisedConsequence[]> {
  const out = new Map<string, RaisedConsequence[]>();
  const base = baseOf(rule.approval, summoned, collected);
  const b = baseText(rule.approval);
  const stop = (id: string, votes: number, why: { vi: string; en: string }) =>
    out.set(id, [
      {
        ruleId: rule.id,
        citation: rule.citation,
        consequence: 'appointment-cannot-continue',
        detail: {
          vi: `${votes}/${base} ${b.vi} (${vnPct(votes, base)}): ${why.vi}`,
          en: `${votes} of ${base} ${b.en} (${pct(votes, base)} %): ${why.en}`,
        },
      },
    ]);
  const need = {
    vi: `cần ${frac(rule.approval)}`,
    en: `${rule.approval.comparison} ${rule.approval.numerator}/${rule.approval.denominator} required`,
  };
  if (shape === 'agree-disagree') {
    for (const l of lines) {
      const yes = l.agree ?? 0;
      const exactlyHalf = yes * 2 === base;
      if (meets(yes, base, rule.approval) || (exactlyHalf && rule.tie === 'head-decides')) continue;
      stop(l.subjectId, yes, {
        vi: `${need.vi}; quy trình không thể tiếp tục, báo cáo cấp có thẩm quyền`,
        en: `${need.en}; the process cannot continue and is reported up`,
      });
    }
    return out;
  }
  if (shape !== 'choice') return out;
  const ranked = [...lines].sort((x, y) => (y.chosen ?? 0) - (x.chosen ?? 0));
  const top = ranked[0];
  const topVotes = top?.chosen ?? 0;
  const unique = ranked.filter((l) => (l.chosen ?? 0) === topVotes).length === 1;
  if (top && unique && meets(topVotes, base, rule.approval)) {
    for (const l of ranked.slice(1))
      stop(l.subjectId, l.chosen ?? 0, {
        vi: `người khác được lựa chọn (${topVotes}/${base}); không tiếp tục với người này`,
        en: `someone else was chosen (${topVotes} of ${base}); the process does not continue with this person`,
      });
    return out;
  }
  const goOn = rule.goOn;
  for (const l of ranked) {
    const votes = l.chosen ?? 0;
    if (goOn && meets(votes, baseOf(goOn, summoned, collected), goOn)) continue;
    stop(
      l.subjectId,
      votes,
      goOn
        ? {
            vi: `không ai ${frac(rule.approval)} và người này dưới ngưỡng đi tiếp (${frac(goOn)}): không tiếp tục với người này`,
            en: `nobody has ${rule.approval.comparison} ${rule.approval.numerator}/${rule.approval.denominator} and this person is below the share that goes on (${goOn.comparison} ${goOn.numerator}/${goOn.denominator})`,
          }
        : { vi: `${need.vi}; quy trình không thể tiếp tục`, en: `${need.en}; the process cannot continue` },
    );
  }
  return out;
}
