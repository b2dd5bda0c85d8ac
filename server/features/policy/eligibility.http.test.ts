import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EligibilitySearchResult, PersonEligibility } from '../../../contracts/eligibility';
import type { PersonRecord } from '../../../contracts/persons';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { type Client, buildTestApp, loginAs } from '../../../test/http';
import { buildRecord } from '../persons/person.fixtures';
import { newId, nowIso } from '../../lib/ids';
import { createPerson } from '../persons/person.service';
import { syncTitleCatalog } from '../titles/title.service';

const record = (over: Partial<PersonRecord>): PersonRecord =>
  buildRecord({
    cccd: null,
    partyAdmissionDate: null,
    partyOfficialDate: null,
    recruitmentDate: null,
    currentTitleCode: 'TRUONG_BAN_TINH_UY',
    currentTitle: 'Trưởng ban Tỉnh ủy',
    ...over,
  });

describe.each(testDialects())('eligibility API on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officerTq: Client;
  let officerLc: Client;
  let cadre: Client;
  const ids: Record<string, string> = {};
  let lcId = '';

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await syncTitleCatalog(database.db);
    const org = (code: string) =>
      database.db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    const tq = (await org('TQ')).id;
    lcId = (await org('LC')).id;
    ids.ready = (
      await createPerson(database.db, null, record({ organizationId: tq, fullName: 'Hoàng Văn Sẵn', birthDate: '1976-02-02' }))
    ).id;
    ids.short = (
      await createPerson(
        database.db,
        null,
        record({ organizationId: tq, fullName: 'Lý Thị Thiếu', sex: 'F', birthDate: '1980-08-08', theoryLevel: 'trung_cap' }),
      )
    ).id;
    ids.lc = (
      await createPerson(database.db, null, record({ organizationId: lcId, fullName: 'Giàng A Khác', birthDate: '1978-01-01' }))
    ).id;
    app = await buildTestApp(database);
    officerTq = await loginAs(app, 'officer.tq');
    officerLc = await loginAs(app, 'officer.lc');
    cadre = await loginAs(app, 'cadre.tq');
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const body = { titleCode: 'PHO_BI_THU_TINH_UY', date: '2026-06-01', track: 'party', purpose: 'planning' };

  it('answers who is eligible and who is one requirement short, in the officer’s own province only', async () => {
    const res = await officerTq.post('/api/eligibility/search', body);
    expect(res.statusCode).toBe(200);
    const r = res.json() as EligibilitySearchResult;
    expect(r.eligible.map((i) => i.fullName)).toEqual(['Hoàng Văn Sẵn']);
    expect(r.oneShort.map((i) => [i.fullName, i.missing.map((v) => v.ruleId)])).toEqual([
      ['Lý Thị Thiếu', ['planning.theory-by-level']],
    ]);
    expect(r.oneShort[0]!.missing[0]!.citation.document).toBe('45-HD/BTCTW');
    expect(r.standards[0]).toMatchObject({ requirement: 'theory', confirmed: true });
    expect(r.totals.eligible).toEqual({ value: 1, relation: 'exact' });
    expect(r.totals.oneShort).toEqual({ value: 1, relation: 'exact' });
    expect(r.totals.passing.relation).toBe('exact');
    expect(r.totals.passing.value).toBeGreaterThanOrEqual(1);
    const lc = (await officerLc.post('/api/eligibility/search', body)).json() as EligibilitySearchResult;
    expect(lc.eligible.map((i) => i.fullName)).toEqual(['Giàng A Khác']);
  });

  it('hides another province as not found, refuses a cadre, and names the field of a bad request', async () => {
    expect((await officerTq.post('/api/eligibility/search', { ...body, organizationId: lcId })).statusCode).toBe(404);
    expect((await cadre.post('/api/eligibility/search', body)).statusCode).toBe(403);
    const unknown = await officerTq.post('/api/eligibility/search', { ...body, titleCode: 'KHONG_CO' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { code: 'VALIDATION', details: [{ path: 'titleCode' }] } });
    const noPack = await officerTq.post('/api/eligibility/search', { ...body, date: '2010-01-01' });
    expect(noPack.statusCode).toBe(400);
  });

  it('checks one stored person against a title, building the facts from the record', async () => {
    const res = await officerTq.get(
      `/api/persons/${ids.short}/eligibility?title=PHO_BI_THU_TINH_UY&date=2026-06-01&purpose=planning`,
    );
    expect(res.statusCode).toBe(200);
    const r = res.json() as PersonEligibility;
    expect(r).toMatchObject({ eligible: false, missing: ['planning.theory-by-level'], person: { fullName: 'Lý Thị Thiếu' } });
    const appointment = (
      await officerTq.get(`/api/persons/${ids.ready}/eligibility?title=PHO_BI_THU_TINH_UY&date=2026-06-01`)
    ).json() as PersonEligibility;
    // Not in any approved plan: the appointment precondition fails with its citation.
    expect(appointment.verdicts.find((v) => v.ruleId === 'appointment.in-plan')).toMatchObject({
      status: 'failed',
      citation: { document: '377-QĐ/TW' },
    });
    expect(
      (await officerLc.get(`/api/persons/${ids.short}/eligibility?title=PHO_BI_THU_TINH_UY&date=2026-06-01`)).statusCode,
    ).toBe(404);
  });

  it('shows the published votes on the person up to the date, with the consequences the rules raised', async () => {
    const tq = await database.db.selectFrom('organizations').select('id').where('code', '=', 'TQ').executeTakeFirstOrThrow();
    const admin = await database.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const session = newId();
    const subject = newId();
    await database.db
      .insertInto('vote_sessions')
      .values({
        id: session,
        organization_id: tq.id,
        kind: 'confidence',
        mode: 'paper',
        track: 'party',
        title: 'Lấy phiếu tín nhiệm năm 2025',
        vote_date: '2025-11-20',
        voter_group: 'Ban Chấp hành Đảng bộ tỉnh',
        summoned_count: 22,
        status: 'counted',
        // 11 low of 20 collected: more than half.
        confirmed_count_json: JSON.stringify({
          issued: 22,
          collected: 20,
          valid: 20,
          invalid: 0,
          subjects: [{ subjectId: subject, high: 4, medium: 5, low: 11, invalid: 0 }],
        }),
        board_hash: null,
        created_by: admin.id,
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
      .values({
        id: subject,
        session_id: session,
        ordinal: 1,
        full_name: 'Hoàng Văn Sẵn',
        title_text: 'Trưởng ban Tỉnh ủy',
        person_id: ids.ready!,
        title_code: 'TRUONG_BAN_TINH_UY',
        exemption_reason: null,
        exemption_note: null,
      })
      .execute();
    const url = (date: string) => `/api/persons/${ids.ready}/eligibility?title=PHO_BI_THU_TINH_UY&date=${date}`;
    const after = (await officerTq.get(url('2026-06-01'))).json() as PersonEligibility;
    expect(after.voteOutcomes).toHaveLength(1);
    expect(after.voteOutcomes[0]).toMatchObject({ sessionId: session, collected: 20, counts: { low: 11 } });
    expect(after.voteOutcomes[0]!.consequences.map((c) => c.consequence)).toContain('out-of-planning-higher');
    expect(((await officerTq.get(url('2025-11-19'))).json() as PersonEligibility).voteOutcomes).toEqual([]);
  });

  it('makes more than half low votes a verdict of the engine: the person check, the batch search, reappointment', async () => {
    const url = (date: string, purpose = 'planning') =>
      `/api/persons/${ids.ready}/eligibility?title=PHO_BI_THU_TINH_UY&date=${date}&purpose=${purpose}`;
    const low = (r: PersonEligibility) => r.verdicts.find((v) => v.ruleId.endsWith('.low-confidence-vote'));
    const after = (await officerTq.get(url('2026-06-01'))).json() as PersonEligibility;
    expect(low(after)).toMatchObject({
      ruleId: 'eligibility.low-confidence-vote',
      status: 'failed',
      citation: { document: '96-QĐ/TW' },
      inputs: { voteDate: '2025-11-20', low: 11, base: 20 },
    });
    expect(after.missing).toContain('eligibility.low-confidence-vote');
    const before = (await officerTq.get(url('2025-11-19'))).json() as PersonEligibility;
    expect(low(before)).toMatchObject({ status: 'passed' });
    const reappointment = (await officerTq.get(url('2026-06-01', 'reappointment'))).json() as PersonEligibility;
    expect(low(reappointment)).toMatchObject({ ruleId: 'reappointment.low-confidence-vote', status: 'warning' });

    const search = (await officerTq.post('/api/eligibility/search', body)).json() as EligibilitySearchResult;
    expect(search.eligible.map((p) => p.personId)).not.toContain(ids.ready);
    const short = search.oneShort.find((p) => p.personId === ids.ready)!;
    expect(short.missing.map((v) => v.ruleId)).toEqual(['eligibility.low-confidence-vote']);
    const earlier = (
      await officerTq.post('/api/eligibility/search', { ...body, date: '2025-11-19' })
    ).json() as EligibilitySearchResult;
    expect(earlier.eligible.map((p) => p.personId)).toContain(ids.ready);
    // Reappointment is about the holder of a seat, not a pool: the search does not take it.
    expect((await officerTq.post('/api/eligibility/search', { ...body, purpose: 'reappointment' })).statusCode).toBe(400);
  });
});
