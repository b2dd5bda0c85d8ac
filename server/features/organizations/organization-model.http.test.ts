import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../../../scripts/demo';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/databases';
import { buildTestApp, loginAs } from '../../../test/http';

describe.each(testDialects())('organization model over HTTP on %s (demo data)', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await loadDemoIfEmpty(db.db);
    app = await buildTestApp(db);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  it('shows the Tuyên Quang officer the merged province today and the two old provinces before 01/07/2025', async () => {
    const officer = await loginAs(app, 'officer.tq');
    const today = (await officer.get('/api/organizations/tree?asOf=2026-11-27')).json();
    expect(today.items.map((n: { name: string }) => n.name)).toEqual(['Đảng bộ tỉnh Tuyên Quang']);
    const before = (await officer.get('/api/organizations/tree?asOf=2025-06-30')).json();
    expect(before.items.map((n: { name: string }) => n.name).sort()).toEqual([
      'Đảng bộ tỉnh Hà Giang',
      'Đảng bộ tỉnh Tuyên Quang (trước sáp nhập)',
    ]);
    const hg = before.items.find((n: { name: string }) => n.name === 'Đảng bộ tỉnh Hà Giang');
    const districts = (await officer.get(`/api/organizations/tree?asOf=2025-06-30&parentId=${hg.id}`)).json();
    expect(districts.items).toHaveLength(11);
    expect((await officer.get(`/api/organizations/tree?asOf=2025-07-01&parentId=${hg.id}`)).json().items).toEqual([]);
  });

  it('lists every one of the 124 communes/wards under the province, and keeps Lào Cai out of Tuyên Quang’s reach', async () => {
    const officer = await loginAs(app, 'officer.tq');
    const tq = (await officer.get('/api/organizations/tree?asOf=2026-01-01')).json().items[0];
    const children = (await officer.get(`/api/organizations/tree?asOf=2026-01-01&parentId=${tq.id}`)).json().items;
    expect(
      children.filter((c: { level: string; kind: string }) => c.level === 'commune' && c.kind === 'party_committee'),
    ).toHaveLength(124);
    const lc = await loginAs(app, 'officer.lc');
    expect((await lc.get(`/api/organizations/${tq.id}/subtree`)).statusCode).toBe(404);
    expect((await lc.get(`/api/positions?organizationId=${tq.id}`)).statusCode).toBe(404);
    const mine = (await lc.get('/api/organizations/tree')).json().items;
    expect(mine.map((n: { name: string }) => n.name)).toEqual(['Đảng bộ tỉnh Lào Cai']);
  });

  it('shows the merger’s surplus deputy secretary in the province’s seats and the events in its history', async () => {
    const officer = await loginAs(app, 'officer.tq');
    const tq = (await officer.get('/api/organizations/tree')).json().items[0];
    const seats = (await officer.get(`/api/positions?organizationId=${tq.id}&asOf=2026-01-01`)).json();
    expect(seats.problems.map((p: { ruleId: string }) => p.ruleId)).toEqual(['positions.seat-count', 'positions.deputy-cap']);
    const events = (await officer.get(`/api/restructuring-events?organizationId=${tq.id}`)).json();
    expect(events.items.map((e: { kind: string }) => e.kind)).toContain('merge');
    const history = (await officer.get(`/api/organizations/${tq.id}/history`)).json();
    expect(history.predecessors).toHaveLength(2);
  });

  it('rolls staffing up the tree with the Kết luận 40 baseline taken from the merged provinces', async () => {
    const officer = await loginAs(app, 'officer.tq');
    const tq = (await officer.get('/api/organizations/tree')).json().items[0];
    const table = (await officer.get(`/api/staffing?organizationId=${tq.id}&year=2025`)).json();
    const cadres = table.rows[0].rolledUp.find((f: { category: string }) => f.category === 'cadre_civil_servant');
    expect(cadres.baseline2021).toBe(1250 + 1320 + 62 + 75 + 48);
    expect(cadres.quota).toBe(2400 + 58 + 71 + 46);
    // This year: the staff counted from the records of the busiest unit is 2 above the quota the staffing demo gave it.
    const year = new Date().getFullYear();
    const now = (await officer.get(`/api/staffing?organizationId=${tq.id}&year=${year}`)).json();
    const over = now.verdicts.filter((v: { ruleId: string; passed: boolean }) => v.ruleId === 'staffing.over-quota');
    expect(over).toHaveLength(1);
    expect(over[0].detail).toContain('(vượt 2)');
    const row = now.rows.find((r: { organizationId: string }) => r.organizationId === over[0].subjectId);
    const own = row.own.find((f: { category: string }) => f.category === 'cadre_civil_servant');
    expect(own.difference).toBe(2);
    expect(own.actual).toBe(own.quota + 2);
    const leader = await loginAs(app, 'cadre.tq');
    expect((await leader.get(`/api/staffing?organizationId=${tq.id}&year=2025`)).statusCode).toBe(404);
  });

  it('previews a merge over HTTP without saving it and rejects an unmapped seat naming it', async () => {
    const officer = await loginAs(app, 'officer.tq');
    const tq = (await officer.get('/api/organizations/tree')).json().items[0];
    const depts = (await officer.get(`/api/organizations?q=So&parentId=`)).json();
    const ubnd = (await officer.get(`/api/organizations/tree?parentId=${tq.id}`))
      .json()
      .items.find((n: { code: string }) => n.code === 'TQ.UBND');
    const sos = (await officer.get(`/api/organizations/tree?parentId=${ubnd.id}`)).json().items;
    const snv = sos.find((n: { code: string }) => n.code === 'TQ.SNV');
    const stc = sos.find((n: { code: string }) => n.code === 'TQ.STC');
    const seats = (await officer.get(`/api/positions?organizationId=${snv.id}`)).json().items;
    const plan = {
      kind: 'merge',
      effectiveDate: '2027-01-01',
      title: 'Hợp nhất Sở Nội vụ và Sở Tài chính',
      sources: [snv.id, stc.id],
      newUnits: [
        {
          key: 'N',
          code: 'TQ.SNVTC',
          name: 'Sở Nội vụ - Tài chính',
          kind: 'state_agency',
          level: 'provincial',
          parentId: ubnd.id,
        },
      ],
      seats: seats.map((s: { id: string }) => ({ positionId: s.id, to: { key: 'N' } })),
    };
    const res = await officer.post('/api/restructuring-events/preview', plan);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('Giám đốc Sở — Sở Tài chính');
    expect(depts.total).toBeGreaterThan(0);
  });
});
