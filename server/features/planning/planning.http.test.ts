import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CycleDetail, FinderItem, Plan } from '../../../contracts/planning';
import type { PlanNeeds } from '../../../contracts/training';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { type Client, buildTestApp, loginAs } from '../../../test/http';
import { buildRecord } from '../persons/person.fixtures';
import { createPerson } from '../persons/person.service';
import { syncTitleCatalog } from '../titles/title.service';

describe.each(testDialects())('planning over HTTP on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: Client;
  let officerLc: Client;
  let leader: Client;
  let tqId: string;
  let snvId: string;
  let seatId: string;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await syncTitleCatalog(database.db);
    app = await buildTestApp(database);
    officer = await loginAs(app, 'officer.tq');
    officerLc = await loginAs(app, 'officer.lc');
    leader = await loginAs(app, 'leader.tq');
    const orgs = (await officer.get('/api/organizations?limit=200')).json() as { items: { id: string; code: string }[] };
    tqId = orgs.items.find((o) => o.code === 'TQ')!.id;
    snvId = orgs.items.find((o) => o.code === 'TQ.SNV')!.id;
    const seat = await officer.post('/api/positions', {
      organizationId: snvId,
      titleId: '368-QD-TW:GIAM_DOC_SO',
      seatCount: 1,
      validFrom: '2025-10-01',
    });
    expect(seat.statusCode).toBe(201);
    seatId = (seat.json() as { id: string }).id;
    const make = async (key: string, over: Parameters<typeof buildRecord>[0]) => {
      const p = await createPerson(
        database.db,
        null,
        buildRecord({
          organizationId: snvId,
          cccd: null,
          recruitmentDate: '2012-01-01',
          partyAdmissionDate: '2012-05-19',
          partyOfficialDate: '2013-05-19',
          ...over,
        }),
      );
      people[key] = p.id;
    };
    // A deputy director, one level below, with years ahead; an older deputy short of 60 months at 09/2030; a young woman.
    await make('deputy', { fullName: 'Lê Văn Phó', birthDate: '1980-05-20', currentTitleCode: 'PHO_GIAM_DOC_SO' });
    await make('older', { fullName: 'Trần Văn Cao', birthDate: '1970-02-01', currentTitleCode: 'PHO_GIAM_DOC_SO' });
    // A deputy with a college degree and no state-management course: what he lacks is a training need.
    await make('untrained', {
      fullName: 'Đinh Văn Học',
      birthDate: '1984-04-04',
      currentTitleCode: 'PHO_GIAM_DOC_SO',
      professionalLevel: 'cao_dang',
      stateManagement: 'none',
      languages: [{ language: 'Tiếng Anh', level: 'Bậc 2 (A2)' }],
      itLevel: 'Ứng dụng CNTT cơ bản',
    });
    // A young commune party secretary: two levels below the director, younger than every deputy.
    await make('commune', { fullName: 'Vũ Văn Xã', birthDate: '1991-02-02', currentTitleCode: 'BI_THU_DANG_UY_XA' });
    await make('woman', {
      fullName: 'Hoàng Thị Mai',
      sex: 'F',
      birthDate: '1988-07-07',
      ethnicity: '02',
      currentTitleCode: null,
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  let cycle: CycleDetail;
  it('creates a provincial cycle whose reference date comes from HD 45 in the pack in force', async () => {
    const res = await officer.post('/api/planning/cycles', {
      organizationId: tqId,
      name: 'Quy hoạch Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2026–2031',
      termFrom: 2026,
      termTo: 2031,
      level: 'provincial',
      approvingAuthority: 'Ban Thường vụ Tỉnh ủy',
      policyDate: '2026-03-01',
      referenceKey: 'provincial',
    });
    expect(res.statusCode).toBe(201);
    cycle = res.json();
    expect(cycle).toMatchObject({
      status: 'draft',
      referenceDate: '2030-09-01',
      referenceLabel: 'Tỉnh và trực thuộc Trung ương',
    });
  });

  it('refuses a reference key the pack does not have, in Vietnamese first', async () => {
    const res = await officer.post('/api/planning/cycles', {
      organizationId: tqId,
      name: 'Sai mốc',
      termFrom: 2026,
      termTo: 2031,
      level: 'provincial',
      approvingAuthority: 'Ban Thường vụ Tỉnh ủy',
      policyDate: '2024-03-01',
      referenceKey: 'provincial',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('mốc tính tuổi');
  });

  let planId: string;
  it('adds a plan for a seat and finds eligible people and those one requirement short', async () => {
    const res = await officer.post(`/api/planning/cycles/${cycle.id}/plans`, { kind: 'seat', positionId: seatId });
    expect(res.statusCode).toBe(201);
    planId = (res.json() as CycleDetail).plans[0]!.id;
    const eligible = (await officer.get(`/api/planning/plans/${planId}/finder`)).json() as { items: FinderItem[] };
    const ids = eligible.items.map((i) => i.personId);
    expect(ids).toContain(people.deputy);
    expect(ids).not.toContain(people.older);
    expect(eligible.items.find((i) => i.personId === people.deputy)!.subjectGroup).toBe('one_below');
    // Closeness to the title comes first, whatever the pick: the deputy (one level below) before the younger
    // commune secretary (two below); every item says why it stands where it does.
    for (const sort of ['fit', 'youngest', 'months_left']) {
      const res = await officer.get(`/api/planning/plans/${planId}/finder?sort=${sort}`);
      const items = (res.json() as { items: FinderItem[] }).items;
      const at = (id: string | undefined) => items.findIndex((i) => i.personId === id);
      expect(at(people.deputy), sort).toBeGreaterThanOrEqual(0);
      expect(at(people.deputy), sort).toBeLessThan(at(people.commune));
      expect(items.map((i) => i.position)).toEqual(items.map((_, k) => k + 1));
    }
    const commune = eligible.items.find((i) => i.personId === people.commune)!;
    expect(commune).toMatchObject({ levelsBelow: 2, subjectGroup: 'two_below' });
    expect(commune.why[0]).toMatchObject({ criterion: 'closeness', ruleId: 'planning.age-by-level' });
    expect(commune.why[0]!.text.vi).toContain('thấp hơn hai cấp');
    const short = (await officer.get(`/api/planning/plans/${planId}/finder?oneShort=1`)).json() as { items: FinderItem[] };
    const older = short.items.find((i) => i.personId === people.older)!;
    expect(older.eligible).toBe(false);
    expect(older.missing.map((m) => m.ruleId)).toEqual(['planning.age-by-level']);
    expect(short.items.map((i) => i.personId)).not.toContain(people.deputy);
    const women = (await officer.get(`/api/planning/plans/${planId}/finder?women=1&ethnicMinority=1`)).json() as {
      items: FinderItem[];
    };
    expect(women.items.map((i) => i.personId)).toEqual([people.woman]);
  });

  it("names each listed person's language and IT training needs in the finder, and leaves nobody out for them", async () => {
    const all = (await officer.get(`/api/planning/plans/${planId}/finder?sort=youngest`)).json() as { items: FinderItem[] };
    const of = (key: string) => all.items.find((i) => i.personId === people[key])!;
    // English level 2 against the level 3 of a provincial title, basic IT met: one language gap, a warning.
    const untrained = of('untrained');
    expect(untrained).toBeDefined();
    expect(untrained.trainingGaps.map((g) => [g.ruleId, g.status])).toEqual([['standards.language-it.provincial', 'warning']]);
    expect(untrained.trainingGaps[0]!.detail.vi).toContain('Cần bồi dưỡng ngoại ngữ: Tiếng Anh Bậc 2 (A2) (bậc 2), cần bậc 3');
    expect(untrained.trainingGaps[0]!.citation.text).toContain('89-QĐ/TW');
    // The standard is unconfirmed: it says so and stays a warning.
    expect(untrained.trainingGaps[0]!.ruleUnconfirmed).toBe(true);
    expect(untrained.trainingGaps[0]!.detail.vi).toContain('chưa được xác minh');
    // Nothing on the record: both skills are training needs, and the deputy is still listed and eligible.
    const deputy = of('deputy');
    expect(deputy.eligible).toBe(true);
    expect(deputy.trainingGaps.map((g) => g.detail.vi)).toEqual([
      expect.stringContaining('Hồ sơ chưa ghi ngoại ngữ; cần bậc 3'),
      expect.stringContaining('Hồ sơ chưa ghi trình độ tin học'),
    ]);
    expect(deputy.warnings).toBeGreaterThanOrEqual(2);
  });

  it('shows a violation with its citation live, and blocks submission until an exception is recorded', async () => {
    for (const key of ['deputy', 'older'])
      expect(
        (await officer.post(`/api/planning/plans/${planId}/candidates`, { personId: people[key], readiness: 'now' })).statusCode,
      ).toBe(201);
    const detail = (await officer.get(`/api/planning/cycles/${cycle.id}`)).json() as CycleDetail;
    const older = detail.plans[0]!.candidates.find((c) => c.personId === people.older)!;
    const age = older.verdicts.find((v) => v.ruleId === 'planning.age-by-level')!;
    expect(age).toMatchObject({ status: 'failed', blocking: true, citation: { document: '377-QĐ/TW' } });
    expect(age.detail.vi).toContain('cần 60 tháng');
    expect(detail.blockingCount).toBe(1);

    expect((await officer.post(`/api/planning/cycles/${cycle.id}/status`, { status: 'submitted' })).statusCode).toBe(409);
    expect((await officer.post(`/api/planning/cycles/${cycle.id}/status`, { status: 'in_rounds' })).statusCode).toBe(200);
    const refused = await officer.post(`/api/planning/cycles/${cycle.id}/status`, { status: 'submitted' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details[0]).toMatchObject({ path: 'planning.age-by-level' });

    const ex = await officer.post(`/api/planning/cycles/${cycle.id}/exceptions`, {
      planId,
      ruleId: 'planning.age-by-level',
      personId: people.older,
      decisionRef: 'Văn bản số 123-CV/TU',
      decidedBy: 'Ban Thường vụ Tỉnh ủy',
      decidedOn: '2026-03-10',
      reason: 'Cán bộ có năng lực nổi trội, cấp có thẩm quyền đồng ý',
    });
    expect(ex.statusCode).toBe(201);
    expect((ex.json() as CycleDetail).blockingCount).toBe(0);
    const submitted = await officer.post(`/api/planning/cycles/${cycle.id}/status`, { status: 'submitted' });
    expect(submitted.statusCode).toBe(200);
    expect((submitted.json() as CycleDetail).status).toBe('submitted');
  });

  it('a submitted plan cannot be edited', async () => {
    const res = await officer.post(`/api/planning/plans/${planId}/candidates`, { personId: people.woman });
    expect(res.statusCode).toBe(409);
  });

  it('only the competent level approves; the officer cannot', async () => {
    expect((await officer.post(`/api/planning/cycles/${cycle.id}/status`, { status: 'approved' })).statusCode).toBe(403);
    const ok = await leader.post(`/api/planning/cycles/${cycle.id}/status`, { status: 'approved' });
    expect(ok.statusCode).toBe(200);
  });

  it('checks the committee coefficient', async () => {
    const c = (
      await officer.post('/api/planning/cycles', {
        organizationId: tqId,
        name: 'Quy hoạch Ban Thường vụ',
        termFrom: 2026,
        termTo: 2031,
        level: 'provincial',
        approvingAuthority: 'Ban Chấp hành Đảng bộ tỉnh',
        policyDate: '2026-03-01',
        referenceKey: 'provincial',
      })
    ).json() as CycleDetail;
    const withPlan = (
      await officer.post(`/api/planning/cycles/${c.id}/plans`, {
        kind: 'committee',
        organizationId: tqId,
        committeeKind: 'standing',
        statutorySize: 2,
      })
    ).json() as CycleDetail;
    const committeePlan = withPlan.plans[0]!.id;
    const one = (
      await officer.post(`/api/planning/plans/${committeePlan}/candidates`, { personId: people.deputy })
    ).json() as CycleDetail;
    expect(one.plans[0]!.verdicts.map((v) => [v.ruleId, v.status])).toEqual([['planning.committee-size-ratio', 'failed']]);
    const two = (
      await officer.post(`/api/planning/plans/${committeePlan}/candidates`, { personId: people.woman })
    ).json() as CycleDetail;
    expect(two.plans[0]!.verdicts.map((v) => v.status)).toEqual(['passed']);
    const three = (
      await officer.post(`/api/planning/plans/${committeePlan}/candidates`, { personId: people.older })
    ).json() as CycleDetail;
    expect(three.plans[0]!.verdicts.map((v) => v.status)).toEqual(['passed']); // 3 = 1.5 × 2
    expect(three.structure).toMatchObject({ total: 3, women: 1, ethnicMinority: 1 });
    const pointless = await officer.post(`/api/planning/cycles/${c.id}/exceptions`, {
      planId: committeePlan,
      ruleId: 'planning.committee-size-ratio',
      decisionRef: 'Văn bản 1',
      decidedBy: 'Ban Thường vụ',
      decidedOn: '2026-03-10',
      reason: 'không cần',
    });
    expect(pointless.statusCode).toBe(400);
    expect(pointless.json().error.details[0].message).toContain('không có vi phạm');
  });

  it('removes a person with the reason and keeps the history out of the live plan', async () => {
    const detail = (await officer.get('/api/planning/cycles')).json() as { items: { id: string; candidateCount: number }[] };
    const c = detail.items.find((x) => x.candidateCount === 3)!;
    const full = (await officer.get(`/api/planning/cycles/${c.id}`)).json() as CycleDetail;
    const cand = full.plans[0]!.candidates[0]!;
    const res = await officer.post(`/api/planning/candidates/${cand.id}/remove`, { reason: 'Bị kỷ luật khiển trách' });
    expect(res.statusCode).toBe(200);
    expect((res.json() as CycleDetail).plans[0]!.candidates.map((x) => x.id)).not.toContain(cand.id);
  });

  it("judges each person against the planned title's standards: what is lacking is a training need, with its citation", async () => {
    const second = (
      await officer.post('/api/planning/cycles', {
        organizationId: tqId,
        name: 'Quy hoạch bổ sung Giám đốc Sở Nội vụ',
        termFrom: 2026,
        termTo: 2031,
        level: 'provincial',
        approvingAuthority: 'Ban Thường vụ Tỉnh ủy',
        policyDate: '2026-03-01',
        referenceKey: 'provincial',
      })
    ).json() as CycleDetail;
    const plan = (
      (await officer.post(`/api/planning/cycles/${second.id}/plans`, { kind: 'seat', positionId: seatId })).json() as CycleDetail
    ).plans[0]!;
    const add = (addedOn?: string) =>
      officer.post(`/api/planning/plans/${plan.id}/candidates`, { personId: people.untrained, ...(addedOn ? { addedOn } : {}) });
    // The day of entry, for a plan recorded after the fact: not before the policy date, not after today.
    expect((await add('2026-02-28')).statusCode).toBe(400);
    expect((await add('2999-01-01')).statusCode).toBe(400);
    const res = await add('2026-03-01');
    expect(res.statusCode, res.body).toBe(201);
    const c = (res.json() as CycleDetail).plans[0]!.candidates[0]!;
    expect(c.addedOn).toBe('2026-03-01');
    const training = c.verdicts.find((v) => v.ruleId === 'standards.title-requirements')!;
    expect(training).toMatchObject({ status: 'warning', blocking: false });
    expect(training.detail.vi).toMatch(/^Cần đào tạo, bồi dưỡng: /);
    expect(training.detail.vi).toContain('trình độ chuyên môn cao đẳng, cần đại học');
    expect(training.detail.vi).toContain('quản lý nhà nước chưa qua bồi dưỡng, cần chuyên viên chính');
    expect(training.citation.text).toContain('377-QĐ/TW');
    // Language and IT against the title's skill standards, read from the record, each naming its standard. The
    // cycle lists what is not passed and counts the rest; the plan's own answer lists every check, passes included.
    expect(c.verdicts.filter((v) => v.ruleId === 'standards.language-it.provincial').map((v) => v.status)).toEqual(['warning']);
    expect(c.verdicts.every((v) => v.status !== 'passed')).toBe(true);
    const full = (await officer.get(`/api/planning/plans/${plan.id}`)).json() as Plan;
    const all = full.candidates[0]!.verdicts;
    expect(all.filter((v) => v.status !== 'passed')).toEqual(c.verdicts);
    expect(all.filter((v) => v.status === 'passed')).toHaveLength(c.passedCount);
    expect(full.candidates[0]!.passedCount).toBe(c.passedCount);
    const skills = all.filter((v) => v.ruleId === 'standards.language-it.provincial');
    expect(skills.map((v) => [v.status, v.blocking])).toEqual([
      ['warning', false],
      ['passed', false],
    ]);
    expect(skills[0]!.detail.vi).toContain('Tiếng Anh Bậc 2 (A2) (bậc 2), cần bậc 3');
    expect(skills[0]!.citation.text).toContain('89-QĐ/TW');
    // The training needs of the plan's people name the same two skills: a gap a language course closes, IT met.
    const needs = (await officer.get(`/api/training/plans/${plan.id}/needs?dueBy=2030-09-01`)).json() as PlanNeeds;
    const person = needs.people.find((p) => p.personId === people.untrained)!;
    expect(person.checks.filter((k) => k.requirement === 'foreignLanguage' || k.requirement === 'informatics')).toEqual([
      expect.objectContaining({
        requirement: 'foreignLanguage',
        status: 'gap',
        confirmed: false,
        required: { vi: 'bậc 3', en: 'level 3' },
      }),
      expect.objectContaining({ requirement: 'informatics', status: 'met' }),
    ]);
    expect(person.gaps.find((g) => g.kind === 'language')!.detail.vi).toBe(
      'Ngoại ngữ: có Tiếng Anh Bậc 2 (A2) (bậc 2), cần bậc 3',
    );
    expect(person.gaps.map((g) => g.kind)).not.toContain('it');
    expect(needs.stillNeeded.language).toBe(1);
    expect(needs.stillNeeded.it).toBe(0);
    // Already in the plan: the finder does not offer him again.
    const found = (await officer.get(`/api/planning/plans/${plan.id}/finder?q=dinh van hoc`)).json() as { items: FinderItem[] };
    expect(found.items).toHaveLength(0);
    // Leaving: not before the day of entry.
    expect(
      (await officer.post(`/api/planning/candidates/${c.id}/remove`, { reason: 'Chuyển công tác', removedOn: '2026-02-28' }))
        .statusCode,
    ).toBe(400);
    const left = await officer.post(`/api/planning/candidates/${c.id}/remove`, {
      reason: 'Chuyển công tác',
      removedOn: '2026-03-01',
    });
    expect(left.statusCode).toBe(200);
    const row = await database.db
      .selectFrom('planning_candidates')
      .select('removed_on')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.removed_on).toBe('2026-03-01');
  });

  it('hides another province’s cycles: 404, absent from lists', async () => {
    expect((await officerLc.get(`/api/planning/cycles/${cycle.id}`)).statusCode).toBe(404);
    expect(((await officerLc.get('/api/planning/cycles')).json() as { items: unknown[] }).items).toEqual([]);
    expect((await officerLc.get(`/api/planning/plans/${planId}/finder`)).statusCode).toBe(404);
    expect((await officerLc.get(`/api/planning/plans/${planId}`)).statusCode).toBe(404);
  });

  it('audits every write', async () => {
    const rows = await database.db.selectFrom('audit_log').select('action').where('action', 'like', 'planning%').execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'planning_cycle.create',
      'planning_plan.create',
      'planning_candidate.create',
      'planning_exception.create',
      'planning_cycle.status',
      'planning_candidate.remove',
    ])
      expect(actions).toContain(a);
  });
});
