import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Person, PersonRecord } from '../../../contracts/persons';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { loadPersonsDemo } from '../../../scripts/demo/persons.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { type Client, buildTestApp, loginAs } from '../../../test/http';
import { findOrganizationByCode } from '../organizations/organization.repository';
import { buildRecord } from './person.fixtures';

describe.each(testDialects())('cadre records on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: Client;
  let officerLc: Client;
  let cadre: Client;
  let snvId: string;
  let tqId: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await loadPersonsDemo(database.db, 300);
    app = await buildTestApp(database);
    officer = await loginAs(app, 'officer.tq');
    officerLc = await loginAs(app, 'officer.lc');
    cadre = await loginAs(app, 'cadre.tq');
    snvId = (await findOrganizationByCode(database.db, 'TQ.SNV'))!.id;
    tqId = (await findOrganizationByCode(database.db, 'TQ'))!.id;
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const put = (c: Client, url: string, body: unknown) =>
    app.inject({ method: 'PUT', url, payload: body as object, headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken } });
  const search = async (c: Client, query: string) => {
    const res = await c.get(`/api/persons?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as {
      items: { id: string; fullName: string; birthDate: string; organizationName: string }[];
      total: number;
    };
  };
  let seq = 0;
  const create = async (over: Partial<PersonRecord> = {}): Promise<Person> => {
    seq++;
    const cccd = `00119${String(seq).padStart(1, '0')}${String(900000 + seq).slice(-6)}`.slice(0, 12);
    const res = await officer.post(
      '/api/persons',
      buildRecord({
        organizationId: snvId,
        birthDate: '1991-04-02',
        cccd,
        partyAdmissionDate: null,
        partyOfficialDate: null,
        recruitmentDate: '2015-01-01',
        ...over,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Person;
  };

  it('creates a record with every 2C table and reads it back', async () => {
    const p = await create({
      fullName: 'Hoàng Thị Ánh',
      sex: 'F',
      cccd: '008191000777',
      training: [
        {
          school: 'Trường Đại học Tân Trào',
          major: 'Luật',
          from: '2009-09',
          to: '2013-06',
          form: 'chinh_quy',
          qualification: 'Cử nhân',
        },
      ],
      family: [
        {
          side: 'spouse',
          relation: 'father_in_law',
          fullName: 'Ma Văn Lừng',
          birthYear: 1960,
          occupation: 'Làm ruộng',
          notes: null,
        },
      ],
      salaryHistory: [{ from: '2015-01', rankCode: '01.003', rankName: 'Chuyên viên', grade: 1, coefficient: 2.34 }],
      discipline: [
        { level: 'khien_trach', date: '2024-03-01', durationMonths: 12, issuer: 'Ủy ban Kiểm tra Tỉnh ủy', reason: null },
      ],
    });
    const res = await officer.get(`/api/persons/${p.id}`);
    const got = res.json() as Person;
    expect(got.version).toBe(1);
    expect(got.record.family[0]!.fullName).toBe('Ma Văn Lừng');
    expect(got.record.discipline[0]!.level).toBe('khien_trach');
    expect(got.organizationName).toBe('Sở Nội vụ tỉnh Tuyên Quang');
  });

  it('refuses an invalid record with every problem by field, in Vietnamese and English', async () => {
    const res = await officer.post(
      '/api/persons',
      buildRecord({ organizationId: snvId, birthDate: '1970-02-31', cccd: '003075001234' }),
    );
    expect(res.statusCode).toBe(400);
    const paths = (res.json() as { error: { details: { path: string; message: string; messageEn: string }[] } }).error.details;
    expect(paths.map((d) => d.path)).toEqual(expect.arrayContaining(['birthDate', 'cccd']));
    expect(paths.every((d) => d.message && d.messageEn)).toBe(true);
  });

  it('refuses an unknown ethnicity code and a second record with the same CCCD', async () => {
    const bad = await officer.post('/api/persons', { ...buildRecord({ organizationId: snvId }), ethnicity: '55' });
    expect(bad.statusCode).toBe(400);
    await create({ cccd: '008091000555' });
    const dup = await officer.post(
      '/api/persons',
      buildRecord({
        organizationId: snvId,
        birthDate: '1991-04-02',
        cccd: '008091000555',
        partyAdmissionDate: null,
        partyOfficialDate: null,
        recruitmentDate: '2015-01-01',
      }),
    );
    expect(dup.statusCode).toBe(409);
  });

  it('keeps every version: as-of reads, history with who and what, changes since', async () => {
    const p = await create({ fullName: 'Trần Văn Lịch', cccd: '008091000888' });
    const firstAt = p.updatedAt;
    await new Promise((r) => setTimeout(r, 15));
    const res = await put(officer, `/api/persons/${p.id}`, {
      baseVersion: 1,
      record: { ...p.record, theoryLevel: 'trung_cap', currentTitle: 'Trưởng phòng' },
      reason: 'Bổ nhiệm',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Person).version).toBe(2);

    const asOf = (await officer.get(`/api/persons/${p.id}?asOf=${encodeURIComponent(firstAt)}`)).json() as Person;
    expect(asOf.version).toBe(1);
    expect(asOf.record.theoryLevel).toBe('cao_cap');
    const before = await officer.get(`/api/persons/${p.id}?asOf=2000-01-01`);
    expect(before.statusCode).toBe(404);

    const history = (await officer.get(`/api/persons/${p.id}/history`)).json() as {
      items: { version: number; changedFields: string[]; changedByName: string; reason: string | null; source: string }[];
    };
    expect(history.items.map((v) => v.version)).toEqual([2, 1]);
    expect(history.items[0]!.changedFields.sort()).toEqual(['currentTitle', 'theoryLevel']);
    expect(history.items[0]!.changedByName).toBe('Nguyễn Thị Hương');
    expect(history.items[0]!.reason).toBe('Bổ nhiệm');

    const changes = (await officer.get(`/api/persons/${p.id}/changes?since=${encodeURIComponent(firstAt)}`)).json() as {
      fromVersion: number;
      changes: { field: string; before: unknown; after: unknown }[];
    };
    expect(changes.fromVersion).toBe(1);
    expect(changes.changes).toContainEqual({ field: 'theoryLevel', before: 'cao_cap', after: 'trung_cap' });

    // A stale edit is refused rather than overwriting the newer version.
    const stale = await put(officer, `/api/persons/${p.id}`, {
      baseVersion: 1,
      record: { ...p.record, fullName: 'Trần Văn Lịch B' },
      reason: null,
    });
    expect(stale.statusCode).toBe(409);

    const audit = await database.db.selectFrom('audit_log').select(['action']).where('entity_id', '=', p.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['person.create', 'person.update']);
  });

  it('finds "Nguyễn Văn Đức" by nguyen van duc, Đức, duc, ĐỨC, đức and a word prefix', async () => {
    for (const q of ['nguyen van duc', 'Đức', 'duc', 'ĐỨC', 'đức', 'nguy van du', 'Nguyễn Văn Đức']) {
      const r = await search(officer, `q=${encodeURIComponent(q)}&limit=200`);
      expect(
        r.items.map((i) => i.fullName),
        q,
      ).toContain('Nguyễn Văn Đức');
    }
    const none = await search(officer, `q=${encodeURIComponent('van duoc xyz')}`);
    expect(none.total).toBe(0);
    // The total is the same on every page, and on a page past the end.
    const all = await search(officer, 'q=nguyen&limit=5');
    expect(all.total).toBeGreaterThan(5);
    expect((await search(officer, 'q=nguyen&limit=5&offset=5')).total).toBe(all.total);
    const past = await search(officer, `q=nguyen&limit=5&offset=${all.total + 10}`);
    expect([past.items.length, past.total]).toEqual([0, all.total]);
    // "duc" matches a word start, not the middle of a word.
    const inside = await search(officer, 'q=uc&limit=200');
    expect(inside.items.every((i) => /(^|\s)(u|ú|ù|ủ|ũ|ụ|ư|ứ|ừ|ử|ữ|ự)c/i.test(i.fullName))).toBe(true);
  });

  it('finds by CCCD prefix, birth year, sex, theory level, party membership, title, age band and subtree, combined', async () => {
    const duc = (await search(officer, 'q=nguyen+van+duc')).items.find((i) => i.fullName === 'Nguyễn Văn Đức')!;
    const full = (await officer.get(`/api/persons/${duc.id}`)).json() as Person;
    const cccd = full.record.cccd!;
    expect((await search(officer, `q=${cccd.slice(0, 9)}`)).items.map((i) => i.id)).toContain(duc.id);
    const combined = await search(
      officer,
      `q=duc&birthYear=1975&sex=M&theoryLevel=cao_cap&partyMember=true&title=${encodeURIComponent('pho giam doc')}&ageBand=50to59&organizationId=${snvId}`,
    );
    expect(combined.items.map((i) => i.id)).toEqual([duc.id]);
    expect((await search(officer, `q=duc&birthYear=1976`)).items.map((i) => i.id)).not.toContain(duc.id);
    expect((await search(officer, `q=duc&partyMember=false`)).items.map((i) => i.id)).not.toContain(duc.id);
    expect((await search(officer, `q=duc&ageBand=40to49`)).items.map((i) => i.id)).not.toContain(duc.id);
    const lcOrg = (await findOrganizationByCode(database.db, 'LC'))!.id;
    expect((await search(officer, `organizationId=${lcOrg}`)).total).toBe(0);
  });

  it('lists in Vietnamese order: given name, then middle, then family', async () => {
    const r = await search(officer, `organizationId=${tqId}&limit=200`);
    const given = r.items.map((i) => i.fullName.split(' ').pop()!);
    const fold = (s: string) =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/gi, 'dz')
        .toLowerCase();
    for (let i = 1; i < given.length; i++)
      expect(
        fold(given[i - 1]!) <= fold(given[i]!) || given[i - 1]!.startsWith(given[i]!.slice(0, 1)),
        `${given[i - 1]} ≤ ${given[i]}`,
      ).toBe(true);
  });

  it('keeps records outside the scope invisible: 404 and absent from lists and counts', async () => {
    const duc = (await search(officer, 'q=nguyen+van+duc')).items.find((i) => i.fullName === 'Nguyễn Văn Đức')!;
    expect((await officerLc.get(`/api/persons/${duc.id}`)).statusCode).toBe(404);
    expect((await search(officerLc, 'q=nguyen+van+duc')).total).toBe(0);
    const edit = await put(officerLc, `/api/persons/${duc.id}`, {
      baseVersion: 1,
      record: buildRecord({ organizationId: snvId }),
      reason: null,
    });
    expect(edit.statusCode).toBe(404);
  });

  it('shows a cadre only his own record', async () => {
    const me = (await cadre.get('/api/persons/me')).json() as { personId: string };
    expect(me.personId).toBeTruthy();
    const list = await search(cadre, 'limit=50');
    expect(list.items.map((i) => i.id)).toEqual([me.personId]);
    expect(list.items[0]!.fullName).toBe('Đặng Minh Tuấn');
    const duc = (await search(officer, 'q=nguyen+van+duc')).items.find((i) => i.fullName === 'Nguyễn Văn Đức')!;
    expect((await cadre.get(`/api/persons/${duc.id}`)).statusCode).toBe(404);
    expect((await cadre.get(`/api/persons/${me.personId}`)).statusCode).toBe(200);
  });

  it('changes a record through a declaration only when an officer approves it', async () => {
    const me = ((await cadre.get('/api/persons/me')).json() as { personId: string }).personId;
    const before = (await cadre.get(`/api/persons/${me}`)).json() as Person;
    const sent = await cadre.post(`/api/persons/${me}/declarations`, {
      changes: { itLevel: 'Chứng chỉ ứng dụng CNTT nâng cao' },
      note: 'Mới thi đạt',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const declId = (sent.json() as { id: string }).id;
    expect(((await cadre.get(`/api/persons/${me}`)).json() as Person).record.itLevel).toBe(before.record.itLevel);

    // The cadre cannot approve; an officer of another province cannot see it.
    expect((await cadre.post(`/api/person-declarations/${declId}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await officerLc.post(`/api/person-declarations/${declId}/decision`, { decision: 'approve' })).statusCode).toBe(404);
    const pending = (await officer.get('/api/person-declarations?status=pending')).json() as { items: { id: string }[] };
    expect(pending.items.map((d) => d.id)).toContain(declId);

    const ok = await officer.post(`/api/person-declarations/${declId}/decision`, {
      decision: 'approve',
      note: 'Đã kiểm tra bản gốc',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await cadre.get(`/api/persons/${me}`)).json() as Person;
    expect(after.record.itLevel).toBe('Chứng chỉ ứng dụng CNTT nâng cao');
    expect(after.version).toBe(before.version + 1);
    const hist = (await officer.get(`/api/persons/${me}/history`)).json() as { items: { source: string }[] };
    expect(hist.items[0]!.source).toBe('declaration');
    expect((await officer.post(`/api/person-declarations/${declId}/decision`, { decision: 'reject' })).statusCode).toBe(409);

    const second = (
      await cadre.post(`/api/persons/${me}/declarations`, { changes: { religion: 'buddhism' }, note: null })
    ).json() as { id: string };
    const rejected = await officer.post(`/api/person-declarations/${second.id}/decision`, {
      decision: 'reject',
      note: 'Chưa có giấy tờ',
    });
    expect((rejected.json() as { status: string }).status).toBe('rejected');
    expect(((await cadre.get(`/api/persons/${me}`)).json() as Person).record.religion).toBe(after.record.religion);
  });

  it('refuses a declaration that would make the record invalid, and declarations on someone else', async () => {
    const me = ((await cadre.get('/api/persons/me')).json() as { personId: string }).personId;
    const bad = await cadre.post(`/api/persons/${me}/declarations`, {
      changes: { partyAdmissionDate: '1990-01-01' },
      note: null,
    });
    expect(bad.statusCode).toBe(400);
    const duc = (await search(officer, 'q=nguyen+van+duc')).items.find((i) => i.fullName === 'Nguyễn Văn Đức')!;
    expect((await cadre.post(`/api/persons/${duc.id}/declarations`, { changes: { itLevel: 'x' }, note: null })).statusCode).toBe(
      404,
    );
  });

  it('stores a JPEG photo, refuses other files and oversized images', async () => {
    const p = await create({ cccd: '008091000999' });
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]);
    const headers = { cookie: officer.cookie, 'x-csrf-token': officer.csrfToken, 'content-type': 'image/jpeg' };
    expect((await app.inject({ method: 'PUT', url: `/api/persons/${p.id}/photo`, payload: jpeg, headers })).statusCode).toBe(204);
    const got = await officer.get(`/api/persons/${p.id}/photo`);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.rawPayload.equals(jpeg)).toBe(true);
    const notJpeg = await app.inject({
      method: 'PUT',
      url: `/api/persons/${p.id}/photo`,
      payload: Buffer.from('GIF89a....'),
      headers,
    });
    expect(notJpeg.statusCode).toBe(400);
    const huge = await app.inject({
      method: 'PUT',
      url: `/api/persons/${p.id}/photo`,
      payload: Buffer.concat([jpeg, Buffer.alloc(600 * 1024)]),
      headers,
    });
    expect(huge.statusCode).toBe(413);
  });

  it('shows the legal retirement date from the policy rule, an override with its reason, and the forecast with seats', async () => {
    const soon = new Date();
    // A man reaching this year's retirement age this month (60y3m in 2021, +3 months a year, up to 62).
    const ageMonths = Math.min(60 * 12 + 3 + 3 * (soon.getUTCFullYear() - 2021), 62 * 12);
    const birth = new Date(Date.UTC(soon.getUTCFullYear(), soon.getUTCMonth() - ageMonths, 1)).toISOString().slice(0, 10);
    const p = await create({
      fullName: 'Lương Văn Hưu',
      cccd: `0080${birth.slice(2, 4)}000321`,
      birthDate: birth,
      recruitmentDate: '1990-01-01',
    });
    const got = (await officer.get(`/api/persons/${p.id}`)).json() as Person;
    expect(got.retirement).not.toBeNull();
    expect(got.retirement!.age).toEqual({ years: Math.floor(ageMonths / 12), months: ageMonths % 12 });
    expect(got.retirement!.effectiveDate).toBe(got.retirement!.legalDate);
    expect(got.retirement!.legalDate.slice(0, 7)).toBe(
      `${soon.getUTCFullYear()}-${String(soon.getUTCMonth() + 1).padStart(2, '0')}`,
    );
    expect(got.retirement!.citation).toContain('169');

    type Forecast = {
      byYear: { year: number; male: number }[];
      upcoming: { personId: string; retirementDate: string; overridden: boolean }[];
    };
    const f1 = (await officer.get(`/api/persons/retirement-forecast?organizationId=${snvId}`)).json() as Forecast;
    expect(f1.upcoming.find((u) => u.personId === p.id)?.retirementDate).toBe(got.retirement!.legalDate);
    expect(f1.byYear).toHaveLength(10);
    expect(f1.byYear[0]!.male).toBeGreaterThanOrEqual(1);

    // Later retirement (NĐ 135/2020) with a reason: the forecast follows the override.
    const later = `${soon.getUTCFullYear() + 4}-12-31`;
    const res = await put(officer, `/api/persons/${p.id}`, {
      baseVersion: 1,
      record: {
        ...p.record,
        retirementOverride: { kind: 'later', date: later, reason: 'Kéo dài thời gian công tác theo quyết định của Tỉnh ủy' },
      },
      reason: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await officer.get(`/api/persons/${p.id}`)).json() as Person;
    expect(after.retirement!.effectiveDate).toBe(later);
    expect(after.retirement!.override?.kind).toBe('later');
    const f2 = (await officer.get(`/api/persons/retirement-forecast?organizationId=${snvId}`)).json() as Forecast;
    expect(f2.upcoming.map((u) => u.personId)).not.toContain(p.id);
    // An override without its date, or NĐ 83/2022 for a man, is refused.
    const bad = await put(officer, `/api/persons/${p.id}`, {
      baseVersion: 2,
      record: { ...p.record, retirementOverride: { kind: 'female_leader_60', date: null, reason: 'x' } },
      reason: null,
    });
    expect(bad.statusCode).toBe(400);
    // More than 5 years after the legal date is beyond what art. 169 allows: refused, naming the field and the rule.
    const tooLate = await put(officer, `/api/persons/${p.id}`, {
      baseVersion: 2,
      record: {
        ...p.record,
        retirementOverride: { kind: 'later', date: `${soon.getUTCFullYear() + 6}-12-31`, reason: 'Kéo dài quá mức' },
      },
      reason: null,
    });
    expect(tooLate.statusCode).toBe(400);
    const details = (tooLate.json() as { error: { details: { path: string; message: string }[] } }).error.details;
    expect(details.map((d) => d.path)).toEqual(['retirementOverride.date']);
    expect(details[0]!.message).toMatch(/không quá 5 năm .*Điều 169/);
  });

  it('names the seat a retiring incumbent leaves vacant', async () => {
    const f = (await officer.get('/api/persons/retirement-forecast')).json() as {
      upcoming: { seats: { titleName: string }[] }[];
    };
    const withSeat = f.upcoming.filter((u) => u.seats.length > 0);
    const seated = await database.db.selectFrom('position_incumbents').select('person_id').where('to_date', 'is', null).execute();
    const ids = new Set(seated.map((s) => s.person_id));
    expect(withSeat.every((u) => u.seats.every((s) => s.titleName.length > 0))).toBe(true);
    expect(
      (f.upcoming as { personId: string; seats: unknown[] }[])
        .filter((u) => ids.has(u.personId))
        .every((u) => u.seats.length > 0),
    ).toBe(true);
  });
});
