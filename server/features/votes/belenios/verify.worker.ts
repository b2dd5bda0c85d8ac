// Worker of verify.threads.ts: checks a slice of the ballots of one election.
import { parentPort, workerData } from 'node:worker_threads';
import { verifyBallot } from './ballot';
import { hashJson } from './group';
import type { Election } from './types';
import type { WorkerInput, WorkerOutput } from './verify.threads';

const { rawElection, ballots } = workerData as WorkerInput;
const election = JSON.parse(rawElection) as Election;
const fingerprint = hashJson(rawElection);
const out: WorkerOutput = { checks: ballots.map((raw) => verifyBallot(election, fingerprint, raw)) };
parentPort!.postMessage(out);
