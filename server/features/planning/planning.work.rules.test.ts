import { describe, expect, it } from 'vitest';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { policyAt } from '../policy/policy.library';
import { judgeRoundCount, validateCycle } from './planning.rules';
import {
  type ReviewFacts,
  admittedTo,
  ageBandsOf,
  coverageOf,
  inFirstQuarter,
  latestRoundOf,
  orderRounds,
  percent1,
  performanceOf,
  potentialOf,
  reviewDiff,
  structureTargets,
  suggestRemovals,
} from './planning.work.rules';

const library = loadPolicyLibrary();
const pack2025 = policyAt(library, '2026-03-01', 'party');
const pack2023 = policyAt(library, '2024-06-01', 'party');
const packs = [
  ['377-QĐ/TW (2025)', pack2025],
  ['50-QĐ/TW (2023)', pack2023],
] as const;

describe.each(packs)("'planning.recommendation-threshold' under %s", (_, policy) => {
  const judge = (agree: number, summoned: number) =>
    judgeRoundCount(policy, { fullName: 'Lê Văn Phó', agree, summoned, step: 'key_cadre_conference' })!;

  it('passes with one vote more than half of those summoned', () => {
    expect(judge(51, 100).status).toBe('passed');
    expect(judge(6, 11).status).toBe('passed');
  });
  it('fails at exactly 50 %: more than half is needed', () => {
    const v = judge(50, 100);
    expect(v.status).toBe('failed');
    expect(v.ruleId).toBe('planning.recommendation-threshold');
    expect(v.detail.vi).toContain('50/100');
    expect(v.detail.vi).toContain('trên 1/2 số người được triệu tập');
    expect(v.citation.text).toMatch(/QĐ\/TW/);
  });
  it('counts over those summoned, not those present: 5 of 6 present but 12 summoned fails', () => {
    expect(judge(5, 12).status).toBe('failed');
    expect(judge(7, 12).status).toBe('passed');
  });
});

describe('recommendation rounds feed the next step', () => {
  const rounds = [
    {
      step: 'key_cadre_conference' as const,
      heldOn: '2026-04-10',
      summoned: 40,
      results: [
        { personId: 'A', agree: 30, passed: true },
        { personId: 'B', agree: 12, passed: false },
      ],
    },
    {
      step: 'leadership_proposal' as const,
      heldOn: '2026-04-01',
      summoned: 9,
      results: [
        { personId: 'A', agree: 8, passed: true },
        { personId: 'B', agree: 6, passed: true },
      ],
    },
  ];
  it('orders rounds by the step of the process, not by the order they were typed in', () => {
    expect(orderRounds(rounds).map((r) => r.step)).toEqual(['leadership_proposal', 'key_cadre_conference']);
  });
  it('admits to a step only those who passed the latest earlier step', () => {
    expect(admittedTo(rounds, 'leadership_proposal')).toBeNull();
    expect([...admittedTo(rounds, 'key_cadre_conference')!].sort()).toEqual(['A', 'B']);
    expect([...admittedTo(rounds, 'collective')!]).toEqual(['A']);
  });
  it("takes a person's latest round as their standing", () => {
    expect(latestRoundOf(rounds, 'B')).toMatchObject({ step: 'key_cadre_conference', passed: false, agree: 12, summoned: 40 });
    expect(latestRoundOf(rounds, 'C')).toBeNull();
  });
  it('turns a failed latest round into a blocking verdict of the candidate', () => {
    const candidate = (personId: string, agree: number) => ({
      planId: 'P1',
      personId,
      fullName: personId,
      seatKey: 'X',
      targetTitleName: 'Giám đốc Sở',
      levelsBelow: null,
      facts: null,
      sex: 'M' as const,
      birth: '1980-01-01',
      ethnicMinority: false,
      addedOn: '2026-01-01',
      proposedForAppointment: false,
      disciplines: [],
      latestRound: { step: 'collective' as const, agree, summoned: 10 },
    });
    const v = validateCycle(
      {
        level: 'provincial',
        referenceDate: '2030-09-01',
        plans: [{ id: 'P1', kind: 'seat', statutorySize: null, candidates: [candidate('A', 5), candidate('B', 6)] }],
        exceptions: [],
      },
      pack2025,
    );
    const of = (id: string) => v.candidates.get(`P1:${id}`)!.find((x) => x.ruleId === 'planning.recommendation-threshold')!;
    expect(of('A')).toMatchObject({ status: 'failed', blocking: true });
    expect(of('B')).toMatchObject({ status: 'passed', blocking: false });
  });
});

