import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { loadPersonsDemo } from '../../../scripts/demo/persons.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { findOrganizationByCode } from '../organizations/organization.repository';
import { buildRecord } from './person.fixtures';
import { columnsOf } from './person.mapper';
import { type PersonSearch, searchPersons } from './person.search.repository';
import { createPerson } from './person.service';

describe.each(testDialects())('name search through the name-word index on %s', (dialect) => {
  let database: TestDatabase;
  let tq: { id: string; path: string };
  let snv: { id: string; path: string };
  let lc: { id: string; path: string };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await loadPersonsDemo(database.db, 300);
    tq = (await findOrganizationByCode(database.db, 'TQ'))!;
    snv = (await findOrganizationByCode(database.db, 'TQ.SNV'))!;
    lc = (await findOrganizationByCode(database.db, 'LC'))!;
  });
  afterAll(async () => {
    await database.destroy();
  });

  const find = (f: Partial<PersonSearch> & { nameTokens: string[] }, page = { limit: 200, offset: 0 }, driverCap?: number) =>
    searchPersons(database.db, database.dialect, { scopePaths: [tq.path], ...f }, page, { driverCap });
  const tokensOf = async (personId: string) =>
    (
      await database.db
        .selectFrom('person_name_tokens')
        .select(['token', 'organization_id'])
        .where('person_id', '=', personId)
        .execute()
    )
      .map((r) => `${r.organization_id === snv.id ? 'SNV' : r.organization_id === lc.id ? 'LC' : '?'}:${r.token}`)
      .sort();

  it('answers every query exactly as the full-text path does: same people, same order, same total, every page', async () => {
    const queries = [
      ['nguyen', 'van', 'duc'],
      ['duc'],
      ['nguy', 'van', 'du'],
      ['thi'],
      ['van'],
      ['nguyen'],
      ['xyz'],
      ['d'],
      ['van', 'van'],
      // another word given as a prefix of longer words ("an" → "anh", "th" → "thi", "thanh"): the second probe
      ['thi', 'an'],
      ['van', 'th'],
      ['h', 'thi'],
    ];
    for (const nameTokens of queries)
      for (const extra of [{}, { subtreePath: snv.path }, { sex: 'F' as const }, { birthYear: 1975 }]) {
        for (const page of [
          { limit: 200, offset: 0 },
          { limit: 3, offset: 3 },
          { limit: 5, offset: 1000 },
        ]) {
          const byIndex = await find({ nameTokens, ...extra }, page);
          const byFullText = await find({ nameTokens, ...extra }, page, 1);
          const label = `${nameTokens.join(' ')} ${JSON.stringify(extra)} ${JSON.stringify(page)}`;
          expect(
            byIndex.rows.map((r) => r.id),
            label,
          ).toEqual(byFullText.rows.map((r) => r.id));
          expect(byIndex.total, label).toBe(byFullText.total);
        }
      }
    expect((await find({ nameTokens: ['nguyen', 'van', 'duc'] })).rows.map((r) => r.full_name)).toContain('Nguyễn Văn Đức');
  });

  it('follows renames, moves to another unit and removals, and splits names on punctuation', async () => {
    const p = await createPerson(
      database.db,
      null,
      buildRecord({
        fullName: 'Phùng Khắc Khoan',
        otherNames: 'Trạng Bùng (Khoan)',
        cccd: '001075000321',
        organizationId: snv.id,
      }),
    );
    expect(await tokensOf(p.id)).toEqual(['SNV:bung', 'SNV:khac', 'SNV:khoan', 'SNV:phung', 'SNV:trang']);
    expect((await find({ nameTokens: ['trang', 'bung'], subtreePath: snv.path })).rows.map((r) => r.id)).toEqual([p.id]);

    const moved = buildRecord({ fullName: 'Phùng Văn Khoan', otherNames: null, cccd: '001075000321', organizationId: lc.id });
    await database.db.transaction().execute((trx) =>
      trx
        .updateTable('persons')
        .set({ ...columnsOf(moved), version: 2 })
        .where('id', '=', p.id)
        .execute(),
    );
    expect(await tokensOf(p.id)).toEqual(['LC:khoan', 'LC:phung', 'LC:van']);
    expect((await find({ nameTokens: ['trang', 'bung'] })).total).toBe(0);
    expect((await find({ nameTokens: ['phung', 'khoan'] })).rows.map((r) => r.id)).not.toContain(p.id);
    const inLc = await searchPersons(
      database.db,
      database.dialect,
      { scopePaths: [lc.path], nameTokens: ['phung', 'van', 'khoan'] },
      { limit: 20, offset: 0 },
    );
    expect(inLc.rows.map((r) => r.id)).toEqual([p.id]);

    // The name order rides in the index: a rename that keeps the folded words (only the tones) moves the person in the list.
    await database.db.updateTable('persons').set({ sort_key: 'zzz' }).where('id', '=', p.id).execute();
    expect(
      new Set(
        (await database.db.selectFrom('person_name_tokens').select('sort_key').where('person_id', '=', p.id).execute()).map(
          (r) => r.sort_key,
        ),
      ),
    ).toEqual(new Set(['zzz']));

    await database.db.deleteFrom('persons').where('id', '=', p.id).execute();
    expect(await tokensOf(p.id)).toEqual([]);
  });
});
