import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatCategoryHistory } from '../../../contracts/decisions';
import { testDialects } from '../../../test/databases';
import { loginAs } from '../../../test/http';
import { type DecisionsFixture, decisionsFixture } from './decision.fixture';

// A seat's own sensitive post category (Anti-Corruption Law 2018 art. 20) is kept as dated versions: read as of a
// day, appended to (never rewritten back in time), and a process is judged by the category in force on its date.
describe.each(testDialects())('dated seat categories on %s', (dialect) => {
  let fx: DecisionsFixture;
  let seat: string;
  let mai: string;
  const history = async (asOf: string) => {
    const res = await fx.officer.get(`/api/decisions/seats/${seat}/post-category?asOf=${asOf}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SeatCategoryHistory;
  };

  beforeAll(async () => {
    fx = await decisionsFixture(dialect);
    const headSeat = await fx.seat('GIAM_DOC_SO', { seatCount: 1 });
    seat = await fx.seat('PHO_GIAM_DOC_SO');
    const hung = await fx.person({
      fullName: 'Trần Văn Hùng',
      birthDate: '1970-01-01',
      family: [{ side: 'own', relation: 'child', fullName: 'Trần Thị Mai', birthYear: 1995 }],
    });
    mai = await fx.person({ fullName: 'Trần Thị Mai', birthDate: '1995-05-05', sex: 'F' });
    await fx.seatPerson(headSeat, hung, 'Trần Văn Hùng', '2025-10-01');
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('has no version and no category of its own before any change', async () => {
    const h = await history('2026-03-02');
    expect(h.versions).toEqual([]);
    expect(h.seat).toMatchObject({ seatCategory: null, category: null, role: 'deputy' });
  });

  it('sets a category from a day on: the version so far is kept, each day reads its own category', async () => {
    const res = await fx.officer.post(`/api/decisions/seats/${seat}/post-category`, {
      postCategory: 'accounting',
      reason: 'Kiêm nhiệm kế toán theo Quyết định 20/QĐ-SNV',
      effectiveFrom: '2026-06-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    const h = await history('2026-05-31');
    expect(h.versions.map((v) => [v.postCategory, v.validFrom, v.validTo])).toEqual([
      [null, '2025-10-01', '2026-06-01'],
      ['accounting', '2026-06-01', null],
    ]);
    expect(h.versions[1]!.reason).toContain('20/QĐ-SNV');
    expect(h.seat.seatCategory).toBeNull();
    expect((await history('2026-06-01')).seat).toMatchObject({ seatCategory: 'accounting', category: 'accounting' });
    // The list of the unit's seats reads the same day.
    const list = (await fx.officer.get(`/api/decisions/seats?organizationId=${fx.snv}&asOf=2026-05-31`)).json() as {
      items: { positionId: string; category: string | null }[];
    };
    expect(list.items.find((s) => s.positionId === seat)!.category).toBeNull();
  });

  it('refuses a change dated before the latest one, and replaces the same day’s version', async () => {
    const back = await fx.officer.post(`/api/decisions/seats/${seat}/post-category`, {
      postCategory: 'cashier',
      reason: 'Sửa lùi ngày',
      effectiveFrom: '2026-05-31',
    });
    expect(back.statusCode).toBe(400);
    const same = await fx.officer.post(`/api/decisions/seats/${seat}/post-category`, {
      postCategory: 'cashier',
      reason: 'Đính chính: kiêm thủ quỹ, không phải kế toán',
      effectiveFrom: '2026-06-01',
    });
    expect(same.statusCode, same.body).toBe(200);
    const h = await history('2026-06-01');
    expect(h.versions.map((v) => [v.postCategory, v.validFrom, v.validTo])).toEqual([
      [null, '2025-10-01', '2026-06-01'],
      ['cashier', '2026-06-01', null],
    ]);
    expect(h.seat.seatCategory).toBe('cashier');
  });

  it('judges a placement by the category in force on the process’s date', async () => {
    const start = (startedOn: string) =>
      fx.start({ action: 'appointment', personId: mai, positionId: seat, startedOn, ratings: [] });
    // Before 01/06/2026 the seat is an ordinary deputy seat: the head's daughter may be proposed.
    expect((await start('2026-03-02')).statusCode).toBe(201);
    // From 01/06/2026 it is a cashier seat beside her father, the head: art. 20 blocks.
    const blocked = await start('2026-06-02');
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.details[0].path).toBe('power.relatives-restriction');
  });

  it('shows the history only in scope', async () => {
    const other = await loginAs(fx.app, 'officer.lc');
    expect((await other.get(`/api/decisions/seats/${seat}/post-category`)).statusCode).toBe(404);
  });
});
