import type { Insertable, Selectable } from 'kysely';
import type { CommitteeKind, CycleStatus, PlanKind, PlanningLevel, Readiness } from '../../../contracts/planning';
import type { RoundSource, RoundStep } from '../../../contracts/planning-work';
import type { Track } from '../../../contracts/policy';

export interface PlanningCycleTable {
  id: string;
  organization_id: string;
  name: string;
  term_from: number;
  term_to: number;
  level: PlanningLevel;
  track: Track;
  approving_authority: string;
  /** The date whose rule pack judges the plan. */
  policy_date: string;
  reference_key: string | null;
  /** Ages and months before retirement are measured at this date. */
  reference_date: string;
  status: CycleStatus;
  created_by: string | null;
  created_at: string;
}

export interface PlanningPlanTable {
  id: string;
  cycle_id: string;
  kind: PlanKind;
  organization_id: string;
  position_id: string | null;
  title_id: string | null;
  committee_kind: CommitteeKind | null;
  statutory_size: number | null;
  created_at: string;
}

/** A person in a plan over [added_on, removed_on): removal keeps the row and its reason. */
export interface PlanningCandidateTable {
  id: string;
  plan_id: string;
  cycle_id: string;
  person_id: string;
  target_title_id: string | null;
  readiness: Readiness;
  rank: number;
  emergency: number;
  proposed_for_appointment: number;
  notes: string | null;
  added_on: string;
  removed_on: string | null;
  removal_reason: string | null;
  created_at: string;
}

export interface PlanningExceptionTable {
  id: string;
  cycle_id: string;
  plan_id: string | null;
  rule_id: string;
  person_id: string | null;
  decision_ref: string;
  decided_by: string;
  decided_on: string;
  reason: string;
  recorded_by: string | null;
  created_at: string;
}

/** One step of the planning process for a plan (leadership proposal, key-cadre conference, …) with its vote. */
export interface PlanningRoundTable {
  id: string;
  cycle_id: string;
  plan_id: string;
  step: RoundStep;
  held_on: string;
  /** paper: the counts of the minutes typed here; vote_session: read from a closed session of "Confidence votes" */
  source: RoundSource;
  vote_session_id: string | null;
  summoned: number;
  present: number;
  participants: string;
  /** [{ ref, title }]: minutes, reports, ballots' record */
  documents_json: string;
  created_by: string | null;
  created_at: string;
}

export interface PlanningRoundResultTable {
  round_id: string;
  person_id: string;
  agree: number;
  disagree: number;
  /** whether the count met the policy threshold (kept as judged on the day) */
  passed: number;
}

/** A yearly review: the lists before and after and every keep/add/remove with its reason. */
export interface PlanningReviewTable {
  id: string;
  cycle_id: string;
  year: number;
  reviewed_on: string;
  note: string | null;
  before_json: string;
  after_json: string;
  changes_json: string;
  created_by: string | null;
  created_at: string;
}

/** What the planning rules read of each record, kept by triggers on persons (migration 20261128_1400). */
export interface PlanningRecordPartsTable {
  person_id: string;
  parts_json: string;
}

export type CycleRow = Selectable<PlanningCycleTable>;
export type PlanRow = Selectable<PlanningPlanTable>;
export type CandidateRow = Selectable<PlanningCandidateTable>;
export type NewCandidateRow = Insertable<PlanningCandidateTable>;
export type ExceptionRow = Selectable<PlanningExceptionTable>;
export type RoundRow = Selectable<PlanningRoundTable>;
export type RoundResultRow = Selectable<PlanningRoundResultTable>;
export type ReviewRow = Selectable<PlanningReviewTable>;
