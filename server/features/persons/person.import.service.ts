import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { ImportMapping, ImportProblem, ImportStatus, PersonRecord, SectionImportResult } from '../../../contracts/persons';
import { SECTION_CCCD_COLUMN, SECTION_KEYS, SECTION_SHEETS } from '../../../contracts/persons';
import { IMPORT_REQUIRED } from '../../../contracts/persons';
import type { Db, Trx } from '../../db/database';
import { AppError, notFound } from '../../http/errors';
import { newId, nowIso } from '../../lib/ids';
import { foldVietnamese } from '../../lib/text';
import { type Actor, mayActOn, scopePaths } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import { writeRecords } from './person.bulk';
import { type ImportContext, type ImportedRow, cccdFromCell, importRow, parseCsv, suggestMapping } from './person.import.rules';
import { recordPolicy } from './person.policy';
import * as repo from './person.repository';
import * as lookupsRepo from './person.lookups.repository';
import { diffRecords } from './person.rules';
import { type SheetTable, checkSectionSheets } from './person.sections.rules';

export interface ParsedFile {
  headers: string[];
  /** data rows keyed by header, with their 1-based row number in the sheet and the headers of numeric cells */
  rows: { row: number; cells: Record<string, string>; numeric?: ReadonlySet<string> }[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

/** The cells of one worksheet as text rows (sheet row n at index n-1), with the columns of numeric cells per row. */
function readWorksheet(ws: ExcelJS.Worksheet): { table: string[][]; numericColumns: number[][] } {
  const table: string[][] = [];
  const numericColumns: number[][] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    const values: string[] = [];
    const numbers: number[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = r.getCell(c).value;
      if (typeof v === 'number') numbers.push(c - 1);
      values.push(cellText(v).trim());
    }
    table[n - 1] = values;
    if (numbers.length) numericColumns[n - 1] = numbers;
  });
  return { table, numericColumns };
}

/** First non-empty row the headers, then one data row per non-empty line (1-based sheet row numbers kept). */
function toParsed(table: string[][], numericColumns: number[][]): ParsedFile | null {
  const headerRow = table.findIndex((r) => r && r.some((c) => c.trim() !== ''));
  if (headerRow < 0) return null;
  const headers = table[headerRow]!.map((h, i) => h.trim() || `Cột ${i + 1}`);
  const rows: ParsedFile['rows'] = [];
  for (let i = headerRow + 1; i < table.length; i++) {
    const r = table[i];
    if (!r || r.every((c) => c.trim() === '')) continue;
    const numbers = numericColumns[i];
    rows.push({
      row: i + 1,
      cells: Object.fromEntries(headers.map((h, j) => [h, r[j] ?? ''])),
      ...(numbers ? { numeric: new Set(numbers.map((j) => headers[j]!)) } : {}),
    });
  }
  return { headers, rows };
}

async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', 'Không đọc được tệp Excel (.xlsx)', 'Cannot read the Excel (.xlsx) file');
  }
  return wb;
}

/** Reads the first sheet of an .xlsx file or a CSV file: first row the headers, then one person per row. */
export async function parseImportFile(fileName: string, data: Buffer): Promise<ParsedFile> {
  let parsed: ParsedFile | null;
  if (/\.xlsx$/i.test(fileName) || data.subarray(0, 2).toString('latin1') === 'PK') {
    const ws = (await loadWorkbook(data)).worksheets[0];
    const { table, numericColumns } = ws ? readWorksheet(ws) : { table: [], numericColumns: [] };
    parsed = toParsed(table, numericColumns);
  } else {
    parsed = toParsed(parseCsv(data.toString('utf8')), []);
  }
  if (!parsed) throw new AppError('VALIDATION', 'Tệp không có dữ liệu', 'The file is empty');
  return parsed;
}

/** Every sheet of an .xlsx workbook (the table sections: one sheet per section). */
export async function parseWorkbookSheets(data: Buffer): Promise<SheetTable[]> {
  if (data.subarray(0, 2).toString('latin1') !== 'PK')
    throw new AppError(
      'VALIDATION',
      'Các bảng chỉ nhập được từ tệp Excel (.xlsx)',
      'The table sections are imported from .xlsx only',
    );
  const out: SheetTable[] = [];
  for (const ws of (await loadWorkbook(data)).worksheets) {
    const { table, numericColumns } = readWorksheet(ws);
    const parsed = toParsed(table, numericColumns);
    if (parsed) out.push({ name: ws.name, ...parsed });
  }
  return out;
}

export interface ImportOutcome {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
  problemCount: number;
}

