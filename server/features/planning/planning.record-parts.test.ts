import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../../contracts/persons';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { buildRecord } from '../persons/person.fixtures';
import { createPerson, updatePerson } from '../persons/person.service';
import { PLANNING_RECORD_FIELDS, parsePlanningRecord } from './planning.assemble';
import * as repo from './planning.repository';

// planning_record_parts is what a cycle reads of each record: kept by triggers, it must follow every write.
describe.each(testDialects())('the planning parts of records on %s', (dialect) => {
  let database: TestDatabase;
  let tq: { id: string; path: string };
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    tq = await database.db.selectFrom('organizations').select(['id', 'path']).where('code', '=', 'TQ').executeTakeFirstOrThrow();
  });
  afterAll(() => database.close());

  const partsOf = async (id: string) => {
    const rows = await repo.recordsOf(database.db, [id, id]);
    expect(rows).toHaveLength(1);
    return rows[0]!.data_json;
  };
  const expected = (r: PersonRecord) => Object.fromEntries(PLANNING_RECORD_FIELDS.map((k) => [k, r[k as keyof PersonRecord]]));

  it('holds exactly the fields the planning rules read, from the insert on', async () => {
    const record = buildRecord({
      organizationId: tq.id,
      cccd: null,
      theoryLevel: 'cao_cap',
      languages: [{ language: 'Tiếng Anh', level: 'Bậc 3 (B1)' }],
      itLevel: 'Ứng dụng CNTT cơ bản',
      discipline: [{ level: 'khien_trach', date: '2024-06-01', durationMonths: null, issuer: 'UBKT Tỉnh ủy', reason: null }],
    });
    const person = await createPerson(database.db, null, record);
    const parts = await partsOf(person.id);
    expect(Object.keys(JSON.parse(parts) as object).sort()).toEqual([...PLANNING_RECORD_FIELDS].sort());
    expect(parsePlanningRecord(parts)).toEqual(expected(record));
  });

  it('follows an edit of the record, and goes with the person', async () => {
    const person = await createPerson(database.db, null, buildRecord({ organizationId: tq.id, cccd: null, itLevel: null }));
    const row = await database.db
      .selectFrom('persons')
      .select(['data_json', 'version'])
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    const admin = await database.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const actor = {
      userId: admin.id,
      username: 'admin',
      grants: [{ role: 'admin' as const, organizationId: tq.id, organizationName: 'TQ', path: tq.path }],
    };
    const edited: PersonRecord = {
      ...(JSON.parse(row.data_json) as PersonRecord),
      itLevel: 'Ứng dụng CNTT nâng cao',
      languages: [{ language: 'Tiếng Pháp', level: 'Bậc 4 (B2)' }],
    };
    await updatePerson(database.db, actor, person.id, { record: edited, baseVersion: Number(row.version), reason: null });
    expect(parsePlanningRecord(await partsOf(person.id))).toEqual(expected(edited));
    await database.db.deleteFrom('person_versions').where('person_id', '=', person.id).execute();
    await database.db.deleteFrom('persons').where('id', '=', person.id).execute();
    expect(await repo.recordsOf(database.db, [person.id])).toEqual([]);
  });
});
