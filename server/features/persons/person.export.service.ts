import ExcelJS from 'exceljs';
import {
  ETHNICITY_NAMES,
  PROFESSIONAL_LEVELS,
  RELIGIONS,
  SEXES,
  STATE_MANAGEMENT_LEVELS,
  THEORY_LEVELS,
} from '../../../contracts/person-catalogs';
import {
  EXPORT_COLUMNS,
  EXPORT_COLUMN_LABELS,
  type ExportColumn,
  PERSON_LIMITS,
  type PersonListQuery,
  type PersonRecord,
} from '../../../contracts/persons';
import type { DbContext } from '../../db/database';
import { AppError } from '../../http/errors';
import { type Actor, holdsAnywhere } from '../access/access.rules';
import * as searchRepo from './person.search.repository';
import { formatPartialDate, neutralizeCell } from './person.rules';
import { searchFilter } from './person.service';

export function parseColumns(raw: string | undefined): ExportColumn[] {
  if (!raw) return [...EXPORT_COLUMNS];
  const cols = raw
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const bad = cols.filter((c) => !(EXPORT_COLUMNS as readonly string[]).includes(c));
  if (bad.length || cols.length === 0)
    throw new AppError('VALIDATION', `Cột không hợp lệ: ${bad.join(', ')}`, `Unknown columns: ${bad.join(', ')}`, [
      { path: 'columns', message: 'cột không hợp lệ', messageEn: 'unknown column' },
    ]);
  return cols as ExportColumn[];
}

function cell(col: ExportColumn, r: PersonRecord, organizationName: string): string | number | null {
  switch (col) {
    case 'fullName':
      return r.fullName;
    case 'sex':
      return SEXES[r.sex].vi;
    case 'birthDate':
      return formatPartialDate(r.birthDate);
    case 'cccd':
      return r.cccd;
    case 'ethnicity':
      return ETHNICITY_NAMES[r.ethnicity] ?? r.ethnicity;
    case 'religion':
      return RELIGIONS[r.religion].vi;
    case 'organization':
      return organizationName;
    case 'currentTitle':
      return r.currentTitle;
    case 'professionalLevel':
      return PROFESSIONAL_LEVELS[r.professionalLevel].vi;
    case 'theoryLevel':
      return THEORY_LEVELS[r.theoryLevel].vi;
    case 'stateManagement':
      return STATE_MANAGEMENT_LEVELS[r.stateManagement].vi;
    case 'partyAdmissionDate':
      return formatPartialDate(r.partyAdmissionDate);
    case 'civilServiceRank':
      return r.civilServiceRank;
    case 'salaryCoefficient':
      return r.salaryCoefficient;
    case 'homeTown':
      return r.homeTown;
    case 'permanentAddress':
      return r.permanentAddress;
  }
}

/**
 * The search result as an .xlsx sheet with the chosen columns. Every text cell that a spreadsheet would run
 * as a formula (=, +, -, @) is neutralized, and CCCD stays text so leading zeros survive.
 */
export async function exportPersonsXlsx(
  ctx: DbContext,
  actor: Actor,
  q: Omit<PersonListQuery, 'limit' | 'offset'>,
  columns: ExportColumn[],
): Promise<Buffer> {
  if (!holdsAnywhere(actor, 'persons.read'))
    throw new AppError('FORBIDDEN', 'Bạn không có quyền xuất danh sách', 'You may not export lists');
  const f = await searchFilter(ctx.db, actor, q);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CanBo';
  const ws = wb.addWorksheet('Danh sách cán bộ');
  ws.columns = [
    { header: 'STT', key: 'stt', width: 6 },
    ...columns.map((c) => ({
      header: EXPORT_COLUMN_LABELS[c].vi,
      key: c,
      width: c === 'fullName' || c === 'organization' ? 32 : 18,
    })),
  ];
  ws.getRow(1).font = { bold: true };
  let n = 0;
  for await (const row of searchRepo.iterateMatchingRecords(ctx.db, ctx.dialect, f, PERSON_LIMITS.exportMaxRows)) {
    const r = JSON.parse(row.data_json) as PersonRecord;
    const values: Record<string, string | number | null> = { stt: ++n };
    for (const c of columns) {
      const v = cell(c, r, row.organization_name);
      values[c] = typeof v === 'string' ? neutralizeCell(v) : v;
    }
    const added = ws.addRow(values);
    if (columns.includes('cccd')) added.getCell('cccd').numFmt = '@';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
