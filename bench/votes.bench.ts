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
import { flag, ratio } from './lib';

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
