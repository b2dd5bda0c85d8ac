import type { Kysely, Transaction } from 'kysely';
import type { AuditHeadTable, AuditLogTable } from '../features/audit/audit.table';
import type { TrainingCourseTable, TrainingEnrolmentTable } from '../features/training/training.table';
import type {
  EvaluationCycleTable,
  EvaluationGroupTable,
  EvaluationStepTable,
  EvaluationTable,
  EvaluationTaskTable,
} from '../features/evaluations/evaluation.table';
import type { AdministrativeUnitMappingTable, AdministrativeUnitTable } from '../features/admin-units/admin-unit.table';
import type {
  OrganizationSuccessionTable,
  OrganizationTable,
  OrganizationVersionTable,
} from '../features/organizations/organization.table';
import type { RestructuringEventTable } from '../features/restructuring/restructuring.table';
import type {
  JobPositionAssignmentTable,
  JobPositionTable,
  StaffingQuotaTable,
  StaffingQuotaVersionTable,
  JobPositionVersionTable,
} from '../features/staffing/staffing.table';
import type { PositionIncumbentTable, PositionTable, PositionVersionTable } from '../features/positions/position.table';
import type { TitleCatalogTable, TitleTable } from '../features/titles/title.table';
import type { EligibilityFactsTable, PolicyLocalApprovalTable } from '../features/policy/policy.table';
import type {
  PersonDeclarationTable,
  PersonNameTokenTable,
  PersonPhotoTable,
  PersonTable,
  PersonVersionTable,
} from '../features/persons/person.table';
import type {
  AttachmentTable,
  DocumentReferenceTable,
  DocumentRelationTable,
  DocumentTable,
} from '../features/documents/document.table';
import type {
  ProgrammeItemCoordinatorTable,
  ProgrammeItemResponsibleTable,
  ProgrammeItemTable,
  ProgrammeMilestoneTable,
} from '../features/programme/programme.table';
import type { SessionTable, UserGrantTable, UserTable } from '../features/users/user.table';
import type {
  VoteBoardBallotTable,
  VoteAuditedCiphertextTable,
  VoteBoardCiphertextTable,
  VoteBoardTable,
  VoteConsequenceTaskTable,
  VotePaperEntryTable,
  VoteSessionTable,
  VoteSubjectTable,
  VoteTrusteeTable,
  VoteVoterTable,
} from '../features/votes/vote.table';
import type {
  PlanningCandidateTable,
  PlanningCycleTable,
  PlanningExceptionTable,
  PlanningPlanTable,
  PlanningRecordPartsTable,
  PlanningReviewTable,
  PlanningRoundResultTable,
  PlanningRoundTable,
} from '../features/planning/planning.table';
import type {
  DecisionDossierItemTable,
  DecisionOverrideTable,
  DecisionCircumstanceTable,
  PositionCategoryVersionTable,
  DecisionProcessTable,
  DecisionRecusalTable,
  DecisionStepTable,
} from '../features/decisions/decision.table';

import type { StaffPlacementTable } from '../features/staffing/placement.table';

export interface Database {
  organizations: OrganizationTable;
  users: UserTable;
  user_grants: UserGrantTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  evaluation_cycles: EvaluationCycleTable;
  evaluation_groups: EvaluationGroupTable;
  evaluations: EvaluationTable;
  evaluation_tasks: EvaluationTaskTable;
  evaluation_steps: EvaluationStepTable;
  training_courses: TrainingCourseTable;
  training_enrolments: TrainingEnrolmentTable;
  title_catalogs: TitleCatalogTable;
  titles: TitleTable;
  positions: PositionTable;
  position_versions: PositionVersionTable;
  position_incumbents: PositionIncumbentTable;
  organization_versions: OrganizationVersionTable;
  organization_successions: OrganizationSuccessionTable;
  restructuring_events: RestructuringEventTable;
  administrative_units: AdministrativeUnitTable;
  administrative_unit_mappings: AdministrativeUnitMappingTable;
  staffing_quotas: StaffingQuotaTable;
  staffing_quota_versions: StaffingQuotaVersionTable;
  job_position_versions: JobPositionVersionTable;
  job_positions: JobPositionTable;
  job_position_assignments: JobPositionAssignmentTable;
  staff_placements: StaffPlacementTable;
  policy_local_approvals: PolicyLocalApprovalTable;
  eligibility_facts: EligibilityFactsTable;
  planning_record_parts: PlanningRecordPartsTable;
  persons: PersonTable;
  person_versions: PersonVersionTable;
  person_photos: PersonPhotoTable;
  person_declarations: PersonDeclarationTable;
  person_name_tokens: PersonNameTokenTable;
  vote_sessions: VoteSessionTable;
  vote_subjects: VoteSubjectTable;
  vote_paper_entries: VotePaperEntryTable;
  programme_items: ProgrammeItemTable;
  programme_item_coordinators: ProgrammeItemCoordinatorTable;
  programme_item_responsible: ProgrammeItemResponsibleTable;
  programme_milestones: ProgrammeMilestoneTable;
  documents: DocumentTable;
  document_relations: DocumentRelationTable;
  document_references: DocumentReferenceTable;
  attachments: AttachmentTable;
  vote_voters: VoteVoterTable;
  vote_trustees: VoteTrusteeTable;
  vote_board: VoteBoardTable;
  vote_board_ballots: VoteBoardBallotTable;
  vote_board_ciphertexts: VoteBoardCiphertextTable;
  vote_audited_ciphertexts: VoteAuditedCiphertextTable;
  vote_consequence_tasks: VoteConsequenceTaskTable;
  planning_cycles: PlanningCycleTable;
  planning_plans: PlanningPlanTable;
  planning_candidates: PlanningCandidateTable;
  planning_exceptions: PlanningExceptionTable;
  planning_rounds: PlanningRoundTable;
  planning_round_results: PlanningRoundResultTable;
  planning_reviews: PlanningReviewTable;
  decision_processes: DecisionProcessTable;
  decision_steps: DecisionStepTable;
  decision_dossier_items: DecisionDossierItemTable;
  decision_recusals: DecisionRecusalTable;
  decision_overrides: DecisionOverrideTable;
  decision_circumstances: DecisionCircumstanceTable;
  position_category_versions: PositionCategoryVersionTable;
}

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;

/** A database handle plus the facts repositories need about it. */
export interface DbContext {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}
