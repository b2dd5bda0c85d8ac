import type { Verdict } from '../../../contracts/policy';
import { type ResolvedPolicy, addDays, formatDate, ruleIn } from './policy.library';
import { meets, percentText, thresholdText, verdict } from './policy.rules';
import { monthsBetween } from './retirement.rules';

/** Whether enough of those summoned took part (96-QĐ/TW; NĐ 170/2025 for appointment ballots). */
export function quorumVerdict(policy: ResolvedPolicy, input: { present: number; summoned: number }): Verdict | null {
  const rule = ruleIn(policy, 'vote.quorum', 'threshold');
  if (!rule) return null;
  const ok = meets(rule.params, input.present, input.summoned);
  const need = thresholdText(rule.params);
  return verdict(
    rule,
    ok ? 'passed' : 'failed',
    {
      vi: `${input.present}/${input.summoned} người tham gia (${percentText(input.present, input.summoned)}); cần ${need.vi}.`,
      en: `${input.present} of ${input.summoned} took part (${percentText(input.present, input.summoned)}); ${need.en} required.`,
    },
    input,
  );
}

/**
 * What a confidence-vote result means for the person under every rule in force: a verdict "failed" means
 * the consequence applies (out of planning, resignation, dismissal, rated not complete).
 */
export function confidenceConsequences(policy: ResolvedPolicy, input: { low: number; ballotsCollected: number }): Verdict[] {
  const { low, ballotsCollected } = input;
  const share = percentText(low, ballotsCollected);
  const out: Verdict[] = [];
  const band = (id: string, consequence: { vi: string; en: string }) => {
    const rule = ruleIn(policy, id, 'band');
    if (!rule) return;
    const hit = meets(rule.params.lower, low, ballotsCollected) && meets(rule.params.upper, low, ballotsCollected);
    const lower = thresholdText(rule.params.lower);
    const upper = thresholdText(rule.params.upper);
    out.push(
      verdict(
        rule,
        hit ? 'failed' : 'passed',
        hit
          ? {
              vi: `${low}/${ballotsCollected} phiếu tín nhiệm thấp (${share}): ${consequence.vi}.`,
              en: `${low} of ${ballotsCollected} low votes (${share}): ${consequence.en}.`,
            }
          : {
              vi: `${low}/${ballotsCollected} phiếu tín nhiệm thấp (${share}): không thuộc khoảng ${lower.vi} và ${upper.vi}.`,
              en: `${low} of ${ballotsCollected} low votes (${share}): not in the band ${lower.en} and ${upper.en}.`,
            },
        input,
      ),
    );
  };
  const single = (id: string, consequence: { vi: string; en: string }) => {
    const rule = ruleIn(policy, id, 'threshold');
    if (!rule) return;
    const hit = meets(rule.params, low, ballotsCollected);
    const need = thresholdText(rule.params);
    out.push(
      verdict(
        rule,
        hit ? 'failed' : 'passed',
        hit
          ? {
              vi: `${low}/${ballotsCollected} phiếu tín nhiệm thấp (${share}), ${need.vi}: ${consequence.vi}.`,
              en: `${low} of ${ballotsCollected} low votes (${share}), ${need.en}: ${consequence.en}.`,
            }
          : {
              vi: `${low}/${ballotsCollected} phiếu tín nhiệm thấp (${share}): chưa tới ngưỡng ${need.vi}.`,
              en: `${low} of ${ballotsCollected} low votes (${share}): below the threshold of ${need.en}.`,
            },
        input,
      ),
    );
  };
  band('vote.low-out-of-planning', {
    vi: 'không quy hoạch, bổ nhiệm vào chức vụ cao hơn; có thể cho thôi giữ chức vụ hoặc bố trí công tác khác',
    en: 'out of planning and promotion; may resign or be moved',
  });
  single('vote.low-dismissal', {
    vi: 'cho thôi giữ chức vụ, miễn nhiệm không chờ hết nhiệm kỳ',
    en: "dismissal without waiting for the term's end",
  });
  band('state.resignation-low-votes', { vi: 'căn cứ cho thôi giữ chức vụ', en: 'grounds for resignation' });
  single('state.dismissal-low-votes', { vi: 'căn cứ miễn nhiệm', en: 'grounds for dismissal' });
  single('evaluation.low-vote-veto', {
    vi: 'xếp loại không hoàn thành nhiệm vụ trong năm',
    en: 'rated "not complete" for the year',
  });
  return out;
}

export type BallotStep = 'expanded' | 'collective' | 'decision';

