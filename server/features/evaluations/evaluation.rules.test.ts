import { describe, expect, it } from 'vitest';
import { type EvaluationFacts, type EvaluationTask, evaluationFactsSchema } from '../../../contracts/evaluations';
import { meets } from '../policy/policy.rules';
import { cyclePolicyDate, evaluationPolicyAt } from './evaluation.policy';
import {
  decisionAllowed,
  levelFromPoints,
  maxExcellent,
  quota,
  type QuotaMember,
  rate,
  scoreForm,
  taskShares,
  threeYearHistory,
  vetoes,
} from './evaluation.rules';

const p2025 = evaluationPolicyAt('2025-12-31', 'party');
const p2024 = evaluationPolicyAt('2024-12-31', 'party');
const facts = (f: Partial<EvaluationFacts> = {}): EvaluationFacts => evaluationFactsSchema.parse(f);
const task = (dueOn: string, doneOn: string | null, outcome: EvaluationTask['outcome']) => ({ dueOn, doneOn, outcome });
/** Ten tasks on time, four of them exceeding: meets every level's conditions. */
const perfect = taskShares(
  Array.from({ length: 10 }, (_, i) => task('2025-06-30', '2025-06-01', i < 4 ? 'exceeded' : 'done')),
  '2025-12-31',
);

describe('policy in force', () => {
  it('judges a 2025 annual cycle by 366-QĐ/TW and a 2024 one by 124-QĐ/TW', () => {
    expect(p2025.points.citation.document).toBe('366-QĐ/TW');
    expect(p2024.points.citation.document).toBe('124-QĐ/TW');
    expect(p2024.conditions).toBeNull();
    expect(evaluationPolicyAt('2025-08-29', 'party').quota!.citation.document).toBe('124-QĐ/TW');
    expect(evaluationPolicyAt('2025-08-30', 'party').quota!.citation.document).toBe('366-QĐ/TW');
  });
  it('has no rules before 124-QĐ/TW took effect', () => {
    expect(() => evaluationPolicyAt('2023-03-31', 'state')).toThrow(RangeError);
  });
  it('dates a quarterly cycle at the end of its quarter and an annual one at 31/12', () => {
    expect(cyclePolicyDate('quarterly', 2025, 2)).toBe('2025-06-30');
    expect(cyclePolicyDate('quarterly', 2025, 3)).toBe('2025-09-30');
    expect(cyclePolicyDate('annual', 2024, null)).toBe('2024-12-31');
  });
  it('gives every subject group general criteria that add up to the general part', () => {
    for (const criteria of Object.values(p2025.generalCriteria.params.groups))
      expect(criteria.reduce((s, c) => s + c.max, 0)).toBe(p2025.points.params.general);
  });
});

describe('scoring a form', () => {
  const general = { politics: 6, ethics: 6, discipline: 5.5, style: 6, service: 6 };
  it('adds the general criteria and the results part without floating drift', () => {
    const s = scoreForm(p2025, 'non_leader', { general: { ...general, discipline: 5.7 }, results: 62.2 });
    expect(s).toMatchObject({ general: 29.7, results: 62.2, total: 91.9, problems: [] });
  });
  it('rejects a criterion above its maximum, a missing one, a foreign one and results above 70', () => {
    const s = scoreForm(p2025, 'non_leader', {
      general: { politics: 7, ethics: 6, discipline: 6, style: 6, leadership: 6 },
      results: 70.5,
    });
    expect(s.problems.map((p) => p.path)).toEqual([
      'score.general.politics',
      'score.general.service',
      'score.general.leadership',
      'score.results',
    ]);
  });
});

describe('level boundaries', () => {
  it.each([
    [100, 'excellent'],
    [90, 'excellent'],
    [89.9, 'good'],
    [70, 'good'],
    [69.9, 'complete'],
    [50, 'complete'],
    [49.9, 'not_complete'],
    [0, 'not_complete'],
  ] as const)('%s points is %s', (points, level) => {
    expect(levelFromPoints(p2025, points)).toBe(level);
    expect(rate(p2025, { group: 'non_leader', points, facts: facts(), shares: perfect }).level).toBe(level);
  });
  it('names the rule and its citation on the points verdict', () => {
    const v = rate(p2025, { group: 'non_leader', points: 49.9, facts: facts(), shares: perfect }).verdicts[0]!;
    expect(v).toMatchObject({ ruleId: 'evaluation.points', status: 'failed', citation: { document: '366-QĐ/TW' } });
  });
});

