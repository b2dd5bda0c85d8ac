import type { Kysely, Transaction } from 'kysely';
import type { AuditHeadTable, AuditLogTable } from '../features/audit/audit.table';
import type {
  EvaluationCycleTable,
  EvaluationGroupTable,
  EvaluationStepTable,
  EvaluationTable,
  EvaluationTaskTable,
} from '../features/evaluations/evaluation.table';
import type { PersonDeclarationTable, PersonPhotoTable, PersonTable, PersonVersionTable } from '../features/persons/person.table';
import type { OrganizationTable } from '../features/organizations/organization.table';
import type { SessionTable, UserGrantTable, UserTable } from '../features/users/user.table';

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
  persons: PersonTable;
  person_versions: PersonVersionTable;
  person_photos: PersonPhotoTable;
  person_declarations: PersonDeclarationTable;
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
