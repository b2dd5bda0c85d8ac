import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessDetail } from '../../../contracts/decisions';
import type { RegisterDocumentDetail } from '../../../contracts/documents';
import { testDialects } from '../../../test/databases';
import type { Client } from '../../../test/http';
import { down, up } from '../../db/migrations/20261128_0100_document_references';
import { type DecisionsFixture, decisionsFixture } from '../decisions/decision.fixture';

// Personnel decisions name the register entries they rely on by id: the link, not a text search, refuses withdrawing
// or renumbering such an entry; text references kept before are turned into links once by the migration.
describe.each(testDialects())('register entries a personnel decision relies on, on %s', (dialect) => {
  let fx: DecisionsFixture;
  let seat: string;
  const org = new Map<string, string>();

  beforeAll(async () => {
    fx = await decisionsFixture(dialect);
    seat = await fx.seat('PHO_GIAM_DOC_SO');
    for (const o of await fx.database.db.selectFrom('organizations').select(['id', 'code']).execute()) org.set(o.code, o.id);
  });
  afterAll(async () => {
    await fx?.close();
  });

  const put = (c: Client, url: string, body: unknown) =>
    fx.app.inject({ method: 'PUT', url, payload: body as object, headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken } });
  const docBody = (number: string, over: Record<string, unknown> = {}) => ({
    type: 'quyet_dinh',
    number,
    issuingBody: 'ban_thuong_vu_tinh_uy',
    issuedOn: '2026-02-20',
    title: 'Quyết định về chủ trương bổ nhiệm',
    participation: 'advised',
    ...over,
  });
  const register = async (c: Client, number: string, organization = 'TQ.BTC', over: Record<string, unknown> = {}) => {
    const res = await c.post('/api/documents', { ...docBody(number, over), organizationId: org.get(organization) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as RegisterDocumentDetail;
  };
  const newProcess = async (name: string) => {
    const person = await fx.person({ fullName: name, birthDate: '1984-04-04' });
    const res = await fx.start({ action: 'appointment', personId: person, positionId: seat });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as ProcessDetail).id;
  };
  const withdraw = (c: Client, id: string) => c.post(`/api/documents/${id}/withdraw`, { reason: 'Nhập nhầm văn bản' });

  it('links a step to register entries by id; the link refuses withdrawing and renumbering them, and is shown', async () => {
    const doc = await register(fx.officer, '51-QĐ/TU');
    const id = await newProcess('Lê Văn Khải');
    // The minutes' text does not name the number: only the link binds the entry.
    const done = await fx.complete(id, 'structure', '2026-03-03', { documentIds: [doc.id] });
    expect(done.statusCode, done.body).toBe(200);

    const p = (await fx.officer.get(`/api/decisions/${id}`)).json() as ProcessDetail;
    expect(p.registerDocuments).toEqual([
      expect.objectContaining({ id: doc.id, number: '51-QĐ/TU', via: 'step', stepKey: 'structure', dossierKey: null }),
    ]);

    const refused = await withdraw(fx.officer, doc.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(
      'Không thể rút văn bản 51-QĐ/TU khỏi sổ: 1 quy trình quyết định nhân sự đang căn cứ vào văn bản này (hồ sơ hoặc bước quy trình).',
    );
    const renumber = await put(fx.officer, `/api/documents/${doc.id}`, docBody('52-QĐ/TU'));
    expect(renumber.statusCode).toBe(409);
    expect(renumber.json().error.message).toContain('Không thể đổi số hiệu 51-QĐ/TU thành 52-QĐ/TU');
    // An edit keeping the number is not refused.
    expect((await put(fx.officer, `/api/documents/${doc.id}`, docBody('51-QĐ/TU', { signer: 'Nguyễn Văn A' }))).statusCode).toBe(
      200,
    );
    expect((await fx.officer.get(`/api/documents/${doc.id}`)).statusCode).toBe(200);

    const audit = await fx.database.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'decision.step.complete')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!).registerDocuments).toEqual([{ id: doc.id, number: '51-QĐ/TU' }]);
  });

  it('a number only written in a step’s text no longer holds the entry: it may be withdrawn', async () => {
    const doc = await register(fx.officer, '53-QĐ/TU');
    const id = await newProcess('Trần Văn Bình');
    const done = await fx.complete(id, 'structure', '2026-03-03', { documents: ['Quyết định 53-QĐ/TU'] });
    expect(done.statusCode, done.body).toBe(200);
    expect(((await fx.officer.get(`/api/decisions/${id}`)).json() as ProcessDetail).registerDocuments).toEqual([]);
    expect((await withdraw(fx.officer, doc.id)).statusCode).toBe(204);
  });

  it('links a dossier paper to its register entry; the entry is then held by the dossier', async () => {
    const doc = await register(fx.officer, '54-QĐ/TU', 'TQ.BTC', { type: 'ket_luan', number: '54-KL/TU' });
    const id = await newProcess('Phạm Thị Lan');
    const res = await fx.officer.post(`/api/decisions/${id}/dossier`, {
      key: 'political-standard',
      documentDate: '2026-02-20',
      reference: 'Kết luận tiêu chuẩn chính trị',
      documentIds: [doc.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = (await fx.officer.get(`/api/decisions/${id}`)).json() as ProcessDetail;
    expect(p.registerDocuments).toEqual([
      expect.objectContaining({ id: doc.id, via: 'dossier', stepKey: null, dossierKey: 'political-standard' }),
    ]);
    expect((await withdraw(fx.officer, doc.id)).statusCode).toBe(409);
  });

  it('refuses linking an entry outside the reader’s register scope or one that does not exist, saving nothing', async () => {
    const lcOfficer = fx.admin;
    const hidden = await register(lcOfficer, '55-QĐ/TU', 'LC.BTC', { visibility: 'internal' });
    const id = await newProcess('Vũ Văn Tâm');
    for (const ids of [[hidden.id], ['01NOSUCHDOCUMENT000000000']]) {
      const res = await fx.complete(id, 'structure', '2026-03-03', { documentIds: ids });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([
        expect.objectContaining({
          path: 'documentIds',
          message: 'văn bản được chọn không có trong sổ văn bản trong phạm vi của bạn',
        }),
      ]);
    }
    const p = (await fx.officer.get(`/api/decisions/${id}`)).json() as ProcessDetail;
    expect(p.steps.find((s) => s.key === 'structure')!.status).not.toBe('done');
    expect(p.registerDocuments).toEqual([]);
    expect((await withdraw(lcOfficer, hidden.id)).statusCode).toBe(204);
  });

  it('the migration turns numbers kept as text into links once, whole numbers only', async () => {
    const db = fx.database.db;
    const named = await register(fx.officer, '161-QĐ/TU');
    const dossierNamed = await register(fx.officer, '62-QĐ/TU');
    const suffixOnly = await register(fx.officer, '61-QĐ/TU');
    const id = await newProcess('Đỗ Văn Hùng');
    expect(
      (await fx.complete(id, 'structure', '2026-03-03', { documents: ['Căn cứ Quyết định số 161-QĐ/TU.'] })).statusCode,
    ).toBe(200);
    const dossier = await fx.officer.post(`/api/decisions/${id}/dossier`, {
      key: 'cv-photo',
      documentDate: '2026-02-20',
      reference: 'Theo 62-qd/tu',
    });
    expect(dossier.statusCode).toBe(200);
    // Before the links existed: drop the table and run the migration again over the same data.
    const before = await db.selectFrom('document_references').selectAll().execute();
    await down(db);
    await up(db);
    const links = await db.selectFrom('document_references').selectAll().where('process_id', '=', id).execute();
    expect(links.map((l) => [l.document_id, l.owner_kind]).sort()).toEqual(
      [
        [named.id, 'decision_step'],
        [dossierNamed.id, 'decision_dossier'],
      ].sort(),
    );
    expect(links.some((l) => l.document_id === suffixOnly.id)).toBe(false);
    expect((await withdraw(fx.officer, named.id)).statusCode).toBe(409);
    expect((await withdraw(fx.officer, suffixOnly.id)).statusCode).toBe(204);
    // The links made by id before (earlier tests) are not lost: their processes did not write the numbers as text,
    // so they are put back from the snapshot taken above.
    const restored = before.filter((b) => !links.some((l) => l.owner_id === b.owner_id && l.document_id === b.document_id));
    if (restored.length)
      await db
        .insertInto('document_references')
        .values(restored)
        .onConflict((oc) => oc.doNothing())
        .execute();
  });
});