describe("each level's extra conditions (366-QĐ/TW)", () => {
  it('excellent needs ≥30 % exceeding: 3 of 10 is enough, 2 of 10 is good', () => {
    const three = taskShares(
      Array.from({ length: 10 }, (_, i) => task('2025-06-30', '2025-06-30', i < 3 ? 'exceeded' : 'done')),
      '2025-12-31',
    );
    const two = taskShares(
      Array.from({ length: 10 }, (_, i) => task('2025-06-30', '2025-06-30', i < 2 ? 'exceeded' : 'done')),
      '2025-12-31',
    );
    expect(rate(p2025, { group: 'non_leader', points: 95, facts: facts(), shares: three }).level).toBe('excellent');
    const r = rate(p2025, { group: 'non_leader', points: 95, facts: facts(), shares: two });
    expect(r.level).toBe('good');
    expect(r.verdicts.find((v) => v.ruleId === 'evaluation.conditions')!.status).toBe('failed');
  });
  it('excellent needs earlier shortcomings fixed', () => {
    expect(
      rate(p2025, { group: 'non_leader', points: 95, facts: facts({ shortcomingsFixed: false }), shares: perfect }).level,
    ).toBe('good');
  });
  it('good needs every task on time: one late task out of ten makes it complete', () => {
    const late = taskShares(
      [
        ...Array.from({ length: 9 }, () => task('2025-06-30', '2025-06-01', 'exceeded')),
        task('2025-06-30', '2025-07-01', 'done'),
      ],
      '2025-12-31',
    );
    expect(late).toMatchObject({ onTime: 9, behind: 1, behindPercent: 10 });
    expect(rate(p2025, { group: 'non_leader', points: 95, facts: facts(), shares: late }).level).toBe('complete');
  });
  it('complete allows 20 % behind schedule but not more', () => {
    const mk = (behind: number) =>
      taskShares(
        Array.from({ length: 10 }, (_, i) => task('2025-06-30', i < behind ? '2025-08-01' : '2025-06-01', 'done')),
        '2025-12-31',
      );
    expect(rate(p2025, { group: 'non_leader', points: 60, facts: facts(), shares: mk(2) }).level).toBe('complete');
    expect(rate(p2025, { group: 'non_leader', points: 60, facts: facts(), shares: mk(3) }).level).toBe('not_complete');
  });
  it('counts an open task past its due date as behind and one not yet due as nothing', () => {
    const s = taskShares(
      [task('2025-06-30', null, 'pending'), task('2026-01-31', null, 'pending'), task('2025-03-01', '2025-03-01', 'done')],
      '2025-12-31',
    );
    expect(s).toMatchObject({ total: 2, onTime: 1, behind: 1 });
  });
  it('applies no conditions under 124-QĐ/TW, which has none in the pack', () => {
    expect(
      rate(p2024, {
        group: 'non_leader',
        points: 95,
        facts: facts({ shortcomingsFixed: false }),
        shares: taskShares([], '2024-12-31'),
      }).level,
    ).toBe('excellent');
  });
});

describe('vetoes', () => {
  const leader = (f: Partial<EvaluationFacts>) =>
    rate(p2025, { group: 'leader_other', points: 95, facts: facts(f), shares: perfect });
  const staff = (f: Partial<EvaluationFacts>, shares = perfect) =>
    rate(p2025, { group: 'non_leader', points: 95, facts: facts(f), shares });

  it('no veto leaves an excellent leader excellent', () => {
    expect(
      leader({
        lowVotes: { low: 5, ballots: 10, sessionRef: 'Phiên 2025', sessionId: null, voteDate: null },
        unitPlanPercent: 70,
        unitsLed: { total: 4, notComplete: 2 },
      }).level,
    ).toBe('excellent');
  });
  it('low votes: exactly 1/2 is not a veto, one more vote is', () => {
    expect(leader({ lowVotes: { low: 10, ballots: 20, sessionRef: 'LPTN 2025', sessionId: null, voteDate: null } }).level).toBe(
      'excellent',
    );
    const r = leader({ lowVotes: { low: 11, ballots: 20, sessionRef: 'LPTN 2025', sessionId: null, voteDate: null } });
    expect(r.level).toBe('not_complete');
    expect(r.verdicts.find((v) => v.ruleId === 'evaluation.low-vote-veto')).toMatchObject({
      status: 'failed',
      inputs: { sessionRef: 'LPTN 2025' },
    });
  });
  it.each(['khien_trach', 'canh_cao', 'cach_chuc', 'khai_tru'] as const)(
    'discipline "%s" is a veto for leaders and staff',
    (discipline) => {
      expect(leader({ discipline }).level).toBe('not_complete');
      expect(staff({ discipline }).level).toBe('not_complete');
    },
  );
  it('degradation is a veto for leaders and staff', () => {
    expect(leader({ degradation: true }).level).toBe('not_complete');
    expect(staff({ degradation: true }).level).toBe('not_complete');
  });
  it('unit floor: 70 % of the plan passes, 69.9 % is a veto, missing the 5 basic targets too', () => {
    expect(leader({ unitPlanPercent: 70 }).level).toBe('excellent');
    expect(leader({ unitPlanPercent: 69.9 }).level).toBe('not_complete');
    expect(leader({ unitPlanPercent: 95, unitMissedBasicTargets: true }).level).toBe('not_complete');
  });
  it('units led: exactly half not complete passes, more than half is a veto', () => {
    expect(leader({ unitsLed: { total: 4, notComplete: 2 } }).level).toBe('excellent');
    expect(leader({ unitsLed: { total: 5, notComplete: 3 } }).level).toBe('not_complete');
  });
  it('corruption in a unit directly managed is a leader veto', () => {
    expect(leader({ corruptionInManagedUnit: true }).level).toBe('not_complete');
  });
  it('leader-only facts do not veto staff, whose own veto is more than half of the tasks failed', () => {
    expect(
      staff({ lowVotes: { low: 20, ballots: 20, sessionRef: 'x', sessionId: null, voteDate: null }, unitPlanPercent: 10 }).level,
    ).toBe('excellent');
    const mk = (failed: number) =>
      taskShares(
        Array.from({ length: 10 }, (_, i) => task('2025-06-30', '2025-06-01', i < failed ? 'failed' : 'done')),
        '2025-12-31',
      );
    expect(vetoes(p2025, { group: 'non_leader', facts: facts(), shares: mk(5) }).applied).toEqual([]);
    expect(vetoes(p2025, { group: 'non_leader', facts: facts(), shares: mk(6) }).applied).toEqual(['tasks-failed']);
  });
  it('a veto wins over 100 points', () => {
    expect(
      rate(p2025, { group: 'leader_central', points: 100, facts: facts({ discipline: 'khien_trach' }), shares: perfect }).level,
    ).toBe('not_complete');
  });
});

