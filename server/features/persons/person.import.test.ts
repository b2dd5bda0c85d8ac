import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportStatus, Person, SectionImportResult } from '../../../contracts/persons';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { connect } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { type Client, buildTestApp, loginAs } from '../../../test/http';
import { findOrganizationByCode } from '../organizations/organization.repository';
import { buildRecord } from './person.fixtures';
import { cccdFromCell, parseCsv, suggestMapping } from './person.import.rules';

const HEADER = [
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Dân tộc',
  'Số CCCD',
  'Mã đơn vị',
  'Chức vụ hiện tại',
  'Lý luận chính trị',
  'Ngày vào Đảng',
];
/** A structurally valid CCCD for a man born in `year`, unique by n. */
const cccdFor = (year: number, n: number, sex: 'M' | 'F' = 'M') =>
  `008${Math.floor((year - 1900) / 100) * 2 + (sex === 'F' ? 1 : 0)}${String(year % 100).padStart(2, '0')}${String(n).padStart(6, '0')}`;
const csv = (rows: string[][]) =>
  [HEADER, ...rows].map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
const goodRow = (n: number, org = 'TQ.SNV'): string[] => [
  `Lê Văn Nhập ${String.fromCharCode(65 + (n % 26))}`,
  'Nam',
  '12/05/1980',
  'Kinh',
  cccdFor(1980, n),
  org,
  'Chuyên viên',
  'Trung cấp',
  '19/05/2005',
];

describe('CSV reading', () => {
  it('reads quotes, doubled quotes, newlines in cells, semicolons and a BOM', () => {
    expect(parseCsv('\uFEFFa;b\n"x;1";"say ""hi""\nthere"\n')).toEqual([
      ['a', 'b'],
      ['x;1', 'say "hi"\nthere'],
    ]);
  });
  it('maps Vietnamese headers to fields with or without diacritics', () => {
    expect(suggestMapping(['Ho va ten', 'Số CCCD', 'Ngày sinh', 'Dân tộc', 'Mã đơn vị', 'Gioi tinh'])).toMatchObject({
      fullName: 'Ho va ten',
      cccd: 'Số CCCD',
      birthDate: 'Ngày sinh',
      ethnicity: 'Dân tộc',
      organizationCode: 'Mã đơn vị',
      sex: 'Gioi tinh',
    });
  });
});

describe('a CCCD stored by Excel as a number', () => {
  it('gets back the zeros it lost only when the cell is numeric and 10 or 11 digits long', () => {
    expect(cccdFromCell('8080001234', true)).toBe('008080001234'); // province 008: two zeros lost
    expect(cccdFromCell('31080001234', true)).toBe('031080001234'); // province 031: one zero lost
    expect(cccdFromCell('008180001234', true)).toBe('008180001234');
    expect(cccdFromCell('123456789', true)).toBe('123456789'); // 9 digits: an old CMND, not padded
    expect(cccdFromCell('1234567890123', true)).toBe('1234567890123');
    expect(cccdFromCell('31180001234', false)).toBe('31180001234'); // typed as text: taken as typed
    expect(cccdFromCell(' 008180001234 ', false)).toBe('008180001234');
  });
});

