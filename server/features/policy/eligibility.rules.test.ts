import { describe, expect, it } from 'vitest';
import type { Track } from '../../../contracts/policy';
import {
  type EligibilityFacts,
  type EligibilityFactsInput,
  eligibilityFactsSchema,
  evaluateEligibility,
} from './eligibility.rules';
import { loadPolicyLibrary } from './pack.loader';
import { policyAt } from './policy.library';

const library = loadPolicyLibrary();
const at = (date: string, track: Track = 'party') => policyAt(library, date, track);

type Overrides = {
  person?: Partial<EligibilityFactsInput['person']>;
  target?: Partial<EligibilityFactsInput['target']>;
  purpose?: 'appointment' | 'planning';
};

/** A deputy director (rank 6) born 1975, in post since 01/03/2023, for a director title (rank 5). */
function buildFacts(o: Overrides = {}): EligibilityFacts {
  return eligibilityFactsSchema.parse({
    person: {
      sex: 'M',
      birth: '1975-05-20',
      currentTitleRank: 6,
      currentPostSince: '2023-03-01',
      disciplines: [],
      politicalTheory: 'cao_cap',
      education: 'thac_si',
      stateManagement: 'chuyen_vien_chinh',
      ratings: [2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({ year, level: 'good' })),
      inPlanForTitle: true,
      politicalStandardConcluded: true,
      ...o.person,
    },
    target: {
      titleName: 'Giám đốc sở',
      rank: 5,
      requiredTheory: 'cao_cap',
      requiredEducation: 'dai_hoc',
      requiredStateManagement: 'chuyen_vien_chinh',
      ...o.target,
    },
    purpose: o.purpose ?? 'appointment',
  });
}

const sut = (facts: EligibilityFacts, date: string, track: Track = 'party') => evaluateEligibility(facts, at(date, track));
const statusOf = (r: ReturnType<typeof sut>, ruleId: string) =>
  r.verdicts.filter((v) => v.ruleId === ruleId).map((v) => v.status);

describe('eligibility: the same person and title judged in 2024 and in 2026', () => {
  it('time in post: 18 months fails 80-QĐ/TW (24) in 2024 and passes 377-QĐ/TW (12) in 2026', () => {
    const in2024 = sut(buildFacts({ person: { currentPostSince: '2022-09-01' } }), '2024-03-01');
    const in2026 = sut(buildFacts({ person: { currentPostSince: '2024-09-01' } }), '2026-03-01');
    expect(statusOf(in2024, 'appointment.months-in-post')).toEqual(['failed']);
    expect(in2024.verdicts.find((v) => v.ruleId === 'appointment.months-in-post')!.citation.document).toBe('80-QĐ/TW');
    expect(statusOf(in2026, 'appointment.months-in-post')).toEqual(['passed']);
    expect(in2026.verdicts.find((v) => v.ruleId === 'appointment.months-in-post')!.citation.document).toBe('377-QĐ/TW');
    expect(in2024.eligible).toBe(false);
    expect(in2024.missing).toEqual(['appointment.months-in-post']);
    expect(in2026.eligible).toBe(true);
  });

  it('discipline: a reprimand 20 months earlier is over under 80-QĐ/TW (12) and still running under 377-QĐ/TW (24)', () => {
    const facts = (decidedOn: string) => buildFacts({ person: { disciplines: [{ level: 'khien_trach', decidedOn }] } });
    const in2024 = sut(facts('2022-07-01'), '2024-03-01');
    const in2026 = sut(facts('2024-07-01'), '2026-03-01');
    expect(statusOf(in2024, 'appointment.discipline-waits')).toEqual(['passed']);
    expect(statusOf(in2026, 'appointment.discipline-waits')).toEqual(['failed']);
    expect(in2026.verdicts.find((v) => v.ruleId === 'appointment.discipline-waits')!.detail.vi).toContain('01/07/2026');
  });

  it('the identical facts give different verdicts on 01/06/2024 and 01/06/2026', () => {
    // In post since 01/06/2023 (12 months in 2024, 36 in 2026); a warning decided on 01/06/2023 (12 and 36 months ago).
    const facts = buildFacts({
      person: { currentPostSince: '2023-06-01', disciplines: [{ level: 'canh_cao', decidedOn: '2023-06-01' }] },
    });
    const in2024 = sut(facts, '2024-06-01');
    const in2026 = sut(facts, '2026-06-01');
    expect(in2024.missing.sort()).toEqual(['appointment.discipline-waits', 'appointment.months-in-post']);
    expect(statusOf(in2026, 'appointment.discipline-waits')).toEqual(['passed']); // 36 months reached on the day
    expect(in2026.eligible).toBe(true);
  });
});

