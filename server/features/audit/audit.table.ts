import type { Insertable, Selectable } from 'kysely';

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  organization_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}
export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;

/** One row: the chain's head, locked by every append so entries are chained in order. */
export interface AuditHeadTable {
  id: number;
  last_seq: number;
  last_hash: string;
}
