// Electronic votes: encrypting a 20-subject ballot in the booth, and verifying + tallying an election of N such
// ballots on 2 worker threads, each next to belenios-tool doing the same in the same run.
// Default 50 ballots (a few minutes on 2 shared cores); `npm run bench votes -- --ballots=500` for the size.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { readTar } from '../server/features/votes/belenios/archive';
import { createBallot } from '../server/features/votes/belenios/ballot';
import { encryptedTally, lastBallots } from '../server/features/votes/belenios/tally';
import type { Ballot } from '../server/features/votes/belenios/types';
import { verifyArchive } from '../server/features/votes/belenios/verify';
import { runCanboElection } from '../server/features/votes/belenios/testdata/canbo-election';
import { g, gPow, hashToZq, invert, mod, mulp, pow, q, randomZq } from '../server/features/votes/belenios/group';
import { type Ct, iprove } from '../server/features/votes/belenios/proofs';
import { flag, ratio } from './lib';

// The 0/1 proof as the textbook writes it (and as session 3 shipped it): the simulated branch's commitments take two
// variable-base exponentiations. The booth now derives them from the g and y tables (it knows r); same numbers.
function textbookIprove(S: string, y: bigint, ct: Ct, r: bigint, index: number, ms: number[]) {
  const invg = invert(g);
  const proofs: { challenge: bigint; response: bigint }[] = [];
  const commitments: bigint[] = [];
  let sum = 0n;
  const w = randomZq();
  ms.forEach((m, j) => {
    if (j === index) {
      commitments.push(gPow(w), pow(y, w, true));
      proofs.push({ challenge: 0n, response: 0n });
      return;
    }
    const challenge = randomZq();
    const response = randomZq();
    proofs.push({ challenge, response });
    commitments.push(
      mulp(gPow(response), pow(ct.alpha, challenge)),
      mulp(pow(y, response, true), pow(mulp(ct.beta, pow(invg, BigInt(m))), challenge)),
    );
    sum += challenge;
  });
  const challenge = mod(hashToZq(`prove|${S}|${ct.alpha},${ct.beta}|`, commitments) - sum, q);
  proofs[index] = { challenge, response: mod(w - r * challenge, q) };
  return proofs;
}

/** The 0/1 proofs of one 20-subject ballot (60 choices), booth way and textbook way, alternated in the same run. */
function proofsBeforeAfter(y: bigint): { booth: number; textbook: number } {
  const cts = Array.from({ length: SUBJECTS * 3 }, (_, k) => {
    const r = randomZq();
    const m = k % 3 === 0 ? 1 : 0;
    return { r, m, ct: { alpha: gPow(r), beta: mulp(pow(y, r, true), m ? g : 1n) } };
  });
  const time = (f: typeof iprove) => {
    const t = performance.now();
    for (const c of cts) f('S', y, c.ct, c.r, c.m, [0, 1]);
    return performance.now() - t;
  };
  let booth = 0;
  let textbook = 0;
  for (let i = 0; i < 3; i++) {
    textbook += time(textbookIprove);
    booth += time(iprove);
  }
  return { booth: booth / 3, textbook: textbook / 3 };
}

const SUBJECTS = 20;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function verifyInWorkers(rawElection: string, ballots: string[], workers: number): Promise<number> {
  const slices = Array.from({ length: workers }, (_, w) => ballots.filter((_, i) => i % workers === w));
  return Promise.all(
    slices.map(
      (slice) =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(new URL('./votes-verify.worker.mjs', import.meta.url), {
            workerData: { rawElection, ballots: slice },
          });
          worker.once('message', (m: { failures: number }) => resolve(m.failures));
          worker.once('error', reject);
        }),
    ),
  ).then((f) => f.reduce((a, b) => a + b, 0));
}

