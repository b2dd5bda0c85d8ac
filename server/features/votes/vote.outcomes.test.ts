import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperCount, VoteConsequenceTask, VoteDetail } from '../../../contracts/votes';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { loadPersonsDemo } from '../../../scripts/demo/persons.demo';
import { loadVotesDemo } from '../../../scripts/demo/votes.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { type Client, buildTestApp, loginAs } from '../../../test/http';
import { findOrganizationByCode } from '../organizations/organization.repository';
import { syncTitleCatalog } from '../titles/title.service';
import { resolveActorByUsername } from '../../../scripts/demo/demo-actors';
import type { Actor } from '../access/access.rules';
import { SYSTEM_READER, intersectRoots, listVoteOutcomes } from './vote.outcomes';

describe.each(testDialects())('vote outcomes and consequence tasks on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: Client;
  let officerLc: Client;
  let tally1: Client;
  let tally2: Client;
  let tqId: string;
  let tqPath: string;
  let lcPath: string;
  let reader: Actor;
  let readerLc: Actor;
  let people: { id: string; full_name: string; current_title: string; current_title_code: string | null }[];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await loadPersonsDemo(database.db, 20);
    await loadVotesDemo(database.db);
    await syncTitleCatalog(database.db);
    app = await buildTestApp(database);
    officer = await loginAs(app, 'officer.tq');
    officerLc = await loginAs(app, 'officer.lc');
    tally1 = await loginAs(app, 'tally.tq');
    tally2 = await loginAs(app, 'tally2.tq');
    tqId = (await findOrganizationByCode(database.db, 'TQ'))!.id;
    tqPath = (await findOrganizationByCode(database.db, 'TQ'))!.path;
    reader = (await resolveActorByUsername(database.db, 'officer.tq'))!;
    readerLc = (await resolveActorByUsername(database.db, 'officer.lc'))!;
    lcPath = (await findOrganizationByCode(database.db, 'LC'))!.path;
    people = (await database.db
      .selectFrom('persons')
      .select(['id', 'full_name', 'current_title', 'current_title_code'])
      .where('current_title', 'is not', null)
      .orderBy('id')
      .limit(4)
      .execute()) as typeof people;
    expect(people).toHaveLength(4);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const session = (over: Record<string, unknown>) => ({
    organizationId: tqId,
    kind: 'confidence',
    mode: 'paper',
    track: 'party',
    title: 'Lấy phiếu tín nhiệm năm 2026',
    voteDate: '2026-11-26',
    voterGroup: 'Ban Chấp hành',
    summonedCount: 30,
    subjects: [{ personId: people[0]!.id }, { personId: people[1]!.id }],
    ...over,
  });
  const enterTwice = async (id: string, count: PaperCount) => {
    expect((await tally1.post(`/api/votes/${id}/paper-entries`, count)).statusCode).toBe(200);
    const second = await tally2.post(`/api/votes/${id}/paper-entries`, count);
    expect(second.json(), second.body).toMatchObject({ status: 'matched' });
  };
  const levels = (v: VoteDetail, collected: number, lows: number[]): PaperCount => ({
    issued: collected,
    collected,
    valid: collected,
    invalid: 0,
    subjects: v.subjects
      .filter((s) => !s.exemption)
      .map((s, i) => ({ subjectId: s.id, high: collected - lows[i]!, medium: 0, low: lows[i]!, invalid: 0 })),
  });

  it('takes a subject’s name and title from his record and keeps an exempt one with the reason', async () => {
    const res = await officer.post(
      '/api/votes',
      session({
        subjects: [
          { personId: people[0]!.id },
          { personId: people[1]!.id, titleText: 'Phó Bí thư (kiêm nhiệm)' },
          { personId: people[2]!.id, exemption: { reason: 'retirement_announced', note: 'Nghỉ hưu từ 01/01/2027' } },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json() as VoteDetail;
    expect(v.subjects.map((s) => [s.personId, s.fullName, s.titleText, s.titleCode])).toEqual([
      [people[0]!.id, people[0]!.full_name, people[0]!.current_title, people[0]!.current_title_code],
      [people[1]!.id, people[1]!.full_name, 'Phó Bí thư (kiêm nhiệm)', people[1]!.current_title_code],
      [people[2]!.id, people[2]!.full_name, people[2]!.current_title, people[2]!.current_title_code],
    ]);
    expect(v.subjects[2]!.exemption).toEqual({ reason: 'retirement_announced', note: 'Nghỉ hưu từ 01/01/2027' });
  });

  it('refuses a person outside the officer’s scope, a person named twice, and a subject with neither record nor name', async () => {
    const lcOrg = (await findOrganizationByCode(database.db, 'LC'))!;
    const outside = await officerLc.post('/api/votes', session({ organizationId: lcOrg.id }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ error: { details: [{ path: 'subjects.0.personId' }] } });
    const twice = await officer.post(
      '/api/votes',
      session({ subjects: [{ personId: people[0]!.id }, { personId: people[0]!.id }] }),
    );
    expect(twice.statusCode).toBe(400);
    const empty = await officer.post('/api/votes', session({ subjects: [{ titleText: 'Giám đốc' }] }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: { details: [{ path: 'subjects.0' }] } });
  });

  it('publishes outcomes per person: exactly 1/2 low raises nothing, one vote more raises out-of-planning', async () => {
    const v = (await officer.post('/api/votes', session({ voteDate: '2026-10-01' }))).json() as VoteDetail;
    await enterTwice(v.id, levels(v, 24, [12, 13]));
    const outcomes = await listVoteOutcomes(database.db, reader, {
      personIds: [people[0]!.id, people[1]!.id],
      from: '2026-10-01',
      to: '2026-10-01',
    });
    expect(outcomes.map((o) => [o.personId, o.counts, o.pctLowOfCollected, o.pctLowOfSummoned])).toEqual([
      [people[0]!.id, { high: 12, medium: 0, low: 12 }, 50, 40],
      [people[1]!.id, { high: 11, medium: 0, low: 13 }, 54.17, 43.33],
    ]);
    expect(outcomes[0]).toMatchObject({
      sessionId: v.id,
      kind: 'confidence',
      track: 'party',
      summoned: 30,
      collected: 24,
      consequences: [],
    });
    expect(outcomes[1]!.consequences.map((c) => [c.ruleId, c.consequence, c.citation])).toEqual([
      ['vote.low-out-of-planning', 'out-of-planning-higher', '96-QĐ/TW ngày 02/02/2023'],
      ['vote.low-out-of-planning', 'may-move-or-resign', '96-QĐ/TW ngày 02/02/2023'],
    ]);
    expect(outcomes[1]!.consequences[0]!.detail.vi).toContain('13/24');
    // scoped by the reader, not the caller: the filter only narrows; another province's officer sees nothing even
    // when the caller names this province's subtree; other kinds are filtered out
    expect(await listVoteOutcomes(database.db, reader, { organizationPaths: [lcPath] })).toEqual([]);
    expect(await listVoteOutcomes(database.db, readerLc, { organizationPaths: [tqPath], personIds: [people[1]!.id] })).toEqual(
      [],
    );
    expect(await listVoteOutcomes(database.db, readerLc, { personIds: [people[1]!.id] })).toEqual([]);
    expect(
      (await listVoteOutcomes(database.db, SYSTEM_READER, { personIds: [people[1]!.id], from: '2026-10-01', to: '2026-10-01' }))
        .length,
    ).toBe(1);
    expect(
      await listVoteOutcomes(database.db, reader, {
        personIds: [people[1]!.id],
        kinds: ['planning'],
        from: '2026-10-01',
        to: '2026-10-01',
      }),
    ).toEqual([]);
  });

  it('raises tasks at publication, lists them in scope only, and marks one handled once', async () => {
    const v = (await officer.post('/api/votes', session({ voteDate: '2026-10-02' }))).json() as VoteDetail;
    await enterTwice(v.id, levels(v, 24, [16, 2]));
    const list = (await officer.get(`/api/vote-consequences?sessionId=${v.id}&status=open`)).json() as {
      items: VoteConsequenceTask[];
      total: number;
    };
    expect(list.items.map((t) => [t.personId, t.ruleId, t.consequence])).toEqual([
      [people[0]!.id, 'vote.low-dismissal', 'dismissal-procedure'],
    ]);
    const task = list.items[0]!;
    expect(task).toMatchObject({ fullName: people[0]!.full_name, voteDate: '2026-10-02', status: 'open', handledRef: null });
    expect(((await officerLc.get(`/api/vote-consequences?sessionId=${v.id}`)).json() as { total: number }).total).toBe(0);
    expect((await officerLc.post(`/api/vote-consequences/${task.id}/handled`, { ref: 'decision:x' })).statusCode).toBe(404);
    expect((await tally1.post(`/api/vote-consequences/${task.id}/handled`, { ref: 'decision:x' })).statusCode).toBe(403);
    const done = await officer.post(`/api/vote-consequences/${task.id}/handled`, { ref: 'decision:01TEST' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'handled', handledRef: 'decision:01TEST' });
    expect((await officer.post(`/api/vote-consequences/${task.id}/handled`, { ref: 'decision:again' })).statusCode).toBe(409);
    const open = (await officer.get(`/api/vote-consequences?sessionId=${v.id}&status=open`)).json() as { total: number };
    expect(open.total).toBe(0);
  });

  it('runs a planning recommendation round as agree/disagree and a committee election as a choice of names', async () => {
    const bad = await officer.post('/api/votes', session({ ballot: { shape: 'agree-disagree' } }));
    expect(bad.statusCode).toBe(400);
    const round = (await officer.post('/api/votes', session({ kind: 'planning', voteDate: '2026-10-03' }))).json() as VoteDetail;
    expect(round.ballot).toEqual({ shape: 'agree-disagree', maxChoices: null });
    await enterTwice(round.id, {
      issued: 30,
      collected: 28,
      valid: 28,
      invalid: 0,
      subjects: [
        { subjectId: round.subjects[0]!.id, agree: 16, disagree: 12, invalid: 0 },
        { subjectId: round.subjects[1]!.id, agree: 15, disagree: 13, invalid: 0 },
      ],
    });
    const o = await listVoteOutcomes(database.db, reader, { kinds: ['planning'], from: '2026-10-03', to: '2026-10-03' });
    expect(o.map((x) => [x.counts, x.pctAgreeOfSummoned, x.pctLowOfCollected, x.consequences.map((c) => c.consequence)])).toEqual(
      [
        [{ agree: 16, disagree: 12 }, 53.33, null, []],
        [{ agree: 15, disagree: 13 }, 50, null, ['not-recommended']],
      ],
    );
    // exactly 1/2 of those summoned is not more than 1/2: a task for planning, naming its rule
    const roundTasks = (await officer.get(`/api/vote-consequences?sessionId=${round.id}`)).json() as {
      items: VoteConsequenceTask[];
    };
    expect(roundTasks.items.map((t) => [t.subjectId, t.ruleId, t.consequence, t.status])).toEqual([
      [round.subjects[1]!.id, 'planning.recommendation-threshold', 'not-recommended', 'open'],
    ]);
    expect(roundTasks.items[0]!.citation).toContain('377-QĐ/TW');

    const election = (
      await officer.post(
        '/api/votes',
        session({ kind: 'election', voteDate: '2026-10-04', ballot: { shape: 'choice', maxChoices: 1 } }),
      )
    ).json() as VoteDetail;
    expect(election.ballot).toEqual({ shape: 'choice', maxChoices: 1 });
    const ids = election.subjects.map((s) => s.id);
    const over = await tally1.post(`/api/votes/${election.id}/paper-entries`, {
      issued: 30,
      collected: 30,
      valid: 29,
      invalid: 1,
      subjects: [
        { subjectId: ids[0], chosen: 20, invalid: 0 },
        { subjectId: ids[1], chosen: 10, invalid: 0 },
      ],
    });
    expect(over.statusCode).toBe(400);
    await enterTwice(election.id, {
      issued: 30,
      collected: 30,
      valid: 29,
      invalid: 1,
      subjects: [
        { subjectId: ids[0]!, chosen: 20, invalid: 0 },
        { subjectId: ids[1]!, chosen: 9, invalid: 0 },
      ],
    });
    const e = await listVoteOutcomes(database.db, reader, { kinds: ['election'], from: '2026-10-04', to: '2026-10-04' });
    expect(e.map((x) => [x.counts, x.pctAgreeOfSummoned])).toEqual([
      [{ chosen: 20 }, 66.67],
      [{ chosen: 9 }, 30],
    ]);
  });

  it('raises an appointment step below its threshold as a task: the process cannot continue', async () => {
    // NĐ 170/2025 (state track): a candidate ballot, nobody over 1/2; 30 % or more goes on, the third name stops
    const step = (
      await officer.post(
        '/api/votes',
        session({
          kind: 'appointment',
          track: 'state',
          voteDate: '2026-10-05',
          ballot: { shape: 'choice', maxChoices: 1 },
          subjects: [
            { personId: people[0]!.id },
            { personId: people[1]!.id },
            { fullName: 'Người thứ ba', titleText: 'Phó Giám đốc Sở' },
          ],
        }),
      )
    ).json() as VoteDetail;
    const ids = step.subjects.map((s) => s.id);
    await enterTwice(step.id, {
      issued: 30,
      collected: 29,
      valid: 29,
      invalid: 0,
      subjects: [
        { subjectId: ids[0]!, chosen: 12, invalid: 0 },
        { subjectId: ids[1]!, chosen: 9, invalid: 0 },
        { subjectId: ids[2]!, chosen: 8, invalid: 0 },
      ],
    });
    const tasks = (await officer.get(`/api/vote-consequences?sessionId=${step.id}`)).json() as { items: VoteConsequenceTask[] };
    expect(tasks.items.map((t) => [t.fullName, t.ruleId, t.consequence])).toEqual([
      ['Người thứ ba', 'state.appointment-ballot', 'appointment-cannot-continue'],
    ]);
    expect(tasks.items[0]!.detail.vi).toMatch(/^8\/30 người được triệu tập/);
    // a yes/no step on the state track: exactly 1/2 goes to the head (no task), below it stops
    const yesNo = (
      await officer.post(
        '/api/votes',
        session({ kind: 'appointment', track: 'state', voteDate: '2026-10-06', ballot: { shape: 'agree-disagree' } }),
      )
    ).json() as VoteDetail;
    await enterTwice(yesNo.id, {
      issued: 30,
      collected: 30,
      valid: 30,
      invalid: 0,
      subjects: [
        { subjectId: yesNo.subjects[0]!.id, agree: 15, disagree: 15, invalid: 0 },
        { subjectId: yesNo.subjects[1]!.id, agree: 14, disagree: 16, invalid: 0 },
      ],
    });
    const yesNoTasks = (await officer.get(`/api/vote-consequences?sessionId=${yesNo.id}`)).json() as {
      items: VoteConsequenceTask[];
    };
    expect(yesNoTasks.items.map((t) => [t.subjectId, t.consequence])).toEqual([
      [yesNo.subjects[1]!.id, 'appointment-cannot-continue'],
    ]);
    // outside the province: neither the tasks nor the outcomes
    expect(((await officerLc.get(`/api/vote-consequences?sessionId=${step.id}`)).json() as { total: number }).total).toBe(0);
  });

  it('compares a result with the person’s previous round and with the holders of the same title that year', async () => {
    const make = async (voteDate: string, subjects: unknown[], lows: number[]) => {
      const v = (await officer.post('/api/votes', session({ voteDate, subjects }))).json() as VoteDetail;
      await enterTwice(v.id, levels(v, 24, lows));
      return v;
    };
    const title = 'Chánh Văn phòng (so sánh)';
    const x = await make('2025-06-01', [{ personId: people[0]!.id }], [2]);
    await make(
      '2026-05-01',
      [
        { fullName: 'Người Q', titleText: title },
        { fullName: 'Người R', titleText: title },
      ],
      [10, 8],
    );
    const z = await make('2026-09-01', [{ personId: people[0]!.id }, { fullName: 'Người P', titleText: title }], [10, 2]);
    const detail = (await officer.get(`/api/votes/${z.id}`)).json() as VoteDetail;
    const [mine, p] = detail.result!.subjects;
    // 22 high, 2 low of 24 in 2025 (net 83,33); 14 high, 10 low now (net 16,67)
    expect(mine!.comparison.previous).toEqual({
      sessionId: x.id,
      title: x.title,
      voteDate: '2025-06-01',
      netScore: 83.33,
      pctLow: 8.33,
    });
    expect(mine!.comparison.notes.map((n) => n.code)).toContain('dropped_since_previous');
    // Người P (net 75) against Q (16,67) and R (33,33): mean 25
    expect(p!.comparison.peers).toEqual({
      count: 2,
      meanNet: 25,
      meanPctLow: 37.5,
      basis: { kind: 'same-title', group: null, rank: null, titles: [title] },
    });
    expect(p!.comparison.notes.map((n) => n.code)).toEqual(['above_peers']);
    expect(p!.comparison.previous).toBeNull();
    // another province sees neither the rounds nor the peers
    expect((await officerLc.get(`/api/votes/${z.id}`)).statusCode).toBe(404);
  });

  it('compares with the holders of equivalent titles in the catalog (same group and rank), not only the same title', async () => {
    // three people of the records: two titles of group IV rank 1 (equivalent), one of rank 2 (not a peer)
    const codes = ['TRUONG_BAN_TINH_UY', 'CHU_NHIEM_UBKT_TINH_UY', 'GIAM_DOC_SO'];
    for (const [i, code] of codes.entries())
      await database.db
        .updateTable('persons')
        .set({ current_title_code: code })
        .where('id', '=', people[i + 1]!.id)
        .execute();
    const make = async (voteDate: string, personIds: string[], lows: number[]) => {
      const v = (
        await officer.post('/api/votes', session({ voteDate, subjects: personIds.map((personId) => ({ personId })) }))
      ).json() as VoteDetail;
      expect(v.subjects.map((s) => s.titleCode)).toHaveLength(personIds.length);
      await enterTwice(v.id, levels(v, 24, lows));
      return v;
    };
    // earlier that year: the head of the inspection commission (rank 1, net 0) and the department director (rank 2)
    await make('2027-03-01', [people[2]!.id, people[3]!.id], [12, 0]);
    const v = await make('2027-09-01', [people[1]!.id], [0]);
    const r = ((await officer.get(`/api/votes/${v.id}`)).json() as VoteDetail).result!.subjects[0]!;
    expect(r.comparison.peers).toMatchObject({
      count: 1,
      meanNet: 0,
      basis: { kind: 'equivalent', group: 'IV', rank: 1 },
    });
    expect(r.comparison.peers!.basis.titles).toEqual(
      expect.arrayContaining(['Trưởng ban Tỉnh ủy (Ủy viên Ban Thường vụ)', 'Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy']),
    );
    expect(r.comparison.peers!.basis.titles).not.toContain('Giám đốc Sở');
    expect(r.comparison.notes.map((n) => [n.code, n.message])).toContainEqual([
      'above_peers',
      'Điểm ròng cao hơn 100,0 điểm so với trung bình 1 người giữ chức danh tương đương (nhóm IV, bậc 1) trong năm',
    ]);
  });
});

describe('the scope of outcomes', () => {
  it('keeps only the subtrees both the reader and the caller name', () => {
    expect(intersectRoots(['/a/'], ['/a/b/'])).toEqual(['/a/b/']);
    expect(intersectRoots(['/a/b/'], ['/a/'])).toEqual(['/a/b/']);
    expect(intersectRoots(['/a/'], ['/c/'])).toEqual([]);
    expect(intersectRoots(['/a/', '/c/'], ['/a/x/', '/c/'])).toEqual(['/c/', '/a/x/']);
  });
});
