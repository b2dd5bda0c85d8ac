import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppraisalBody, RatingLevel, SubjectGroup } from '../../../contracts/evaluations';
import { appraisalFactsSchema } from '../../../contracts/evaluations';
import type { PaperCount, VoteDetail } from '../../../contracts/votes';
import { DEMO_PASSWORD } from '../../../scripts/demo';
import { createUser } from '../users/user.service';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { type Client, buildTestApp, loginAs } from '../../../test/http';
import { findOrganizationByCode } from '../organizations/organization.repository';
import { buildRecord } from '../persons/person.fixtures';
import { createPerson, linkUser } from '../persons/person.service';
import { eligibilityFactsSchema, evaluateEligibility } from '../policy/eligibility.rules';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { policyAt } from '../policy/policy.library';
import { ratingsHistory } from './evaluation.history';
import * as sut from './evaluation.service';

const general = (total: number, group: SubjectGroup = 'non_leader') => {
  // Spread the general points over the group's five criteria (6 points each at most).
  const keys =
    group === 'non_leader'
      ? ['politics', 'ethics', 'discipline', 'style', 'service']
      : ['politics', 'ethics', 'discipline', 'style', 'leadership'];
  const each = Math.round((total / 5) * 10) / 10;
  const out: Record<string, number> = {};
  keys.forEach((k, i) => (out[k] = i < 4 ? each : Math.round((total - each * 4) * 10) / 10));
  return out;
};
const score = (points: number, group: SubjectGroup = 'non_leader') => ({
  general: general(30, group),
  results: Math.round((points - 30) * 10) / 10,
});
const facts = (f: Partial<AppraisalBody['facts']> = {}) => appraisalFactsSchema.parse(f);