export async function run(argv: string[]): Promise<void> {
  const n = flag(argv, 'ballots', 50);
  const subjects = Array.from({ length: SUBJECTS }, (_, i) => `Người thứ ${i + 1}`);
  const votes = Array.from({ length: n }, (_, v) => subjects.map((_, i) => (v + i) % 3));
  console.log(`Tạo cuộc bầu ${n} phiếu × ${SUBJECTS} người / building an election of ${n} ballots × ${SUBJECTS} subjects…`);
  const t0 = performance.now();
  const election = await runCanboElection({ subjects, votes, trustees: 3, threshold: 2 });
  console.log(`  built in ${seconds(performance.now() - t0)}`);

  // 1. One ballot in the booth, against belenios-tool generate-ballot on the same election.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-bench-votes-'));
  fs.writeFileSync(path.join(dir, `${election.uuid}.bel`), election.archive);
  const plain = subjects.map((_, i) => [0, 1, 2].map((l) => (l === i % 3 ? 1 : 0)));
  const reps = 5;
  let t = performance.now();
  for (let i = 0; i < reps; i++) createBallot(election.rawElection, election.credentials[i]!, plain);
  const canboBallot = (performance.now() - t) / reps;
  fs.writeFileSync(path.join(dir, 'ballot.json'), JSON.stringify(plain));
  fs.writeFileSync(path.join(dir, 'cred'), election.credentials[0]!);
  t = performance.now();
  for (let i = 0; i < reps; i++) {
    execFileSync(
      'belenios-tool',
      [
        'election',
        'generate-ballot',
        '--dir',
        dir,
        '--privcred',
        path.join(dir, 'cred'),
        '--ballot',
        path.join(dir, 'ballot.json'),
      ],
      {
        stdio: ['ignore', 'ignore', 'ignore'],
      },
    );
  }
  const toolBallot = (performance.now() - t) / reps;
  console.log(
    `Mã hóa 1 phiếu ${SUBJECTS} người / encrypt one ${SUBJECTS}-subject ballot: CanBo ${seconds(canboBallot)}, belenios-tool ${seconds(toolBallot)} (process start included) → ${ratio(canboBallot, toolBallot)}; target ≤ 2 s`,
  );

  const proofs = proofsBeforeAfter(BigInt((JSON.parse(election.rawElection) as { public_key: string }).public_key));
  console.log(
    `  of which the 60 answer proofs: booth (tables only) ${seconds(proofs.booth)}, textbook (session 3) ${seconds(proofs.textbook)} → ${ratio(proofs.booth, proofs.textbook)}`,
  );

  // 2. Verify and tally the whole archive: belenios-tool election verify vs CanBo on 2 worker threads.
  t = performance.now();
  execFileSync('belenios-tool', ['election', 'verify', '--dir', dir], { stdio: ['ignore', 'ignore', 'ignore'] });
  const tool = performance.now() - t;
  const texts = readTar(election.archive).map((e) => new TextDecoder().decode(e.content));
  const ballots = texts.filter((s) => s.startsWith('{"election_uuid"'));
  t = performance.now();
  const failures = await verifyInWorkers(election.rawElection, ballots, 2);
  const parsed = lastBallots(ballots.map((b) => JSON.parse(b) as Ballot));
  encryptedTally(
    subjects.map(() => 3),
    parsed.map((ballot) => ({ ballot, weight: 1n })),
  );
  const parallel = performance.now() - t;
  if (failures) throw new Error(`${failures} ballots failed verification`);
  t = performance.now();
  const whole = verifyArchive(election.archive);
  const sequential = performance.now() - t;
  if (JSON.stringify(whole.result) !== JSON.stringify(election.result)) throw new Error('result mismatch');
  console.log(`Kiểm tra ${n} phiếu + kiểm phiếu / verify ${n} ballots + tally:`);
  console.log(`  belenios-tool election verify (whole archive)   ${seconds(tool)}`);
  console.log(
    `  CanBo, 2 worker threads (ballots + tally)      ${seconds(parallel)} → ${ratio(parallel, tool)} belenios-tool; target ≤ 3×`,
  );
  console.log(`  CanBo, one thread, whole archive (canbo vote verify) ${seconds(sequential)} → ${ratio(sequential, tool)}`);
  fs.rmSync(dir, { recursive: true, force: true });
}
