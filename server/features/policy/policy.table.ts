import type { Insertable, Selectable } from 'kysely';

export interface PolicyLocalApprovalTable {
  id: string;
  pack_id: string;
  /** SHA-256 of the pack's canonical JSON: an edited pack needs a new approval. */
  pack_hash: string;
  organization_id: string;
  approved_by: string;
  approved_at: string;
  note: string;
}
export type PolicyLocalApprovalRow = Selectable<PolicyLocalApprovalTable>;
export type NewPolicyLocalApprovalRow = Insertable<PolicyLocalApprovalTable>;
