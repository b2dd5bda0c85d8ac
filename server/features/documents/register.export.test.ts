import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterDocument } from '../../../contracts/documents';
import type { ProgrammeItem, ProgrammeItemDetail } from '../../../contracts/programme';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { loadProgrammeDemo } from '../../../scripts/demo/programme.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { type Client, buildTestApp, loginAs } from '../../../test/http';
import { foldVietnamese } from '../../lib/text';

const today = new Date().toISOString().slice(0, 10);

async function readBook(payload: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  return book.worksheets[0]!;
}

/** The numbers in column A below the header (row 3), in order. */
function numbersOf(sheet: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 3) out.push(String(row.getCell(1).value));
  });
  return out;
}

describe.each(testDialects())('register export on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officerTq: Client;
  let officerLc: Client;
  const org = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await loadProgrammeDemo(database.db, today);
    app = await buildTestApp(database);
    officerTq = await loginAs(app, 'officer.tq');
    officerLc = await loginAs(app, 'officer.lc');
    for (const o of await database.db.selectFrom('organizations').select(['id', 'code']).execute()) org.set(o.code, o.id);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('holds exactly the entries the list shows the same reader, in date order, dates as dd/mm/yyyy', async () => {
    for (const [client, query] of [
      [officerTq, ''],
      [officerTq, 'year=2022'],
      [officerLc, ''],
      [officerTq, `q=${encodeURIComponent('hướng dẫn')}`],
    ] as const) {
      const list = (await client.get(`/api/documents?limit=200&${query}`)).json() as { items: RegisterDocument[]; total: number };
      const res = await client.get(`/api/documents/register.xlsx?${query}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const sheet = await readBook(res.rawPayload);
      expect(sheet.getCell('A1').value).toBe('Sổ văn bản');
      expect(sheet.getRow(3).getCell(1).value).toBe('Số, ký hiệu');
      const numbers = numbersOf(sheet);
      expect(numbers.length).toBe(list.total);
      expect(new Set(numbers)).toEqual(new Set(list.items.map((d) => d.number)));
      const dated = list.items.filter((d) => d.issuedOn).sort((a, b) => a.issuedOn!.localeCompare(b.issuedOn!));
      if (dated.length) {
        const first = dated[0]!;
        const row = sheet.getRow(4);
        expect(row.getCell(4).value).toBe(first.issuedOn!.split('-').reverse().join('/'));
      }
    }
  });

  it('never shows another province’s internal entries, and answers 404 for a unit outside the scope', async () => {
    const lcInternal = await database.db
      .selectFrom('documents as d')
      .innerJoin('organizations as o', 'o.id', 'd.organization_id')
      .select('d.number')
      .where('d.visibility', '=', 'internal')
      .where('o.code', 'like', 'LC%')
      .execute();
    const numbers = numbersOf(await readBook((await officerTq.get('/api/documents/register.xlsx')).rawPayload));
    for (const d of lcInternal) expect(numbers).not.toContain(d.number);
    const outside = await officerTq.get(`/api/documents/register.xlsx?organizationId=${org.get('LC')}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy đơn vị' } });
  });

  it('exports the work programme the list shows, in due-date order, with outcome numbers and dd/mm/yyyy dates', async () => {
    const list = (await officerTq.get('/api/programme/items?limit=200')).json() as { items: ProgrammeItem[]; total: number };
    expect(list.total).toBeGreaterThan(0);
    const res = await officerTq.get('/api/programme/items.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('chuong-trinh-cong-tac.xlsx');
    const sheet = await readBook(res.rawPayload);
    expect(sheet.getRow(3).getCell(3).value).toBe('Tên đề án, nhiệm vụ');
    const codes = numbersOf(sheet);
    expect(codes.length).toBe(list.total);
    expect(new Set(codes)).toEqual(new Set(list.items.map((i) => i.code)));
    const first = [...list.items].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id))[0]!;
    expect(sheet.getRow(4).getCell(1).value).toBe(first.code);
    expect(sheet.getRow(4).getCell(8).value).toBe(first.dueOn.split('-').reverse().join('/'));
    const completed = list.items.find((i) => i.status === 'completed');
    if (completed) {
      const detail = (await officerTq.get(`/api/programme/items/${completed.id}`)).json() as ProgrammeItemDetail;
      let cells: unknown[] = [];
      sheet.eachRow((r) => {
        if (r.getCell(1).value === completed.code) cells = [r.getCell(9).value, r.getCell(13).value];
      });
      expect(cells[0]).toBe('Hoàn thành');
      for (const o of detail.outcomes) expect(String(cells[1])).toContain(o.number);
    }
    const outside = await officerTq.get(`/api/programme/items.xlsx?organizationId=${org.get('LC')}`);
    expect(outside.statusCode).toBe(404);
  });
});

const LARGE = 20_000;

describe.each(testDialects().filter((d) => d === 'sqlite'))('a large register exported on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let baseUrl: string;
  let officerTq: Client;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    const orgs = new Map(
      (await database.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]),
    );
    const rows = Array.from({ length: LARGE + 50 }, (_, i) => {
      const outside = i >= LARGE;
      const title = `Quyết định số ${i + 1} về công tác cán bộ`;
      const day = String((i % 28) + 1).padStart(2, '0');
      const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
      const number = `${i + 1}-QĐ/TU`;
      return {
        id: `doc${String(i).padStart(8, '0')}`,
        organization_id: orgs.get(outside ? 'LC' : 'TQ')!,
        type: 'quyet_dinh' as const,
        number,
        number_key: number,
        issuing_body: 'ban_thuong_vu_tinh_uy' as const,
        issued_on: `2025-${month}-${day}`,
        date_confirmed: 1,
        signer: null,
        title,
        title_folded: foldVietnamese(title),
        summary: null,
        summary_folded: null,
        aliases_folded: null,
        effective_from: null,
        effective_to: null,
        participation: 'issued' as const,
        visibility: 'internal' as const,
        programme_item_id: null,
        created_at: '2025-01-01T00:00:00.000Z',
      };
    });
    for (let i = 0; i < rows.length; i += 500)
      await database.db
        .insertInto('documents')
        .values(rows.slice(i, i + 500))
        .execute();
    app = await buildTestApp(database);
    officerTq = await loginAs(app, 'officer.tq');
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it(`streams ${LARGE} entries in chunks (no length known up front), and the file opens with every row`, async () => {
    const { headers, chunks } = await new Promise<{ headers: Record<string, unknown>; chunks: Buffer[] }>((resolve, reject) => {
      const req = request(`${baseUrl}/api/documents/register.xlsx?year=2025`, { headers: { cookie: officerTq.cookie } });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, chunks }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
    expect(headers['content-length']).toBeUndefined();
    expect(headers['transfer-encoding']).toBe('chunked');
    expect(headers['content-disposition']).toContain('so-van-ban-2025.xlsx');
    expect(chunks.length).toBeGreaterThan(10);
    const sheet = await readBook(Buffer.concat(chunks));
    const numbers = numbersOf(sheet);
    expect(numbers.length).toBe(LARGE);
    expect(new Set(numbers).size).toBe(LARGE);
    expect(numbers).not.toContain(`${LARGE + 1}-QĐ/TU`);
    // date order: 01/01 first, the undated none, the last a December date
    expect(sheet.getRow(4).getCell(4).value).toBe('01/01/2025');
    expect(String(sheet.getRow(3 + LARGE).getCell(4).value)).toMatch(/\/12\/2025$/);
  }, 120_000);
});
