import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { type TestDatabase, createTestDatabase } from '../../../test/databases';
import { syncTitleCatalog } from '../titles/title.service';
import { targetTitle } from './eligibility.batch';
import { prefilterFor } from './eligibility.batch.rules';
import { candidatesQuery } from './eligibility.repository';
import { loadPolicyLibrary } from './pack.loader';
import { policyAt } from './policy.library';
import { standardsFor } from './title-standards';

// The finder's first query asks for the holders of a few titles. Statistics from an ANALYZE without STAT4 samples
// (Debian's sqlite3 shell) describe the national data set's title column as one value shared by 2.5 million people;
// the planner then walked the whole subtree (35 s). The query must still start from the title index.
describe('the candidates query plan on SQLite with plain statistics', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await loadFoundationDemo(database.db);
    await syncTitleCatalog(database.db);
    await sql`analyze`.execute(database.db);
    await sql`delete from sqlite_stat1`.execute(database.db);
    await sql`delete from sqlite_stat4`.execute(database.db);
    // What the shell's ANALYZE wrote on the national data set (2.5 million people, 3,662 organizations).
    const stats: [string, string, string][] = [
      ['eligibility_facts', 'eligibility_facts_title', '2500000 2500000'],
      ['eligibility_facts', 'eligibility_facts_birth', '2500000 191 1'],
      ['eligibility_facts', 'eligibility_facts_theory_birth', '2500000 500000 51'],
      ['eligibility_facts', 'sqlite_autoindex_eligibility_facts_1', '2500000 1'],
      ['persons', 'persons_org_sort', '2500000 683 1'],
      ['persons', 'sqlite_autoindex_persons_1', '2500000 1'],
      ['organizations', 'organizations_path', '3662 1'],
      ['organizations', 'sqlite_autoindex_organizations_1', '3662 1'],
    ];
    for (const [tbl, idx, stat] of stats)
      await sql`insert into sqlite_stat1 (tbl, idx, stat) values (${tbl}, ${idx}, ${stat})`.execute(database.db);
    await sql`analyze sqlite_schema`.execute(database.db); // reloads the statistics
  });
  afterAll(() => database.close());

  const plan = async (currentTitleCodes?: string[]) => {
    const library = loadPolicyLibrary();
    const date = '2026-06-01';
    const { target, catalog } = (await targetTitle(database.db, { titleId: '368-QD-TW:GIAM_DOC_SO', onDate: date }))!;
    const prefilter = prefilterFor({
      policy: policyAt(library, date, 'party'),
      purpose: 'planning',
      target,
      catalog,
      standards: standardsFor(library.standards, target, date),
      referenceKey: 'provincial',
    });
    const root = await database.db.selectFrom('organizations').select('path').where('code', '=', 'TQ').executeTakeFirstOrThrow();
    const q = candidatesQuery(database.db, {
      prefilter,
      roots: [root.path],
      filters: currentTitleCodes ? { currentTitleCodes } : {},
      mode: 'pass',
      limit: 200,
    }).compile();
    const explained = await database.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]),
    );
    return explained.rows.map((r) => r.detail);
  };

  it('starts from the title index when only a few titles are asked for', async () => {
    const steps = await plan(['PHO_GIAM_DOC_SO', 'CHANH_VAN_PHONG_UBND_TINH']);
    expect(steps[0]).toMatch(/USING INDEX eligibility_facts_title/);
  });
  it('walks the subtree when no title narrows the search', async () => {
    const steps = await plan();
    expect(steps.join('\n')).not.toMatch(/eligibility_facts_title/);
  });
});
