import type { Selectable } from 'kysely';
import type { JobPositionCategory, StaffingCategory } from '../../../contracts/staffing';

/** The staffing quota (biên chế) of a unit for a year and category, and the actual count reported. */
export interface StaffingQuotaTable {
  id: string;
  organization_id: string;
  year: number;
  category: StaffingCategory;
  quota: number;
  actual: number | null;
  /** set when a restructuring event created the row (reverting it removes the row) */
  event_id: string | null;
  created_at: string;
}
export type StaffingQuotaRow = Selectable<StaffingQuotaTable>;

/** A job position (vị trí việc làm) of a unit. */
export interface JobPositionTable {
  id: string;
  organization_id: string;
  name: string;
  category: JobPositionCategory;
  required_rank: string;
  count: number;
  valid_from: string;
  valid_to: string | null;
  /** the restructuring event that opened this row (null: entered by hand) */
  opened_by_event_id: string | null;
  created_at: string;
}
export type JobPositionRow = Selectable<JobPositionTable>;

export interface JobPositionAssignmentTable {
  id: string;
  job_position_id: string;
  /** ULID of the person; no foreign key until the persons table exists (issue 4) */
  person_id: string;
  person_name: string;
  from_date: string;
  to_date: string | null;
  /** the restructuring event that opened this row (null: entered by hand) */
  opened_by_event_id: string | null;
  created_at: string;
}
export type JobPositionAssignmentRow = Selectable<JobPositionAssignmentTable>;

/** A quota's figure over [valid_from, valid_to) within its year; the quota row holds the latest. */
export interface StaffingQuotaVersionTable {
  id: string;
  quota_id: string;
  quota: number;
  valid_from: string;
  valid_to: string | null;
  decision_ref: string | null;
  /** the restructuring event that set this figure */
  event_id: string | null;
  created_at: string;
}
export type StaffingQuotaVersionRow = Selectable<StaffingQuotaVersionTable>;

/** A job position's head count over [valid_from, valid_to); the job position row holds the latest. */
export interface JobPositionVersionTable {
  id: string;
  job_position_id: string;
  count: number;
  valid_from: string;
  valid_to: string | null;
  decision_ref: string | null;
  /** the restructuring event that set this count */
  event_id: string | null;
  created_at: string;
}
export type JobPositionVersionRow = Selectable<JobPositionVersionTable>;