describe.each(packs)("'planning.removal-triggers' suggestions at the yearly review under %s", (_, policy) => {
  const none: ReviewFacts = { failedRuleIds: [], lowVotes: [], ratingLastYear: 'good', movedAway: false, appointed: false };
  const triggers = (f: Partial<ReviewFacts>) => suggestRemovals(policy, { ...none, ...f }).map((s) => s.trigger);

  it('suggests nothing for someone with a clean year', () => {
    expect(triggers({})).toEqual([]);
  });
  it('suggests each trigger with the rule it comes from', () => {
    expect(triggers({ failedRuleIds: ['planning.removal-triggers'] })).toEqual(['disciplined']);
    expect(triggers({ failedRuleIds: ['planning.age-by-level'] })).toEqual(['over_age']);
    expect(triggers({ failedRuleIds: ['planning.age-terms'] })).toEqual(['over_age']);
    expect(triggers({ ratingLastYear: 'not_complete' })).toEqual(['not_complete']);
    expect(triggers({ ratingLastYear: 'complete' })).toEqual([]);
    expect(triggers({ movedAway: true })).toEqual(['moved']);
    expect(triggers({ appointed: true })).toEqual(['appointed']);
    expect(triggers({ failedRuleIds: ['planning.recommendation-threshold'] })).toEqual(['not_recommended']);
    const low = suggestRemovals(policy, {
      ...none,
      lowVotes: [{ voteDate: '2026-02-10', pctLowOfCollected: 51.2, ruleId: 'vote.low-out-of-planning', citation: '96-QĐ/TW' }],
    });
    expect(low).toMatchObject([{ trigger: 'low_confidence', ruleId: 'vote.low-out-of-planning', citation: '96-QĐ/TW' }]);
    expect(low[0]!.detail.vi).toContain('10/02/2026: 51,2% phiếu tín nhiệm thấp');
    const moved = suggestRemovals(policy, { ...none, movedAway: true })[0]!;
    expect(moved.ruleId).toBe('planning.removal-triggers');
    expect(moved.citation).toMatch(/QĐ\/TW/);
  });
  it('lists every reason when several apply', () => {
    expect(triggers({ movedAway: true, appointed: true, ratingLastYear: 'not_complete' })).toEqual([
      'not_complete',
      'moved',
      'appointed',
    ]);
  });
});

describe('the review window and its diff', () => {
  it('puts 31 March in the first quarter and 1 April outside it', () => {
    expect(inFirstQuarter('2027-03-31')).toBe(true);
    expect(inFirstQuarter('2027-01-01')).toBe(true);
    expect(inFirstQuarter('2027-04-01')).toBe(false);
  });
  it('keeps everyone not removed, and adds the additions after them', () => {
    const p = (candidateId: string) => ({ candidateId, planId: 'P', personId: candidateId, readiness: 'now' as const });
    const d = reviewDiff([p('a'), p('b'), p('c')], new Set(['b']), [p('d')]);
    expect(d.kept.map((x) => x.candidateId)).toEqual(['a', 'c']);
    expect(d.removed.map((x) => x.candidateId)).toEqual(['b']);
    expect(d.after.map((x) => x.candidateId)).toEqual(['a', 'c', 'd']);
  });
});

