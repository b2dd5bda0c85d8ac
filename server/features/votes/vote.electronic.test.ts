import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElectronicState, VoteDetail } from '../../../contracts/votes';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { loadVotesDemo } from '../../../scripts/demo/votes.demo';
import { buildApp } from '../../app';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { type Client, loginAs } from '../../../test/http';
import { readTar } from './belenios/archive';
import { ballotAuditRecord, verifyBallotAudit } from './belenios/audit';
import { createBallot } from './belenios/ballot';
import { generateCredential, publicCredential } from './belenios/credentials';
import { partialDecrypt } from './belenios/tally';
import { ceremonyStep1, ceremonyStep3, ceremonyStep5, recoverKeyShare } from './belenios/trustees';
import type { Polynomial } from './belenios/trustees';
import { verifyArchive } from './belenios/verify';

const VOTERS = ['leader.tq', 'officer.tq', 'inspector.tq', 'tally2.tq', 'cadre.tq'];
const TRUSTEES = ['tally.tq', 'tally2.tq', 'tally3.tq'];
const plain = (levels: number[]) => levels.map((l) => [0, 1, 2].map((j) => (j === l ? 1 : 0)));

describe.each(testDialects())('an electronic confidence vote on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const logs: string[] = [];
  const clients = new Map<string, Client>();
  const c = (u: string) => clients.get(u)!;
  let tqId: string;

  // what only browsers hold: trustees' seeds and the voters' credentials
  const seeds = new Map<string, string>();
  const credentials = new Map<string, string>();
  const shares: bigint[] = [];
  // the randomness of cast ballots: only the voter's device ever holds it
  const castRandomness: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await loadVotesDemo(database.db);
    const stream = new Writable({
      write(chunk, _enc, cb) {
        logs.push(String(chunk));
        cb();
      },
    });
    app = await buildApp({ database, serveWeb: false, loginRatePerMinute: 1000, logger: { level: 'trace', stream } });
    for (const u of new Set([...VOTERS, ...TRUSTEES, 'ca.tq', 'admin', 'officer.lc'])) clients.set(u, await loginAs(app, u));
    const orgs = (await c('officer.tq').get('/api/organizations?limit=200')).json() as { items: { id: string; code: string }[] };
    tqId = orgs.items.find((o) => o.code === 'TQ')!.id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const state = async (u: string, id: string) => (await c(u).get(`/api/votes/${id}/electronic`)).json() as ElectronicState;
  const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
    const res = await p;
    expect(res.statusCode, res.body).toBe(200);
    return JSON.parse(res.body);
  };

  async function createElectronic(votes: number, over: Record<string, unknown> = {}) {
    const res = await c('officer.tq').post('/api/votes', {
      organizationId: tqId,
      kind: 'confidence',
      mode: 'electronic',
      track: 'party',
      title: 'Lấy phiếu điện tử',
      voteDate: '2026-11-27',
      voterGroup: 'Ban Thường vụ',
      summonedCount: votes,
      subjects: [
        { fullName: 'Người A', titleText: 'Bí thư' },
        { fullName: 'Người B', titleText: 'Phó Bí thư' },
        { fullName: 'Người C', titleText: 'Ủy viên', exemption: { reason: 'retirement_announced' } },
      ],
      electronic: { voterUsernames: VOTERS.slice(0, votes), trusteeUsernames: TRUSTEES, threshold: 2 },
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as VoteDetail;
  }

  async function ceremony(id: string) {
    for (const t of TRUSTEES) {
      const s1 = ceremonyStep1();
      seeds.set(`${id}:${t}`, s1.seed);
      await ok(c(t).post(`/api/votes/${id}/electronic/cert`, { cert: s1.cert }));
    }
    for (const t of TRUSTEES) {
      const st = await state(t, id);
      const pol: Polynomial = await ceremonyStep3(st.me.certs!, seeds.get(`${id}:${t}`)!, st.threshold);
      await ok(c(t).post(`/api/votes/${id}/electronic/polynomial`, pol));
    }
    for (const t of TRUSTEES) {
      const st = await state(t, id);
      const vo = await ceremonyStep5(st.me.certs!, seeds.get(`${id}:${t}`)!, st.me.vinput!);
      await ok(c(t).post(`/api/votes/${id}/electronic/voutput`, vo));
    }
  }

  async function issue(id: string, uuid: string) {
    const roster = (await ok(c('ca.tq').get(`/api/votes/${id}/electronic/roster`))) as {
      voters: { userId: string; username: string }[];
    };
    const creds = roster.voters.map((v) => {
      const cred = generateCredential();
      credentials.set(`${id}:${v.username}`, cred);
      return { userId: v.userId, publicCredential: publicCredential(cred, uuid).toString() };
    });
    await ok(c('ca.tq').post(`/api/votes/${id}/electronic/credentials`, { credentials: creds }));
  }

  it('runs a whole vote: ceremony, credentials, ballots with a revote, tally by 2 of 3, result and a verifiable archive', async () => {
    const v = await createElectronic(5);
    expect(v.status).toBe('setup');
    await ceremony(v.id);
    expect((await state('officer.tq', v.id)).phase).toBe('keys_ready');
    // the administrator cannot issue credentials
    expect((await c('admin').post(`/api/votes/${v.id}/electronic/credentials`, { credentials: [] })).statusCode).toBe(403);
    const uuid = (
      await database.db.selectFrom('vote_sessions').select('election_uuid').where('id', '=', v.id).executeTakeFirstOrThrow()
    ).election_uuid!;
    await issue(v.id, uuid);
    await ok(c('officer.tq').post(`/api/votes/${v.id}/electronic/open`));
    const raw = (await state('leader.tq', v.id)).rawElection!;
    const choices = [
      [2, 0],
      [2, 1],
      [2, 2],
      [0, 0],
      [1, 0],
    ];
    const trackers: string[] = [];
    for (const [i, u] of VOTERS.entries()) {
      const b = createBallot(raw, credentials.get(`${v.id}:${u}`)!, plain(choices[i]!));
      castRandomness.push(...b.randomness.flat().map(String));
      const res = await ok(c(u).post(`/api/votes/${v.id}/electronic/ballots`, { ballot: b.raw }));
      expect(res).toEqual({ tracker: b.tracker, replacedEarlier: false });
      trackers.push(b.tracker);
    }
    // a voter changes his mind: only the last ballot counts
    const again = createBallot(raw, credentials.get(`${v.id}:cadre.tq`)!, plain([0, 1]));
    expect(await ok(c('cadre.tq').post(`/api/votes/${v.id}/electronic/ballots`, { ballot: again.raw }))).toEqual({
      tracker: again.tracker,
      replacedEarlier: true,
    });
    // a voter finds his tracker on the public board
    const board = (await ok(c('leader.tq').get(`/api/votes/${v.id}/electronic/board`))) as { trackers: { tracker: string }[] };
    expect(board.trackers.map((t) => t.tracker)).toContain(trackers[0]);

    await ok(c('officer.tq').post(`/api/votes/${v.id}/electronic/close`));
    // trustees 1 and 3 decrypt, each after verifying the archive himself
    for (const t of ['tally.tq', 'tally3.tq']) {
      const archive = new Uint8Array((await c(t).get(`/api/votes/${v.id}/electronic/archive.bel`)).rawPayload);
      const audited = verifyArchive(archive);
      expect(['tallied', 'decrypting']).toContain(audited.phase);
      const st = await state(t, v.id);
      const share = await recoverKeyShare(seeds.get(`${v.id}:${t}`)!, st.me.encryptedKeyShare!);
      shares.push(share);
      // the trustee takes the encrypted tally from the archive he has just verified, not from the server's say-so
      const entries = readTar(archive).map((e) => ({ name: e.name, text: new TextDecoder().decode(e.content) }));
      const sized = JSON.parse(entries.find((e) => e.text.startsWith('{"num_tallied"'))!.text) as { encrypted_tally: string };
      const tally = JSON.parse(entries.find((e) => e.name === `${sized.encrypted_tally}.data.json`)!.text);
      await ok(c(t).post(`/api/votes/${v.id}/electronic/partial-decryption`, partialDecrypt(tally, share, audited.fingerprint)));
    }
    const detail = (await c('officer.tq').get(`/api/votes/${v.id}`)).json() as VoteDetail;
    expect(detail.status).toBe('closed');
    // final ballots (cadre.tq revoted [cao, tín nhiệm]): A = thấp, thấp, thấp, cao, cao; B = cao, tín nhiệm, thấp, cao, tín nhiệm
    expect(detail.result!.subjects.map((s) => [s.counts.high, s.counts.medium, s.counts.low])).toEqual([
      [2, 0, 3],
      [2, 2, 1],
    ]);
    expect(detail.result!.subjects[0]!.consequences.filter((x) => !x.passed).map((x) => x.ruleId)).toEqual([
      'vote.low-out-of-planning',
    ]);
    const archive = new Uint8Array((await c('inspector.tq').get(`/api/votes/${v.id}/electronic/archive.bel`)).rawPayload);
    const final = verifyArchive(archive);
    expect(final.result).toEqual([
      [2, 0, 3],
      [2, 2, 1],
    ]);
    expect(detail.boardHash).toBe(final.head);
    // the count record (.docx) carries the bulletin board's last event hash
    const record = await c('officer.tq').get(`/api/votes/${v.id}/record.docx`);
    expect(record.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(record.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain(final.head);
    // publishing the result raised Người A's consequences as tasks for planning and decisions
    const tasks = (await c('officer.tq').get(`/api/vote-consequences?sessionId=${v.id}`)).json() as {
      items: { fullName: string; consequence: string }[];
    };
    expect(tasks.items.map((t) => [t.fullName, t.consequence]).sort()).toEqual([
      ['Người A', 'may-move-or-resign'],
      ['Người A', 'out-of-planning-higher'],
    ]);
    // and the reference tool agrees with the server's bulletin board
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-e-'));
    fs.writeFileSync(path.join(dir, `${final.uuid}.bel`), archive);
    execFileSync('belenios-tool', ['election', 'verify', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    // outside the province: not even visible
    expect((await c('officer.lc').get(`/api/votes/${v.id}/electronic/board`)).statusCode).toBe(404);
  });

  it('keeps credentials, trustee seeds and key shares out of every table and every log line', async () => {
    const secrets = [...seeds.values(), ...credentials.values(), ...shares.map(String), ...castRandomness];
    expect(secrets.length).toBeGreaterThan(8 + 5 * 6);
    const tables = [
      'vote_sessions',
      'vote_subjects',
      'vote_voters',
      'vote_trustees',
      'vote_board',
      'vote_board_ballots',
      'vote_board_ciphertexts',
      'vote_audited_ciphertexts',
      'vote_consequence_tasks',
      'audit_log',
      'sessions',
      'users',
    ] as const;
    let dump = '';
    for (const t of tables) dump += JSON.stringify(await database.db.selectFrom(t).selectAll().execute());
    const everything = dump + logs.join('');
    expect(logs.length).toBeGreaterThan(50);
    for (const s of secrets) expect(everything.includes(s), `secret found: ${s.slice(0, 8)}…`).toBe(false);
    // and no table pairs a voter with a plaintext choice: the only per-voter data is the public credential
    const voterColumns = Object.keys(
      (await database.db.selectFrom('vote_voters').selectAll().executeTakeFirstOrThrow()) as object,
    );
    expect(voterColumns.sort()).toEqual(['public_credential', 'session_id', 'user_id']);
  });

  it("rejects a ballot with another voter's credential, a replayed ballot, and a tampered proof", async () => {
    const v = await createElectronic(4);
    await ceremony(v.id);
    const uuid = (
      await database.db.selectFrom('vote_sessions').select('election_uuid').where('id', '=', v.id).executeTakeFirstOrThrow()
    ).election_uuid!;
    await issue(v.id, uuid);
    await ok(c('officer.tq').post(`/api/votes/${v.id}/electronic/open`));
    const raw = (await state('leader.tq', v.id)).rawElection!;
    const leaderBallot = createBallot(raw, credentials.get(`${v.id}:leader.tq`)!, plain([0, 0]));
    // someone else submitting the leader's ballot (or credential) is refused: the credential is tied to the login
    expect((await c('officer.tq').post(`/api/votes/${v.id}/electronic/ballots`, { ballot: leaderBallot.raw })).statusCode).toBe(
      400,
    );
    await ok(c('leader.tq').post(`/api/votes/${v.id}/electronic/ballots`, { ballot: leaderBallot.raw }));
    // the same ballot again repeats its ciphertexts
    expect((await c('leader.tq').post(`/api/votes/${v.id}/electronic/ballots`, { ballot: leaderBallot.raw })).statusCode).toBe(
      400,
    );
    const forged = JSON.parse(createBallot(raw, credentials.get(`${v.id}:officer.tq`)!, plain([1, 1])).raw);
    forged.answers[0].overall_proof[0].response = '1';
    const res = await c('officer.tq').post(`/api/votes/${v.id}/electronic/ballots`, { ballot: JSON.stringify(forged) });
    expect(res.statusCode).toBe(400);
    // voters outside the roster cannot vote
    expect((await c('tally3.tq').post(`/api/votes/${v.id}/electronic/ballots`, { ballot: leaderBallot.raw })).statusCode).toBe(
      403,
    );
  });

  it('lets a voter audit a prepared ballot (Benaloh): the ballot is checked on his side, discarded, and can never be cast', async () => {
    const v = await createElectronic(4);
    await ceremony(v.id);
    const uuid = (
      await database.db.selectFrom('vote_sessions').select('election_uuid').where('id', '=', v.id).executeTakeFirstOrThrow()
    ).election_uuid!;
    await issue(v.id, uuid);
    await ok(c('officer.tq').post(`/api/votes/${v.id}/electronic/open`));
    const raw = (await state('leader.tq', v.id)).rawElection!;
    const cred = credentials.get(`${v.id}:leader.tq`)!;
    // the booth prepares a ballot and shows its tracker; the voter chooses to audit it instead of casting it
    const prepared = createBallot(raw, cred, plain([2, 0]));
    const check = verifyBallotAudit(ballotAuditRecord(raw, prepared, plain([2, 0])));
    expect(check.choices!.map((x) => x.chosen)).toEqual([['Tín nhiệm thấp'], ['Tín nhiệm cao']]);
    // nobody else can discard it (the credential is tied to the login), and the voter's discard names only the tracker
    expect(
      (await c('officer.tq').post(`/api/votes/${v.id}/electronic/audited-ballots`, { ballot: prepared.raw })).statusCode,
    ).toBe(400);
    expect(await ok(c('leader.tq').post(`/api/votes/${v.id}/electronic/audited-ballots`, { ballot: prepared.raw }))).toEqual({
      tracker: prepared.tracker,
    });
    // its randomness is known now: casting it is refused
    const refused = await c('leader.tq').post(`/api/votes/${v.id}/electronic/ballots`, { ballot: prepared.raw });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/mở để kiểm tra/);
    // a freshly prepared ballot is cast as usual; the audited tracker never reaches the board
    const fresh = createBallot(raw, cred, plain([2, 0]));
    await ok(c('leader.tq').post(`/api/votes/${v.id}/electronic/ballots`, { ballot: fresh.raw }));
    const board = (await ok(c('leader.tq').get(`/api/votes/${v.id}/electronic/board`))) as { trackers: { tracker: string }[] };
    expect(board.trackers.map((t) => t.tracker)).toEqual([fresh.tracker]);
    // a ballot already cast cannot be opened afterwards (that would reveal a counted vote)
    expect((await c('leader.tq').post(`/api/votes/${v.id}/electronic/audited-ballots`, { ballot: fresh.raw })).statusCode).toBe(
      409,
    );
    // the audit trail names the discard and its tracker, nothing of the choices
    const entries = await database.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity_id', '=', v.id)
      .where('action', '=', 'vote.ballot.audited')
      .execute();
    expect(entries.map((e) => JSON.parse(e.after_json!))).toEqual([{ tracker: prepared.tracker }]);
  });

  it('runs a committee election as a choice of one name among three, verified by belenios-tool', async () => {
    const v = await createElectronic(4, {
      kind: 'election',
      title: 'Bầu Phó Bí thư',
      ballot: { shape: 'choice', maxChoices: 1 },
      subjects: [
        { fullName: 'Người A', titleText: 'Ủy viên Ban Thường vụ' },
        { fullName: 'Người B', titleText: 'Ủy viên Ban Thường vụ' },
        { fullName: 'Người C', titleText: 'Ủy viên Ban Chấp hành' },
      ],
    });
    await ceremony(v.id);
    const uuid = (
      await database.db.selectFrom('vote_sessions').select('election_uuid').where('id', '=', v.id).executeTakeFirstOrThrow()
    ).election_uuid!;
    await issue(v.id, uuid);
    await ok(c('officer.tq').post(`/api/votes/${v.id}/electronic/open`));
    const raw = (await state('leader.tq', v.id)).rawElection!;
    // one question naming the three, at least one and at most one mark
    expect(JSON.parse(raw).questions).toMatchObject([
      { answers: [expect.stringContaining('Người A'), expect.anything(), expect.anything()], min: 1, max: 1 },
    ]);
    const picks = [
      [1, 0, 0],
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, 1],
    ];
    // two names on one ballot cannot be proved within max = 1
    expect(() => createBallot(raw, credentials.get(`${v.id}:leader.tq`)!, [[1, 1, 0]])).toThrow();
    for (const [i, u] of VOTERS.slice(0, 4).entries())
      await ok(
        c(u).post(`/api/votes/${v.id}/electronic/ballots`, {
          ballot: createBallot(raw, credentials.get(`${v.id}:${u}`)!, [picks[i]!]).raw,
        }),
      );
    await ok(c('officer.tq').post(`/api/votes/${v.id}/electronic/close`));
    for (const t of ['tally2.tq', 'tally3.tq']) {
      const archive = new Uint8Array((await c(t).get(`/api/votes/${v.id}/electronic/archive.bel`)).rawPayload);
      const audited = verifyArchive(archive);
      const st = await state(t, v.id);
      const share = await recoverKeyShare(seeds.get(`${v.id}:${t}`)!, st.me.encryptedKeyShare!);
      const entries = readTar(archive).map((e) => ({ name: e.name, text: new TextDecoder().decode(e.content) }));
      const sized = JSON.parse(entries.find((e) => e.text.startsWith('{"num_tallied"'))!.text) as { encrypted_tally: string };
      const tally = JSON.parse(entries.find((e) => e.name === `${sized.encrypted_tally}.data.json`)!.text);
      await ok(c(t).post(`/api/votes/${v.id}/electronic/partial-decryption`, partialDecrypt(tally, share, audited.fingerprint)));
    }
    const detail = (await c('officer.tq').get(`/api/votes/${v.id}`)).json() as VoteDetail;
    expect(detail.status).toBe('closed');
    expect(detail.result!.subjects.map((s) => s.counts)).toEqual([
      { chosen: 2, invalid: 0 },
      { chosen: 1, invalid: 0 },
      { chosen: 1, invalid: 0 },
    ]);
    const archive = new Uint8Array((await c('inspector.tq').get(`/api/votes/${v.id}/electronic/archive.bel`)).rawPayload);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-e-'));
    fs.writeFileSync(path.join(dir, `${verifyArchive(archive).uuid}.bel`), archive);
    execFileSync('belenios-tool', ['election', 'verify', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  });

  it('refuses to tally below the quorum (1 ballot of 4 summoned)', async () => {
    const v = await createElectronic(4);
    await ceremony(v.id);
    const uuid = (
      await database.db.selectFrom('vote_sessions').select('election_uuid').where('id', '=', v.id).executeTakeFirstOrThrow()
    ).election_uuid!;
    await issue(v.id, uuid);
    await ok(c('officer.tq').post(`/api/votes/${v.id}/electronic/open`));
    const raw = (await state('leader.tq', v.id)).rawElection!;
    await ok(
      c('leader.tq').post(`/api/votes/${v.id}/electronic/ballots`, {
        ballot: createBallot(raw, credentials.get(`${v.id}:leader.tq`)!, plain([0, 0])).raw,
      }),
    );
    const res = await c('officer.tq').post(`/api/votes/${v.id}/electronic/close`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { message: expect.stringContaining('Không đủ số người tham gia') } });
  });
});
