import type { AGE_BANDS, PersonRecord } from '../../../contracts/persons';
import { CCCD_PROVINCES } from '../../../contracts/person-catalogs';
import { foldVietnamese } from '../../lib/text';
import { retirementDate } from '../policy/retirement.rules';
import type { RecordPolicy } from './person.policy';

/** One problem with a record: the field path, the message in Vietnamese and English, the rule that found it. */
export interface RecordIssue {
  path: string;
  message: string;
  messageEn: string;
  ruleId?: string;
}

export interface PartialDate {
  year: number;
  month: number | null;
  day: number | null;
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Parses YYYY, YYYY-MM or YYYY-MM-DD; null when the date does not exist (31/02, month 13, year 0). */
export function parsePartialDate(text: string): PartialDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1800) return null;
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > daysInMonth(year, month!))) return null;
  return { year, month, day };
}

/** The first day the partial date can mean (year-only → 1 January, month-year → the 1st). */
export function earliestDay(d: PartialDate): string {
  return `${d.year}-${pad(d.month ?? 1)}-${pad(d.day ?? 1)}`;
}

/** The last day the partial date can mean. */
export function latestDay(d: PartialDate): string {
  const month = d.month ?? 12;
  return `${d.year}-${pad(month)}-${pad(d.day ?? daysInMonth(d.year, month))}`;
}

/** dd/mm/yyyy, mm/yyyy or yyyy, the way the 2C form writes a date. */
export function formatPartialDate(text: string | null | undefined): string {
  if (!text) return '';
  const d = parsePartialDate(text);
  if (!d) return text;
  if (d.month === null) return String(d.year);
  if (d.day === null) return `${pad(d.month)}/${d.year}`;
  return `${pad(d.day)}/${pad(d.month)}/${d.year}`;
}

/**
 * Reads a date as people type it in Vietnamese files: dd/mm/yyyy, d/m/yyyy, mm/yyyy, yyyy, or ISO;
 * returns the partial-date text or null when it is not a real date (e.g. 31/02/1970).
 */
export function parseVietnameseDate(raw: string): string | null {
  const s = raw.trim();
  let iso: string | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) iso = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  else if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(s))) iso = `${m[2]}-${pad(Number(m[1]))}`;
  else if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s)) iso = s;
  return iso && parsePartialDate(iso) ? iso : null;
}