const MAX_LISTED_PROBLEMS = 2000;

async function buildContext(db: Db | Trx, actor: Actor | null, file: ParsedFile, mapping: ImportMapping): Promise<ImportContext> {
  const codes = [...new Set(file.rows.map((r) => (r.cells[mapping.organizationCode ?? ''] ?? '').trim()).filter(Boolean))];
  const orgs = await lookupsRepo.organizationsByCodes(db, codes);
  const organizations = new Map<string, { id: string }>();
  const foreign = new Set<string>();
  for (const [code, o] of orgs) {
    if (actor === null || mayActOn(actor, 'persons.write', o.path)) organizations.set(code, o);
    else foreign.add(code);
  }
  const cccdColumn = mapping.cccd ?? '';
  const cccds = [
    ...new Set(
      file.rows
        .map((r) => cccdFromCell(r.cells[cccdColumn] ?? '', r.numeric?.has(cccdColumn) ?? false))
        .filter((c) => /^\d{12}$/.test(c)),
    ),
  ];
  const found = await repo.findPersonsByCccds(db, cccds);
  const existing = new Map(
    [...found].map(([c, p]) => [c, { ...p, inScope: actor === null || mayActOn(actor, 'persons.write', p.path) }]),
  );
  return { policy: recordPolicy(), today: new Date(), organizations, foreignOrganizations: foreign, existing };
}

function checkMapping(mapping: ImportMapping, headers: readonly string[]): void {
  const missing = IMPORT_REQUIRED.filter((f) => !mapping[f] || !headers.includes(mapping[f]!));
  if (missing.length)
    throw new AppError(
      'VALIDATION',
      `Chưa chọn cột cho: ${missing.join(', ')}`,
      `No column chosen for: ${missing.join(', ')}`,
      missing.map((f) => ({ path: `mapping.${f}`, message: 'chưa chọn cột', messageEn: 'no column chosen' })),
    );
}

function validateAll(
  file: ParsedFile,
  mapping: ImportMapping,
  ctx: ImportContext,
): { ok: ImportedRow[]; problems: ImportProblem[]; problemCount: number } {
  const seen = new Map<string, number>();
  const ok: ImportedRow[] = [];
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  for (const { row, cells, numeric } of file.rows) {
    const r = importRow(row, cells, mapping, ctx, seen, numeric);
    if (r.value) ok.push(r.value);
    problemCount += r.problems.length;
    for (const p of r.problems) if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p);
  }
  return { ok, problems, problemCount };
}

/**
 * Imports persons from a parsed file. A dry run only reports; a real run validates again inside one
 * transaction and writes everything or nothing (CCCD is the natural key: a known person gets a new version).
 */
export async function importPersons(
  db: Db,
  actor: Actor | null,
  file: ParsedFile,
  mapping: ImportMapping,
  opts: { dryRun: boolean; fileName: string; fileHash?: string; onProgress?: (done: number, total: number) => void },
): Promise<ImportOutcome> {
  checkMapping(mapping, file.headers);
  if (actor && scopePaths(actor, 'persons.write').length === 0)
    throw new AppError('FORBIDDEN', 'Bạn không có quyền nhập hồ sơ', 'You may not import records');
  if (opts.dryRun) {
    const v = validateAll(file, mapping, await buildContext(db, actor, file, mapping));
    const updates = v.ok.filter((r) => r.existing).length;
    return {
      rows: file.rows.length,
      created: v.ok.length - updates,
      updated: updates,
      unchanged: 0,
      problems: v.problems,
      problemCount: v.problemCount,
    };
  }
  return db.transaction().execute(async (trx) => {
    const v = validateAll(file, mapping, await buildContext(trx, actor, file, mapping));
    if (v.problemCount > 0) {
      const e = new AppError(
        'VALIDATION',
        `Tệp còn ${v.problemCount} lỗi: chưa ghi gì vào cơ sở dữ liệu`,
        `The file has ${v.problemCount} problems: nothing was written`,
      );
      (e as AppError & { outcome?: ImportOutcome }).outcome = {
        rows: file.rows.length,
        created: 0,
        updated: 0,
        unchanged: 0,
        problems: v.problems,
        problemCount: v.problemCount,
      };
      throw e;
    }
    const at = nowIso();
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const CHUNK = 2000;
    for (let i = 0; i < v.ok.length; i += CHUNK) {
      const part = v.ok.slice(i, i + CHUNK);
      const w = await writeRecords(trx, part, {
        by: actor?.userId ?? null,
        source: 'import',
        at,
        reason: `Nhập từ tệp ${opts.fileName}`,
      });
      created += w.created;
      updated += w.updated;
      unchanged += w.unchanged;
      opts.onProgress?.(Math.min(i + CHUNK, v.ok.length), v.ok.length);
    }
    const root = actor ? (actor.grants.find((g) => mayActOn(actor, 'persons.write', g.path))?.organizationId ?? null) : null;
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'person.import',
      entity: 'person',
      entityId: newId(),
      organizationId: root,
      after: { fileName: opts.fileName, sha256: opts.fileHash ?? null, rows: file.rows.length, created, updated, unchanged },
    });
    return { rows: file.rows.length, created, updated, unchanged, problems: [], problemCount: 0 };
  });
}

