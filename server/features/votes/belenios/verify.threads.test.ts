import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBallot, serializeBallot } from './ballot';
import { credentialSecret } from './credentials';
import { appendBallot } from './election';
import { gPow, hashJson, hashToZq, mod, q, randomZq } from './group';
import { runCanboElection } from './testdata/canbo-election';
import type { Ballot } from './types';
import { ArchiveError, verifyArchive } from './verify';
import { slices, threadsFor, verifyArchiveInThreads } from './verify.threads';

const subjects = ['Nguyễn Văn A', 'Trần Thị B', 'Lê Văn C'];
const votes = Array.from({ length: 8 }, (_, v) => subjects.map((_, i) => (v + i) % 3));

/** Signs a ballot again with the voter's credential, as a voter who forged his own ballot could. */
function resign(b: Ballot, credential: string): string {
  const sk = credentialSecret(credential, b.election_uuid);
  const hash = hashJson(serializeBallot({ ...b, signature: undefined }));
  const w = randomZq();
  const challenge = hashToZq(`sig|${hash}|`, [gPow(w)]);
  return serializeBallot({
    ...b,
    signature: { hash, proof: { challenge: challenge.toString(), response: mod(w - sk * challenge, q).toString() } },
  });
}

const failure = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ArchiveError);
    return (e as Error).message;
  }
  throw new Error('expected the verification to fail');
};
const failureAsync = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ArchiveError);
    return (e as Error).message;
  }
  throw new Error('expected the verification to fail');
};

describe('verifying an archive on worker threads', () => {
  it('splits the ballots into contiguous slices, and uses a thread only for enough ballots', () => {
    expect(slices([1, 2, 3, 4, 5, 6, 7], 2)).toEqual([
      [1, 2, 3],
      [4, 5, 6, 7],
    ]);
    expect(slices([1, 2, 3], 3)).toEqual([[1], [2], [3]]);
    expect(threadsFor(7, 2)).toBe(1);
    expect(threadsFor(8, 2)).toBe(2);
    expect(threadsFor(500, 2)).toBe(2);
    expect(threadsFor(0, 2)).toBe(1);
    expect(threadsFor(500, 1)).toBe(1);
  });

  it('gives the same verdict as one thread on a whole election with a revote', { timeout: 120_000 }, async () => {
    const e = await runCanboElection({
      subjects,
      votes,
      revotes: [{ voter: 1, levels: [2, 2, 2] }],
      trustees: 3,
      threshold: 2,
    });
    const threaded = await verifyArchiveInThreads(e.archive, 2);
    expect(threaded).toEqual(verifyArchive(e.archive));
    expect(threaded.result).toEqual(e.expected);
    expect(threaded.ballotsCast).toBe(9);
    // and from the command line, on two threads
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-threads-')), `${e.uuid}.bel`);
    fs.writeFileSync(file, e.archive);
    const cli = path.join(import.meta.dirname, '..', '..', '..', '..', 'bin', 'canbo.mjs');
    const out = execFileSync('node', [cli, 'vote', 'verify', file, '--threads', '2'], { encoding: 'utf8' });
    const [high, medium, low] = e.expected[0]!;
    expect(out).toContain(`Nguyễn Văn A: Tín nhiệm cao ${high} · Tín nhiệm ${medium} · Tín nhiệm thấp ${low}`);
    expect(out).toContain(threaded.head);
    let status = 0;
    try {
      execFileSync('node', [cli, 'vote', 'verify', file, '--threads', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      status = (err as { status: number }).status;
    }
    expect(status).toBe(2);
  });

  it('rejects a forged ballot checked by the second worker with the message of one thread', { timeout: 120_000 }, async () => {
    const e = await runCanboElection({ subjects, votes: votes.slice(0, 7), trustees: 3, threshold: 2, stopAfterBallots: true });
    const honest = JSON.parse(
      createBallot(e.rawElection, e.credentials[6]!, [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ]).raw,
    ) as Ballot;
    // the encryptions of "cao" and "tín nhiệm" swapped under their proofs: each proof now speaks of the other ciphertext
    const a = honest.answers[0]!;
    const forged: Ballot = {
      ...honest,
      answers: [{ ...a, choices: [a.choices[1]!, a.choices[0]!, a.choices[2]!] }, ...honest.answers.slice(1)],
    };
    appendBallot(e.writer, resign(forged, e.credentials[6]!));
    const bytes = e.writer.bytes();
    const one = failure(() => verifyArchive(bytes));
    expect(one).toMatch(/height 8 \(Ballot\).*answers\[0\]\.choices\[0\]: individual proof fails/);
    expect(await failureAsync(verifyArchiveInThreads(bytes, 2))).toBe(one);
  });

  it('names the altered file of a tampered archive as one thread does', { timeout: 120_000 }, async () => {
    const e = await runCanboElection({ subjects, votes, trustees: 3, threshold: 2, stopAfterBallots: true });
    const bytes = e.archive.slice();
    const at = bytes.length - 2000;
    bytes[at] = bytes[at]! ^ 1;
    const one = failure(() => verifyArchive(bytes));
    expect(one).toMatch(/altered|corrupted|checksum/);
    expect(await failureAsync(verifyArchiveInThreads(bytes, 2))).toBe(one);
  });
});
