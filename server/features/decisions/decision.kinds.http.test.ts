import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessDetail } from '../../../contracts/decisions';
import { resolveActorByUsername } from '../../../scripts/demo/demo-actors';
import { testDialects } from '../../../test/databases';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { type DecisionsFixture, decisionsFixture } from './decision.fixture';
import * as service from './decision.service';

// The checks particular to some action kinds: rotation (65-QĐ/TW), reappointment near retirement (NĐ 170/2025
// art. 39–40), and separation of duties for whoever recorded a dossier document.
describe.each(testDialects())('checks of particular action kinds on %s', (dialect) => {
  let fx: DecisionsFixture;
  let deputySeat: string;
  let headSeat: string;

  beforeAll(async () => {
    fx = await decisionsFixture(dialect);
    deputySeat = await fx.seat('PHO_GIAM_DOC_SO');
    headSeat = await fx.seat('GIAM_DOC_SO', { seatCount: 1 });
  });
  afterAll(async () => {
    await fx?.close();
  });

  /** Runs the steps before the collective's vote of a 4-step process (proposal, meeting) and its vote. */
  const upToCollective = async (id: string, dossierDate: string) => {
    expect((await fx.complete(id, 'proposal', '2026-03-03')).statusCode).toBe(200);
    expect((await fx.complete(id, 'meeting', '2026-03-04')).statusCode).toBe(200);
    await fx.fullDossier(id, dossierDate);
    await fx.paperVote(id, 'collective', { summoned: 9, collected: 9, forEach: [7], voteDate: '2026-03-09' });
  };

  it('blocks rotating a man with under 10 years of service left, citing 65-QĐ/TW, and lets a younger one go on', async () => {
    const older = await fx.person({ fullName: 'Đinh Văn Lộc', birthDate: '1968-01-10' });
    const res = await fx.start({ action: 'rotation', personId: older, positionId: deputySeat });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as ProcessDetail).id;
    await upToCollective(id, '2026-02-16');
    const blocked = await fx.complete(id, 'collective', '2026-03-10');
    expect(blocked.statusCode).toBe(409);
    const details = blocked.json().error.details as { path: string; message: string }[];
    expect(details.map((d) => d.path)).toEqual(['rotation.requirements']);
    expect(details[0]!.message).toContain('cần ít nhất 10 năm');

    const younger = await fx.person({ fullName: 'Đinh Thị Hà', birthDate: '1986-05-05', sex: 'F' });
    const ok = await fx.start({ action: 'rotation', personId: younger, positionId: deputySeat });
    const okId = (ok.json() as ProcessDetail).id;
    await upToCollective(okId, '2026-02-16');
    expect((await fx.complete(okId, 'collective', '2026-03-10')).json()).toMatchObject({ outcome: 'passed' });
    const p = (await fx.officer.get(`/api/decisions/${okId}`)).json() as ProcessDetail;
    // Both requirements shown (the detail is judged as of today): the years left, the certificate's 6 months' validity.
    const rotation = p.eligibility.filter((v) => v.ruleId === 'rotation.requirements');
    expect(rotation).toHaveLength(2);
    expect(rotation[0]).toMatchObject({ status: 'passed' });
    expect(p.eligibility.find((v) => v.detail.vi.includes('Giấy chứng nhận sức khỏe'))!.detail.vi).toContain('16/08/2026');
  });

  it('reappoints a head two years from retirement until retirement, and sets that term end on effect', async () => {
    // Born 03/1966: retires in 2027, under 24 months after the term ends on 30/06/2026.
    const nam = await fx.person({ fullName: 'Bùi Văn Nam', birthDate: '1966-03-20' });
    await fx.seatPerson(headSeat, nam, 'Bùi Văn Nam', '2025-10-01', '2026-06-30');
    const res = await fx.start({ action: 'reappointment', personId: nam, positionId: headSeat });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json() as ProcessDetail;
    const term = p.eligibility.find((v) => v.ruleId === 'state.reappointment' && 'path' in v.inputs)!;
    expect(term.status).toBe('passed');
    expect(term.detail.vi).toContain('kéo dài thời gian giữ chức vụ đến ngày nghỉ hưu');
    const retirement = (term.inputs as { retirementDate: string }).retirementDate;
    expect(retirement < '2028-06-30').toBe(true);

    expect((await fx.complete(p.id, 'notice', '2026-03-03')).statusCode).toBe(200);
    expect((await fx.complete(p.id, 'self-review', '2026-03-04')).statusCode).toBe(200);
    await fx.paperVote(p.id, 'key-cadres', { summoned: 30, collected: 28, forEach: [16] });
    expect((await fx.complete(p.id, 'key-cadres', '2026-03-10')).json()).toMatchObject({ outcome: 'passed' });
    await fx.fullDossier(p.id, '2026-02-16');
    await fx.paperVote(p.id, 'collective', { summoned: 9, collected: 9, forEach: [6] });
    expect((await fx.complete(p.id, 'collective', '2026-03-11')).json()).toMatchObject({ outcome: 'passed' });
    expect((await fx.complete(p.id, 'decision', '2026-03-12')).statusCode).toBe(200);
    const decided = await fx.leader.post(`/api/decisions/${p.id}/decide`, {
      number: '70/QĐ-UBND',
      decisionDate: '2026-03-20',
      effectiveDate: '2026-07-01',
      signerName: 'Chủ tịch UBND tỉnh',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const seats = await fx.database.db
      .selectFrom('position_incumbents')
      .select(['from_date', 'to_date', 'term_end'])
      .where('person_id', '=', nam)
      .orderBy('from_date')
      .execute();
    expect(seats).toEqual([
      { from_date: '2025-10-01', to_date: '2026-07-01', term_end: '2026-06-30' },
      { from_date: '2026-07-01', to_date: null, term_end: retirement },
    ]);
  });

  it('refuses the approval of whoever recorded a document of the dossier, not only of whoever started the process', async () => {
    const person = await fx.person({ fullName: 'Tạ Văn Quý', birthDate: '1985-10-10' });
    const res = await fx.start({ action: 'transfer', personId: person, positionId: deputySeat });
    const id = (res.json() as ProcessDetail).id;
    // An inspector's account given both officer and leader grants, to show the rule, not the roles, refuses it.
    const base = (await resolveActorByUsername(fx.database.db, 'inspector.tq'))!;
    const both = {
      ...base,
      grants: [...base.grants, { ...base.grants[0]!, role: 'officer' as const }, { ...base.grants[0]!, role: 'leader' as const }],
    };
    const library = loadPolicyLibrary();
    await service.addDossierItem(fx.database.db, library, both, id, {
      key: 'asset-declaration',
      documentDate: '2026-02-01',
      reference: 'BKKTS 2026',
    });
    await expect(
      service.recordOverride(fx.database.db, both, id, {
        ruleId: 'dossier.personnel',
        authority: 'Ban Thường vụ Tỉnh ủy',
        decisionRef: 'TB 3',
        decidedOn: '2026-03-05',
        reason: 'x',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('tách bạch nhiệm vụ') });
    await expect(
      service.decide(fx.database.db, library, both, id, {
        number: '1/QĐ',
        decisionDate: '2026-03-20',
        effectiveDate: '2026-04-01',
        signerName: 'Người khác',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
