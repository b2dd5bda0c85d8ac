import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkQueue } from '../../../contracts/home';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { loadPersonsDemo } from '../../../scripts/demo/persons.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { type Client, buildTestApp, loginAs } from '../../../test/http';
import { newId, nowIso } from '../../lib/ids';

describe.each(testDialects())('home work queue on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officerTq: Client;
  let officerLc: Client;
  let cadre: Client;
  let tqRootId: string;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await loadPersonsDemo(database.db, 60);
    app = await buildTestApp(database);
    officerTq = await loginAs(app, 'officer.tq');
    officerLc = await loginAs(app, 'officer.lc');
    cadre = await loginAs(app, 'cadre.tq');
    tqRootId = (await database.db.selectFrom('organizations').select('id').where('code', '=', 'TQ').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const queue = async (c: Client) => {
    const res = await c.get('/api/home/work-queue');
    expect(res.statusCode, res.body).toBe(200);
    return Object.fromEntries((res.json() as WorkQueue).items.map((i) => [i.key, i.count]));
  };

  it('shows each role only the kinds of work it handles', async () => {
    expect(Object.keys(await queue(officerTq)).sort()).toEqual([
      'decisions-open',
      'declarations-pending',
      'dismissals-to-start',
      'planning-in-progress',
      'planning-review-due',
      'vote-consequences-open',
      'votes-in-progress',
    ]);
    expect(await queue(cadre)).toEqual({});
    expect(Object.keys(await queue(await loginAs(app, 'tally.tq')))).toEqual(['votes-in-progress']);
    expect((await app.inject({ method: 'GET', url: '/api/home/work-queue' })).statusCode).toBe(401);
  });

  it('counts a new declaration for the officers of its province only, and agrees with the declarations list', async () => {
    const tqBefore = await queue(officerTq);
    const lcBefore = await queue(officerLc);
    const me = ((await cadre.get('/api/persons/me')).json() as { personId: string }).personId;
    const sent = await cadre.post(`/api/persons/${me}/declarations`, { changes: { itLevel: 'Chứng chỉ nâng cao' }, note: null });
    expect(sent.statusCode, sent.body).toBe(201);
    const tqAfter = await queue(officerTq);
    expect(tqAfter['declarations-pending']).toBe(tqBefore['declarations-pending']! + 1);
    expect((await queue(officerLc))['declarations-pending']).toBe(lcBefore['declarations-pending']);
    const listed = (await officerTq.get('/api/person-declarations?status=pending&limit=1')).json() as { total: number };
    expect(tqAfter['declarations-pending']).toBe(listed.total);
  });

  it('asks for the yearly planning review while the term runs and the year has no review', async () => {
    const cycle = (status: 'draft' | 'approved', termFrom: number, termTo: number) => ({
      id: newId(),
      organization_id: tqRootId,
      name: `Quy hoạch ${termFrom}-${termTo} (${status})`,
      term_from: termFrom,
      term_to: termTo,
      level: 'provincial' as const,
      track: 'party' as const,
      approving_authority: 'Ban Thường vụ Tỉnh ủy',
      policy_date: `${termFrom - 1}-06-01`,
      reference_key: null,
      reference_date: `${termFrom - 1}-06-01`,
      status,
      created_by: null,
      created_at: nowIso(),
    });
    const before = await queue(officerTq);
    const lcBefore = await queue(officerLc);
    const running = cycle('approved', year - 1, year + 4);
    const ended = cycle('approved', year - 6, year - 1);
    const draft = cycle('draft', year + 1, year + 6);
    await database.db.insertInto('planning_cycles').values([running, ended, draft]).execute();
    const after = await queue(officerTq);
    expect(after['planning-review-due']).toBe(before['planning-review-due']! + 1);
    expect(after['planning-in-progress']).toBe(before['planning-in-progress']! + 1);
    expect(await queue(officerLc)).toEqual(lcBefore);

    const review = (y: number) => ({
      id: newId(),
      cycle_id: running.id,
      year: y,
      reviewed_on: `${y}-11-01`,
      note: null,
      before_json: '[]',
      after_json: '[]',
      changes_json: '[]',
      created_by: null,
      created_at: nowIso(),
    });
    await database.db
      .insertInto('planning_reviews')
      .values(review(year - 1))
      .execute();
    expect((await queue(officerTq))['planning-review-due']).toBe(after['planning-review-due']);
    await database.db.insertInto('planning_reviews').values(review(year)).execute();
    expect((await queue(officerTq))['planning-review-due']).toBe(before['planning-review-due']);
  });
});
