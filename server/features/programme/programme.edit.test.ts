import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterDocument, RegisterDocumentDetail } from '../../../contracts/documents';
import type { ProgrammeItem, ProgrammeItemDetail } from '../../../contracts/programme';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { loadProgrammeDemo } from '../../../scripts/demo/programme.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { type Client, buildTestApp, loginAs } from '../../../test/http';
import { resolveActorByUsername } from '../../../scripts/demo/demo-actors';
import { CHUNK_BYTES, openAttachment } from '../documents/attachment.service';
import { attachmentChunk } from '../documents/document.repository';

const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));

describe.each(testDialects())('editing and withdrawing programme items and register entries on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officerTq: Client;
  let officerLc: Client;
  let inspectorTq: Client;
  const org = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await loadProgrammeDemo(database.db, today);
    app = await buildTestApp(database);
    officerTq = await loginAs(app, 'officer.tq');
    officerLc = await loginAs(app, 'officer.lc');
    inspectorTq = await loginAs(app, 'inspector.tq');
    for (const o of await database.db.selectFrom('organizations').select(['id', 'code']).execute()) org.set(o.code, o.id);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const json = <T>(res: { json(): unknown }) => res.json() as T;
  /** An edit (PUT) as the signed-in client. */
  const put = (c: Client, url: string, body: unknown) =>
    app.inject({ method: 'PUT', url, payload: body as object, headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken } });
  const audit = (action: string, entityId: string) =>
    database.db
      .selectFrom('audit_log')
      .select(['before_json', 'after_json'])
      .where('action', '=', action)
      .where('entity_id', '=', entityId)
      .executeTakeFirst();
  const itemBody = (code: string, over: Record<string, unknown> = {}) => ({
    code,
    kind: 'to_trinh',
    title: 'Tờ trình về kiện toàn tổ chức bộ máy',
    assigningBody: 'ban_thuong_vu_tinh_uy',
    coordinatorIds: [org.get('TQ.SNV')],
    responsibleUserIds: [],
    dueOn: `${year}-11-30`,
    milestones: [{ stage: 'drafting', dueOn: `${year}-10-01` }],
    ...over,
  });
  const newItem = async (code: string) =>
    json<ProgrammeItem>(
      await officerTq.post('/api/programme/items', { ...itemBody(code), leadOrganizationId: org.get('TQ.BTC') }),
    );
  const docBody = (number: string, over: Record<string, unknown> = {}) => ({
    type: 'quyet_dinh',
    number,
    issuingBody: 'ban_thuong_vu_tinh_uy',
    issuedOn: `${year}-03-02`,
    title: 'Quyết định kiện toàn Ban Chỉ đạo',
    participation: 'advised',
    ...over,
  });

  it('edits an item (code, title, due date, units, milestones), audited with before and after', async () => {
    const item = await newItem(`TQ-${year}-E1`);
    const res = await put(
      officerTq,
      `/api/programme/items/${item.id}`,
      itemBody(`TQ-${year}-E1b`, {
        title: 'Tờ trình về kiện toàn Ban Chỉ đạo',
        dueOn: `${year + 1}-01-31`,
        coordinatorIds: [org.get('TQ.STC')],
        milestones: [
          { stage: 'drafting', dueOn: `${year}-10-01`, doneOn: `${year}-09-28` },
          { stage: 'submission', dueOn: `${year + 1}-01-15` },
        ],
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(json<ProgrammeItemDetail>(res)).toMatchObject({
      code: `TQ-${year}-E1b`,
      title: 'Tờ trình về kiện toàn Ban Chỉ đạo',
      year: year + 1,
      dueOn: `${year + 1}-01-31`,
      coordinators: [{ id: org.get('TQ.STC') }],
      milestones: [
        { stage: 'drafting', doneOn: `${year}-09-28` },
        { stage: 'submission', doneOn: null },
      ],
    });
    const entry = (await audit('programme_item.update', item.id))!;
    expect(JSON.parse(entry.before_json!)).toMatchObject({ code: `TQ-${year}-E1`, coordinatorIds: [org.get('TQ.SNV')] });
    expect(JSON.parse(entry.after_json!)).toMatchObject({ code: `TQ-${year}-E1b`, coordinatorIds: [org.get('TQ.STC')] });
  });

  it('refuses a bad edit with a clear message, changing nothing; other provinces see nothing, readers cannot write', async () => {
    const item = await newItem(`TQ-${year}-E2`);
    const other = await newItem(`TQ-${year}-E3`);
    const late = await put(
      officerTq,
      `/api/programme/items/${item.id}`,
      itemBody(`TQ-${year}-E2`, { milestones: [{ stage: 'drafting', dueOn: `${year}-12-15` }] }),
    );
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details[0]).toMatchObject({ path: 'milestones.0.dueOn', message: 'mốc tiến độ sau hạn hoàn thành' });
    const taken = await put(officerTq, `/api/programme/items/${item.id}`, itemBody(`TQ-${year}-E3`));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toBe(`Mã "TQ-${year}-E3" đã được dùng cho một đề án, nhiệm vụ khác của đơn vị`);
    expect(json<ProgrammeItemDetail>(await officerTq.get(`/api/programme/items/${item.id}`)).code).toBe(`TQ-${year}-E2`);
    expect((await put(officerLc, `/api/programme/items/${item.id}`, itemBody('X-1'))).statusCode).toBe(404);
    expect((await officerLc.post(`/api/programme/items/${other.id}/withdraw`, { reason: 'nhập nhầm' })).statusCode).toBe(404);
    expect((await put(inspectorTq, `/api/programme/items/${item.id}`, itemBody('X-1'))).statusCode).toBe(403);
    expect((await inspectorTq.post(`/api/programme/items/${other.id}/withdraw`, { reason: 'nhập nhầm' })).statusCode).toBe(403);
  });

  it('withdraws an item only once no register entry is its outcome, audited with the reason', async () => {
    const item = await newItem(`TQ-${year}-W1`);
    const doc = json<RegisterDocument>(
      await officerTq.post('/api/documents', {
        ...docBody('41-QĐ/TU'),
        organizationId: org.get('TQ.BTC'),
        programmeItemId: item.id,
        completesItem: true,
      }),
    );
    const refused = await officerTq.post(`/api/programme/items/${item.id}/withdraw`, { reason: 'Nhập trùng với TQ-01' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(
      `Không thể rút đề án, nhiệm vụ TQ-${year}-W1: văn bản 41-QĐ/TU trong sổ được ghi là kết quả của nó; bỏ liên kết ở văn bản trước.`,
    );
    expect((await officerTq.get(`/api/programme/items/${item.id}`)).statusCode).toBe(200);

    // The document, in its turn, cannot be withdrawn while it is the item's outcome.
    const docRefused = await officerTq.post(`/api/documents/${doc.id}/withdraw`, { reason: 'Nhập nhầm' });
    expect(docRefused.statusCode).toBe(409);
    expect(docRefused.json().error.message).toContain(`là văn bản kết quả của đề án, nhiệm vụ TQ-${year}-W1`);

    // Unlinked by editing the document, the item goes; the reason stays in the audit trail.
    const unlinked = await put(officerTq, `/api/documents/${doc.id}`, docBody('41-QĐ/TU'));
    expect(json<RegisterDocumentDetail>(unlinked).programmeItemId).toBeNull();
    expect((await officerTq.post(`/api/programme/items/${item.id}/withdraw`, { reason: 'x' })).statusCode).toBe(400);
    const done = await officerTq.post(`/api/programme/items/${item.id}/withdraw`, { reason: 'Nhập trùng với TQ-01' });
    expect(done.statusCode).toBe(204);
    expect((await officerTq.get(`/api/programme/items/${item.id}`)).statusCode).toBe(404);
    const entry = (await audit('programme_item.withdraw', item.id))!;
    expect(JSON.parse(entry.before_json!)).toMatchObject({ code: `TQ-${year}-W1`, coordinatorIds: [org.get('TQ.SNV')] });
    expect(JSON.parse(entry.after_json!)).toEqual({ reason: 'Nhập trùng với TQ-01' });
  });

  it('edits a register entry: the number is checked again, nothing changes on a bad one; audited', async () => {
    const doc = json<RegisterDocument>(
      await officerTq.post('/api/documents', { ...docBody('42-QĐ/TU'), organizationId: org.get('TQ.BTC') }),
    );
    const bad = await put(officerTq, `/api/documents/${doc.id}`, docBody('42/QĐ-TU', { title: 'Đổi tên' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('không đúng thể thức');
    expect(json<RegisterDocumentDetail>(await officerTq.get(`/api/documents/${doc.id}`)).title).toBe(
      'Quyết định kiện toàn Ban Chỉ đạo',
    );
    const ok = await put(
      officerTq,
      `/api/documents/${doc.id}`,
      docBody('43 - QĐ / TU', { title: 'Quyết định kiện toàn Ban Chỉ đạo (sửa)', summary: 'Bổ sung thành viên' }),
    );
    expect(ok.statusCode).toBe(200);
    expect(json<RegisterDocumentDetail>(ok)).toMatchObject({ number: '43-QĐ/TU', summary: 'Bổ sung thành viên' });
    // Found by its new number, not by the old one.
    expect((await officerTq.get(`/api/documents/by-number/${encodeURIComponent('43-QĐ/TU')}`)).statusCode).toBe(200);
    expect((await officerTq.get(`/api/documents/by-number/${encodeURIComponent('42-QĐ/TU')}`)).statusCode).toBe(404);
    const entry = (await audit('document.update', doc.id))!;
    expect(JSON.parse(entry.before_json!)).toMatchObject({ number: '42-QĐ/TU' });
    expect(JSON.parse(entry.after_json!)).toMatchObject({ number: '43-QĐ/TU' });
    // The entry is public: another province reads it but may not change it.
    expect((await put(officerLc, `/api/documents/${doc.id}`, docBody('44-QĐ/TU'))).statusCode).toBe(403);

    // Withdrawn, with its attachment, once nothing names it.
    await officerTq.post(`/api/documents/${doc.id}/attachments`, Buffer.from('%PDF-1.4\n%\n'), {
      'content-type': 'application/pdf',
      'x-file-name': 'qd.pdf',
    });
    expect((await officerTq.post(`/api/documents/${doc.id}/withdraw`, { reason: 'Nhập nhầm đơn vị' })).statusCode).toBe(204);
    expect((await officerTq.get(`/api/documents/${doc.id}`)).statusCode).toBe(404);
    const gone = JSON.parse((await audit('document.withdraw', doc.id))!.before_json!);
    expect(gone).toMatchObject({ number: '43-QĐ/TU', attachments: [{ file_name: 'qd.pdf', sha256: expect.any(String) }] });
    expect(await database.db.selectFrom('attachments').select('id').where('owner_id', '=', doc.id).execute()).toEqual([]);
  });

  it('refuses to withdraw or renumber an entry that relations and policy rules name, saying which', async () => {
    const fifty = json<RegisterDocument>(await officerTq.get(`/api/documents/by-number/${encodeURIComponent('50-QĐ/TW')}`));
    const admin = await loginAs(app, 'admin');
    const refused = await admin.post(`/api/documents/${fifty.id}/withdraw`, { reason: 'Thử rút văn bản' });
    expect(refused.statusCode).toBe(409);
    const message = refused.json().error.message as string;
    expect(message).toMatch(
      /^Không thể rút văn bản 50-QĐ\/TW khỏi sổ: có quan hệ với văn bản khác \(bị thay thế bởi 377-QĐ\/TW\)/,
    );
    expect(message).toMatch(/được \d+ quy tắc trong gói quy định trích dẫn/);
    const detail = json<RegisterDocumentDetail>(await admin.get(`/api/documents/${fifty.id}`));
    const renumber = await put(admin, `/api/documents/${fifty.id}`, {
      type: detail.type,
      number: '51-QĐ/TW',
      issuingBody: detail.issuingBody,
      issuedOn: detail.issuedOn,
      title: detail.title,
      participation: detail.participation,
    });
    expect(renumber.statusCode).toBe(409);
    expect(renumber.json().error.message).toMatch(
      /^Không thể đổi số hiệu 50-QĐ\/TW thành 51-QĐ\/TW: \d+ quy tắc trong gói quy định/,
    );
    expect((await admin.get(`/api/documents/${fifty.id}`)).json().number).toBe('50-QĐ/TW');
  });

  it('streams an attachment larger than a read chunk, checksum verified; a change while streaming aborts it', async () => {
    const item = await newItem(`TQ-${year}-S1`);
    // 600 kB: three chunks of the database read.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(600 * 1024 - 9, 0x41)]);
    const stored = await officerTq.post(`/api/programme/items/${item.id}/attachments`, pdf, {
      'content-type': 'application/pdf',
      'x-file-name': 'de-an.pdf',
    });
    expect(stored.statusCode).toBe(201);
    const id = stored.json().id as string;
    const download = await officerTq.get(`/api/attachments/${id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-length']).toBe(String(pdf.length));
    expect(download.rawPayload.equals(pdf)).toBe(true);

    // The bytes change between the check and the stream: the last chunk is held back and the stream fails.
    const actor = (await resolveActorByUsername(database.db, 'officer.tq'))!;
    let pass = 0;
    const file = await openAttachment(database.db, actor, id, async function* (db, fileId, size) {
      pass++;
      for (let offset = 0; offset < size; offset += CHUNK_BYTES) {
        const chunk = await attachmentChunk(db, fileId, offset, CHUNK_BYTES);
        yield pass === 2 && offset === 0 ? Buffer.from(chunk).fill(0x42, 20, 30) : chunk;
      }
    });
    const received: Buffer[] = [];
    await expect(
      (async () => {
        for await (const chunk of file.stream) received.push(chunk as Buffer);
      })(),
    ).rejects.toThrow('không khớp mã kiểm tra SHA-256');
    expect(Buffer.concat(received).length).toBeLessThan(pdf.length);
  });
});
