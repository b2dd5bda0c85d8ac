import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperCount, VoteDetail } from '../../../contracts/votes';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { loadVotesDemo } from '../../../scripts/demo/votes.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { type Client, buildTestApp, loginAs } from '../../../test/http';

describe.each(testDialects())('vote sessions over HTTP on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: Client;
  let officerLc: Client;
  let tally1: Client;
  let tally2: Client;
  let tally3: Client;
  let leader: Client;
  let tqId: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await loadVotesDemo(database.db);
    app = await buildTestApp(database);
    officer = await loginAs(app, 'officer.tq');
    officerLc = await loginAs(app, 'officer.lc');
    tally1 = await loginAs(app, 'tally.tq');
    tally2 = await loginAs(app, 'tally2.tq');
    tally3 = await loginAs(app, 'tally3.tq');
    leader = await loginAs(app, 'leader.tq');
    const orgs = (await officer.get('/api/organizations?limit=200')).json() as { items: { id: string; code: string }[] };
    tqId = orgs.items.find((o) => o.code === 'TQ')!.id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const create = async (summonedCount = 30, track: 'party' | 'state' = 'party') => {
    const res = await officer.post('/api/votes', {
      organizationId: tqId,
      kind: 'confidence',
      mode: 'paper',
      track,
      title: 'Phiên thử',
      voteDate: '2026-11-26',
      voterGroup: 'Ban Chấp hành',
      summonedCount,
      subjects: [
        { fullName: 'Người A', titleText: 'Chức vụ A' },
        { fullName: 'Người B', titleText: 'Chức vụ B' },
        { fullName: 'Người C', titleText: 'Chức vụ C', exemption: { reason: 'new_in_year' } },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as VoteDetail;
  };
  const countFor = (v: VoteDetail, collected: number, lowA: number, lowB: number): PaperCount => ({
    issued: collected,
    collected,
    valid: collected,
    invalid: 0,
    subjects: v.subjects
      .filter((s) => !s.exemption)
      .map((s, i) => {
        const low = i === 0 ? lowA : lowB;
        return { subjectId: s.id, high: collected - low, medium: 0, low, invalid: 0 };
      }),
  });

  it('lists the demo sessions in scope, none of them for another province', async () => {
    const mine = (await officer.get('/api/votes')).json() as { total: number };
    expect(mine.total).toBe(6);
    const other = (await officerLc.get('/api/votes')).json() as { total: number };
    expect(other.total).toBe(0);
  });

  it('keeps an exempt person with the reason, off the ballot', async () => {
    const v = await create();
    expect(v.subjects.map((s) => s.exemption?.reason ?? null)).toEqual([null, null, 'new_in_year']);
    expect(v.status).toBe('open');
    expect((await officerLc.get(`/api/votes/${v.id}`)).statusCode).toBe(404);
  });

  it('needs two different tally members to enter the same count; a mismatch shows each differing number', async () => {
    const v = await create();
    const first = await tally1.post(`/api/votes/${v.id}/paper-entries`, countFor(v, 24, 16, 2));
    expect(first.json()).toMatchObject({ status: 'waiting_second' });
    // the same member entering again only corrects his own entry
    const again = await tally1.post(`/api/votes/${v.id}/paper-entries`, countFor(v, 24, 16, 2));
    expect(again.json()).toMatchObject({ status: 'waiting_second' });
    const second = await tally2.post(`/api/votes/${v.id}/paper-entries`, countFor(v, 24, 15, 2));
    expect(second.json()).toMatchObject({
      status: 'mismatch',
      paper: {
        mismatches: [
          { field: 'subjects[0].high', first: 8, second: 9 },
          { field: 'subjects[0].low', first: 16, second: 15 },
        ],
      },
    });
    expect((await tally3.post(`/api/votes/${v.id}/paper-entries`, countFor(v, 24, 16, 2))).statusCode).toBe(409);
    const fixed = await tally2.post(`/api/votes/${v.id}/paper-entries`, countFor(v, 24, 16, 2));
    expect(fixed.json()).toMatchObject({ status: 'matched' });
    const detail = (await leader.get(`/api/votes/${v.id}`)).json() as VoteDetail;
    expect(detail.status).toBe('counted');
    expect(detail.boardHash).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.result!.quorum.passed).toBe(true);
    // 16/24 = exactly 2/3 under 96-QĐ/TW: dismissal
    expect(detail.result!.subjects[0]!.consequences.filter((c) => !c.passed).map((c) => c.ruleId)).toEqual([
      'vote.low-dismissal',
    ]);
    expect(detail.result!.subjects[1]!.consequences.every((c) => c.passed)).toBe(true);
    expect((await tally1.post(`/api/votes/${v.id}/paper-entries`, countFor(v, 24, 16, 2))).statusCode).toBe(409);
  });

  it('judges exactly 2/3 low on the state track as resignation under NĐ 170/2025 and dismissal under 96-QĐ/TW, and raises both', async () => {
    const v = await create(30, 'state');
    await tally1.post(`/api/votes/${v.id}/paper-entries`, countFor(v, 24, 16, 12));
    await tally2.post(`/api/votes/${v.id}/paper-entries`, countFor(v, 24, 16, 12));
    const detail = (await officer.get(`/api/votes/${v.id}`)).json() as VoteDetail;
    const triggered = detail.result!.subjects.map((s) => s.consequences.filter((c) => !c.passed).map((c) => c.ruleId));
    expect(triggered).toEqual([['vote.low-dismissal', 'state.resignation-low-votes'], []]);
    const tasks = (await officer.get(`/api/vote-consequences?sessionId=${v.id}`)).json() as {
      items: { ruleId: string; consequence: string; fullName: string; status: string }[];
    };
    expect(tasks.items.map((t) => [t.fullName, t.ruleId, t.consequence, t.status]).sort()).toEqual([
      ['Người A', 'state.resignation-low-votes', 'may-move-or-resign', 'open'],
      ['Người A', 'vote.low-dismissal', 'dismissal-procedure', 'open'],
    ]);
  });

  it('refuses a count that does not reconcile, naming each problem', async () => {
    const v = await create();
    const bad = { ...countFor(v, 24, 2, 2), valid: 23 };
    const res = await tally1.post(`/api/votes/${v.id}/paper-entries`, bad);
    expect(res.statusCode).toBe(400);
    const codes = (res.json() as { error: { details: { path: string }[] } }).error.details.map((d) => d.path);
    expect(codes).toEqual(['valid_invalid_sum', 'subject_sum', 'subject_sum']);
  });

  it('lets only tally members enter counts and only officers create sessions', async () => {
    const v = await create();
    expect((await leader.post(`/api/votes/${v.id}/paper-entries`, countFor(v, 24, 2, 2))).statusCode).toBe(403);
    expect((await officer.post(`/api/votes/${v.id}/paper-entries`, countFor(v, 24, 2, 2))).statusCode).toBe(403);
    const res = await tally1.post('/api/votes', {
      organizationId: tqId,
      kind: 'confidence',
      mode: 'paper',
      track: 'party',
      title: 'x',
      voteDate: '2026-11-26',
      voterGroup: 'x',
      summonedCount: 3,
      subjects: [{ fullName: 'A', titleText: 'B' }],
    });
    expect(res.statusCode).toBe(403);
  });

  it('reports a failed quorum and gives no per-person result below it', async () => {
    const v = await create(30);
    await tally1.post(`/api/votes/${v.id}/paper-entries`, countFor(v, 19, 2, 2));
    await tally2.post(`/api/votes/${v.id}/paper-entries`, countFor(v, 19, 2, 2));
    const detail = (await officer.get(`/api/votes/${v.id}`)).json() as VoteDetail;
    expect(detail.result!.quorum.passed).toBe(false);
    expect(detail.result!.subjects).toEqual([]);
  });

  it('produces the count record as .docx carrying the count hash', async () => {
    const v = await create();
    await tally1.post(`/api/votes/${v.id}/paper-entries`, countFor(v, 24, 13, 2));
    await tally2.post(`/api/votes/${v.id}/paper-entries`, countFor(v, 24, 13, 2));
    const detail = (await officer.get(`/api/votes/${v.id}`)).json() as VoteDetail;
    const res = await officer.get(`/api/votes/${v.id}/record.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(xml).toContain(detail.boardHash!);
    expect(xml).toContain('Người A');
    expect(xml).toContain('96-QĐ/TW');
    const open = await create();
    expect((await officer.get(`/api/votes/${open.id}/record.docx`)).statusCode).toBe(409);
  });

  it('warns before a small-group vote that unanimity reveals votes', async () => {
    const v = await create(6);
    expect(v.warnings.map((w) => w.code)).toEqual(['small_group']);
  });

  it('leaves the audit chain intact after all of it', async () => {
    const admin = await loginAs(app, 'admin');
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });
});