describe.each(testDialects())('importing and exporting persons on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: Client;
  let snvId: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    app = await buildTestApp(database);
    officer = await loginAs(app, 'officer.tq');
    snvId = (await findOrganizationByCode(database.db, 'TQ.SNV'))!.id;
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const upload = async (name: string, body: Buffer | string): Promise<ImportStatus> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/person-imports',
      payload: Buffer.isBuffer(body) ? body : Buffer.from(body),
      headers: {
        cookie: officer.cookie,
        'x-csrf-token': officer.csrfToken,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as ImportStatus;
  };
  const runJob = async (job: ImportStatus, dryRun: boolean): Promise<ImportStatus> => {
    const res = await officer.post(`/api/person-imports/${job.id}/run`, { mapping: job.suggestedMapping, dryRun });
    expect(res.statusCode, res.body).toBe(200);
    let status = res.json() as ImportStatus;
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      status = (await officer.get(`/api/person-imports/${job.id}`)).json() as ImportStatus;
    }
    return status;
  };
  const count = async () =>
    Number(
      (
        await database.db
          .selectFrom('persons')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lists every problem of a file full of errors by row and column, and writes nothing', async () => {
    const someone = await officer.post(
      '/api/persons',
      buildRecord({
        organizationId: snvId,
        fullName: 'Phạm Thị Có Sẵn',
        sex: 'F',
        cccd: cccdFor(1985, 1, 'F'),
        birthDate: '1985-01-01',
        partyAdmissionDate: null,
        partyOfficialDate: null,
        recruitmentDate: '2008-01-01',
      }),
    );
    expect(someone.statusCode, someone.body).toBe(201);
    const before = await count();
    const file = csv([
      goodRow(1),
      ['Sai Ngày Sinh', 'Nam', '31/02/1970', 'Kinh', cccdFor(1970, 2), 'TQ.SNV', '', '', ''],
      ['Sai Căn Cước', 'Nam', '01/01/1980', 'Kinh', '00808000123', 'TQ.SNV', '', '', ''],
      ['Sai Dân Tộc', 'Nam', '01/01/1980', 'Người Sao Hỏa', cccdFor(1980, 4), 'TQ.SNV', '', '', ''],
      ['Sai Đơn Vị', 'Nam', '01/01/1980', 'Tày', cccdFor(1980, 5), 'KHONG.CO', '', '', ''],
      ['Trùng Trong Tệp', 'Nam', '01/01/1980', 'Kinh', cccdFor(1980, 1), 'TQ.SNV', '', '', ''],
      ['Trùng Trong CSDL', 'Nam', '01/01/1985', 'Kinh', cccdFor(1985, 1, 'F'), 'TQ.SNV', '', '', ''],
      ['Ngoài Phạm Vi', 'Nam', '01/01/1980', 'Kinh', cccdFor(1980, 8), 'LC.SAPA', '', '', ''],
      ['Vào Đảng Sớm', 'Nam', '01/01/1980', 'Kinh', cccdFor(1980, 9), 'TQ.SNV', '', '', '01/01/1997'],
      ['', 'Nam', '01/01/1980', 'Kinh', cccdFor(1980, 10), 'TQ.SNV', '', '', ''],
    ]);
    const job = await upload('loi.csv', file);
    expect(job.rows).toBe(10);
    const dry = await runJob(job, true);
    const at = (row: number) => dry.problems.filter((p) => p.row === row).map((p) => `${p.column}: ${p.message}`);
    expect(at(2)).toEqual([]);
    expect(at(3).join()).toMatch(/^Ngày sinh: .*31\/02\/1970/);
    expect(at(4).join()).toContain('Số CCCD: số CCCD phải gồm đúng 12 chữ số');
    expect(at(5).join()).toContain('Dân tộc: dân tộc "Người Sao Hỏa" không có trong danh mục 54 dân tộc');
    expect(at(6).join()).toContain('Mã đơn vị: không có đơn vị mã KHONG.CO');
    expect(at(7).join()).toContain('trùng với dòng 2');
    expect(at(8).join()).toContain('Phạm Thị Có Sẵn');
    expect(at(9).join()).toContain('ngoài phạm vi');
    expect(at(10).join()).toContain('Ngày vào Đảng: vào Đảng trước khi đủ 18 tuổi');
    expect(at(11).join()).toContain('Họ và tên: thiếu họ và tên');
    expect(dry.problemCount).toBeGreaterThanOrEqual(9);
    expect(await count()).toBe(before);

    // The real run refuses the whole file: all or nothing.
    const real = await runJob(job, false);
    expect(real.state).toBe('failed');
    expect(real.problemCount).toBe(dry.problemCount);
    expect(await count()).toBe(before);
  });

  it('imports an .xlsx file with progress and is idempotent on re-run (CCCD is the key)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(HEADER);
    for (let i = 100; i < 160; i++) ws.addRow(goodRow(i));
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await count();
    const first = await runJob(await upload('ds.xlsx', data), false);
    expect(first.state, `${first.message} ${JSON.stringify(first.problems.slice(0, 3))}`).toBe('done');
    expect(first.created).toBe(60);
    expect(await count()).toBe(before + 60);

    const again = await runJob(await upload('ds.xlsx', data), false);
    expect(again.state).toBe('done');
    expect(again.created).toBe(0);
    expect(again.updated).toBe(0);
    expect(await count()).toBe(before + 60);

    // One changed row updates that person: a new version, not a duplicate.
    ws.getRow(2).getCell(7).value = 'Phó Trưởng phòng';
    const changed = await runJob(await upload('ds2.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), false);
    expect([changed.created, changed.updated]).toEqual([0, 1]);
    const p = await database.db
      .selectFrom('persons')
      .select(['id', 'version', 'current_title'])
      .where('cccd', '=', cccdFor(1980, 100))
      .executeTakeFirstOrThrow();
    expect(p.version).toBe(2);
    expect(p.current_title).toBe('Phó Trưởng phòng');
  });

  it('reads a CCCD Excel stored as a number with its leading zeros, and names a text CCCD that lost them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(HEADER);
    const numeric = goodRow(700);
    const asNumber = cccdFor(1980, 700); // 008080000700: Excel keeps 8080000700
    ws.addRow([...numeric.slice(0, 4), Number(asNumber), ...numeric.slice(5)]);
    const lost = goodRow(701);
    ws.addRow([...lost.slice(0, 4), cccdFor(1980, 701).slice(2), ...lost.slice(5)]); // text, zeros already gone
    const job = await upload('so.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const dry = await runJob(job, true);
    expect(dry.problems.filter((p) => p.row === 2)).toEqual([]);
    expect(dry.problems.filter((p) => p.row === 3).map((p) => `${p.column}: ${p.message}`)).toEqual([
      expect.stringMatching(/^Số CCCD: CCCD "8080000701" chỉ có 10 chữ số: có thể số 0 ở đầu đã bị mất/),
    ]);
    ws.spliceRows(3, 1);
    const real = await runJob(await upload('so.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), false);
    expect(real.state, real.message ?? '').toBe('done');
    const p = await database.db.selectFrom('persons').select('cccd').where('cccd', '=', asNumber).executeTakeFirst();
    expect(p?.cccd).toBe(asNumber);
  });

  it('imports the table sections from a workbook: dry run naming sheet, row and column, all or nothing, idempotent', async () => {
    const cccd = cccdFor(1980, 900);
    const created = await officer.post(
      '/api/persons',
      buildRecord({
        organizationId: snvId,
        fullName: 'Vi Văn Bảng',
        cccd,
        birthDate: '1980-05-12',
        recruitmentDate: '2003-01-01',
        partyAdmissionDate: null,
        partyOfficialDate: null,
        workHistory: [],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const person = created.json() as Person;
    const send = async (wb: ExcelJS.Workbook, dryRun: boolean, client: Client = officer) => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/person-imports/sections?dryRun=${dryRun}`,
        payload: Buffer.from(await wb.xlsx.writeBuffer()),
        headers: {
          cookie: client.cookie,
          'x-csrf-token': client.csrfToken,
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent('cac-bang.xlsx'),
        },
      });
      return { status: res.statusCode, body: res.json() as SectionImportResult };
    };
    const version = async () =>
      (await database.db.selectFrom('persons').select('version').where('id', '=', person.id).executeTakeFirstOrThrow()).version;
    const book = (bad: boolean) => {
      const wb = new ExcelJS.Workbook();
      const work = wb.addWorksheet('Qua trinh cong tac'); // the sheet name without diacritics is recognised too
      work.addRow(['Số CCCD', 'Từ', 'Đến', 'Chức danh, chức vụ', 'Cơ quan, đơn vị']);
      work.addRow([Number(cccd), '01/2003', '12/2010', 'Chuyên viên', 'Sở Nội vụ']); // CCCD stored as a number
      work.addRow([cccd, '01/2011', bad ? '31/02/2015' : '', 'Phó Trưởng phòng', 'Sở Nội vụ']);
      if (bad) {
        work.addRow([cccdFor(1980, 901), '2012', '', 'Chuyên viên', 'Sở Tài chính']);
        work.addRow([cccd, '1979', '1980', 'Học sinh', 'Trường làng']);
      }
      const family = wb.addWorksheet('Quan hệ gia đình');
      family.addRow(['Số CCCD', 'Bên', 'Quan hệ', 'Họ và tên', 'Năm sinh', 'Nghề nghiệp, nơi làm việc']);
      family.addRow([cccd, 'Bản thân', bad ? 'Chú họ' : 'Bố', 'Vi Văn Cha', 1950, 'Làm ruộng']);
      const salary = wb.addWorksheet('Diễn biến lương');
      salary.addRow(['Số CCCD', 'Từ', 'Mã ngạch', 'Ngạch', 'Bậc', 'Hệ số']);
      salary.addRow([cccd, '01/2003', '01.003', 'Chuyên viên', bad ? 'hai' : 2, '2,67']);
      const training = wb.addWorksheet('Đào tạo, bồi dưỡng');
      training.addRow(['Số CCCD', 'Tên trường', 'Chuyên ngành', 'Từ', 'Đến', 'Hình thức', 'Văn bằng, chứng chỉ']);
      training.addRow([cccd, bad ? '' : 'Đại học Luật Hà Nội', 'Luật', '1998', '2002', 'Chính quy', 'Cử nhân']);
      return wb;
    };

    const dry = await send(book(true), true);
    expect(dry.status).toBe(200);
    expect(dry.body.sheets.map((x) => x.section).sort()).toEqual(['family', 'salaryHistory', 'training', 'workHistory']);
    const at = (sheet: string, row: number) =>
      dry.body.problems.filter((p) => p.sheet === sheet && p.row === row).map((p) => `${p.column}: ${p.message}`);
    expect(at('Qua trinh cong tac', 3).join()).toMatch(/^Đến: ngày "31\/02\/2015" không tồn tại/);
    expect(at('Qua trinh cong tac', 4).join()).toContain(
      `không có hồ sơ nào có CCCD ${cccdFor(1980, 901)} trong phạm vi của bạn`,
    );
    expect(at('Quan hệ gia đình', 2).join()).toMatch(/^Quan hệ: "Chú họ" không có trong danh mục/);
    expect(at('Diễn biến lương', 2).join()).toBe('Bậc: "hai" không phải số nguyên');
    expect(at('Đào tạo, bồi dưỡng', 2).join()).toBe('Tên trường: thiếu tên trường');
    expect(await version()).toBe(person.version);
    // The real run of the faulty file writes nothing and lists the same problems.
    const refused = await send(book(true), false);
    expect(refused.status).toBe(200);
    expect([refused.body.dryRun, refused.body.updated, refused.body.problemCount]).toEqual([false, 0, dry.body.problemCount]);
    expect(await version()).toBe(person.version);

    // A row the record rules refuse (work before the birth date) is named by its row and column.
    const early = book(false);
    early.getWorksheet('Qua trinh cong tac')!.addRow([cccd, '1979', '1980', 'Học sinh', 'Trường làng']);
    const earlyDry = await send(early, true);
    expect(earlyDry.body.problems.map((p) => `${p.sheet} ${p.row} ${p.column}: ${p.message}`)).toEqual([
      'Qua trinh cong tac 4 Từ: bắt đầu trước ngày sinh',
    ]);

    const good = await send(book(false), false);
    expect(good.status, JSON.stringify(good.body.problems)).toBe(200);
    expect([good.body.updated, good.body.unchanged, good.body.problemCount]).toEqual([1, 0, 0]);
    const after = (await officer.get(`/api/persons/${person.id}`)).json() as Person;
    expect(after.version).toBe(person.version + 1);
    expect(after.record.workHistory.map((w) => [w.from, w.to, w.titleName])).toEqual([
      ['2003-01', '2010-12', 'Chuyên viên'],
      ['2011-01', null, 'Phó Trưởng phòng'],
    ]);
    expect(after.record.family[0]).toMatchObject({ side: 'own', relation: 'father', fullName: 'Vi Văn Cha', birthYear: 1950 });
    expect(after.record.salaryHistory[0]).toMatchObject({ grade: 2, coefficient: 2.67, rankCode: '01.003' });
    expect(after.record.training[0]).toMatchObject({ school: 'Đại học Luật Hà Nội', form: 'chinh_quy', from: '1998' });
    // Re-running the same file changes nothing: no new version.
    const again = await send(book(false), false);
    expect([again.body.updated, again.body.unchanged]).toEqual([0, 1]);
    expect(await version()).toBe(person.version + 1);
    // Someone else's province: the CCCD is not found in his scope, and nothing leaks.
    const lc = await loginAs(app, 'officer.lc');
    const foreign = await send(book(false), true, lc);
    expect(foreign.body.persons).toBe(0);
    expect(foreign.body.problems.every((p) => p.message.includes('trong phạm vi của bạn'))).toBe(true);
    // The template has one sheet per section, headed by the CCCD column.
    const template = await officer.get('/api/person-imports/sections/template.xlsx');
    const tb = new ExcelJS.Workbook();
    await tb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(tb.worksheets.map((w) => w.name)).toEqual([
      'Quá trình công tác',
      'Đào tạo, bồi dưỡng',
      'Quan hệ gia đình',
      'Diễn biến lương',
    ]);
    expect(tb.worksheets[0]!.getRow(1).getCell(1).value).toBe('Số CCCD');
  });

  it('exports the search result to .xlsx with formula cells neutralized and CCCD as text', async () => {
    const res = await officer.post(
      '/api/persons',
      buildRecord({
        organizationId: snvId,
        fullName: 'Đỗ Văn Công Thức',
        cccd: cccdFor(1975, 77),
        currentTitle: '=HYPERLINK("http://x","y")',
        homeTown: '@SUM(A1)',
        birthPlace: '+84 xã',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const x = await officer.get(
      `/api/persons/export.xlsx?q=${encodeURIComponent('cong thuc')}&columns=fullName,cccd,currentTitle,homeTown`,
    );
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'STT', 'Họ và tên', 'Số CCCD', 'Chức vụ', 'Quê quán']);
    const row = ws.getRow(2);
    expect(row.getCell(2).value).toBe('Đỗ Văn Công Thức');
    expect(row.getCell(3).value).toBe(cccdFor(1975, 77));
    expect(row.getCell(4).value).toBe(`'=HYPERLINK("http://x","y")`);
    expect(row.getCell(5).value).toBe(`'@SUM(A1)`);
    expect(row.getCell(4).type).not.toBe(ExcelJS.ValueType.Formula);
    // Nothing outside the scope leaks into an export.
    const lc = await loginAs(app, 'officer.lc');
    const other = await lc.get(`/api/persons/export.xlsx?q=${encodeURIComponent('cong thuc')}`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(other.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.rowCount).toBe(1);
  });

  it('prints the 2C form as a .docx that LibreOffice opens, with the person data, and as PDF', async () => {
    const created = (
      await officer.post(
        '/api/persons',
        buildRecord({
          organizationId: snvId,
          fullName: 'Ma Thị Lý Lịch',
          sex: 'F',
          cccd: cccdFor(1982, 55, 'F'),
          birthDate: '1982-07-09',
          recruitmentDate: '2005-01-01',
          partyAdmissionDate: '2006-03-03',
          partyOfficialDate: '2007-03-03',
          ethnicity: '02',
          family: [
            { side: 'own', relation: 'father', fullName: 'Ma Văn Cha', birthYear: 1955, occupation: 'Làm ruộng', notes: null },
          ],
        }),
      )
    ).json() as Person;
    const docx = await officer.get(`/api/persons/${created.id}/cv.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await officer.get(`/api/persons/${created.id}/cv.pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf.rawPayload);
    for (const s of [
      'SƠ YẾU LÝ LỊCH',
      'MA THỊ LÝ LỊCH',
      cccdFor(1982, 55, 'F'),
      'ngày 09 tháng 07 năm 1982',
      'Tày',
      'Ma Văn Cha',
      '03/03/2006',
      'Sở Nội vụ tỉnh Tuyên Quang',
    ])
      expect(text).toContain(s);
    // A batch of two as a zip.
    const zip = await officer.post('/api/persons/print', { ids: [created.id, created.id], format: 'docx' });
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
  }, 120_000);
});

async function pdfText(pdf: Buffer): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-pdf-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.pdf'), pdf);
    await new Promise<void>((resolve, reject) => {
      const p = spawn('pdftotext', [path.join(dir, 'a.pdf'), path.join(dir, 'a.txt')]);
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pdftotext ${code}`))));
    });
    return fs.readFileSync(path.join(dir, 'a.txt'), 'utf8').replace(/\s+/g, ' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the import command line', () => {
  it('writes nothing when the process is killed in the middle of an import', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-kill-'));
    const dbFile = path.join(dir, 'canbo.db');
    const ctx = connect({ dialect: 'sqlite', file: dbFile });
    try {
      await migrateToLatest(ctx.db);
      await loadFoundationDemo(ctx.db);
      const rows = Array.from({ length: 40_000 }, (_, i) => goodRow(i + 1000));
      fs.writeFileSync(path.join(dir, 'big.csv'), csv(rows));
      const child = spawn(process.execPath, ['bin/canbo.mjs', 'import', 'persons', path.join(dir, 'big.csv')], {
        env: { ...process.env, CANBO_DATABASE_URL: dbFile },
      });
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          // Killed after the first progress line: rows are being written inside the transaction.
          if (/Đang nhập \/ importing: \d+\/40000/.test(out)) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.on('exit', () => resolve());
        setTimeout(() => reject(new Error(`no progress line: ${out}`)), 90_000);
      });
      expect(out).toMatch(/dòng\/s \/ rows\/s, còn \/ ETA \d+ s/);
      await new Promise((r) => setTimeout(r, 200));
      const n = await ctx.db
        .selectFrom('persons')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(0);
    } finally {
      await ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
