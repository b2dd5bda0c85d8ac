import type { EligibilityFacts } from '../../../contracts/policy';
import { DISCIPLINE_WAIT_LEVELS as WAITS } from '../policy/eligibility.batch.rules';

/**
 * The engine's planning facts of a made-up person for a target title (rules tests and the bench); stored people get
 * theirs from factsFromRecord. `levelsBelow` steps under the target's rank give the subject group.
 */
export function buildPlanningFacts(input: {
  sex: 'M' | 'F';
  birth: string;
  levelsBelow: number | null;
  targetRankOrder: number;
  targetTitleName: string;
  politicalTheory: EligibilityFacts['person']['politicalTheory'];
  stateManagement: EligibilityFacts['person']['stateManagement'];
  disciplines: { level: string; date: string }[];
  planningReference: string | null;
  requiredTheory: EligibilityFacts['target']['requiredTheory'];
}): EligibilityFacts {
  return {
    person: {
      sex: input.sex,
      birth: input.birth,
      femaleLeaderTo60: false,
      currentTitleRank: input.levelsBelow === null ? null : input.targetRankOrder + input.levelsBelow,
      currentPostSince: null,
      disciplines: input.disciplines
        .filter((d): d is { level: (typeof WAITS)[number]; date: string } => (WAITS as readonly string[]).includes(d.level))
        .map((d) => ({ level: d.level, decidedOn: d.date })),
      politicalTheory: input.politicalTheory,
      education: 'none',
      stateManagement: input.stateManagement,
      ratings: [],
      inPlanForTitle: false,
      politicalStandardConcluded: false,
    },
    target: {
      titleName: input.targetTitleName,
      rank: input.targetRankOrder,
      requiredTheory: input.requiredTheory,
      requiredEducation: 'none',
      requiredStateManagement: 'none',
      ...(input.planningReference ? { planningReference: input.planningReference } : {}),
      specialCase: false,
    },
    purpose: 'planning',
  };
}
