import {
  PERSON_LIMITS,
  type PersonRecord,
  SECTION_CCCD_COLUMN,
  SECTION_KEYS,
  SECTION_SHEETS,
  type SectionColumn,
  type SectionImportProblem,
  type SectionKey,
  personRecordSchema,
} from '../../../contracts/persons';
import { foldVietnamese } from '../../lib/text';
import { cccdFromCell } from './person.import.rules';
import type { RecordPolicy } from './person.policy';
import { parseVietnameseDate, validatePersonRecord } from './person.rules';

/** One sheet of a workbook: its name, header row and data rows (1-based sheet row numbers). */
export interface SheetTable {
  name: string;
  headers: string[];
  rows: { row: number; cells: Record<string, string>; numeric?: ReadonlySet<string> }[];
}

const key = (s: string): string => foldVietnamese(s).replace(/[^a-z0-9]/g, '');

/** Which table section a sheet holds, by its name in Vietnamese or English (diacritics optional). */
export function sectionOfSheet(name: string): SectionKey | null {
  const k = key(name);
  return SECTION_KEYS.find((s) => [s, SECTION_SHEETS[s].sheet.vi, SECTION_SHEETS[s].sheet.en].map(key).includes(k)) ?? null;
}

const CCCD_KEYS = ['socccd', 'cccd', 'socancuoccongdan', 'sodinhdanh', 'citizenid'];

function headerOf(headers: readonly string[], col: SectionColumn): string | undefined {
  const wanted = [col.key, col.label.vi, col.label.en].map(key);
  return headers.find((h) => wanted.includes(key(h)));
}

export interface SectionContext {
  policy: RecordPolicy;
  today: Date;
  /** persons by CCCD; `inScope` false: a record the importer may not write (reported as unknown, no leak) */
  existing: ReadonlyMap<string, { id: string; version: number; data_json: string; inScope: boolean }>;
  /** organization ids by code, for work-history rows that name their unit's code */
  organizationsByCode: ReadonlyMap<string, string>;
  /** the title codes of the catalog */
  titleCodes: ReadonlySet<string>;
}

/** A work-history row's codes become links: the unit's id for its code; a code nobody knows is a problem. */
function linkWorkRow(value: RowValue, ctx: SectionContext): { column: string; vi: string; en: string }[] {
  const out: { column: string; vi: string; en: string }[] = [];
  const orgCode = value.organizationCode;
  delete value.organizationCode;
  if (typeof orgCode === 'string') {
    const id = ctx.organizationsByCode.get(orgCode);
    if (id) value.organizationId = id;
    else
      out.push({
        column: 'organizationCode',
        vi: `không có đơn vị mã "${orgCode}"`,
        en: `no organization with code "${orgCode}"`,
      });
  }
  if (typeof value.titleCode === 'string' && !ctx.titleCodes.has(value.titleCode))
    out.push({
      column: 'titleCode',
      vi: `mã chức danh "${value.titleCode}" không có trong danh mục`,
      en: `title code "${value.titleCode}" is not in the catalog`,
    });
  return out;
}

export interface SectionUpdate {
  existing: { id: string; version: number; data_json: string };
  record: PersonRecord;
}

export interface SectionOutcome {
  sheets: { sheet: string; section: SectionKey; rows: number }[];
  updates: SectionUpdate[];
  problems: SectionImportProblem[];
}

type RowValue = Record<string, string | number | null>;

