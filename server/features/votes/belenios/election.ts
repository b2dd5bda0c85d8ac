// Building an election the way belenios-tool does: the election JSON, setup data, the archive's first events, and
// the tally steps run by the server. Everything here handles public data only.
import { ArchiveWriter } from './archive';
import { GROUP_NAME, randomBase58 } from './group';
import { verifyTrustees } from './trustees';
import type { Election, EncryptedTally, HomomorphicQuestion, PartialDecryption, Trustees } from './types';

export const newElectionUuid = (): string => randomBase58(14);

/** The election JSON in the reference field order; its exact bytes are what the fingerprint covers. */
export function makeElection(input: {
  uuid: string;
  name: string;
  description: string;
  questions: HomomorphicQuestion[];
  trustees: Trustees;
}): string {
  const y = verifyTrustees(input.trustees);
  const election: Election = {
    version: 1,
    description: input.description,
    name: input.name,
    group: GROUP_NAME,
    public_key: y.toString(),
    questions: input.questions.map((qq) => ({ answers: qq.answers, min: qq.min, max: qq.max, question: qq.question })),
    uuid: input.uuid,
  };
  return JSON.stringify(election);
}

/** Public credentials as published: sorted decimal strings (weights are not used). */
export const publicCredentialsJson = (creds: string[]): string => JSON.stringify([...creds].sort());

/** Starts an archive with election, trustees, credentials, setup data and the Setup event. */
export function startArchive(timestamp: number, rawElection: string, trustees: Trustees, credentialsJson: string): ArchiveWriter {
  const w = new ArchiveWriter(timestamp);
  const election = w.data(rawElection);
  const trusteesHash = w.data(JSON.stringify(trustees));
  const credentials = w.data(credentialsJson);
  w.event('Setup', w.data(JSON.stringify({ election, trustees: trusteesHash, credentials })));
  return w;
}

export function appendBallot(w: ArchiveWriter, rawBallot: string): void {
  w.event('Ballot', w.data(rawBallot));
}
export function appendEndBallots(w: ArchiveWriter): void {
  w.event('EndBallots');
}
export function appendEncryptedTally(w: ArchiveWriter, tally: EncryptedTally, numTallied: number, totalWeight: number): void {
  const encrypted = w.data(JSON.stringify(tally));
  w.event(
    'EncryptedTally',
    w.data(JSON.stringify({ num_tallied: numTallied, total_weight: totalWeight, encrypted_tally: encrypted })),
  );
}
export function appendPartialDecryption(w: ArchiveWriter, owner: number, pd: PartialDecryption): void {
  const payload = w.data(JSON.stringify(pd));
  w.event('PartialDecryption', w.data(JSON.stringify({ owner, payload })));
}
export function appendResult(w: ArchiveWriter, result: number[][]): void {
  w.event('Result', w.data(JSON.stringify({ result })));
}
