// A whole election run by CanBo's own Belenios code, for the interoperability tests and the benchmark.
import { createBallot } from '../ballot';
import { generateCredential, publicCredential } from '../credentials';
import {
  appendBallot,
  appendEncryptedTally,
  appendEndBallots,
  appendPartialDecryption,
  appendResult,
  makeElection,
  newElectionUuid,
  publicCredentialsJson,
  startArchive,
} from '../election';
import { hashJson } from '../group';
import { combineFactors, computeResult, encryptedTally, lastBallots, partialDecrypt } from '../tally';
import { ceremonyStep1, ceremonyStep3, ceremonyStep4, ceremonyStep5, ceremonyStep6, recoverKeyShare } from '../trustees';
import type { Ballot, HomomorphicQuestion, PartialDecryption } from '../types';

export const LEVELS = ['Tín nhiệm cao', 'Tín nhiệm', 'Tín nhiệm thấp'];
export const confidenceQuestions = (names: string[]): HomomorphicQuestion[] =>
  names.map((question) => ({ question, answers: LEVELS, min: 1, max: 1 }));

export interface CanboElectionOptions {
  subjects: string[];
  /** votes[v][i] = level index chosen by voter v for subject i; voters.length credentials are issued. */
  votes: number[][];
  /** indexes of voters who vote again, with their new choice. */
  revotes?: { voter: number; levels: number[] }[];
  trustees: number;
  threshold: number;
  /** 1-based trustees who decrypt; all of the first `threshold` by default. */
  decryptBy?: number[];
  stopAfterBallots?: boolean;
}

export async function runCanboElection(o: CanboElectionOptions) {
  const uuid = newElectionUuid();
  const credentials = o.votes.map(() => generateCredential());
  const step1 = Array.from({ length: o.trustees }, () => ceremonyStep1());
  const certs = step1.map((s) => s.cert);
  const polynomials = [];
  for (const s of step1) polynomials.push(await ceremonyStep3(certs, s.seed, o.threshold));
  const vinputs = ceremonyStep4(certs, polynomials);
  const voutputs = [];
  for (const [i, s] of step1.entries()) voutputs.push(await ceremonyStep5(certs, s.seed, vinputs[i]!));
  const trustees = [['Pedersen', ceremonyStep6(certs, polynomials, voutputs)] as ['Pedersen', ReturnType<typeof ceremonyStep6>]];
  const rawElection = makeElection({
    uuid,
    name: 'Lấy phiếu tín nhiệm thử',
    description: 'CanBo',
    questions: confidenceQuestions(o.subjects),
    trustees,
  });
  const w = startArchive(
    1_795_000_000,
    rawElection,
    trustees,
    publicCredentialsJson(credentials.map((c) => publicCredential(c, uuid).toString())),
  );
  const plain = (levels: number[]) => levels.map((l) => LEVELS.map((_, j) => (j === l ? 1 : 0)));
  const cast: Ballot[] = [];
  const ballots: { raw: string; tracker: string }[] = [];
  const castOne = (voter: number, levels: number[]) => {
    const b = createBallot(rawElection, credentials[voter]!, plain(levels));
    appendBallot(w, b.raw);
    cast.push(JSON.parse(b.raw) as Ballot);
    ballots.push(b);
  };
  o.votes.forEach((levels, v) => castOne(v, levels));
  for (const r of o.revotes ?? []) castOne(r.voter, r.levels);
  const expected = o.subjects.map(() => LEVELS.map(() => 0));
  const finalVotes = o.votes.map((v) => v);
  for (const r of o.revotes ?? []) finalVotes[r.voter] = r.levels;
  finalVotes.forEach((levels) => levels.forEach((l, i) => expected[i]![l]!++));
  if (o.stopAfterBallots) return { uuid, rawElection, credentials, ballots, archive: w.bytes(), expected, writer: w };
  appendEndBallots(w);
  const last = lastBallots(cast);
  const tally = encryptedTally(
    o.subjects.map(() => LEVELS.length),
    last.map((ballot) => ({ ballot, weight: 1n })),
  );
  appendEncryptedTally(w, tally, last.length, last.length);
  const fingerprint = hashJson(rawElection);
  const pds = new Map<number, PartialDecryption>();
  for (const t of o.decryptBy ?? Array.from({ length: o.threshold }, (_, i) => i + 1)) {
    const share = await recoverKeyShare(step1[t - 1]!.seed, voutputs[t - 1]!.private_key);
    const pd = partialDecrypt(tally, share, fingerprint);
    appendPartialDecryption(w, t, pd);
    pds.set(t, pd);
  }
  const result = computeResult(tally, combineFactors(trustees, tally, pds), last.length);
  appendResult(w, result);
  return { uuid, rawElection, credentials, ballots, archive: w.bytes(), expected, result, writer: w };
}