describe.each(testDialects())('evaluations on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: Client;
  let leader: Client;
  let officerLc: Client;
  let tally: Client;
  let tally2: Client;
  let tq: string;
  let snv: string;
  let year = 2025;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    // Users and organizations only: the tests make their own cadre records (the full demo is slow on PostgreSQL).
    await loadFoundationDemo(database.db);
    app = await buildTestApp(database);
    officer = await loginAs(app, 'officer.tq');
    leader = await loginAs(app, 'leader.tq');
    officerLc = await loginAs(app, 'officer.lc');
    tq = (await findOrganizationByCode(database.db, 'TQ'))!.id;
    // A second tally clerk for the paper count (entered twice, by two people).
    await createUser(database.db, null, {
      username: 'tally2.tq',
      fullName: 'Vũ Thị Mai',
      password: DEMO_PASSWORD,
      grants: [{ role: 'tally', organizationId: tq }],
    });
    tally = await loginAs(app, 'tally.tq');
    tally2 = await loginAs(app, 'tally2.tq');
    snv = (await findOrganizationByCode(database.db, 'TQ.SNV'))!.id;
  });
  let cccd = 0;
  /** A cadre record of Sở Nội vụ, made through the records feature. */
  async function person(fullName: string): Promise<string> {
    const p = await createPerson(
      database.db,
      null,
      buildRecord({ fullName, organizationId: snv, cccd: `008075${String(++cccd).padStart(6, '0')}` }),
    );
    return p.id;
  }

  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  /** A cycle with one quota group whose members are appraised at the given points (tasks all on time, 4 of 10 exceeding). */
  async function appraisedGroup(
    points: number[],
    opts: { outstandingUnit?: boolean; cycleYear?: number; names?: string[] } = {},
  ) {
    const cycle = await sut.createCycle(database.db, null, {
      organizationId: tq,
      kind: 'annual',
      track: 'party',
      year: opts.cycleYear ?? year++,
      title: 'Đánh giá, xếp loại',
    });
    const group = await sut.createGroup(database.db, null, cycle.id, {
      name: 'Chuyên viên các sở',
      definition: 'Công chức không giữ chức vụ lãnh đạo tại các sở',
      outstandingUnit: opts.outstandingUnit ?? false,
    });
    const ids: string[] = [];
    for (const [i, p] of points.entries()) {
      const e = await sut.createEvaluation(database.db, null, cycle.id, {
        personId: await person(opts.names?.[i] ?? `Người ${String(i).padStart(2, '0')}`),
        subjectGroup: 'non_leader',
        groupId: group.id,
      });
      for (let t = 0; t < 10; t++)
        await sut.addTask(database.db, null, e.id, {
          title: `Nhiệm vụ ${t}`,
          dueOn: '2025-06-30',
          doneOn: '2025-06-15',
          outcome: t < 4 ? 'exceeded' : 'done',
        });
      await sut.selfAssess(database.db, null, e.id, { score: score(p) });
      await sut.appraise(database.db, null, e.id, { score: score(p), facts: facts() });
      ids.push(e.id);
    }
    return { cycle, group, ids };
  }

  it('runs self-assessment → appraisal → decision over HTTP, with who, when and comments at every step', async () => {
    const created = await officer.post('/api/evaluation-cycles', {
      organizationId: tq,
      kind: 'annual',
      track: 'party',
      year: 2030,
      title: 'Năm 2030',
    });
    expect(created.statusCode).toBe(201);
    const cycle = created.json();
    expect(cycle.policyDocument).toBe('366-QĐ/TW');
    const group = (
      await officer.post(`/api/evaluation-cycles/${cycle.id}/groups`, {
        name: 'Lãnh đạo sở',
        definition: 'Giám đốc, phó giám đốc các sở',
      })
    ).json();
    const ev = (
      await officer.post(`/api/evaluation-cycles/${cycle.id}/evaluations`, {
        personId: await person('Nguyễn Văn An'),
        subjectGroup: 'leader_other',
        groupId: group.id,
      })
    ).json();
    expect(ev.status).toBe('self_assessment');
    expect(
      (await officer.post(`/api/evaluations/${ev.id}/appraisal`, { score: score(92, 'leader_other'), facts: facts() }))
        .statusCode,
    ).toBe(409);

    await officer.post(`/api/evaluations/${ev.id}/tasks`, {
      title: 'Đề án vị trí việc làm',
      dueOn: '2030-06-30',
      doneOn: '2030-06-01',
      outcome: 'exceeded',
    });
    const self = await officer.post(`/api/evaluations/${ev.id}/self-assessment`, {
      score: score(93, 'leader_other'),
      comment: 'Tự nhận hoàn thành xuất sắc',
    });
    expect(self.statusCode).toBe(200);
    expect(self.json()).toMatchObject({ status: 'appraisal', selfPoints: 93 });

    const appraisal = await officer.post(`/api/evaluations/${ev.id}/appraisal`, {
      score: score(89.9, 'leader_other'),
      facts: facts(),
      comment: 'Thẩm định: hoàn thành tốt',
    });
    expect(appraisal.statusCode).toBe(200);
    const appraised = appraisal.json();
    expect(appraised).toMatchObject({ status: 'decision', appraisalPoints: 89.9, proposedLevel: 'good' });
    // No confidence vote was published for him in 2030: nothing to veto, and nothing typed in instead.
    expect(appraised.verdicts.map((v: { ruleId: string }) => v.ruleId)).not.toContain('evaluation.low-vote-veto');
    expect(appraised.facts.lowVotes).toBeNull();

    expect(
      (await officer.post(`/api/evaluation-groups/${group.id}/decisions`, { items: [{ evaluationId: ev.id, level: 'good' }] }))
        .statusCode,
    ).toBe(403);
    const above = await leader.post(`/api/evaluation-groups/${group.id}/decisions`, {
      items: [{ evaluationId: ev.id, level: 'excellent' }],
    });
    expect(above.statusCode).toBe(400);
    expect(above.json().error.message).toContain('tối đa "Hoàn thành tốt nhiệm vụ"');
    const decided = await leader.post(`/api/evaluation-groups/${group.id}/decisions`, {
      items: [{ evaluationId: ev.id, level: 'good', comment: 'Đồng ý' }],
    });
    expect(decided.statusCode).toBe(200);

    const full = (await officer.get(`/api/evaluations/${ev.id}`)).json();
    expect(full.decidedLevel).toBe('good');
    expect(
      full.steps.map((s: { kind: string; actorName: string; comment: string | null }) => [s.kind, s.actorName, s.comment]),
    ).toEqual([
      ['self_assessment', 'Nguyễn Thị Hương', 'Tự nhận hoàn thành xuất sắc'],
      ['appraisal', 'Nguyễn Thị Hương', 'Thẩm định: hoàn thành tốt'],
      ['decision', 'Trần Văn Đức', 'Đồng ý'],
    ]);

    // A complaint reopens the appraisal and voids the decision.
    const complaint = await officer.post(`/api/evaluations/${ev.id}/complaint`, { comment: 'Đề nghị xem xét lại điểm kết quả' });
    expect(complaint.json()).toMatchObject({ status: 'appraisal', decidedLevel: null });
    const again = await officer.post(`/api/evaluations/${ev.id}/appraisal`, { score: score(91, 'leader_other'), facts: facts() });
    expect(again.json()).toMatchObject({ status: 'decision', proposedLevel: 'excellent' });

    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', ev.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'evaluation.create',
      'evaluation.task',
      'evaluation.self-assess',
      'evaluation.appraise',
      'evaluation.decide',
      'evaluation.complaint',
      'evaluation.appraise',
    ]);
  });

  /** A published paper confidence vote of the province naming the people, with their low votes out of 30 collected. */
  async function confidenceVote(voteDate: string, lows: [string, number][]): Promise<void> {
    const created = await officer.post('/api/votes', {
      organizationId: tq,
      kind: 'confidence',
      mode: 'paper',
      track: 'party',
      title: `Lấy phiếu tín nhiệm ${voteDate}`,
      voteDate,
      voterGroup: 'Ban Chấp hành',
      summonedCount: 32,
      subjects: lows.map(([personId]) => ({ personId })),
    });
    expect(created.statusCode, created.body).toBe(201);
    const v = created.json() as VoteDetail;
    const count: PaperCount = {
      issued: 30,
      collected: 30,
      valid: 30,
      invalid: 0,
      subjects: v.subjects.map((s, i) => ({ subjectId: s.id, high: 30 - lows[i]![1], medium: 0, low: lows[i]![1], invalid: 0 })),
    };
    expect((await tally.post(`/api/votes/${v.id}/paper-entries`, count)).statusCode).toBe(200);
    expect((await tally2.post(`/api/votes/${v.id}/paper-entries`, count)).json()).toMatchObject({ status: 'matched' });
  }

  it("reads the low-vote veto from the year's published confidence vote: exactly half passes, one vote more vetoes", async () => {
    const [half, over, staff] = [await person('Đinh Văn Nửa'), await person('Đinh Văn Quá'), await person('Đinh Thị Viên')];
    await confidenceVote('2070-11-20', [
      [half, 15],
      [over, 16],
      [staff, 30],
    ]);
    // A vote of another year does not count for 2071.
    await confidenceVote('2071-01-05', [[over, 0]]);
    const cycle = await sut.createCycle(database.db, null, {
      organizationId: tq,
      kind: 'annual',
      track: 'party',
      year: 2070,
      title: 'Năm 2070',
    });
    const appraise = async (personId: string, subjectGroup: SubjectGroup) => {
      const e = await sut.createEvaluation(database.db, null, cycle.id, { personId, subjectGroup });
      await sut.selfAssess(database.db, null, e.id, { score: score(80, subjectGroup) });
      return (
        await officer.post(`/api/evaluations/${e.id}/appraisal`, { score: score(80, subjectGroup), facts: facts() })
      ).json();
    };
    const veto = (ev: { verdicts: { ruleId: string; status: string; detail: { vi: string } }[] }) =>
      ev.verdicts.find((v) => v.ruleId === 'evaluation.low-vote-veto');

    const a = await appraise(half, 'leader_other');
    expect(a.facts.lowVotes).toMatchObject({ low: 15, ballots: 30, voteDate: '2070-11-20', sessionId: expect.any(String) });
    expect(veto(a)).toMatchObject({ status: 'passed' });
    expect(veto(a)!.detail.vi).toContain('15/30');
    expect(a.proposedLevel).toBe('good');

    const b = await appraise(over, 'leader_other');
    expect(veto(b)).toMatchObject({ status: 'failed' });
    expect(b.proposedLevel).toBe('not_complete');

    // The veto is for leaders: a non-leader voted on is not rated on it.
    const c = await appraise(staff, 'non_leader');
    expect(c.facts.lowVotes).toBeNull();
    expect(veto(c)).toBeUndefined();

    // The form cannot type the low votes in.
    const typed = await officer.post(`/api/evaluations/${a.id}/appraisal`, {
      score: score(80, 'leader_other'),
      facts: { lowVotes: { low: 0, ballots: 30, sessionRef: 'x' } },
    });
    expect(typed.statusCode).toBe(400);
  });

  it('rejects a score sheet above a criterion maximum with the field named', async () => {
    const c = await officer.post('/api/evaluation-cycles', {
      organizationId: tq,
      kind: 'annual',
      track: 'party',
      year: 2031,
      title: 'x',
    });
    const ev = (
      await officer.post(`/api/evaluation-cycles/${c.json().id}/evaluations`, {
        personId: await person('Phạm Văn Xuân'),
        subjectGroup: 'non_leader',
      })
    ).json();
    const res = await officer.post(`/api/evaluations/${ev.id}/self-assessment`, {
      score: { general: { ...general(30), politics: 7 }, results: 60 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({
      path: 'score.general.politics',
      message: '"Chính trị tư tưởng" tối đa 6 điểm',
    });
  });

  it('enforces the 20 % quota at its edge: 2 excellent over 10 good pass, a third is refused with who must move', async () => {
    const { group, ids } = await appraisedGroup([95, 94, 91, ...Array(10).fill(80)], {
      names: ['Ánh', 'Bình', 'Chi', ...Array.from({ length: 10 }, (_, i) => `Tốt ${i}`)],
    });
    const whatIf = (await leader.get(`/api/evaluation-groups/${group.id}/quota`)).json();
    expect(whatIf).toMatchObject({ withinQuota: false, maxExcellent: 2, counts: { excellent: 3, good: 10 } });
    expect(whatIf.mustMove.map((m: { personName: string }) => m.personName)).toEqual(['Chi']);

    const all = ids.map((id, i) => ({ evaluationId: id, level: (i < 3 ? 'excellent' : 'good') as RatingLevel }));
    const refused = await leader.post(`/api/evaluation-groups/${group.id}/decisions`, { items: all });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('Vượt tỷ lệ hoàn thành xuất sắc nhiệm vụ');
    expect(refused.json().error.message).toContain('tối đa 2 người (20% của 10 người hoàn thành tốt)');
    expect(refused.json().error.message).toContain('Chi');
    expect(
      await database.db
        .selectFrom('evaluations')
        .select('id')
        .where('group_id', '=', group.id)
        .where('status', '=', 'decided')
        .execute(),
    ).toHaveLength(0);

    const ok = await leader.post(`/api/evaluation-groups/${group.id}/decisions`, {
      items: all.map((x, i) => (i === 2 ? { ...x, level: 'good' } : x)),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ withinQuota: true, counts: { excellent: 2, good: 11 } });
  });

  it('deciding the good ones first never blocks; the excellent ones then meet the quota', async () => {
    const { group, ids } = await appraisedGroup([95, 94, 80, 80, 80, 80, 80, 80, 80, 80, 80]);
    const goods = ids.slice(2).map((id) => ({ evaluationId: id, level: 'good' as const }));
    expect((await leader.post(`/api/evaluation-groups/${group.id}/decisions`, { items: goods })).statusCode).toBe(200);
    expect(
      (
        await leader.post(`/api/evaluation-groups/${group.id}/decisions`, {
          items: [{ evaluationId: ids[0], level: 'excellent' }],
        })
      ).statusCode,
    ).toBe(200);
    const second = await leader.post(`/api/evaluation-groups/${group.id}/decisions`, {
      items: [{ evaluationId: ids[1], level: 'excellent' }],
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('tối đa 1 người (20% của 9 người hoàn thành tốt)');
  });

  it('lets an outstanding unit reach 25 %: 2 excellent over 8 good pass, 3 do not', async () => {
    const { group, ids } = await appraisedGroup([95, 94, 93, ...Array(8).fill(80)], { outstandingUnit: true });
    const view = (await officer.get(`/api/evaluation-groups/${group.id}/quota`)).json();
    expect(view).toMatchObject({ percent: 25, maxExcellent: 2, withinQuota: false });
    const items = ids.map((id, i) => ({ evaluationId: id, level: (i < 3 ? 'excellent' : 'good') as RatingLevel }));
    expect((await leader.post(`/api/evaluation-groups/${group.id}/decisions`, { items })).statusCode).toBe(409);
    items[2]!.level = 'good';
    const ok = await leader.post(`/api/evaluation-groups/${group.id}/decisions`, { items });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ counts: { excellent: 2, good: 9 } });
  });

  it('only warns under 124-QĐ/TW, whose 20 % quota is unconfirmed', async () => {
    const { group, ids } = await appraisedGroup([95, 94, 80, 80, 80, 80], { cycleYear: 2024 });
    const items = ids.map((id, i) => ({ evaluationId: id, level: (i < 2 ? 'excellent' : 'good') as RatingLevel }));
    const res = await leader.post(`/api/evaluation-groups/${group.id}/decisions`, { items });
    expect(res.statusCode).toBe(200);
    expect(res.json().verdict).toMatchObject({ status: 'warning', ruleUnconfirmed: true, citation: { document: '124-QĐ/TW' } });
  });

  it('keeps other provinces out: 404 on the evaluation and the cycle, nothing in their lists', async () => {
    const { cycle, ids } = await appraisedGroup([80]);
    expect((await officerLc.get(`/api/evaluations/${ids[0]}`)).statusCode).toBe(404);
    expect((await officerLc.get(`/api/evaluation-cycles/${cycle.id}`)).statusCode).toBe(404);
    expect((await officerLc.get(`/api/evaluations?cycleId=${cycle.id}`)).json()).toEqual({ items: [], total: 0 });
    expect((await officerLc.get('/api/evaluation-cycles')).json().items.some((c: { id: string }) => c.id === cycle.id)).toBe(
      false,
    );
    expect((await officerLc.post(`/api/evaluations/${ids[0]}/complaint`, { comment: 'x' })).statusCode).toBe(404);
    const cadre = await loginAs(app, 'cadre.tq');
    expect((await cadre.get(`/api/evaluations/${ids[0]}`)).statusCode).toBe(404);
  });

  it('lets a cadre linked to his record see and self-assess his own evaluation, and nothing more', async () => {
    // The test links cadre.tq to a record of its own rather than relying on the demo's link.
    const tuan = await person('Đặng Minh Tuấn');
    const cadreUserId = (
      await database.db.selectFrom('users').select('id').where('username', '=', 'cadre.tq').executeTakeFirstOrThrow()
    ).id;
    await linkUser(database.db, null, cadreUserId, tuan);
    const cycle = await sut.createCycle(database.db, null, {
      organizationId: tq,
      kind: 'annual',
      track: 'state',
      year: 2032,
      title: 'Công chức 2032',
    });
    const mine = await sut.createEvaluation(database.db, null, cycle.id, {
      personId: tuan,
      subjectGroup: 'non_leader',
    });
    const other = await sut.createEvaluation(database.db, null, cycle.id, {
      personId: await person('Đỗ Thị Mai'),
      subjectGroup: 'non_leader',
    });
    const cadre = await loginAs(app, 'cadre.tq');
    const mineIds = (await cadre.get('/api/evaluations/mine')).json().map((e: { id: string }) => e.id);
    expect(mineIds).toContain(mine.id);
    expect(mineIds).not.toContain(other.id);
    expect((await cadre.get(`/api/evaluations/${mine.id}`)).json()).toMatchObject({ own: true, status: 'self_assessment' });
    expect((await cadre.get(`/api/evaluations/${other.id}`)).statusCode).toBe(404);
    const self = await cadre.post(`/api/evaluations/${mine.id}/self-assessment`, {
      score: score(85),
      comment: 'Tôi tự đánh giá',
    });
    expect(self.json()).toMatchObject({ status: 'appraisal', selfPoints: 85 });
    expect((await cadre.post(`/api/evaluations/${mine.id}/appraisal`, { score: score(85), facts: facts() })).statusCode).toBe(
      403,
    );
    expect((await cadre.post(`/api/evaluations/${other.id}/self-assessment`, { score: score(85) })).statusCode).toBe(404);
  });

  it('refuses a cycle whose period has no evaluation rules in force', async () => {
    const res = await officer.post('/api/evaluation-cycles', {
      organizationId: tq,
      kind: 'quarterly',
      quarter: 1,
      track: 'state',
      year: 2023,
      title: 'Quý I/2023',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('year');
  });

  it('feeds three years of decided annual ratings to eligibility, with suggestions for "not complete"', async () => {
    const hoa = await person('Lê Thị Hoa');
    const levels: [number, number, RatingLevel][] = [
      [2023, 80, 'good'],
      [2024, 45, 'not_complete'],
      [2025, 92, 'excellent'],
    ];
    for (const [y, p, level] of levels) {
      const cycle = await sut.createCycle(database.db, null, {
        organizationId: tq,
        kind: 'annual',
        track: 'party',
        year: y + 20,
        title: `Năm ${y}`,
      });
      // Cycles 20 years ahead keep this person's history apart from the other tests; the year logic is the same.
      const group = await sut.createGroup(database.db, null, cycle.id, { name: 'N', definition: 'D', outstandingUnit: false });
      const ev = await sut.createEvaluation(database.db, null, cycle.id, {
        personId: hoa,
        subjectGroup: 'non_leader',
        groupId: group.id,
      });
      for (let t = 0; t < 10; t++)
        await sut.addTask(database.db, null, ev.id, {
          title: 't',
          dueOn: `${y + 20}-06-30`,
          doneOn: `${y + 20}-06-01`,
          outcome: t < 3 ? 'exceeded' : 'done',
        });
      await sut.selfAssess(database.db, null, ev.id, { score: score(p) });
      await sut.appraise(database.db, null, ev.id, { score: score(p), facts: facts() });
      const goods = level === 'excellent' ? await appraisedExtraGoods(cycle.id, group.id, 5) : [];
      await sut.decide(database.db, null, group.id, {
        items: [{ evaluationId: ev.id, level }, ...goods.map((id) => ({ evaluationId: id, level: 'good' as const }))],
      });
    }
    const h = (await officer.get(`/api/evaluation-history/${hoa}?year=2045`)).json();
    expect(h.years).toEqual([
      { year: 2043, level: 'good', cycleId: expect.any(String) },
      { year: 2044, level: 'not_complete', cycleId: expect.any(String) },
      { year: 2045, level: 'excellent', cycleId: expect.any(String) },
    ]);
    expect(h).toMatchObject({ allAssessed: true, anyNotComplete: true });
    expect(h.suggestions.map((s: { vi: string }) => s.vi).join(' ')).toContain('Nghị định 170/2025');
    const gap = (await officer.get(`/api/evaluation-history/${hoa}?year=2047`)).json();
    expect(gap).toMatchObject({ allAssessed: false, anyNotComplete: false });
    expect(
      (await officerLc.get(`/api/evaluation-history/${hoa}?year=2045`))
        .json()
        .years.every((y: { level: null }) => y.level === null),
    ).toBe(true);

    // The eligibility engine takes the same history, read in one batch, without anyone typing it in.
    const unrated = await person('Phạm Văn Chưa');
    const history = await ratingsHistory(database.db, [hoa, unrated], 2045);
    expect(history.get(hoa)).toEqual([
      { year: 2043, level: 'good' },
      { year: 2044, level: 'not_complete' },
      { year: 2045, level: 'excellent' },
    ]);
    expect(history.get(unrated)).toEqual([]);
    const judge = (ratings: { year: number; level: RatingLevel }[]) =>
      evaluateEligibility(
        eligibilityFactsSchema.parse({
          person: {
            sex: 'F',
            birth: '1990-05-20',
            currentTitleRank: 6,
            currentPostSince: '2040-03-01',
            disciplines: [],
            politicalTheory: 'cao_cap',
            education: 'thac_si',
            stateManagement: 'chuyen_vien_chinh',
            ratings,
            inPlanForTitle: true,
            politicalStandardConcluded: true,
          },
          target: {
            titleName: 'Giám đốc sở',
            rank: 5,
            requiredTheory: 'cao_cap',
            requiredEducation: 'dai_hoc',
            requiredStateManagement: 'chuyen_vien_chinh',
          },
          purpose: 'appointment',
        }),
        policyAt(loadPolicyLibrary(), '2046-03-01', 'party'),
      ).verdicts.find((v) => v.ruleId === 'appointment.ratings-assessed')!.status;
    expect(judge(history.get(hoa)!)).toBe('passed');
    expect(judge(history.get(unrated)!)).toBe('failed');
    expect((await ratingsHistory(database.db, [hoa], 2045, { years: 1 })).get(hoa)).toEqual([{ year: 2045, level: 'excellent' }]);
  });

  async function appraisedExtraGoods(cycleId: string, groupId: string, n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const e = await sut.createEvaluation(database.db, null, cycleId, {
        personId: await person(`Tốt ${i}`),
        subjectGroup: 'non_leader',
        groupId,
      });
      await sut.selfAssess(database.db, null, e.id, { score: score(80) });
      await sut.appraise(database.db, null, e.id, { score: score(80), facts: facts() } satisfies AppraisalBody);
      ids.push(e.id);
    }
    return ids;
  }

  it('reports the distribution per unit against the year before and flags a unit rated all top', async () => {
    const y = 2060;
    for (const [yy, pts] of [
      [y - 1, [80, 60, 45]],
      [y, [80, 80, 95, 80, 80, 80]],
    ] as const) {
      const { group, ids } = await appraisedGroup([...pts], { cycleYear: yy });
      const members = await database.db
        .selectFrom('evaluations')
        .select(['id', 'proposed_level'])
        .where('group_id', '=', group.id)
        .execute();
      await sut.decide(database.db, null, group.id, {
        items: ids.map((id) => ({ evaluationId: id, level: members.find((m) => m.id === id)!.proposed_level! })),
      });
    }
    const report = (await leader.get(`/api/evaluation-reports/distribution?year=${y}`)).json();
    const row = report.rows.find((r: { organizationId: string }) => r.organizationId === snv);
    expect(row).toMatchObject({
      total: 6,
      counts: { excellent: 1, good: 5, complete: 0, not_complete: 0 },
      allTop: true,
      previous: { good: 1, complete: 1, not_complete: 1 },
      topChange: 66.7,
    });
    // Three years by default, oldest first; a year with nobody rated is there, empty.
    expect(
      row.trend.map((t: { year: number; total: number; topPercent: number | null; allTop: boolean }) => [
        t.year,
        t.total,
        t.topPercent,
        t.allTop,
      ]),
    ).toEqual([
      [y - 2, 0, null, false],
      [y - 1, 3, 33.3, false],
      [y, 6, 100, true],
    ]);
    const five = (await leader.get(`/api/evaluation-reports/distribution?year=${y}&years=5`)).json();
    expect(five.years).toEqual([y - 4, y - 3, y - 2, y - 1, y]);
    // A unit under the minimum size is never flagged: six people rated all top say something when 7 are required.
    const big = (await leader.get(`/api/evaluation-reports/distribution?year=${y}&minSize=7`)).json();
    expect(big.rows.find((r: { organizationId: string }) => r.organizationId === snv).allTop).toBe(false);
    const before = (await leader.get(`/api/evaluation-reports/distribution?year=${y - 1}`)).json();
    expect(before.rows.find((r: { organizationId: string }) => r.organizationId === snv).allTop).toBe(false);
    expect(before.notComplete).toHaveLength(1);
    expect(before.notComplete[0].suggestion.vi).toContain('miễn nhiệm');
  });
});