describe('eligibility edges', () => {
  it('time in post: the day before 12 months fails, the day it is reached passes (377-QĐ/TW)', () => {
    const facts = buildFacts({ person: { currentPostSince: '2025-11-15' } });
    expect(statusOf(sut(facts, '2026-11-14'), 'appointment.months-in-post')).toEqual(['failed']);
    expect(statusOf(sut(facts, '2026-11-15'), 'appointment.months-in-post')).toEqual(['passed']);
    expect(statusOf(sut(facts, '2026-11-16'), 'appointment.months-in-post')).toEqual(['passed']);
  });

  it('time in post not recorded is a warning, not a block', () => {
    const r = sut(buildFacts({ person: { currentPostSince: null } }), '2026-03-01');
    expect(statusOf(r, 'appointment.months-in-post')).toEqual(['warning']);
    expect(r.eligible).toBe(true);
  });

  it.each([
    ['khien_trach', '2025-12-10', '2027-12-09', '2027-12-10'],
    ['canh_cao', '2025-12-10', '2028-12-09', '2028-12-10'],
    ['cach_chuc', '2025-12-10', '2030-12-09', '2030-12-10'],
  ] as const)('discipline %s of %s: still waiting on %s, free on %s (377-QĐ/TW)', (level, decidedOn, dayBefore, dayAfter) => {
    const facts = buildFacts({ person: { birth: '1985-01-01', disciplines: [{ level, decidedOn }] } });
    expect(statusOf(sut(facts, dayBefore), 'appointment.discipline-waits')).toEqual(['failed']);
    expect(statusOf(sut(facts, dayAfter), 'appointment.discipline-waits')).toEqual(['passed']);
  });

  it.each([
    ['khien_trach', '2023-01-10', '2024-01-09', '2024-01-10'],
    ['canh_cao', '2023-01-10', '2025-07-09', '2025-07-10'],
  ] as const)('discipline %s of %s under 80-QĐ/TW: waiting on %s, free on %s', (level, decidedOn, dayBefore, dayAfter) => {
    const facts = buildFacts({ person: { disciplines: [{ level, decidedOn }] } });
    expect(statusOf(sut(facts, dayBefore), 'appointment.discipline-waits')).toEqual(['failed']);
    expect(statusOf(sut(facts, dayAfter), 'appointment.discipline-waits')).toEqual(['passed']);
  });

  it('the longest running wait is the one reported', () => {
    const facts = buildFacts({
      person: {
        disciplines: [
          { level: 'khien_trach', decidedOn: '2026-01-01' },
          { level: 'cach_chuc', decidedOn: '2025-11-01' },
        ],
      },
    });
    const v = sut(facts, '2026-06-01').verdicts.find((x) => x.ruleId === 'appointment.discipline-waits')!;
    expect(v.inputs.waitUntil).toBe('2030-11-01');
  });

  it('full term: exactly 60 months to retirement passes, 59 fails; a special case needs 48', () => {
    // Born 03/1970, man: retires 31/03/2032, pension from 01/04/2032.
    const facts = buildFacts({ person: { birth: '1970-03-10' } });
    expect(statusOf(sut(facts, '2027-04-01'), 'appointment.full-term')).toEqual(['passed']);
    expect(statusOf(sut(facts, '2027-04-02'), 'appointment.full-term')).toEqual(['failed']);
    const special = buildFacts({ person: { birth: '1970-03-10' }, target: { specialCase: true } });
    expect(statusOf(sut(special, '2028-04-01'), 'appointment.full-term')).toEqual(['passed']);
    expect(statusOf(sut(special, '2028-04-02'), 'appointment.full-term')).toEqual(['failed']);
  });

  it('full term in 2024 has no special case: the flag does not lower the 60 months', () => {
    const special = buildFacts({ person: { birth: '1966-12-10' }, target: { specialCase: true } });
    // Born 12/1966: retires at 62 on 31/12/2028; on 01/06/2024 there are 55 months left.
    const v = sut(special, '2024-06-01').verdicts.find((x) => x.ruleId === 'appointment.full-term')!;
    expect(v.status).toBe('failed');
    expect(v.inputs.requiredMonths).toBe(60);
  });

  it('a year-only birth adds the unconfirmed 1 January assumption as a warning', () => {
    const r = sut(buildFacts({ person: { birth: '1975' } }), '2026-03-01');
    expect(statusOf(r, 'retirement.unknown-birth-date')).toEqual(['warning']);
    expect(r.eligible).toBe(true);
  });

  it('not in the plan fails appointment; the rule is not asked for planning', () => {
    const facts = buildFacts({ person: { inPlanForTitle: false } });
    expect(statusOf(sut(facts, '2026-03-01'), 'appointment.in-plan')).toEqual(['failed']);
    expect(statusOf(sut({ ...facts, purpose: 'planning' }, '2026-03-01'), 'appointment.in-plan')).toEqual([]);
  });

  it('ratings: a missing year of the last 3 fails under 377-QĐ/TW, warns under 80-QĐ/TW (unconfirmed)', () => {
    const ratings = [
      { year: 2022, level: 'good' as const },
      { year: 2023, level: 'good' as const },
    ];
    expect(statusOf(sut(buildFacts({ person: { ratings } }), '2026-03-01'), 'appointment.ratings-assessed')).toEqual(['failed']);
    expect(
      statusOf(
        sut(buildFacts({ person: { ratings: [{ year: 2021, level: 'good' }] } }), '2024-03-01'),
        'appointment.ratings-assessed',
      ),
    ).toEqual(['warning']);
  });

  it('ratings: a "not complete" year is below the unconfirmed minimum, a warning only', () => {
    const ratings = [2023, 2024, 2025].map((year) => ({
      year,
      level: year === 2024 ? ('not_complete' as const) : ('good' as const),
    }));
    const r = sut(buildFacts({ person: { ratings } }), '2026-03-01');
    expect(statusOf(r, 'appointment.ratings-minimum')).toEqual(['warning']);
    expect(r.eligible).toBe(true);
  });

  it('no political-standard conclusion warns (the rule is unconfirmed)', () => {
    const r = sut(buildFacts({ person: { politicalStandardConcluded: false } }), '2026-03-01');
    expect(statusOf(r, 'appointment.political-standard')).toEqual(['warning']);
  });

  it('standards: below the title blocks an appointment; cử nhân counts as cao cấp', () => {
    const short = sut(buildFacts({ person: { politicalTheory: 'trung_cap', stateManagement: 'chuyen_vien' } }), '2026-03-01');
    const v = short.verdicts.find((x) => x.ruleId === 'standards.title-requirements')!;
    expect(v.status).toBe('failed');
    expect(v.detail.vi).toContain('lý luận chính trị trung cấp');
    expect(v.detail.vi).toContain('quản lý nhà nước chuyên viên');
    expect(
      statusOf(sut(buildFacts({ person: { politicalTheory: 'cu_nhan' } }), '2026-03-01'), 'standards.title-requirements'),
    ).toEqual(['passed']);
  });
});