// Import jobs of the web page: upload → mapping → dry run → real run with progress, polled by the page.

interface Job {
  status: ImportStatus;
  actorId: string;
  file: ParsedFile;
  hash: string;
  startedAt: number | null;
  expires: number;
}
const jobs = new Map<string, Job>();
const JOB_TTL_MS = 60 * 60 * 1000;

function sweep(): void {
  const now = Date.now();
  for (const [id, j] of jobs) if (j.expires < now && j.status.state !== 'running') jobs.delete(id);
}

export async function startImportJob(actor: Actor, fileName: string, data: Buffer): Promise<ImportStatus> {
  sweep();
  if (scopePaths(actor, 'persons.write').length === 0)
    throw new AppError('FORBIDDEN', 'Bạn không có quyền nhập hồ sơ', 'You may not import records');
  const file = await parseImportFile(fileName, data);
  const id = newId();
  const status: ImportStatus = {
    id,
    state: 'analysed',
    fileName,
    headers: file.headers,
    suggestedMapping: suggestMapping(file.headers),
    mapping: null,
    rows: file.rows.length,
    processed: 0,
    created: 0,
    updated: 0,
    rowsPerSecond: null,
    etaSeconds: null,
    problems: [],
    problemCount: 0,
    message: null,
  };
  jobs.set(id, {
    status,
    actorId: actor.userId,
    file,
    hash: createHash('sha256').update(data).digest('hex'),
    startedAt: null,
    expires: Date.now() + JOB_TTL_MS,
  });
  return status;
}

function jobOf(actor: Actor, id: string): Job {
  const job = jobs.get(id);
  if (!job || job.actorId !== actor.userId) throw notFound('lượt nhập', 'Import');
  return job;
}

export function importJobStatus(actor: Actor, id: string): ImportStatus {
  return jobOf(actor, id).status;
}

export async function runImportJob(
  db: Db,
  actor: Actor,
  id: string,
  mapping: ImportMapping,
  dryRun: boolean,
): Promise<ImportStatus> {
  const job = jobOf(actor, id);
  if (job.status.state === 'running' || job.status.state === 'done')
    throw new AppError('CONFLICT', 'Lượt nhập này đang chạy hoặc đã xong', 'This import is running or finished');
  job.status = { ...job.status, mapping, problems: [], problemCount: 0, message: null };
  if (dryRun) {
    const out = await importPersons(db, actor, job.file, mapping, { dryRun: true, fileName: job.status.fileName });
    job.status = {
      ...job.status,
      state: 'analysed',
      created: out.created,
      updated: out.updated,
      problems: out.problems,
      problemCount: out.problemCount,
    };
    return job.status;
  }
  job.status = { ...job.status, state: 'running', processed: 0 };
  job.startedAt = Date.now();
  const onProgress = (done: number, total: number) => {
    const seconds = (Date.now() - job.startedAt!) / 1000;
    const rate = seconds > 0 ? done / seconds : null;
    job.status = {
      ...job.status,
      processed: done,
      rowsPerSecond: rate && Math.round(rate),
      etaSeconds: rate ? Math.round((total - done) / rate) : null,
    };
  };
  importPersons(db, actor, job.file, mapping, {
    dryRun: false,
    fileName: job.status.fileName,
    fileHash: job.hash,
    onProgress,
  }).then(
    (out) => {
      job.status = {
        ...job.status,
        state: 'done',
        processed: out.rows,
        created: out.created,
        updated: out.updated,
        etaSeconds: 0,
      };
    },
    (err: unknown) => {
      const outcome = (err as { outcome?: ImportOutcome }).outcome;
      job.status = {
        ...job.status,
        state: 'failed',
        processed: 0,
        problems: outcome?.problems ?? [],
        problemCount: outcome?.problemCount ?? 0,
        message: err instanceof Error ? err.message : String(err),
      };
    },
  );
  return job.status;
}

// The table sections (work history, training, family, salary) from a workbook: dry run, then all or nothing.

