import { describe, expect, it } from 'vitest';
import { type EvaluationInput, evaluationLevel, excellentQuota } from './evaluation.rules';
import { loadPolicyLibrary } from './pack.loader';
import { policyAt } from './policy.library';
import {
  committeePlanSizeVerdict,
  planningLimitVerdicts,
  planningRemovalVerdict,
  planningShareVerdicts,
  relativesVerdict,
  reliefVerdict,
  rotationVerdicts,
  staffingCutTarget,
  suspensionPay,
  termEventYear,
} from './personnel.rules';

const library = loadPolicyLibrary();
const p2026 = policyAt(library, '2026-03-01', 'party');
const p2024 = policyAt(library, '2024-03-01', 'party');

const perfect = { onTimePercent: 100, exceedingPercent: 30, behindPercent: 0 };
const rate = (o: Partial<EvaluationInput>) =>
  evaluationLevel(p2026, { points: 95, isLeader: false, vetoes: [], tasks: perfect, shortcomingsFixed: true, ...o }).level;

describe('evaluation (366-QĐ/TW)', () => {
  it.each([
    [100, 'excellent'],
    [90, 'excellent'],
    [89, 'good'],
    [70, 'good'],
    [69, 'complete'],
    [50, 'complete'],
    [49, 'not_complete'],
    [0, 'not_complete'],
  ] as const)('%i points → %s', (points, level) => {
    expect(rate({ points })).toBe(level);
  });

  it('excellent needs 100 % on time, at least 30 % exceeding and shortcomings fixed', () => {
    expect(rate({ tasks: { ...perfect, exceedingPercent: 29 } })).toBe('good');
    expect(rate({ shortcomingsFixed: false })).toBe('good');
    expect(rate({ tasks: { ...perfect, onTimePercent: 99, behindPercent: 1 } })).toBe('complete');
  });

  it('complete allows at most 20 % behind schedule', () => {
    expect(rate({ points: 60, tasks: { onTimePercent: 80, exceedingPercent: 0, behindPercent: 20 } })).toBe('complete');
    expect(rate({ points: 60, tasks: { onTimePercent: 79, exceedingPercent: 0, behindPercent: 21 } })).toBe('not_complete');
  });

  it('any veto rates a leader or a non-leader not complete, whatever the points', () => {
    expect(rate({ isLeader: true, vetoes: ['low-votes'] })).toBe('not_complete');
    expect(rate({ isLeader: false, vetoes: ['tasks-failed'] })).toBe('not_complete');
    // A leader veto key does not apply to a non-leader.
    expect(rate({ isLeader: false, vetoes: ['unit-below-70'] })).toBe('excellent');
  });

  it('rejects points outside 0–100; before 30/08/2025 only the unconfirmed 124-QĐ/TW guidance scale, none before 04/10/2023', () => {
    expect(() => rate({ points: 101 })).toThrow(RangeError);
    const guidance = evaluationLevel(p2024, { points: 90, isLeader: false, vetoes: [], tasks: perfect, shortcomingsFixed: true });
    expect(guidance.verdicts[0]).toMatchObject({
      ruleId: 'evaluation.points',
      ruleUnconfirmed: true,
      citation: { document: '124-QĐ/TW' },
    });
    const p2023 = policyAt(library, '2023-06-01', 'party');
    expect(() =>
      evaluationLevel(p2023, { points: 90, isLeader: false, vetoes: [], tasks: perfect, shortcomingsFixed: true }),
    ).toThrow(/no evaluation-points/);
  });

  it('excellent quota: at most 20 % of those rated good (25 % for an outstanding unit), rounded down', () => {
    expect(excellentQuota(p2026, { ratedGood: 10, ratedExcellent: 2, outstandingUnit: false })).toMatchObject({
      max: 2,
      verdict: { status: 'passed' },
    });
    expect(excellentQuota(p2026, { ratedGood: 10, ratedExcellent: 3, outstandingUnit: false })!.verdict.status).toBe('failed');
    expect(excellentQuota(p2026, { ratedGood: 14, ratedExcellent: 3, outstandingUnit: false })!.max).toBe(2);
    expect(excellentQuota(p2026, { ratedGood: 12, ratedExcellent: 3, outstandingUnit: true })!.max).toBe(3);
  });

  it('under 124-QĐ/TW the 20 % quota is unconfirmed: exceeding it only warns', () => {
    const r = excellentQuota(p2024, { ratedGood: 10, ratedExcellent: 5, outstandingUnit: false })!;
    expect(r.verdict).toMatchObject({ status: 'warning', ruleUnconfirmed: true });
  });
});