export interface BallotOutcome {
  outcome: 'no-quorum' | 'chosen' | 'go-on' | 'stopped' | 'head-decides';
  chosen: string | null;
  goOn: string[];
  verdicts: Verdict[];
}

/**
 * One ballot of the NĐ 170/2025 on-site appointment (steps 2, 3 and 5): quorum, then the leading name
 * over the "chosen" threshold, else everyone over "go on"; a tie exactly at 50 % in step 5 goes to the head.
 * `switchedFrom` is step 2's choice when the collective (step 3) prefers someone else.
 */
export function appointmentBallot(
  policy: ResolvedPolicy,
  input: { step: BallotStep; summoned: number; present: number; votes: Record<string, number>; switchedFrom?: string },
): BallotOutcome {
  const rule = ruleIn(policy, 'state.appointment-ballot', 'appointment-ballot');
  if (!rule) throw new Error(`no appointment-ballot rule in force on ${policy.date}`);
  const p = rule.params;
  const { summoned, present, votes } = input;
  const verdicts: Verdict[] = [];
  const quorumOk = meets(p.quorum, present, summoned);
  verdicts.push(
    verdict(
      rule,
      quorumOk ? 'passed' : 'failed',
      {
        vi: `${present}/${summoned} người tham gia; cần ${thresholdText(p.quorum).vi}.`,
        en: `${present} of ${summoned} took part; ${thresholdText(p.quorum).en} required.`,
      },
      { summoned, present },
    ),
  );
  if (!quorumOk) return { outcome: 'no-quorum', chosen: null, goOn: [], verdicts };

  const ranked = Object.entries(votes).sort((a, b) => b[1] - a[1]);
  const [top, topVotes] = ranked[0] ?? [null, 0];
  const unique = ranked.filter(([, v]) => v === topVotes).length === 1;
  const threshold = input.switchedFrom && input.switchedFrom !== top ? p.switchCandidate : p.chosen;
  const switching = threshold === p.switchCandidate;
  if (top && unique && meets(threshold, topVotes, summoned)) {
    verdicts.push(
      verdict(
        rule,
        'passed',
        {
          vi: `${top} đạt ${topVotes}/${summoned} (${percentText(topVotes, summoned)}), ${thresholdText(threshold).vi}${switching ? ' (chọn người khác kết quả bước 2)' : ''}: được lựa chọn.`,
          en: `${top} has ${topVotes} of ${summoned} (${percentText(topVotes, summoned)}), ${thresholdText(threshold).en}${switching ? " (a different choice from step 2's)" : ''}: chosen.`,
        },
        { votes, summoned, threshold: switching ? 'switchCandidate' : 'chosen' },
      ),
    );
    return { outcome: 'chosen', chosen: top, goOn: [], verdicts };
  }
  // Step 5: exactly half the collective → the head chooses and reports every opinion.
  const half = { comparison: '>=' as const, numerator: 1, denominator: 2 };
  const exactlyHalf = top !== null && meets(half, topVotes, summoned) && !meets({ ...half, comparison: '>' }, topVotes, summoned);
  if (input.step === 'decision' && p.tie === 'head-decides' && exactlyHalf) {
    verdicts.push(
      verdict(
        rule,
        'warning',
        {
          vi: `Đạt đúng 50% (${topVotes}/${summoned}): người đứng đầu quyết định và báo cáo đầy đủ các ý kiến.`,
          en: `Exactly 50 % (${topVotes} of ${summoned}): the head decides and reports every opinion.`,
        },
        { votes, summoned },
      ),
    );
    return { outcome: 'head-decides', chosen: null, goOn: ranked.filter(([, v]) => v === topVotes).map(([n]) => n), verdicts };
  }
  const goOn = ranked.filter(([, v]) => meets(p.goOn, v, summoned)).map(([n]) => n);
  verdicts.push(
    verdict(
      rule,
      goOn.length ? 'warning' : 'failed',
      goOn.length
        ? {
            vi: `Không ai ${thresholdText(threshold).vi}; những người ${thresholdText(p.goOn).vi} được giới thiệu tiếp: ${goOn.join(', ')}.`,
            en: `Nobody has ${thresholdText(threshold).en}; everyone with ${thresholdText(p.goOn).en} goes on: ${goOn.join(', ')}.`,
          }
        : {
            vi: `Không ai đạt ${thresholdText(p.goOn).vi}: dừng quy trình và báo cáo cấp có thẩm quyền.`,
            en: `Nobody reached ${thresholdText(p.goOn).en}: the process stops and is reported up.`,
          },
      { votes, summoned },
    ),
  );
  return { outcome: goOn.length ? 'go-on' : 'stopped', chosen: null, goOn, verdicts };
}