/** Reads one cell of a section row by its column type; a problem names the column and the value. */
function readCell(col: SectionColumn, raw: string): { value: string | number | null } | { vi: string; en: string } {
  const v = raw.trim();
  if (v === '') {
    if (col.required) return { vi: `thiếu ${col.label.vi.toLowerCase()}`, en: `missing ${col.label.en.toLowerCase()}` };
    return { value: col.type === 'enum' && col.key === 'form' ? 'chinh_quy' : null };
  }
  switch (col.type) {
    case 'date': {
      const d = parseVietnameseDate(v);
      return d
        ? { value: d }
        : {
            vi: `ngày "${v}" không tồn tại hoặc sai định dạng (dd/mm/yyyy, mm/yyyy, yyyy)`,
            en: `date "${v}" does not exist or is not dd/mm/yyyy`,
          };
    }
    case 'int': {
      const n = Number(v);
      return Number.isInteger(n) ? { value: n } : { vi: `"${v}" không phải số nguyên`, en: `"${v}" is not a whole number` };
    }
    case 'number': {
      const n = Number(v.replace(',', '.'));
      return Number.isFinite(n) ? { value: n } : { vi: `"${v}" không phải là số`, en: `"${v}" is not a number` };
    }
    case 'enum': {
      const k = key(v);
      const hit = Object.entries(col.values ?? {}).find(([code, l]) => [code, l.vi, l.en].map(key).includes(k));
      if (hit) return { value: hit[0] };
      const allowed = Object.values(col.values ?? {})
        .map((l) => l.vi)
        .join(', ');
      return { vi: `"${v}" không có trong danh mục (${allowed})`, en: `"${v}" is not in the list` };
    }
    default:
      return { value: v };
  }
}

/**
 * Checks the table sections of a workbook before anything is written: every problem by sheet, row and column
 * (bad date, missing column or value, unknown CCCD, a row the record rules refuse), and the records to write —
 * each person's rows in a sheet replace that section of his record.
 */
