import { describe, expect, it } from 'vitest';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { citationNames, rulesCiting } from './document-citations.rules';

describe('policy citations and register entries', () => {
  it('matches a citation by number, written alone or inside a name, and by alias', () => {
    const labourCode = { numberKey: '45/2019/QH14', aliasesFolded: '|bo luat lao dong 2019|' };
    expect(citationNames('Bộ luật Lao động 45/2019/QH14', labourCode)).toBe(true);
    expect(citationNames('Bộ luật Lao động 2019', labourCode)).toBe(true);
    expect(citationNames('Bộ luật Lao động 2012', labourCode)).toBe(false);
    const fifty = { numberKey: '50-QD/TW', aliasesFolded: null };
    expect(citationNames('50-QĐ/TW', fifty)).toBe(true);
    expect(citationNames('150-QĐ/TW', fifty)).toBe(false);
    expect(citationNames('50-QĐ/TU', fifty)).toBe(false);
  });

  it('lists the pack rules that cite 50-QĐ/TW and the date they lost force with it', () => {
    const library = loadPolicyLibrary();
    const rules = rulesCiting(library, { numberKey: '50-QD/TW', aliasesFolded: null }, '2025-10-08');
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) {
      expect(r.lostForceOn).toBe('2025-10-08');
      expect(r.citation).toContain('50-QĐ/TW');
      // The pack itself ends the rule no later than the replacement.
      expect(r.effectiveTo === null || r.effectiveTo < '2025-10-08').toBe(true);
    }
  });
});