/** A mid-term change of a committee's structure (secret ballot of all members). */
export function committeeStructureChange(policy: ResolvedPolicy, input: { inFavour: number; members: number }): Verdict | null {
  const rule = ruleIn(policy, 'committee.structure-change', 'threshold');
  if (!rule) return null;
  const ok = meets(rule.params, input.inFavour, input.members);
  return verdict(
    rule,
    ok ? 'passed' : 'failed',
    {
      vi: `${input.inFavour}/${input.members} ủy viên tán thành (${percentText(input.inFavour, input.members)}); cần ${thresholdText(rule.params).vi}.`,
      en: `${input.inFavour} of ${input.members} members in favour (${percentText(input.inFavour, input.members)}); ${thresholdText(rule.params).en} required.`,
    },
    input,
  );
}

export interface ReappointmentPlan {
  /** The latest day to start the procedure (notice before the term ends). */
  startBy: string;
  path: 'normal' | 'to-retirement' | 'extend-to-retirement';
  postponed: string[];
  keyCadre: 'passed' | 'head-decides' | 'escalate' | null;
  verdicts: Verdict[];
}

/** NĐ 170/2025 art. 39–40: notice, path by the time left to retirement at expiry, the key-cadre vote. */
export function reappointmentPlan(
  policy: ResolvedPolicy,
  input: {
    termEnds: string;
    retirementDate: string;
    postponeReasons?: string[];
    keyCadreVote?: { inFavour: number; summoned: number };
  },
): ReappointmentPlan {
  const rule = ruleIn(policy, 'state.reappointment', 'reappointment');
  if (!rule) throw new Error(`no reappointment rule in force on ${policy.date}`);
  const p = rule.params;
  const startBy = addDays(input.termEnds, -p.noticeDays);
  const left = monthsBetween(input.termEnds, input.retirementDate);
  const path =
    left < p.extendUnderMonths ? 'extend-to-retirement' : left < p.toRetirementUnderMonths ? 'to-retirement' : 'normal';
  const postponed = (input.postponeReasons ?? []).filter((r) => p.postponeReasons.some((x) => x.key === r));
  const verdicts: Verdict[] = [
    verdict(
      rule,
      policy.date <= startBy ? 'passed' : 'warning',
      {
        vi: `Hết thời hạn ngày ${formatDate(input.termEnds)}: phải bắt đầu quy trình trước ${p.noticeDays} ngày, chậm nhất ngày ${formatDate(startBy)}.`,
        en: `The term ends on ${formatDate(input.termEnds)}: start ${p.noticeDays} days before, by ${formatDate(startBy)} at the latest.`,
      },
      { termEnds: input.termEnds, noticeDays: p.noticeDays, startBy },
    ),
  ];
  if (postponed.length)
    verdicts.push(
      verdict(
        rule,
        'failed',
        { vi: `Tạm hoãn bổ nhiệm lại: ${postponed.join(', ')}.`, en: `Reappointment postponed: ${postponed.join(', ')}.` },
        { postponed },
      ),
    );
  let keyCadre: ReappointmentPlan['keyCadre'] = null;
  if (input.keyCadreVote) {
    const { inFavour, summoned } = input.keyCadreVote;
    const over = meets(p.keyCadre, inFavour, summoned);
    const exactlyHalf = inFavour * 2 === summoned;
    keyCadre = over ? 'passed' : exactlyHalf && p.tie === 'head-decides' ? 'head-decides' : 'escalate';
    verdicts.push(
      verdict(
        rule,
        over ? 'passed' : keyCadre === 'head-decides' ? 'warning' : 'failed',
        over
          ? {
              vi: `Hội nghị cán bộ chủ chốt: ${inFavour}/${summoned} tán thành, ${thresholdText(p.keyCadre).vi}.`,
              en: `Key cadres: ${inFavour} of ${summoned} in favour, ${thresholdText(p.keyCadre).en}.`,
            }
          : keyCadre === 'head-decides'
            ? {
                vi: `Hội nghị cán bộ chủ chốt đạt đúng 50% (${inFavour}/${summoned}): người đứng đầu quyết định.`,
                en: `Key cadres exactly 50 % (${inFavour} of ${summoned}): the head decides.`,
              }
            : {
                vi: `Hội nghị cán bộ chủ chốt chỉ ${inFavour}/${summoned} tán thành: báo cáo cấp có thẩm quyền.`,
                en: `Key cadres only ${inFavour} of ${summoned} in favour: escalate.`,
              },
        input.keyCadreVote,
      ),
    );
  }
  return { startBy, path, postponed, keyCadre, verdicts };
}