export function checkSectionSheets(tables: readonly SheetTable[], ctx: SectionContext): SectionOutcome {
  const problems: SectionImportProblem[] = [];
  const sheets: SectionOutcome['sheets'] = [];
  // cccd → section → rows read (value, sheet row, sheet name, headers by column key)
  const byPerson = new Map<
    string,
    Map<SectionKey, { sheet: string; rows: { row: number; value: RowValue }[]; headers: Map<string, string> }>
  >();

  for (const table of tables) {
    const section = sectionOfSheet(table.name);
    if (!section) continue;
    sheets.push({ sheet: table.name, section, rows: table.rows.length });
    const problem = (row: number, column: string, field: string, vi: string, en: string) =>
      problems.push({ sheet: table.name, row, column, field, message: vi, messageEn: en });
    const cccdHeader = table.headers.find((h) => CCCD_KEYS.includes(key(h)));
    const headers = new Map<string, string>();
    let missing = false;
    if (!cccdHeader) {
      problem(
        1,
        SECTION_CCCD_COLUMN.vi,
        'cccd',
        `thiếu cột "${SECTION_CCCD_COLUMN.vi}"`,
        `no "${SECTION_CCCD_COLUMN.en}" column`,
      );
      missing = true;
    }
    for (const col of SECTION_SHEETS[section].columns) {
      const h = headerOf(table.headers, col);
      if (h) headers.set(col.key, h);
      else if (col.required) {
        problem(1, col.label.vi, col.key, `thiếu cột "${col.label.vi}"`, `no "${col.label.en}" column`);
        missing = true;
      }
    }
    if (missing) continue;

    for (const { row, cells, numeric } of table.rows) {
      const cccd = cccdFromCell(cells[cccdHeader!] ?? '', numeric?.has(cccdHeader!) ?? false);
      let bad = false;
      if (!/^\d{12}$/.test(cccd)) {
        bad = true;
        if (cccd === '') problem(row, cccdHeader!, 'cccd', 'thiếu số CCCD', 'missing citizen ID');
        else
          problem(
            row,
            cccdHeader!,
            'cccd',
            /^[1-9]\d{9,10}$/.test(cccd)
              ? `CCCD "${cccd}" chỉ có ${cccd.length} chữ số: có thể số 0 ở đầu đã bị mất; hãy định dạng cột là Văn bản`
              : `CCCD "${cccd}" phải gồm đúng 12 chữ số`,
            `citizen ID "${cccd}" must have exactly 12 digits`,
          );
      }
      const value: RowValue = section === 'workHistory' ? { organizationId: null, titleCode: null } : {};
      for (const col of SECTION_SHEETS[section].columns) {
        const h = headers.get(col.key);
        const r = readCell(col, h === undefined ? '' : (cells[h] ?? ''));
        if ('value' in r) value[col.key] = r.value;
        else {
          bad = true;
          problem(row, h ?? col.label.vi, col.key, r.vi, r.en);
        }
      }
      if (section === 'workHistory') {
        for (const link of linkWorkRow(value, ctx)) {
          bad = true;
          const col = SECTION_SHEETS.workHistory.columns.find((c) => c.key === link.column)!;
          problem(row, headers.get(link.column) ?? col.label.vi, link.column, link.vi, link.en);
        }
      }
      if (bad) continue;
      const sections = byPerson.get(cccd) ?? new Map();
      byPerson.set(cccd, sections);
      const entry = sections.get(section) ?? { sheet: table.name, rows: [], headers };
      sections.set(section, entry);
      entry.rows.push({ row, value });
    }
  }
  if (sheets.length === 0)
    problems.push({
      sheet: '',
      row: 0,
      column: '',
      field: 'sheet',
      message: `Tệp không có trang nào tên ${SECTION_KEYS.map((s) => `"${SECTION_SHEETS[s].sheet.vi}"`).join(', ')}`,
      messageEn: `The workbook has no sheet named ${SECTION_KEYS.map((s) => `"${SECTION_SHEETS[s].sheet.en}"`).join(', ')}`,
    });

  const updates: SectionUpdate[] = [];
  for (const [cccd, sections] of byPerson) {
    const found = ctx.existing.get(cccd);
    if (!found || !found.inScope) {
      for (const s of sections.values())
        for (const r of s.rows)
          problems.push({
            sheet: s.sheet,
            row: r.row,
            column: SECTION_CCCD_COLUMN.vi,
            field: 'cccd',
            message: `không có hồ sơ nào có CCCD ${cccd} trong phạm vi của bạn`,
            messageEn: `no record with citizen ID ${cccd} in your scope`,
          });
      continue;
    }
    const old = JSON.parse(found.data_json) as Record<string, unknown>;
    const candidate: Record<string, unknown> = { ...old };
    for (const [section, s] of sections) candidate[section] = s.rows.map((r) => r.value);
    // Where a record path (workHistory.2.to) came from in the file.
    const locate = (path: readonly PropertyKey[]): SectionImportProblem | null => {
      const section = path[0] as SectionKey;
      const s = sections.get(section);
      if (!s) return null;
      const index = typeof path[1] === 'number' ? path[1] : Number(path[1]);
      const r = Number.isInteger(index) ? s.rows[index] : undefined;
      const colKey = path[2] === undefined ? '' : String(path[2]);
      const col = SECTION_SHEETS[section].columns.find((c) => c.key === colKey);
      return {
        sheet: s.sheet,
        row: r?.row ?? s.rows[0]!.row,
        column: s.headers.get(colKey) ?? col?.label.vi ?? SECTION_SHEETS[section].sheet.vi,
        field: colKey || section,
        message: '',
        messageEn: '',
      };
    };
    const parsed = personRecordSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const at = locate(issue.path);
        if (!at) continue;
        const tooMany = issue.code === 'too_big' && issue.path.length === 1;
        problems.push({
          ...at,
          message: tooMany ? `quá ${PERSON_LIMITS.rowsMax} dòng cho một người` : `giá trị không hợp lệ (${issue.message})`,
          messageEn: tooMany ? `more than ${PERSON_LIMITS.rowsMax} rows for one person` : `invalid value (${issue.message})`,
        });
      }
      continue;
    }
    let refused = false;
    for (const i of validatePersonRecord(parsed.data, ctx.policy, ctx.today)) {
      const path = i.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const at = locate(path);
      // Only the imported sections are judged here; the rest of the record is not this file's doing.
      if (!at) continue;
      refused = true;
      problems.push({ ...at, message: i.message, messageEn: i.messageEn });
    }
    if (!refused)
      updates.push({ existing: { id: found.id, version: found.version, data_json: found.data_json }, record: parsed.data });
  }
  problems.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1));
  return { sheets, updates, problems };
}
