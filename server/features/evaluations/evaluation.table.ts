import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  CycleKind,
  EvaluationStatus,
  RatingLevel,
  StepKind,
  SubjectGroup,
  TaskOutcome,
  Track,
} from '../../../contracts/evaluations';

export interface EvaluationCycleTable {
  id: string;
  organization_id: string;
  kind: CycleKind;
  track: Track;
  year: number;
  quarter: number | null;
  title: string;
  /** the date whose rules judge the cycle (end of its period) */
  policy_date: string;
  closed: number;
  created_by: string | null;
  created_at: string;
}

/** A group of similar roles compared under one excellent quota; its definition is words an auditor can read. */
export interface EvaluationGroupTable {
  id: string;
  cycle_id: string;
  name: string;
  definition: string;
  outstanding_unit: number;
  created_at: string;
}

export interface EvaluationTable {
  id: string;
  cycle_id: string;
  group_id: string | null;
  person_id: string;
  /** the name as written on the form */
  person_name: string;
  organization_id: string;
  subject_group: SubjectGroup;
  status: EvaluationStatus;
  self_score_json: string | null;
  self_points_tenths: number | null;
  appraisal_score_json: string | null;
  appraisal_points_tenths: number | null;
  facts_json: string | null;
  /** the highest level the policy allows after appraisal */
  proposed_level: RatingLevel | null;
  verdicts_json: string | null;
  decided_level: RatingLevel | null;
  created_at: string;
  updated_at: string;
}

export interface EvaluationTaskTable {
  id: string;
  evaluation_id: string;
  title: string;
  due_on: string;
  done_on: string | null;
  outcome: TaskOutcome;
  created_at: string;
}

export interface EvaluationStepTable {
  id: string;
  evaluation_id: string;
  kind: StepKind;
  actor_id: string | null;
  at: string;
  comment: string | null;
  points_tenths: number | null;
  level: RatingLevel | null;
}

export type CycleRow = Selectable<EvaluationCycleTable>;
export type NewCycleRow = Insertable<EvaluationCycleTable>;
export type GroupRow = Selectable<EvaluationGroupTable>;
export type EvaluationRow = Selectable<EvaluationTable>;
export type NewEvaluationRow = Insertable<EvaluationTable>;
export type EvaluationUpdate = Updateable<EvaluationTable>;
export type TaskRow = Selectable<EvaluationTaskTable>;
export type StepRow = Selectable<EvaluationStepTable>;
