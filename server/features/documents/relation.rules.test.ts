import { describe, expect, it } from 'vitest';
import { type RelationEdge, checkRelation, documentStatus } from './relation.rules';

const doc = (id: string, issuedOn: string | null = '2025-01-01') => ({ id, number: `${id}-QĐ/TW`, issuedOn });

describe('relations between documents', () => {
  const edges: RelationEdge[] = [
    { fromId: '377', toId: '50', kind: 'replaces' },
    { fromId: '377', toId: '80', kind: 'replaces' },
    { fromId: '45', toId: '377', kind: 'implements' },
  ];

  it('accepts a newer document replacing an older one', () => {
    expect(checkRelation(doc('366', '2025-08-30'), doc('124', '2023-10-04'), 'replaces', edges)).toBeNull();
  });
  it('refuses a document relating to itself', () => {
    expect(checkRelation(doc('377'), doc('377'), 'replaces', edges)?.code).toBe('self');
  });
  it('refuses the same relation twice', () => {
    expect(checkRelation(doc('377'), doc('50'), 'replaces', edges)?.code).toBe('duplicate');
  });
  it('refuses a direct replacement cycle', () => {
    const problem = checkRelation(doc('50', '2021-12-27'), doc('377', '2025-10-08'), 'replaces', edges);
    expect(problem?.code).toBe('cycle');
    expect(problem?.message).toContain('377-QĐ/TW');
  });
  it('refuses an indirect cycle through an amendment', () => {
    const chain: RelationEdge[] = [
      { fromId: 'C', toId: 'B', kind: 'amends' },
      { fromId: 'B', toId: 'A', kind: 'replaces' },
    ];
    expect(checkRelation(doc('A'), doc('C'), 'replaces', chain)?.code).toBe('cycle');
    expect(checkRelation(doc('A'), doc('C'), 'amends', chain)?.code).toBe('cycle');
  });
  it('keeps "implements" apart from replacement: a guideline may implement what it is later amended by', () => {
    expect(checkRelation(doc('377'), doc('45'), 'amends', edges)).toBeNull();
    expect(checkRelation(doc('377'), doc('45'), 'implements', edges)?.code).toBe('cycle');
  });
  it('refuses an older document replacing or amending a newer one, but not on the same day', () => {
    expect(checkRelation(doc('A', '2020-01-01'), doc('B', '2020-01-02'), 'replaces', [])?.code).toBe('date-order');
    expect(checkRelation(doc('A', '2020-01-01'), doc('B', '2020-01-02'), 'amends', [])?.code).toBe('date-order');
    expect(checkRelation(doc('A', '2020-01-02'), doc('B', '2020-01-02'), 'replaces', [])).toBeNull();
    expect(checkRelation(doc('A', null), doc('B', '2020-01-02'), 'replaces', [])).toBeNull();
  });
});

describe('document status', () => {
  const base = { effectiveFrom: '2021-12-27', issuedOn: '2021-12-27', effectiveTo: null };
  const replaced = [{ id: '377', number: '377-QĐ/TW', on: '2025-10-08' }];
  it('is in force the day before its replacement takes effect, replaced on that day', () => {
    expect(documentStatus(base, replaced, '2025-10-07')).toEqual({ status: 'in_force', effectiveTo: '2025-10-08' });
    expect(documentStatus(base, replaced, '2025-10-08')).toEqual({ status: 'replaced', effectiveTo: '2025-10-08' });
  });
  it('is not yet in force before its effective date', () => {
    expect(documentStatus({ ...base, effectiveFrom: '2021-01-01', issuedOn: '2020-11-18' }, [], '2020-12-31').status).toBe(
      'not_yet',
    );
  });
  it('expires on its own end date', () => {
    expect(documentStatus({ ...base, effectiveTo: '2026-01-01' }, [], '2026-01-01').status).toBe('expired');
  });
});
