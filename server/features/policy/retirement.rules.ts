import type { Citation, Sex, Verdict } from '../../../contracts/policy';
import type { Age } from './pack.schema';
import { type ResolvedPolicy, formatDate, ruleIn } from './policy.library';
import { verdict } from './policy.rules';

export interface RetirementInput {
  sex: Sex;
  /** 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD': a birth date may be known only to the year. */
  birth: string;
  /** NĐ 83/2022 (or 99/2024): a listed female leader who may work to 60. */
  femaleLeaderTo60?: boolean;
}

/** Read-only: one answer is shared by every caller asking for the same person under the same pack. */
export interface Retirement {
  readonly retirementAge: Readonly<Age>;
  /** Last day of the month in which the age is reached. */
  readonly retirementDate: string;
  /** First day of the following month. */
  readonly pensionFrom: string;
  readonly ruleId: string;
  readonly citation: Citation;
  /** Assumptions made about the input (e.g. a year-only birth counted as 1 January). */
  readonly assumptions: readonly Verdict[];
}

interface Birth {
  year: number;
  month: number;
  day: number;
  known: 'year' | 'month' | 'day';
}

/** Parses a partial birth date; the unknown parts take the policy's default (1 January under NĐ 135/2020). */
export function parseBirth(birth: string, defaults: { month: number; day: number }): Birth {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(birth);
  if (!m) throw new RangeError(`birth must be YYYY, YYYY-MM or YYYY-MM-DD: ${birth}`);
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : defaults.month;
  const day = m[3] ? Number(m[3]) : m[2] ? 1 : defaults.day;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`not a calendar date: ${birth}`);
  return { year, month, day, known: m[3] ? 'day' : m[2] ? 'month' : 'year' };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

// ISO dates are fixed-width: slicing is much cheaper than split/map on the batch path.
const ymd = (d: string): [number, number, number] => [+d.slice(0, 4), +d.slice(5, 7), +d.slice(8, 10)];

const totalMonths = (a: Age): number => a.years * 12 + a.months;
const toAge = (months: number): Age => ({ years: Math.floor(months / 12), months: months % 12 });
const iso = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Retirement under the Labour Code 2019 art. 169 and NĐ 135/2020: the age of the calendar year in which
 * it is reached; retirement at the end of that month, pension from the first day of the next.
 */
export function retirementDate(input: RetirementInput, policy: ResolvedPolicy): Retirement {
  // Pure in (sex, birth, leader flag) under one resolved pack, and asked thousands of times for a province's plan
  // (people share birth dates): remembered per pack object, bounded so a long-lived pack cannot grow without end.
  let memo = memos.get(policy);
  if (!memo) memos.set(policy, (memo = new Map()));
  const key = `${input.sex}${input.birth}${input.femaleLeaderTo60 ? '+' : ''}`;
  let out = memo.get(key);
  if (!out) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, (out = computeRetirement(input, policy)));
  }
  return out;
}

const memos = new WeakMap<ResolvedPolicy, Map<string, Retirement>>();
const MEMO_LIMIT = 100_000;

function computeRetirement(input: RetirementInput, policy: ResolvedPolicy): Retirement {
  const schedule = ruleIn(policy, 'retirement.age-schedule', 'retirement-schedule');
  if (!schedule) throw new Error(`no retirement schedule in force on ${policy.date}`);
  const defaultRule = ruleIn(policy, 'retirement.unknown-birth-date', 'birth-date-default');
  const birth = parseBirth(input.birth, defaultRule?.params ?? { month: 1, day: 1 });
  if (birth.known === 'year' && !defaultRule) throw new Error(`no rule for a year-only birth in force on ${policy.date}`);
  const s = input.sex === 'M' ? schedule.params.men : schedule.params.women;

  const ageForYear = (y: number): number => {
    if (y < s.startYear) return totalMonths(s.before);
    return Math.min(totalMonths(s.start) + s.stepMonthsPerYear * (y - s.startYear), totalMonths(s.final));
  };
  const birthIndex = birth.year * 12 + (birth.month - 1);

  // The first calendar year in which the person reaches that year's age (it exists: the age grows by
  // at most a year per year, so the reach year falls behind the calendar until they meet).
  let months = -1;
  for (let y = birth.year + 40; y <= birth.year + 81; y++) {
    const age = ageForYear(y);
    if (Math.floor((birthIndex + age) / 12) === y) {
      months = age;
      break;
    }
  }
  if (months < 0) throw new Error(`the retirement schedule has no year for birth ${input.birth}`);

  const assumptions: Verdict[] = [];
  let ruleId = schedule.id;
  let citation = schedule.citation;
  const leader = ruleIn(policy, 'retirement.female-leaders-60', 'female-leader-age');
  if (input.sex === 'F' && input.femaleLeaderTo60 && leader && totalMonths(leader.params.age) > months) {
    months = totalMonths(leader.params.age);
    ruleId = leader.id;
    citation = leader.citation;
  }

  const reach = birthIndex + months;
  const year = Math.floor(reach / 12);
  const month = (reach % 12) + 1;
  const next = reach + 1;
  if (birth.known === 'year' && defaultRule)
    assumptions.push(
      verdict(
        defaultRule,
        'warning',
        {
          vi: `Chỉ biết năm sinh ${birth.year}: tính như sinh ngày ${formatDate(iso(birth.year, birth.month, birth.day))}.`,
          en: `Only the birth year ${birth.year} is known: counted as born on ${formatDate(iso(birth.year, birth.month, birth.day))}.`,
        },
        { birth: input.birth },
      ),
    );
  return {
    retirementAge: toAge(months),
    retirementDate: iso(year, month, daysInMonth(year, month)),
    pensionFrom: iso(Math.floor(next / 12), (next % 12) + 1, 1),
    ruleId,
    citation,
    assumptions,
  };
}

/** Whole months from `from` to `to` (ISO dates), counting a month only when its day is reached. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = ymd(from);
  const [ty, tm, td] = ymd(to);
  let months = (ty - fy) * 12 + (tm - fm);
  // A start on the 31st is a full month on the last day of a shorter month.
  const dayReached = td >= Math.min(fd, daysInMonth(ty, tm));
  if (!dayReached) months -= 1;
  return months;
}

/** Adds whole months to an ISO date, clamping the day to the target month (31/01 + 1 month = 28/02 or 29/02). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = ymd(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return iso(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}