async function sectionContext(db: Db | Trx, actor: Actor | null, tables: readonly SheetTable[]) {
  const cccds = new Set<string>();
  for (const t of tables) {
    const h = t.headers.find((x) => /^(so)?(cccd|cancuoccongdan|dinhdanh)$/.test(foldVietnamese(x).replace(/[^a-z0-9]/g, '')));
    if (!h) continue;
    for (const r of t.rows) cccds.add(cccdFromCell(r.cells[h] ?? '', r.numeric?.has(h) ?? false));
  }
  const found = await repo.findPersonsByCccds(
    db,
    [...cccds].filter((c) => /^\d{12}$/.test(c)),
  );
  const existing = new Map(
    [...found].map(([c, p]) => [c, { ...p, inScope: actor === null || mayActOn(actor, 'persons.write', p.path) }]),
  );
  const codes = new Set<string>();
  const codeColumn = (h: string) =>
    ['madonvi', 'unitcode', 'organizationcode'].includes(foldVietnamese(h).replace(/[^a-z0-9]/g, ''));
  for (const t of tables)
    for (const h of t.headers.filter(codeColumn)) for (const r of t.rows) codes.add((r.cells[h] ?? '').trim());
  const orgs = await lookupsRepo.organizationsByCodes(db, [...codes].filter(Boolean));
  const organizationsByCode = new Map([...orgs].map(([code, o]) => [code, o.id]));
  return {
    policy: recordPolicy(),
    today: new Date(),
    existing,
    organizationsByCode,
    titleCodes: await lookupsRepo.allTitleCodes(db),
  };
}

export async function importSections(
  db: Db,
  actor: Actor | null,
  fileName: string,
  data: Buffer,
  dryRun: boolean,
): Promise<SectionImportResult> {
  if (actor && scopePaths(actor, 'persons.write').length === 0)
    throw new AppError('FORBIDDEN', 'Bạn không có quyền nhập hồ sơ', 'You may not import records');
  const tables = await parseWorkbookSheets(data);
  const summary = (o: ReturnType<typeof checkSectionSheets>, updated: number, unchanged: number): SectionImportResult => ({
    dryRun,
    sheets: o.sheets,
    persons: o.updates.length,
    updated,
    unchanged,
    problems: o.problems.slice(0, MAX_LISTED_PROBLEMS),
    problemCount: o.problems.length,
  });
  if (dryRun) {
    const o = checkSectionSheets(tables, await sectionContext(db, actor, tables));
    const changed = o.updates.filter(
      (u) => diffRecords(JSON.parse(u.existing.data_json) as PersonRecord, u.record).length > 0,
    ).length;
    return summary(o, changed, o.updates.length - changed);
  }
  return db.transaction().execute(async (trx) => {
    const o = checkSectionSheets(tables, await sectionContext(trx, actor, tables));
    if (o.problems.length > 0) {
      const e = new AppError(
        'VALIDATION',
        `Tệp còn ${o.problems.length} lỗi: chưa ghi gì vào cơ sở dữ liệu`,
        `The file has ${o.problems.length} problems: nothing was written`,
      );
      (e as AppError & { outcome?: SectionImportResult }).outcome = summary(o, 0, 0);
      throw e;
    }
    const w = await writeRecords(trx, o.updates, {
      by: actor?.userId ?? null,
      source: 'import',
      at: nowIso(),
      reason: `Nhập các bảng từ tệp ${fileName}`,
    });
    const root = actor ? (actor.grants.find((g) => mayActOn(actor, 'persons.write', g.path))?.organizationId ?? null) : null;
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'person.import.sections',
      entity: 'person',
      entityId: newId(),
      organizationId: root,
      after: {
        fileName,
        sha256: createHash('sha256').update(data).digest('hex'),
        sheets: o.sheets,
        updated: w.updated,
        unchanged: w.unchanged,
      },
    });
    return summary(o, w.updated, w.unchanged);
  });
}

/** An empty workbook with one sheet per table section and its headers (the CCCD column first, as text). */
export async function sectionsTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const section of SECTION_KEYS) {
    const def = SECTION_SHEETS[section];
    const ws = wb.addWorksheet(def.sheet.vi);
    ws.addRow([SECTION_CCCD_COLUMN.vi, ...def.columns.map((c) => c.label.vi)]).font = { bold: true };
    ws.getColumn(1).numFmt = '@'; // text: the leading zero of a CCCD stays
    ws.getColumn(1).width = 16;
    def.columns.forEach((c, i) => (ws.getColumn(i + 2).width = c.type === 'text' ? 32 : 14));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
