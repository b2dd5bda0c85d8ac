// Pure rules of a vote session: quorum, reconciliation and double entry of a paper count, per-subject results with
// consequences from the policy in force, and the flags that say when a vote carries no information.
import {
  BALLOT_OPTIONS,
  type BallotOption,
  type BallotShape,
  type OptionNumbers,
  type PaperCount,
  type SubjectResult,
  type Verdict,
  type VoteConsequence,
  type VoteResult,
} from '../../../contracts/votes';
import type { AppointmentStepRule, ConsequenceRule, Fraction, RecommendationRule, VotePolicy } from './vote.policy';

export interface Flag {
  code: string;
  message: string;
  messageEn: string;
}
export interface BallotForm {
  shape: BallotShape;
  maxChoices: number | null;
}
export const ballotOf = (row: { ballot_shape: BallotShape; max_choices: number | null }): BallotForm => ({
  shape: row.ballot_shape,
  maxChoices: row.max_choices === null ? null : Number(row.max_choices),
});
export interface SubjectRef {
  id: string;
  fullName: string;
  titleText: string;
  personId?: string | null;
}

const SYMBOL: Record<Fraction['comparison'], string> = { '>': 'trên', '>=': 'từ', '<': 'dưới', '<=': 'đến' };

/** count/base compared with numerator/denominator in integers: no rounding at exactly 1/2 or 2/3. */
export function meets(count: number, base: number, f: Pick<Fraction, 'comparison' | 'numerator' | 'denominator'>): boolean {
  if (base <= 0) return false;
  const left = count * f.denominator;
  const right = f.numerator * base;
  switch (f.comparison) {
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
  }
}

export const pct = (k: number, n: number): number => (n > 0 ? Math.round((k / n) * 10000) / 100 : 0);
const frac = (f: Fraction) => `${SYMBOL[f.comparison]} ${f.numerator}/${f.denominator}`;
const optionsOf = (shape: BallotShape): readonly BallotOption[] => BALLOT_OPTIONS[shape];

export function quorumVerdict(policy: VotePolicy, summoned: number, collected: number): Verdict {
  const f = policy.quorum.params;
  const passed = meets(collected, summoned, f);
  return {
    ruleId: policy.quorum.id,
    citation: policy.quorum.citation,
    passed,
    detail: `${collected}/${summoned} người được triệu tập tham gia (${pct(collected, summoned)}%); yêu cầu ${frac(f)}${passed ? '' : ' — không đủ điều kiện để kiểm phiếu'}`,
    detailEn: `${collected} of ${summoned} summoned took part (${pct(collected, summoned)}%); required ${f.comparison} ${f.numerator}/${f.denominator}${passed ? '' : ' — the count may not proceed'}`,
  };
}

/**
 * Issued ≥ collected = valid + invalid; per person the options of the ballot's shape and no other; for levels and
 * agree/disagree the options plus the person's invalid marks make the valid ballots; for a choice nobody is chosen on
 * more ballots than are valid, and all names together on no more than valid × the names a ballot may mark.
 */
