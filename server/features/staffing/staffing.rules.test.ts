import { describe, expect, it } from 'vitest';
import { staffingPolicy } from './staffing.policy';
import { kl40Target, kl40Verdict, overQuotaVerdicts, rollUp } from './staffing.rules';

const policy = staffingPolicy();
const unit = { organizationId: 'o', organizationName: 'Sở Nội vụ' };

describe('Kết luận 40 targets', () => {
  it('reads the cuts from policy/staffing/KL-40.yaml with their citation', () => {
    expect(policy.rules.map((r) => [r.category, r.minCutPercent])).toEqual([
      ['cadre_civil_servant', 5],
      ['public_employee', 10],
    ]);
    expect(policy.citation).toContain('40-KL/TW');
  });
  it('leaves exactly 95 of 100 cadres and 90 of 100 public employees; rounds a fractional target down', () => {
    expect(kl40Target(policy, 'cadre_civil_servant', 100)).toBe(95);
    expect(kl40Target(policy, 'public_employee', 100)).toBe(90);
    expect(kl40Target(policy, 'cadre_civil_servant', 62)).toBe(58);
    expect(kl40Target(policy, 'contract', 100)).toBeNull();
  });
  it('passes a quota exactly at the target and fails one post above it, naming what is left to cut', () => {
    expect(kl40Verdict(policy, unit, 'cadre_civil_servant', 100, 95)).toMatchObject({
      ruleId: 'KL-40.cadre_civil_servant',
      passed: true,
    });
    const fail = kl40Verdict(policy, unit, 'cadre_civil_servant', 100, 96)!;
    expect(fail.passed).toBe(false);
    expect(fail.detail).toContain('còn phải giảm 1');
  });
});

describe('over quota and roll-up', () => {
  it('flags staff above the quota and not staff exactly at it or unknown', () => {
    const v = overQuotaVerdicts([
      { ...unit, category: 'cadre_civil_servant', quota: 10, actual: 10 },
      { ...unit, category: 'public_employee', quota: 10, actual: 11 },
      { ...unit, category: 'contract', quota: 10, actual: null },
    ]);
    expect(v.map((x) => [x.ruleId, x.detail.includes('vượt 1')])).toEqual([['staffing.over-quota', true]]);
  });
  it('sums a subtree by path prefix and the year asked for', () => {
    const facts = [
      { organizationId: 'a', path: '/r/a/', year: 2026, category: 'cadre_civil_servant' as const, quota: 10, actual: 9 },
      { organizationId: 'b', path: '/r/a/b/', year: 2026, category: 'cadre_civil_servant' as const, quota: 5, actual: null },
      { organizationId: 'c', path: '/r/ab/', year: 2026, category: 'cadre_civil_servant' as const, quota: 100, actual: 100 },
      { organizationId: 'a', path: '/r/a/', year: 2021, category: 'cadre_civil_servant' as const, quota: 50, actual: 50 },
    ];
    expect(rollUp(facts, '/r/a/', 2026).get('cadre_civil_servant')).toEqual({ quota: 15, actual: 9 });
  });
});
