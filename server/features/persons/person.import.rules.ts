import {
  ETHNICITIES,
  ETHNICITY_ALIASES,
  PROFESSIONAL_LEVELS,
  RELIGIONS,
  STATE_MANAGEMENT_LEVELS,
  THEORY_LEVELS,
} from '../../../contracts/person-catalogs';
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  IMPORT_REQUIRED,
  type ImportField,
  type ImportMapping,
  type ImportProblem,
  type PersonRecord,
  personRecordSchema,
} from '../../../contracts/persons';
import { foldVietnamese } from '../../lib/text';
import type { RecordPolicy } from './person.policy';
import { checkCccd, parsePartialDate, parseVietnameseDate, validatePersonRecord } from './person.rules';

const key = (s: string): string => foldVietnamese(s).replace(/[^a-z0-9]/g, '');

/** Guesses which column holds which field from the header text (Vietnamese or English, diacritics optional). */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const byKey = new Map(headers.map((h) => [key(h), h]));
  const out: ImportMapping = {};
  for (const f of IMPORT_FIELDS) {
    const candidates = [f, IMPORT_FIELD_LABELS[f].vi, IMPORT_FIELD_LABELS[f].en].map(key);
    if (f === 'cccd') candidates.push('socccd', 'cccd', 'socancuoccongdan', 'cancuoccongdan', 'sodinhdanh');
    if (f === 'fullName') candidates.push('hoten', 'hovaten');
    if (f === 'organizationCode') candidates.push('madonvi', 'donvi');
    const hit = candidates.map((c) => byKey.get(c)).find(Boolean);
    if (hit) out[f] = hit;
  }
  return out;
}

function lookup<T extends string>(labels: Record<T, { vi: string; en: string }>, raw: string): T | null {
  const k = key(raw);
  for (const [code, l] of Object.entries(labels) as [T, { vi: string; en: string }][])
    if (key(code) === k || key(l.vi) === k || key(l.en) === k) return code;
  return null;
}

const ETHNICITY_BY_KEY = new Map<string, string>([
  ...ETHNICITIES.map(([code, name]) => [key(name), code] as [string, string]),
  ...ETHNICITIES.map(([code]) => [code, code] as [string, string]),
  ...ETHNICITIES.map(([code]) => [String(Number(code)), code] as [string, string]),
  ...Object.entries(ETHNICITY_ALIASES),
]);

export function ethnicityCode(raw: string): string | null {
  return ETHNICITY_BY_KEY.get(key(raw)) ?? null;
}

export interface ImportContext {
  policy: RecordPolicy;
  today: Date;
  /** organization code → id, for the organizations the importer may write to */
  organizations: ReadonlyMap<string, { id: string }>;
  /** organization codes that exist but lie outside the importer's scope */
  foreignOrganizations: ReadonlySet<string>;
  /** persons already in the database by CCCD; `inScope` false means someone else's record */
  existing: ReadonlyMap<string, { id: string; version: number; data_json: string; inScope: boolean }>;
}

export interface ImportedRow {
  row: number;
  record: PersonRecord;
  existing: { id: string; version: number; data_json: string } | null;
}

type Cells = Record<string, string>;

/**
 * The CCCD as the file holds it. Every CCCD starts with a 0 (province codes 001–096), so a cell Excel stored as a
 * number has lost one zero (11 digits left) or two (province 001–009: 10 digits left): those, and only those, are
 * padded back to 12. A text cell is taken as typed; a number of any other length is left for the 12-digit check.
 */
export function cccdFromCell(raw: string, numeric: boolean): string {
  const v = raw.trim();
  return numeric && /^[1-9]\d{9,10}$/.test(v) ? v.padStart(12, '0') : v;
}

const NO_NUMERIC: ReadonlySet<string> = new Set();

/**
 * Checks one data row (1-based sheet row number) against the mapping: every problem is reported with the
 * row, the column header and the field, so the officer can fix the file before anything is written.
 */
