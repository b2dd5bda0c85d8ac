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

/** The hard-filter facts of a person (derived from `persons` by triggers; never written by the application). */
export interface EligibilityFactsTable {
  person_id: string;
  sex: 'M' | 'F';
  /** the earliest day the recorded birth date can mean */
  birth_date: string;
  theory_level: string;
  professional_level: string;
  state_management: string;
  party_member: number;
  current_title_code: string | null;
  female_leader_60: number;
  discipline_khien_trach: string | null;
  discipline_canh_cao: string | null;
  discipline_cach_chuc: string | null;
}
