import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessDetail } from '../../../contracts/decisions';
import type { RatingLevel } from '../../../contracts/evaluations';
import type { InfoPack } from '../../../contracts/vote-info-pack';
import type { VoterGroupProposal } from '../../../contracts/vote-voter-groups';
import type { VoteDetail } from '../../../contracts/votes';
import { testDialects } from '../../../test/databases';
import { type Client, loginAs } from '../../../test/http';
import { newId } from '../../lib/ids';
import { type DecisionsFixture, decisionsFixture } from '../decisions/decision.fixture';

// Setting up a confidence vote from the policy's voter groups, and a vote knowing the decision step it serves.
describe.each(testDialects())('preparing a vote on %s', (dialect) => {
  let fx: DecisionsFixture;
  let officerLc: Client;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    fx = await decisionsFixture(dialect);
    officerLc = await loginAs(fx.app, 'officer.lc');
    const head = await fx.seat('GIAM_DOC_SO', { seatCount: 1 });
    const deputies = await fx.seat('PHO_GIAM_DOC_SO');
    const accountant = await fx.seat('KE_TOAN_TRUONG', { seatCount: 1 });
    const seat = async (key: string, seatId: string, fullName: string, titleCode: string, from?: string) => {
      people[key] = await fx.person({ fullName, birthDate: '1975-01-01', currentTitleCode: titleCode });
      await fx.seatPerson(seatId, people[key], fullName, from);
    };
    people.director = await fx.person({
      fullName: 'Nguyễn Văn Giám',
      birthDate: '1975-01-01',
      currentTitleCode: 'GIAM_DOC_SO',
      homeTown: 'Xã Minh Xuân, tỉnh Tuyên Quang',
      partyAdmissionDate: '2001-05-19',
      workHistory: [
        { from: '2015-03', to: '2020-09', titleName: 'Phó Giám đốc Sở Nội vụ', organizationName: 'Sở Nội vụ' },
        { from: '2020-10', titleName: 'Giám đốc Sở Nội vụ', organizationName: 'Sở Nội vụ' },
      ],
    });
    await fx.seatPerson(head, people.director, 'Nguyễn Văn Giám');
    await seat('deputy1', deputies, 'Trần Thị Phó', 'PHO_GIAM_DOC_SO');
    await seat('deputy2', deputies, 'Lê Văn Hai', 'PHO_GIAM_DOC_SO');
    await seat('accountant', accountant, 'Đỗ Thị Kế', 'KE_TOAN_TRUONG');
    // seated after the vote date: not in the group on that day
    await seat('late', deputies, 'Phạm Văn Muộn', 'PHO_GIAM_DOC_SO', '2026-12-01');
    // the director's user account, so an electronic vote gets his user name
    await fx.database.db.updateTable('users').set({ person_id: people.director! }).where('username', '=', 'cadre.tq').execute();
  }, 600_000);
  afterAll(async () => {
    await fx?.close();
  });

  const propose = (client: Client, personIds: string[], voteDate = '2026-11-20', organizationId = fx.snv) =>
    client.post('/api/votes/voter-group', { organizationId, voteDate, personIds });

  it("proposes the department's conference and the holders of the posts it names on the vote date", async () => {
    const res = await propose(fx.officer, [people.director!, people.deputy1!, people.deputy2!]);
    expect(res.statusCode, res.body).toBe(200);
    const sut = res.json() as VoterGroupProposal;
    expect(sut.verdict).toMatchObject({ ruleId: 'vote.voter-groups', versionId: 'voter-groups.96-2025', status: 'matched' });
    expect(sut.text).toMatch(/^Hội nghị lấy phiếu tại sở, ban, ngành: Tập thể lãnh đạo sở/);
    expect(sut.voters.map((v) => [v.fullName, v.partKey])).toEqual([
      ['Nguyễn Văn Giám', 'department-leaders'],
      ['Lê Văn Hai', 'department-leaders'],
      ['Trần Thị Phó', 'department-leaders'],
      ['Đỗ Thị Kế', 'division-heads'],
    ]);
    expect(sut.voters.find((v) => v.fullName === 'Nguyễn Văn Giám')!.username).toBe('cadre.tq');
    expect(sut.voters.find((v) => v.fullName === 'Trần Thị Phó')!.username).toBeNull();
    expect(sut.manualParts.map((p) => p.vi)).toEqual(['Ủy viên ban chấp hành đảng bộ (chi bộ) cơ quan']);
  });

  it('counts the one seated later once the vote date reaches his start', async () => {
    const sut = (await propose(fx.officer, [people.deputy1!], '2026-12-01')).json() as VoterGroupProposal;
    expect(sut.voters.map((v) => v.fullName)).toContain('Phạm Văn Muộn');
  });

  it('answers another province as if the unit and people did not exist', async () => {
    const res = await propose(officerLc, [people.director!]);
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('Nguyễn Văn Giám');
  });

  it('keeps the verdict with a confidence vote, and the count record cites it', async () => {
    const res = await fx.officer.post('/api/votes', {
      organizationId: fx.snv,
      kind: 'confidence',
      mode: 'paper',
      track: 'party',
      title: 'Lấy phiếu tín nhiệm lãnh đạo Sở Nội vụ',
      voteDate: '2026-11-20',
      voterGroup: 'Hội nghị lấy phiếu tại sở',
      summonedCount: 12,
      subjects: [
        { personId: people.director!, titleText: 'Giám đốc Sở Nội vụ' },
        { personId: people.deputy1!, titleText: 'Phó Giám đốc Sở Nội vụ' },
        { fullName: 'Người ngoài', titleText: 'Chuyên viên' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json() as VoteDetail;
    expect(v.voterGroupRule).toMatchObject({ ruleId: 'vote.voter-groups', status: 'partial', outside: ['Người ngoài'] });
    expect(v.servesStep).toBeNull();
    const count = {
      issued: 12,
      collected: 12,
      valid: 12,
      invalid: 0,
      subjects: v.subjects.map((x) => ({ subjectId: x.id, high: 10, medium: 1, low: 1, invalid: 0 })),
    };
    expect((await fx.tally1.post(`/api/votes/${v.id}/paper-entries`, count)).statusCode).toBe(200);
    expect((await fx.tally2.post(`/api/votes/${v.id}/paper-entries`, count)).json()).toMatchObject({ status: 'matched' });
    const record = await fx.officer.get(`/api/votes/${v.id}/record.docx`);
    expect(record.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(record.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Thành phần theo quy định (vote.voter-groups): 96-QĐ/TW ngày 02/02/2023');
  });

  it('gives the voters a pack per person (summary CV, the previous vote; no evaluation recorded yet), printable', async () => {
    const res = await fx.officer.post('/api/votes', {
      organizationId: fx.snv,
      kind: 'confidence',
      mode: 'paper',
      track: 'party',
      title: 'Lấy phiếu tín nhiệm bổ sung',
      voteDate: '2026-12-10',
      voterGroup: 'Hội nghị lấy phiếu tại sở',
      summonedCount: 12,
      subjects: [
        { personId: people.director!, titleText: 'Giám đốc Sở Nội vụ' },
        { fullName: 'Người ngoài', titleText: 'Chuyên viên' },
      ],
    });
    const v = res.json() as VoteDetail;
    const pack = (await fx.officer.get(`/api/votes/${v.id}/info-pack`)).json() as InfoPack;
    expect(pack.rule).toMatchObject({ id: 'vote.info-pack', unconfirmed: true });
    expect(pack.rule.citation).toMatch(/^96-QĐ\/TW ngày 02\/02\/2023/);
    expect(pack.sections.map((x) => x.key)).toEqual(['cv', 'self-assessment', 'ratings', 'previous-votes']);
    const [director, outsider] = pack.people;
    expect(director).toMatchObject({ fullName: 'Nguyễn Văn Giám', hasRecord: true, selfAssessment: null, ratings: [] });
    expect(director!.cv).toMatchObject({
      birthDate: '1975-01-01',
      homeTown: 'Xã Minh Xuân, tỉnh Tuyên Quang',
      partyAdmissionDate: '2001-05-19',
    });
    expect(director!.cv!.workHistory.map((w) => w.titleName)).toEqual(['Phó Giám đốc Sở Nội vụ', 'Giám đốc Sở Nội vụ']);
    // the vote of 20/11/2026 above: 10 of 12 high, 1 medium, 1 low
    expect(director!.previousVotes).toEqual([
      { voteDate: '2026-11-20', collected: 12, pctHigh: 83.3, pctMedium: 8.3, pctLow: 8.3 },
    ]);
    expect(outsider).toMatchObject({ hasRecord: false, cv: null, previousVotes: [] });

    const docx = await fx.officer.get(`/api/votes/${v.id}/info-pack.docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('TÀI LIỆU CUNG CẤP CHO NGƯỜI THAM GIA LẤY PHIẾU TÍN NHIỆM');
    expect(xml).toContain('Nguyễn Văn Giám — Giám đốc Sở Nội vụ');
    expect(xml).toContain('83,3%');
    expect(xml).toContain('Chưa có hồ sơ cán bộ trong hệ thống.');

    expect((await officerLc.get(`/api/votes/${v.id}/info-pack`)).statusCode).toBe(404);
    expect((await officerLc.get(`/api/votes/${v.id}/info-pack.docx`)).statusCode).toBe(404);
  });

  it('shows the self-assessment and the ratings of the last three years in the pack when evaluations exist', async () => {
    const db = fx.database.db;
    const at = '2026-11-01T08:00:00.000Z';
    // annual cycles 2023–2026; the vote of 10/12/2026 lists the ratings of 2024, 2025 and 2026 (policy: ratingYears 3)
    const cycle = async (year: number) => {
      const id = newId();
      await db
        .insertInto('evaluation_cycles')
        .values({
          id,
          organization_id: fx.snv,
          kind: 'annual',
          track: 'party',
          year,
          quarter: null,
          title: `Đánh giá, xếp loại năm ${year}`,
          policy_date: `${year}-12-31`,
          closed: year < 2026 ? 1 : 0,
          created_by: null,
          created_at: at,
        })
        .execute();
      return id;
    };
    const evaluation = async (year: number, level: RatingLevel | null, selfPointsTenths: number | null, comment?: string) => {
      const id = newId();
      await db
        .insertInto('evaluations')
        .values({
          id,
          cycle_id: await cycle(year),
          group_id: null,
          person_id: people.deputy1!,
          person_name: 'Trần Thị Phó',
          organization_id: fx.snv,
          subject_group: 'leader_other',
          status: level ? 'decided' : 'appraisal',
          self_score_json: null,
          self_points_tenths: selfPointsTenths,
          appraisal_score_json: null,
          appraisal_points_tenths: null,
          facts_json: null,
          proposed_level: level,
          verdicts_json: null,
          decided_level: level,
          created_at: at,
          updated_at: at,
        })
        .execute();
      if (comment)
        await db
          .insertInto('evaluation_steps')
          .values({
            id: newId(),
            evaluation_id: id,
            kind: 'self_assessment',
            actor_id: null,
            at: `${year}-11-15T08:00:00.000Z`,
            comment,
            points_tenths: selfPointsTenths,
            level: null,
          })
          .execute();
    };
    await evaluation(2023, 'not_complete', 500); // four years before the vote: outside the pack
    await evaluation(2024, 'good', 820, 'Hoàn thành các nhiệm vụ được giao năm 2024.');
    await evaluation(2025, 'excellent', 905, 'Chủ trì xây dựng đề án sắp xếp bộ máy.');
    await evaluation(2026, null, 855, 'Tự nhận xét năm 2026: hoàn thành tốt; còn chậm một báo cáo.');

    const v = (
      await fx.officer.post('/api/votes', {
        organizationId: fx.snv,
        kind: 'confidence',
        mode: 'paper',
        track: 'party',
        title: 'Lấy phiếu tín nhiệm Phó Giám đốc',
        voteDate: '2026-12-10',
        voterGroup: 'Hội nghị lấy phiếu tại sở',
        summonedCount: 12,
        subjects: [{ personId: people.deputy1!, titleText: 'Phó Giám đốc Sở Nội vụ' }],
      })
    ).json() as VoteDetail;
    const pack = (await fx.officer.get(`/api/votes/${v.id}/info-pack`)).json() as InfoPack;
    const [deputy] = pack.people;
    // the latest annual evaluation up to the vote's year is this year's, still in appraisal: no decided level yet
    expect(deputy!.selfAssessment).toEqual({
      year: 2026,
      cycleTitle: 'Đánh giá, xếp loại năm 2026',
      comment: 'Tự nhận xét năm 2026: hoàn thành tốt; còn chậm một báo cáo.',
      selfPoints: 85.5,
      decidedLevel: null,
    });
    expect(deputy!.ratings).toEqual([
      { year: 2024, level: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' } },
      { year: 2025, level: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' } },
    ]);

    const docx = await fx.officer.get(`/api/votes/${v.id}/info-pack.docx`);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Đánh giá, xếp loại năm 2026, tự chấm 85,5 điểm.');
    expect(xml).toContain('Tự nhận xét năm 2026: hoàn thành tốt; còn chậm một báo cáo.');
    expect(xml).toContain('Hoàn thành xuất sắc nhiệm vụ');
    expect(xml).not.toContain('Chưa có kết quả xếp loại trong hệ thống.');
    expect(xml).not.toContain('Không hoàn thành nhiệm vụ');
  });

  it('names the decision step a vote serves, with the rule of its process', async () => {
    const person = await fx.person({ fullName: 'Đinh Thị Hà', birthDate: '1986-05-05', sex: 'F' });
    const deputySeat = await fx.seat('PHO_GIAM_DOC_SO');
    const started = await fx.start({ action: 'rotation', personId: person, positionId: deputySeat });
    expect(started.statusCode, started.body).toBe(201);
    const id = (started.json() as ProcessDetail).id;
    expect((await fx.complete(id, 'proposal', '2026-03-03')).statusCode).toBe(200);
    expect((await fx.complete(id, 'meeting', '2026-03-04')).statusCode).toBe(200);
    await fx.fullDossier(id, '2026-02-16');
    const { voteId } = await fx.paperVote(id, 'collective', { summoned: 9, collected: 9, forEach: [7], voteDate: '2026-03-09' });
    const v = (await fx.officer.get(`/api/votes/${voteId}`)).json() as VoteDetail;
    expect(v.servesStep).toMatchObject({
      processId: id,
      stepKey: 'collective',
      personName: 'Đinh Thị Hà',
      ruleId: 'process.rotation',
    });
    expect(v.servesStep!.action.vi).toBe('Luân chuyển');
    expect(v.servesStep!.citation).toBeTruthy();
    expect(v.servesStep!.stepLabel.vi).not.toBe('collective');
    // a tally member reads the vote but not decisions: he sees what the vote is for, not the process id
    const t = (await fx.tally1.get(`/api/votes/${voteId}`)).json() as VoteDetail;
    expect(t.servesStep).toMatchObject({ processId: null, stepKey: 'collective' });
  });
});
