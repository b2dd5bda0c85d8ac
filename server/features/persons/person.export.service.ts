import type { Readable } from 'node:stream';
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
import { streamXlsx } from '../../lib/stream-export';
import { type Actor, holdsAnywhere } from '../access/access.rules';
import * as searchRepo from './person.search.repository';
import { formatPartialDate } from './person.rules';
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
 * The search result as an .xlsx sheet with the chosen columns, streamed: the matches are read in keyset pages and
 * each page is written to the zip before the next is read (server/lib/stream-export.ts), so a 100,000-row export
 * never holds its rows or its file in memory. Every text cell that a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR) is neutralized; CCCD is written as text so leading zeros survive.
 * The access check and the filter are resolved before the first byte, so a refusal is a proper error answer.
 */
export async function exportPersonsXlsx(
  ctx: DbContext,
  actor: Actor,
  q: Omit<PersonListQuery, 'limit' | 'offset'>,
  columns: ExportColumn[],
  opts: { pageSize?: number; onPage?: (rows: number) => void } = {},
): Promise<Readable> {
  if (!holdsAnywhere(actor, 'persons.read'))
    throw new AppError('FORBIDDEN', 'Bạn không có quyền xuất danh sách', 'You may not export lists');
  const f = await searchFilter(ctx.db, actor, q);
  const matches = searchRepo.iterateMatchingPages(ctx.db, ctx.dialect, f, PERSON_LIMITS.exportMaxRows, opts.pageSize);
  async function* pages() {
    let n = 0;
    for await (const page of matches) {
      opts.onPage?.(page.length);
      yield page.map((row) => {
        const r = JSON.parse(row.data_json) as PersonRecord;
        return [
          ++n,
          // Text a spreadsheet would run as a formula is neutralized by streamXlsx (server/lib/xlsx-cells.ts).
          ...columns.map((c) => cell(c, r, row.organization_name)),
        ];
      });
    }
  }
  return streamXlsx(
    [
      {
        name: 'Danh sách cán bộ',
        columns: [
          { header: 'STT', width: 6 },
          ...columns.map((c) => ({
            header: EXPORT_COLUMN_LABELS[c].vi,
            width: c === 'fullName' || c === 'organization' ? 32 : 18,
          })),
        ],
        pages: pages(),
      },
    ],
    'CanBo',
  );
}
