import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessDetail } from '../../../contracts/decisions';
import type { VoteDetail } from '../../../contracts/votes';
import { resolveActorByUsername } from '../../../scripts/demo/demo-actors';
import { testDialects } from '../../../test/databases';
import { type Client, loginAs } from '../../../test/http';
import { getPerson, linkUser } from '../persons/person.service';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { type DecisionsFixture, decisionsFixture } from './decision.fixture';
import * as service from './decision.service';

const RATINGS = [2023, 2024, 2025].map((year) => ({ year, level: 'good' as const }));

describe.each(testDialects())('personnel decisions over HTTP on %s', (dialect) => {
  let fx: DecisionsFixture;
  let officer: Client;
  let leader: Client;
  let inspector: Client;
  let snv: string;
  let headSeat: string;
  let deputySeat: string;
  let an: string;
  let duc: string;
  let binh: string;

  beforeAll(async () => {
    fx = await decisionsFixture(dialect);
    ({ officer, leader, inspector, snv } = fx);
    headSeat = await fx.seat('GIAM_DOC_SO', { seatCount: 1 });
    deputySeat = await fx.seat('PHO_GIAM_DOC_SO');
    an = await fx.person({
      fullName: 'Nguyễn Văn An',
      birthDate: '1980-05-10',
      family: [{ side: 'own', relation: 'sibling', fullName: 'Nguyễn Văn Đức', birthYear: 1975 }],
    });
    duc = await fx.person({ fullName: 'Nguyễn Văn Đức', birthDate: '1975-03-03' });
    binh = await fx.person({ fullName: 'Lê Thị Bình', birthDate: '1982-07-01', sex: 'F' });
    await fx.seatPerson(deputySeat, an, 'Nguyễn Văn An');
    await fx.seatPerson(deputySeat, binh, 'Lê Thị Bình');
  });
  afterAll(async () => {
    await fx?.close();
  });

  /** Opens the step's vote, has two tally members enter the same paper count (one re-entering alone confirms nothing). */
  const voteStep = async (
    id: string,
    key: string,
    summoned: number,
    collected: number,
    forEach: number[],
    others: string[] = [],
  ) => fx.paperVote(id, key, { summoned, collected, forEach, others, reenterFirst: true });
  const complete = (id: string, key: string, completedOn = '2026-03-12', extra = {}) => fx.complete(id, key, completedOn, extra);

  let processId: string;

  it('starts an on-site appointment with the five NĐ 170/2025 steps and its deadlines in working days', async () => {
    const res = await officer.post('/api/decisions', {
      organizationId: snv,
      action: 'appointment',
      source: 'on-site',
      track: 'state',
      personId: an,
      positionId: headSeat,
      startedOn: '2026-03-02',
      ratings: RATINGS,
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json() as ProcessDetail;
    processId = p.id;
    expect(p.steps.map((s) => s.key)).toEqual(['structure', 'expanded', 'collective', 'key-cadres', 'decision']);
    expect(p.policyDeadline).toBe('2026-03-23');
    expect(p.processDeadline).toBe('2026-04-13');
    expect(p.citation).toContain('170/2025/NĐ-CP');
    expect(p.dossier.every((d) => d.state === 'missing')).toBe(true);
  });

  it('refuses a step out of order and a vote on a step without one', async () => {
    expect((await complete(processId, 'collective')).statusCode).toBe(409);
    expect(
      (
        await officer.post(`/api/decisions/${processId}/steps/structure/vote`, {
          summoned: 9,
          voterGroup: 'x',
          voteDate: '2026-03-03',
        })
      ).statusCode,
    ).toBe(400);
    const done = await complete(processId, 'structure', '2026-03-03');
    expect(done.json()).toMatchObject({ outcome: 'recorded', continues: true });
  });

  it('records the kinship recusal of a voter from the family table and takes him out of those summoned', async () => {
    const noKin = await officer.post(`/api/decisions/${processId}/recusals`, {
      role: 'voter',
      stepKey: 'expanded',
      personId: binh,
      fullName: 'Lê Thị Bình',
    });
    expect(noKin.statusCode).toBe(400);
    const res = await officer.post(`/api/decisions/${processId}/recusals`, {
      role: 'voter',
      stepKey: 'expanded',
      personId: duc,
      fullName: 'Nguyễn Văn Đức',
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as ProcessDetail;
    expect(p.recusals[0]).toMatchObject({ fullName: 'Nguyễn Văn Đức', relation: 'sibling' });
    expect(p.flags.map((f) => f.code)).toContain('kinship-recusal');
  });

  it('counts the expanded ballot over those summoned less the recused, from the double-entered paper count', async () => {
    const { voteId, vote } = await voteStep(processId, 'expanded', 30, 25, [15, 10], ['Lê Thị Bình']);
    expect(vote.summonedCount).toBe(29);
    expect(vote.kind).toBe('appointment');
    // 15 of 29 is over 50 %: chosen.
    const res = await complete(processId, 'expanded');
    expect(res.json()).toMatchObject({ outcome: 'passed', continues: true });
    expect(((await officer.get(`/api/votes/${voteId}`)).json() as VoteDetail).paper!.enteredBy).toHaveLength(2);
  });

  it('runs the collective and key-cadre steps', async () => {
    await voteStep(processId, 'collective', 9, 9, [5, 4], ['Lê Thị Bình']);
    expect((await complete(processId, 'collective')).json()).toMatchObject({ outcome: 'passed' });
    await voteStep(processId, 'key-cadres', 40, 27, [20]);
    expect((await complete(processId, 'key-cadres')).json()).toMatchObject({ outcome: 'recorded' });
  });

  it('blocks the last step while the dossier is missing or stale, and on a failed eligibility rule until the authority overrides', async () => {
    const missing = await complete(processId, 'decision', '2026-03-20');
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error.details.map((d: { path: string }) => d.path)).toContain('dossier.personnel');
    const add = (key: string, documentDate: string) =>
      officer.post(`/api/decisions/${processId}/dossier`, { key, documentDate, reference: `${key}-01` });
    expect((await add('cv-photo', '2025-09-19')).statusCode).toBe(200);
    for (const key of ['asset-declaration', 'political-standard', 'residence-comments']) await add(key, '2026-01-15');
    await add('health-certificate', '2026-02-01');
    const stale = await complete(processId, 'decision', '2026-03-20');
    expect(stale.statusCode).toBe(409);
    expect(JSON.stringify(stale.json().error.details)).toContain('19/09/2025');
    await add('cv-photo', '2026-02-20');
    const ineligible = await complete(processId, 'decision', '2026-03-20');
    expect(ineligible.json().error.details.map((d: { path: string }) => d.path)).toEqual(['appointment.months-in-post']);
    const byOfficer = await officer.post(`/api/decisions/${processId}/overrides`, {
      ruleId: 'appointment.months-in-post',
      authority: 'Ban Thường vụ Tỉnh ủy',
      decisionRef: 'TB 12-TB/TU',
      decidedOn: '2026-03-18',
      reason: 'Yêu cầu nhiệm vụ',
    });
    expect(byOfficer.statusCode).toBe(403);
    const byLeader = await leader.post(`/api/decisions/${processId}/overrides`, {
      ruleId: 'appointment.months-in-post',
      authority: 'Ban Thường vụ Tỉnh ủy',
      decisionRef: 'TB 12-TB/TU',
      decidedOn: '2026-03-18',
      reason: 'Yêu cầu nhiệm vụ',
    });
    expect(byLeader.statusCode, byLeader.body).toBe(200);
    await voteStep(processId, 'decision', 9, 9, [5, 4], ['Lê Thị Bình']);
    expect((await complete(processId, 'decision', '2026-03-20')).json()).toMatchObject({ outcome: 'passed' });
  });

  it('refuses a signer who is a declared relative and the officer who prepared the dossier', async () => {
    const body = {
      number: '45/QĐ-UBND',
      decisionDate: '2026-03-25',
      effectiveDate: '2026-04-01',
      signerName: 'Nguyễn Văn Đức',
      signerBirthYear: 1975,
    };
    expect((await officer.post(`/api/decisions/${processId}/decide`, body)).statusCode).toBe(403);
    const kin = await leader.post(`/api/decisions/${processId}/decide`, body);
    expect(kin.statusCode).toBe(409);
    expect(kin.json().error.message).toContain('người thân');
    const both = (await resolveActorByUsername(fx.database.db, 'officer.tq'))!;
    const leaderGrant = { ...both.grants[0]!, role: 'leader' as const };
    await expect(
      service.decide(fx.database.db, loadPolicyLibrary(), { ...both, grants: [...both.grants, leaderGrant] }, processId, {
        ...body,
        signerName: 'Người khác',
        signerBirthYear: null,
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('applies the decision in one transaction: the seats, the work history, the audit chain', async () => {
    const res = await leader.post(`/api/decisions/${processId}/decide`, {
      number: '45/QĐ-UBND',
      decisionDate: '2026-03-25',
      effectiveDate: '2026-04-01',
      signerName: 'Chủ tịch UBND tỉnh',
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as ProcessDetail;
    expect(p.status).toBe('decided');
    expect(p.flags.map((f) => f.code)).toEqual(expect.arrayContaining(['kinship-recusal', 'override']));
    const seats = await fx.database.db
      .selectFrom('position_incumbents')
      .selectAll()
      .where('person_id', '=', an)
      .orderBy('from_date')
      .execute();
    expect(seats.map((s) => [s.position_id, s.from_date, s.to_date, s.decision_ref])).toEqual([
      [deputySeat, '2025-10-01', '2026-04-01', null],
      [headSeat, '2026-04-01', null, '45/QĐ-UBND'],
    ]);
    const admin = (await resolveActorByUsername(fx.database.db, 'admin'))!;
    const person = await getPerson(fx.database.db, admin, an);
    expect(person.record.currentTitle).toBe('Giám đốc Sở');
    expect(person.record.workHistory.at(-1)).toMatchObject({ from: '2026-04-01', titleName: 'Giám đốc Sở' });
    expect((await inspector.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
    const trail = (await inspector.get(`/api/decisions/${processId}`)).json() as ProcessDetail;
    expect(trail.steps.every((s) => s.status === 'done' && s.minutesRef)).toBe(true);
  });

  it('changes nothing when the effect fails (the seat is already full)', async () => {
    const start = await officer.post('/api/decisions', {
      organizationId: snv,
      action: 'transfer',
      track: 'state',
      personId: binh,
      positionId: headSeat,
      startedOn: '2026-04-06',
    });
    expect(start.statusCode, start.body).toBe(201);
    const id = (start.json() as ProcessDetail).id;
    await complete(id, 'proposal', '2026-04-07');
    await complete(id, 'meeting', '2026-04-08');
    for (const key of ['cv-photo', 'asset-declaration', 'political-standard', 'residence-comments', 'health-certificate'])
      await officer.post(`/api/decisions/${id}/dossier`, { key, documentDate: '2026-04-01', reference: key });
    await voteStep(id, 'collective', 9, 9, [7]);
    expect((await complete(id, 'collective', '2026-04-10')).json()).toMatchObject({ outcome: 'passed' });
    await complete(id, 'decision', '2026-04-13');
    const auditBefore = await fx.database.db.selectFrom('audit_head').select('last_seq').executeTakeFirstOrThrow();
    const versionBefore = (
      await fx.database.db.selectFrom('persons').select('version').where('id', '=', binh).executeTakeFirstOrThrow()
    ).version;
    const res = await leader.post(`/api/decisions/${id}/decide`, {
      number: '50/QĐ-UBND',
      decisionDate: '2026-04-20',
      effectiveDate: '2026-04-21',
      signerName: 'Chủ tịch UBND tỉnh',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('đã đủ');
    const open = await fx.database.db
      .selectFrom('position_incumbents')
      .select(['position_id', 'to_date'])
      .where('person_id', '=', binh)
      .execute();
    expect(open).toEqual([{ position_id: deputySeat, to_date: null }]);
    expect(
      (await fx.database.db.selectFrom('persons').select('version').where('id', '=', binh).executeTakeFirstOrThrow()).version,
    ).toBe(versionBefore);
    expect((await fx.database.db.selectFrom('audit_head').select('last_seq').executeTakeFirstOrThrow()).last_seq).toBe(
      auditBefore.last_seq,
    );
    expect(((await officer.get(`/api/decisions/${id}`)).json() as ProcessDetail).status).toBe('open');
  });

  it('stops the process when the collective votes against, and a dismissal ends the seat', async () => {
    const start = await officer.post('/api/decisions', {
      organizationId: snv,
      action: 'dismissal',
      track: 'state',
      personId: binh,
      positionId: deputySeat,
      startedOn: '2026-04-06',
    });
    const id = (start.json() as ProcessDetail).id;
    await complete(id, 'proposal', '2026-04-07');
    await complete(id, 'meeting', '2026-04-08');
    await voteStep(id, 'collective', 10, 10, [5]);
    // Exactly 50 % on a dismissal: the rule escalates, the process stops.
    expect((await complete(id, 'collective', '2026-04-10')).json()).toMatchObject({ outcome: 'stopped', continues: false });
    expect(((await officer.get(`/api/decisions/${id}`)).json() as ProcessDetail).status).toBe('stopped');
  });

  it('turns a shortfall under an unconfirmed process rule into a warning the officer acknowledges, logged', async () => {
    // Party track, 2026: the dismissal steps of 377-QĐ/TW are not verified article by article (unconfirmed).
    const start = await officer.post('/api/decisions', {
      organizationId: snv,
      action: 'dismissal',
      track: 'party',
      personId: binh,
      positionId: deputySeat,
      startedOn: '2026-04-13',
    });
    expect(start.statusCode, start.body).toBe(201);
    const id = (start.json() as ProcessDetail).id;
    await complete(id, 'proposal', '2026-04-14');
    await complete(id, 'meeting', '2026-04-15');
    await voteStep(id, 'collective', 10, 10, [4]);
    const refused = await complete(id, 'collective', '2026-04-16');
    expect(refused.statusCode).toBe(409);
    const error = refused.json().error as { message: string; details: { path: string; message: string }[] };
    expect(error.message).toContain('chỉ là cảnh báo');
    expect(error.details).toHaveLength(1);
    expect(error.details[0]).toMatchObject({ path: 'acknowledgeWarnings' });
    expect(error.details[0]!.message).toContain('4/10 tán thành');
    expect(((await officer.get(`/api/decisions/${id}`)).json() as ProcessDetail).status).toBe('open');

    const auditBefore = await fx.database.db.selectFrom('audit_head').select('last_seq').executeTakeFirstOrThrow();
    const done = await complete(id, 'collective', '2026-04-16', { acknowledgeWarnings: true });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ outcome: 'warned', continues: true });
    const p = (await officer.get(`/api/decisions/${id}`)).json() as ProcessDetail;
    expect(p.status).toBe('open');
    const step = p.steps.find((s) => s.key === 'collective')!;
    expect(step).toMatchObject({ status: 'done', outcome: 'warned' });
    expect(step.verdicts.find((v) => v.status === 'warning')).toMatchObject({ ruleUnconfirmed: true });
    const entry = await fx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', id)
      .where('seq', '>', auditBefore.last_seq)
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe('decision.step.acknowledge');
    expect(entry.after_json).toContain('process.dismissal');
    expect(entry.after_json).toContain('acknowledgedWarnings');
  });

  it('lists processes in scope with deadlines and flags, none for another province', async () => {
    const list = (await officer.get('/api/decisions')).json() as { items: ProcessDetail[]; total: number };
    expect(list.total).toBe(4);
    const flagged = (await inspector.get('/api/decisions?flagged=true')).json() as { items: { id: string }[] };
    expect(flagged.items.map((i) => i.id)).toContain(processId);
    const other = await loginAs(fx.app, 'officer.lc');
    expect(((await other.get('/api/decisions')).json() as { total: number }).total).toBe(0);
    expect((await other.get(`/api/decisions/${processId}`)).statusCode).toBe(404);
  });

  it('refuses a proposer who is a declared relative of the person', async () => {
    const officerUser = await fx.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'officer.tq')
      .executeTakeFirstOrThrow();
    await linkUser(fx.database.db, null, officerUser.id, duc);
    const res = await officer.post('/api/decisions', {
      organizationId: snv,
      action: 'rotation',
      track: 'state',
      personId: an,
      positionId: deputySeat,
      startedOn: '2026-05-04',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('phải tránh');
  });
});
