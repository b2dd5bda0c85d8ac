import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../../contracts/persons';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { buildRecord } from '../persons/person.fixtures';
import { createPerson, updatePerson } from '../persons/person.service';
import { syncTitleCatalog } from '../titles/title.service';
import { type FindEligibleOptions, contextOf, findEligible, targetTitle } from './eligibility.batch';
import { factsFromRecord } from './eligibility.batch.rules';
import { evaluateEligibility } from './eligibility.rules';
import { loadPolicyLibrary } from './pack.loader';
import { policyAt } from './policy.library';
import { standardsFor } from './title-standards';

const library = loadPolicyLibrary();
const person = (over: Partial<PersonRecord>): PersonRecord =>
  buildRecord({
    cccd: null,
    discipline: [],
    workHistory: [],
    partyAdmissionDate: null,
    partyOfficialDate: null,
    recruitmentDate: null,
    ...over,
  });

describe.each(testDialects())('batch eligibility over the database on %s', (dialect) => {
  let database: TestDatabase;
  let tq: { id: string; path: string };
  let lc: { id: string; path: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await syncTitleCatalog(database.db);
    const org = (code: string) =>
      database.db.selectFrom('organizations').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
    tq = await org('TQ');
    lc = await org('LC');
    const add = async (key: string, over: Partial<PersonRecord>, orgId = tq.id) => {
      ids[key] = (await createPerson(database.db, null, person({ organizationId: orgId, fullName: `Người ${key}`, ...over }))).id;
    };
    const head = { currentTitleCode: 'TRUONG_BAN_TINH_UY', currentTitle: 'Trưởng ban Tỉnh ủy', theoryLevel: 'cao_cap' } as const;
    await add('eligible', { ...head, birthDate: '1975-05-10' });
    await add('theory', { ...head, birthDate: '1976-01-02', theoryLevel: 'trung_cap' });
    await add('old', { ...head, birthDate: '1966-03' });
    await add('oldAndTheory', { ...head, birthDate: '1966-03-01', theoryLevel: 'trung_cap' });
    await add('notLower', { ...head, birthDate: '1980', currentTitleCode: 'PHO_BI_THU_TINH_UY' });
    await add('disciplined', {
      ...head,
      birthDate: '1978-07-07',
      discipline: [{ level: 'canh_cao', date: '2025-09-01', durationMonths: null, issuer: 'UBKT', reason: null }],
    });
    // 377-QĐ/TW: 24 months after a reprimand; on 01/06/2026 the one of 01/06/2024 has ended, the one of 02/06/2024 has not.
    await add('waitEnded', {
      ...head,
      birthDate: '1979-01-01',
      discipline: [{ level: 'khien_trach', date: '2024-06-01', durationMonths: null, issuer: 'UBKT', reason: null }],
    });
    await add('waitRunning', {
      ...head,
      birthDate: '1979-01-02',
      discipline: [{ level: 'khien_trach', date: '2024-06-02', durationMonths: null, issuer: 'UBKT', reason: null }],
    });
    await add('noTitle', {
      currentTitleCode: null,
      currentTitle: null,
      theoryLevel: 'trung_cap',
      sex: 'F',
      birthDate: '1990-02-02',
    });
    await add('otherProvince', { ...head, birthDate: '1977-04-04' }, lc.id);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  const search = (o: Partial<FindEligibleOptions> = {}) =>
    findEligible(database.db, {
      library,
      targetTitleCode: 'PHO_BI_THU_TINH_UY',
      scopePaths: [tq.path],
      onDate: '2026-06-01',
      ...o,
    });
  const names = (items: { personId: string }[]) =>
    items.map((i) => Object.entries(ids).find(([, id]) => id === i.personId)![0]).sort();

  it('lists the eligible and, apart, those one requirement short with the rule they miss', async () => {
    const r = await search();
    expect(names(r.eligible)).toEqual(['eligible', 'noTitle', 'waitEnded']);
    expect(names(r.oneShort)).toEqual(['disciplined', 'notLower', 'old', 'theory', 'waitRunning']);
    const missing = Object.fromEntries(r.oneShort.map((i) => [names([i])[0], i.missing.map((v) => v.ruleId)]));
    expect(missing).toEqual({
      disciplined: ['appointment.discipline-waits'],
      notLower: ['planning.higher-titles-only'],
      old: ['planning.age-by-level'],
      theory: ['planning.theory-by-level'],
      waitRunning: ['appointment.discipline-waits'],
    });
    expect(r.oneShort.find((i) => i.personId === ids.theory)!.missing[0]!.citation.text).toContain('45-HD/BTCTW');
    expect(r.pushedDown).toEqual(
      expect.arrayContaining([
        'planning.age-by-level',
        'planning.theory-by-level',
        'planning.higher-titles-only',
        'appointment.discipline-waits',
      ]),
    );
    expect(r.complete).toBe(true);
    expect(r.passingPrefilter).toBeNull();
    // The three eligible and the reprimand of 02/06/2024: within the three days SQL leaves to the engine.
    expect((await search({ count: true })).passingPrefilter).toBe(4);
  });

  it('gives the totals: exact when the lists are whole, "more than" past the limit or the cap, exact at the cap', async () => {
    const r = await search();
    expect(r.totals).toEqual({
      eligible: { value: 3, relation: 'exact' },
      oneShort: { value: 5, relation: 'exact' },
      passing: { value: 4, relation: 'exact' },
    });
    // Exactly at the cap: 4 pass, the cap is 4: still exact; one below: more than 3.
    expect((await search({ passingCap: 4 })).totals.passing).toEqual({ value: 4, relation: 'exact' });
    expect((await search({ passingCap: 3 })).totals.passing).toEqual({ value: 3, relation: 'more-than' });
    // A list exactly as long as the limit is whole (exact); one shorter than what qualifies says "more than".
    expect((await search({ limit: 3 })).totals.eligible).toEqual({ value: 3, relation: 'exact' });
    const cut = await search({ limit: 2 });
    expect(cut.eligible).toHaveLength(2);
    expect(cut.totals.eligible).toEqual({ value: 2, relation: 'more-than' });
    expect((await search({ oneShort: false })).totals.oneShort).toBeNull();
    // Nobody in scope: zero, exact.
    expect((await search({ scopePaths: [] })).totals).toEqual({
      eligible: { value: 0, relation: 'exact' },
      oneShort: { value: 0, relation: 'exact' },
      passing: { value: 0, relation: 'exact' },
    });
  });

  it('never looks outside the subtrees it is given', async () => {
    const all = await search({ scopePaths: [tq.path, lc.path] });
    expect(names(all.eligible)).toContain('otherProvince');
    expect(names((await search({ scopePaths: [] })).eligible)).toEqual([]);
  });

  it('applies the filters in SQL and stops at the limit, saying the list is not complete', async () => {
    expect(names((await search({ filters: { sex: 'F' } })).eligible)).toEqual(['noTitle']);
    const limited = await search({ limit: 1 });
    expect(limited.eligible).toHaveLength(1);
    expect(limited.complete).toBe(false);
  });

  it('follows a changed record at once (the facts table is kept by triggers)', async () => {
    const before = await search();
    expect(names(before.oneShort)).toContain('theory');
    const row = await database.db
      .selectFrom('persons')
      .select(['data_json', 'version'])
      .where('id', '=', ids.theory!)
      .executeTakeFirstOrThrow();
    const admin = await database.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const actor = {
      userId: admin.id,
      username: 'admin',
      grants: [{ role: 'admin' as const, organizationId: tq.id, organizationName: 'TQ', path: tq.path }],
    };
    await updatePerson(database.db, actor, ids.theory!, {
      record: { ...(JSON.parse(row.data_json) as PersonRecord), theoryLevel: 'cao_cap' },
      baseVersion: Number(row.version),
      reason: null,
    });
    expect(names((await search()).eligible)).toContain('theory');
  });

  // The SQL conditions are only necessary conditions: the result must equal the engine run on everybody.
  it.each([
    ['planning', '2026-06-01'],
    ['planning', '2024-06-01'],
    ['appointment', '2026-06-01'],
    ['appointment', '2024-06-01'],
  ] as const)('gives exactly what the engine gives on every person (%s, %s)', async (purpose, onDate) => {
    const got = await search({ purpose, onDate, scopePaths: [tq.path, lc.path], limit: 500 });
    const policy = policyAt(library, onDate, 'party');
    const { target, catalog } = (await targetTitle(database.db, { targetTitleCode: 'PHO_BI_THU_TINH_UY', onDate }))!;
    const standards = standardsFor(library.standards, target, onDate);
    const rows = await database.db.selectFrom('persons').selectAll().execute();
    const ctx = await contextOf(database.db, { personIds: rows.map((r) => r.id), catalog, target, onDate, purpose });
    const expected = { eligible: [] as string[], oneShort: [] as string[] };
    for (const row of rows) {
      const { facts } = factsFromRecord({
        record: JSON.parse(row.data_json) as PersonRecord,
        birthDate: row.birth_date,
        sex: row.sex,
        currentTitleCode: row.current_title_code,
        seats: ctx.seats.get(row.id) ?? [],
        catalog,
        target,
        standards,
        date: onDate,
        purpose,
        ratings: ctx.ratings.get(row.id) ?? [],
        inPlanForTitle: ctx.inPlan.has(row.id),
      });
      const failed = new Set(
        evaluateEligibility(facts, policy)
          .verdicts.filter((v) => v.status === 'failed')
          .map((v) => v.ruleId),
      );
      if (failed.size === 0) expected.eligible.push(row.id);
      if (failed.size === 1) expected.oneShort.push(row.id);
    }
    expect(got.eligible.map((i) => i.personId).sort()).toEqual(expected.eligible.sort());
    expect(got.oneShort.map((i) => i.personId).sort()).toEqual(expected.oneShort.sort());
  });
});
