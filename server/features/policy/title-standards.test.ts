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

  it('theory and state management come from policy/training, one source with training needs', () => {
    const s = standardsFor(library.standards, secretary, '2026-01-01');
    expect(s).toMatchObject({
      theory: 'cao_cap',
      stateManagement: 'chuyen_vien_cao_cap',
      education: 'none',
      priorPostMonths: null,
    });
    expect(s.sources.map((x) => [x.requirement, x.entryId, x.confirmed])).toEqual([
      ['theory', 'training:title-standards-2025:secretariat', true],
      ['stateManagement', 'training:title-standards-2025:secretariat', true],
    ]);
    expect(s.sources[0]!.citation.text).toContain('214-QĐ/TW');
  });

  it('each requirement from its most specific source: the title row, then its managing authority', () => {
    const s = standardsFor(library.standards, director, '2026-01-01');
    expect(s).toMatchObject({
      theory: 'cao_cap',
      education: 'dai_hoc',
      stateManagement: 'chuyen_vien_chinh',
      priorPostMonths: 12,
    });
    expect(Object.fromEntries(s.sources.map((x) => [x.requirement, x.entryId]))).toEqual({
      theory: 'training:title-standards-2025:GIAM_DOC_SO',
      education: 'provincial.education',
      stateManagement: 'training:title-standards-2025:GIAM_DOC_SO',
      priorPostMonths: 'department-head.prior-post',
    });
    expect(s.sources.every((x) => !x.confirmed)).toBe(true);
  });

  it('nothing is required before a standard takes effect', () => {
    expect(standardsFor(library.standards, director, '2016-01-01')).toMatchObject({
      theory: 'none',
      education: 'none',
      sources: [],
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
  const fromStandards = (title: typeof secretary, date: string, person: Partial<EligibilityFacts['person']> = {}) => {
    const s = standardsFor(library.standards, title, date);
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
    const v = verdictOf(fromStandards(secretary, '2026-01-01'), '2026-01-01');
    expect(v.status).toBe('failed');
    expect(v.detail.vi).toContain('214-QĐ/TW');
  });

  it('a gap against an unconfirmed standard only warns', () => {
    const v = verdictOf(fromStandards(director, '2026-01-01', { politicalTheory: 'cao_cap', priorPostMonths: 0 }), '2026-01-01');
    expect(v.status).toBe('warning');
    expect(v.detail.vi).toContain('chưa xác minh');
  });

  it('meeting the standard passes', () => {
    const met = { politicalTheory: 'cu_nhan', stateManagement: 'chuyen_vien_cao_cap' } as const;
    expect(verdictOf(fromStandards(secretary, '2026-01-01', met), '2026-01-01').status).toBe('passed');
  });

  it('prior posts: 11 months short of 12 fails a confirmed requirement, 12 passes, unknown only warns', () => {
    const typed = (priorPostMonths: number | null) =>
      facts({ requiredPriorPostMonths: 12 }, { politicalTheory: 'cao_cap', priorPostMonths });
    expect(verdictOf(typed(11), '2026-01-01').status).toBe('failed');
    expect(verdictOf(typed(12), '2026-01-01').status).toBe('passed');
    expect(verdictOf(typed(null), '2026-01-01').status).toBe('warning');
  });
});

describe('citation dates the brief does not give', () => {
  it('are flagged in the citation; a date the brief gives is not', () => {
    const rule = (pack: string, id: string) => library.packs.find((p) => p.id === pack)!.rules.find((r) => r.id === id)!;
    expect(rule('national-2023', 'appointment.months-in-post').citation).toMatchObject({ dateUnconfirmed: true });
    expect(rule('national-2025', 'appointment.months-in-post').citation.dateUnconfirmed).toBeUndefined();
  });
});
