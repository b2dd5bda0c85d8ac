// `canbo vote verify` on several cores (Node only, not for the browser): worker threads check contiguous slices of
// the ballots (signature, every proof, group membership), then verifyArchive replays the whole archive on this thread
// with those checks: names and hashes, the event chain, setup, credentials, tally, decryptions and result, exactly as
// on one thread. A ballot a worker did not check (or checked against another election) is checked here.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { type BallotCheck, verifyBallot } from './ballot';
import { hashJson } from './group';
import { type VerifiedArchive, archiveBallots, verifyArchive } from './verify';

export interface WorkerInput {
  rawElection: string;
  ballots: string[];
}
export interface WorkerOutput {
  checks: BallotCheck[];
}

/** Below this many ballots per thread, starting a worker (~0.3 s with the TypeScript loader) is not worth it. */
export const MIN_BALLOTS_PER_THREAD = 4;

/** The threads worth using for n ballots: at most `requested` (default: the cores, up to 4), at least one. */
export function threadsFor(n: number, requested?: number): number {
  const wanted = requested ?? Math.min(4, os.availableParallelism());
  return Math.max(1, Math.min(wanted, Math.floor(n / MIN_BALLOTS_PER_THREAD)));
}

/** Contiguous slices of nearly equal length (the ballots of one election cost the same). */
export function slices<T>(xs: T[], k: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < k; i++) out.push(xs.slice(Math.floor((i * xs.length) / k), Math.floor(((i + 1) * xs.length) / k)));
  return out;
}

function checkInWorker(input: WorkerInput): Promise<BallotCheck[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./verify.worker.mjs', import.meta.url), { workerData: input });
    worker.once('message', (m: WorkerOutput) => resolve(m.checks));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`ballot verification worker exited with code ${code}`));
    });
  });
}

/** verifyArchive with the ballots' checks spread over `threads` worker threads (threadsFor decides when omitted). */
export async function verifyArchiveInThreads(bytes: Uint8Array, threads?: number): Promise<VerifiedArchive> {
  const found = archiveBallots(bytes);
  const k = found ? threadsFor(found.ballots.length, threads) : 1;
  if (!found || k <= 1) return verifyArchive(bytes);
  const parts = slices(found.ballots, k);
  const results = await Promise.all(parts.map((ballots) => checkInWorker({ rawElection: found.rawElection, ballots })));
  const fingerprint = hashJson(found.rawElection);
  const checked = new Map<string, BallotCheck>();
  parts.forEach((ballots, i) => ballots.forEach((raw, j) => checked.set(raw, results[i]![j]!)));
  return verifyArchive(bytes, (election, f, raw) =>
    f === fingerprint ? (checked.get(raw) ?? verifyBallot(election, f, raw)) : verifyBallot(election, f, raw),
  );
}
