import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { PersonRecord, PersonStatistics } from '../../../contracts/persons';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { loadPersonsDemo } from '../../../scripts/demo/persons.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { type Client, buildTestApp, loginAs } from '../../../test/http';
import { findOrganizationByCode } from '../organizations/organization.repository';
import { buildRecord } from './person.fixtures';

/**
 * The statistics page's counts: each new record moves exactly its own bucket by one, ages are counted by the year
 * reached (so the band edges are the 30th, 40th… year), and nothing outside the reader's subtree is counted.
 */
describe.each(testDialects())('workforce statistics on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: Client;
  let officerLc: Client;
  let snvId: string;
  let tqId: string;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await loadPersonsDemo(database.db, 200);
    app = await buildTestApp(database);
    officer = await loginAs(app, 'officer.tq');
    officerLc = await loginAs(app, 'officer.lc');
    snvId = (await findOrganizationByCode(database.db, 'TQ.SNV'))!.id;
    tqId = (await findOrganizationByCode(database.db, 'TQ'))!.id;
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const statistics = async (c: Client, organizationId?: string): Promise<PersonStatistics> => {
    const res = await c.get(`/api/persons/statistics${organizationId ? `?organizationId=${organizationId}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as PersonStatistics;
  };
  const band = (s: PersonStatistics, label: string) => s.agePyramid.find((b) => b.band === label)!;
  const bucket = (rows: PersonStatistics['ethnicity'], key: string) => rows.find((r) => r.key === key)?.count ?? 0;

  let serial = 0;
  /** A valid CCCD for this sex and birth year (the 4th digit encodes century and sex, the next two the year). */
  const cccdFor = (sex: 'M' | 'F', birthYear: number) => {
    serial++;
    const centurySex = (birthYear >= 2000 ? 2 : 0) + (sex === 'F' ? 1 : 0);
    return `008${centurySex}${String(birthYear % 100).padStart(2, '0')}${String(700000 + serial).slice(-6)}`;
  };
  const create = async (over: Partial<PersonRecord> & { sex: 'M' | 'F'; birthDate: string }) => {
    const birthYear = Number(over.birthDate.slice(0, 4));
    const res = await officer.post(
      '/api/persons',
      buildRecord({
        organizationId: snvId,
        cccd: cccdFor(over.sex, birthYear),
        recruitmentDate: `${birthYear + 22}-09-01`,
        partyAdmissionDate: null,
        partyOfficialDate: null,
        ...over,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
  };

  it('moves the age band reached this year, by sex, at the band edges', async () => {
    const before = await statistics(officer, snvId);
    // 30 this year (on 31 December): already in 30–39. 29 this year: still under 30. 60 this year: 60 and over.
    await create({ sex: 'F', birthDate: `${year - 30}-12-31`, fullName: 'Lê Thị Ba Mươi' });
    await create({ sex: 'M', birthDate: `${year - 29}-01-01`, fullName: 'Trần Văn Hai Chín' });
    await create({ sex: 'M', birthDate: `${year - 60}-12-31`, fullName: 'Phạm Văn Sáu Mươi' });
    const after = await statistics(officer, snvId);
    expect(after.total - before.total).toBe(3);
    expect(band(after, '30–39').female - band(before, '30–39').female).toBe(1);
    expect(band(after, '30–39').male - band(before, '30–39').male).toBe(0);
    expect(band(after, 'Dưới 30').male - band(before, 'Dưới 30').male).toBe(1);
    expect(band(after, 'Từ 60').male - band(before, 'Từ 60').male).toBe(1);
    expect(band(after, '50–59').male - band(before, '50–59').male).toBe(0);
    // The pyramid adds up to the total.
    expect(after.agePyramid.reduce((s, b) => s + b.male + b.female, 0)).toBe(after.total);
  });

  it('counts ethnicity, education, theory level and party membership by the record, with Vietnamese labels', async () => {
    const before = await statistics(officer, snvId);
    await create({
      sex: 'F',
      birthDate: '1985-05-05',
      fullName: 'Ma Thị Hoa',
      ethnicity: '02',
      professionalLevel: 'tien_si',
      theoryLevel: 'trung_cap',
      partyAdmissionDate: '2010-05-19',
      partyOfficialDate: '2011-05-19',
    });
    const after = await statistics(officer, snvId);
    expect(bucket(after.ethnicity, '02') - bucket(before.ethnicity, '02')).toBe(1);
    expect(after.ethnicity.find((r) => r.key === '02')!.label).toBe('Tày');
    expect(bucket(after.professionalLevel, 'tien_si') - bucket(before.professionalLevel, 'tien_si')).toBe(1);
    expect(bucket(after.theoryLevel, 'trung_cap') - bucket(before.theoryLevel, 'trung_cap')).toBe(1);
    expect(bucket(after.partyMembership, '1') - bucket(before.partyMembership, '1')).toBe(1);
    expect(bucket(after.partyMembership, '0') - bucket(before.partyMembership, '0')).toBe(0);
    expect(after.partyMembership.find((r) => r.key === '1')!.label).toBe('Đảng viên');
    // Every breakdown covers every counted person.
    for (const rows of [after.ethnicity, after.partyMembership]) expect(rows.reduce((s, r) => s + r.count, 0)).toBe(after.total);
  });

  it('counts only the reader’s subtree: another province is neither counted nor told apart from a unit that does not exist', async () => {
    const province = await statistics(officer, tqId);
    const department = await statistics(officer, snvId);
    expect(province.total).toBeGreaterThan(department.total);
    expect((await statistics(officer)).total).toBe(province.total);

    const lcBefore = await statistics(officerLc);
    await create({ sex: 'M', birthDate: '1980-02-02', fullName: 'Vũ Văn Ngoài Phạm Vi' });
    expect((await statistics(officerLc)).total).toBe(lcBefore.total);
    // Asking for a unit outside the subtree reads as an empty unit, exactly like one that does not exist.
    const outside = await statistics(officerLc, tqId);
    const missing = await statistics(officerLc, '01ZZZZZZZZZZZZZZZZZZZZZZZZ');
    expect(outside).toEqual(missing);
    expect(outside.total).toBe(0);
  });
});
