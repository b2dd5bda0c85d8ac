import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { loadOrganizationDemo } from '../../../scripts/demo/org.demo';
import { loadPersonsDemo } from '../../../scripts/demo/persons.demo';
import { loadPlanningDemo } from '../../../scripts/demo/planning.demo';
import { loadPolicyDemo } from '../../../scripts/demo/policy.demo';
import { loadVotesDemo } from '../../../scripts/demo/votes.demo';
import { resolveActorByUsername } from '../../../scripts/demo/demo-actors';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { listReviews } from './planning.review.service';
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
    await loadPolicyDemo(database.db);
    await loadVotesDemo(database.db);
    await loadPlanningDemo(database.db, library);
  }, 240_000);
  afterAll(async () => {
    await database?.destroy();
  });

  it('holds a 2026–2031 provincial plan for Tuyên Quang in rounds, with the violations to show', async () => {
    const officer = (await resolveActorByUsername(database.db, 'officer.tq'))!;
    const ctx = { db: database.db, library };
    const cycle = (await listCycles(ctx, officer)).items.find((c) => c.termFrom === 2026);
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
    // The province's approved rules set its ethnic-minority share: the pool is judged against it, with the citation.
    const ethnic = detail.verdicts.find((v) => v.ruleId === 'planning.ethnic-minority-share');
    expect(ethnic).toMatchObject({ localPackId: 'tuyen-quang-2026', inputs: { minPercent: 30 } });
    expect(ethnic!.citation.text).toContain('377-QĐ/TW');
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

  it('holds a complete cycle: rounds, a person rejected by a rule, approval, and a yearly review that removes a low vote', async () => {
    const officer = (await resolveActorByUsername(database.db, 'officer.tq'))!;
    const ctx = { db: database.db, library };
    const cycle = (await listCycles(ctx, officer)).items.find((c) => c.termFrom === 2025)!;
    expect(cycle).toMatchObject({ status: 'reviewed', policyDate: '2025-10-20', referenceDate: '2030-09-01' });
    const detail = await getCycle(ctx, officer, cycle.id);
    expect(detail.plans).toHaveLength(2);
    // Approved without any exception: nothing blocked the submission.
    expect(detail.plans.flatMap((p) => p.exceptions)).toEqual([]);
    const rounds = (await listRounds(ctx, officer, cycle.id)).items;
    expect(new Set(rounds.map((r) => r.step))).toEqual(
      new Set(['leadership_proposal', 'key_cadre_conference', 'collective', 'committee']),
    );
    const refused = rounds.flatMap((r) => r.results).filter((r) => !r.passed);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ agree: 20 });
    expect(refused[0]!.verdict.citation.text).toContain('377-QĐ/TW');
    const removed = await database.db
      .selectFrom('planning_candidates')
      .select(['person_id', 'added_on', 'removed_on', 'removal_reason'])
      .where('cycle_id', '=', cycle.id)
      .where('removed_on', 'is not', null)
      .orderBy('removed_on')
      .execute();
    // Refused by a rule when proposed (taken out the same day); not recommended at the conference; the low vote.
    const on = (d: string) => removed.filter((r) => r.removed_on === d);
    expect(on('2025-10-27').length).toBeGreaterThanOrEqual(1);
    for (const r of on('2025-10-27')) expect(r.removal_reason).toMatch(/^Không đủ điều kiện quy hoạch: .+\(.+\)$/);
    expect(on('2025-11-18').map((r) => r.removal_reason)).toEqual([expect.stringContaining('20/45')]);
    expect(on('2026-02-24').map((r) => r.removal_reason)).toEqual([expect.stringContaining('phiếu tín nhiệm thấp')]);
    // Those planned hold a title one or two levels below the director.
    for (const c of detail.plans.flatMap((p) => p.candidates)) expect(['one_below', 'two_below']).toContain(c.subjectGroup);
    const [review] = (await listReviews(ctx, officer, cycle.id)).items;
    expect(review).toMatchObject({ year: 2026, reviewedOn: '2026-02-24', counts: { kept: 4, added: 1, removed: 1 } });
    expect(review!.changes.find((c) => c.change === 'remove')!.suggested).toContain('low_confidence');
    expect(review!.after.map((e) => e.personId)).not.toContain(on('2026-02-24')[0]!.person_id);
  });
});
