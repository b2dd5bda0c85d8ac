import type { Generated, Insertable, Selectable } from 'kysely';
import type {
  BallotShape,
  ExemptionReason,
  PolicyTrack,
  VoteConsequence,
  VoteKind,
  VoteMode,
  VoteStatus,
} from '../../../contracts/votes';

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
  /** defaults to levels in the database (sessions made before ballot shapes) */
  ballot_shape: Generated<BallotShape>;
  /** choice: how many names a ballot may mark */
  max_choices: number | null;
  /** when the result was confirmed (paper) or decrypted (electronic) and the consequences were raised */
  published_at: string | null;
  /** confidence votes: the voter-group verdict (contracts/vote-voter-groups) at set-up, as JSON */
  voter_group_rule_json: string | null;
}
export type VoteSessionRow = Selectable<VoteSessionTable>;
export type NewVoteSessionRow = Insertable<VoteSessionTable>;

export interface VoteSubjectTable {
  id: string;
  session_id: string;
  ordinal: number;
  full_name: string;
  title_text: string;
  /** the person record voted on (name and title copied as they were on the ballot); null for a name without a record */
  person_id: string | null;
  /** the catalog code of the title held (peers are compared by it) */
  title_code: string | null;
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

export interface VoteConsequenceTaskTable {
  id: string;
  session_id: string;
  subject_id: string;
  person_id: string | null;
  organization_id: string;
  rule_id: string;
  citation: string;
  consequence: VoteConsequence;
  detail_vi: string;
  detail_en: string;
  status: 'open' | 'handled';
  raised_at: string;
  handled_by: string | null;
  handled_at: string | null;
  handled_ref: string | null;
}
export type VoteConsequenceTaskRow = Selectable<VoteConsequenceTaskTable>;

/** The board's ballots, indexed: the event row, its tracker, and a digest of the (public) credential. */
export interface VoteBoardBallotTable {
  session_id: string;
  seq: number;
  tracker: string;
  credential_hash: string;
}
/** Every ciphertext (alpha) on the board once: a ballot repeating one is a replay. */
export interface VoteBoardCiphertextTable {
  session_id: string;
  alpha_hash: string;
}
/** A ciphertext (alpha) of a ballot its voter opened to check (Benaloh audit): such a ballot is never cast. */
export interface VoteAuditedCiphertextTable {
  session_id: string;
  alpha_hash: string;
}
