import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { type Client, buildTestApp, loginAs } from '../../../test/http';
import { findOrganizationByCode } from '../organizations/organization.repository';
import { buildRecord } from '../persons/person.fixtures';
import ExcelJS from 'exceljs';
import { resolveActorByUsername } from '../../../scripts/demo/demo-actors';
import { createPerson } from '../persons/person.service';
import { addCandidate, createCycle, createPlan } from '../planning/planning.service';
import { syncTitleCatalog } from '../titles/title.service';
import { loadPolicyLibrary } from '../policy/pack.loader';

describe.each(testDialects())('training on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: Client;
  let admin: Client;
  let officerLc: Client;
  let tq: string;
  let snv: string;
  let cccd = 0;

  async function person(
    fullName: string,
    theoryLevel: 'trung_cap' | 'cao_cap' | 'so_cap',
    stateManagement: 'chuyen_vien' | 'chuyen_vien_chinh' = 'chuyen_vien',
    professionalLevel: 'cao_dang' | 'dai_hoc' = 'dai_hoc',
  ) {
    return (
      await createPerson(
        database.db,
        null,
        buildRecord({
          fullName,
          theoryLevel,
          stateManagement,
          professionalLevel,
          organizationId: snv,
          cccd: `008075${String(++cccd).padStart(6, '0')}`,
        }),
      )
    ).id;
  }

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await syncTitleCatalog(database.db);
    app = await buildTestApp(database);
    officer = await loginAs(app, 'officer.tq');
    admin = await loginAs(app, 'admin');
    officerLc = await loginAs(app, 'officer.lc');
    tq = (await findOrganizationByCode(database.db, 'TQ'))!.id;
    snv = (await findOrganizationByCode(database.db, 'TQ.SNV'))!.id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('updates the record only after a second person approves the completion it proposed', async () => {
    const an = await person('Trần Văn An', 'trung_cap');
    const course = (
      await officer.post('/api/training/courses', {
        organizationId: tq,
        kind: 'political_theory',
        name: 'Cao cấp lý luận chính trị khóa 2025–2026',
        theoryLevel: 'cao_cap',
        provider: 'Học viện Chính trị khu vực I',
        startsOn: '2025-03-01',
        endsOn: '2026-06-30',
        form: 'tai_chuc',
      })
    ).json();
    const enrolment = await officer.post(`/api/training/courses/${course.id}/enrolments`, { personId: an, dueBy: '2026-06-30' });
    expect(enrolment.statusCode).toBe(201);
    expect((await officer.post(`/api/training/courses/${course.id}/enrolments`, { personId: an })).statusCode).toBe(409);

    const done = await officer.post(`/api/training/enrolments/${enrolment.json().id}/completion`, {
      completedOn: '2026-06-30',
      passed: true,
      result: 'Khá',
      certificateNo: 'CC-2026-0815',
    });
    expect(done.statusCode).toBe(200);
    const declarationId = done.json().declarationId as string;
    expect(done.json()).toMatchObject({ status: 'completed', declarationId: expect.any(String) });

    // Not yet in the record: the change waits in the records approval flow.
    const before = (await officer.get(`/api/persons/${an}`)).json();
    expect(before.record?.theoryLevel ?? before.theoryLevel).toBe('trung_cap');
    const pending = (await officer.get('/api/person-declarations?status=pending')).json();
    expect(pending.items.map((d: { id: string }) => d.id)).toContain(declarationId);

    // The officer who proposed it cannot approve it; someone else can.
    expect((await officer.post(`/api/person-declarations/${declarationId}/decision`, { decision: 'approve' })).statusCode).toBe(
      403,
    );
    const approved = await admin.post(`/api/person-declarations/${declarationId}/decision`, { decision: 'approve' });
    expect(approved.statusCode).toBe(200);
    const after = (await officer.get(`/api/persons/${an}`)).json();
    const record = after.record ?? after;
    expect(record.theoryLevel).toBe('cao_cap');
    expect(record.training.at(-1)).toMatchObject({
      school: 'Học viện Chính trị khu vực I',
      qualification: 'Khá — số CC-2026-0815',
    });

    expect(
      (
        await officer.post(`/api/training/enrolments/${enrolment.json().id}/completion`, {
          completedOn: '2026-07-01',
          passed: true,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('a failed course proposes no record change', async () => {
    const binh = await person('Lê Văn Bình', 'so_cap');
    const course = (
      await officer.post('/api/training/courses', {
        organizationId: snv,
        kind: 'state_management',
        name: 'Bồi dưỡng ngạch chuyên viên chính',
        stateManagementLevel: 'chuyen_vien_chinh',
        provider: 'Trường Chính trị tỉnh Tuyên Quang',
        startsOn: '2026-03-01',
        endsOn: '2026-05-30',
      })
    ).json();
    const e = (await officer.post(`/api/training/courses/${course.id}/enrolments`, { personId: binh })).json();
    const failed = await officer.post(`/api/training/enrolments/${e.id}/completion`, {
      completedOn: '2026-05-30',
      passed: false,
    });
    expect(failed.json()).toMatchObject({ status: 'failed', declarationId: null });
  });

  it('counts the yearly plan by kind of course, with who must finish what by when', async () => {
    expect((await officer.post('/api/training/needs', {})).statusCode).toBe(404);
    const plan = (await officer.get(`/api/training/plan?organizationId=${tq}&year=2026`)).json();
    expect(plan.byKind.political_theory).toEqual({ courses: 1, enrolled: 1, completed: 1 });
    expect(plan.byKind.state_management).toEqual({ courses: 1, enrolled: 1, completed: 0 });
    expect(plan.due.find((d: { personName: string }) => d.personName === 'Trần Văn An')).toMatchObject({
      dueBy: '2026-06-30',
      status: 'completed',
    });
  });

  it('keeps other provinces out of courses and enrolments', async () => {
    const courses = (await officer.get('/api/training/courses')).json();
    expect(courses.length).toBeGreaterThan(0);
    expect((await officerLc.get('/api/training/courses')).json()).toEqual([]);
    expect((await officerLc.get(`/api/training/courses/${courses[0].id}/enrolments`)).statusCode).toBe(404);
  });

  /** A planning plan (the standing committee) with people planned for a director of department and a commune chair. */
  async function plannedPeople(people: { id: string; titleCode: string }[]): Promise<string> {
    const ctx = { db: database.db, library: loadPolicyLibrary() };
    const actor = (await resolveActorByUsername(database.db, 'officer.tq'))!;
    const cycle = await createCycle(ctx, actor, {
      organizationId: tq,
      name: 'Quy hoạch 2026–2031',
      termFrom: 2026,
      termTo: 2031,
      level: 'provincial',
      track: 'party',
      approvingAuthority: 'Ban Thường vụ Tỉnh ủy',
      policyDate: '2026-03-01',
      referenceKey: 'provincial',
    });
    const detail = await createPlan(ctx, actor, cycle.id, {
      kind: 'committee',
      organizationId: tq,
      committeeKind: 'standing',
      statutorySize: 15,
    });
    const planId = detail.plans[0]!.id;
    for (const p of people) await addCandidate(ctx, actor, planId, { personId: p.id, targetTitleId: `368-QD-TW:${p.titleCode}` });
    return planId;
  }

  it("finds the training needs of the people in a plan from their target title's standards, and exports them", async () => {
    const giang = await person('Vũ Thị Giang', 'trung_cap', 'chuyen_vien');
    const hai = await person('Ngô Văn Hải', 'cao_cap', 'chuyen_vien_chinh');
    const khanh = await person('Lý Văn Khánh', 'so_cap', 'chuyen_vien', 'cao_dang');
    const planId = await plannedPeople([
      { id: giang, titleCode: 'GIAM_DOC_SO' },
      { id: hai, titleCode: 'GIAM_DOC_SO' },
      { id: khanh, titleCode: 'PHO_CHU_TICH_UBND_XA' },
    ]);
    const url = `/api/training/plans/${planId}/needs?dueBy=2027-12-31`;
    const needs = await officer.get(url);
    expect(needs.statusCode).toBe(200);
    type Person = { personName: string; gaps: unknown[]; courses: unknown[] };
    const byName = (n: { people: Person[] }, name: string) => n.people.find((p) => p.personName === name)!;
    // Giám đốc sở: its own row (advanced theory, principal officer); a commune deputy chair: the commune standing committee's.
    expect(byName(needs.json(), 'Vũ Thị Giang')).toMatchObject({
      targetTitleName: 'Giám đốc Sở',
      standards: { theory: 'cao_cap', stateManagement: 'chuyen_vien_chinh' },
      unconfirmed: true,
      // No language or IT on her record: the provincial skill standard (language level 3, basic IT) makes both needs.
      gaps: [
        { kind: 'political_theory', has: 'trung_cap', needs: 'cao_cap' },
        { kind: 'state_management' },
        { kind: 'language', has: '', needs: '3' },
        { kind: 'it', has: '', needs: 'co_ban' },
      ],
    });
    // Every requirement of the standards is checked and shown with its source: the degree (policy/standards) is met,
    // the months in a post one level below are named as no training need, with the reason.
    type Check = { requirement: string; status: string; entryId: string; reason: { vi: string } | null };
    const giangChecks = (byName(needs.json(), 'Vũ Thị Giang') as unknown as { checks: Check[] }).checks;
    expect(giangChecks.map((c) => [c.requirement, c.status, c.entryId])).toEqual([
      ['theory', 'gap', 'training:title-standards-2025:GIAM_DOC_SO'],
      ['education', 'met', 'provincial.education'],
      ['stateManagement', 'gap', 'training:title-standards-2025:GIAM_DOC_SO'],
      ['priorPostMonths', 'not_training', 'department-head.prior-post'],
      ['foreignLanguage', 'gap', 'language-it.provincial'],
      ['informatics', 'gap', 'language-it.provincial'],
    ]);
    expect(giangChecks[3]!.reason!.vi).toContain('không bù được bằng đào tạo');
    expect(byName(needs.json(), 'Ngô Văn Hải').gaps).toEqual([
      expect.objectContaining({ kind: 'language' }),
      expect.objectContaining({ kind: 'it' }),
    ]);
    expect(byName(needs.json(), 'Lý Văn Khánh')).toMatchObject({
      standards: { theory: 'trung_cap', stateManagement: 'chuyen_vien' },
      citation: expect.stringContaining('33/2023/NĐ-CP'),
      gaps: [
        { kind: 'political_theory', has: 'so_cap', needs: 'trung_cap' },
        { kind: 'professional_degree', has: 'cao_dang', needs: 'dai_hoc' },
        { kind: 'language', has: '', needs: '2' },
        { kind: 'it', has: '', needs: 'co_ban' },
      ],
    });
    expect(needs.json().stillNeeded).toMatchObject({
      political_theory: 2,
      state_management: 1,
      professional_degree: 1,
      language: 3,
      it: 3,
    });

    // Once Giang is sent to an advanced course, she no longer counts as still needing one; her course is listed.
    const course = (
      await officer.post('/api/training/courses', {
        organizationId: tq,
        kind: 'political_theory',
        name: 'Cao cấp lý luận chính trị khóa 2026–2027',
        theoryLevel: 'cao_cap',
        provider: 'Học viện Chính trị khu vực I',
        startsOn: '2026-09-01',
        endsOn: '2027-09-30',
        form: 'tai_chuc',
      })
    ).json();
    await officer.post(`/api/training/courses/${course.id}/enrolments`, { personId: giang, dueBy: '2027-09-30' });
    const again = (await officer.get(url)).json();
    expect(again.stillNeeded).toMatchObject({ political_theory: 1, state_management: 1, professional_degree: 1 });
    expect(byName(again, 'Vũ Thị Giang').courses).toEqual([
      {
        courseName: 'Cao cấp lý luận chính trị khóa 2026–2027',
        kind: 'political_theory',
        status: 'enrolled',
        dueBy: '2027-09-30',
      },
    ]);

    const file = await officer.get(`/api/training/plans/${planId}/needs.xlsx?dueBy=2027-12-31`);
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues()
      .filter(Array.isArray)
      .map((r) => r.slice(1).join(' | '));
    expect(rows.join('\n')).toContain('hoàn thành trước 31/12/2027');
    expect(rows.find((r) => r.startsWith('Vũ Thị Giang'))).toContain('Lý luận chính trị: có trung cấp, cần cao cấp');
    expect(rows.find((r) => r.startsWith('Vũ Thị Giang'))).toContain('Thời gian giữ chức vụ thấp hơn một cấp 12 tháng');
    expect(rows.find((r) => r.startsWith('Lý Văn Khánh'))).toContain('Trình độ chuyên môn: có cao đẳng, cần đại học');

    expect((await officerLc.get(url)).statusCode).toBe(404);
    expect((await officer.get(`/api/training/plans/${planId}/needs?dueBy=31-12-2027`)).statusCode).toBe(400);
  });

  it('keeps the certificate file of a completion, PDF or DOCX only, and exports the yearly plan', async () => {
    const lan = await person('Hoàng Thị Lan', 'trung_cap');
    const course = (
      await officer.post('/api/training/courses', {
        organizationId: snv,
        kind: 'it',
        name: 'Ứng dụng công nghệ thông tin cơ bản',
        provider: 'Trường Đại học Tân Trào',
        startsOn: '2026-04-01',
        endsOn: '2026-04-30',
      })
    ).json();
    const e = (
      await officer.post(`/api/training/courses/${course.id}/enrolments`, { personId: lan, dueBy: '2026-04-30' })
    ).json();
    const pdf = Buffer.from('%PDF-1.4\n% chứng chỉ\n');
    const upload = (body: Buffer, name: string, client = officer) =>
      client.post(`/api/training/enrolments/${e.id}/certificate`, body, {
        'content-type': 'application/pdf',
        'x-file-name': encodeURIComponent(name),
      });
    expect((await upload(Buffer.from('not a pdf'), 'chung-chi.pdf')).statusCode).toBe(400);
    expect((await upload(pdf, 'chung-chi.pdf', officerLc)).statusCode).toBe(404);
    const stored = await upload(pdf, 'chứng chỉ.pdf');
    expect(stored.statusCode).toBe(201);
    const listed = (await officer.get(`/api/training/courses/${course.id}/enrolments`)).json();
    expect(listed[0].certificate).toEqual({ id: stored.json().id, fileName: 'chứng chỉ.pdf' });
    const download = await officer.get(`/api/attachments/${stored.json().id}/content`);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await officerLc.get(`/api/attachments/${stored.json().id}/content`)).statusCode).toBe(404);
    // A file altered in the database no longer matches its checksum and is not served.
    await database.db
      .updateTable('attachments')
      .set({ content: Buffer.from('%PDF-1.4\n% sửa lén\n') })
      .where('id', '=', stored.json().id)
      .execute();
    const tampered = await officer.get(`/api/attachments/${stored.json().id}/content`);
    expect(tampered.statusCode).toBe(500);
    expect(tampered.body).not.toContain('sửa lén');

    const file = await officer.get(`/api/training/plan.xlsx?organizationId=${tq}&year=2026`);
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const kinds = book
      .getWorksheet('Theo loại khóa')!
      .getSheetValues()
      .filter(Array.isArray)
      .map((r) => r.slice(1));
    expect(kinds.find((r) => r[0] === 'Tin học')).toEqual(['Tin học', 1, 1, 0]);
    const due = book
      .getWorksheet('Thời hạn hoàn thành')!
      .getSheetValues()
      .filter(Array.isArray)
      .map((r) => r.slice(1));
    expect(due.find((r) => r[0] === 'Hoàng Thị Lan')).toEqual([
      'Hoàng Thị Lan',
      'Ứng dụng công nghệ thông tin cơ bản',
      'Tin học',
      '30/04/2026',
      'Đang học',
    ]);
  });

  it('writes a course name typed as a formula into the yearly plan as text', async () => {
    const minh = await person('Lý Văn Minh', 'so_cap');
    const name = '=HYPERLINK("http://example.invalid","Bấm vào đây")';
    const course = (
      await officer.post('/api/training/courses', {
        organizationId: snv,
        kind: 'it',
        name,
        provider: 'Trường Chính trị tỉnh',
        startsOn: '2026-05-04',
        endsOn: '2026-05-29',
      })
    ).json();
    expect(
      (await officer.post(`/api/training/courses/${course.id}/enrolments`, { personId: minh, dueBy: '2026-05-29' })).statusCode,
    ).toBe(201);
    const file = await officer.get(`/api/training/plan.xlsx?organizationId=${tq}&year=2026`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const row = book
      .getWorksheet('Thời hạn hoàn thành')!
      .getSheetValues()
      .filter(Array.isArray)
      .map((r) => r.slice(1))
      .find((r) => r[0] === 'Lý Văn Minh');
    expect(row?.[1]).toBe(`'${name}`);
  });
});
