import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFoundationDemo } from '../../scripts/demo/foundation.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../test/databases';
import { type Client, buildTestApp, loginAs } from '../../test/http';
import { totpAt } from '../features/users/totp.rules';

describe.each(testDialects())('HTTP API on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officerTq: Client;
  let officerLc: Client;
  let tqId: string;
  let lcId: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    app = await buildTestApp(database);
    officerTq = await loginAs(app, 'officer.tq');
    officerLc = await loginAs(app, 'officer.lc');
    const orgs = (await officerTq.get('/api/organizations?limit=200')).json() as { items: { id: string; code: string }[] };
    tqId = orgs.items.find((o) => o.code === 'TQ')!.id;
    const lcOrgs = (await officerLc.get('/api/organizations?limit=200')).json() as { items: { id: string; code: string }[] };
    lcId = lcOrgs.items.find((o) => o.code === 'LC')!.id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('answers health with the dialect in use', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: dialect });
    expect(res.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/);
  });

  it('publishes the OpenAPI document with the routes', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/organizations', '/api/audit/verify', '/api/auth/login']),
    );
  });

  describe('errors', () => {
    it('401 without a session, in the one error model', async () => {
      const res = await app.inject({ url: '/api/organizations' });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({
        error: { code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập', messageEn: 'You need to log in', details: [] },
      });
    });

    it('400 on malformed JSON naming the body', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"username":',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('body');
    });

    it('400 naming each wrong-typed, missing and unknown field', async () => {
      const res = await officerTq.post('/api/organizations', {
        code: 'X1',
        name: 42,
        kind: 'nonsense',
        level: 'provincial',
        parentId: tqId,
        colour: 'red',
      });
      expect(res.statusCode).toBe(400);
      const paths = (res.json().error.details as { path: string }[]).map((d) => d.path).sort();
      expect(paths).toEqual(['body.colour', 'body.kind', 'body.name']);
      expect(res.json().error.details.find((d: { path: string }) => d.path === 'body.kind').message).toMatch(
        /giá trị không hợp lệ/,
      );
    });

    it('403 when the role does not allow the action', async () => {
      const leader = await loginAs(app, 'leader.tq');
      const res = await leader.post('/api/organizations', {
        code: 'TQ.NEW1',
        name: 'Ban mới',
        kind: 'party_organ',
        level: 'provincial',
        parentId: tqId,
      });
      expect(res.statusCode).toBe(403);
      expect((await leader.get('/api/audit')).statusCode).toBe(403);
    });

    it('404 for an unknown route, in the same error model', async () => {
      const res = await app.inject({ url: '/api/nowhere' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    });
  });

  describe('scope', () => {
    it('an officer of one province cannot read another province by id (404, not 403)', async () => {
      expect((await officerLc.get(`/api/organizations/${tqId}`)).statusCode).toBe(404);
      expect((await officerTq.get(`/api/organizations/${tqId}`)).statusCode).toBe(200);
    });

    it('lists and searches only within the subtree', async () => {
      const list = (await officerLc.get('/api/organizations?limit=200')).json() as { items: { code: string }[]; total: number };
      expect(list.items.every((o) => o.code.startsWith('LC'))).toBe(true);
      expect(list.total).toBe(list.items.length);
      const search = (await officerLc.get('/api/organizations?q=tuyen%20quang')).json() as { total: number };
      expect(search.total).toBe(0);
      const own = (await officerTq.get('/api/organizations?q=tuyen%20quang')).json() as { total: number };
      expect(own.total).toBeGreaterThan(0);
    });

    it('counts only the subtree on the home page', async () => {
      const tq = (await officerTq.get('/api/home/summary')).json() as { organizations: number; scopeNames: string[] };
      const lc = (await officerLc.get('/api/home/summary')).json() as { organizations: number };
      const admin = (await (await loginAs(app, 'admin')).get('/api/home/summary')).json() as { organizations: number };
      expect(tq.scopeNames).toEqual(['Đảng bộ tỉnh Tuyên Quang']);
      expect(tq.organizations + lc.organizations).toBeLessThan(admin.organizations);
      expect(lc.organizations).toBe(4);
    });

    it('refuses to create under a parent outside the scope', async () => {
      const res = await officerTq.post('/api/organizations', {
        code: 'LC.X',
        name: 'Không được',
        kind: 'party_organ',
        level: 'provincial',
        parentId: lcId,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('parentId');
    });
  });

  describe('search', () => {
    it.each(['so noi vu', 'Sở Nội vụ', 'SỞ NỘI VỤ', 'noi vu'])('finds Sở Nội vụ by %s', async (q) => {
      const res = (await officerTq.get(`/api/organizations?q=${encodeURIComponent(q)}`)).json() as { items: { code: string }[] };
      expect(res.items.map((o) => o.code)).toEqual(['TQ.SNV']);
    });
    it('folds đ to d both ways', async () => {
      const a = (await officerTq.get(`/api/organizations?q=${encodeURIComponent('Đồng Văn')}`)).json() as { total: number };
      const b = (await officerTq.get('/api/organizations?q=dong%20van')).json() as { total: number };
      expect(a.total).toBe(1);
      expect(b.total).toBe(1);
    });
    it('treats LIKE wildcards literally', async () => {
      expect(((await officerTq.get('/api/organizations?q=%25')).json() as { total: number }).total).toBe(0);
    });
  });

  describe('sessions and CSRF', () => {
    it('refuses a cookie-authenticated write without the CSRF token', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/organizations',
        headers: { cookie: officerTq.cookie },
        payload: { code: 'TQ.CSRF', name: 'X', kind: 'party_organ', level: 'provincial', parentId: tqId },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CSRF');
    });

    it('sets an httpOnly SameSite=Strict cookie', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'officer.tq', password: 'canbo-demo-2026' },
      });
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Strict/);
    });

    it('logout ends the session', async () => {
      const c = await loginAs(app, 'inspector.tq');
      expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
      expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    });

    it('a session ended behind the app (another process) stops working once the session cache time has passed', async () => {
      const cached = await buildTestApp(database, { sessionCacheMs: 300 });
      try {
        const c = await loginAs(cached, 'inspector.tq');
        expect((await c.get('/api/auth/me')).statusCode).toBe(200);
        await database.db.deleteFrom('sessions').execute();
        await expect.poll(async () => (await c.get('/api/auth/me')).statusCode, { timeout: 5000, interval: 50 }).toBe(401);
      } finally {
        await cached.close();
      }
      // re-login the officers whose sessions this test removed
      officerTq = await loginAs(app, 'officer.tq');
      officerLc = await loginAs(app, 'officer.lc');
    });

    it('with the session cache off, a session removed behind the app fails at the next request', async () => {
      const uncached = await buildTestApp(database, { sessionCacheMs: 0 });
      try {
        const c = await loginAs(uncached, 'inspector.tq');
        expect((await c.get('/api/auth/me')).statusCode).toBe(200);
        await database.db
          .deleteFrom('sessions')
          .where('user_id', '=', (await c.get('/api/auth/me')).json().user.id)
          .execute();
        expect((await c.get('/api/auth/me')).statusCode).toBe(401);
      } finally {
        await uncached.close();
      }
    });

    it('locks an account after five wrong passwords, even for the right one', async () => {
      for (let i = 0; i < 5; i++) {
        const r = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'tally.tq', password: 'wrong-password' },
        });
        expect(r.statusCode).toBe(401);
      }
      const locked = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'tally.tq', password: 'canbo-demo-2026' },
      });
      expect(locked.statusCode).toBe(423);
      expect(locked.json().error.message).toMatch(/15 phút/);
    });

    it('rate-limits login attempts per client address with 429 in the error model', async () => {
      const limited = await buildTestApp(database, { loginRatePerMinute: 3 });
      try {
        const codes: number[] = [];
        for (let i = 0; i < 4; i++) {
          const r = await limited.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: 'nobody', password: 'x' },
          });
          codes.push(r.statusCode);
          if (r.statusCode === 429) expect(r.json().error.code).toBe('RATE_LIMITED');
        }
        expect(codes).toEqual([401, 401, 401, 429]);
      } finally {
        await limited.close();
      }
    });

    it('asks for and checks the TOTP code once enabled', async () => {
      const c = await loginAs(app, 'cadre.tq');
      const { secret } = (await c.post('/api/auth/totp/setup')).json() as { secret: string };
      expect((await c.post('/api/auth/totp/enable', { code: '000000' })).statusCode).toBe(400);
      expect((await c.post('/api/auth/totp/enable', { code: totpAt(secret, Date.now()) })).statusCode).toBe(204);
      const without = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'cadre.tq', password: 'canbo-demo-2026' },
      });
      expect(without.json().error.code).toBe('TOTP_REQUIRED');
      const withCode = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'cadre.tq', password: 'canbo-demo-2026', totp: totpAt(secret, Date.now()) },
      });
      expect(withCode.statusCode).toBe(200);
    });
  });

  describe('audit trail', () => {
    it('records a write with its actor, in the same transaction', async () => {
      const res = await officerTq.post('/api/organizations', {
        code: 'TQ.BDV',
        name: 'Ban Dân vận Tỉnh ủy',
        kind: 'party_organ',
        level: 'provincial',
        parentId: tqId,
      });
      expect(res.statusCode).toBe(201);
      const inspector = await loginAs(app, 'inspector.tq');
      const log = (await inspector.get('/api/audit?entity=organization&limit=5')).json() as {
        items: { entityId: string; actorId: string; action: string }[];
      };
      expect(log.items[0]).toMatchObject({ entityId: res.json().id, action: 'organization.create' });
      expect(log.items[0]!.actorId).toBeTruthy();
    });

    it('an inspector of one province sees none of the other province audit entries', async () => {
      const inspector = await loginAs(app, 'inspector.tq');
      const log = (await inspector.get('/api/audit?limit=200')).json() as { items: { organizationId: string | null }[] };
      expect(log.items.length).toBeGreaterThan(0);
      expect(log.items.some((e) => e.organizationId === lcId)).toBe(false);
      expect(log.items.some((e) => e.organizationId === null)).toBe(false);
    });

    it('verifies the chain through the API', async () => {
      const inspector = await loginAs(app, 'inspector.tq');
      const res = (await inspector.get('/api/audit/verify')).json() as { ok: boolean; checked: number };
      expect(res.ok).toBe(true);
      expect(res.checked).toBeGreaterThan(20);
    });

    it('gives the inspector a checkpoint to keep and checks it back; a malformed hash is refused naming the field', async () => {
      const inspector = await loginAs(app, 'inspector.tq');
      const cp = (await inspector.get('/api/audit/checkpoint')).json() as { seq: number; hash: string; at: string; line: string };
      expect(cp.line).toBe(`CANBO-AUDIT seq=${cp.seq} hash=${cp.hash} at=${cp.at}`);
      const ok = await inspector.post('/api/audit/checkpoints/verify', { checkpoints: [{ seq: cp.seq, hash: cp.hash }] });
      expect(ok.json()).toMatchObject({ ok: true, checkpoints: [{ status: 'matches' }] });
      const wrong = await inspector.post('/api/audit/checkpoints/verify', {
        checkpoints: [{ seq: cp.seq, hash: 'f'.repeat(64) }],
      });
      expect(wrong.json()).toMatchObject({ ok: false, checkpoints: [{ status: 'differs' }] });
      const bad = await inspector.post('/api/audit/checkpoints/verify', { checkpoints: [{ seq: 1, hash: 'xyz' }] });
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json())).toContain('checkpoints.0.hash');
      const leader = await loginAs(app, 'leader.tq');
      expect((await leader.get('/api/audit/checkpoint')).statusCode).toBe(403);
    });
  });

  describe('users', () => {
    it('an administrator creates a user who can then log in with the grant', async () => {
      const admin = await loginAs(app, 'admin');
      const res = await admin.post('/api/users', {
        username: 'officer.new',
        fullName: 'Vũ Thị Mai',
        password: 'mat-khau-dai-1',
        grants: [{ role: 'officer', organizationId: lcId }],
      });
      expect(res.statusCode).toBe(201);
      const c = await loginAs(app, 'officer.new', 'mat-khau-dai-1');
      expect(((await c.get('/api/home/summary')).json() as { organizations: number }).organizations).toBe(4);
    });
    it('rejects a duplicate username with 409 naming the field', async () => {
      const admin = await loginAs(app, 'admin');
      const res = await admin.post('/api/users', {
        username: 'officer.tq',
        fullName: 'X',
        password: 'mat-khau-dai-1',
        grants: [{ role: 'officer', organizationId: lcId }],
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details[0].path).toBe('username');
    });
    it('an officer cannot manage users', async () => {
      expect((await officerTq.get('/api/users')).statusCode).toBe(403);
    });
  });
});
