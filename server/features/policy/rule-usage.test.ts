import { describe, expect, it } from 'vitest';
import { loadPolicyLibrary } from './pack.loader';
import { scanRuleUsage } from './rule-usage';

describe('which checks use a rule', () => {
  const ids = [...new Set(loadPolicyLibrary().packs.flatMap((p) => p.rules.map((r) => r.id)))];
  const usage = scanRuleUsage(ids);

  it('finds the engine and the decisions behind the appointment preconditions, never a test file', () => {
    const files = usage.get('appointment.months-in-post')!.map((u) => u.file);
    expect(files).toContain('policy/eligibility.rules.ts');
    expect(files.every((f) => !f.endsWith('.test.ts'))).toBe(true);
    expect(usage.get('appointment.months-in-post')![0]!.label.vi.length).toBeGreaterThan(0);
  });

  it('finds the votes feature behind the confidence-vote quorum', () => {
    expect(usage.get('vote.quorum')!.map((u) => u.feature)).toContain('votes');
  });
});