export function importRow(
  row: number,
  cells: Cells,
  mapping: ImportMapping,
  ctx: ImportContext,
  seenCccd: Map<string, number>,
  /** headers of the cells the spreadsheet stored as numbers */
  numeric: ReadonlySet<string> = NO_NUMERIC,
): { value: ImportedRow | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const col = (f: ImportField): string => mapping[f] ?? IMPORT_FIELD_LABELS[f].vi;
  const problem = (f: ImportField | string, message: string, messageEn: string) =>
    problems.push({
      row,
      column: (IMPORT_FIELDS as readonly string[]).includes(f) ? col(f as ImportField) : f,
      field: f,
      message,
      messageEn,
    });
  const get = (f: ImportField): string => {
    const h = mapping[f];
    return h === undefined ? '' : (cells[h] ?? '').trim();
  };

  for (const f of IMPORT_REQUIRED)
    if (!get(f))
      problem(f, `thiếu ${IMPORT_FIELD_LABELS[f].vi.toLowerCase()}`, `missing ${IMPORT_FIELD_LABELS[f].en.toLowerCase()}`);

  const fields: Partial<Record<keyof PersonRecord, unknown>> = {};
  const text = (f: ImportField & keyof PersonRecord) => {
    const v = get(f);
    if (v) fields[f] = v;
  };
  for (const f of [
    'fullName',
    'otherNames',
    'birthPlace',
    'homeTown',
    'permanentAddress',
    'currentAddress',
    'currentTitle',
    'professionalMajor',
    'generalEducation',
    'civilServiceRankCode',
    'civilServiceRank',
    'itLevel',
  ] as const)
    text(f);

  const sex = get('sex');
  if (sex) {
    const k = key(sex);
    if (['nam', 'm', 'male'].includes(k)) fields.sex = 'M';
    else if (['nu', 'f', 'female'].includes(k)) fields.sex = 'F';
    else problem('sex', `giới tính "${sex}" không hợp lệ (Nam/Nữ)`, `sex "${sex}" is not Nam/Nữ`);
  }
  for (const f of ['birthDate', 'cccdIssuedOn', 'recruitmentDate', 'partyAdmissionDate', 'partyOfficialDate'] as const) {
    const v = get(f);
    if (!v) continue;
    const d = parseVietnameseDate(v);
    if (!d)
      problem(f, `ngày "${v}" không tồn tại hoặc sai định dạng (dd/mm/yyyy)`, `date "${v}" does not exist or is not dd/mm/yyyy`);
    else if (f === 'cccdIssuedOn' && parsePartialDate(d)?.day === null)
      problem(f, 'ngày cấp phải đủ ngày, tháng, năm', 'the issue date needs day, month and year');
    else fields[f] = d;
  }
  const eth = get('ethnicity');
  if (eth) {
    const code = ethnicityCode(eth);
    if (code) fields.ethnicity = code;
    else problem('ethnicity', `dân tộc "${eth}" không có trong danh mục 54 dân tộc`, `ethnicity "${eth}" is not one of the 54`);
  }
  const catalogs = [
    ['religion', RELIGIONS],
    ['professionalLevel', PROFESSIONAL_LEVELS],
    ['theoryLevel', THEORY_LEVELS],
    ['stateManagement', STATE_MANAGEMENT_LEVELS],
  ] as const;
  for (const [f, labels] of catalogs) {
    const v = get(f);
    if (!v) continue;
    const code = lookup(labels as Record<string, { vi: string; en: string }>, v);
    if (code) fields[f] = code;
    else problem(f, `"${v}" không có trong danh mục`, `"${v}" is not in the catalog`);
  }
  for (const f of ['salaryGrade', 'salaryCoefficient'] as const) {
    const v = get(f);
    if (!v) continue;
    const n = Number(v.replace(',', '.'));
    if (!Number.isFinite(n)) problem(f, `"${v}" không phải là số`, `"${v}" is not a number`);
    else fields[f] = n;
  }

  const orgCode = get('organizationCode');
  let organizationId: string | null = null;
  if (orgCode) {
    const org = ctx.organizations.get(orgCode);
    if (org) organizationId = org.id;
    else if (ctx.foreignOrganizations.has(orgCode))
      problem('organizationCode', `đơn vị ${orgCode} nằm ngoài phạm vi của bạn`, `organization ${orgCode} is outside your scope`);
    else problem('organizationCode', `không có đơn vị mã ${orgCode}`, `no organization with code ${orgCode}`);
  }

  const cccd = cccdFromCell(get('cccd'), mapping.cccd !== undefined && numeric.has(mapping.cccd));
  let existing: ImportedRow['existing'] = null;
  if (cccd) {
    const birthYear = typeof fields.birthDate === 'string' ? Number(fields.birthDate.slice(0, 4)) : undefined;
    // Zeros lost on the way through a spreadsheet leave 10–11 digits starting with a non-zero digit.
    if (/^[1-9]\d{9,10}$/.test(cccd))
      problem(
        'cccd',
        `CCCD "${cccd}" chỉ có ${cccd.length} chữ số: có thể số 0 ở đầu đã bị mất khi lưu dưới dạng số; hãy định dạng cột là Văn bản và nhập đủ 12 chữ số`,
        `citizen ID "${cccd}" has only ${cccd.length} digits: the leading zero may have been lost when stored as a number; format the column as text with all 12 digits`,
      );
    else
      for (const i of checkCccd(cccd, { sex: fields.sex as 'M' | 'F' | undefined, birthYear }, ctx.policy))
        problem('cccd', i.message, i.messageEn);
    const first = seenCccd.get(cccd);
    if (first !== undefined)
      problem('cccd', `CCCD ${cccd} trùng với dòng ${first} trong tệp`, `citizen ID ${cccd} repeats row ${first}`);
    else seenCccd.set(cccd, row);
    const found = ctx.existing.get(cccd);
    if (found && !found.inScope)
      problem(
        'cccd',
        `CCCD ${cccd} đã thuộc một hồ sơ ngoài phạm vi của bạn`,
        `citizen ID ${cccd} belongs to a record outside your scope`,
      );
    else if (found) {
      const old = JSON.parse(found.data_json) as PersonRecord;
      // The natural key matches: update, unless the file names someone else (a mistyped number).
      if (fields.fullName && foldVietnamese(String(fields.fullName)) !== foldVietnamese(old.fullName))
        problem(
          'cccd',
          `CCCD ${cccd} đã có trong hồ sơ của ${old.fullName}, khác họ tên trong tệp`,
          `citizen ID ${cccd} already belongs to ${old.fullName}, a different name`,
        );
      else existing = found;
    }
  }
  if (problems.length) return { value: null, problems };

  const base: Record<string, unknown> = existing ? (JSON.parse(existing.data_json) as Record<string, unknown>) : {};
  const candidate = { ...base, ...fields, cccd, organizationId: organizationId! };
  const parsed = personRecordSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const f = String(issue.path[0] ?? '');
      problem(f, `giá trị không hợp lệ (${issue.message})`, `invalid value (${issue.message})`);
    }
    return { value: null, problems };
  }
  for (const i of validatePersonRecord(parsed.data, ctx.policy, ctx.today)) {
    const f = i.path.split('.')[0]!;
    problem(f, i.message, i.messageEn);
  }
  if (problems.length) return { value: null, problems };
  return { value: { row, record: parsed.data, existing }, problems };
}

/** Reads CSV (RFC 4180: quotes, doubled quotes, newlines inside quotes; comma or semicolon; UTF-8 with or without BOM). */
export function parseCsv(text: string): string[][] {
  const s = text.replace(/^\uFEFF/, '');
  const firstLine = s.slice(0, s.indexOf('\n') === -1 ? s.length : s.indexOf('\n'));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      cell = '';
      if (row.some((x) => x !== '')) rows.push(row);
      row = [];
    } else cell += c;
  }
  row.push(cell);
  if (row.some((x) => x !== '')) rows.push(row);
  return rows;
}
