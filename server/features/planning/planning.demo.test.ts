import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { loadOrganizationDemo } from '../../../scripts/demo/org.demo';
import { loadPersonsDemo } from '../../../scripts/demo/persons.demo';
import { loadPlanningDemo } from '../../../scripts/demo/planning.demo';
import { resolveActorByUsername } from '../../../scripts/demo/demo-actors';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { listRounds } from './planning.rounds.service';
import { getCycle, listCycles } from './planning.service';

describe.each(testDialects())('the planning demo on %s', (dialect) => {
  let database: TestDatabase;
  const library = loadPolicyLibrary();
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await loadOrganizationDemo(database.db);
    await loadPersonsDemo(database.db, 600);
    await loadPlanningDemo(database.db, library);
  }, 240_000);
  afterAll(async () => {
    await database?.destroy();
  });

  it('holds a 2026–2031 provincial plan for Tuyên Quang in rounds, with the violations to show', async () => {
    const officer = (await resolveActorByUsername(database.db, 'officer.tq'))!;
    const ctx = { db: database.db, library };
    const [cycle] = (await listCycles(ctx, officer)).items;
    expect(cycle).toMatchObject({
      termFrom: 2026,
      termTo: 2031,
      level: 'provincial',
      status: 'in_rounds',
      referenceDate: '2030-09-01',
    });
    const detail = await getCycle(ctx, officer, cycle!.id);
    const failed = new Set(
      [...detail.verdicts, ...detail.plans.flatMap((p) => [...p.verdicts, ...p.candidates.flatMap((c) => c.verdicts)])]
        .filter((v) => v.status === 'failed')
        .map((v) => v.ruleId),
    );
    for (const rule of [
      'planning.max-per-title',
      'planning.max-titles-per-person',
      'planning.committee-size-ratio',
      'planning.age-by-level',
      'planning.recommendation-threshold',
    ])
      expect(failed).toContain(rule);
    expect(detail.blockingCount).toBeGreaterThan(0);
    const rounds = (await listRounds(ctx, officer, cycle!.id)).items;
    expect(rounds.map((r) => r.step)).toEqual([
      'leadership_proposal',
      'leadership_proposal',
      'key_cadre_conference',
      'key_cadre_conference',
    ]);
    expect(rounds[2]!.results.map((r) => [r.agree, r.passed])).toEqual([
      [39, true],
      [24, false],
    ]);
  });
});
