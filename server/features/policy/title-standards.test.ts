import { describe, expect, it } from 'vitest';
import { type EligibilityFacts, eligibilityFactsSchema, evaluateEligibility } from './eligibility.rules';
import { loadPolicyLibrary } from './pack.loader';
import { policyAt } from './policy.library';
import { buildStandards, standardsFor } from './title-standards';

const library = loadPolicyLibrary();
const secretary = { code: 'PHO_BI_THU_TINH_UY', managingAuthority: 'secretariat', group: 'III' };
const director = { code: 'GIAM_DOC_SO', managingAuthority: 'provincial_standing_committee', group: 'IV' };

function facts(target: Partial<EligibilityFacts['target']>, person: Partial<EligibilityFacts['person']> = {}): EligibilityFacts {
  return eligibilityFactsSchema.parse({
    person: {
      sex: 'M',
      birth: '1975-05-20',
      currentTitleRank: 6,
      currentPostSince: '2023-03-01',
      politicalTheory: 'trung_cap',
      education: 'dai_hoc',
      stateManagement: 'chuyen_vien',
      ratings: [2023, 2024, 2025].map((year) => ({ year, level: 'good' })),
      inPlanForTitle: true,
      politicalStandardConcluded: true,
      ...person,
    },
    target: { rank: 5, requiredTheory: 'none', requiredEducation: 'none', requiredStateManagement: 'none', ...target },
    purpose: 'appointment',
  });
}
const verdictOf = (f: EligibilityFacts, date: string) =>
  evaluateEligibility(f, policyAt(library, date, 'party')).verdicts.find((v) => v.ruleId === 'standards.title-requirements')!;

describe('title standards (policy/standards)', () => {
  it('loads every entry of the shipped file without problems', () => {
    expect(library.standards.length).toBeGreaterThan(3);
    expect(library.standards.every((e) => e.citationFull.text.length > 0)).toBe(true);
  });

  it('a Secretariat-managed title needs advanced theory under HD 45 from 08/10/2025, confirmed', () => {
    const s = standardsFor(library.standards, secretary, '2025-10-08');
    expect(s.theory).toBe('cao_cap');
    expect(s.sources).toEqual([
      expect.objectContaining({ requirement: 'theory', entryId: 'theory.politburo-secretariat', confirmed: true }),
    ]);
    expect(s.sources[0]!.citation.text).toContain('45-HD/BTCTW');
  });

  it('the day before, the 2017 frame applies, unconfirmed', () => {
    const s = standardsFor(library.standards, secretary, '2025-10-07');
    expect(s.sources[0]).toMatchObject({ entryId: 'theory.politburo-secretariat-2017', confirmed: false });
  });

  it('a code-specific entry adds to the authority entry: each requirement from its most specific source', () => {
    const s = standardsFor(library.standards, director, '2026-01-01');
    expect(s).toMatchObject({
      theory: 'cao_cap',
      education: 'dai_hoc',
      stateManagement: 'chuyen_vien_chinh',
      priorPostMonths: 12,
    });
    expect(Object.fromEntries(s.sources.map((x) => [x.requirement, x.entryId]))).toEqual({
      theory: 'provincial.theory-education',
      education: 'provincial.theory-education',
      stateManagement: 'department-head.state-management',
      priorPostMonths: 'department-head.state-management',
    });
  });

  it('a title no entry selects requires nothing', () => {
    expect(standardsFor(library.standards, { code: 'X', managingAuthority: 'other', group: 'IV' }, '2026-01-01')).toMatchObject({
      theory: 'none',
      sources: [],
    });
  });

  it('names the file, the entry and the field of a broken entry', () => {
    const { problems } = buildStandards([
      {
        file: 'policy/standards/x.yaml',
        content: {
          id: 'x',
          title: { vi: 'x', en: 'x' },
          entries: [
            {
              id: 'a',
              select: { codes: ['A'] },
              theory: 'very_high',
              citation: { document: 'D', date: null, article: null },
              effectiveFrom: '2025-01-01',
              status: 'confirmed',
              text: { vi: 'x', en: 'x' },
            },
          ],
        },
      },
    ]);
    expect(problems).toEqual([expect.stringMatching(/^policy\/standards\/x\.yaml › entries\.0\.theory: /)]);
  });
});

describe('the engine reads the standards with their status', () => {
  const fromStandards = (date: string, person: Partial<EligibilityFacts['person']> = {}) => {
    const s = standardsFor(library.standards, secretary, date);
    return facts(
      {
        requiredTheory: s.theory,
        requiredEducation: s.education,
        requiredStateManagement: s.stateManagement,
        requiredPriorPostMonths: s.priorPostMonths,
        standardSources: s.sources,
      },
      person,
    );
  };

  it('a gap against a confirmed standard blocks, citing where the standard comes from', () => {
    const v = verdictOf(fromStandards('2026-01-01'), '2026-01-01');
    expect(v.status).toBe('failed');
    expect(v.detail.vi).toContain('45-HD/BTCTW');
  });

  it('the same gap against an unconfirmed standard only warns', () => {
    const v = verdictOf(fromStandards('2025-06-01'), '2025-06-01');
    expect(v.status).toBe('warning');
    expect(v.detail.vi).toContain('chưa xác minh');
  });

  it('meeting the standard passes', () => {
    expect(verdictOf(fromStandards('2026-01-01', { politicalTheory: 'cu_nhan' }), '2026-01-01').status).toBe('passed');
  });

  it('prior posts: 11 months short of 12 fails a confirmed requirement, 12 passes, unknown only warns', () => {
    const typed = (priorPostMonths: number | null) =>
      facts({ requiredPriorPostMonths: 12 }, { politicalTheory: 'cao_cap', priorPostMonths });
    expect(verdictOf(typed(11), '2026-01-01').status).toBe('failed');
    expect(verdictOf(typed(12), '2026-01-01').status).toBe('passed');
    expect(verdictOf(typed(null), '2026-01-01').status).toBe('warning');
  });
});
