import type { Kysely, Transaction } from 'kysely';
import type { AuditHeadTable, AuditLogTable } from '../features/audit/audit.table';
import type { OrganizationTable } from '../features/organizations/organization.table';
import type { SessionTable, UserGrantTable, UserTable } from '../features/users/user.table';
import type { VotePaperEntryTable, VoteSessionTable, VoteSubjectTable } from '../features/votes/vote.table';

export interface Database {
  organizations: OrganizationTable;
  users: UserTable;
  user_grants: UserGrantTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  vote_sessions: VoteSessionTable;
  vote_subjects: VoteSubjectTable;
  vote_paper_entries: VotePaperEntryTable;
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
