import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../../contracts/persons';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/databases';
import { nowIso } from '../../lib/ids';
import type { Actor } from '../access/access.rules';
import { createOrganization, createRootOrganization } from '../organizations/organization.service';
import { writeRecords } from '../persons/person.bulk';
import { buildRecord } from '../persons/person.fixtures';
import { addIncumbent, createPosition, endIncumbent } from '../positions/position.service';
import { syncTitleCatalog } from '../titles/title.service';
import * as migration from '../../db/migrations/20261128_0040_staff_placements';
import { placementsOfPerson } from './placement.repository';
import { endAssignment } from './staffing.assignments';
import { assignJobPosition, createJobPosition, staffingTable } from './staffing.service';

const cadres = <T extends { category: string }>(f: T[]) => f.find((x) => x.category === 'cadre_civil_servant');

describe.each(testDialects())('staffing on a date from the dated staff placements on %s', (dialect) => {
  let db: TestDatabase;
  const ids: Record<string, string> = {};
  const person: Record<string, string> = {};
  let officer: Actor;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await syncTitleCatalog(db.db);
    const root = await createRootOrganization(db.db, {
      code: 'R',
      name: 'Trung ương',
      kind: 'party_committee',
      level: 'central',
      validFrom: '2000-01-01',
    });
    const org = async (code: string, name: string, parentId: string) =>
      (ids[code] = (
        await createOrganization(db.db, null, {
          code,
          name,
          kind: 'state_agency',
          level: 'provincial',
          parentId,
          validFrom: '2025-07-01',
        })
      ).id);
    await org('P', 'UBND tỉnh P', root.id);
    await org('Q', 'UBND tỉnh Q', root.id);
    await org('P.A', 'Sở A', ids.P!);
    await org('P.B', 'Sở B', ids.P!);
    officer = {
      userId: 'u',
      username: 'u',
      grants: [{ role: 'officer', organizationId: ids.P!, organizationName: '', path: `/${root.id}/${ids.P}/` }],
    };
    const rec = (fullName: string, organizationId: string, over: Partial<PersonRecord> = {}) => ({
      record: buildRecord({
        fullName,
        cccd: null,
        organizationId,
        civilServiceRankCode: '01.003',
        currentTitle: null,
        recruitmentDate: '2010-01-01',
        ...over,
      }),
    });
    const written = await db.db.transaction().execute((trx) =>
      writeRecords(
        trx,
        [
          // directed A from 01/08/2025 to 01/03/2026, then left for province Q (his record is there now)
          rec('Lê Văn Đi', ids.Q!),
          // recorded in B; assigned to a job position of A from 15/01/2026
          rec('Phạm Thị Đến', ids['P.B']!),
          // recorded in A, and deputy of B besides (concurrent seat): stays on A's staff
          rec('Hoàng Văn Kiêm', ids['P.A']!),
        ],
        { by: null, source: 'create', at: nowIso(), reason: null },
      ),
    );
    [person.di, person.den, person.kiem] = written.ids as [string, string, string];

    const director = await createPosition(db.db, officer, {
      organizationId: ids['P.A']!,
      titleId: 'KL-35:GIAM_DOC_SO',
      seatCount: 1,
      validFrom: '2025-07-01',
    });
    const deputyB = await createPosition(db.db, officer, {
      organizationId: ids['P.B']!,
      titleId: 'KL-35:PHO_GIAM_DOC_SO',
      seatCount: 2,
      validFrom: '2025-07-01',
    });
    const stay = await addIncumbent(db.db, officer, director.id, {
      personId: person.di!,
      personName: 'Lê Văn Đi',
      how: 'appointed',
      from: '2025-08-01',
    });
    await endIncumbent(db.db, officer, stay.id, '2026-03-01');
    await addIncumbent(db.db, officer, deputyB.id, {
      personId: person.kiem!,
      personName: 'Hoàng Văn Kiêm',
      how: 'concurrent',
      from: '2025-07-01',
    });
    const job = await createJobPosition(db.db, officer, {
      organizationId: ids['P.A']!,
      name: 'Chuyên viên tổ chức',
      category: 'professional',
      requiredRank: 'Chuyên viên',
      count: 2,
      validFrom: '2025-07-01',
    });
    await assignJobPosition(db.db, officer, job.id, { personId: person.den!, personName: 'Phạm Thị Đến', from: '2026-01-15' });
  });
  afterAll(() => db.destroy());

  const actual = async (asOf: string, code: string) =>
    cadres(
      (await staffingTable(db.db, officer, { organizationId: ids.P!, asOf })).rows.find((r) => r.organizationId === ids[code])!
        .own,
    )?.actual ?? 0;

  it('keeps a dated placement per incumbency and assignment, closed on the day the person leaves', async () => {
    expect(
      (await placementsOfPerson(db.db, person.di!)).map((p) => [p.organization_id, p.source, p.valid_from, p.valid_to]),
    ).toEqual([[ids['P.A'], 'seat', '2025-08-01', '2026-03-01']]);
    expect((await placementsOfPerson(db.db, person.den!)).map((p) => [p.organization_id, p.source, p.valid_to])).toEqual([
      [ids['P.A'], 'job_position', null],
    ]);
  });

  it('counts somebody who has left on the days he was there: from the day he arrives to the day before he leaves', async () => {
    // Lê Văn Đi's record is in province Q now: only the dated placement knows he was in A
    expect(await actual('2025-07-31', 'P.A')).toBe(1); // Hoàng Văn Kiêm only
    expect(await actual('2025-08-01', 'P.A')).toBe(2); // the day he arrives
    expect(await actual('2026-02-28', 'P.A')).toBe(3); // the day before he leaves (Phạm Thị Đến came on 15/01)
    expect(await actual('2026-03-01', 'P.A')).toBe(2); // the day he leaves
  });

  it("a job-position assignment moves a person's staff unit from its first day; a concurrent seat does not", async () => {
    expect(await actual('2026-01-14', 'P.B')).toBe(1); // Phạm Thị Đến by her record
    expect(await actual('2026-01-14', 'P.A')).toBe(2);
    expect(await actual('2026-01-15', 'P.B')).toBe(0); // Hoàng Văn Kiêm's concurrent seat in B does not count him there
    expect(await actual('2026-01-15', 'P.A')).toBe(3);
  });

  it('the end of an assignment ends the placement, and the person falls back to his record', async () => {
    const [a] = (
      await db.db.selectFrom('job_position_assignments').select('id').where('person_id', '=', person.den!).execute()
    ).map((r) => r.id);
    await endAssignment(db.db, officer, a!, '2026-06-01');
    expect((await placementsOfPerson(db.db, person.den!)).map((p) => p.valid_to)).toEqual(['2026-06-01']);
    expect(await actual('2026-05-31', 'P.A')).toBe(2);
    expect(await actual('2026-06-01', 'P.A')).toBe(1);
    expect(await actual('2026-06-01', 'P.B')).toBe(1);
  });

  it('the migration copies the existing incumbencies and assignments into placements, the same as kept in step', async () => {
    const all = () =>
      db.db
        .selectFrom('staff_placements')
        .select(['id', 'person_id', 'organization_id', 'source', 'source_id', 'how', 'valid_from', 'valid_to'])
        .orderBy('id')
        .execute();
    const kept = await all();
    expect(kept).toHaveLength(3); // two seats, one job position
    await migration.down(db.db);
    await migration.up(db.db);
    expect(await all()).toEqual(kept);
  });
});
