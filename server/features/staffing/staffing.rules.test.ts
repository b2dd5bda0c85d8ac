import { describe, expect, it } from 'vitest';
import { rankPrefixLength, staffCategoryPolicy, staffingPolicy } from './staffing.policy';
import {
  type PlacementFacts,
  kl40Target,
  kl40Verdict,
  overQuotaVerdicts,
  periodEnd,
  periodStart,
  placementOn,
  staffPlacementOn,
  rollUp,
  staffCategoryOf,
  tallyStaff,
} from './staffing.rules';

const policy = staffingPolicy();
const unit = { organizationId: 'o', organizationName: 'Sở Nội vụ' };

describe('Kết luận 40 targets', () => {
  it('reads the cuts from policy/staffing/KL-40.yaml with their citation', () => {
    expect(policy.rules.map((r) => [r.category, r.minCutPercent])).toEqual([
      ['cadre_civil_servant', 5],
      ['public_employee', 10],
    ]);
    expect(policy.citation).toContain('40-KL/TW');
  });
  it('leaves exactly 95 of 100 cadres and 90 of 100 public employees; rounds a fractional target down', () => {
    expect(kl40Target(policy, 'cadre_civil_servant', 100)).toBe(95);
    expect(kl40Target(policy, 'public_employee', 100)).toBe(90);
    expect(kl40Target(policy, 'cadre_civil_servant', 62)).toBe(58);
    expect(kl40Target(policy, 'contract', 100)).toBeNull();
  });
  it('passes a quota exactly at the target and fails one post above it, naming what is left to cut', () => {
    expect(kl40Verdict(policy, unit, 'cadre_civil_servant', 100, 95)).toMatchObject({
      ruleId: 'KL-40.cadre_civil_servant',
      passed: true,
    });
    const fail = kl40Verdict(policy, unit, 'cadre_civil_servant', 100, 96)!;
    expect(fail.passed).toBe(false);
    expect(fail.detail).toContain('còn phải giảm 1');
  });
});

describe('over quota and roll-up', () => {
  it('flags staff above the quota and not staff exactly at it or unknown', () => {
    const v = overQuotaVerdicts([
      { ...unit, category: 'cadre_civil_servant', quota: 10, actual: 10 },
      { ...unit, category: 'public_employee', quota: 10, actual: 11 },
      { ...unit, category: 'contract', quota: 10, actual: null },
    ]);
    expect(v.map((x) => [x.ruleId, x.detail.includes('vượt 1')])).toEqual([['staffing.over-quota', true]]);
  });
  it('sums a subtree by path prefix and the year asked for', () => {
    const facts = [
      { organizationId: 'a', path: '/r/a/', year: 2026, category: 'cadre_civil_servant' as const, quota: 10, actual: 9 },
      { organizationId: 'b', path: '/r/a/b/', year: 2026, category: 'cadre_civil_servant' as const, quota: 5, actual: null },
      { organizationId: 'c', path: '/r/ab/', year: 2026, category: 'cadre_civil_servant' as const, quota: 100, actual: 100 },
      { organizationId: 'a', path: '/r/a/', year: 2021, category: 'cadre_civil_servant' as const, quota: 50, actual: 50 },
    ];
    expect(rollUp(facts, '/r/a/', 2026).get('cadre_civil_servant')).toEqual({ quota: 15, actual: 9 });
  });
});

describe('counting staff from the records (policy/staffing/categories.yaml)', () => {
  const cats = staffCategoryPolicy();
  const of = (rankCode: string, holdsTitle: boolean) =>
    staffCategoryOf({ rankPrefix: rankCode.slice(0, rankPrefixLength(cats)), holdsTitle }, cats);
  it('looks at the first two characters of the rank code', () => {
    expect(rankPrefixLength(cats)).toBe(2);
  });
  it('a professional-title code V.xx.xx.xx is a public employee, whatever the title', () => {
    expect(of('V.07.01.03', false)).toEqual({ category: 'public_employee', ruleId: 'staffing.category.public-employee' });
    expect(of('v.07.01.03', true).category).toBe('public_employee');
  });
  it('any other rank code is a civil servant', () => {
    expect(of('01.003', false)).toEqual({ category: 'cadre_civil_servant', ruleId: 'staffing.category.civil-servant' });
    expect(of('06.031', true).category).toBe('cadre_civil_servant');
  });
  it('no rank code: a title holder is a cadre, anybody else a contract worker', () => {
    expect(of('', true)).toEqual({ category: 'cadre_civil_servant', ruleId: 'staffing.category.cadre' });
    expect(of('', false)).toEqual({ category: 'contract', ruleId: 'staffing.categories.fallback' });
    expect(of('   ', false).category).toBe('contract');
  });
  it('tallies groups per unit and category', () => {
    const counts = tallyStaff(
      [
        { organizationId: 'a', rankPrefix: '01', holdsTitle: false, n: 3 },
        { organizationId: 'a', rankPrefix: '', holdsTitle: true, n: 2 },
        { organizationId: 'a', rankPrefix: 'V.', holdsTitle: false, n: 4 },
        { organizationId: 'b', rankPrefix: '', holdsTitle: false, n: 1 },
      ],
      cats,
    );
    expect(Object.fromEntries(counts.get('a')!)).toEqual({ cadre_civil_servant: 5, public_employee: 4 });
    expect(Object.fromEntries(counts.get('b')!)).toEqual({ contract: 1 });
  });
});

