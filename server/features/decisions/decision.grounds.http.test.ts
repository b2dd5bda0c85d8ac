import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessDetail } from '../../../contracts/decisions';
import { testDialects } from '../../../test/databases';
import { type DecisionsFixture, decisionsFixture } from './decision.fixture';

const RATINGS = [2023, 2024, 2025].map((year) => ({ year, level: 'good' as const }));
type Details = { path: string; message: string }[];

// The published confidence votes reach the checks of a decision (as the acting user may read them), the grounds of a
// dismissal are judged against the rule's list, and a reappointment is postponed while a case of NĐ 170/2025 lasts.
describe.each(testDialects())('vote facts, grounds and postponements of a decision on %s', (dialect) => {
  let fx: DecisionsFixture;
  let headSeat: string;
  let deputySeat: string;

  beforeAll(async () => {
    fx = await decisionsFixture(dialect);
    headSeat = await fx.seat('GIAM_DOC_SO', { seatCount: 3 });
    deputySeat = await fx.seat('PHO_GIAM_DOC_SO', { seatCount: 5 });
  });
  afterAll(async () => {
    await fx?.close();
  });

  /** An outside-source appointment to the head seat up to its last step's count (the checks run at that step). */
  const appointmentToLastStep = async (personId: string) => {
    const res = await fx.start({ action: 'appointment', source: 'outside', personId, positionId: headSeat, ratings: RATINGS });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as ProcessDetail).id;
    expect((await fx.complete(id, 'policy', '2026-03-03')).statusCode).toBe(200);
    await fx.paperVote(id, 'workplace', { summoned: 9, collected: 9, forEach: [8], voteDate: '2026-03-05' });
    expect((await fx.complete(id, 'workplace', '2026-03-05')).statusCode).toBe(200);
    await fx.fullDossier(id, '2026-02-16');
    await fx.paperVote(id, 'decision', { summoned: 9, collected: 9, forEach: [8], voteDate: '2026-03-10' });
    return id;
  };

  it('blocks an appointment over the low-vote rule: more than half low votes in the latest published vote', async () => {
    const person = await fx.person({ fullName: 'Trần Văn Thấp', birthDate: '1978-02-02' });
    await fx.confidenceVote(person, 'Trần Văn Thấp', { voteDate: '2026-01-15', summoned: 20, collected: 20, low: 11 });
    const id = await appointmentToLastStep(person);
    const res = await fx.complete(id, 'decision', '2026-03-11');
    expect(res.statusCode, res.body).toBe(409);
    const low = (res.json().error.details as Details).find((d) => d.path === 'eligibility.low-confidence-vote');
    expect(low?.message).toContain('11/20');
  });

  it('lets the appointment go on at exactly half low votes, the verdict shown with its vote', async () => {
    const person = await fx.person({ fullName: 'Trần Văn Nửa', birthDate: '1978-03-03' });
    await fx.confidenceVote(person, 'Trần Văn Nửa', { voteDate: '2026-01-15', summoned: 20, collected: 20, low: 10 });
    const id = await appointmentToLastStep(person);
    const res = await fx.complete(id, 'decision', '2026-03-11');
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await fx.officer.get(`/api/decisions/${id}`)).json() as ProcessDetail;
    const low = detail.eligibility.find((v) => v.ruleId === 'eligibility.low-confidence-vote');
    expect(low).toMatchObject({ status: 'passed', inputs: { low: 10, base: 20 } });
  });

  it('reads the votes as the acting user may see them: a vote held in another province does not reach the check', async () => {
    const person = await fx.person({ fullName: 'Trần Văn Phạm', birthDate: '1978-04-04' });
    const lc = await fx.database.db.selectFrom('organizations').select('id').where('code', '=', 'LC').executeTakeFirstOrThrow();
    await fx.confidenceVote(person, 'Trần Văn Phạm', {
      voteDate: '2026-01-15',
      summoned: 20,
      collected: 20,
      low: 15,
      organizationId: lc.id,
    });
    const id = await appointmentToLastStep(person);
    // officer.tq reads votes in Tuyên Quang only: the Lào Cai vote is not a fact of his check, the step completes.
    const res = await fx.complete(id, 'decision', '2026-03-11');
    expect(res.statusCode, res.body).toBe(200);
    const p = (await fx.officer.get(`/api/decisions/${id}`)).json() as ProcessDetail;
    expect(p.eligibility.find((v) => v.ruleId === 'eligibility.low-confidence-vote')!.detail.vi).toContain(
      'Không có kết quả lấy phiếu',
    );
  });

  it('blocks a dismissal decision without a ground, and decides it once a published vote proves the ground', async () => {
    const person = await fx.person({ fullName: 'Phan Văn Miễn', birthDate: '1975-05-05' });
    await fx.seatPerson(deputySeat, person, 'Phan Văn Miễn', '2025-10-01');
    const res = await fx.start({ action: 'dismissal', personId: person, positionId: deputySeat, startedOn: '2026-04-06' });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json() as ProcessDetail;
    expect(p.circumstanceOptions.map((o) => o.key)).toEqual(['low-votes', 'not-complete', 'discipline', 'degradation']);
    expect(p.eligibility.find((v) => v.ruleId === 'grounds.dismissal')).toMatchObject({ status: 'failed' });
    await fx.complete(p.id, 'proposal', '2026-04-07');
    await fx.complete(p.id, 'meeting', '2026-04-08');
    await fx.paperVote(p.id, 'collective', { summoned: 10, collected: 10, forEach: [8] });
    expect((await fx.complete(p.id, 'collective', '2026-04-10')).statusCode).toBe(200);
    await fx.complete(p.id, 'decision', '2026-04-13');
    const decide = (number: string) =>
      fx.leader.post(`/api/decisions/${p.id}/decide`, {
        number,
        decisionDate: '2026-04-14',
        effectiveDate: '2026-04-15',
        signerName: 'Nguyễn Văn Ký',
      });
    const blocked = await decide('15/QĐ-UBND');
    expect(blocked.statusCode).toBe(409);
    expect((blocked.json().error.details as Details).map((d) => d.path)).toContain('grounds.dismissal');

    // A key the rule does not list is refused; exactly 2/3 low votes does not prove "more than 2/3".
    expect(
      (await fx.officer.post(`/api/decisions/${p.id}/circumstances`, { key: 'laziness', fromDate: '2026-04-06', reference: 'x' }))
        .statusCode,
    ).toBe(400);
    await fx.confidenceVote(person, 'Phan Văn Miễn', { voteDate: '2026-03-20', summoned: 30, collected: 30, low: 20 });
    const claimed = await fx.officer.post(`/api/decisions/${p.id}/circumstances`, {
      key: 'low-votes',
      fromDate: '2026-04-06',
      reference: 'Biên bản kiểm phiếu ngày 20/03/2026',
    });
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect((claimed.json() as ProcessDetail).circumstances.map((c) => c.label.vi)).toEqual(['Trên 2/3 phiếu tín nhiệm thấp']);
    expect((await decide('15/QĐ-UBND')).statusCode).toBe(409);

    await fx.confidenceVote(person, 'Phan Văn Miễn', { voteDate: '2026-03-25', summoned: 30, collected: 30, low: 21 });
    const ok = await decide('16/QĐ-UBND');
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await fx.officer.get(`/api/decisions/${p.id}`)).json() as ProcessDetail;
    expect(after.status).toBe('decided');
    expect(after.eligibility.find((v) => v.ruleId === 'grounds.dismissal')).toMatchObject({
      status: 'passed',
      inputs: { low: 21, base: 30, voteRule: 'state.dismissal-low-votes' },
    });
    const audit = await fx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'decision.ground')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('postpones a reappointment while an investigation lasts, and lets it go on once it ended', async () => {
    const person = await fx.person({ fullName: 'Vũ Văn Hoãn', birthDate: '1975-06-06' });
    await fx.seatPerson(headSeat, person, 'Vũ Văn Hoãn', '2025-10-01', '2026-06-30');
    const res = await fx.start({ action: 'reappointment', personId: person, positionId: headSeat });
    const id = (res.json() as ProcessDetail).id;
    const recorded = await fx.officer.post(`/api/decisions/${id}/circumstances`, {
      key: 'investigation',
      fromDate: '2026-02-20',
      toDate: '2026-03-11',
      reference: 'Thông báo 03/TB-CQĐT',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect((recorded.json() as ProcessDetail).circumstanceOptions.map((o) => o.key)).toContain('abroad');
    expect((await fx.complete(id, 'notice', '2026-03-03')).statusCode).toBe(200);
    expect((await fx.complete(id, 'self-review', '2026-03-04')).statusCode).toBe(200);
    await fx.paperVote(id, 'key-cadres', { summoned: 30, collected: 28, forEach: [16] });
    expect((await fx.complete(id, 'key-cadres', '2026-03-10')).statusCode).toBe(200);
    await fx.fullDossier(id, '2026-02-16');
    await fx.paperVote(id, 'collective', { summoned: 9, collected: 9, forEach: [7], voteDate: '2026-03-11' });
    // On the investigation's last day: postponed, citing NĐ 170/2025.
    const blocked = await fx.complete(id, 'collective', '2026-03-11');
    expect(blocked.statusCode).toBe(409);
    const postponed = (blocked.json().error.details as Details).find((d) => d.path === 'state.reappointment');
    expect(postponed?.message).toContain('tạm hoãn bổ nhiệm lại');
    // The day after it ended: the step completes.
    const ok = await fx.complete(id, 'collective', '2026-03-12');
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('shows the reappointment low-vote rule as a warning only (unconfirmed), from the published vote', async () => {
    const person = await fx.person({ fullName: 'Vũ Thị Cảnh', birthDate: '1976-07-07', sex: 'F' });
    await fx.seatPerson(headSeat, person, 'Vũ Thị Cảnh', '2025-10-01', '2026-06-30');
    await fx.confidenceVote(person, 'Vũ Thị Cảnh', { voteDate: '2026-01-15', summoned: 20, collected: 20, low: 12 });
    const id = ((await fx.start({ action: 'reappointment', personId: person, positionId: headSeat })).json() as ProcessDetail).id;
    expect((await fx.complete(id, 'notice', '2026-03-03')).statusCode).toBe(200);
    expect((await fx.complete(id, 'self-review', '2026-03-04')).statusCode).toBe(200);
    await fx.paperVote(id, 'key-cadres', { summoned: 30, collected: 28, forEach: [16] });
    expect((await fx.complete(id, 'key-cadres', '2026-03-10')).statusCode).toBe(200);
    await fx.fullDossier(id, '2026-02-16');
    await fx.paperVote(id, 'collective', { summoned: 9, collected: 9, forEach: [7], voteDate: '2026-03-11' });
    const done = await fx.complete(id, 'collective', '2026-03-12');
    expect(done.statusCode, done.body).toBe(200);
    const p = (await fx.officer.get(`/api/decisions/${id}`)).json() as ProcessDetail;
    expect(p.eligibility.find((v) => v.ruleId === 'reappointment.low-confidence-vote')).toMatchObject({
      status: 'warning',
      inputs: { low: 12 },
    });
  });
});
