import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../../contracts/persons';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/databases';
import { nowIso } from '../../lib/ids';
import type { Actor } from '../access/access.rules';
import { createOrganization, createRootOrganization } from '../organizations/organization.service';
import { writeRecords } from '../persons/person.bulk';
import { buildRecord } from '../persons/person.fixtures';
import { endAssignment, listAssignments } from './staffing.assignments';
import {
  assignJobPosition,
  createJobPosition,
  jobPositionHistory,
  listJobPositions,
  quotaHistory,
  setQuota,
  staffingTable,
  updateJobPosition,
} from './staffing.service';

const cadres = <T extends { category: string }>(f: T[]) => f.find((x) => x.category === 'cadre_civil_servant');

describe.each(testDialects())('staffing as of a date on %s', (dialect) => {
  let db: TestDatabase;
  const ids: Record<string, string> = {};
  let officer: Actor;
  let outsider: Actor;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    const root = await createRootOrganization(db.db, {
      code: 'R',
      name: 'Trung ương',
      kind: 'party_committee',
      level: 'central',
      validFrom: '2000-01-01',
    });
    const org = async (code: string, name: string, parentId: string, validFrom = '2020-01-01') =>
      (ids[code] = (
        await createOrganization(db.db, null, { code, name, kind: 'state_agency', level: 'provincial', parentId, validFrom })
      ).id);
    await org('P', 'UBND tỉnh P', root.id);
    await org('Q', 'UBND tỉnh Q', root.id);
    await org('P.A', 'Sở A', ids.P!);
    await org('P.B', 'Sở B', ids.P!);
    await org('P.C', 'Sở C (lập 01/05/2026)', ids.P!, '2026-05-01');
    const grant = (id: string): Actor => ({
      userId: 'u',
      username: 'u',
      grants: [{ role: 'officer', organizationId: id, organizationName: '', path: `/${root.id}/${id}/` }],
    });
    officer = grant(ids.P!);
    outsider = grant(ids.Q!);
    const person = (over: Partial<PersonRecord>) => ({
      record: buildRecord({ cccd: null, civilServiceRankCode: '01.003', currentTitle: null, ...over }),
    });
    await db.db.transaction().execute((trx) =>
      writeRecords(
        trx,
        [
          // in A from 2015, moved to B in 03/2026 (the CV's last row names B)
          person({
            fullName: 'Nguyễn Văn Chuyển',
            organizationId: ids['P.B']!,
            recruitmentDate: '2015-01',
            workHistory: [
              {
                from: '2015-01',
                to: '2026-03',
                organizationId: ids['P.A']!,
                organizationName: 'Sở A',
                titleCode: null,
                titleName: 'Chuyên viên',
              },
              {
                from: '2026-03',
                to: null,
                organizationId: ids['P.B']!,
                organizationName: 'Sở B',
                titleCode: null,
                titleName: 'Chuyên viên',
              },
            ],
          }),
          // in A all along (no CV table: his current unit from recruitment)
          person({ fullName: 'Trần Văn Ở', organizationId: ids['P.A']!, recruitmentDate: '2010-05-01' }),
          // recruited into B on 01/09/2026
          person({ fullName: 'Lê Thị Mới', sex: 'F', organizationId: ids['P.B']!, recruitmentDate: '2026-09-01' }),
        ],
        { by: null, source: 'create', at: nowIso(), reason: null },
      ),
    );
    // A's 2026 quota: 2 from 1 January, cut to 1 from 01/07/2026 (decision), the same-day correction keeps one version
    await setQuota(db.db, officer, { organizationId: ids['P.A']!, year: 2026, category: 'cadre_civil_servant', quota: 2 });
    await setQuota(db.db, officer, {
      organizationId: ids['P.A']!,
      year: 2026,
      category: 'cadre_civil_servant',
      quota: 3,
      validFrom: '2026-07-01',
      decisionRef: '45/QĐ-UBND',
    });
    await setQuota(db.db, officer, {
      organizationId: ids['P.A']!,
      year: 2026,
      category: 'cadre_civil_servant',
      quota: 1,
      validFrom: '2026-07-01',
    });
    await setQuota(db.db, officer, { organizationId: ids['P.B']!, year: 2026, category: 'cadre_civil_servant', quota: 1 });
  });
  afterAll(() => db.destroy());

  const table = (asOf: string) => staffingTable(db.db, officer, { organizationId: ids.P!, asOf });
  const row = (t: Awaited<ReturnType<typeof table>>, code: string) => t.rows.find((r) => r.organizationId === ids[code])!;

  it('keeps every figure a quota had in the year, with its first day and decision', async () => {
    const h = await quotaHistory(db.db, officer, { organizationId: ids['P.A']!, year: 2026 });
    expect(h.versions).toEqual([
      expect.objectContaining({ quota: 2, validFrom: '2026-01-01', validTo: '2026-07-01' }),
      expect.objectContaining({ quota: 1, validFrom: '2026-07-01', validTo: null, decisionRef: '45/QĐ-UBND' }),
    ]);
    await expect(quotaHistory(db.db, outsider, { organizationId: ids['P.A']!, year: 2026 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses a change dated before the figure in force began or outside the year, naming the field', async () => {
    const body = { organizationId: ids['P.A']!, year: 2026, category: 'cadre_civil_servant' as const, quota: 5 };
    await expect(setQuota(db.db, officer, { ...body, validFrom: '2026-06-30' })).rejects.toMatchObject({
      details: [{ path: 'validFrom' }],
    });
    await expect(setQuota(db.db, officer, { ...body, validFrom: '2027-01-01' })).rejects.toMatchObject({
      details: [{ path: 'validFrom' }],
    });
  });

  it('reads the quota in force on the day: the old figure the day before the change, the new one on its first day', async () => {
    expect(cadres(row(await table('2026-06-30'), 'P.A').own)).toMatchObject({ quota: 2, actual: 1, difference: -1 });
    expect(cadres(row(await table('2026-07-01'), 'P.A').own)).toMatchObject({ quota: 1, actual: 1, difference: 0 });
  });

  it('counts the people each unit had on the day from the work history: the move month, and a recruitment', async () => {
    const feb = await table('2026-02-28');
    expect(cadres(row(feb, 'P.A').own)).toMatchObject({ quota: 2, actual: 2 });
    expect(cadres(row(feb, 'P.B').own)).toMatchObject({ quota: 1, actual: 0 });
    const mar = await table('2026-03-01');
    expect(cadres(row(mar, 'P.A').own)!.actual).toBe(1);
    expect(cadres(row(mar, 'P.B').own)!.actual).toBe(1);
    // 01/09/2026: Lê Thị Mới joins B, one above B's quota of 1 → over quota, rolled up into the province
    const sep = await table('2026-09-01');
    expect(cadres(row(sep, 'P.B').own)).toMatchObject({ quota: 1, actual: 2, difference: 1 });
    expect(cadres(row(sep, 'P').rolledUp)).toMatchObject({ quota: 2, actual: 3, difference: 1 });
    expect(sep.verdicts.filter((v) => v.ruleId === 'staffing.over-quota').map((v) => v.subjectId)).toEqual([ids['P.B']]);
    expect(sep.asOf).toBe('2026-09-01');
    expect(cadres(row(await table('2026-08-31'), 'P.B').own)!.actual).toBe(1);
  });

  it('shows the tree of the day: a unit opened later is not in an earlier table', async () => {
    expect((await table('2026-04-30')).rows.some((r) => r.organizationId === ids['P.C'])).toBe(false);
    expect((await table('2026-05-01')).rows.some((r) => r.organizationId === ids['P.C'])).toBe(true);
  });

  it('answers a day before the unit existed with a message naming it, and keeps other provinces out', async () => {
    await expect(staffingTable(db.db, officer, { organizationId: ids['P.C']!, asOf: '2026-01-01' })).rejects.toMatchObject({
      details: [{ path: 'asOf' }],
    });
    await expect(staffingTable(db.db, outsider, { organizationId: ids.P!, asOf: '2026-01-01' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('assigns people to a job position and ends them, with dates and field-named refusals, audited', async () => {
    const job = await createJobPosition(db.db, officer, {
      organizationId: ids['P.A']!,
      name: 'Chuyên viên tổ chức cán bộ',
      category: 'professional',
      requiredRank: 'Chuyên viên',
      count: 1,
      validFrom: '2026-01-01',
    });
    const first = { personId: '01JD0000000000000000000071', personName: 'Đào Thị Hoa', from: '2026-02-01' };
    await expect(assignJobPosition(db.db, officer, job.id, { ...first, from: '2025-12-31' })).rejects.toMatchObject({
      details: [{ path: 'from' }],
    });
    const a = await assignJobPosition(db.db, officer, job.id, first);
    await expect(assignJobPosition(db.db, officer, job.id, { ...first, from: '2026-05-01' })).rejects.toMatchObject({
      details: [{ path: 'personId' }],
    });
    const second = { personId: '01JD0000000000000000000072', personName: 'Phạm Văn Nam', from: '2026-06-01' };
    await expect(assignJobPosition(db.db, officer, job.id, second)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: [{ path: 'from' }],
    });
    await expect(endAssignment(db.db, officer, a.id, '2026-02-01')).rejects.toMatchObject({ details: [{ path: 'to' }] });
    await expect(endAssignment(db.db, outsider, a.id, '2026-06-01')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await endAssignment(db.db, officer, a.id, '2026-06-01')).toMatchObject({ to: '2026-06-01' });
    await expect(endAssignment(db.db, officer, a.id, '2026-07-01')).rejects.toMatchObject({ code: 'CONFLICT' });
    // the place is free from the day the first one left
    await assignJobPosition(db.db, officer, job.id, second);
    const list = await listAssignments(db.db, officer, job.id);
    expect(list.items.map((x) => [x.personName, x.from, x.to])).toEqual([
      ['Phạm Văn Nam', '2026-06-01', null],
      ['Đào Thị Hoa', '2026-02-01', '2026-06-01'],
    ]);
    const audit = await db.db.selectFrom('audit_log').select('action').where('entity_id', '=', a.id).orderBy('seq').execute();
    expect(audit.map((r) => r.action)).toEqual(['staffing.job_position.assign', 'staffing.job_position.unassign']);
  });

  it("dates a job position's head count: read as of a day, refused before the count in force or below those assigned", async () => {
    const job = await createJobPosition(db.db, officer, {
      organizationId: ids['P.B']!,
      name: 'Chuyên viên cải cách hành chính',
      category: 'professional',
      requiredRank: 'Chuyên viên',
      count: 2,
      validFrom: '2026-01-01',
    });
    for (const [n, personName] of ['Vũ Văn Một', 'Vũ Văn Hai'].entries())
      await assignJobPosition(db.db, officer, job.id, {
        personId: `01JD000000000000000000008${n}`,
        personName,
        from: '2026-02-01',
      });
    await expect(updateJobPosition(db.db, officer, job.id, { count: 1, from: '2026-03-01' })).rejects.toMatchObject({
      details: [{ path: 'count' }],
    });
    await expect(updateJobPosition(db.db, officer, job.id, { count: 3, from: '2025-12-31' })).rejects.toMatchObject({
      details: [{ path: 'from' }],
    });
    await updateJobPosition(db.db, officer, job.id, { count: 3, from: '2026-07-01', decisionRef: '12/QĐ-UBND' });
    const countOn = async (asOf: string) =>
      (await listJobPositions(db.db, officer, ids['P.B']!, asOf)).items.find((j) => j.id === job.id)!.count;
    expect(await countOn('2026-06-30')).toBe(2);
    expect(await countOn('2026-07-01')).toBe(3);
    // the day before the third place exists the job position is full; on its first day it takes one more
    const third = { personId: '01JD0000000000000000000083', personName: 'Vũ Văn Ba' };
    await expect(assignJobPosition(db.db, officer, job.id, { ...third, from: '2026-06-30' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await assignJobPosition(db.db, officer, job.id, { ...third, from: '2026-07-01' });
    // a change on the first day of the count in force corrects it and keeps its decision
    await updateJobPosition(db.db, officer, job.id, { count: 4, from: '2026-07-01' });
    const history = await jobPositionHistory(db.db, officer, job.id);
    expect(history.versions.map((v) => [v.count, v.validFrom, v.validTo, v.decisionRef])).toEqual([
      [2, '2026-01-01', '2026-07-01', null],
      [4, '2026-07-01', null, '12/QĐ-UBND'],
    ]);
    await expect(jobPositionHistory(db.db, outsider, job.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const audit = await db.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', job.id)
      .where('action', '=', 'staffing.job_position.update')
      .execute();
    expect(audit).toHaveLength(2);
  });
});