describe('placementOn: where the records place a person on a day', () => {
  const base: PlacementFacts = {
    currentOrganizationId: 'NOW',
    currentTitleCode: null,
    recruitmentDate: '2010-03',
    workHistory: [
      { from: '2010-03', to: '2015-06', organizationId: 'A', titleCode: null },
      { from: '2015-06', to: '2020', organizationId: null, titleCode: null },
      { from: '2021-01', to: null, organizationId: 'NOW', titleCode: 'TRUONG_PHONG' },
    ],
  };
  it('reads partial dates as the whole month or year they name', () => {
    expect(periodStart('2015')).toBe('2015-01-01');
    expect(periodEnd('2015')).toBe('2015-12-31');
    expect(periodEnd('2024-02')).toBe('2024-02-29');
    expect(periodEnd('2025-02')).toBe('2025-02-28');
    expect(periodEnd('2025-02-10')).toBe('2025-02-10');
  });
  it('is nowhere before the recruitment date, and in the first unit on its first day', () => {
    expect(placementOn(base, '2010-02-28')).toBeNull();
    expect(placementOn(base, '2010-03-01')).toEqual({ organizationId: 'A', holdsTitle: false });
  });
  it('takes the later row in the month two rows share (the move month)', () => {
    expect(placementOn(base, '2015-06-15')).toBeNull(); // the later row names no unit of the system
    expect(placementOn(base, '2015-05-31')).toEqual({ organizationId: 'A', holdsTitle: false });
  });
  it('counts nobody in a gap between two rows, and the title of the row that covers the day', () => {
    expect(placementOn(base, '2020-12-31')).toBeNull(); // the row "to 2020" covers the whole of 2020, elsewhere
    const gap = { ...base, workHistory: [base.workHistory[0]!, base.workHistory[2]!] };
    expect(placementOn(gap, '2018-01-01')).toBeNull(); // between 06/2015 and 01/2021 the CV says nothing
    expect(placementOn(base, '2021-01-01')).toEqual({ organizationId: 'NOW', holdsTitle: true });
  });
  it('places a person without a CV table in his current unit from his recruitment on', () => {
    const bare = { ...base, workHistory: [], currentTitleCode: null };
    expect(placementOn(bare, '2010-02-01')).toBeNull();
    expect(placementOn(bare, '2012-01-01')).toEqual({ organizationId: 'NOW', holdsTitle: false });
    expect(placementOn({ ...bare, recruitmentDate: null }, '1990-01-01')).toEqual({ organizationId: 'NOW', holdsTitle: false });
  });
  it('places him in his current unit after his last closed row', () => {
    const closed = { ...base, workHistory: [{ from: '2010-03', to: '2019-12', organizationId: 'A', titleCode: null }] };
    expect(placementOn(closed, '2019-12-31')).toEqual({ organizationId: 'A', holdsTitle: false });
    expect(placementOn(closed, '2020-01-01')).toEqual({ organizationId: 'NOW', holdsTitle: false });
  });
});

describe('staffPlacementOn', () => {
  const record = { currentOrganizationId: 'REC', currentTitleCode: null, recruitmentDate: '2010', workHistory: [] };
  const seat = (organizationId: string, from: string, to: string | null, how = 'appointed') => ({
    organizationId,
    source: 'seat' as const,
    how,
    from,
    to,
  });
  const job = (organizationId: string, from: string, to: string | null) => ({
    organizationId,
    source: 'job_position' as const,
    how: null,
    from,
    to,
  });

  it('counts a placement from its first day up to the day before its end', () => {
    const rows = [seat('A', '2026-01-15', '2026-03-01')];
    expect(staffPlacementOn(rows, record, '2026-01-14')).toEqual({ organizationId: 'REC', holdsTitle: false });
    expect(staffPlacementOn(rows, record, '2026-01-15')).toEqual({ organizationId: 'A', holdsTitle: true });
    expect(staffPlacementOn(rows, record, '2026-02-28')).toEqual({ organizationId: 'A', holdsTitle: true });
    expect(staffPlacementOn(rows, record, '2026-03-01')).toEqual({ organizationId: 'REC', holdsTitle: false });
  });

  it('without a record, counts nobody outside the placements', () => {
    expect(staffPlacementOn([seat('A', '2026-01-15', '2026-03-01')], null, '2026-03-01')).toBeNull();
    expect(staffPlacementOn([], null, '2026-03-01')).toBeNull();
  });

  it('prefers a job position to a seat, a seat held outright to an acting one, then the latest; never a concurrent seat', () => {
    const day = '2026-05-01';
    expect(staffPlacementOn([seat('S', '2026-01-01', null), job('J', '2025-01-01', null)], record, day)).toEqual({
      organizationId: 'J',
      holdsTitle: true,
    });
    expect(
      staffPlacementOn([seat('ACT', '2026-04-01', null, 'acting'), seat('S', '2026-01-01', null)], record, day),
    ).toMatchObject({
      organizationId: 'S',
    });
    expect(
      staffPlacementOn([seat('OLD', '2025-01-01', null), seat('NEW', '2026-01-01', null, 'elected')], record, day),
    ).toMatchObject({
      organizationId: 'NEW',
    });
    expect(staffPlacementOn([seat('K', '2026-01-01', null, 'concurrent')], record, day)).toEqual({
      organizationId: 'REC',
      holdsTitle: true,
    });
  });
});
