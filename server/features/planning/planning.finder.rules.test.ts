import { describe, expect, it } from 'vitest';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { policyAt } from '../policy/policy.library';
import { type Ranked, closenessOf, rankFinder, termMonthsOf } from './planning.finder.rules';

const library = loadPolicyLibrary();
const pack2025 = policyAt(library, '2026-03-01', 'party');
const pack2023 = policyAt(library, '2024-06-01', 'party');

function person(id: string, o: Partial<Ranked> = {}): Ranked {
  return {
    personId: id,
    fullName: `Người ${id}`,
    sex: 'M',
    birthDate: '1978-01-01',
    ethnicity: '01',
    organizationName: 'Sở Nội vụ',
    currentTitle: null,
    subjectGroup: 'one_below',
    eligible: true,
    retirementDate: '2040-01-01',
    monthsLeft: 90,
    missing: [],
    warnings: 0,
    trainingGaps: [],
    ratings: [],
    performance: null,
    potential: 'medium',
    levelsBelow: 1,
    ...o,
  };
}

const ids = (xs: { personId: string }[]) => xs.map((x) => x.personId);

describe('closeness to the planned title', () => {
  it('one level below, then two, then farther, then no catalog title, then the title itself or higher', () => {
    expect([1, 2, 3, 7, null, 0, -1].map(closenessOf)).toEqual([0, 1, 2, 2, 3, 4, 4]);
  });
});

describe.each([
  ['2025', pack2025, 'planning.age-by-level'],
  ['2023', pack2023, 'planning.age-terms'],
] as const)('the finder ranking under the %s pack', (_, policy, termRule) => {
  it('reads one and two terms from the planning age rule in force', () => {
    expect(termMonthsOf(policy)).toEqual({ one: 60, two: 120, ruleId: termRule });
  });

  it('puts closeness before youth: a younger person two levels below comes after an older one one level below', () => {
    const older = person('older', { birthDate: '1972-01-01', monthsLeft: 70, levelsBelow: 1 });
    const young = person('young', { birthDate: '1990-01-01', monthsLeft: 300, levelsBelow: 2, subjectGroup: 'two_below' });
    const far = person('far', { birthDate: '1992-01-01', monthsLeft: 320, levelsBelow: 4, subjectGroup: 'two_below' });
    const none = person('none', { birthDate: '1995-01-01', monthsLeft: 360, levelsBelow: null, subjectGroup: 'no_title' });
    for (const sort of ['fit', 'youngest', 'months_left', 'potential', 'performance'] as const)
      expect(ids(rankFinder([none, far, young, older], sort, policy))).toEqual(['older', 'young', 'far', 'none']);
  });

  it('within one level: eligible, then performance, then standards met, then two terms before one, then months left', () => {
    const short = person('short', { eligible: false, performance: 'high', monthsLeft: 200 });
    const rated = person('rated', { performance: 'high', warnings: 2, monthsLeft: 61 });
    const medium = person('medium', { performance: 'medium', monthsLeft: 200 });
    const clean = person('clean', { performance: 'high', warnings: 0, monthsLeft: 61 });
    const twoTerms = person('twoTerms', { performance: 'high', warnings: 0, monthsLeft: 120 });
    const unrated = person('unrated', { performance: null, monthsLeft: 300 });
    const ranked = rankFinder([short, unrated, medium, rated, clean, twoTerms], 'fit', policy);
    expect(ids(ranked)).toEqual(['twoTerms', 'clean', 'rated', 'medium', 'unrated', 'short']);
    expect(ranked.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("the user's pick comes right after closeness, the fit order breaks its ties", () => {
    const a = person('a', { birthDate: '1985-01-01', performance: 'low', monthsLeft: 150 });
    const b = person('b', { birthDate: '1980-01-01', performance: 'high', monthsLeft: 90 });
    const c = person('c', { birthDate: '1985-01-01', performance: 'high', monthsLeft: 150 });
    expect(ids(rankFinder([a, b, c], 'youngest', policy))).toEqual(['c', 'a', 'b']);
    expect(ids(rankFinder([a, b, c], 'performance', policy))).toEqual(['c', 'b', 'a']);
  });

  it('exactly the two-term months counts as two terms; a month less as one', () => {
    const at = rankFinder([person('x', { monthsLeft: 120 })], 'fit', policy)[0]!;
    expect(at.why.find((w) => w.criterion === 'time')).toMatchObject({
      ruleId: termRule,
      text: { vi: 'Còn 120 tháng công tác tại mốc tính tuổi: đủ hai nhiệm kỳ.' },
    });
    const less = rankFinder([person('x', { monthsLeft: 119 })], 'fit', policy)[0]!;
    expect(less.why.find((w) => w.criterion === 'time')!.text.vi).toContain('đủ một nhiệm kỳ');
    const under = rankFinder([person('x', { monthsLeft: 59 })], 'fit', policy)[0]!;
    expect(under.why.find((w) => w.criterion === 'time')!.text.vi).toContain('dưới 60 tháng');
  });

  it('says why: each criterion in the order applied, naming the closeness level, the ratings and what is missing', () => {
    const p = person('p', {
      levelsBelow: 2,
      subjectGroup: 'two_below',
      eligible: false,
      missing: [
        {
          ruleId: 'planning.age-by-level',
          citation: { document: '377-QĐ/TW', date: null, article: null, text: '377-QĐ/TW' },
          status: 'failed',
          detail: { vi: 'còn 100 tháng, cần 120', en: '100 months left, 120 needed' },
          inputs: {},
          ruleUnconfirmed: false,
          localPackId: null,
        },
      ],
      ratings: [
        { year: 2025, level: 'excellent' },
        { year: 2024, level: 'good' },
      ],
      performance: 'high',
      birthDate: '1988-03-09',
    });
    const [r] = rankFinder([p], 'youngest', policy);
    expect(r!.why.map((w) => w.criterion)).toEqual(['closeness', 'sort', 'eligibility', 'performance', 'standards', 'time']);
    expect(r!.why[0]!.text.vi).toContain('thấp hơn hai cấp');
    expect(r!.why[1]!.text.vi).toBe('Theo lựa chọn "trẻ nhất": sinh 09/03/1988.');
    expect(r!.why[2]).toMatchObject({ ruleId: 'planning.age-by-level' });
    expect(r!.why[2]!.text.vi).toContain('còn 100 tháng, cần 120');
    expect(r!.why[3]!.text.vi).toBe('Kết quả đánh giá cao (2025 hoàn thành xuất sắc nhiệm vụ, 2024 hoàn thành tốt nhiệm vụ).');
  });
});
