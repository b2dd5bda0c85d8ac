import { closenessOf } from './planning.finder.rules';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CycleDetail, FinderItem, Plan } from '../../../contracts/planning';
import type { PlanningReport, Review, ReviewPreview, Round } from '../../../contracts/planning-work';
import { DEMO_PASSWORD, loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { findOrganizationByCode } from '../organizations/organization.repository';
import { createUser } from '../users/user.service';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { type Client, buildTestApp, loginAs } from '../../../test/http';
import { newId, nowIso } from '../../lib/ids';
import { buildRecord } from '../persons/person.fixtures';
import { createPerson } from '../persons/person.service';
import { syncTitleCatalog } from '../titles/title.service';

describe.each(testDialects())('planning rounds, yearly review and reports over HTTP on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: Client;
  let officerLc: Client;
  let leader: Client;
  const org: Record<string, string> = {};
  let seatId: string;
  let deputySeatId: string;
  const people: Record<string, string> = {};
  let cycle: CycleDetail;
  let planId: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await syncTitleCatalog(database.db);
    // A second tally member for the double entry of a paper count.
    await createUser(database.db, null, {
      username: 'tally2.tq',
      fullName: 'Vũ Thị Mai',
      password: DEMO_PASSWORD,
      grants: [{ role: 'tally', organizationId: (await findOrganizationByCode(database.db, 'TQ'))!.id }],
    });
    app = await buildTestApp(database);
    officer = await loginAs(app, 'officer.tq');
    officerLc = await loginAs(app, 'officer.lc');
    leader = await loginAs(app, 'leader.tq');
    const orgs = (await officer.get('/api/organizations?limit=200')).json() as { items: { id: string; code: string }[] };
    for (const o of orgs.items) org[o.code] = o.id;
    const seat = async (titleId: string) =>
      (
        (
          await officer.post('/api/positions', { organizationId: org['TQ.SNV']!, titleId, seatCount: 1, validFrom: '2025-10-01' })
        ).json() as { id: string }
      ).id;
    seatId = await seat('368-QD-TW:GIAM_DOC_SO');
    deputySeatId = await seat('368-QD-TW:PHO_GIAM_DOC_SO');
    const make = async (key: string, over: Parameters<typeof buildRecord>[0]) => {
      const p = await createPerson(
        database.db,
        null,
        buildRecord({
          organizationId: org['TQ.SNV']!,
          cccd: null,
          recruitmentDate: '2012-01-01',
          partyAdmissionDate: '2012-05-19',
          partyOfficialDate: '2013-05-19',
          currentTitleCode: 'PHO_GIAM_DOC_SO',
          ...over,
        }),
      );
      people[key] = p.id;
    };
    await make('deputy', { fullName: 'Lê Văn Phó', birthDate: '1980-05-20' });
    await make('second', { fullName: 'Đỗ Văn Nhì', birthDate: '1982-03-03' });
    await make('woman', { fullName: 'Hoàng Thị Mai', sex: 'F', birthDate: '1988-07-07', currentTitleCode: null });
    await make('moving', { fullName: 'Vũ Văn Chuyển', birthDate: '1979-01-10' });
    await make('lowvote', { fullName: 'Phạm Văn Thấp', birthDate: '1981-08-08' });
    await make('weak', { fullName: 'Ngô Văn Yếu', birthDate: '1983-09-09', currentTitleCode: null });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('searches the seats of the subtree on the server, without diacritics, a page at a time', async () => {
    cycle = (
      await officer.post('/api/planning/cycles', {
        organizationId: org.TQ!,
        name: 'Quy hoạch lãnh đạo Sở Nội vụ 2026–2031',
        termFrom: 2026,
        termTo: 2031,
        level: 'provincial',
        approvingAuthority: 'Ban Thường vụ Tỉnh ủy',
        policyDate: '2026-03-01',
        referenceKey: 'provincial',
      })
    ).json() as CycleDetail;
    const found = (await officer.get(`/api/planning/cycles/${cycle.id}/seats?q=pho giam doc so noi vu`)).json() as {
      items: { id: string; titleName: string; planned: boolean }[];
      total: number;
    };
    expect(found.items.map((s) => s.id)).toEqual([deputySeatId]);
    expect(found.items[0]).toMatchObject({ titleName: 'Phó Giám đốc Sở', planned: false });
    const both = (await officer.get(`/api/planning/cycles/${cycle.id}/seats?q=Sở Nội vụ&limit=1`)).json() as {
      items: unknown[];
      total: number;
    };
    expect(both.total).toBe(2);
    expect(both.items).toHaveLength(1);
    const next = (await officer.get(`/api/planning/cycles/${cycle.id}/seats?q=so noi vu&limit=1&offset=1`)).json() as {
      items: { id: string }[];
    };
    // The higher title first: the director, then the deputy.
    expect([...both.items, ...next.items].map((s) => (s as { id: string }).id)).toEqual([seatId, deputySeatId]);
    expect(((await officer.get(`/api/planning/cycles/${cycle.id}/seats?q=khong co`)).json() as { total: number }).total).toBe(0);
  });

  it('shows a 9-box cell for each person the finder lists', async () => {
    const res = await officer.post(`/api/planning/cycles/${cycle.id}/plans`, { kind: 'seat', positionId: seatId });
    planId = (res.json() as CycleDetail).plans[0]!.id;
    await officer.post(`/api/planning/cycles/${cycle.id}/plans`, { kind: 'seat', positionId: deputySeatId });
    const res9 = await officer.get(`/api/planning/plans/${planId}/finder?sort=youngest`);
    expect(res9.statusCode, res9.body).toBe(200);
    const found = res9.json() as {
      items: FinderItem[];
      grid: Record<string, number>;
    };
    const deputy = found.items.find((i) => i.personId === people.deputy)!;
    expect(deputy).toMatchObject({ performance: null, potential: 'high', ratings: [] });
    expect(Object.values(found.grid).reduce((a, b) => a + b, 0)).toBe(found.items.length);
    // "Youngest" orders within each closeness group (one level below first, then two, then the rest).
    const groups = found.items.map((i) => closenessOf(i.levelsBelow));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
    for (const g of new Set(groups)) {
      const births = found.items.filter((i) => closenessOf(i.levelsBelow) === g).map((i) => i.birthDate);
      expect(births).toEqual([...births].sort().reverse());
    }
    const box = (await officer.get(`/api/planning/plans/${planId}/finder?box=none:high`)).json() as { items: FinderItem[] };
    expect(box.items.length).toBe(found.grid['none:high']);
    const seats = (await officer.get(`/api/planning/cycles/${cycle.id}/seats?q=giam doc`)).json() as {
      items: { id: string; planned: boolean }[];
    };
    expect(seats.items.find((s) => s.id === seatId)!.planned).toBe(true);
  });

  let rounds: Round[];
  it('records recommendation rounds: more than half of those summoned goes on, exactly half does not', async () => {
    for (const key of ['deputy', 'second', 'woman'])
      await officer.post(`/api/planning/plans/${planId}/candidates`, { personId: people[key], readiness: 'now' });
    const first = await officer.post(`/api/planning/plans/${planId}/rounds`, {
      step: 'leadership_proposal',
      heldOn: '2026-04-01',
      summoned: 9,
      present: 9,
      participants: 'Ban Giám đốc và cấp ủy Sở Nội vụ',
      documents: [{ ref: '12-BB/SNV', title: 'Biên bản hội nghị lãnh đạo đề xuất' }],
      results: [
        { personId: people.deputy, agree: 8, disagree: 1 },
        { personId: people.second, agree: 5, disagree: 4 },
        { personId: people.woman, agree: 4, disagree: 5 },
      ],
    });
    expect(first.statusCode).toBe(201);
    const r1 = first.json() as Round;
    expect(r1.results.map((r) => [r.fullName, r.passed])).toEqual([
      ['Lê Văn Phó', true],
      ['Đỗ Văn Nhì', true],
      ['Hoàng Thị Mai', false],
    ]);
    expect(r1.results[2]!.verdict).toMatchObject({ ruleId: 'planning.recommendation-threshold', status: 'failed' });
    expect(r1.results[2]!.verdict.citation.text).toContain('377-QĐ/TW');

    const skipped = await officer.post(`/api/planning/plans/${planId}/rounds`, {
      step: 'key_cadre_conference',
      heldOn: '2026-04-10',
      summoned: 40,
      present: 36,
      participants: 'Cán bộ chủ chốt Sở Nội vụ',
      results: [{ personId: people.woman, agree: 30, disagree: 6 }],
    });
    expect(skipped.statusCode).toBe(400);
    expect(skipped.json().error.details[0].message).toContain('chưa đạt ở bước giới thiệu trước');

    const second = await officer.post(`/api/planning/plans/${planId}/rounds`, {
      step: 'key_cadre_conference',
      heldOn: '2026-04-10',
      summoned: 40,
      present: 36,
      participants: 'Cán bộ chủ chốt Sở Nội vụ',
      results: [
        { personId: people.deputy, agree: 30, disagree: 6 },
        { personId: people.second, agree: 20, disagree: 16 },
      ],
    });
    expect(second.statusCode).toBe(201);
    expect((second.json() as Round).results.map((r) => r.passed)).toEqual([true, false]);
    rounds = ((await officer.get(`/api/planning/cycles/${cycle.id}/rounds`)).json() as { items: Round[] }).items;
    expect(rounds.map((r) => r.step)).toEqual(['leadership_proposal', 'key_cadre_conference']);
    expect(rounds[0]!.documents).toEqual([{ ref: '12-BB/SNV', title: 'Biên bản hội nghị lãnh đạo đề xuất' }]);
  });

  it('refuses counts that do not add up', async () => {
    const base = { step: 'collective', heldOn: '2026-04-20', participants: 'Tập thể lãnh đạo Sở' };
    const more = await officer.post(`/api/planning/plans/${planId}/rounds`, {
      ...base,
      summoned: 5,
      present: 6,
      results: [{ personId: people.deputy, agree: 5, disagree: 0 }],
    });
    expect(more.statusCode).toBe(400);
    const over = await officer.post(`/api/planning/plans/${planId}/rounds`, {
      ...base,
      summoned: 5,
      present: 4,
      results: [{ personId: people.deputy, agree: 4, disagree: 1 }],
    });
    expect(over.statusCode).toBe(400);
    const stranger = await officer.post(`/api/planning/plans/${planId}/rounds`, {
      ...base,
      summoned: 5,
      present: 5,
      results: [{ personId: people.weak, agree: 5, disagree: 0 }],
    });
    expect(stranger.statusCode).toBe(400);
  });

  it('reads a round from a published vote session of "Confidence votes" (agree/disagree), and still admits only who passed', async () => {
    const tally1 = await loginAs(app, 'tally.tq');
    const tally2 = await loginAs(app, 'tally2.tq');
    const session = async (personIds: string[]) => {
      const v = (
        await officer.post('/api/votes', {
          organizationId: org['TQ.SNV']!,
          kind: 'planning',
          mode: 'paper',
          track: 'party',
          title: 'Tập thể lãnh đạo giới thiệu quy hoạch Giám đốc Sở',
          voteDate: '2026-04-20',
          voterGroup: 'Tập thể lãnh đạo Sở Nội vụ',
          summonedCount: 30,
          subjects: personIds.map((personId) => ({ personId })),
        })
      ).json() as { id: string; subjects: { id: string }[] };
      const count = {
        issued: 30,
        collected: 28,
        valid: 28,
        invalid: 0,
        subjects: v.subjects.map((x) => ({ subjectId: x.id, agree: 16, disagree: 12, invalid: 0 })),
      };
      expect((await tally1.post(`/api/votes/${v.id}/paper-entries`, count)).statusCode).toBe(200);
      expect((await tally2.post(`/api/votes/${v.id}/paper-entries`, count)).json()).toMatchObject({ status: 'matched' });
      return v.id;
    };
    const base = { step: 'collective', heldOn: '2026-04-20', participants: 'Tập thể lãnh đạo Sở Nội vụ' };
    const withSecond = await officer.post(`/api/planning/plans/${planId}/rounds`, {
      ...base,
      voteSessionId: await session([people.deputy!, people.second!]),
    });
    expect(withSecond.statusCode).toBe(400);
    expect(withSecond.json().error.details[0].message).toContain('Đỗ Văn Nhì chưa đạt ở bước giới thiệu trước');
    const res = await officer.post(`/api/planning/plans/${planId}/rounds`, {
      ...base,
      voteSessionId: await session([people.deputy!]),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      source: 'vote_session',
      summoned: 30,
      present: 28,
      heldOn: '2026-04-20',
      results: [{ fullName: 'Lê Văn Phó', agree: 16, disagree: 12, passed: true }],
    });
    expect((res.json() as Round).results[0]!.verdict.detail.vi).toContain('16/30');
    // The round form's picker: the sessions that voted on this plan's people, searched on the server without diacritics.
    type Options = { items: { id: string; title: string; voteDate: string; people: number; summoned: number }[]; total: number };
    const options = (
      await officer.get(`/api/planning/plans/${planId}/vote-sessions?q=tap the lanh dao giam doc`)
    ).json() as Options;
    expect(options.total).toBe(2);
    expect(options.items.map((o) => o.people).sort()).toEqual([1, 2]);
    expect(options.items[0]).toMatchObject({
      title: 'Tập thể lãnh đạo giới thiệu quy hoạch Giám đốc Sở',
      voteDate: '2026-04-20',
      summoned: 30,
    });
    expect(
      ((await officer.get(`/api/planning/plans/${planId}/vote-sessions?q=20/04/2026&limit=1`)).json() as Options).items,
    ).toHaveLength(1);
    expect(((await officer.get(`/api/planning/plans/${planId}/vote-sessions?q=khong co`)).json() as Options).total).toBe(0);
    expect((await officerLc.get(`/api/planning/plans/${planId}/vote-sessions`)).statusCode).toBe(404);
  });

  it('feeds round results into the candidates: a failed latest round blocks submission', async () => {
    // The plan's answer lists every check (a pass too); the cycle's lists what fails and only counts the passes.
    const plan = (await officer.get(`/api/planning/plans/${planId}`)).json() as Plan;
    const verdictOf = (id: string | undefined) =>
      plan.candidates.find((c) => c.personId === id)!.verdicts.find((v) => v.ruleId === 'planning.recommendation-threshold');
    expect(verdictOf(people.deputy)).toMatchObject({ status: 'passed' });
    const inCycle = ((await officer.get(`/api/planning/cycles/${cycle.id}`)).json() as CycleDetail).plans
      .find((p) => p.id === planId)!
      .candidates.find((c) => c.personId === people.deputy)!;
    expect(inCycle.verdicts.find((v) => v.ruleId === 'planning.recommendation-threshold')).toBeUndefined();
    expect(inCycle.passedCount).toBe(plan.candidates.find((c) => c.personId === people.deputy)!.passedCount);
    expect(verdictOf(people.second)).toMatchObject({ status: 'failed', blocking: true });
    expect(verdictOf(people.second)!.detail.vi).toContain('20/40');
    expect(verdictOf(people.woman)).toMatchObject({ status: 'failed', blocking: true });
    await officer.post(`/api/planning/cycles/${cycle.id}/status`, { status: 'in_rounds' });
    const refused = await officer.post(`/api/planning/cycles/${cycle.id}/status`, { status: 'submitted' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.map((d: { path: string }) => d.path)).toContain('planning.recommendation-threshold');
  });

  it('refuses a yearly review before approval', async () => {
    const res = await officer.post(`/api/planning/cycles/${cycle.id}/reviews`, { reviewedOn: '2027-02-15' });
    expect(res.statusCode).toBe(409);
  });

  it('suggests removals at the yearly review from discipline, votes, ratings, moves and appointments', async () => {
    const detail = (await officer.get(`/api/planning/cycles/${cycle.id}`)).json() as CycleDetail;
    const plan = detail.plans.find((p) => p.id === planId)!;
    for (const key of ['second', 'woman'] as const)
      await officer.post(`/api/planning/candidates/${plan.candidates.find((c) => c.personId === people[key])!.id}/remove`, {
        reason: 'Không đạt tỷ lệ giới thiệu',
      });
    for (const key of ['moving', 'lowvote'])
      expect((await officer.post(`/api/planning/plans/${planId}/candidates`, { personId: people[key] })).statusCode).toBe(201);
    const deputyPlan = detail.plans.find((p) => p.id !== planId)!.id;
    expect((await officer.post(`/api/planning/plans/${deputyPlan}/candidates`, { personId: people.weak })).statusCode).toBe(201);
    expect((await officer.post(`/api/planning/cycles/${cycle.id}/status`, { status: 'submitted' })).statusCode).toBe(200);
    expect((await leader.post(`/api/planning/cycles/${cycle.id}/status`, { status: 'approved' })).statusCode).toBe(200);

    // The year after: one moved to Lào Cai, one with 11 of 20 low votes, one rated "not complete" for 2026,
    // and the deputy with exactly 10 of 20 low votes (not more than half: no suggestion).
    const laoCai = await database.db.selectFrom('organizations').select('id').where('code', '=', 'LC').executeTakeFirstOrThrow();
    await database.db.updateTable('persons').set({ organization_id: laoCai.id }).where('id', '=', people.moving!).execute();
    const session = newId();
    const [lowSubject, deputySubject] = [newId(), newId()];
    await database.db
      .insertInto('vote_sessions')
      .values({
        id: session,
        organization_id: org['TQ.SNV']!,
        kind: 'confidence',
        mode: 'paper',
        track: 'party',
        title: 'Lấy phiếu tín nhiệm năm 2026',
        vote_date: '2026-11-20',
        voter_group: 'Cán bộ chủ chốt',
        summoned_count: 22,
        status: 'counted',
        confirmed_count_json: JSON.stringify({
          issued: 22,
          collected: 20,
          valid: 20,
          invalid: 0,
          subjects: [
            { subjectId: lowSubject, high: 4, medium: 5, low: 11, invalid: 0 },
            { subjectId: deputySubject, high: 5, medium: 5, low: 10, invalid: 0 },
          ],
        }),
        board_hash: null,
        created_by: (await database.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow())
          .id,
        created_at: nowIso(),
        election_uuid: null,
        raw_election: null,
        threshold: null,
        trustees_json: null,
        ballot_shape: 'levels',
        max_choices: null,
        published_at: nowIso(),
      })
      .execute();
    await database.db
      .insertInto('vote_subjects')
      .values([
        {
          id: lowSubject,
          session_id: session,
          ordinal: 1,
          full_name: 'Phạm Văn Thấp',
          title_text: 'Phó Giám đốc Sở',
          person_id: people.lowvote!,
          exemption_reason: null,
          exemption_note: null,
        },
        {
          id: deputySubject,
          session_id: session,
          ordinal: 2,
          full_name: 'Lê Văn Phó',
          title_text: 'Phó Giám đốc Sở',
          person_id: people.deputy!,
          exemption_reason: null,
          exemption_note: null,
        },
      ])
      .execute();
    const evalCycle = newId();
    await database.db
      .insertInto('evaluation_cycles')
      .values({
        id: evalCycle,
        organization_id: org['TQ.SNV']!,
        kind: 'annual',
        track: 'party',
        year: 2026,
        quarter: null,
        title: 'Đánh giá, xếp loại năm 2026',
        policy_date: '2026-12-31',
        closed: 1,
        created_by: null,
        created_at: nowIso(),
      })
      .execute();
    await database.db
      .insertInto('evaluations')
      .values({
        id: newId(),
        cycle_id: evalCycle,
        group_id: null,
        person_id: people.weak!,
        person_name: 'Ngô Văn Yếu',
        organization_id: org['TQ.SNV']!,
        subject_group: 'leader_other',
        status: 'decided',
        self_score_json: null,
        self_points_tenths: null,
        appraisal_score_json: null,
        appraisal_points_tenths: null,
        facts_json: null,
        proposed_level: 'not_complete',
        verdicts_json: null,
        decided_level: 'not_complete',
        created_at: nowIso(),
        updated_at: nowIso(),
      })
      .execute();

    const preview = (await officer.get(`/api/planning/cycles/${cycle.id}/review?on=2027-02-15`)).json() as ReviewPreview;
    expect(preview).toMatchObject({ year: 2027, inFirstQuarter: true });
    const byPerson = Object.fromEntries(preview.suggestions.map((s) => [s.personId, s.trigger]));
    expect(byPerson).toEqual({ [people.moving!]: 'moved', [people.lowvote!]: 'low_confidence', [people.weak!]: 'not_complete' });
    expect(preview.keep.map((k) => k.personId)).toEqual([people.deputy]);
    const low = preview.suggestions.find((s) => s.trigger === 'low_confidence')!;
    expect(low).toMatchObject({ ruleId: 'vote.low-out-of-planning' });
    expect(low.citation).toContain('96-QĐ/TW');
    expect(low.detail.vi).toContain('55%');
    expect(preview.suggestions.find((s) => s.trigger === 'moved')!.citation).toContain('377-QĐ/TW');
    const april = (await officer.get(`/api/planning/cycles/${cycle.id}/review?on=2027-04-01`)).json() as ReviewPreview;
    expect(april.inFirstQuarter).toBe(false);
  });

  it('saves the review: keep, add, remove with reasons, and shows the lists before and after', async () => {
    const preview = (await officer.get(`/api/planning/cycles/${cycle.id}/review?on=2027-02-15`)).json() as ReviewPreview;
    const res = await officer.post(`/api/planning/cycles/${cycle.id}/reviews`, {
      reviewedOn: '2027-02-15',
      note: 'Rà soát quý I năm 2027',
      removals: preview.suggestions
        .filter((s) => s.trigger !== 'not_complete')
        .map((s) => ({ candidateId: s.candidateId, reason: s.detail.vi })),
      additions: [{ planId, personId: people.second, readiness: 'one_two_years', reason: 'Bổ sung sau rà soát' }],
    });
    expect(res.statusCode).toBe(201);
    const review = res.json() as Review;
    expect(review.counts).toEqual({ kept: 2, added: 1, removed: 2 });
    expect(review.before.map((e) => e.fullName).sort()).toEqual(['Lê Văn Phó', 'Ngô Văn Yếu', 'Phạm Văn Thấp', 'Vũ Văn Chuyển']);
    expect(review.after.map((e) => e.fullName).sort()).toEqual(['Lê Văn Phó', 'Ngô Văn Yếu', 'Đỗ Văn Nhì']);
    const weak = review.changes.find((c) => c.personId === people.weak)!;
    expect(weak).toMatchObject({ change: 'keep', suggested: ['not_complete'] });
    expect(review.changes.find((c) => c.personId === people.moving)).toMatchObject({ change: 'remove', suggested: ['moved'] });
    const after = (await officer.get(`/api/planning/cycles/${cycle.id}`)).json() as CycleDetail;
    expect(after.status).toBe('reviewed');
    expect(
      after.plans
        .find((p) => p.id === planId)!
        .candidates.map((c) => c.fullName)
        .sort(),
    ).toEqual(['Lê Văn Phó', 'Đỗ Văn Nhì']);
    const list = (await officer.get(`/api/planning/cycles/${cycle.id}/reviews`)).json() as { items: Review[] };
    expect(list.items.map((r) => r.id)).toEqual([review.id]);
  });

  it('reports the succession per seat, the coverage, the structure and the age bands', async () => {
    const report = (await officer.get(`/api/planning/cycles/${cycle.id}/report`)).json() as PlanningReport;
    const seat = report.seats.find((s) => s.planId === planId)!;
    expect(seat.titleName).toBe('Giám đốc Sở');
    expect(seat.successors[0]).toMatchObject({ fullName: 'Lê Văn Phó', readiness: 'now', blocking: false });
    expect(seat.successors.at(-1)).toMatchObject({ fullName: 'Đỗ Văn Nhì', readiness: 'one_two_years' });
    expect(report.coverage).toMatchObject({ seats: 2, withReadyNow: 1, percent: 50 });
    expect(report.coverage.withoutReadyNow.map((s) => s.titleName)).toEqual(['Phó Giám đốc Sở']);
    expect(report.ageBands.map((b) => b.count).reduce((a, b) => a + b, 0)).toBe(3);
    expect(report.ageBands[0]!.label.vi).toBe('Dưới 45 tuổi');
    expect(report.structure.map((s) => s.key)).toEqual(['young', 'women', 'ethnicMinority']);
  });

  it('exports the list as .docx and, with the succession report, as .xlsx', async () => {
    const docx = await officer.get(`/api/planning/cycles/${cycle.id}/list.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xlsx = await officer.get(`/api/planning/cycles/${cycle.id}/list.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Danh sách quy hoạch', 'Kế cận theo vị trí', 'Tổng hợp']);
    const cells = book.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells).toContain('Lê Văn Phó');
    expect(String(book.worksheets[0]!.getCell('A1').value)).toBe('DANH SÁCH CÁN BỘ QUY HOẠCH NHIỆM KỲ 2026–2031');
  });

  it('hides all of it from another province: 404', async () => {
    for (const url of [
      `/api/planning/cycles/${cycle.id}/rounds`,
      `/api/planning/cycles/${cycle.id}/review`,
      `/api/planning/cycles/${cycle.id}/reviews`,
      `/api/planning/cycles/${cycle.id}/report`,
      `/api/planning/cycles/${cycle.id}/seats`,
      `/api/planning/cycles/${cycle.id}/list.docx`,
    ])
      expect((await officerLc.get(url)).statusCode, url).toBe(404);
    const res = await officerLc.post(`/api/planning/plans/${planId}/rounds`, {
      step: 'committee',
      heldOn: '2026-05-01',
      summoned: 5,
      present: 5,
      participants: 'Ban Thường vụ',
      results: [{ personId: people.deputy, agree: 5, disagree: 0 }],
    });
    expect(res.statusCode).toBe(404);
  });

  it('audits rounds and reviews', async () => {
    const rows = await database.db.selectFrom('audit_log').select('action').where('action', 'like', 'planning%').execute();
    const actions = new Set(rows.map((r) => r.action));
    expect(actions).toContain('planning_round.create');
    expect(actions).toContain('planning_review.create');
  });
});