describe("succession reports: coverage, 'planning.age-bands' and structure", () => {
  it('counts the share of seats with a ready-now successor, exact to one decimal', () => {
    const c = coverageOf([{ readyNow: 1 }, { readyNow: 0 }, { readyNow: 2 }]);
    expect(c).toMatchObject({ seats: 3, withReadyNow: 2, percent: 66.7 });
    expect(c.without).toEqual([{ readyNow: 0 }]);
    expect(coverageOf([]).percent).toBe(0);
    expect(percent1(1, 8)).toBe(12.5);
  });
  it.each(packs)(
    'puts the young-age birthday in the second band under %s: 44 young, 45 and 49 middle, 50 oldest',
    (_, policy) => {
      const bands = ageBandsOf(policy, 'provincial', ['1985-09-02', '1985-09-01', '1981-09-01', '1980-09-01'], '2030-09-01')!;
      expect(bands.bands.map((b) => b.label.vi)).toEqual(['Dưới 45 tuổi', 'Từ 45 đến 49 tuổi', 'Từ 50 tuổi trở lên']);
      expect(bands.bands.map((b) => b.count)).toEqual([1, 2, 1]);
      expect(bands.citation).toMatch(/QĐ\/TW/);
      expect(ageBandsOf(policy, 'commune', ['1991-01-01'], '2030-09-01')!.bands[1]!.label.vi).toBe('Từ 40 đến 44 tuổi');
    },
  );
  it('holds the 2023 pack to ≥15 % young and ≥25 % women: exactly 15 % and 25 % meet the targets', () => {
    const s = { total: 20, young: 3, women: 5, ethnicMinority: 2, youngUnderYears: 45 };
    const rows = structureTargets(pack2023, s);
    expect(rows.map((r) => [r.key, r.targetPercent, r.met])).toEqual([
      ['young', 15, true],
      ['women', 25, true],
      ['ethnicMinority', null, null],
    ]);
    const short = structureTargets(pack2023, { ...s, young: 2, women: 4 });
    expect(short.map((r) => r.met)).toEqual([false, false, null]);
    expect(short[0]!.citation).toContain('50-QĐ/TW');
  });
  it('sets no verified target under the 2025 pack', () => {
    const rows = structureTargets(pack2025, { total: 10, young: 0, women: 0, ethnicMinority: 0, youngUnderYears: 45 });
    expect(rows.every((r) => r.targetPercent === null && r.met === null)).toBe(true);
  });
  it("reports the locality's ethnic-minority target once its rules are approved: exactly 30 % meets it", () => {
    const tq = policyAt(library, '2026-03-01', 'party', { approvedLocalPackIds: ['tuyen-quang-2026'] });
    const at = (ethnicMinority: number) =>
      structureTargets(tq, { total: 10, young: 0, women: 0, ethnicMinority, youngUnderYears: 45 }).find(
        (r) => r.key === 'ethnicMinority',
      )!;
    expect(at(3)).toMatchObject({ targetPercent: 30, met: true });
    expect(at(2)).toMatchObject({ targetPercent: 30, met: false });
    expect(at(2).citation).toContain('377-QĐ/TW');
  });
});

describe('the 9-box of the candidate finder', () => {
  it('rates performance from the last ratings: 2.5 average is high, 1.5 medium, a "not complete" caps at low', () => {
    expect(performanceOf([])).toBeNull();
    expect(performanceOf([{ level: 'excellent' }, { level: 'good' }])).toBe('high');
    expect(performanceOf([{ level: 'good' }, { level: 'good' }, { level: 'excellent' }])).toBe('medium');
    expect(performanceOf([{ level: 'good' }, { level: 'complete' }])).toBe('medium');
    expect(performanceOf([{ level: 'complete' }, { level: 'complete' }, { level: 'good' }])).toBe('low');
    expect(performanceOf([{ level: 'excellent' }, { level: 'excellent' }, { level: 'not_complete' }])).toBe('low');
  });
  it.each(packs)('rates potential from the months left measured with the pack (%s)', (_, policy) => {
    expect(potentialOf(policy, 120, 0)).toBe('high');
    expect(potentialOf(policy, 119, 0)).toBe('medium');
    expect(potentialOf(policy, 120, 1)).toBe('medium');
    expect(potentialOf(policy, 60, 0)).toBe('medium');
    expect(potentialOf(policy, 59, 0)).toBe('low');
  });
});
