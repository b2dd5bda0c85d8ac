import type { Selectable } from 'kysely';
import type { ActionKind, ProcessStatus, RecusalRole, Source, StepStatus } from '../../../contracts/decisions';
import type { PostCategory } from '../../../contracts/positions';
import type { Track } from '../../../contracts/policy';

/** A personnel process: the action on a person and a seat, its rule, deadlines and, once taken, the decision. */
export interface DecisionProcessTable {
  id: string;
  organization_id: string;
  action: ActionKind;
  source: Source;
  track: Track;
  person_id: string;
  person_name: string;
  position_id: string;
  /** the process rule in force on started_on */
  rule_id: string;
  started_on: string;
  in_plan: number;
  /** [{ year, level }] declared at the start */
  ratings_json: string;
  status: ProcessStatus;
  policy_deadline: string | null;
  process_deadline: string;
  last_activity_on: string;
  note: string | null;
  /** who prepared the dossier: may not approve it (separation of duties) */
  prepared_by: string;
  created_at: string;
  decision_number: string | null;
  decision_date: string | null;
  effective_date: string | null;
  signer_name: string | null;
  decided_by: string | null;
  decided_at: string | null;
  /** verdicts taken at the start (JSON Verdict[]) */
  start_verdicts_json: string;
  /** the approved local policy packs in force for the organization at the start (JSON string[]) */
  local_pack_ids_json: string;
  cancel_reason: string | null;
  cancelled_on: string | null;
  cancelled_by: string | null;
}
export type DecisionProcessRow = Selectable<DecisionProcessTable>;

export interface DecisionStepTable {
  id: string;
  process_id: string;
  ordinal: number;
  key: string;
  status: StepStatus;
  vote_session_id: string | null;
  /** those summoned after the recused were taken out */
  summoned: number | null;
  outcome: string | null;
  verdicts_json: string;
  minutes_ref: string | null;
  documents_json: string;
  head_choice: string | null;
  completed_on: string | null;
  completed_by: string | null;
}
export type DecisionStepRow = Selectable<DecisionStepTable>;

export interface DecisionDossierItemTable {
  id: string;
  process_id: string;
  key: string;
  document_date: string;
  reference: string;
  recorded_by: string;
  recorded_at: string;
}
export type DecisionDossierItemRow = Selectable<DecisionDossierItemTable>;

export interface DecisionRecusalTable {
  id: string;
  process_id: string;
  role: RecusalRole;
  step_key: string | null;
  person_id: string | null;
  full_name: string;
  relation: string | null;
  reason: string | null;
  recorded_by: string;
  recorded_at: string;
}
export type DecisionRecusalRow = Selectable<DecisionRecusalTable>;

export interface DecisionOverrideTable {
  id: string;
  process_id: string;
  rule_id: string;
  authority: string;
  decision_ref: string;
  decided_on: string;
  reason: string;
  recorded_by: string;
  recorded_at: string;
}
export type DecisionOverrideRow = Selectable<DecisionOverrideTable>;

/** A ground claimed (dismissal, resignation, relief) or a case postponing a reappointment, with its document. */
export interface DecisionCircumstanceTable {
  id: string;
  process_id: string;
  key: string;
  /** the document's date, or the start of the case */
  from_date: string;
  /** the end of the case (a stay abroad, in hospital), when known */
  to_date: string | null;
  reference: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}
export type DecisionCircumstanceRow = Selectable<DecisionCircumstanceTable>;

/** A seat's own sensitive post category over [valid_from, valid_to); null: the title's applies. */
export interface PositionCategoryVersionTable {
  id: string;
  position_id: string;
  post_category: PostCategory | null;
  valid_from: string;
  valid_to: string | null;
  reason: string | null;
  set_by: string | null;
  created_at: string;
}
