// Worker for bench/votes.bench.ts: verifies a slice of ballots of one election.
import { parentPort, workerData } from 'node:worker_threads';
import { verifyBallot } from '../server/features/votes/belenios/ballot';
import { hashJson } from '../server/features/votes/belenios/group';
import type { Election } from '../server/features/votes/belenios/types';

const { rawElection, ballots } = workerData as { rawElection: string; ballots: string[] };
const election = JSON.parse(rawElection) as Election;
const fingerprint = hashJson(rawElection);
const failures = ballots.map((b) => verifyBallot(election, fingerprint, b)).filter((r) => !r.ok).length;
parentPort!.postMessage({ failures });
