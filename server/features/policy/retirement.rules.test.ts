import { describe, expect, it } from 'vitest';
import { loadPolicyLibrary } from './pack.loader';
import { policyAt } from './policy.library';
import { addMonths, monthsBetween, parseBirth, retirementDate } from './retirement.rules';

const policy = policyAt(loadPolicyLibrary(), '2026-01-01', 'state');
const sut = (sex: 'M' | 'F', birth: string, femaleLeaderTo60 = false) => retirementDate({ sex, birth, femaleLeaderTo60 }, policy);

describe('retirement schedule (Labour Code 2019 art. 169, NĐ 135/2020)', () => {
  // NĐ 135/2020 Phụ lục I: the month of birth decides which calendar year's age applies.
  it.each([
    ['1961-01', 60, 3, '2021-04-30', '2021-05-01'],
    ['1961-09', 60, 3, '2021-12-31', '2022-01-01'],
    ['1961-10', 60, 6, '2022-04-30', '2022-05-01'],
    ['1962-06', 60, 6, '2022-12-31', '2023-01-01'],
    ['1962-07', 60, 9, '2023-04-30', '2023-05-01'],
    ['1963-03', 60, 9, '2023-12-31', '2024-01-01'],
    ['1963-04', 61, 0, '2024-04-30', '2024-05-01'],
    ['1963-12', 61, 0, '2024-12-31', '2025-01-01'],
    ['1964-01', 61, 3, '2025-04-30', '2025-05-01'],
    ['1964-09', 61, 3, '2025-12-31', '2026-01-01'],
    ['1964-10', 61, 6, '2026-04-30', '2026-05-01'],
    ['1965-06', 61, 6, '2026-12-31', '2027-01-01'],
    ['1965-07', 61, 9, '2027-04-30', '2027-05-01'],
    ['1966-03', 61, 9, '2027-12-31', '2028-01-01'],
    ['1966-04', 62, 0, '2028-04-30', '2028-05-01'],
    ['1970-05', 62, 0, '2032-05-31', '2032-06-01'],
  ])('a man born %s retires at %iy%im on %s, pension from %s', (birth, years, months, date, pension) => {
    const r = sut('M', birth);
    expect(r.retirementAge).toEqual({ years, months });
    expect(r.retirementDate).toBe(date);
    expect(r.pensionFrom).toBe(pension);
    expect(r.ruleId).toBe('retirement.age-schedule');
    expect(r.citation.document).toContain('45/2019/QH14');
  });

  it.each([
    ['1966-01', 55, 4, '2021-05-31'],
    ['1966-08', 55, 4, '2021-12-31'],
    ['1966-09', 55, 8, '2022-05-31'],
    ['1967-04', 55, 8, '2022-12-31'],
    ['1967-05', 56, 0, '2023-05-31'],
    ['1970-01', 57, 4, '2027-05-31'],
    ['1975-03', 59, 8, '2034-11-30'],
    ['1975-04', 59, 8, '2034-12-31'],
    ['1975-05', 60, 0, '2035-05-31'],
    ['1976-12', 60, 0, '2036-12-31'],
  ])('a woman born %s retires at %iy%im on %s', (birth, years, months, date) => {
    const r = sut('F', birth);
    expect(r.retirementAge).toEqual({ years, months });
    expect(r.retirementDate).toBe(date);
  });

  it('uses the pre-2021 age for someone who reached it before the schedule started', () => {
    expect(sut('M', '1960-12').retirementDate).toBe('2020-12-31');
    expect(sut('F', '1965-12').retirementAge).toEqual({ years: 55, months: 0 });
  });

  it('stays at the final age after 2028 (men) and 2035 (women)', () => {
    expect(sut('M', '1980-02-29').retirementAge).toEqual({ years: 62, months: 0 });
    expect(sut('F', '1990-07-15').retirementAge).toEqual({ years: 60, months: 0 });
  });

  it('ignores the day: born on the 1st or the last day of a month, the retirement month is the same', () => {
    for (const day of ['01', '15', '31']) {
      const r = sut('M', `1964-10-${day}`);
      expect(r.retirementDate).toBe('2026-04-30');
      expect(r.pensionFrom).toBe('2026-05-01');
    }
    expect(sut('F', '1976-02-29').retirementDate).toBe('2036-02-29');
    expect(sut('F', '1976-02-01').retirementDate).toBe('2036-02-29');
  });

  it('retires in the last month of the year and pays the pension from January of the next', () => {
    const r = sut('M', '1964-09-30');
    expect(r.retirementDate).toBe('2025-12-31');
    expect(r.pensionFrom).toBe('2026-01-01');
  });

  it('counts a year-only birth as 1 January and says so with the unconfirmed rule', () => {
    const r = sut('M', '1964');
    expect(r).toMatchObject({ retirementAge: { years: 61, months: 3 }, retirementDate: '2025-04-30' });
    expect(r.assumptions).toHaveLength(1);
    expect(r.assumptions[0]).toMatchObject({
      ruleId: 'retirement.unknown-birth-date',
      status: 'warning',
      ruleUnconfirmed: true,
    });
    expect(r.assumptions[0]!.detail.vi).toContain('01/01/1964');
  });

  it('treats a month-year birth like any day of that month and makes no assumption', () => {
    const r = sut('F', '1970-06');
    expect(r.retirementDate).toBe(sut('F', '1970-06-30').retirementDate);
    expect(r.assumptions).toEqual([]);
  });

  it('lets a listed female leader work to 60 (NĐ 83/2022)', () => {
    const r = sut('F', '1970-06-10', true);
    expect(r.retirementAge).toEqual({ years: 60, months: 0 });
    expect(r.retirementDate).toBe('2030-06-30');
    expect(r.ruleId).toBe('retirement.female-leaders-60');
    // A man is not affected by the flag.
    expect(sut('M', '1970-06-10', true).ruleId).toBe('retirement.age-schedule');
  });

  it.each(['19', '1970-13', '1970-02-30', '1970-1-1'])('rejects the malformed birth %s', (birth) => {
    expect(() => sut('M', birth)).toThrow(RangeError);
  });

  it('every man 2021–2036 and every woman 2021–2036 retires in the year whose age he or she reaches', () => {
    for (let year = 1955; year <= 1980; year++)
      for (let month = 1; month <= 12; month++) {
        const birth = `${year}-${String(month).padStart(2, '0')}`;
        for (const sex of ['M', 'F'] as const) {
          const r = sut(sex, birth);
          const retireYear = Number(r.retirementDate.slice(0, 4));
          const total = r.retirementAge.years * 12 + r.retirementAge.months;
          const expected =
            sex === 'M'
              ? retireYear < 2021
                ? 720
                : Math.min(723 + 3 * (retireYear - 2021), 744)
              : retireYear < 2021
                ? 660
                : Math.min(664 + 4 * (retireYear - 2021), 720);
          expect(total, `${sex} ${birth}`).toBe(expected);
          expect(Number(r.retirementDate.slice(5, 7))).toBe(((month - 1 + total) % 12) + 1);
        }
      }
  });
});

describe('date arithmetic', () => {
  it('counts whole months only once the day is reached', () => {
    expect(monthsBetween('2024-01-15', '2024-02-14')).toBe(0);
    expect(monthsBetween('2024-01-15', '2024-02-15')).toBe(1);
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(monthsBetween('2023-01-31', '2023-02-28')).toBe(1);
    expect(monthsBetween('2020-06-01', '2025-06-01')).toBe(60);
  });
  it('adds months clamping the day', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-10-08', 24)).toBe('2026-10-08');
    expect(addMonths('2023-12-15', 1)).toBe('2024-01-15');
  });
  it('parses partial births with the defaults', () => {
    expect(parseBirth('1970', { month: 1, day: 1 })).toEqual({ year: 1970, month: 1, day: 1, known: 'year' });
    expect(parseBirth('1970-05', { month: 1, day: 1 })).toMatchObject({ month: 5, known: 'month' });
  });
});
