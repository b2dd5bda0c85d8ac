import { describe, expect, it } from 'vitest';
import type { PaperCount } from '../../../contracts/votes';
import { votePolicyAt } from './vote.policy';
import {
  analysisFlags,
  appointmentConsequences,
  recommendationConsequences,
  compareSubject,
  compareEntries,
  equivalentTitles,
  type BallotForm,
  meets,
  preVoteWarnings,
  raisedConsequences,
  quorumVerdict,
  reconcile,
  subjectResults,
  wilson,
} from './vote.rules';

const party = votePolicyAt('party', '2026-03-01')!;
const state = votePolicyAt('state', '2026-03-01')!;
const levels: BallotForm = { shape: 'levels', maxChoices: null };
const subjects = [{ id: 'S1', fullName: 'Nguyễn Văn A', titleText: 'Giám đốc Sở' }];

function countWithLow(low: number, collected: number): PaperCount {
  return {
    issued: collected,
    collected,
    valid: collected,
    invalid: 0,
    subjects: [{ subjectId: 'S1', high: collected - low, medium: 0, low, invalid: 0 }],
  };
}
const triggered = (policy: typeof party, low: number, collected: number) =>
  subjectResults(policy, countWithLow(low, collected), subjects, collected)[0]!
    .consequences.filter((v) => !v.passed)
    .map((v) => v.ruleId);

describe('policy versions (from the packs in policy/packs)', () => {
  it('pick 96-QĐ/TW from 02/02/2023 and nothing before', () => {
    expect(votePolicyAt('party', '2023-02-02')!.quorum.citation).toBe('96-QĐ/TW ngày 02/02/2023');
    expect(votePolicyAt('party', '2023-02-01')).toBeNull();
  });
  it('add the NĐ 170/2025 rules to the state track from 01/07/2025, not the day before', () => {
    const ids = (date: string) => votePolicyAt('state', date)!.consequences.map((c) => c.id);
    expect(ids('2025-06-30')).toEqual(['vote.low-out-of-planning', 'vote.low-dismissal']);
    expect(ids('2025-07-01')).toEqual([
      'vote.low-out-of-planning',
      'vote.low-dismissal',
      'state.resignation-low-votes',
      'state.dismissal-low-votes',
    ]);
    expect(votePolicyAt('party', '2025-07-01')!.consequences.map((c) => c.id)).toEqual([
      'vote.low-out-of-planning',
      'vote.low-dismissal',
    ]);
  });
  it('read the rules of the pack in force: national-2023 until 07/10/2025, national-2025 after', () => {
    expect(votePolicyAt('party', '2025-10-07')!.id).toBe('national-2023');
    expect(votePolicyAt('party', '2025-10-08')!.id).toBe('national-2025');
  });
});

describe('quorum: at least 2/3 of those summoned', () => {
  it('passes at exactly 2/3 and fails one below', () => {
    expect(quorumVerdict(party, 30, 20).passed).toBe(true);
    expect(quorumVerdict(party, 30, 19).passed).toBe(false);
    expect(quorumVerdict(party, 30, 19).detail).toContain('không đủ điều kiện');
    expect(quorumVerdict(party, 30, 19).citation).toBe('96-QĐ/TW ngày 02/02/2023');
  });
  it('handles a summoned count not divisible by 3 without rounding (7 summoned: 5 is enough, 4 is not)', () => {
    expect(quorumVerdict(party, 7, 5).passed).toBe(true);
    expect(quorumVerdict(party, 7, 4).passed).toBe(false);
  });
});

describe('consequences under 96-QĐ/TW (low > 1/2 and < 2/3: out of planning; ≥ 2/3: dismissal)', () => {
  it('exactly 1/2 triggers nothing', () => expect(triggered(party, 15, 30)).toEqual([]));
  it('just over 1/2 leaves planning for higher posts', () =>
    expect(triggered(party, 16, 30)).toEqual(['vote.low-out-of-planning']));
  it('exactly 2/3 starts dismissal (and is no longer in the lower band)', () =>
    expect(triggered(party, 20, 30)).toEqual(['vote.low-dismissal']));
  it('just under 2/3 stays in the lower band', () => expect(triggered(party, 19, 30)).toEqual(['vote.low-out-of-planning']));
});

