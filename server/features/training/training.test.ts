import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { type Client, buildTestApp, loginAs } from '../../../test/http';
import { findOrganizationByCode } from '../organizations/organization.repository';
import { buildRecord } from '../persons/person.fixtures';
import { createPerson } from '../persons/person.service';

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
  ) {
    return (
      await createPerson(
        database.db,
        null,
        buildRecord({
          fullName,
          theoryLevel,
          stateManagement,
          organizationId: snv,
          cccd: `008075${String(++cccd).padStart(6, '0')}`,
        }),
      )
    ).id;
  }

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
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

  it('lists the gaps of people planned for a title against its standards, and the yearly plan by kind', async () => {
    const cuong = await person('Phạm Văn Cường', 'trung_cap', 'chuyen_vien');
    const dung = await person('Đỗ Thị Dung', 'cao_cap', 'chuyen_vien_chinh');
    const needs = await officer.post('/api/training/needs', {
      personIds: [cuong, dung],
      standards: { theory: 'cao_cap', stateManagement: 'chuyen_vien_chinh' },
      titleName: 'Giám đốc Sở',
      dueBy: '2027-12-31',
    });
    expect(needs.statusCode).toBe(200);
    expect(needs.json()).toMatchObject({ ruleId: 'standards.title-requirements', dueBy: '2027-12-31' });
    expect(
      needs.json().people.map((p: { personName: string; gaps: { kind: string }[] }) => [p.personName, p.gaps.map((g) => g.kind)]),
    ).toEqual([
      ['Phạm Văn Cường', ['political_theory', 'state_management']],
      ['Đỗ Thị Dung', []],
    ]);
    expect(
      (
        await officerLc.post('/api/training/needs', {
          personIds: [cuong],
          standards: { theory: 'cao_cap', stateManagement: 'none' },
          titleName: 'x',
          dueBy: '2027-12-31',
        })
      ).statusCode,
    ).toBe(400);

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
});
