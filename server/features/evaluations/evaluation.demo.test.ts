import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActorByUsername } from '../../../scripts/demo/demo-actors';
import { loadEvaluationsDemo } from '../../../scripts/demo/evaluations.demo';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { loadOrganizationDemo } from '../../../scripts/demo/org.demo';
import { loadPersonsDemo } from '../../../scripts/demo/persons.demo';
import { loadVotesDemo } from '../../../scripts/demo/votes.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { getEvaluation, listCycles, listEvaluations } from './evaluation.service';

describe.each(testDialects())('the evaluation demo on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await loadOrganizationDemo(database.db);
    await loadPersonsDemo(database.db, 600);
    await loadVotesDemo(database.db);
    await loadEvaluationsDemo(database.db);
  }, 240_000);
  afterAll(async () => {
    await database?.destroy();
  });

  it("caps the 2026 rating of the leader with more than half low votes at 'not complete', from the published vote", async () => {
    const officer = (await resolveActorByUsername(database.db, 'officer.tq'))!;
    const cycle = (await listCycles(database.db, officer, { limit: 50, offset: 0 })).items.find((c) => c.year === 2026)!;
    expect(cycle).toBeDefined();
    const summaries = (await listEvaluations(database.db, officer, { cycleId: cycle.id, limit: 50, offset: 0 })).items;
    expect(summaries.length).toBeGreaterThanOrEqual(3);
    const all = await Promise.all(summaries.map((s) => getEvaluation(database.db, officer, s.id)));
    // All appraised at 86 points (good); only the vote sets one apart.
    expect(all.every((e) => e.appraisalPoints === 86)).toBe(true);
    const vetoed = all.filter((e) => e.proposedLevel === 'not_complete');
    expect(vetoed).toHaveLength(1);
    expect(all.filter((e) => e.proposedLevel === 'good')).toHaveLength(all.length - 1);
    const veto = vetoed[0]!.verdicts.find((v) => v.ruleId === 'evaluation.low-vote-veto')!;
    expect(veto).toMatchObject({ status: 'failed', citation: { document: '366-QĐ/TW', text: '366-QĐ/TW ngày 30/08/2025' } });
    // 24 low of 42 ballots collected in the November 2026 vote of the provincial committee.
    expect(vetoed[0]!.facts.lowVotes).toMatchObject({ low: 24, ballots: 42, voteDate: '2026-11-20' });
    expect(veto.detail.vi).toContain('Lấy phiếu tín nhiệm ngày 20/11/2026');
  });
});
