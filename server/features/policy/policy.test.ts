import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EligibilityCheckBody, EligibilityResult, PackSummary, Rule, RuleChange } from '../../../contracts/policy';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { loadPolicyDemo } from '../../../scripts/demo/policy.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { type Client, buildTestApp, loginAs } from '../../../test/http';

const facts = (o: { currentPostSince: string; discipline?: string }): EligibilityCheckBody['facts'] => ({
  person: {
    sex: 'F',
    birth: '1978-04',
    currentTitleRank: 6,
    currentPostSince: o.currentPostSince,
    disciplines: o.discipline ? [{ level: 'khien_trach', decidedOn: o.discipline }] : [],
    politicalTheory: 'cao_cap',
    education: 'dai_hoc',
    stateManagement: 'chuyen_vien_chinh',
    ratings: [2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({ year, level: 'good' as const })),
    inPlanForTitle: true,
    politicalStandardConcluded: true,
  },
  target: {
    titleName: 'Phó Giám đốc Sở',
    rank: 5,
    requiredTheory: 'cao_cap',
    requiredEducation: 'dai_hoc',
    requiredStateManagement: 'chuyen_vien_chinh',
  },
  purpose: 'appointment',
});

describe.each(testDialects())('policy API on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officerTq: Client;
  let officerLc: Client;
  let admin: Client;
  let orgs: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await loadPolicyDemo(database.db);
    app = await buildTestApp(database);
    officerTq = await loginAs(app, 'officer.tq');
    officerLc = await loginAs(app, 'officer.lc');
    admin = await loginAs(app, 'admin');
    const list = (await admin.get('/api/organizations?limit=200')).json() as { items: { id: string; code: string }[] };
    orgs = Object.fromEntries(list.items.map((o) => [o.code, o.id]));
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('lists the packs, the local ones with their approval', async () => {
    const res = await officerTq.get('/api/policy/packs');
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: PackSummary[] }).items;
    expect(items.map((p) => p.id)).toEqual(
      expect.arrayContaining(['labour-2021', 'national-2023', 'national-2025', 'tuyen-quang-2026', 'lao-cai-2026']),
    );
    expect(items.find((p) => p.id === 'tuyen-quang-2026')!.approval).toMatchObject({
      status: 'approved',
      approvedBy: 'Quản trị hệ thống',
    });
    expect(items.find((p) => p.id === 'lao-cai-2026')!.approval).toMatchObject({ status: 'pending' });
    expect(items.find((p) => p.id === 'national-2025')!.unconfirmedCount).toBeGreaterThan(0);
  });

  it('asks for a login for the rule browser but not for the retirement calculator', async () => {
    expect((await app.inject({ url: '/api/policy/packs' })).statusCode).toBe(401);
    const res = await app.inject({ url: '/api/retirement/calculate?sex=F&birth=1970-06-15' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      retirementAge: { years: 57, months: 4 },
      retirementDate: '2027-10-31',
      pensionFrom: '2027-11-01',
      ruleId: 'retirement.age-schedule',
      assumptions: [],
    });
    expect(res.json().citation.text).toContain('Điều 169');
  });

  it('answers a malformed or impossible birth date with a 400 naming the field', async () => {
    const bad = await app.inject({ url: '/api/retirement/calculate?sex=M&birth=1970-13' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('querystring.birth');
    const impossible = await app.inject({ url: '/api/retirement/calculate?sex=M&birth=1970-02-30' });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error.details[0]).toMatchObject({ path: 'birth', messageEn: 'not a calendar date' });
    const yearOnly = await app.inject({ url: '/api/retirement/calculate?sex=M&birth=1964' });
    expect(yearOnly.json().assumptions[0]).toMatchObject({ ruleId: 'retirement.unknown-birth-date', status: 'warning' });
  });

  it("applies an approved local pack inside its province only, and answers 404 for another province's unit", async () => {
    const months = async (c: Client, org?: string) => {
      const res = await c.get(`/api/policy/rules?date=2026-03-01&track=party${org ? `&organizationId=${org}` : ''}`);
      expect(res.statusCode).toBe(200);
      return (res.json() as { items: Rule[] }).items.find((r) => r.id === 'appointment.months-in-post')!;
    };
    expect(await months(officerTq, orgs.TQ)).toMatchObject({ params: { months: 18 }, localPackId: 'tuyen-quang-2026' });
    expect(await months(officerTq, orgs['TQ.SNV'])).toMatchObject({ params: { months: 18 } });
    expect(await months(officerTq)).toMatchObject({ params: { months: 12 }, localPackId: null });
    expect(await months(officerLc, orgs.LC)).toMatchObject({ params: { months: 12 } });
    expect((await officerLc.get(`/api/policy/rules?date=2026-03-01&track=party&organizationId=${orgs.TQ}`)).statusCode).toBe(404);
  });

  it('judges the same person and title by 80-QĐ/TW in 2024 and 377-QĐ/TW in 2026', async () => {
    const check = async (date: string, f: EligibilityCheckBody['facts']) => {
      const res = await officerTq.post('/api/policy/eligibility/check', { date, track: 'party', facts: f });
      expect(res.statusCode).toBe(200);
      return res.json() as EligibilityResult;
    };
    // 14 months in post and a reprimand 14 months earlier, in 2024 and in 2026.
    const in2024 = await check('2024-05-01', facts({ currentPostSince: '2023-03-01', discipline: '2023-03-01' }));
    const in2026 = await check('2026-05-01', facts({ currentPostSince: '2025-03-01', discipline: '2025-03-01' }));
    expect(in2024.missing).toEqual(['appointment.months-in-post']);
    expect(in2026.missing).toEqual(['appointment.discipline-waits']);
    const v = in2026.verdicts.find((x) => x.ruleId === 'appointment.discipline-waits')!;
    expect(v).toMatchObject({ status: 'failed', citation: { document: '377-QĐ/TW' }, inputs: { waitUntil: '2027-03-01' } });
    expect(v.detail.vi).toContain('01/03/2027');
  });

  it('uses the local pack when the check names a unit of that province', async () => {
    const res = await officerTq.post('/api/policy/eligibility/check', {
      date: '2026-05-01',
      track: 'party',
      organizationId: orgs['TQ.SNV'],
      facts: facts({ currentPostSince: '2025-03-01' }),
    });
    const v = (res.json() as EligibilityResult).verdicts.find((x) => x.ruleId === 'appointment.months-in-post')!;
    expect(v).toMatchObject({ status: 'failed', localPackId: 'tuyen-quang-2026', inputs: { requiredMonths: 18 } });
  });

  it('refuses a date no cadre pack covers, and unknown fields in the facts', async () => {
    const early = await officerTq.post('/api/policy/eligibility/check', {
      date: '2022-05-01',
      track: 'party',
      facts: facts({ currentPostSince: '2021-01-01' }),
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].path).toBe('date');
    const extra = await officerTq.post('/api/policy/eligibility/check', {
      date: '2026-05-01',
      track: 'party',
      facts: { ...facts({ currentPostSince: '2025-01-01' }), salary: 1 },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details.map((d: { path: string }) => d.path)).toContain('body.facts.salary');
  });

  it('diffs two packs and two dates', async () => {
    const packs = (await officerTq.get('/api/policy/diff?fromPack=national-2023&toPack=national-2025')).json() as {
      items: RuleChange[];
    };
    expect(packs.items.find((c) => c.ruleId === 'appointment.months-in-post')).toMatchObject({ change: 'changed' });
    expect(packs.items.find((c) => c.ruleId === 'planning.age-by-level')!.change).toBe('added');
    const dates = (await officerTq.get('/api/policy/diff?fromDate=2025-10-07&toDate=2025-10-08&track=party')).json() as {
      items: RuleChange[];
    };
    expect(dates.items.find((c) => c.ruleId === 'appointment.discipline-waits')!.fields).toContain('params.khien_trach');
    expect((await officerTq.get('/api/policy/diff?fromPack=national-2023')).statusCode).toBe(400);
  });

  it("shows a rule's versions over time", async () => {
    const res = await officerTq.get('/api/policy/rules/appointment.months-in-post/versions');
    expect((res.json() as { items: Rule[] }).items.map((r) => [r.citation.document, r.params.months])).toEqual([
      ['80-QĐ/TW', 24],
      ['377-QĐ/TW', 12],
    ]);
    expect((await officerTq.get('/api/policy/rules/no.such/versions')).statusCode).toBe(404);
  });

  it('lets only an administrator approve a local pack, once, with an audit entry', async () => {
    const body = { note: 'Đồng ý theo Tờ trình số 12' };
    expect((await officerLc.post('/api/policy/local-packs/lao-cai-2026/approve', body)).statusCode).toBe(403);
    const ok = await admin.post('/api/policy/local-packs/lao-cai-2026/approve', body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().approval).toMatchObject({ status: 'approved' });
    expect((await admin.post('/api/policy/local-packs/lao-cai-2026/approve', body)).statusCode).toBe(409);
    expect((await admin.post('/api/policy/local-packs/national-2025/approve', body)).statusCode).toBe(404);

    const audit = (await admin.get('/api/audit?entity=policy_pack')).json() as { items: { action: string; entityId: string }[] };
    expect(audit.items.map((a) => a.entityId)).toEqual(expect.arrayContaining(['lao-cai-2026', 'tuyen-quang-2026']));
    expect(audit.items.every((a) => a.action === 'policy_pack.approve')).toBe(true);

    const rules = (await officerLc.get(`/api/policy/rules?date=2026-03-01&track=party&organizationId=${orgs.LC}`)).json() as {
      items: Rule[];
    };
    expect(rules.items.find((r) => r.id === 'planning.max-per-title')).toMatchObject({
      params: { max: 2 },
      localPackId: 'lao-cai-2026',
    });
  });
});
