// Per-subject results of a count, the flags that say when a vote carries no information, and warnings before a vote.
import {
  type BallotShape,
  type OptionNumbers,
  type PaperCount,
  type SubjectResult,
  type VoteResult,
} from '../../../contracts/votes';
import type { VotePolicy } from './vote.policy';
import { type BallotForm, type Flag, type SubjectRef, optionsOf, pct, quorumVerdict, wilson } from './vote.rules.basics';
import { consequenceHits } from './vote.rules.consequences';
import { reconcile } from './vote.rules.paper';

export function subjectResults(
  policy: VotePolicy,
  count: PaperCount,
  subjects: SubjectRef[],
  summoned: number,
  ballot: BallotForm = { shape: 'levels', maxChoices: null },
): SubjectResult[] {
  const z = policy.analysis.params.wilsonZ;
  const n = count.collected;
  const options = optionsOf(ballot.shape);
  return count.subjects.map((c) => {
    const s = subjects.find((x) => x.id === c.subjectId)!;
    const counts: OptionNumbers = { invalid: c.invalid + count.invalid };
    for (const k of options) counts[k] = c[k] ?? 0;
    const over = (base: number): OptionNumbers => {
      const o: OptionNumbers = { invalid: pct(counts.invalid, base) };
      for (const k of options) o[k] = pct(counts[k]!, base);
      return o;
    };
    // the favourable and unfavourable option of the shape: net score = %favourable − %unfavourable
    const [good, bad] =
      ballot.shape === 'levels'
        ? [c.high ?? 0, c.low ?? 0]
        : ballot.shape === 'agree-disagree'
          ? [c.agree ?? 0, c.disagree ?? 0]
          : [c.chosen ?? 0, 0];
    const highInterval = wilson(good, n, z);
    const lowInterval = wilson(bad, n, z);
    return {
      subjectId: c.subjectId,
      personId: s.personId ?? null,
      fullName: s.fullName,
      titleText: s.titleText,
      counts,
      overCollected: over(n),
      overSummoned: over(summoned),
      highInterval,
      lowInterval,
      netScore: pct(good - bad, n),
      netInterval: {
        low: Math.round((highInterval.low - lowInterval.high) * 100) / 100,
        high: Math.round((highInterval.high - lowInterval.low) * 100) / 100,
      },
      consequences: ballot.shape === 'levels' ? consequenceHits(policy, c.low ?? 0, n, summoned).map((h) => h.verdict) : [],
      comparison: { previous: null, peers: null, notes: [] },
    };
  });
}

/** When the result carries no information, say so. */
export function analysisFlags(
  policy: VotePolicy,
  results: SubjectResult[],
  collected: number,
  shape: BallotShape = 'levels',
): Flag[] {
  const a = policy.analysis.params;
  const flags: Flag[] = [];
  if (results.length === 0 || collected === 0) return flags;
  if (shape === 'levels') {
    if (results.every((r) => (r.counts.high ?? 0) * a.allHighShare.denominator >= a.allHighShare.numerator * collected)) {
      flags.push({
        code: 'all_high',
        message: `Mọi người đều đạt từ ${a.allHighShare.numerator}% phiếu tín nhiệm cao: kết quả không phân biệt được ai`,
        messageEn: `Everyone has at least ${a.allHighShare.numerator}% high votes: the vote does not tell people apart`,
      });
    }
    if (results.length >= 2) {
      const scores = results.map((r) => r.netScore);
      const spread = Math.max(...scores) - Math.min(...scores);
      if (spread < a.minSpreadPoints) {
        flags.push({
          code: 'no_spread',
          message: `Chênh lệch điểm tín nhiệm ròng giữa những người được lấy phiếu chỉ ${spread.toFixed(1)} điểm (< ${a.minSpreadPoints})`,
          messageEn: `Net scores differ by only ${spread.toFixed(1)} points across people (< ${a.minSpreadPoints})`,
        });
      }
    }
  }
  const options = optionsOf(shape);
  const unanimous = results.filter(
    (r) => options.some((k) => r.counts[k] === collected) || (shape === 'choice' && r.counts.chosen === 0),
  );
  if (collected < a.smallGroupVoters && unanimous.length > 0) {
    flags.push({
      code: 'unanimous_small_group',
      message: `Nhóm nhỏ (${collected} phiếu) và kết quả nhất trí với ${unanimous.map((r) => r.fullName).join(', ')}: ai cũng biết từng người đã chọn gì`,
      messageEn: `Small group (${collected} ballots) with a unanimous result for ${unanimous.length} person(s): every voter's choice is revealed`,
    });
  }
  return flags;
}

/** Warnings to show before the vote opens. */
export function preVoteWarnings(policy: VotePolicy | null, summoned: number): Flag[] {
  if (!policy) {
    return [
      {
        code: 'no_policy',
        message: 'Không có quy định nào có hiệu lực vào ngày lấy phiếu',
        messageEn: 'No policy is in force on the date of the vote',
      },
    ];
  }
  if (summoned < policy.analysis.params.smallGroupVoters) {
    return [
      {
        code: 'small_group',
        message: `Chỉ ${summoned} người bỏ phiếu: nếu kết quả nhất trí thì lộ lựa chọn của từng người. Cần thông báo trước khi bỏ phiếu.`,
        messageEn: `Only ${summoned} voters: a unanimous result reveals every vote. Tell the voters before the vote opens.`,
      },
    ];
  }
  return [];
}

export function voteResult(
  policy: VotePolicy,
  count: PaperCount,
  subjects: SubjectRef[],
  summoned: number,
  ballot: BallotForm = { shape: 'levels', maxChoices: null },
): VoteResult {
  const quorum = quorumVerdict(policy, summoned, count.collected);
  const reconciliation = reconcile(
    count,
    count.subjects.map((s) => s.subjectId),
    summoned,
    ballot,
  );
  const results = quorum.passed ? subjectResults(policy, count, subjects, summoned, ballot) : [];
  return {
    policyVersion: policy.title,
    ballot,
    quorum,
    reconciliation,
    subjects: results,
    flags: analysisFlags(policy, results, count.collected, ballot.shape),
  };
}