describe('rotation (65-QĐ/TW)', () => {
  it('needs 10 years of service left: exactly 120 months passes, 119 fails', () => {
    // A man born 04/1974 retires at 62 on 30/04/2036, pension from 01/05/2036: 01/05/2026 is 120 months before.
    const r = (date: string) =>
      rotationVerdicts(policyAt(library, date, 'party'), { sex: 'M', birth: '1974-04-10', healthCertificateDate: date });
    expect(r('2026-05-01')[0]!.status).toBe('passed');
    expect(r('2026-05-02')[0]!.status).toBe('failed');
  });
  it('a health certificate is valid 6 months: on the last day yes, the day after no', () => {
    const r = (date: string) =>
      rotationVerdicts(policyAt(library, date, 'party'), { sex: 'F', birth: '1990-01-01', healthCertificateDate: '2026-01-15' });
    expect(r('2026-07-15')[1]!.status).toBe('passed');
    expect(r('2026-07-16')[1]!.status).toBe('failed');
    expect(rotationVerdicts(p2026, { sex: 'F', birth: '1990-01-01', healthCertificateDate: null })[1]!.status).toBe('failed');
  });
});

describe('power control (114-QĐ/TW, Anti-Corruption Law art. 20)', () => {
  it("a head's spouse may not be the unit's accountant; a cousin or another unit is fine", () => {
    expect(relativesVerdict(p2026, { holder: 'head', relation: 'spouse', post: 'accounting', sameUnit: true })!.status).toBe(
      'failed',
    );
    expect(relativesVerdict(p2026, { holder: 'deputy', relation: 'sibling', post: 'procurement', sameUnit: true })!.status).toBe(
      'failed',
    );
    expect(relativesVerdict(p2026, { holder: 'head', relation: 'cousin', post: 'accounting', sameUnit: true })!.status).toBe(
      'passed',
    );
    expect(relativesVerdict(p2026, { holder: 'head', relation: 'spouse', post: 'accounting', sameUnit: false })!.status).toBe(
      'passed',
    );
    expect(p2026.rules.get('power.prohibited-acts')!.citation.document).toBe('114-QĐ/TW');
  });
});

describe('relief from post (377-QĐ/TW)', () => {
  const base = { achieved: 70, planned: 100, basicTargetsMissed: 0, monthsInPost: 24, forceMajeure: false };
  it('exactly 70 % of the targets is not below 70 %; 69 % is', () => {
    expect(reliefVerdict(p2026, base)!.status).toBe('passed');
    expect(reliefVerdict(p2026, { ...base, achieved: 69 })!.status).toBe('failed');
  });
  it('missing the 5 basic targets counts too; under 12 months in post or force majeure exempts', () => {
    expect(reliefVerdict(p2026, { ...base, basicTargetsMissed: 5 })!.status).toBe('failed');
    expect(reliefVerdict(p2026, { ...base, achieved: 50, monthsInPost: 11 })!.status).toBe('passed');
    expect(reliefVerdict(p2026, { ...base, achieved: 50, monthsInPost: 12 })!.status).toBe('failed');
    expect(reliefVerdict(p2026, { ...base, achieved: 50, forceMajeure: true })!.status).toBe('passed');
    expect(reliefVerdict(p2024, base)).toBeNull();
  });
});

describe('planning lists', () => {
  it('3 people per title and 3 titles per person; a fourth fails (377) or warns (50, unconfirmed)', () => {
    expect(planningLimitVerdicts(p2026, { peopleForTitle: 3, titlesForPerson: 3 }).map((v) => v.status)).toEqual([
      'passed',
      'passed',
    ]);
    expect(planningLimitVerdicts(p2026, { peopleForTitle: 4, titlesForPerson: 4 }).map((v) => v.status)).toEqual([
      'failed',
      'failed',
    ]);
    expect(planningLimitVerdicts(p2024, { peopleForTitle: 4, titlesForPerson: 4 }).map((v) => v.status)).toEqual([
      'warning',
      'warning',
    ]);
  });
  it("a committee's plan is 1 to 1.5 times its size, both ends included", () => {
    expect(committeePlanSizeVerdict(p2026, { planned: 10, statutory: 10 })!.status).toBe('passed');
    expect(committeePlanSizeVerdict(p2026, { planned: 15, statutory: 10 })!.status).toBe('passed');
    expect(committeePlanSizeVerdict(p2026, { planned: 16, statutory: 10 })!.status).toBe('failed');
    expect(committeePlanSizeVerdict(p2026, { planned: 9, statutory: 10 })!.status).toBe('failed');
  });
  it('50-QĐ/TW: at least 15 % young and 25 % women, exactly on the line passes; no numbers under 377', () => {
    expect(planningShareVerdicts(p2024, { total: 20, young: 3, women: 5 }).map((v) => v.status)).toEqual(['passed', 'passed']);
    expect(planningShareVerdicts(p2024, { total: 20, young: 2, women: 4 }).map((v) => v.status)).toEqual(['failed', 'failed']);
    expect(planningShareVerdicts(p2026, { total: 20, young: 0, women: 0 })).toEqual([]);
    expect(p2026.rules.get('planning.youth-women-targets')!.status).toBe('unconfirmed');
  });
});

