import { describe, expect, it } from 'vitest';
import { earliestBirthWithMonthsLeft, levelsBelowTarget, listTotal, prefilterFor } from './eligibility.batch.rules';
import { loadPolicyLibrary } from './pack.loader';
import { addDays, policyAt } from './policy.library';
import { monthsBetween, retirementDate } from './retirement.rules';
import { standardsFor } from './title-standards';

const library = loadPolicyLibrary();
const ranks = [1, 2, 11, 12, 21, 31, 32, 33, 35, 36, 37, 38];
const t = (code: string, rankOrder: number, managingAuthority = 'provincial_standing_committee', group = 'IV') => ({
  id: `368-QD-TW:${code}`,
  code,
  name: code,
  rankOrder,
  managingAuthority,
  group,
});
const catalog = [
  t('PHO_BI_THU_TINH_UY', 21, 'secretariat', 'III'),
  t('TRUONG_BAN_TINH_UY', 31),
  t('GIAM_DOC_SO', 32),
  t('PHO_GIAM_DOC_SO', 33),
  t('BI_THU_TINH_UY', 11, 'politburo', 'II'),
];

describe('levels between a held title and the target', () => {
  it('counts distinct catalog ranks, negative when the held title is higher, null without a title', () => {
    expect(levelsBelowTarget(ranks, 31, 21)).toBe(1);
    expect(levelsBelowTarget(ranks, 32, 21)).toBe(2);
    expect(levelsBelowTarget(ranks, 21, 21)).toBe(0);
    expect(levelsBelowTarget(ranks, 11, 21)).toBe(-2);
    expect(levelsBelowTarget(ranks, null, 21)).toBeNull();
  });
});

describe('the earliest birth with enough service left', () => {
  it('is the exact edge: born that day meets the months, a day earlier does not', () => {
    const policy = policyAt(library, '2026-06-01', 'party');
    for (const sex of ['M', 'F'] as const) {
      const edge = earliestBirthWithMonthsLeft(policy, sex, false, '2026-06-01', 60);
      const left = (birth: string) => monthsBetween('2026-06-01', retirementDate({ sex, birth }, policy).pensionFrom);
      expect(left(edge)).toBeGreaterThanOrEqual(60);
      expect(left(addDays(edge, -1))).toBeLessThan(60);
    }
  });
});

describe('what the database may filter on', () => {
  const prefilter = (purpose: 'planning' | 'appointment', date: string, code = 'PHO_BI_THU_TINH_UY') => {
    const target = catalog.find((c) => c.code === code)!;
    return prefilterFor({
      policy: policyAt(library, date, 'party'),
      purpose,
      target,
      catalog,
      standards: standardsFor(library.standards, target, date),
    });
  };

  it('planning under 377-QĐ/TW: age, higher titles only, theory for one level below, discipline', () => {
    const p = prefilter('planning', '2026-06-01');
    expect(p.ruleIds.sort()).toEqual(
      ['appointment.discipline-waits', 'planning.age-by-level', 'planning.higher-titles-only', 'planning.theory-by-level'].sort(),
    );
    expect(p.theoryOk).toEqual(['cao_cap', 'cu_nhan']);
    expect(p.theoryCodes!.sort()).toEqual(['BI_THU_TINH_UY', 'PHO_BI_THU_TINH_UY', 'TRUONG_BAN_TINH_UY']);
    expect(p.notLowerCodes!.sort()).toEqual(['BI_THU_TINH_UY', 'PHO_BI_THU_TINH_UY']);
    // 24/36/60 months, three days inside the window.
    expect(p.disciplineSince).toEqual({ khien_trach: '2024-06-04', canh_cao: '2023-06-04', cach_chuc: '2021-06-04' });
    expect(p.inPlanCode).toBeNull();
  });

  it('planning under 50-QĐ/TW pushes no rule that is unconfirmed there (higher titles only)', () => {
    const p = prefilter('planning', '2024-06-01');
    expect(p.notLowerCodes).toBeNull();
    expect(p.ruleIds).not.toContain('planning.higher-titles-only');
    // 80-QĐ/TW: 12/30/60 months.
    expect(p.disciplineSince).toEqual({ khien_trach: '2023-06-04', canh_cao: '2021-12-04', cach_chuc: '2019-06-04' });
  });

  it('appointment: in the plan, full term, the confirmed standards; an unconfirmed standard is left to the engine', () => {
    const p = prefilter('appointment', '2026-06-01');
    expect(p.inPlanCode).toBe('PHO_BI_THU_TINH_UY');
    expect(p.theoryOk).toEqual(['cao_cap', 'cu_nhan']);
    expect(p.ruleIds).toEqual(
      expect.arrayContaining(['appointment.full-term', 'appointment.in-plan', 'standards.title-requirements']),
    );
    const director = prefilter('appointment', '2026-06-01', 'GIAM_DOC_SO');
    expect(director.theoryOk).toBeNull();
    expect(director.stateManagementOk).toBeNull();
  });
});

describe('a list total', () => {
  it('is exact when every candidate was judged, whatever the count, even exactly at the limit', () => {
    expect(listTotal(0, 100, true)).toEqual({ value: 0, relation: 'exact' });
    expect(listTotal(100, 100, true)).toEqual({ value: 100, relation: 'exact' });
    expect(listTotal(140, 100, true)).toEqual({ value: 140, relation: 'exact' });
  });
  it('says "more than the limit" when more were found than shown, "at least" when the search stopped short', () => {
    expect(listTotal(101, 100, false)).toEqual({ value: 100, relation: 'more-than' });
    expect(listTotal(100, 100, false)).toEqual({ value: 100, relation: 'at-least' });
    expect(listTotal(37, 100, false)).toEqual({ value: 37, relation: 'at-least' });
  });
});
