import { describe, expect, it } from 'vitest';
import {
  type SeatFacts,
  type TitleFacts,
  addMonths,
  maxSeatedFrom,
  periodsOverlap,
  seatProblems,
  termEndFrom,
  termEndsWithin,
} from './position.rules';

const titles = new Map<string, TitleFacts>([
  ['GD', { id: 'GD', name: 'Giám đốc Sở', headTitleId: null, maxDeputies: 3, citation: 'NĐ 45/2025' }],
  ['PGD', { id: 'PGD', name: 'Phó Giám đốc Sở', headTitleId: 'GD', maxDeputies: null, citation: 'c' }],
]);
const seat = (over: Partial<SeatFacts>): SeatFacts => ({
  positionId: 'p',
  organizationId: 'o',
  titleId: 'GD',
  titleName: 'Giám đốc Sở',
  seatCount: 1,
  incumbentCount: 1,
  ...over,
});

describe('seat problems', () => {
  it('accepts a seat exactly full', () => {
    expect(seatProblems([seat({})], titles)).toEqual([]);
  });
  it('flags two directors for one director seat, with the rule id', () => {
    const [p] = seatProblems([seat({ incumbentCount: 2 })], titles);
    expect(p).toMatchObject({ ruleId: 'positions.seat-count', passed: false, subjectId: 'p' });
    expect(p!.detail).toContain('2 người cho 1 vị trí');
  });
  it('allows exactly the maximum number of deputies and flags one more, summed over deputy seats', () => {
    const three = [
      seat({ positionId: 'a', titleId: 'PGD', seatCount: 2, incumbentCount: 2 }),
      seat({ positionId: 'b', titleId: 'PGD', seatCount: 1, incumbentCount: 1 }),
    ];
    expect(seatProblems(three, titles)).toEqual([]);
    const four = [...three, seat({ positionId: 'c', titleId: 'PGD', seatCount: 1, incumbentCount: 1 })];
    const problems = seatProblems(four, titles);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ ruleId: 'positions.deputy-cap', citation: 'NĐ 45/2025', subjectId: 'o' });
  });
  it('counts deputies per organization, not across organizations', () => {
    const seats = [1, 2, 3, 4].map((i) =>
      seat({ positionId: `p${i}`, organizationId: `o${i % 2}`, titleId: 'PGD', seatCount: 1, incumbentCount: 1 }),
    );
    expect(seatProblems(seats, titles)).toEqual([]);
  });
});

describe('dates', () => {
  it('treats periods as half-open: one ending the day the other starts does not overlap', () => {
    expect(periodsOverlap('2020-01-01', '2025-07-01', '2025-07-01', null)).toBe(false);
    expect(periodsOverlap('2020-01-01', '2025-07-02', '2025-07-01', null)).toBe(true);
    expect(periodsOverlap('2020-01-01', null, '2030-01-01', '2031-01-01')).toBe(true);
  });
  it('ends a 5-year term on the same day five years later, 29/02 on 28/02', () => {
    expect(termEndFrom('2021-06-15', 5)).toBe('2026-06-15');
    expect(termEndFrom('2024-02-29', 5)).toBe('2029-02-28');
  });
  it('adds months clamping to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-27', 6)).toBe('2027-05-27');
  });
  it('lists a term ending exactly N months ahead and not one ending a day later or already past', () => {
    expect(termEndsWithin('2027-05-27', '2026-11-27', 6)).toBe(true);
    expect(termEndsWithin('2027-05-28', '2026-11-27', 6)).toBe(false);
    expect(termEndsWithin('2026-11-26', '2026-11-27', 6)).toBe(false);
    expect(termEndsWithin(null, '2026-11-27', 6)).toBe(false);
  });
});

describe('maxSeatedFrom', () => {
  const h = (from: string, to: string | null) => ({ from, to });
  it('counts the people holding the seat on the day itself', () => {
    expect(maxSeatedFrom([h('2024-01-01', null), h('2024-06-01', null)], '2025-01-01')).toBe(2);
  });
  it('does not count an incumbency that ended on the day (the end date is exclusive)', () => {
    expect(maxSeatedFrom([h('2024-01-01', '2025-01-01'), h('2024-06-01', null)], '2025-01-01')).toBe(1);
  });
  it('counts a later start that overlaps someone still seated', () => {
    expect(maxSeatedFrom([h('2024-01-01', null), h('2025-03-01', null)], '2025-01-01')).toBe(2);
  });
  it('does not add a later start that follows an end', () => {
    expect(maxSeatedFrom([h('2024-01-01', '2025-03-01'), h('2025-03-01', null)], '2025-01-01')).toBe(1);
  });
  it('is zero for an empty seat', () => {
    expect(maxSeatedFrom([], '2025-01-01')).toBe(0);
  });
});