describe('rules named by id, at their edges', () => {
  const ids = (vs: { ruleId: string }[]) => vs.map((v) => v.ruleId);

  it("'planning.max-titles-per-person' and 'planning.committee-size-ratio' speak in their verdicts", () => {
    expect(ids(planningLimitVerdicts(p2026, { peopleForTitle: 1, titlesForPerson: 1 }))).toEqual([
      'planning.max-per-title',
      'planning.max-titles-per-person',
    ]);
    expect(committeePlanSizeVerdict(p2026, { planned: 12, statutory: 10 })!.ruleId).toBe('planning.committee-size-ratio');
    expect(ids(planningShareVerdicts(p2024, { total: 20, young: 3, women: 5 }))).toEqual([
      'planning.youth-women-share',
      'planning.youth-women-share',
    ]);
  });

  it("'planning.removal-triggers': discipline removes at once, a move at the review", () => {
    expect(planningRemovalVerdict(p2026, { reasons: ['disciplined', 'moved'] })).toMatchObject({
      when: 'now',
      verdict: { ruleId: 'planning.removal-triggers', status: 'failed' },
    });
    expect(planningRemovalVerdict(p2026, { reasons: ['moved'] })!.when).toBe('at-review');
    expect(planningRemovalVerdict(p2024, { reasons: [] })).toMatchObject({ when: null, verdict: { status: 'passed' } });
  });

  it("'vote.timing' is the third year of the term, 'planning.cycle' the second (377 only)", () => {
    expect(termEventYear(p2026, 'vote.timing', 2026)).toBe(2028);
    expect(termEventYear(p2026, 'planning.cycle', 2026)).toBe(2027);
    expect(termEventYear(p2024, 'planning.cycle', 2021)).toBeNull();
    expect(termEventYear(policyAt(library, '2023-02-01', 'party'), 'vote.timing', 2021)).toBeNull(); // the day before 96-QĐ/TW
    expect(termEventYear(policyAt(library, '2023-02-02', 'party'), 'vote.timing', 2021)).toBe(2023);
  });

  it("'state.suspension-salary' pays 50 % and holds back the rest; nothing before NĐ 170/2025", () => {
    expect(suspensionPay(policyAt(library, '2025-07-01', 'state'), 10_000_001)).toEqual({ paid: 5_000_001, heldBack: 5_000_000 });
    expect(suspensionPay(policyAt(library, '2025-06-30', 'state'), 10_000_000)).toBeNull();
  });

  it("'staffing.quota-2022-2026' cuts at least 5 % / 10 %, rounding up", () => {
    expect(staffingCutTarget(p2026, { cadres: 100, budgetEmployees: 100 })).toEqual({ cadres: 5, budgetEmployees: 10 });
    expect(staffingCutTarget(p2026, { cadres: 101, budgetEmployees: 101 })).toEqual({ cadres: 6, budgetEmployees: 11 });
    expect(p2026.rules.get('staffing.quota-2022-2026')!.params).toMatchObject({ total: 2_234_720, addedTeachers: 65_980 });
  });

  it("'evaluation.points' and 'evaluation.conditions' both speak in a rating", () => {
    const r = evaluationLevel(p2026, { points: 90, isLeader: true, vetoes: [], tasks: perfect, shortcomingsFixed: true });
    expect(ids(r.verdicts)).toEqual(['evaluation.points', 'evaluation.conditions', 'evaluation.leader-vetoes']);
  });

  it("'power.relatives-restriction', 'rotation.requirements' and 'relief.targets' name themselves", () => {
    expect(relativesVerdict(p2026, { holder: 'head', relation: 'child', post: 'cashier', sameUnit: true })!.ruleId).toBe(
      'power.relatives-restriction',
    );
    expect(ids(rotationVerdicts(p2026, { sex: 'M', birth: '1990', healthCertificateDate: '2026-02-01' }))).toContain(
      'rotation.requirements',
    );
    expect(
      reliefVerdict(p2026, { achieved: 1, planned: 1, basicTargetsMissed: 0, monthsInPost: 20, forceMajeure: false })!.ruleId,
    ).toBe('relief.targets');
  });

  it("'planning.reference-dates' lists the HD 45 months; 'committee.structure-change' is a party rule", () => {
    const refs = p2026.rules.get('planning.reference-dates')!;
    expect(refs.kind === 'reference-dates' && refs.params.dates.map((d) => d.month)).toEqual([
      '2030-04',
      '2030-06',
      '2030-07',
      '2030-09',
      '2031-03',
      '2031-05',
      '2031-06',
    ]);
    expect(policyAt(library, '2026-03-01', 'state').rules.has('committee.structure-change')).toBe(false);
  });

  it("'state.reappointment' exists on the state track only", () => {
    expect(policyAt(library, '2026-03-01', 'state').rules.get('state.reappointment')!.params).toMatchObject({ noticeDays: 90 });
    expect(p2026.rules.has('state.reappointment')).toBe(false);
  });
});