describe('consequences on the state track: NĐ 170/2025 (low > 1/2 and ≤ 2/3: resignation; > 2/3: dismissal) beside 96-QĐ/TW', () => {
  it('exactly 1/2 triggers nothing', () => expect(triggered(state, 15, 30)).toEqual([]));
  it('just over 1/2: out of planning (96) and resignation (170)', () =>
    expect(triggered(state, 16, 30)).toEqual(['vote.low-out-of-planning', 'state.resignation-low-votes']));
  it('exactly 2/3: the decree says resignation, not dismissal, while 96-QĐ/TW says dismissal; both are shown', () =>
    expect(triggered(state, 20, 30)).toEqual(['vote.low-dismissal', 'state.resignation-low-votes']));
  it('just over 2/3 is dismissal under both', () =>
    expect(triggered(state, 21, 30)).toEqual(['vote.low-dismissal', 'state.dismissal-low-votes']));
  it('raises one task per rule and consequence', () => {
    expect(raisedConsequences(party, 16, 30, 30).map((c) => [c.ruleId, c.consequence])).toEqual([
      ['vote.low-out-of-planning', 'out-of-planning-higher'],
      ['vote.low-out-of-planning', 'may-move-or-resign'],
    ]);
    expect(raisedConsequences(party, 20, 30, 30).map((c) => c.consequence)).toEqual(['dismissal-procedure']);
    expect(raisedConsequences(state, 20, 30, 30).map((c) => c.consequence)).toEqual([
      'dismissal-procedure',
      'may-move-or-resign',
    ]);
    expect(raisedConsequences(party, 15, 30, 30)).toEqual([]);
  });
  it('carries the article in the citation', () => {
    const v = subjectResults(state, countWithLow(21, 30), subjects, 30)[0]!.consequences.find(
      (x) => x.ruleId === 'state.dismissal-low-votes',
    )!;
    expect(v.citation).toBe('170/2025/NĐ-CP ngày 30/06/2025, Điều 53');
  });
});

describe('percentages', () => {
  it('are given over ballots collected and over those summoned', () => {
    const r = subjectResults(party, countWithLow(5, 20), subjects, 25)[0]!;
    expect(r.overCollected.low).toBe(25);
    expect(r.overSummoned.low).toBe(20);
    expect(r.netScore).toBe(50);
    expect(r.netInterval.low).toBeLessThan(50);
    expect(r.netInterval.high).toBeGreaterThan(50);
  });
  it('Wilson interval is wide for a small group and narrow for a large one', () => {
    const small = wilson(4, 5, 1.96);
    const large = wilson(400, 500, 1.96);
    expect(small.high - small.low).toBeGreaterThan(50);
    expect(large.high - large.low).toBeLessThan(8);
    expect(wilson(5, 5, 1.96).high).toBe(100);
  });
  it('meets compares without rounding', () => {
    expect(meets(1, 2, { comparison: '>', numerator: 1, denominator: 2 })).toBe(false);
    expect(meets(2, 3, { comparison: '>=', numerator: 2, denominator: 3 })).toBe(true);
    expect(meets(1, 0, { comparison: '>=', numerator: 0, denominator: 3 })).toBe(false);
  });
});

describe('paper count', () => {
  const good: PaperCount = {
    issued: 30,
    collected: 28,
    valid: 27,
    invalid: 1,
    subjects: [{ subjectId: 'S1', high: 20, medium: 5, low: 1, invalid: 1 }],
  };
  it('reconciles issued ≥ collected = valid + invalid and per-person sums', () => {
    expect(reconcile(good, ['S1'], 30, levels)).toEqual([]);
    const bad = { ...good, collected: 31, subjects: [{ subjectId: 'S1', high: 20, medium: 5, low: 1, invalid: 0 }] };
    expect(reconcile(bad, ['S1'], 30, levels).map((f) => f.code)).toEqual([
      'collected_over_issued',
      'valid_invalid_sum',
      'subject_sum',
    ]);
    expect(reconcile({ ...good, issued: 31, collected: 28 }, ['S1'], 30, levels).map((f) => f.code)).toEqual([
      'issued_over_summoned',
    ]);
  });
  it('double entry lists every number that differs', () => {
    expect(compareEntries(good, good)).toEqual([]);
    const other = { ...good, valid: 26, subjects: [{ subjectId: 'S1', high: 19, medium: 5, low: 1, invalid: 1 }] };
    expect(compareEntries(good, other)).toEqual([
      { field: 'valid', first: 27, second: 26 },
      { field: 'subjects[0].high', first: 20, second: 19 },
    ]);
  });
});

