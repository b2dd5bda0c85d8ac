import type { ConfidenceVoteFact, EDUCATION_LEVELS, EligibilityFacts } from '../../../contracts/policy';
import type { PersonRecord } from '../../../contracts/persons';

type Education = (typeof EDUCATION_LEVELS)[number];
export type RatingFact = EligibilityFacts['person']['ratings'][number];
const EDUCATION_OF: Record<PersonRecord['professionalLevel'], Education> = {
  none: 'none',
  so_cap: 'none',
  trung_cap: 'trung_cap',
  cao_dang: 'cao_dang',
  dai_hoc: 'dai_hoc',
  thac_si: 'thac_si',
  tien_si: 'tien_si',
  tien_si_khoa_hoc: 'tien_si',
};
const WAIT_LEVELS = new Set(['khien_trach', 'canh_cao', 'cach_chuc']);
const fullDate = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);

/**
 * The eligibility engine's facts from a 2C record, the person's current seat and the target seat. The title
 * catalog holds no qualification standards yet, so the target's required levels are "none" (those checks pass);
 * the ratings are those the officer declared at the start, else the evaluation records'; the confidence votes are the
 * published ones the acting user may read (the low-vote rule).
 */
export function eligibilityFactsOf(input: {
  record: PersonRecord;
  current: { rankOrder: number; since: string } | null;
  target: { rankOrder: number; titleName: string };
  inPlan: boolean;
  ratings: RatingFact[];
  politicalStandardConcluded: boolean;
  /** the published confidence votes on the person, as the caller may read them */
  confidenceVotes: ConfidenceVoteFact[];
}): EligibilityFacts {
  const r = input.record;
  return {
    person: {
      sex: r.sex,
      birth: r.birthDate,
      femaleLeaderTo60: false,
      currentTitleRank: input.current ? Math.min(20, Math.max(1, input.current.rankOrder)) : null,
      currentPostSince: input.current?.since ?? null,
      disciplines: r.discipline
        .filter((d) => WAIT_LEVELS.has(d.level))
        .map((d) => ({ level: d.level as 'khien_trach' | 'canh_cao' | 'cach_chuc', decidedOn: fullDate(d.date) })),
      politicalTheory: r.theoryLevel,
      education: EDUCATION_OF[r.professionalLevel],
      stateManagement: r.stateManagement,
      ratings: input.ratings,
      inPlanForTitle: input.inPlan,
      politicalStandardConcluded: input.politicalStandardConcluded,
      confidenceVotes: input.confidenceVotes,
    },
    target: {
      titleName: input.target.titleName,
      rank: Math.min(20, Math.max(1, input.target.rankOrder)),
      requiredTheory: 'none',
      requiredEducation: 'none',
      requiredStateManagement: 'none',
      specialCase: false,
    },
    purpose: 'appointment',
  };
}