describe('the excellent quota', () => {
  const members = (excellent: number, good: number, extra: Partial<QuotaMember> = {}): QuotaMember[] => [
    ...Array.from({ length: excellent }, (_, i) => ({
      evaluationId: `e${i}`,
      personName: `X${i}`,
      points: 90 + i,
      level: 'excellent' as const,
      decided: false,
      ...extra,
    })),
    ...Array.from({ length: good }, (_, i) => ({
      evaluationId: `g${i}`,
      personName: `G${i}`,
      points: 80,
      level: 'good' as const,
      decided: false,
    })),
  ];

  it('rounds the ceiling down: 20 % of 9 good is 1, of 10 good is 2', () => {
    expect(maxExcellent(20, 9)).toBe(1);
    expect(maxExcellent(20, 10)).toBe(2);
    expect(maxExcellent(25, 8)).toBe(2);
    expect(maxExcellent(25, 7)).toBe(1);
  });
  it('20 %: 2 excellent with 10 good fit, a third does not', () => {
    expect(quota(p2025, members(2, 10), false)).toMatchObject({ withinQuota: true, maxExcellent: 2, mustMove: [] });
    const over = quota(p2025, members(3, 10), false);
    expect(over.withinQuota).toBe(false);
    expect(over.mustMove.map((m) => m.personName)).toEqual(['X0']);
    expect(over.verdict).toMatchObject({ ruleId: 'evaluation.excellent-quota', status: 'failed' });
    expect(over.verdict!.detail.vi).toContain('tối đa 2');
  });
  it('25 % for an outstanding unit: 2 excellent with 8 good fit, 3 do not', () => {
    expect(quota(p2025, members(2, 8), true)).toMatchObject({ withinQuota: true, percent: 25, maxExcellent: 2 });
    expect(quota(p2025, members(2, 8), false)).toMatchObject({ withinQuota: false, maxExcellent: 1 });
    expect(quota(p2025, members(3, 8), true).mustMove).toHaveLength(1);
  });
  it('what-if: each move also adds one good, so 4 excellent over 10 good need 2 moves, lowest points first', () => {
    const r = quota(p2025, members(4, 10), false);
    expect(r.mustMove.map((m) => m.personName)).toEqual(['X0', 'X1']);
  });
  it('moves undecided people before those already decided', () => {
    const m = members(3, 10);
    m[0]!.decided = true;
    expect(quota(p2025, m, false).mustMove.map((x) => x.personName)).toEqual(['X1']);
  });
  it('one excellent with no one rated good must move', () => {
    expect(quota(p2025, members(1, 0), false).mustMove).toHaveLength(1);
  });
  it('under 124-QĐ/TW the unconfirmed quota warns but does not fail', () => {
    const r = quota(p2024, members(3, 10), false);
    expect(r.withinQuota).toBe(false);
    expect(r.verdict!.status).toBe('warning');
  });
});

describe('decisions and history', () => {
  it('a decision may lower the allowed level but not raise it', () => {
    expect(decisionAllowed('good', 'complete')).toBe(true);
    expect(decisionAllowed('good', 'good')).toBe(true);
    expect(decisionAllowed('good', 'excellent')).toBe(false);
  });
  it('the three-year history names missing years and any not complete', () => {
    const h = threeYearHistory(2025, [
      { year: 2025, level: 'good', cycleId: 'c25' },
      { year: 2023, level: 'not_complete', cycleId: 'c23' },
      { year: 2022, level: 'excellent', cycleId: 'c22' },
    ]);
    expect(h.years.map((y) => y.level)).toEqual(['not_complete', null, 'good']);
    expect(h).toMatchObject({ allAssessed: false, anyNotComplete: true });
  });
  it('meets compares in integers: 2 of 3 is more than 1/2 and 1 of 2 is not', () => {
    const half = { comparison: '>', numerator: 1, denominator: 2, base: 'tasks' } as const;
    expect(meets(half, 2, 3)).toBe(true);
    expect(meets(half, 1, 2)).toBe(false);
    expect(meets(half, 0, 0)).toBe(false);
  });
});