/** Adds whole years and months to a full ISO date, clamping to the month's last day (29/02 + 1 year → 28/02). */
export function addMonths(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** The last day of the month of a full ISO date (retirement falls on a month's last day). */
export function endOfMonth(isoDay: string): string {
  const [y, m] = isoDay.split('-').map(Number) as [number, number];
  return `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`;
}

/** Completed years of age on `onDay` (YYYY-MM-DD); unknown day/month count as 1 January / the 1st. */
export function ageOn(birth: PartialDate, onDay: string): number {
  const b = earliestDay(birth);
  let age = Number(onDay.slice(0, 4)) - birth.year;
  if (onDay.slice(5) < b.slice(5)) age -= 1;
  return age;
}

export type AgeBand = (typeof AGE_BANDS)[number];
export function ageBandOf(age: number): AgeBand {
  if (age < 30) return 'under30';
  if (age < 40) return '30to39';
  if (age < 50) return '40to49';
  if (age < 60) return '50to59';
  return '60plus';
}

/** Birth years whose holders are in the band on `onDay`, widest possible (ages are refined by birth date). */
export function birthYearsForBand(band: AgeBand, onDay: string): { min: number | null; max: number | null } {
  const year = Number(onDay.slice(0, 4));
  const bounds: Record<AgeBand, [number, number | null]> = {
    under30: [0, 29],
    '30to39': [30, 39],
    '40to49': [40, 49],
    '50to59': [50, 59],
    '60plus': [60, null],
  };
  const [minAge, maxAge] = bounds[band];
  return { max: year - minAge, min: maxAge === null ? null : year - maxAge - 1 };
}

export interface NameParts {
  family: string;
  middle: string;
  given: string;
}

/** Vietnamese names are written family, middle, given: "Nguyễn Văn Đức" → Nguyễn / Văn / Đức. */
export function splitName(fullName: string): NameParts {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { family: '', middle: '', given: words[0] ?? '' };
  return { family: words[0]!, middle: words.slice(1, -1).join(' '), given: words[words.length - 1]! };
}

// The Vietnamese alphabet order (ă, â, đ, ê, ô, ơ, ư are letters of their own), foreign letters in their Latin place.
const ALPHABET = [
  'a',
  'ă',
  'â',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'ê',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'ô',
  'ơ',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'ư',
  'v',
  'w',
  'x',
  'y',
  'z',
];
const LETTER_KEY = new Map(ALPHABET.map((l, i) => [l, i.toString(36)]));
// Tones in dictionary order: ngang, huyền, sắc, hỏi, ngã, nặng.
const TONE_KEY = new Map([
  ['\u0300', '1'],
  ['\u0301', '2'],
  ['\u0309', '3'],
  ['\u0303', '4'],
  ['\u0323', '5'],
]);
const SHAPE_MARKS = new Set(['\u0306', '\u0302', '\u031b']);

function wordKeys(word: string): { primary: string; tones: string } {
  let primary = '';
  let tones = '';
  for (const ch of word.toLowerCase().normalize('NFC')) {
    const parts = [...ch.normalize('NFD')];
    const base = parts[0]!;
    const shape = parts.filter((p) => SHAPE_MARKS.has(p)).join('');
    const tone = parts.map((p) => TONE_KEY.get(p)).find(Boolean) ?? '0';
    const letter = base === 'đ' || base === 'd' ? base : (base + shape).normalize('NFC');
    const key = LETTER_KEY.get(letter) ?? LETTER_KEY.get(base);
    if (key === undefined) {
      if (/[0-9]/.test(base)) primary += `_${base}`;
      continue;
    }
    primary += key;
    tones += tone;
  }
  return { primary, tones };
}

/**
 * A byte-comparable key that sorts names the Vietnamese way: given name, then middle, then family,
 * letters in the Vietnamese alphabet, tones breaking ties (An < Ân < Anh; Ánh after Anh).
 */
export function vietnameseSortKey(fullName: string): string {
  const { family, middle, given } = splitName(fullName);
  const parts = [given, middle, family].map(wordKeys);
  return `${parts.map((p) => p.primary).join(' ')}!${parts.map((p) => p.tones).join('')}`;
}

/**
 * The folded text searched by name: full name and other names, no diacritics, đ → d, only the words
 * (a–z, 0–9) separated by single spaces — the name-word index splits it on spaces.
 */
export function personSearchText(record: Pick<PersonRecord, 'fullName' | 'otherNames'>): string {
  return nameWords([record.fullName, record.otherNames ?? ''].join(' ')).join(' ');
}

/** The folded words of a name or of a name query ("Nguyễn Văn Đức (Ba)" → nguyen, van, duc, ba). */
export function nameWords(text: string): string[] {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean);
}

/** A party member: admitted and not expelled. */
export function isPartyMember(record: Pick<PersonRecord, 'partyAdmissionDate' | 'discipline'>): boolean {
  return record.partyAdmissionDate !== null && !record.discipline.some((d) => d.level === 'khai_tru');
}

/**
 * Checks a 12-digit CCCD against its structure (province of birth registration, century/sex digit, year
 * of birth) and, when given, the person's sex and birth year.
 */
export function checkCccd(cccd: string, person: { sex?: 'M' | 'F'; birthYear?: number }, policy: RecordPolicy): RecordIssue[] {
  const rule = policy.cccd;
  const issue = (message: string, messageEn: string): RecordIssue[] => [{ path: 'cccd', message, messageEn, ruleId: rule.id }];
  if (!new RegExp(`^\\d{${rule.params.length}}$`).test(cccd))
    return issue(
      `số CCCD phải gồm đúng ${rule.params.length} chữ số`,
      `the citizen ID must have exactly ${rule.params.length} digits`,
    );
  const province = cccd.slice(0, 3);
  if (!CCCD_PROVINCES[province])
    return issue(
      `mã tỉnh ${province} ở 3 chữ số đầu của CCCD không tồn tại`,
      `province code ${province} (first 3 digits) does not exist`,
    );
  const centurySex = Number(cccd[3]);
  const centuryStart = 1900 + Math.floor(centurySex / 2) * 100;
  const sex = centurySex % 2 === 0 ? 'M' : 'F';
  const year = centuryStart + Number(cccd.slice(4, 6));
  const out: RecordIssue[] = [];
  if (person.sex && person.sex !== sex)
    out.push(
      ...issue(
        `chữ số thứ 4 của CCCD (${centurySex}) ứng với giới tính ${sex === 'M' ? 'nam' : 'nữ'}, không khớp hồ sơ`,
        `digit 4 (${centurySex}) means ${sex === 'M' ? 'male' : 'female'}, which does not match the record`,
      ),
    );
  if (person.birthYear !== undefined && person.birthYear !== year)
    out.push(
      ...issue(
        `CCCD ghi năm sinh ${year} (chữ số 4–6), hồ sơ ghi ${person.birthYear}`,
        `the ID encodes birth year ${year} (digits 4–6), the record says ${person.birthYear}`,
      ),
    );
  return out;
}

const ISO_TODAY = (d: Date): string => d.toISOString().slice(0, 10);

function checkDate(
  path: string,
  text: string | null,
  label: [string, string],
  todayIso: string,
  out: RecordIssue[],
): PartialDate | null {
  if (text === null) return null;
  const d = parsePartialDate(text);
  if (!d) {
    out.push({ path, message: `${label[0]}: ngày không tồn tại (${text})`, messageEn: `${label[1]}: no such date (${text})` });
    return null;
  }
  if (earliestDay(d) > todayIso)
    out.push({
      path,
      message: `${label[0]}: ngày ở tương lai (${formatPartialDate(text)})`,
      messageEn: `${label[1]}: date in the future`,
    });
  return d;
}

/**
 * An earlier or later retirement date must lie on its side of the legal date (Labour Code 2019 art. 169,
 * NĐ 135/2020) and within the policy's bound (5 years either way under art. 169 cl. 3–4).
 */
export function checkRetirementOverride(
  record: Pick<PersonRecord, 'sex' | 'birthDate'>,
  kind: 'earlier' | 'later',
  date: string,
  policy: Pick<RecordPolicy, 'retirementExceptions' | 'resolved'>,
): RecordIssue[] {
  let legal: string;
  try {
    legal = retirementDate({ sex: record.sex, birth: record.birthDate }, policy.resolved).retirementDate;
  } catch {
    return []; // no retirement schedule in force for that birth: nothing to bound against
  }
  const rule = policy.retirementExceptions;
  const issue = (message: string, messageEn: string): RecordIssue[] => [
    {
      path: 'retirementOverride.date',
      message: `${message} (${rule.citation})`,
      messageEn: `${messageEn} (${rule.citation})`,
      ruleId: rule.id,
    },
  ];
  const shown = formatPartialDate(legal);
  if (kind === 'earlier') {
    const bound = endOfMonth(addMonths(legal, -12 * rule.params.earlierMaxYears));
    if (date >= legal)
      return issue(
        `nghỉ hưu sớm phải trước ngày nghỉ hưu theo luật ${shown}`,
        `an earlier retirement must come before the legal date ${legal}`,
      );
    if (date < bound)
      return issue(
        `nghỉ hưu sớm không quá ${rule.params.earlierMaxYears} năm so với ngày theo luật ${shown} (sớm nhất ${formatPartialDate(bound)})`,
        `an earlier retirement may be at most ${rule.params.earlierMaxYears} years before the legal date ${legal} (earliest ${bound})`,
      );
  } else {
    const bound = endOfMonth(addMonths(legal, 12 * rule.params.laterMaxYears));
    if (date <= legal)
      return issue(
        `nghỉ hưu muộn phải sau ngày nghỉ hưu theo luật ${shown}`,
        `a later retirement must come after the legal date ${legal}`,
      );
    if (date > bound)
      return issue(
        `nghỉ hưu muộn không quá ${rule.params.laterMaxYears} năm so với ngày theo luật ${shown} (muộn nhất ${formatPartialDate(bound)})`,
        `a later retirement may be at most ${rule.params.laterMaxYears} years after the legal date ${legal} (latest ${bound})`,
      );
  }
  return [];
}

/** Every semantic check of a record beyond its shape: real dates, CCCD structure, ages at party admission and recruitment. */
export function validatePersonRecord(record: PersonRecord, policy: RecordPolicy, today: Date = new Date()): RecordIssue[] {
  const out: RecordIssue[] = [];
  const todayIso = ISO_TODAY(today);
  const birth = checkDate('birthDate', record.birthDate, ['Ngày sinh', 'Birth date'], todayIso, out);
  if (birth) {
    const age = ageOn(birth, todayIso);
    const { minYears: minAgeYears, maxYears: maxAgeYears } = policy.plausibleAge.params;
    if (age < minAgeYears || age > maxAgeYears)
      out.push({
        path: 'birthDate',
        message: `tuổi ${age} nằm ngoài khoảng ${minAgeYears}–${maxAgeYears}`,
        messageEn: `age ${age} is outside ${minAgeYears}–${maxAgeYears}`,
        ruleId: policy.plausibleAge.id,
      });
  }
  if (record.cccd !== null) out.push(...checkCccd(record.cccd, { sex: record.sex, birthYear: birth?.year }, policy));
  checkDate('cccdIssuedOn', record.cccdIssuedOn, ['Ngày cấp CCCD', 'ID issue date'], todayIso, out);

  const admission = checkDate(
    'partyAdmissionDate',
    record.partyAdmissionDate,
    ['Ngày vào Đảng', 'Party admission'],
    todayIso,
    out,
  );
  const official = checkDate(
    'partyOfficialDate',
    record.partyOfficialDate,
    ['Ngày chính thức', 'Party official date'],
    todayIso,
    out,
  );
  if (official && !admission)
    out.push({
      path: 'partyOfficialDate',
      message: 'có ngày chính thức nhưng chưa có ngày vào Đảng',
      messageEn: 'an official date without an admission date',
    });
  if (birth && admission) {
    const minAge = policy.partyMinAge.params.minYears;
    // Only a certain violation is refused: the latest possible admission before the earliest possible birthday.
    if (latestDay(admission) < addMonths(earliestDay(birth), minAge * 12))
      out.push({
        path: 'partyAdmissionDate',
        message: `vào Đảng trước khi đủ ${minAge} tuổi`,
        messageEn: `admitted to the Party before turning ${minAge}`,
        ruleId: policy.partyMinAge.id,
      });
  }
  if (admission && official) {
    const months = policy.partyProbation.params.months;
    if (latestDay(official) < addMonths(earliestDay(admission), months))
      out.push({
        path: 'partyOfficialDate',
        message: `ngày chính thức sớm hơn ${months} tháng dự bị`,
        messageEn: `official before the ${months}-month probation ended`,
        ruleId: policy.partyProbation.id,
      });
  }
  const recruited = checkDate('recruitmentDate', record.recruitmentDate, ['Ngày tuyển dụng', 'Recruitment date'], todayIso, out);
  if (birth && recruited) {
    const minAge = policy.recruitmentMinAge.params.minYears;
    if (latestDay(recruited) < addMonths(earliestDay(birth), minAge * 12))
      out.push({
        path: 'recruitmentDate',
        message: `tuyển dụng trước khi đủ ${minAge} tuổi`,
        messageEn: `recruited before turning ${minAge}`,
        ruleId: policy.recruitmentMinAge.id,
      });
  }
  for (const f of ['socioPoliticalJoinDate', 'salarySince', 'militaryEnlistedOn', 'militaryDischargedOn'] as const)
    checkDate(f, record[f], [f, f], todayIso, out);
  if (record.academicRank !== 'none' && record.academicRankYear === null)
    out.push({
      path: 'academicRankYear',
      message: 'cần ghi năm được phong học hàm',
      messageEn: 'the year the academic rank was conferred is required',
    });

  const o = record.retirementOverride;
  if (o && o.kind !== 'female_leader_60' && o.date === null)
    out.push({
      path: 'retirementOverride.date',
      message: 'cần ghi ngày nghỉ hưu khi nghỉ sớm hoặc muộn hơn',
      messageEn: 'an earlier or later retirement needs its date',
    });
  if (o && o.kind === 'female_leader_60' && record.sex !== 'F')
    out.push({
      path: 'retirementOverride.kind',
      message: 'NĐ 83/2022 chỉ áp dụng cho cán bộ nữ',
      messageEn: 'NĐ 83/2022 applies to women only',
    });
  if (o && o.kind !== 'female_leader_60' && o.date !== null && birth)
    out.push(...checkRetirementOverride(record, o.kind, o.date, policy));

  const ranges: [string, { from: string | null; to: string | null }[]][] = [
    ['training', record.training],
    ['workHistory', record.workHistory],
  ];
  for (const [table, rows] of ranges) {
    rows.forEach((row, i) => {
      const from = checkDate(`${table}.${i}.from`, row.from, ['Từ ngày', 'From'], todayIso, out);
      const to = checkDate(`${table}.${i}.to`, row.to, ['Đến ngày', 'To'], todayIso, out);
      if (from && to && latestDay(to) < earliestDay(from))
        out.push({ path: `${table}.${i}.to`, message: 'kết thúc trước khi bắt đầu', messageEn: 'ends before it starts' });
      if (birth && from && latestDay(from) < earliestDay(birth))
        out.push({ path: `${table}.${i}.from`, message: 'bắt đầu trước ngày sinh', messageEn: 'starts before the birth date' });
    });
  }
  record.salaryHistory.forEach((row, i) => checkDate(`salaryHistory.${i}.from`, row.from, ['Từ ngày', 'From'], todayIso, out));
  record.rewards.forEach((row, i) =>
    checkDate(`rewards.${i}.date`, row.date, ['Ngày khen thưởng', 'Reward date'], todayIso, out),
  );
  record.discipline.forEach((row, i) =>
    checkDate(`discipline.${i}.date`, row.date, ['Ngày kỷ luật', 'Discipline date'], todayIso, out),
  );
  record.family.forEach((row, i) => {
    if (row.birthYear !== null && row.birthYear > today.getUTCFullYear())
      out.push({ path: `family.${i}.birthYear`, message: 'năm sinh ở tương lai', messageEn: 'birth year in the future' });
  });
  return out;
}

/** Top-level fields whose values differ between two versions of a record. */
export function diffRecords(
  before: Partial<PersonRecord> | null,
  after: Partial<PersonRecord>,
): { field: string; before: unknown; after: unknown }[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const out: { field: string; before: unknown; after: unknown }[] = [];
  for (const k of keys) {
    const b = (before as Record<string, unknown> | null)?.[k] ?? null;
    const a = (after as Record<string, unknown>)[k] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ field: k, before: b, after: a });
  }
  return out;
}

export { neutralizeCell } from '../../lib/xlsx-cells';
