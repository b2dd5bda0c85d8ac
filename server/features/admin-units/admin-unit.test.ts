import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/databases';
import { normalizeName, parseCommuneName, parseProvince } from './admin-unit.rules';
import { listUnits, syncAdministrativeUnits, unitDetail } from './admin-unit.service';

describe('administrative unit names', () => {
  it('normalizes decomposed Vietnamese and stray spaces', () => {
    expect(normalizeName('  Xã   Yên  Sơn ')).toBe('Xã Yên Sơn');
    expect(normalizeName('Phu\u031bo\u031b\u0300ng 1')).toBe('Phường 1');
  });
  it('splits the type word off commune-level names and refuses an unknown one', () => {
    expect(parseCommuneName('Phường Minh Xuân')).toEqual({ kind: 'ward', name: 'Phường Minh Xuân', shortName: 'Minh Xuân' });
    expect(parseCommuneName('Đặc khu Côn Đảo').kind).toBe('special_zone');
    expect(() => parseCommuneName('Thị trấn Vĩnh Lộc')).toThrow(/Thị trấn/);
  });
  it('gives provinces their type word and keeps centrally-run cities as cities', () => {
    expect(parseProvince({ name: 'Tuyên Quang', place_type: 'Tỉnh' })).toEqual({
      kind: 'province',
      name: 'Tỉnh Tuyên Quang',
      shortName: 'Tuyên Quang',
    });
    expect(parseProvince({ name: 'Thành phố Hà Nội', place_type: 'Thành phố Trung Ương' })).toEqual({
      kind: 'city',
      name: 'Thành phố Hà Nội',
      shortName: 'Hà Nội',
    });
  });
});

describe.each(testDialects())('administrative units on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(() => db.destroy());

  it('loads 34 provinces and 3,321 communes/wards with the old→new mapping, once', async () => {
    const load = await syncAdministrativeUnits(db.db);
    expect(load).toMatchObject({ provinces: 34, communes: 3321 });
    expect(load!.mappings).toBeGreaterThan(10_000);
    expect(await syncAdministrativeUnits(db.db)).toBeNull();
    const tq = await listUnits(db.db, { provinceCode: '08' });
    expect(tq.total).toBe(124);
    expect(tq.items.map((u) => u.name)).toContain('Phường Minh Xuân');
    const found = await listUnits(db.db, { q: 'tuyen quang' });
    expect(found.items.map((u) => u.name)).toEqual(['Tỉnh Tuyên Quang']);
  });

  it('names the old communes a new ward was formed from', async () => {
    const minhXuan = (await listUnits(db.db, { provinceCode: '08', q: 'minh xuan' })).items[0]!;
    const detail = await unitDetail(db.db, minhXuan.code);
    expect(detail.predecessors.length).toBeGreaterThan(0);
    expect(detail.predecessors.every((p) => p.oldProvinceName === 'Tỉnh Tuyên Quang')).toBe(true);
  });
});
