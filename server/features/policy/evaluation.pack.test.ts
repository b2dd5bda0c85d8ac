import { describe, expect, it } from 'vitest';
import { loadPolicyLibrary } from './pack.loader';
import { policyAt, ruleIn } from './policy.library';

// The rules the evaluation feature (server/features/evaluations) reads from the packs beyond the levels and quota;
// their use at the edges is tested in evaluation.rules.test.ts there.
const library = loadPolicyLibrary();

describe('evaluation rules added for the evaluation feature', () => {
  it.each([
    ['2024-06-30', '124-QĐ/TW', 'unconfirmed'],
    ['2025-12-31', '366-QĐ/TW', 'unconfirmed'],
  ] as const)('general criteria on %s come from %s and add up to the general part', (date, document, status) => {
    const p = policyAt(library, date, 'party');
    const criteria = ruleIn(p, 'evaluation.general-criteria', 'evaluation-criteria')!;
    const points = ruleIn(p, 'evaluation.points', 'evaluation-points')!;
    expect(criteria).toMatchObject({ status, citation: { document } });
    for (const group of Object.values(criteria.params.groups))
      expect(group.reduce((s, c) => s + c.max, 0)).toBe(points.params.general);
  });

  it('veto thresholds of 366-QĐ/TW are in force from 30/08/2025 on both tracks, and not before', () => {
    for (const track of ['party', 'state'] as const) {
      const p = policyAt(library, '2026-01-01', track);
      expect(ruleIn(p, 'evaluation.unit-floor', 'threshold')!.params).toMatchObject({
        comparison: '<',
        numerator: 70,
        denominator: 100,
      });
      expect(ruleIn(p, 'evaluation.units-not-complete-veto', 'threshold')!.params).toMatchObject({
        comparison: '>',
        numerator: 1,
        denominator: 2,
      });
      expect(ruleIn(p, 'evaluation.tasks-failed-veto', 'threshold')!.params).toMatchObject({
        comparison: '>',
        numerator: 1,
        denominator: 2,
      });
    }
    const early = policyAt(library, '2025-08-29', 'party');
    expect(ruleIn(early, 'evaluation.unit-floor', 'threshold')).toBeUndefined();
    expect(ruleIn(policyAt(library, '2025-08-30', 'party'), 'evaluation.unit-floor', 'threshold')).toBeDefined();
  });
});
