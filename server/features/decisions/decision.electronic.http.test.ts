import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessDetail } from '../../../contracts/decisions';
import type { ElectronicState, VoteDetail } from '../../../contracts/votes';
import { testDialects } from '../../../test/databases';
import { type Client, loginAs } from '../../../test/http';
import { linkUser } from '../persons/person.service';
import { readTar } from '../votes/belenios/archive';
import { createBallot } from '../votes/belenios/ballot';
import { generateCredential, publicCredential } from '../votes/belenios/credentials';
import { partialDecrypt } from '../votes/belenios/tally';
import { type Polynomial, ceremonyStep1, ceremonyStep3, ceremonyStep5, recoverKeyShare } from '../votes/belenios/trustees';
import { verifyArchive } from '../votes/belenios/verify';
import { type DecisionsFixture, decisionsFixture } from './decision.fixture';

const TRUSTEES = ['tally.tq', 'tally2.tq', 'tally3.tq'];
const VOTERS = ['leader.tq', 'officer.tq', 'inspector.tq', 'cadre.tq'];

describe.each(testDialects())('electronic step votes in a personnel process on %s', (dialect) => {
  let fx: DecisionsFixture;
  const clients = new Map<string, Client>();
  const c = (u: string) => clients.get(u)!;
  let headSeat: string;
  let hoang: string;
  let relative: string;
  let processId: string;

  beforeAll(async () => {
    fx = await decisionsFixture(dialect);
    for (const u of new Set([...TRUSTEES, ...VOTERS, 'ca.tq'])) clients.set(u, await loginAs(fx.app, u));
    headSeat = await fx.seat('GIAM_DOC_SO', { seatCount: 1 });
    hoang = await fx.person({
      fullName: 'Hoàng Văn Thái',
      birthDate: '1972-06-15',
      family: [{ side: 'own', relation: 'sibling', fullName: 'Hoàng Văn Thịnh', birthYear: 1975 }],
    });
    relative = await fx.person({ fullName: 'Hoàng Văn Thịnh', birthDate: '1975-01-01' });
    // The term ends on 30/06/2026: the reappointment starts 120 days before.
    await fx.seatPerson(headSeat, hoang, 'Hoàng Văn Thái', '2025-10-01', '2026-06-30');
    // tally2.tq's user is the record of Hoàng Văn Thái's brother.
    const user = await fx.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'tally2.tq')
      .executeTakeFirstOrThrow();
    await linkUser(fx.database.db, null, user.id, relative);
  });
  afterAll(async () => {
    await fx?.close();
  });

  const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
    const res = await p;
    expect(res.statusCode, res.body).toBe(200);
    return JSON.parse(res.body) as unknown;
  };
  const state = async (u: string, id: string) => (await c(u).get(`/api/votes/${id}/electronic`)).json() as ElectronicState;

  /** The whole electronic vote as the browsers would run it: keys, credentials, one ballot each, tally by 2 of 3. */
  async function runElectronic(voteId: string, voters: string[], agree: boolean[]) {
    const seeds = new Map<string, string>();
    for (const t of TRUSTEES) {
      const s1 = ceremonyStep1();
      seeds.set(t, s1.seed);
      await ok(c(t).post(`/api/votes/${voteId}/electronic/cert`, { cert: s1.cert }));
    }
    for (const t of TRUSTEES) {
      const st = await state(t, voteId);
      const pol: Polynomial = await ceremonyStep3(st.me.certs!, seeds.get(t)!, st.threshold);
      await ok(c(t).post(`/api/votes/${voteId}/electronic/polynomial`, pol));
    }
    for (const t of TRUSTEES) {
      const st = await state(t, voteId);
      await ok(
        c(t).post(`/api/votes/${voteId}/electronic/voutput`, await ceremonyStep5(st.me.certs!, seeds.get(t)!, st.me.vinput!)),
      );
    }
    const { uuid } = await state('officer.tq', voteId);
    const roster = (await ok(c('ca.tq').get(`/api/votes/${voteId}/electronic/roster`))) as {
      voters: { userId: string; username: string }[];
    };
    const creds = new Map<string, string>();
    const issued = roster.voters.map((v) => {
      const cred = generateCredential();
      creds.set(v.username, cred);
      return { userId: v.userId, publicCredential: publicCredential(cred, uuid).toString() };
    });
    await ok(c('ca.tq').post(`/api/votes/${voteId}/electronic/credentials`, { credentials: issued }));
    await ok(c('officer.tq').post(`/api/votes/${voteId}/electronic/open`));
    const raw = (await state('leader.tq', voteId)).rawElection!;
    for (const [i, u] of voters.entries()) {
      const b = createBallot(raw, creds.get(u)!, [agree[i] ? [1, 0] : [0, 1]]);
      await ok(c(u).post(`/api/votes/${voteId}/electronic/ballots`, { ballot: b.raw }));
    }
    await ok(c('officer.tq').post(`/api/votes/${voteId}/electronic/close`));
    for (const t of ['tally.tq', 'tally3.tq']) {
      const archive = new Uint8Array((await c(t).get(`/api/votes/${voteId}/electronic/archive.bel`)).rawPayload);
      const audited = verifyArchive(archive);
      const share = await recoverKeyShare(seeds.get(t)!, (await state(t, voteId)).me.encryptedKeyShare!);
      const entries = readTar(archive).map((e) => ({ name: e.name, text: new TextDecoder().decode(e.content) }));
      const sized = JSON.parse(entries.find((e) => e.text.startsWith('{"num_tallied"'))!.text) as { encrypted_tally: string };
      const tally = JSON.parse(entries.find((e) => e.name === `${sized.encrypted_tally}.data.json`)!.text);
      await ok(
        c(t).post(`/api/votes/${voteId}/electronic/partial-decryption`, partialDecrypt(tally, share, audited.fingerprint)),
      );
    }
  }

  const openVote = (key: string, summoned: number, voterUsernames: string[]) =>
    fx.officer.post(`/api/decisions/${processId}/steps/${key}/vote`, {
      summoned,
      voterGroup: key === 'key-cadres' ? 'Cán bộ chủ chốt Sở Nội vụ' : 'Tập thể lãnh đạo Sở Nội vụ',
      voteDate: '2026-03-10',
      mode: 'electronic',
      electronic: { voterUsernames, trusteeUsernames: TRUSTEES, threshold: 2 },
    });

  it('starts a reappointment and refuses an electronic roster holding the person’s brother until he recuses and is left off', async () => {
    const res = await fx.start({ action: 'reappointment', personId: hoang, positionId: headSeat });
    expect(res.statusCode, res.body).toBe(201);
    processId = (res.json() as ProcessDetail).id;
    expect((await fx.complete(processId, 'notice', '2026-03-03')).statusCode).toBe(200);
    expect((await fx.complete(processId, 'self-review', '2026-03-05')).statusCode).toBe(200);

    const kin = await openVote('key-cadres', 5, [...VOTERS, 'tally2.tq']);
    expect(kin.statusCode).toBe(409);
    expect(kin.json().error.message).toContain('Hoàng Văn Thịnh (tally2.tq) là người thân (anh/chị/em ruột)');
    const recusal = await fx.officer.post(`/api/decisions/${processId}/recusals`, {
      role: 'voter',
      stepKey: 'key-cadres',
      personId: relative,
      fullName: 'Hoàng Văn Thịnh',
    });
    expect(recusal.statusCode, recusal.body).toBe(200);
    // Five summoned, one recused: the roster must hold four.
    const wrongSize = await openVote('key-cadres', 5, [...VOTERS, 'tally2.tq']);
    expect(wrongSize.statusCode).toBe(400);
    expect(JSON.stringify(wrongSize.json().error.details)).toContain('đúng 4 người');
    const stillListed = await openVote('key-cadres', 5, [...VOTERS.slice(0, 3), 'tally2.tq']);
    expect(stillListed.statusCode).toBe(409);
    expect(stillListed.json().error.message).toContain('đã tránh tham gia bước này');
  });

  let keyCadreVote: string;
  it('opens the key-cadre vote as an electronic session of the votes module, secret, agree/disagree, over the four left', async () => {
    const res = await openVote('key-cadres', 5, VOTERS);
    expect(res.statusCode, res.body).toBe(201);
    keyCadreVote = (res.json() as { voteSessionId: string }).voteSessionId;
    const vote = (await fx.officer.get(`/api/votes/${keyCadreVote}`)).json() as VoteDetail;
    expect(vote).toMatchObject({ mode: 'electronic', kind: 'appointment', summonedCount: 4, status: 'setup' });
    expect(vote.ballot.shape).toBe('agree-disagree');
    const p = (await fx.officer.get(`/api/decisions/${processId}`)).json() as ProcessDetail;
    expect(p.steps.find((s) => s.key === 'key-cadres')).toMatchObject({
      voteSessionId: keyCadreVote,
      voteMode: 'electronic',
      voteStatus: 'setup',
      summoned: 4,
    });
    // No result before the trustees decrypt.
    const early = await fx.complete(processId, 'key-cadres', '2026-03-11');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('bỏ phiếu điện tử chưa có kết quả');
  });

  it('feeds the closed result to the step: exactly 50 % (2 of 4) leaves the choice to the head, with the rule cited', async () => {
    await runElectronic(keyCadreVote, VOTERS, [true, false, true, false]);
    expect(((await fx.officer.get(`/api/votes/${keyCadreVote}`)).json() as VoteDetail).status).toBe('closed');
    const noChoice = await fx.complete(processId, 'key-cadres', '2026-03-11');
    expect(noChoice.statusCode).toBe(400);
    const res = await fx.complete(processId, 'key-cadres', '2026-03-11', { headChoice: 'Giám đốc Sở đồng ý bổ nhiệm lại' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { outcome: string; continues: boolean; verdicts: { ruleId: string; detail: { vi: string } }[] };
    expect(body).toMatchObject({ outcome: 'head-decides', continues: true });
    expect(body.verdicts.at(-1)!.ruleId).toBe('process.reappointment');
    expect(body.verdicts.at(-1)!.detail.vi).toContain('Đạt đúng 50% (2/4)');
  });

  it('passes the collective with more than half (3 of 4) by electronic ballot, and the step records the vote', async () => {
    await fx.fullDossier(processId, '2026-02-20');
    const res = await openVote('collective', 4, VOTERS);
    expect(res.statusCode, res.body).toBe(201);
    const voteId = (res.json() as { voteSessionId: string }).voteSessionId;
    await runElectronic(voteId, VOTERS, [true, true, true, false]);
    const done = await fx.complete(processId, 'collective', '2026-03-12');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ outcome: 'passed', continues: true });
    const p = (await fx.officer.get(`/api/decisions/${processId}`)).json() as ProcessDetail;
    const step = p.steps.find((s) => s.key === 'collective')!;
    expect(step).toMatchObject({ status: 'done', voteMode: 'electronic', voteStatus: 'closed' });
    expect(step.verdicts.map((v) => [v.ruleId, v.status])).toEqual([
      ['process.reappointment', 'passed'],
      ['process.reappointment', 'passed'],
    ]);
    expect(step.verdicts[1]!.detail.vi).toContain('3/4 tán thành (75%)');
    expect(p.flags.map((f) => f.code)).toContain('kinship-recusal');
    const audit = await fx.database.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity_id', '=', processId)
      .where('action', '=', 'decision.step.vote_open')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => JSON.parse(a.after_json!) as { mode: string; summoned: number; recused: number })).toEqual([
      expect.objectContaining({ step: 'key-cadres', mode: 'electronic', summoned: 4, recused: 1 }),
      expect.objectContaining({ step: 'collective', mode: 'electronic', summoned: 4, recused: 0 }),
    ]);
  });

  it('still lets a paper count be entered instead, by two tally members, on another process', async () => {
    const seat = await fx.seat('PHO_GIAM_DOC_SO');
    const person = await fx.person({ fullName: 'Lý Thị Nga', birthDate: '1984-04-04', sex: 'F' });
    await fx.seatPerson(seat, person, 'Lý Thị Nga');
    const res = await fx.start({ action: 'dismissal', personId: person, positionId: seat });
    const id = (res.json() as ProcessDetail).id;
    await fx.complete(id, 'proposal', '2026-03-03');
    await fx.complete(id, 'meeting', '2026-03-04');
    await fx.paperVote(id, 'collective', { summoned: 9, collected: 9, forEach: [5] });
    expect((await fx.complete(id, 'collective', '2026-03-12')).json()).toMatchObject({ outcome: 'passed' });
    const p = (await fx.officer.get(`/api/decisions/${id}`)).json() as ProcessDetail;
    expect(p.steps.find((s) => s.key === 'collective')).toMatchObject({ voteMode: 'paper', voteStatus: 'counted' });
  });
});