describe('eligibility for planning', () => {
  const planning = (person: Overrides['person'], target: Overrides['target'] = {}) =>
    buildFacts({ person, target, purpose: 'planning' });

  it('only a higher title can be planned', () => {
    expect(statusOf(sut(planning({ currentTitleRank: 5 }), '2026-03-01'), 'planning.higher-titles-only')).toEqual(['failed']);
    expect(statusOf(sut(planning({ currentTitleRank: 6 }), '2026-03-01'), 'planning.higher-titles-only')).toEqual(['passed']);
    expect(statusOf(sut(planning({ currentTitleRank: null }), '2026-03-01'), 'planning.higher-titles-only')).toEqual(['passed']);
  });

  it('one level below needs 60 months at the HD 45 reference date, two levels below 120', () => {
    // Provincial reference date 09/2030. A man born 10/1968 retires at 62 on 31/10/2030: 2 months left.
    // Born 09/1973: retires 30/09/2035 → pension 01/10/2035 → exactly 61 months left on 01/09/2030.
    const one = (birth: string) =>
      sut(planning({ birth, currentTitleRank: 6 }, { planningReference: 'provincial' }), '2026-03-01');
    expect(statusOf(one('1973-09-10'), 'planning.age-by-level')).toEqual(['passed']);
    expect(statusOf(one('1973-07-10'), 'planning.age-by-level')).toEqual(['failed']); // 59 months
    expect(statusOf(one('1973-08-10'), 'planning.age-by-level')).toEqual(['passed']); // exactly 60
    const two = (birth: string) =>
      sut(planning({ birth, currentTitleRank: 7 }, { planningReference: 'provincial' }), '2026-03-01');
    expect(statusOf(two('1978-08-10'), 'planning.age-by-level')).toEqual(['passed']); // exactly 120
    expect(statusOf(two('1978-07-10'), 'planning.age-by-level')).toEqual(['failed']); // 119
  });

  it('50-QĐ/TW in 2024: under one term fails, under two terms warns', () => {
    const facts = (birth: string) => planning({ birth });
    expect(statusOf(sut(facts('1965-06-01'), '2024-06-01'), 'planning.age-terms')).toEqual(['failed']);
    expect(statusOf(sut(facts('1968-06-01'), '2024-06-01'), 'planning.age-terms')).toEqual(['warning']);
    expect(statusOf(sut(facts('1985-06-01'), '2024-06-01'), 'planning.age-terms')).toEqual(['passed']);
  });

  it('political theory: one level below must already meet it, two levels below may train (377 / HD 45)', () => {
    const one = sut(planning({ currentTitleRank: 6, politicalTheory: 'trung_cap' }), '2026-03-01');
    expect(statusOf(one, 'planning.theory-by-level')).toEqual(['failed']);
    expect(statusOf(one, 'standards.title-requirements')).toEqual(['warning']);
    const two = sut(planning({ currentTitleRank: 7, politicalTheory: 'trung_cap', birth: '1985-01-01' }), '2026-03-01');
    expect(statusOf(two, 'planning.theory-by-level')).toEqual(['warning']);
    expect(two.eligible).toBe(true);
  });

  it('a listed female leader is counted at 60 for the planning age', () => {
    const base = { sex: 'F' as const, birth: '1972-01-15', currentTitleRank: 6 };
    // Schedule: 57y8m, pension from 01/10/2029 (43 months left); counted at 60: from 01/02/2032 (71 months).
    const plain = sut(planning(base), '2026-03-01');
    const leader = sut(planning({ ...base, femaleLeaderTo60: true }), '2026-03-01');
    expect(statusOf(plain, 'planning.age-by-level')).toEqual(['failed']);
    expect(statusOf(leader, 'planning.age-by-level')).toEqual(['passed']);
  });

  it('discipline waits apply to planning as well', () => {
    const r = sut(planning({ disciplines: [{ level: 'canh_cao', decidedOn: '2025-12-01' }] }), '2026-03-01');
    expect(r.missing).toContain('appointment.discipline-waits');
  });

  it('the state track resolves the same preconditions', () => {
    const r = sut(buildFacts(), '2026-03-01', 'state');
    expect(r.eligible).toBe(true);
    expect(r.verdicts.map((v) => v.ruleId)).toContain('appointment.months-in-post');
  });
});

