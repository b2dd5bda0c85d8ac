import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterDocument, RegisterDocumentDetail } from '../../../contracts/documents';
import type { ProgrammeItem, ProgrammeItemDetail, Reminders, YearSummary, YearView } from '../../../contracts/programme';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { type DemoRejection, demoPdf, loadProgrammeDemo } from '../../../scripts/demo/programme.demo';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { type Client, buildTestApp, loginAs } from '../../../test/http';
import { addDays } from './programme.rules';

const SEED =
  'hoàn thành 19/19 đề án trình Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư; tham mưu ban hành 2 Nghị quyết của Ban Chấp hành Trung ương; 7 quy định, 11 quyết định, 8 kết luận, 2 thông báo, 2 kế hoạch của Bộ Chính trị, Ban Bí thư; chủ trì ban hành 6 hướng dẫn';

const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));

describe.each(testDialects())('work programme and document register over HTTP on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let rejected: DemoRejection[];
  let admin: Client;
  let btc: Client;
  let officerTq: Client;
  let officerLc: Client;
  let leaderTq: Client;
  const org = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    rejected = await loadProgrammeDemo(database.db, today);
    app = await buildTestApp(database);
    admin = await loginAs(app, 'admin');
    btc = await loginAs(app, 'officer.btc');
    officerTq = await loginAs(app, 'officer.tq');
    officerLc = await loginAs(app, 'officer.lc');
    leaderTq = await loginAs(app, 'leader.tq');
    for (const o of await database.db.selectFrom('organizations').select(['id', 'code']).execute()) org.set(o.code, o.id);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const json = <T>(res: { json(): unknown }) => res.json() as T;
  const byNumber = (c: Client, n: string) => c.get(`/api/documents/by-number/${encodeURIComponent(n)}`);

  it('reproduces the seed sentence for the Central Organization Commission in 2022', async () => {
    const res = await btc.get(`/api/programme/summary?year=2022&organizationId=${org.get('TW.BTC')}`);
    expect(res.statusCode).toBe(200);
    const summary = json<YearSummary>(res);
    expect(summary.sentence).toBe(`Năm 2022, Ban Tổ chức Trung ương đã ${SEED}.`);
    expect(summary.proposals).toMatchObject({ done: 19, total: 19 });
    expect(summary.rows.filter((r) => r.participation === 'issued')).toEqual([
      { participation: 'issued', type: 'huong_dan', issuingBody: 'ban_to_chuc_tw', count: 6 },
    ]);
  });

  it('exports the summary to .docx and .xlsx carrying the same sentence and table', async () => {
    const docx = await btc.get(`/api/programme/summary.docx?year=2022&organizationId=${org.get('TW.BTC')}`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('19/19 đề án');
    expect(xml).toContain('chủ trì ban hành 6 hướng dẫn');

    const xlsx = await btc.get(`/api/programme/summary.xlsx?year=2022&organizationId=${org.get('TW.BTC')}`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell('A3').value)).toContain(SEED);
    const counts: Record<string, number> = {};
    sheet.eachRow((row) => {
      const type = String(row.getCell(2).value);
      if (typeof row.getCell(4).value === 'number') counts[type] = (counts[type] ?? 0) + (row.getCell(4).value as number);
    });
    expect(counts).toMatchObject({
      'Nghị quyết': 2,
      'Quy định': 7,
      'Quyết định': 11,
      'Kết luận': 8,
      'Thông báo': 2,
      'Kế hoạch': 2,
      'Hướng dẫn': 6,
    });
  });

  it('shows a year view with done/total per body and lead unit, and the overdue item', async () => {
    const view = json<YearView>(await officerTq.get(`/api/programme/year?year=${year}`));
    const overdue = view.overdue.map((i) => i.code);
    expect(overdue).toContain(`TQ-${year}-05`);
    expect(view.totals.overdue).toBe(view.overdue.length);
    const standing = view.byBody.find((b) => b.body === 'ban_thuong_vu_tinh_uy')!;
    expect(standing.done).toBe(2);
    expect(view.byLeadUnit.find((u) => u.organization.id === org.get('TQ.BTC'))!.done).toBe(2);
    expect(view.timeline.length).toBe(view.totals.total);
  });

  it('keeps one province out of another’s programme, lists and counts', async () => {
    const view = json<YearView>(await officerLc.get(`/api/programme/year?year=${year}`));
    expect(view.totals.total).toBe(0);
    const items = json<{ items: ProgrammeItem[] }>(await officerTq.get(`/api/programme/items?year=${year}`)).items;
    expect((await officerLc.get(`/api/programme/items/${items[0]!.id}`)).statusCode).toBe(404);
    expect((await officerLc.get(`/api/programme/year?year=${year}&organizationId=${org.get('TQ')}`)).statusCode).toBe(404);
    const tqInternal = json<{ items: RegisterDocument[] }>(
      await officerLc.get('/api/documents?q=phieu tin nhiem tai cac dang bo'),
    ).items;
    expect(tqInternal).toEqual([]);
    expect(json<{ total: number }>(await officerTq.get('/api/documents?q=phieu tin nhiem tai cac dang bo')).total).toBe(1);
  });

  it('searches titles and summaries without diacritics', async () => {
    const list = json<{ items: RegisterDocument[] }>(await officerTq.get('/api/documents?q=tuoi nghi huu')).items.map(
      (d) => d.number,
    );
    expect(list).toEqual(expect.arrayContaining(['135/2020/NĐ-CP', '83/2022/NĐ-CP']));
    const items = json<{ items: ProgrammeItem[] }>(await btc.get('/api/programme/items?q=BAO VE CHINH TRI NOI BO')).items;
    expect(items.map((i) => i.code)).toEqual(['BTCTW-2022-14']);
  });

  it('resolves every citation of the policy packs to its register entry', async () => {
    const citations: [string, string][] = [
      ['50-QĐ/TW', '50-QĐ/TW'],
      ['80-QĐ/TW', '80-QĐ/TW'],
      ['124-QĐ/TW', '124-QĐ/TW'],
      ['96-QĐ/TW', '96-QĐ/TW'],
      ['65-QĐ/TW', '65-QĐ/TW'],
      ['114-QĐ/TW', '114-QĐ/TW'],
      ['377-QĐ/TW', '377-QĐ/TW'],
      ['45-HD/BTCTW', '45-HD/BTCTW'],
      ['366-QĐ/TW', '366-QĐ/TW'],
      ['368-QĐ/TW', '368-QĐ/TW'],
      ['35-KL/TW', '35-KL/TW'],
      ['Kết luận 40', '40-KL/TW'],
      ['NĐ 138/2020', '138/2020/NĐ-CP'],
      ['NĐ 90/2020', '90/2020/NĐ-CP'],
      ['NĐ 135/2020', '135/2020/NĐ-CP'],
      ['NĐ 83/2022', '83/2022/NĐ-CP'],
      ['NĐ 170/2025', '170/2025/NĐ-CP'],
      ['NĐ 335/2025', '335/2025/NĐ-CP'],
      ['NQ 202/2025/QH15', '202/2025/QH15'],
      ['NQ 96/2023/QH15', '96/2023/QH15'],
      ['Bộ luật Lao động 2019', '45/2019/QH14'],
      ['Luật Phòng, chống tham nhũng 2018', '36/2018/QH14'],
      ['96-qd/tw', '96-QĐ/TW'],
    ];
    for (const [citation, number] of citations) {
      const res = await byNumber(officerLc, citation);
      expect(res.statusCode, citation).toBe(200);
      expect(json<RegisterDocument>(res).number, citation).toBe(number);
    }
    const missing = await byNumber(officerLc, '999-QĐ/TW');
    expect(missing.statusCode).toBe(404);
    expect(json<{ error: { message: string } }>(missing).error.message).toBe('Không có văn bản số "999-QĐ/TW" trong sổ');
    expect(json<{ document: null }>(await officerLc.get('/api/documents/resolve?citation=999-QĐ/TW')).document).toBeNull();
  });

  it('resolves the citation of every rule in the policy packs to a register entry', async () => {
    const library = loadPolicyLibrary();
    // Every rule of every pack, the record checks included (the Party Statute, the CCCD decree, the two laws).
    const citations = [...new Set(library.packs.flatMap((p) => p.rules.map((r) => r.citation.document)))];
    expect(citations.length).toBeGreaterThan(10);
    for (const citation of citations) {
      const res = json<{ document: RegisterDocument | null }>(
        await officerLc.get(`/api/documents/resolve?citation=${encodeURIComponent(citation)}`),
      );
      expect(res.document?.number, citation).toBeTruthy();
    }
    const resolved = async (citation: string) =>
      json<{ document: RegisterDocument | null }>(
        await officerLc.get(`/api/documents/resolve?citation=${encodeURIComponent(citation)}`),
      ).document?.number;
    expect(await resolved('Điều lệ Đảng Cộng sản Việt Nam (2011)')).toBe('Điều lệ Đảng (2011)');
    expect(await resolved('Nghị định 137/2015/NĐ-CP; Thông tư 07/2016/TT-BCA')).toBe('137/2015/NĐ-CP');
    expect(await resolved('Luật Cán bộ, công chức 2008; Luật Viên chức 2010')).toBe('22/2008/QH12');
    expect(await resolved('Luật Viên chức 2010')).toBe('58/2010/QH12');
  });

  it('a replaced document lists the pack rules that lost force with it, from the replacement date', async () => {
    const fifty = json<RegisterDocument>(await byNumber(officerTq, '50-QĐ/TW'));
    const detail = json<RegisterDocumentDetail>(await officerTq.get(`/api/documents/${fifty.id}`));
    expect(detail.citedBy.length).toBeGreaterThan(0);
    expect(new Set(detail.citedBy.map((r) => r.lostForceOn))).toEqual(new Set(['2025-10-08']));
    expect(detail.citedBy.every((r) => r.packId === 'national-2023')).toBe(true);
    const current = json<RegisterDocument>(await byNumber(officerTq, '377-QĐ/TW'));
    const currentDetail = json<RegisterDocumentDetail>(await officerTq.get(`/api/documents/${current.id}`));
    expect(currentDetail.citedBy.length).toBeGreaterThan(0);
    expect(currentDetail.citedBy.every((r) => r.lostForceOn === null)).toBe(true);
  });

  it('shows which documents a replacement took out of force, and from which date', async () => {
    const fifty = json<RegisterDocument>(await byNumber(officerTq, '50-QĐ/TW'));
    expect(fifty.status).toBe('replaced');
    expect(fifty.replacedBy).toEqual([expect.objectContaining({ number: '377-QĐ/TW', on: '2025-10-08' })]);
    expect(fifty.effectiveTo).toBe('2025-10-08');
    const kl35 = json<RegisterDocument>(await byNumber(officerTq, 'Kết luận 35'));
    expect(kl35.replacedBy.map((r) => r.number)).toEqual(['368-QĐ/TW']);
    const detail = json<RegisterDocumentDetail>(
      await officerTq.get(`/api/documents/${json<RegisterDocument>(await byNumber(officerTq, '377-QĐ/TW')).id}`),
    );
    const replaces = detail.relations
      .filter((r) => r.kind === 'replaces' && r.direction === 'outgoing')
      .map((r) => r.other.number);
    expect(replaces.sort()).toEqual(['50-QĐ/TW', '80-QĐ/TW']);
    expect(detail.relations.find((r) => r.kind === 'implements')?.other.number).toBe('45-HD/BTCTW');
    expect(detail.attachments[0]).toMatchObject({ fileName: '377-QD-TW.pdf', mediaType: 'application/pdf' });
  });

  it('refused the demo’s bad number, replacement cycle and oversized attachment with clear messages', () => {
    expect(rejected.map((r) => r.case)).toEqual(['bad-number', 'replacement-cycle', 'oversized-attachment']);
    expect(rejected[0]!.message).toContain('mẫu đúng: số-KL/TW');
    expect(rejected[2]!.message).toContain('vượt giới hạn 10,0 MB');
  });

  it('adds an item, registers its outcome document and the year summary changes', async () => {
    const before = json<YearSummary>(await officerTq.get(`/api/programme/summary?year=${year}&organizationId=${org.get('TQ')}`));
    const users = json<{ items: { id: string; username: string }[] }>(
      await officerTq.get('/api/programme/assignable-users'),
    ).items;
    const created = await officerTq.post('/api/programme/items', {
      code: `TQ-${year}-T1`,
      kind: 'de_an',
      title: 'Đề án thử nghiệm đánh giá cán bộ theo sản phẩm',
      assigningBody: 'ban_thuong_vu_tinh_uy',
      leadOrganizationId: org.get('TQ.BTC'),
      coordinatorIds: [org.get('TQ.SNV')],
      responsibleUserIds: [users.find((u) => u.username === 'leader.tq')!.id],
      dueOn: `${year}-12-31`,
      milestones: [{ stage: 'drafting', dueOn: `${year}-12-01` }],
    });
    expect(created.statusCode).toBe(201);
    const item = json<ProgrammeItem>(created);
    expect(item).toMatchObject({
      status: 'planned',
      coordinators: [{ id: org.get('TQ.SNV') }],
      responsible: [{ username: 'leader.tq' }],
    });

    const mid = json<YearSummary>(await officerTq.get(`/api/programme/summary?year=${year}&organizationId=${org.get('TQ')}`));
    expect(mid.proposals.total).toBe(before.proposals.total + 1);
    expect(mid.proposals.done).toBe(before.proposals.done);

    const doc = await officerTq.post('/api/documents', {
      organizationId: org.get('TQ.BTC'),
      type: 'quy_dinh',
      number: '16-QĐ/TU',
      issuingBody: 'ban_thuong_vu_tinh_uy',
      issuedOn: `${year}-01-15`,
      title: 'Quy định đánh giá cán bộ theo sản phẩm',
      summary: 'Tiêu chí đánh giá theo kết quả, sản phẩm cụ thể',
      participation: 'advised',
      programmeItemId: item.id,
      completesItem: true,
    });
    expect(doc.statusCode).toBe(201);
    const after = json<YearSummary>(await officerTq.get(`/api/programme/summary?year=${year}&organizationId=${org.get('TQ')}`));
    expect(after.proposals.done).toBe(before.proposals.done + 1);
    expect(after.sentence).toContain(`hoàn thành ${after.proposals.done}/${after.proposals.total} đề án`);
    expect(after.sentence).toContain('tham mưu ban hành 2 quy định, 1 kết luận của Ban Thường vụ Tỉnh ủy');
    const detail = json<ProgrammeItemDetail>(await officerTq.get(`/api/programme/items/${item.id}`));
    expect(detail).toMatchObject({ status: 'completed', completedOn: `${year}-01-15`, outcomes: [{ number: '16-QĐ/TU' }] });
  });

  it('rejects a number that does not fit its type, saving nothing', async () => {
    const count = async () =>
      Number(
        (
          await database.db
            .selectFrom('documents')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const audit = async () =>
      Number(
        (
          await database.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [docs, entries] = [await count(), await audit()];
    const res = await officerTq.post('/api/documents', {
      organizationId: org.get('TQ.BTC'),
      type: 'ket_luan',
      number: '121-QĐ/TU',
      issuingBody: 'ban_thuong_vu_tinh_uy',
      issuedOn: `${year}-02-01`,
      title: 'Kết luận sai số hiệu',
      participation: 'advised',
    });
    expect(res.statusCode).toBe(400);
    const body = json<{ error: { message: string; details: { path: string }[] } }>(res);
    expect(body.error.message).toContain('không đúng thể thức của kết luận do Ban Thường vụ Tỉnh ủy ban hành');
    expect(body.error.details[0]!.path).toBe('number');
    expect([await count(), await audit()]).toEqual([docs, entries]);
    const check = json<{ valid: boolean; expected: string[] }>(
      await officerTq.get(
        `/api/documents/number-check?type=ket_luan&issuingBody=ban_thuong_vu_tinh_uy&number=${encodeURIComponent('121-KL/TU')}`,
      ),
    );
    expect(check.valid).toBe(true);
  });

  it('rejects a replacement cycle over HTTP and a writer outside the keeping unit', async () => {
    const fifty = json<RegisterDocument>(await byNumber(admin, '50-QĐ/TW'));
    const three77 = json<RegisterDocument>(await byNumber(admin, '377-QĐ/TW'));
    const res = await admin.post(`/api/documents/${fifty.id}/relations`, { kind: 'replaces', targetId: three77.id });
    expect(res.statusCode).toBe(400);
    expect(json<{ error: { message: string } }>(res).error.message).toContain('vòng lặp');
    expect(fifty.canEdit).toBe(true);
    expect(json<RegisterDocument>(await byNumber(officerTq, '50-QĐ/TW')).canEdit).toBe(false);
    const sixtyFive = json<RegisterDocument>(await byNumber(admin, '65-QĐ/TW'));
    expect(
      (await officerTq.post(`/api/documents/${three77.id}/relations`, { kind: 'amends', targetId: sixtyFive.id })).statusCode,
    ).toBe(403);
  });

  it('stores PDF/DOCX attachments with their checksum, refuses other types and oversize files', async () => {
    const doc = json<RegisterDocument>(await byNumber(officerTq, '15-QĐ/TU'));
    const pdf = demoPdf('Quy dinh 15');
    const up = await officerTq.post(`/api/documents/${doc.id}/attachments`, Buffer.from(pdf), {
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent('Quy định 15.pdf'),
    });
    expect(up.statusCode).toBe(201);
    const meta = json<{ id: string; sha256: string; fileName: string }>(up);
    expect(meta.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(meta.fileName).toBe('Quy định 15.pdf');
    const down = await officerTq.get(`/api/attachments/${meta.id}/content`);
    expect(down.statusCode).toBe(200);
    expect(createHash('sha256').update(down.rawPayload).digest('hex')).toBe(meta.sha256);
    expect(down.headers['x-content-sha256']).toBe(meta.sha256);

    const exe = await officerTq.post(`/api/documents/${doc.id}/attachments`, Buffer.from('MZ....'), {
      'content-type': 'application/octet-stream',
      'x-file-name': 'virus.exe',
    });
    expect(exe.statusCode).toBe(400);
    expect(json<{ error: { message: string } }>(exe).error.message).toContain('Chỉ nhận tệp PDF hoặc DOCX');
    const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x20);
    big.set(new TextEncoder().encode('%PDF-1.4'));
    const tooBig = await officerTq.post(`/api/documents/${doc.id}/attachments`, Buffer.from(big), {
      'content-type': 'application/pdf',
      'x-file-name': 'scan.pdf',
    });
    expect(tooBig.statusCode).toBe(413);
    expect(json<{ error: { message: string } }>(tooBig).error.message).toContain('vượt giới hạn 10,0 MB');
    const listed = json<RegisterDocumentDetail>(await officerTq.get(`/api/documents/${doc.id}`)).attachments;
    expect(listed.map((a) => a.fileName)).toEqual(['Quy định 15.pdf']);
    // Another province's officer cannot write here, and cannot read an internal item's file.
    expect(
      (
        await officerLc.post(`/api/documents/${doc.id}/attachments`, Buffer.from(pdf), {
          'content-type': 'application/pdf',
          'x-file-name': 'a.pdf',
        })
      ).statusCode,
    ).toBe(403);
  });

  const del = (c: Client, url: string) =>
    app.inject({ method: 'DELETE', url, headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken } });
  const auditActions = async (entityId: string) =>
    (await database.db.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).execute()).map((r) => r.action);

  it('removes an attachment or a relation entered by mistake, audited, by a writer of the keeping unit only', async () => {
    const doc = json<RegisterDocument>(await byNumber(officerTq, '15-QĐ/TU'));
    const up = json<{ id: string }>(
      await officerTq.post(`/api/documents/${doc.id}/attachments`, Buffer.from(demoPdf('nham')), {
        'content-type': 'application/pdf',
        'x-file-name': 'tai-nham.pdf',
      }),
    );
    // A public document is read by everyone; only a writer of the keeping unit removes its files.
    expect((await del(officerLc, `/api/attachments/${up.id}`)).statusCode).toBe(403);
    expect((await del(leaderTq, `/api/attachments/${up.id}`)).statusCode).toBe(403);
    expect((await del(officerTq, `/api/attachments/${up.id}`)).statusCode).toBe(204);
    expect((await officerTq.get(`/api/attachments/${up.id}/content`)).statusCode).toBe(404);
    const files = json<RegisterDocumentDetail>(await officerTq.get(`/api/documents/${doc.id}`)).attachments;
    expect(files.map((a) => a.fileName)).not.toContain('tai-nham.pdf');
    expect(await auditActions(doc.id)).toContain('attachment.remove');

    const three77 = json<RegisterDocument>(await byNumber(officerTq, '377-QĐ/TW'));
    const before = json<RegisterDocumentDetail>(await officerTq.get(`/api/documents/${doc.id}`));
    const rel = before.relations.find((r) => r.other.id === three77.id && r.kind === 'implements')!;
    expect((await del(officerLc, `/api/documents/${doc.id}/relations/${rel.id}`)).statusCode).toBe(403);
    // Named from the other document's side, the writer is still judged on the document the relation starts from.
    expect((await del(officerTq, `/api/documents/${three77.id}/relations/${rel.id}`)).statusCode).toBe(200);
    const after = json<RegisterDocumentDetail>(await officerTq.get(`/api/documents/${doc.id}`));
    expect(after.relations.find((r) => r.id === rel.id)).toBeUndefined();
    expect((await del(officerTq, `/api/documents/${doc.id}/relations/${rel.id}`)).statusCode).toBe(404);
    expect(await auditActions(doc.id)).toContain('document.unrelate');
    // Put the demo's relation back for the other tests.
    expect(
      (await officerTq.post(`/api/documents/${doc.id}/relations`, { kind: 'implements', targetId: three77.id })).statusCode,
    ).toBe(201);
  });

  it('reminds responsible people of items due within N days on their home page, and nobody else', async () => {
    const mine = json<Reminders>(await leaderTq.get('/api/programme/reminders?days=14'));
    const codes = mine.items.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining([`TQ-${year}-03`, `TQ-${year}-05`]));
    expect(mine.items.find((i) => i.code === `TQ-${year}-05`)!.daysLeft).toBe(-9);
    expect(mine.items.find((i) => i.code === `TQ-${year}-03`)!.daysLeft).toBe(6);
    const narrow = json<Reminders>(await leaderTq.get('/api/programme/reminders?days=5')).items.map((i) => i.code);
    expect(narrow).not.toContain(`TQ-${year}-03`);
    expect(json<Reminders>(await officerLc.get('/api/programme/reminders?days=60')).items).toEqual([]);
    const due = addDays(today, 12);
    expect(json<Reminders>(await officerTq.get('/api/programme/reminders?days=12')).items.some((i) => i.dueOn === due)).toBe(
      true,
    );
  });

  it('records milestones and status changes; a cancelled item leaves the totals; an inspector reads but cannot write', async () => {
    const items = json<{ items: ProgrammeItem[] }>(await officerTq.get(`/api/programme/items?year=${year}&q=luan chuyen`)).items;
    const item = items[0]!;
    const open = item.milestones.find((m) => m.doneOn === null)!;
    const marked = await officerTq.post(`/api/programme/items/${item.id}/milestones/${open.stage}`, { doneOn: today });
    expect(marked.statusCode).toBe(200);
    expect(json<ProgrammeItemDetail>(marked).milestones.find((m) => m.stage === open.stage)!.doneOn).toBe(today);

    const before = json<YearView>(await officerTq.get(`/api/programme/year?year=${year}`)).totals.total;
    const cancelled = await officerTq.post(`/api/programme/items/${item.id}/status`, { status: 'cancelled' });
    expect(json<ProgrammeItemDetail>(cancelled)).toMatchObject({ status: 'cancelled', overdue: false, completedOn: null });
    expect(json<YearView>(await officerTq.get(`/api/programme/year?year=${year}`)).totals.total).toBe(before - 1);

    const inspector = await loginAs(app, 'inspector.tq');
    const seen = json<ProgrammeItemDetail>(await inspector.get(`/api/programme/items/${item.id}`));
    expect(seen.canEdit).toBe(false);
    expect((await inspector.post(`/api/programme/items/${item.id}/status`, { status: 'in_progress' })).statusCode).toBe(403);
    const cadre = await loginAs(app, 'cadre.tq');
    expect((await cadre.get(`/api/programme/year?year=${year}`)).statusCode).toBe(403);
    expect(json<RegisterDocument>(await byNumber(cadre, '377-QĐ/TW')).canEdit).toBe(false);
  });

  it('writes an audit entry for every change', async () => {
    const actions = await database.db.selectFrom('audit_log').select('action').distinct().execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'programme_item.create',
        'programme_item.complete',
        'document.create',
        'document.relate',
        'attachment.add',
      ]),
    );
  });
});