describe('ballot shapes other than three levels', () => {
  const agree: BallotForm = { shape: 'agree-disagree', maxChoices: null };
  const base = { issued: 20, collected: 20, valid: 19, invalid: 1 };
  it('agree/disagree: the two options and the person’s invalid marks make the valid ballots', () => {
    expect(
      reconcile({ ...base, subjects: [{ subjectId: 'S1', agree: 12, disagree: 6, invalid: 1 }] }, ['S1'], 20, agree),
    ).toEqual([]);
    expect(
      reconcile({ ...base, subjects: [{ subjectId: 'S1', agree: 12, disagree: 6, invalid: 0 }] }, ['S1'], 20, agree).map(
        (f) => f.code,
      ),
    ).toEqual(['subject_sum']);
  });
  it('rejects the options of another shape', () => {
    const flags = reconcile(
      { ...base, subjects: [{ subjectId: 'S1', high: 12, medium: 6, low: 0, invalid: 1 }] },
      ['S1'],
      20,
      agree,
    );
    expect(flags.map((f) => f.code)).toEqual(['subject_options']);
    expect(flags[0]!.message).toContain('thiếu agree, disagree');
  });
  it('choice of one name: nobody above the valid ballots, all names together at most valid × 1', () => {
    const choice: BallotForm = { shape: 'choice', maxChoices: 1 };
    const c = (a: number, b: number): PaperCount => ({
      ...base,
      subjects: [
        { subjectId: 'S1', chosen: a, invalid: 0 },
        { subjectId: 'S2', chosen: b, invalid: 0 },
      ],
    });
    expect(reconcile(c(12, 7), ['S1', 'S2'], 20, choice)).toEqual([]);
    expect(reconcile(c(12, 8), ['S1', 'S2'], 20, choice).map((f) => f.code)).toEqual(['choices_over_max']);
    expect(reconcile(c(12, 8), ['S1', 'S2'], 20, { shape: 'choice', maxChoices: 2 })).toEqual([]);
    expect(reconcile(c(20, 0), ['S1', 'S2'], 20, choice).map((f) => f.code)).toEqual(['subject_sum', 'choices_over_max']);
  });
  it('agree/disagree results: net score is %agree − %disagree, and no confidence consequences', () => {
    const r = subjectResults(
      party,
      { ...base, subjects: [{ subjectId: 'S1', agree: 15, disagree: 4, invalid: 0 }] },
      subjects,
      25,
      agree,
    )[0]!;
    expect(r.counts).toEqual({ agree: 15, disagree: 4, invalid: 1 });
    expect(r.overSummoned.agree).toBe(60);
    expect(r.netScore).toBe(55);
    expect(r.consequences).toEqual([]);
  });
});

describe('flags when a vote says nothing', () => {
  const two = [
    { id: 'S1', fullName: 'A', titleText: 'x' },
    { id: 'S2', fullName: 'B', titleText: 'y' },
  ];
  const count = (h1: number, h2: number, n: number): PaperCount => ({
    issued: n,
    collected: n,
    valid: n,
    invalid: 0,
    subjects: [
      { subjectId: 'S1', high: h1, medium: n - h1, low: 0, invalid: 0 },
      { subjectId: 'S2', high: h2, medium: n - h2, low: 0, invalid: 0 },
    ],
  });
  it('flags everyone ≥ 95 % high and no spread', () => {
    const r = subjectResults(party, count(39, 38, 40), two, 40);
    expect(analysisFlags(party, r, 40).map((f) => f.code)).toEqual(['all_high', 'no_spread']);
  });
  it('does not flag at 94 % for one person with spread', () => {
    const r = subjectResults(party, count(47, 30, 50), two, 50);
    expect(analysisFlags(party, r, 50)).toEqual([]);
  });
  it('warns that unanimity reveals votes in a small group, before and after the vote', () => {
    expect(preVoteWarnings(party, 5).map((f) => f.code)).toEqual(['small_group']);
    expect(preVoteWarnings(party, 10)).toEqual([]);
    const r = subjectResults(party, count(5, 3, 5), two, 5);
    expect(analysisFlags(party, r, 5).map((f) => f.code)).toContain('unanimous_small_group');
  });
});

describe('comparison with the previous round and with peers', () => {
  const r = subjectResults(party, countWithLow(6, 30), subjects, 30)[0]!; // net (24 − 6)/30 = 60
  const prev = (netScore: number) => ({ sessionId: 'P', title: 'Lần trước', voteDate: '2024-05-01', netScore, pctLow: 10 });
  it('notes a change since the previous round only beyond the setting (15 points), not at exactly 15', () => {
    expect(compareSubject(party, r, prev(75), []).notes).toEqual([]);
    expect(compareSubject(party, r, prev(75.5), []).notes.map((n) => n.code)).toEqual(['dropped_since_previous']);
    expect(compareSubject(party, r, prev(40), []).notes.map((n) => n.code)).toEqual(['rose_since_previous']);
  });
  it('averages the peers and notes a gap beyond the setting', () => {
    const c = compareSubject(party, r, null, [
      { netScore: 30, pctLow: 20 },
      { netScore: 40, pctLow: 10 },
    ]);
    expect(c.peers).toMatchObject({ count: 2, meanNet: 35, meanPctLow: 15, basis: { kind: 'same-title' } });
    expect(c.notes.map((n) => n.code)).toEqual(['above_peers']);
    expect(compareSubject(party, r, null, []).peers).toBeNull();
  });
});