describe("passes: 'count' (a plan lists only what fails or warns)", () => {
  // Varied people: retiring soon or not, disciplined or not, below the title's standards or not, rank held or not,
  // a year-only birth (its assumption warns), with and without confidence votes; both packs, both purposes.
  const people: Overrides['person'][] = [
    {},
    { birth: '1966-02-01', currentTitleRank: 5 },
    { birth: '1975', politicalTheory: 'trung_cap', currentTitleRank: 7 },
    { currentTitleRank: null, education: 'cao_dang', stateManagement: 'chuyen_vien' },
    { disciplines: [{ level: 'khien_trach', decidedOn: '2025-09-01' }], politicalStandardConcluded: false },
    {
      sex: 'F',
      birth: '1980-12-31',
      confidenceVotes: [{ voteDate: '2025-11-15', low: 12, collected: 20, summoned: 20 }],
      ratings: [],
    },
    { confidenceVotes: [{ voteDate: '2025-11-15', low: 2, collected: 20, summoned: 20 }] },
  ];
  const cases = ['2024-06-01', '2026-06-01'].flatMap((date) =>
    (['planning', 'appointment'] as const).flatMap((purpose) =>
      people.map((person) => ({ date, facts: buildFacts({ person, purpose, target: { planningReference: 'provincial' } }) })),
    ),
  );

  it('lists exactly the verdicts not passed, counts the passes, and judges eligibility the same', () => {
    let passes = 0;
    let others = 0;
    for (const { date, facts } of cases) {
      const listed = evaluateEligibility(facts, at(date));
      const counted = evaluateEligibility(facts, at(date), { passes: 'count' });
      const passed = listed.verdicts.filter((v) => v.status === 'passed');
      expect(counted.verdicts).toEqual(listed.verdicts.filter((v) => v.status !== 'passed'));
      expect(counted.passedCount).toBe(passed.length);
      expect(listed.passedCount).toBe(passed.length);
      expect([counted.eligible, counted.missing]).toEqual([listed.eligible, listed.missing]);
      passes += passed.length;
      others += counted.verdicts.length;
    }
    // The cases exercise both sides: many passes left out, and failures and warnings kept.
    expect(passes).toBeGreaterThan(50);
    expect(others).toBeGreaterThan(20);
  });
});
