import type { Selectable } from 'kysely';
import type { StateManagementLevel, TheoryLevel, TrainingForm } from '../../../contracts/person-catalogs';
import type { CourseKind, EnrolmentStatus } from '../../../contracts/training';

export interface TrainingCourseTable {
  id: string;
  organization_id: string;
  kind: CourseKind;
  name: string;
  theory_level: TheoryLevel | null;
  state_management_level: StateManagementLevel | null;
  provider: string;
  starts_on: string;
  ends_on: string;
  form: TrainingForm;
  created_at: string;
}

export interface TrainingEnrolmentTable {
  id: string;
  course_id: string;
  person_id: string;
  status: EnrolmentStatus;
  due_by: string | null;
  completed_on: string | null;
  result: string | null;
  certificate_no: string | null;
  /** the person declaration (records approval flow) the completion proposed */
  declaration_id: string | null;
  created_at: string;
}

export type CourseRow = Selectable<TrainingCourseTable>;
export type EnrolmentRow = Selectable<TrainingEnrolmentTable>;
