import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActorByUsername } from '../../../scripts/demo/demo-actors';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { loadOrganizationDemo } from '../../../scripts/demo/org.demo';
import { loadPersonsDemo } from '../../../scripts/demo/persons.demo';
import { loadPlanningDemo } from '../../../scripts/demo/planning.demo';
import { loadTrainingDemo } from '../../../scripts/demo/training.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { listCourses, listEnrolments, planNeeds } from './training.service';

describe.each(testDialects())('the training demo on %s', (dialect) => {
  let database: TestDatabase;
  const library = loadPolicyLibrary();
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await loadOrganizationDemo(database.db);
    await loadPersonsDemo(database.db, 600);
    await loadPlanningDemo(database.db, library);
    await loadTrainingDemo(database.db, library);
  }, 240_000);
  afterAll(async () => {
    await database?.destroy();
  });

  it('holds courses of every kind, a pass awaiting approval, a failure, and planned people with needs left open', async () => {
    const officer = (await resolveActorByUsername(database.db, 'officer.tq'))!;
    const courses = await listCourses(database.db, officer, 2026);
    expect(new Set(courses.map((c) => c.kind))).toEqual(
      new Set(['political_theory', 'state_management', 'defence_security', 'it', 'language']),
    );
    const sm = courses.find((c) => c.name.startsWith('Trung cấp'))!;
    const statuses = (await listEnrolments(database.db, officer, sm.id)).map((e) => [e.status, !!e.declarationId]);
    expect(statuses).toEqual(
      expect.arrayContaining([
        ['completed', true],
        ['failed', false],
      ]),
    );

    const plan = await database.db
      .selectFrom('planning_plans')
      .select('id')
      .where('kind', '=', 'seat')
      .orderBy('created_at')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const needs = await planNeeds(database.db, library, officer, plan.id, '2027-12-31');
    expect(needs.people.length).toBeGreaterThan(0);
    expect(needs.people.every((p) => p.standards !== null)).toBe(true);
  });
});