describe('peers: equivalent titles of the catalog', () => {
  const t = (code: string, group: string, rank: number, locality: string | null = null) => ({
    code,
    name: code,
    group,
    rank,
    rankOrder: ({ I: 0, II: 10, III: 20, IV: 30 } as Record<string, number>)[group]! + rank,
    locality,
  });
  const catalog = [
    t('A', 'IV', 1),
    t('B', 'IV', 1),
    t('C', 'IV', 2),
    t('X', 'IV', 5, 'hn_hcm'),
    t('X', 'IV', 6, 'other_provinces'),
    t('Y', 'IV', 6),
    t('Z', 'IV', 5),
  ];
  it('are the titles of the same group and rank', () =>
    expect(equivalentTitles(catalog, 'A')).toEqual({
      kind: 'equivalent',
      group: 'IV',
      rank: 1,
      titles: ['A', 'B'],
      codes: ['A', 'B'],
    }));
  it('read a title ranked by locality as the other provinces’ row', () => {
    expect(equivalentTitles(catalog, 'X')!.codes).toEqual(['X', 'Y']);
    expect(equivalentTitles(catalog, 'Z')!.codes).toEqual(['Z']);
  });
  it('are none for a code outside the catalog', () => expect(equivalentTitles(catalog, 'Q')).toBeNull());
});

describe('consequences of a planning recommendation (more than 1/2 of those summoned agree)', () => {
  const rule = party.recommendation!;
  it('comes from the pack in force, with its citation', () => {
    expect(rule.id).toBe('planning.recommendation-threshold');
    expect(rule.citation).toContain('377-QĐ/TW');
  });
  it('exactly 1/2 is not carried on', () => {
    const [c] = recommendationConsequences(rule, 15, 30, 28);
    expect(c).toMatchObject({ ruleId: 'planning.recommendation-threshold', consequence: 'not-recommended' });
    expect(c!.detail.vi).toBe(
      '15/30 người được triệu tập đồng ý (50,00%), cần trên 1/2: không được giới thiệu vào bước tiếp theo',
    );
  });
  it('one more goes on, whatever the ballots collected', () => expect(recommendationConsequences(rule, 16, 30, 16)).toEqual([]));
});

describe('consequences of an appointment step', () => {
  const stateRule = state.appointmentStep!;
  const partyRule = party.appointmentStep!;
  const stopped = (m: Map<string, unknown[]>) => [...m.keys()].sort();
  const agree = (xs: number[]) => xs.map((agree, i) => ({ subjectId: `s${i}`, agree }));
  const chosen = (xs: number[]) => xs.map((chosen, i) => ({ subjectId: `s${i}`, chosen }));
  it('read NĐ 170/2025 on the state track and the on-site appointment process on the party track', () => {
    expect(stateRule).toMatchObject({ id: 'state.appointment-ballot', tie: 'head-decides' });
    expect(stateRule.goOn).toMatchObject({ numerator: 30, denominator: 100 });
    expect(partyRule).toMatchObject({ id: 'process.appointment.on-site', goOn: null, tie: 'head-decides' });
  });
  it('agree/disagree: over 1/2 passes, exactly 1/2 goes to the head, below stops the process', () => {
    expect(stopped(appointmentConsequences(stateRule, 'agree-disagree', agree([16, 15, 14]), 30, 30))).toEqual(['s2']);
    const [c] = appointmentConsequences(stateRule, 'agree-disagree', agree([14]), 30, 30).get('s0')!;
    expect(c).toMatchObject({ ruleId: 'state.appointment-ballot', consequence: 'appointment-cannot-continue' });
    expect(c!.citation).toContain('170/2025/NĐ-CP');
    expect(c!.detail.vi).toMatch(/^14\/30 người được triệu tập \(46,67%\): cần trên 1\/2; quy trình không thể tiếp tục/);
  });
  it('a candidate ballot: the top name over 1/2 is chosen and the others stop', () =>
    expect(stopped(appointmentConsequences(stateRule, 'choice', chosen([16, 10, 4]), 30, 30))).toEqual(['s1', 's2']));
  it('nobody over 1/2: everyone at 30 % or more goes on (exactly 30 % included), the others stop', () =>
    expect(stopped(appointmentConsequences(stateRule, 'choice', chosen([12, 9, 8]), 30, 29))).toEqual(['s2']));
  it('nobody at 30 %: the process stops for everyone', () =>
    expect(stopped(appointmentConsequences(stateRule, 'choice', chosen([8, 7, 6]), 30, 21))).toEqual(['s0', 's1', 's2']));
  it('a tie at the top is nobody chosen', () =>
    expect(stopped(appointmentConsequences(stateRule, 'choice', chosen([15, 15]), 30, 30))).toEqual([]));
  it('the party track has no 30 % rule: nobody over 1/2 stops everyone', () =>
    expect(stopped(appointmentConsequences(partyRule, 'choice', chosen([12, 9, 8]), 30, 29))).toEqual(['s0', 's1', 's2']));
});
