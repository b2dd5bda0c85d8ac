import type { Insertable, Selectable } from 'kysely';
import type { ExemptionReason, PolicyTrack, VoteKind, VoteMode, VoteStatus } from '../../../contracts/votes';

export interface VoteSessionTable {
  id: string;
  organization_id: string;
  kind: VoteKind;
  mode: VoteMode;
  track: PolicyTrack;
  title: string;
  vote_date: string;
  voter_group: string;
  summoned_count: number;
  status: VoteStatus;
  /** the paper count both tally members entered identically */
  confirmed_count_json: string | null;
  /** SHA-256 printed on the count record: of the confirmed count (paper) or the archive's last event (electronic) */
  board_hash: string | null;
  created_by: string;
  created_at: string;
  /** electronic mode: the Belenios uuid, the election JSON voters encrypt for, t of n, the published trustees */
  election_uuid: string | null;
  raw_election: string | null;
  threshold: number | null;
  trustees_json: string | null;
}
export type VoteSessionRow = Selectable<VoteSessionTable>;
export type NewVoteSessionRow = Insertable<VoteSessionTable>;

export interface VoteSubjectTable {
  id: string;
  session_id: string;
  ordinal: number;
  full_name: string;
  title_text: string;
  /** person records are built in parallel; until then a subject is a name and a title */
  person_id: string | null;
  exemption_reason: ExemptionReason | null;
  exemption_note: string | null;
}
export type VoteSubjectRow = Selectable<VoteSubjectTable>;

export interface VotePaperEntryTable {
  id: string;
  session_id: string;
  user_id: string;
  entered_at: string;
  count_json: string;
}
export type VotePaperEntryRow = Selectable<VotePaperEntryTable>;

export interface VoteVoterTable {
  session_id: string;
  user_id: string;
  /** g^secret(credential): the credential itself stays with the voter */
  public_credential: string | null;
}
export interface VoteTrusteeTable {
  session_id: string;
  ordinal: number;
  user_id: string;
  cert_json: string | null;
  polynomial_json: string | null;
  voutput_json: string | null;
}
export type VoteTrusteeRow = Selectable<VoteTrusteeTable>;
export interface VoteBoardTable {
  session_id: string;
  seq: number;
  name: string;
  content: string;
}
export type VoteBoardRow = Selectable<VoteBoardTable>;
