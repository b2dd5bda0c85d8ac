import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inspection, ProcessDetail, SeatCategory, Trail } from '../../../contracts/decisions';
import { testDialects } from '../../../test/databases';
import { type Client, loginAs } from '../../../test/http';
import { resolveActorByUsername } from '../../../scripts/demo/demo-actors';
import { newId, nowIso } from '../../lib/ids';
import { endIncumbent } from '../positions/position.service';
import { DOSSIER_KEYS as DOSSIER, type DecisionsFixture, decisionsFixture } from './decision.fixture';

describe.each(testDialects())('power control in personnel decisions on %s', (dialect) => {
  let fx: DecisionsFixture;
  let officer: Client;
  let leader: Client;
  let inspector: Client;
  let admin: Client;
  let snv: string;
  let headSeat: string;
  let deputySeat: string;
  let accountantSeat: string;
  let procurementSeat: string;
  let hung: string;
  let mai: string;
  let khoa: string;
  let phong: string;

  beforeAll(async () => {
    fx = await decisionsFixture(dialect);
    ({ officer, leader, inspector, admin, snv } = fx);
    headSeat = await fx.seat('GIAM_DOC_SO');
    deputySeat = await fx.seat('PHO_GIAM_DOC_SO');
    // The catalog says Kế toán trưởng is an accounting post; this personnel-office seat says procurement itself (the seat wins).
    accountantSeat = await fx.seat('KE_TOAN_TRUONG');
    procurementSeat = await fx.seat('TRUONG_PHONG_TO_CHUC_CAN_BO', { postCategory: 'procurement' });
    hung = await fx.person({
      fullName: 'Trần Văn Hùng',
      birthDate: '1968-02-10',
      family: [{ side: 'own', relation: 'child', fullName: 'Trần Thị Mai', birthYear: 1995 }],
    });
    mai = await fx.person({ fullName: 'Trần Thị Mai', birthDate: '1995-05-05', sex: 'F' });
    khoa = await fx.person({ fullName: 'Đỗ Minh Khoa', birthDate: '1985-01-20' });
    phong = await fx.person({ fullName: 'Vũ Đình Phong', birthDate: '1983-08-08' });
    // The head's term ends on 30/06/2026: inside the 6-month window of a process started in March 2026.
    await fx.seatPerson(headSeat, hung, 'Trần Văn Hùng', '2025-10-01', '2026-06-30');
    await fx.seatPerson(deputySeat, phong, 'Vũ Đình Phong');
  });
  afterAll(async () => {
    await fx?.close();
  });

  const start = (body: Record<string, unknown>) => fx.start(body);

  it('blocks placing the head’s daughter in the accounting seat of the same unit, citing art. 20', async () => {
    const res = await start({ action: 'appointment', personId: mai, positionId: accountantSeat });
    expect(res.statusCode).toBe(409);
    const error = res.json().error as { message: string; details: { path: string; message: string }[] };
    expect(error.message).toContain('Điều 20');
    expect(error.details).toEqual([
      expect.objectContaining({ path: 'power.relatives-restriction', message: expect.stringContaining('Trần Văn Hùng') }),
    ]);
    expect(error.details[0]!.message).toContain('36/2018/QH14');
  });

  it('blocks her from a seat that carries its own sensitive category too, but not from a seat that is not sensitive', async () => {
    expect((await start({ action: 'transfer', personId: mai, positionId: procurementSeat })).statusCode).toBe(409);
    const ordinary = await start({ action: 'transfer', personId: mai, positionId: deputySeat });
    expect(ordinary.statusCode, ordinary.body).toBe(201);
    // A deputy seat is not a sensitive post; the article's other direction passes (no relative of hers in one).
    const art20 = (ordinary.json() as ProcessDetail).eligibility.filter((v) => v.ruleId === 'power.relatives-restriction');
    expect(art20.map((v) => [v.status, v.detail.vi.startsWith('Cấp phó đơn vị')])).toEqual([['passed', true]]);
  });

  let khoaProcess: string;
  it('lets an unrelated person start, with a passed art. 20 verdict and the head-near-term-end warning', async () => {
    const res = await start({ action: 'appointment', personId: khoa, positionId: accountantSeat, inPlan: false });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json() as ProcessDetail;
    khoaProcess = p.id;
    expect(p.eligibility.find((v) => v.ruleId === 'power.relatives-restriction')).toMatchObject({ status: 'passed' });
    expect(p.startVerdicts).toEqual([
      expect.objectContaining({ ruleId: 'appointment.head-near-retirement', status: 'warning', ruleUnconfirmed: true }),
    ]);
    expect(p.startVerdicts[0]!.detail.vi).toContain('hết nhiệm kỳ ngày 30/06/2026');
    expect(p.flags.map((f) => f.code)).toEqual(expect.arrayContaining(['head-near-end', 'outside-plan']));
  });

  it('refuses any override of art. 20, even by the competent authority', async () => {
    const res = await leader.post(`/api/decisions/${khoaProcess}/overrides`, {
      ruleId: 'power.relatives-restriction',
      authority: 'Ban Thường vụ Tỉnh ủy',
      decisionRef: 'TB 1',
      decidedOn: '2026-03-05',
      reason: 'x',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('quy định cấm');
  });

  it('counts outside-the-plan appointments per authority and year, and flags the authority past the maximum', async () => {
    // Khoa's appointment as chief accountant is the employing agency's: another authority, counted apart.
    const ids: string[] = [];
    for (const personId of [phong, hung, mai, khoa]) {
      const res = await start({ action: 'appointment', personId, positionId: deputySeat, inPlan: false });
      expect(res.statusCode, res.body).toBe(201);
      ids.push((res.json() as ProcessDetail).id);
    }
    const report = (await inspector.get('/api/decisions/exceptions')).json() as Inspection['exceptions'] extends infer E
      ? { items: E }
      : never;
    const tq = report.items.find((r) => r.year === 2026)!;
    expect(tq.authority).toBe('Ban Thường vụ Tỉnh ủy, Thành ủy — Đảng bộ tỉnh Tuyên Quang');
    expect(tq).toMatchObject({ outsidePlan: 4, overrides: 0, total: 4 });
    expect(tq.verdict).toMatchObject({ ruleId: 'power.exceptions-per-authority', status: 'warning' });
    expect(report.items.find((r) => r.authority.startsWith('Cơ quan, đơn vị sử dụng'))).toMatchObject({ total: 1 });
    const p = (await officer.get(`/api/decisions/${ids[0]}`)).json() as ProcessDetail;
    expect(p.flags.map((f) => f.code)).toContain('exceptions-frequent');
    const own = (await officer.get(`/api/decisions/${khoaProcess}`)).json() as ProcessDetail;
    expect(own.flags.map((f) => f.code)).not.toContain('exceptions-frequent');
    const other = await loginAs(fx.app, 'officer.lc');
    expect(((await other.get('/api/decisions/exceptions')).json() as { items: unknown[] }).items).toEqual([]);
  });

  it('cancels an open process with its reason: the competent authority only, audited, flagged, and closed to steps', async () => {
    const body = { cancelledOn: '2026-03-06', reason: 'Đơn vị đề nghị dừng để rà soát lại quy hoạch' };
    expect((await officer.post(`/api/decisions/${khoaProcess}/cancel`, body)).statusCode).toBe(403);
    const res = await leader.post(`/api/decisions/${khoaProcess}/cancel`, body);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as ProcessDetail;
    expect(p.status).toBe('cancelled');
    expect(p.cancellation).toMatchObject({ reason: body.reason, cancelledOn: '2026-03-06' });
    expect(p.flags.find((f) => f.code === 'cancelled')!.message).toContain('rà soát lại quy hoạch');
    const step = await officer.post(`/api/decisions/${khoaProcess}/steps/structure/complete`, {
      completedOn: '2026-03-07',
      minutesRef: 'BB',
    });
    expect(step.statusCode).toBe(409);
    expect((await leader.post(`/api/decisions/${khoaProcess}/cancel`, body)).statusCode).toBe(409);
    const audit = await fx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', khoaProcess)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['decision.process.create', 'decision.cancel']);
  });

  it('runs a process under the province’s approved local pack: 120 days’ notice for a reappointment instead of 90', async () => {
    // Started 02/03/2026, 120 days before the head's term ends on 30/06/2026: on time under either rule.
    const before = (await start({ action: 'reappointment', personId: hung, positionId: headSeat })).json() as ProcessDetail;
    expect(before.localPackIds).toEqual([]);
    expect(before.flags.map((f) => f.code)).not.toContain('deadline-policy');
    expect(
      (await admin.post('/api/policy/local-packs/tuyen-quang-2026/approve', { note: 'Tờ trình 5/TTr-BTC' })).statusCode,
    ).toBe(200);
    // 95 days before the end: on time nationally (90), late under Tuyên Quang's 120.
    const late = await start({ action: 'reappointment', personId: hung, positionId: headSeat, startedOn: '2026-03-27' });
    expect(late.statusCode, late.body).toBe(201);
    const p = late.json() as ProcessDetail;
    expect(p.localPackIds).toEqual(['tuyen-quang-2026']);
    expect(p.flags.find((f) => f.code === 'deadline-policy')!.message).toContain('120 ngày');
  });

  let transferId: string;
  it('on effect, the attained title leaves the plan in the same transaction, and other plans stay', async () => {
    const db = fx.database.db;
    const cycleId = newId();
    await db
      .insertInto('planning_cycles')
      .values({
        id: cycleId,
        organization_id: snv,
        name: 'Quy hoạch 2026–2031',
        term_from: 2026,
        term_to: 2031,
        level: 'provincial',
        track: 'state',
        approving_authority: 'Ban Thường vụ Tỉnh ủy',
        policy_date: '2026-01-01',
        reference_key: null,
        reference_date: '2026-01-01',
        status: 'approved',
        created_by: null,
        created_at: nowIso(),
      } as never)
      .execute();
    const plan = async (titleCode: string) => {
      const id = newId();
      await db
        .insertInto('planning_plans')
        .values({
          id,
          cycle_id: cycleId,
          kind: 'title',
          organization_id: snv,
          position_id: null,
          title_id: `368-QD-TW:${titleCode}`,
          committee_kind: null,
          statutory_size: null,
          created_at: nowIso(),
        } as never)
        .execute();
      const candidate = newId();
      await db
        .insertInto('planning_candidates')
        .values({
          id: candidate,
          plan_id: id,
          cycle_id: cycleId,
          person_id: khoa,
          target_title_id: null,
          readiness: 'ready',
          rank: 1,
          emergency: 0,
          proposed_for_appointment: 1,
          notes: null,
          added_on: '2026-01-10',
          removed_on: null,
          removal_reason: null,
          created_at: nowIso(),
        } as never)
        .execute();
      return candidate;
    };
    const deputyPlan = await plan('PHO_GIAM_DOC_SO');
    const headPlan = await plan('GIAM_DOC_SO');

    const res = await start({ action: 'transfer', personId: khoa, positionId: deputySeat, startedOn: '2026-04-01' });
    expect(res.statusCode, res.body).toBe(201);
    transferId = (res.json() as ProcessDetail).id;
    const complete = (key: string, completedOn: string) =>
      officer.post(`/api/decisions/${transferId}/steps/${key}/complete`, { completedOn, minutesRef: `BB-${key}` });
    expect((await complete('proposal', '2026-04-02')).statusCode).toBe(200);
    expect((await complete('meeting', '2026-04-03')).statusCode).toBe(200);
    for (const key of DOSSIER)
      await officer.post(`/api/decisions/${transferId}/dossier`, { key, documentDate: '2026-03-20', reference: key });
    await fx.paperVote(transferId, 'collective', { summoned: 9, collected: 9, forEach: [7], voteDate: '2026-04-06' });
    expect((await complete('collective', '2026-04-07')).json()).toMatchObject({ outcome: 'passed' });
    expect((await complete('decision', '2026-04-08')).statusCode).toBe(200);

    const draft = await officer.get(`/api/decisions/${transferId}/decision.docx`);
    expect(draft.statusCode).toBe(200);
    const draftXml = await documentXml(draft.rawPayload);
    expect(draftXml).toContain('DỰ THẢO');
    expect(draftXml).toContain('Số: ……/QĐ-……');

    const decided = await leader.post(`/api/decisions/${transferId}/decide`, {
      number: '61/QĐ-UBND',
      decisionDate: '2026-04-20',
      effectiveDate: '2026-05-01',
      signerName: 'Nguyễn Văn Sơn',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const candidacies = await db
      .selectFrom('planning_candidates')
      .select(['id', 'removed_on', 'removal_reason'])
      .where('person_id', '=', khoa)
      .execute();
    expect(candidacies.find((c) => c.id === deputyPlan)).toMatchObject({ removed_on: '2026-05-01' });
    expect(candidacies.find((c) => c.id === deputyPlan)!.removal_reason).toContain('61/QĐ-UBND');
    expect(candidacies.find((c) => c.id === headPlan)).toMatchObject({ removed_on: null });
    const entry = await db
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity_id', '=', transferId)
      .where('action', '=', 'decision.decide')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json!).planningCandidaciesEnded).toEqual([{ id: deputyPlan, cycleId }]);
  });

  it('prints the decision in the official layout with its number, dates and signer', async () => {
    const res = await inspector.get(`/api/decisions/${transferId}/decision.docx`);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await documentXml(res.rawPayload);
    for (const text of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 61/QĐ-UBND',
      'Tuyên Quang, ngày 20 tháng 04 năm 2026',
      'QUYẾT ĐỊNH',
      'Điều động Ông Đỗ Minh Khoa',
      'kể từ ngày 01/05/2026',
      'Nguyễn Văn Sơn',
      '170/2025/NĐ-CP',
    ])
      expect(xml).toContain(text);
    expect(xml).not.toContain('DỰ THẢO');
  });

  it('shows the inspector every flag in scope and the full trail of a process, with the audit chain verified', async () => {
    const view = (await inspector.get('/api/decisions/inspection')).json() as Inspection;
    expect(view.chain).toMatchObject({ ok: true, problem: null });
    expect(view.flagged.map((p) => p.id)).toContain(khoaProcess);
    expect(view.exceptions.length).toBeGreaterThan(0);
    const t = (await inspector.get(`/api/decisions/${transferId}/trail`)).json() as Trail;
    expect(t.process.status).toBe('decided');
    expect(t.votes).toEqual([expect.objectContaining({ stepKey: 'collective', mode: 'paper', summoned: 9, collected: 9 })]);
    expect(t.votes[0]!.subjects).toEqual([{ fullName: 'Đỗ Minh Khoa', inFavour: 7 }]);
    const actions = t.audit.map((a) => a.action);
    expect(actions[0]).toBe('decision.process.create');
    expect(actions).toEqual(expect.arrayContaining(['vote.create', 'decision.dossier.add', 'decision.decide']));
    expect(t.chain.ok).toBe(true);
    // Read-only: the inspector writes nothing.
    expect(
      (await inspector.post(`/api/decisions/${transferId}/cancel`, { cancelledOn: '2026-05-02', reason: 'x' })).statusCode,
    ).toBe(403);
    const other = await loginAs(fx.app, 'officer.lc');
    expect((await other.get(`/api/decisions/${transferId}/trail`)).statusCode).toBe(404);
    expect((await other.get(`/api/decisions/${transferId}/decision.docx`)).statusCode).toBe(404);
    expect(((await other.get('/api/decisions/inspection')).json() as Inspection).flagged).toEqual([]);
  });

  it('blocks the other way too: a deputy whose sister holds the unit’s accounting seat, read from her family table', async () => {
    const lan = await fx.person({
      fullName: 'Ngô Thị Lan',
      birthDate: '1979-04-04',
      sex: 'F',
      family: [{ side: 'own', relation: 'sibling', fullName: 'Ngô Văn Tuấn', birthYear: 1977 }],
    });
    const tuan = await fx.person({ fullName: 'Ngô Văn Tuấn', birthDate: '1977-09-09' });
    await fx.seatPerson(accountantSeat, lan, 'Ngô Thị Lan');
    const res = await start({ action: 'appointment', personId: tuan, positionId: deputySeat, startedOn: '2026-06-01' });
    expect(res.statusCode).toBe(409);
    const error = res.json().error as { message: string; details: { path: string; message: string }[] };
    expect(error.message).toContain('Điều 20');
    expect(error.details).toHaveLength(1);
    expect(error.details[0]).toMatchObject({ path: 'power.relatives-restriction' });
    expect(error.details[0]!.message).toContain('Ngô Văn Tuấn sẽ là cấp phó đơn vị');
    expect(error.details[0]!.message).toContain('Ngô Thị Lan đang giữ vị trí kế toán (Kế toán trưởng');
    expect(error.details[0]!.message).toContain('36/2018/QH14');
  });

  it('checks again before the decision: a wife placed in a procurement seat meanwhile blocks the step until she is moved', async () => {
    const son = await fx.person({
      fullName: 'Phan Văn Sơn',
      birthDate: '1978-02-02',
      family: [{ side: 'own', relation: 'spouse', fullName: 'Phan Thị Hạnh', birthYear: 1980 }],
    });
    const hanh = await fx.person({ fullName: 'Phan Thị Hạnh', birthDate: '1980-12-12', sex: 'F' });
    const res = await start({ action: 'transfer', personId: son, positionId: deputySeat, startedOn: '2026-06-01' });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json() as ProcessDetail;
    expect(p.eligibility.filter((v) => v.ruleId === 'power.relatives-restriction').map((v) => v.status)).toEqual(['passed']);
    await fx.seatPerson(procurementSeat, hanh, 'Phan Thị Hạnh', '2026-06-03');
    expect((await fx.complete(p.id, 'proposal', '2026-06-02')).statusCode).toBe(200);
    expect((await fx.complete(p.id, 'meeting', '2026-06-04')).statusCode).toBe(200);
    await fx.fullDossier(p.id, '2026-05-20');
    await fx.paperVote(p.id, 'collective', { summoned: 9, collected: 9, forEach: [6], voteDate: '2026-06-05' });
    const blocked = await fx.complete(p.id, 'collective', '2026-06-08');
    expect(blocked.statusCode).toBe(409);
    const details = blocked.json().error.details as { path: string; message: string }[];
    expect(details).toEqual([expect.objectContaining({ path: 'power.relatives-restriction' })]);
    expect(details[0]!.message).toContain('Phan Thị Hạnh đang giữ vị trí mua sắm');
    // She is moved out of the procurement seat: the same step now completes.
    const inc = await fx.database.db
      .selectFrom('position_incumbents')
      .select('id')
      .where('person_id', '=', hanh)
      .executeTakeFirstOrThrow();
    const admin = (await resolveActorByUsername(fx.database.db, 'admin'))!;
    await endIncumbent(fx.database.db, admin, inc.id, '2026-06-09');
    const done = await fx.complete(p.id, 'collective', '2026-06-10');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ outcome: 'passed', continues: true });
  });

  it('lists the unit’s seats with their sensitive category, the head and deputy seats and their holders', async () => {
    const res = await officer.get(`/api/decisions/seats?organizationId=${snv}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: SeatCategory[] }).items;
    const of = (id: string) => items.find((s) => s.positionId === id)!;
    expect(of(accountantSeat)).toMatchObject({ seatCategory: null, titleCategory: 'accounting', category: 'accounting' });
    expect(of(procurementSeat)).toMatchObject({ seatCategory: 'procurement', category: 'procurement', role: null });
    expect(of(headSeat)).toMatchObject({ role: 'head', category: null, holders: ['Trần Văn Hùng'] });
    expect(of(deputySeat).role).toBe('deputy');
    const other = await loginAs(fx.app, 'officer.lc');
    expect((await other.get(`/api/decisions/seats?organizationId=${snv}`)).statusCode).toBe(404);
  });

  it('sets a seat’s category with a reason, audited, showing at once the art. 20 conflict of its holder', async () => {
    // A procurement seat by its title, whose holder also keeps the accounts of the unit.
    const seat = await fx.seat('PHU_TRACH_MUA_SAM');
    await fx.seatPerson(seat, mai, 'Trần Thị Mai', '2026-01-05');
    const body = { postCategory: 'accounting', reason: 'Kiêm nhiệm kế toán của Sở theo Quyết định 12/QĐ-SNV' };
    expect((await inspector.post(`/api/decisions/seats/${seat}/post-category`, body)).statusCode).toBe(403);
    expect(
      (await (await loginAs(fx.app, 'officer.lc')).post(`/api/decisions/seats/${seat}/post-category`, body)).statusCode,
    ).toBe(404);
    const res = await officer.post(`/api/decisions/seats/${seat}/post-category`, body);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json() as { seat: SeatCategory; conflicts: { ruleId: string; status: string; detail: { vi: string } }[] };
    expect(out.seat).toMatchObject({
      seatCategory: 'accounting',
      titleCategory: 'procurement',
      category: 'accounting',
      holders: ['Trần Thị Mai'],
    });
    expect(out.conflicts).toEqual([expect.objectContaining({ ruleId: 'power.relatives-restriction', status: 'failed' })]);
    expect(out.conflicts[0]!.detail.vi).toContain('Trần Văn Hùng, người đứng đầu đơn vị');
    expect(out.conflicts[0]!.detail.vi).toContain('vị trí kế toán');
    const audit = await fx.database.db
      .selectFrom('audit_log')
      .select(['action', 'before_json', 'after_json'])
      .where('entity_id', '=', seat)
      .where('action', '=', 'decision.seat.post_category')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toEqual({ postCategory: null });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ postCategory: 'accounting', reason: body.reason });
    // Cleared, the seat follows its title again: procurement, where she is still her father's relative.
    const cleared = await officer.post(`/api/decisions/seats/${seat}/post-category`, {
      postCategory: null,
      reason: 'Đã thôi kiêm nhiệm kế toán',
    });
    const back = cleared.json() as typeof out;
    expect(back.seat).toMatchObject({ seatCategory: null, titleCategory: 'procurement', category: 'procurement' });
    expect(back.conflicts.map((c) => c.detail.vi.includes('vị trí mua sắm'))).toEqual([true]);
    expect((await inspector.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });
});

async function documentXml(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  // Runs split text: join the text nodes to search the words as printed.
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}
