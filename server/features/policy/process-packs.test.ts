import { describe, expect, it } from 'vitest';
import { loadPolicyLibrary } from './pack.loader';
import { policyAt, ruleIn } from './policy.library';

// The personnel-process rules (issue 8) are evaluated in features/decisions; here each is checked to load with
// its steps, for both tracks, in both national packs.
const library = loadPolicyLibrary();
const PROCESS_IDS = [
  'process.appointment.on-site',
  'process.appointment.outside',
  'process.reappointment',
  'process.rotation',
  'process.transfer',
  'process.secondment',
  'process.nomination',
  'process.dismissal',
  'process.relief',
  'process.resignation',
  'process.suspension',
  'process.retirement',
] as const;

describe('personnel process rules in both packs', () => {
  for (const date of ['2024-06-03', '2026-03-02'])
    for (const track of ['party', 'state'] as const)
      it(`holds every process with its steps and a citation on ${date} (${track})`, () => {
        const policy = policyAt(library, date, track);
        for (const id of PROCESS_IDS) {
          const rule = ruleIn(policy, id, 'process');
          expect(rule, id).toBeDefined();
          expect(rule!.params.steps.length).toBeGreaterThan(0);
          expect(new Set(rule!.params.steps.map((s) => s.key)).size).toBe(rule!.params.steps.length);
          expect(rule!.citation.text.length).toBeGreaterThan(0);
        }
      });

  it("lists the dossier's five documents with 6-month limits on the photo and the health certificate", () => {
    const rule = ruleIn(policyAt(library, '2026-03-02', 'state'), 'dossier.personnel', 'dossier')!;
    expect(rule.params.items.map((i) => [i.key, i.maxAgeMonths])).toEqual([
      ['cv-photo', 6],
      ['asset-declaration', null],
      ['political-standard', null],
      ['residence-comments', null],
      ['health-certificate', 6],
    ]);
  });

  it('keeps the timing thresholds a warning only (unconfirmed)', () => {
    const rule = ruleIn(policyAt(library, '2026-03-02', 'party'), 'power.process-timing', 'process-timing')!;
    expect(rule.status).toBe('unconfirmed');
    expect(rule.params).toEqual({ fastUnderWorkingDays: 5, stalledIdleWorkingDays: 10 });
  });
});
