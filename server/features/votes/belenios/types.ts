// JSON structures of the Belenios 2.0 specification (section 4). Numbers are decimal strings on the wire.
export interface Proof {
  challenge: string;
  response: string;
}
export interface Ciphertext {
  alpha: string;
  beta: string;
}
export interface HomomorphicQuestion {
  answers: string[];
  blank?: boolean;
  min: number;
  max: number;
  question: string;
}
export interface Election {
  version: number;
  description: string;
  name: string;
  group: string;
  public_key: string;
  questions: HomomorphicQuestion[];
  uuid: string;
  administrator?: string;
  credential_authority?: string;
}
export interface TrusteePublicKey {
  pok: Proof;
  public_key: string;
  name?: string;
}
export interface SignedMsg {
  message: string;
  signature: Proof;
}
export interface ThresholdParameters {
  threshold: number;
  certs: SignedMsg[];
  coefexps: SignedMsg[];
  verification_keys: TrusteePublicKey[];
}
export type TrusteeKind = ['Single', TrusteePublicKey] | ['Pedersen', ThresholdParameters];
export type Trustees = TrusteeKind[];
export interface AnswerH {
  choices: Ciphertext[];
  individual_proofs: Proof[][];
  overall_proof: Proof[];
  blank_proof?: Proof[];
}
export interface Ballot {
  election_uuid: string;
  election_hash: string;
  credential: string;
  answers: AnswerH[];
  signature?: { hash: string; proof: Proof };
}
export type EncryptedTally = Ciphertext[][];
export interface SizedEncryptedTally {
  num_tallied: number;
  total_weight: number;
  encrypted_tally: string;
}
export interface PartialDecryption {
  decryption_factors: string[][];
  decryption_proofs: Proof[][];
}
export interface OwnedPayload {
  owner: number;
  payload: string;
}
export interface ElectionResult {
  result: number[][];
}
export interface SetupData {
  election: string;
  trustees: string;
  credentials: string;
}
export type EventType =
  'Setup' | 'Ballot' | 'EndBallots' | 'EncryptedTally' | 'Shuffle' | 'EndShuffles' | 'PartialDecryption' | 'Result';
export interface ArchiveEvent {
  parent?: string;
  height: number;
  type: EventType;
  payload?: string;
}
