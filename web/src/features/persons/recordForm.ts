import type { PersonRecord } from '@contracts/persons';

// Between the stored record (partial ISO dates YYYY[-MM[-DD]], nulls) and the form (dd/mm/yyyy text, empty strings).

/** Keys whose string values are dates, at any depth of the record (tables' from/to/date included). */
const DATE_KEYS = new Set([
  'birthDate',
  'cccdIssuedOn',
  'recruitmentDate',
  'partyAdmissionDate',
  'partyOfficialDate',
  'socioPoliticalJoinDate',
  'salarySince',
  'militaryEnlistedOn',
  'militaryDischargedOn',
  'from',
  'to',
  'date',
]);

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy, mm/yyyy or yyyy for a partial ISO date. */
export function displayDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  if (d) return `${d}/${m}/${y}`;
  if (m) return `${m}/${y}`;
  return y ?? '';
}

/** Reads dd/mm/yyyy, d/m/yyyy, mm/yyyy or yyyy (dots or dashes too) to a partial ISO date; null when not a real date. */
export function parseDisplayDate(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y < 1800 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
    return `${y}-${pad(mo)}-${pad(d)}`;
  }
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const [mo, y] = [Number(m[1]), Number(m[2])];
    if (y < 1800 || mo < 1 || mo > 12) return null;
    return `${y}-${pad(mo)}`;
  }
  if (/^\d{4}$/.test(s) && Number(s) >= 1800) return s;
  return null;
}

type Json = null | string | number | boolean | Json[] | { [k: string]: Json };

function walk(value: Json, key: string | null, leaf: (key: string | null, v: string | null) => Json): Json {
  if (Array.isArray(value)) return value.map((v) => walk(v, null, leaf));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k, leaf)]));
  if (typeof value === 'string' || value === null) return leaf(key, value);
  return value;
}

export type FormValues = Record<string, unknown>;

/** The record as form values: dates as dd/mm/yyyy text, nulls as empty strings, the override's kind 'none' when absent. */
export function toFormValues(record: PersonRecord): FormValues {
  const v = walk(record as unknown as Json, null, (k, s) => (k !== null && DATE_KEYS.has(k) ? displayDate(s) : s)) as FormValues;
  v.retirementOverride = record.retirementOverride
    ? { ...record.retirementOverride, date: displayDate(record.retirementOverride.date) }
    : { kind: 'none', date: '', reason: '' };
  return v;
}

/**
 * Form values back to a record: dates to partial ISO (an unreadable date stays as typed, for the server to refuse
 * with the field named), empty text to null, an override of kind 'none' to null.
 */
export function toRecord(values: FormValues): PersonRecord {
  const out = walk(values as Json, null, (k, s) => {
    if (s === null) return null;
    const t = s.trim();
    if (t === '') return null;
    if (k !== null && DATE_KEYS.has(k)) return parseDisplayDate(t) ?? t;
    return t;
  }) as Record<string, unknown>;
  const o = out.retirementOverride as { kind?: string } | null | undefined;
  if (!o || !o.kind || o.kind === 'none') out.retirementOverride = null;
  for (const table of ['training', 'workHistory', 'family', 'salaryHistory', 'rewards', 'discipline', 'languages'])
    out[table] = (out[table] as unknown[] | null | undefined) ?? [];
  return out as unknown as PersonRecord;
}

/** An empty record for a new person: the defaults of the form. */
export function emptyFormValues(organizationId?: string): FormValues {
  return {
    fullName: '',
    sex: 'M',
    birthDate: '',
    ethnicity: '01',
    religion: 'none',
    organizationId,
    professionalLevel: 'none',
    academicRank: 'none',
    theoryLevel: 'none',
    stateManagement: 'none',
    languages: [],
    rewards: [],
    discipline: [],
    training: [],
    workHistory: [],
    family: [],
    salaryHistory: [],
    retirementOverride: { kind: 'none', date: '', reason: '' },
  };
}