export function reconcile(count: PaperCount, subjectIds: string[], summoned: number, ballot: BallotForm): Flag[] {
  const flags: Flag[] = [];
  if (count.issued > summoned)
    flags.push({
      code: 'issued_over_summoned',
      message: `Số phiếu phát ra (${count.issued}) lớn hơn số người được triệu tập (${summoned})`,
      messageEn: `Ballots issued (${count.issued}) exceed those summoned (${summoned})`,
    });
  if (count.collected > count.issued)
    flags.push({
      code: 'collected_over_issued',
      message: `Số phiếu thu về (${count.collected}) lớn hơn số phiếu phát ra (${count.issued})`,
      messageEn: `Ballots collected (${count.collected}) exceed ballots issued (${count.issued})`,
    });
  if (count.valid + count.invalid !== count.collected)
    flags.push({
      code: 'valid_invalid_sum',
      message: `Phiếu hợp lệ (${count.valid}) + không hợp lệ (${count.invalid}) ≠ phiếu thu về (${count.collected})`,
      messageEn: `Valid (${count.valid}) + invalid (${count.invalid}) ≠ collected (${count.collected})`,
    });
  const ids = count.subjects.map((s) => s.subjectId);
  if (ids.length !== subjectIds.length || ids.some((id, i) => id !== subjectIds[i])) {
    flags.push({
      code: 'subjects',
      message: 'Danh sách người được lấy phiếu không khớp với phiếu',
      messageEn: 'The subjects do not match the ballot',
    });
  }
  const wanted = optionsOf(ballot.shape);
  const all = ['high', 'medium', 'low', 'agree', 'disagree', 'chosen'] as const;
  for (const [i, s] of count.subjects.entries()) {
    const missing = wanted.filter((k) => s[k] === undefined);
    const extra = all.filter((k) => !(wanted as readonly string[]).includes(k) && s[k] !== undefined);
    if (missing.length || extra.length) {
      flags.push({
        code: 'subject_options',
        message: `Người thứ ${i + 1}: phiếu này ghi ${wanted.join(', ')}${missing.length ? `; thiếu ${missing.join(', ')}` : ''}${extra.length ? `; không có ô ${extra.join(', ')}` : ''}`,
        messageEn: `Subject ${i + 1}: this ballot counts ${wanted.join(', ')}${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; no such option ${extra.join(', ')}` : ''}`,
      });
      continue;
    }
    if (ballot.shape === 'choice') {
      if (s.invalid !== 0 || s.chosen! > count.valid)
        flags.push({
          code: 'subject_sum',
          message: `Người thứ ${i + 1}: số phiếu bầu chọn (${s.chosen}) lớn hơn số phiếu hợp lệ (${count.valid}) hoặc có phiếu không hợp lệ riêng`,
          messageEn: `Subject ${i + 1}: chosen on ${s.chosen} ballots, more than the ${count.valid} valid ones, or per-person invalid marks`,
        });
      continue;
    }
    const sum = wanted.reduce((a, k) => a + s[k]!, 0) + s.invalid;
    if (sum !== count.valid) {
      flags.push({
        code: 'subject_sum',
        message: `Người thứ ${i + 1}: tổng các ô và phiếu không hợp lệ = ${sum} ≠ ${count.valid} phiếu hợp lệ`,
        messageEn: `Subject ${i + 1}: options + invalid = ${sum} ≠ ${count.valid} valid ballots`,
      });
    }
  }
  if (ballot.shape === 'choice' && !flags.some((f) => f.code === 'subject_options')) {
    const max = ballot.maxChoices ?? 1;
    const total = count.subjects.reduce((a, s) => a + (s.chosen ?? 0), 0);
    if (total > count.valid * max)
      flags.push({
        code: 'choices_over_max',
        message: `Tổng số lượt chọn (${total}) vượt quá ${count.valid} phiếu hợp lệ × ${max} người mỗi phiếu`,
        messageEn: `Choices in total (${total}) exceed ${count.valid} valid ballots × ${max} names each`,
      });
  }
  return flags;
}

/** Every number where two entries of the same paper count differ. */
export function compareEntries(a: PaperCount, b: PaperCount): { field: string; first: number; second: number }[] {
  const out: { field: string; first: number; second: number }[] = [];
  for (const k of ['issued', 'collected', 'valid', 'invalid'] as const)
    if (a[k] !== b[k]) out.push({ field: k, first: a[k], second: b[k] });
  const n = Math.max(a.subjects.length, b.subjects.length);
  for (let i = 0; i < n; i++) {
    const x = a.subjects[i];
    const y = b.subjects[i];
    for (const k of ['high', 'medium', 'low', 'agree', 'disagree', 'chosen', 'invalid'] as const) {
      if (x?.[k] === undefined && y?.[k] === undefined && x?.subjectId === y?.subjectId) continue;
      if (x?.[k] !== y?.[k] || x?.subjectId !== y?.subjectId)
        out.push({ field: `subjects[${i}].${k}`, first: x?.[k] ?? -1, second: y?.[k] ?? -1 });
    }
  }
  return out;
}

/** Wilson score interval of k successes in n, in percent. */
export function wilson(k: number, n: number, z: number): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 100 };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  const r = (x: number) => Math.round(x * 10000) / 100;
  return { low: r(Math.max(0, centre - half)), high: r(Math.min(1, centre + half)) };
}

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
const vnPct = (k: number, n: number) => `${pct(k, n).toFixed(2).replace('.', ',')}%`;
const baseOf = (f: Fraction, summoned: number, collected: number) => (f.base === 'ballots_collected' ? collected : summoned);
const baseText = (f: Fraction) =>
  f.base === 'ballots_collected'
    ? { vi: 'phiếu thu về', en: 'ballots collected' }
    : { vi: 'người được triệu tập', en: 'summoned' };

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

/** A title of the catalog in force, as peers are grouped by it. */
export interface CatalogTitleRef {
  code: string;
  name: string;
  group: string;
  rank: number;
  rankOrder: number;
  locality: string | null;
}
export type PeerBasis = NonNullable<SubjectResult['comparison']['peers']>['basis'];

/**
 * Who counts as a peer of a title: every title of the same rank order (same group and rank) in the catalog in force.
 * A code ranked by locality (Hà Nội and TP HCM one step higher) reads as the other provinces' row, as elsewhere.
 * Null when the code is not in the catalog.
 */
export function equivalentTitles(catalog: readonly CatalogTitleRef[], code: string): (PeerBasis & { codes: string[] }) | null {
  const byCode = new Map<string, CatalogTitleRef>();
  for (const t of catalog) if (!byCode.has(t.code) || t.locality === 'other_provinces') byCode.set(t.code, t);
  const own = byCode.get(code);
  if (!own) return null;
  const same = [...byCode.values()].filter((t) => t.rankOrder === own.rankOrder);
  return {
    kind: 'equivalent',
    group: own.group,
    rank: own.rank,
    titles: [...new Set(same.map((t) => t.name))],
    codes: [...new Set(same.map((t) => t.code))],
  };
}

export interface RoundScore {
  sessionId: string;
  title: string;
  voteDate: string;
  netScore: number;
  pctLow: number;
}

/** %high − %low and %low over ballots collected, from a confirmed count's line for one subject. */
export function roundScore(c: { high?: number; low?: number }, collected: number): { netScore: number; pctLow: number } {
  return { netScore: pct((c.high ?? 0) - (c.low ?? 0), collected), pctLow: pct(c.low ?? 0, collected) };
}

/**
 * The subject against his own previous round and against the peers holding the same title that year: the notes say
 * when the gap is larger than the analysis setting (points of net score), in both directions.
 */
export function compareSubject(
  policy: VotePolicy,
  r: SubjectResult,
  previous: RoundScore | null,
  peers: { netScore: number; pctLow: number }[],
  basis: PeerBasis = { kind: 'same-title', group: null, rank: null, titles: [r.titleText] },
): SubjectResult['comparison'] {
  const gap = policy.analysis.params.peerGapPoints;
  const notes: Flag[] = [];
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const vn = (x: number) => round1(x).toFixed(1).replace('.', ',');
  if (previous) {
    const d = r.netScore - previous.netScore;
    if (Math.abs(d) > gap)
      notes.push({
        code: d < 0 ? 'dropped_since_previous' : 'rose_since_previous',
        message: `Điểm ròng ${d < 0 ? 'giảm' : 'tăng'} ${vn(Math.abs(d))} điểm so với lần lấy phiếu ngày ${previous.voteDate.split('-').reverse().join('/')}`,
        messageEn: `Net score ${d < 0 ? 'fell' : 'rose'} by ${round1(Math.abs(d))} points since the vote of ${previous.voteDate}`,
      });
  }
  const peerSummary = peers.length
    ? {
        count: peers.length,
        meanNet: round1(peers.reduce((a, p) => a + p.netScore, 0) / peers.length),
        meanPctLow: round1(peers.reduce((a, p) => a + p.pctLow, 0) / peers.length),
        basis,
      }
    : null;
  const who =
    basis.kind === 'equivalent'
      ? {
          vi: `giữ chức danh tương đương (nhóm ${basis.group}, bậc ${basis.rank})`,
          en: `holding equivalent titles (group ${basis.group}, rank ${basis.rank})`,
        }
      : { vi: 'cùng chức danh', en: 'with the same title' };
  if (peerSummary) {
    const d = r.netScore - peerSummary.meanNet;
    if (Math.abs(d) > gap)
      notes.push({
        code: d < 0 ? 'below_peers' : 'above_peers',
        message: `Điểm ròng ${d < 0 ? 'thấp' : 'cao'} hơn ${vn(Math.abs(d))} điểm so với trung bình ${peerSummary.count} người ${who.vi} trong năm`,
        messageEn: `Net score ${round1(Math.abs(d))} points ${d < 0 ? 'below' : 'above'} the mean of ${peerSummary.count} peers ${who.en} that year`,
      });
  }
  return { previous, peers: peerSummary, notes };
}
