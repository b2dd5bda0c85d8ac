import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BallotAudit, ballotAuditRecord, verifyBallotAudit } from './audit';
import { ballotTracker as createTracker, createBallot } from './ballot';
import { g, mulp, p, powWindow } from './group';
import { runCanboElection } from './testdata/canbo-election';
import type { Ballot, Election } from './types';

const plain = (levels: number[]) => levels.map((l) => [0, 1, 2].map((j) => (j === l ? 1 : 0)));

describe('auditing a prepared ballot (cast or audit)', () => {
  let record: BallotAudit;
  beforeAll(async () => {
    const e = await runCanboElection({ subjects: ['Người A', 'Người B'], votes: [[0, 0]], trustees: 3, threshold: 2 });
    const choice = plain([2, 0]);
    record = ballotAuditRecord(e.rawElection, createBallot(e.rawElection, e.credentials[0]!, choice), choice);
  }, 120_000);

  it('shows the choices the ballot really encrypts, under the tracker shown before the challenge', () => {
    const r = verifyBallotAudit(record);
    expect(r).toMatchObject({ ok: true, tracker: record.tracker });
    expect(r.choices).toEqual([
      { question: 'Người A', chosen: ['Tín nhiệm thấp'] },
      { question: 'Người B', chosen: ['Tín nhiệm cao'] },
    ]);
  });

  it('can be checked with nothing but modular arithmetic: alpha = g^r, beta = y^r · g^m', () => {
    const ballot = JSON.parse(record.ballot) as Ballot;
    const y = BigInt((JSON.parse(record.election) as Election).public_key);
    const r = BigInt(record.randomness[0]![2]!);
    expect(powWindow(g, r) % p).toBe(BigInt(ballot.answers[0]!.choices[2]!.alpha));
    expect(mulp(powWindow(y, r), g)).toBe(BigInt(ballot.answers[0]!.choices[2]!.beta));
  });

  it('catches a device that encrypted something else than it claims', () => {
    expect(verifyBallotAudit({ ...record, plaintexts: plain([0, 0]) })).toMatchObject({
      ok: false,
      error: 'question 1, answer 1: the ciphertext does not encrypt the revealed choice',
    });
    const randomness = record.randomness.map((row) => [...row]);
    randomness[1]![0] = (BigInt(randomness[1]![0]!) + 1n).toString();
    expect(verifyBallotAudit({ ...record, randomness })).toMatchObject({ ok: false, error: /question 2, answer 1/ });
  });

  it('refuses a ballot other than the one whose tracker was shown, or a ballot that is not valid', () => {
    expect(verifyBallotAudit({ ...record, tracker: 'AAAA' }).error).toMatch(/tracker/);
    const ballot = JSON.parse(record.ballot) as Ballot;
    ballot.answers[0]!.overall_proof[0]!.response = '1';
    const raw = JSON.stringify(ballot);
    const r = verifyBallotAudit({ ...record, ballot: raw, tracker: createTracker(raw) });
    expect(r).toMatchObject({ ok: false, error: /the ballot is not valid/ });
  });

  it('is checked by `canbo vote audit-ballot`, which exits 1 when the ballot does not encrypt what is claimed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-audit-'));
    const cli = path.join(import.meta.dirname, '..', '..', '..', '..', 'bin', 'canbo.mjs');
    const good = path.join(dir, 'audit.json');
    fs.writeFileSync(good, JSON.stringify(record));
    const out = execFileSync('node', [cli, 'vote', 'audit-ballot', good], { encoding: 'utf8' });
    expect(out).toContain('Người A: Tín nhiệm thấp');
    expect(out).toContain(record.tracker);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ ...record, plaintexts: plain([1, 0]) }));
    let status = 0;
    let stderr = '';
    try {
      execFileSync('node', [cli, 'vote', 'audit-ballot', bad], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = String((e as { stderr: string }).stderr);
    }
    expect(status).toBe(1);
    expect(stderr).toContain('does not encrypt the revealed choice');
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
