import { type PersonRecordInput, personRecordSchema } from '../../contracts/persons';
import type { PaperCount } from '../../contracts/votes';
import type { Db } from '../../server/db/database';
import type { Actor } from '../../server/features/access/access.rules';
import * as decisions from '../../server/features/decisions/decision.service';
import { findOrganizationByCode } from '../../server/features/organizations/organization.repository';
import { createPerson } from '../../server/features/persons/person.service';
import { addIncumbent, createPosition } from '../../server/features/positions/position.service';
import { loadPolicyLibrary } from '../../server/features/policy/pack.loader';
import { getVote, submitPaperEntry } from '../../server/features/votes/vote.service';
import { resolveActorByUsername } from './demo-actors';
import { DEMO_TRUSTEES, runElectronicVote } from './electronic-vote.demo';

const DOSSIER = ['cv-photo', 'asset-declaration', 'political-standard', 'residence-comments', 'health-certificate'];
const RATINGS = [2023, 2024, 2025].map((year) => ({ year, level: 'good' as const }));

/**
 * Personnel processes in Tuyên Quang in every state: decided (with a kinship recusal and an override), open at a
 * vote, open and stalled past its deadline, stopped by a vote under 30 %, a suspension decided unusually fast, a
 * reappointment whose key-cadre step was voted electronically, a dismissal stopped by an electronic tie, and a
 * reappointment postponed by a hospital stay.
 */
export async function loadDecisionsDemo(db: Db): Promise<void> {
  const library = loadPolicyLibrary();
  const [officer, leader, tally1, tally2] = (await Promise.all(
    ['officer.tq', 'leader.tq', 'tally.tq', 'tally2.tq'].map((u) => resolveActorByUsername(db, u)),
  )) as Actor[];
  if (!officer || !leader || !tally1 || !tally2) return;
  const stc = await findOrganizationByCode(db, 'TQ.STC');
  const sgd = await findOrganizationByCode(db, 'TQ.SGD');
  if (!stc || !sgd) return;
  const seat = async (orgId: string, code: string) =>
    (
      await db
        .selectFrom('positions')
        .select('id')
        .where('organization_id', '=', orgId)
        .where('title_id', 'like', `%:${code}`)
        .where('valid_to', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;
  const deputyStc = await seat(stc.id, 'PHO_GIAM_DOC_SO');
  const headStc = await seat(stc.id, 'GIAM_DOC_SO');
  const deputySgd = await seat(sgd.id, 'PHO_GIAM_DOC_SO');

  const person = async (r: Partial<PersonRecordInput> & { fullName: string; birthDate: string }) =>
    (
      await createPerson(
        db,
        null,
        personRecordSchema.parse({
          sex: 'M',
          ethnicity: '01',
          organizationId: stc.id,
          theoryLevel: 'cao_cap',
          professionalLevel: 'thac_si',
          currentTitle: 'Trưởng phòng',
          ...r,
        }),
      )
    ).id;
  const minh = await person({
    fullName: 'Hà Văn Minh',
    birthDate: '1978-04-12',
    family: [
      { side: 'own', relation: 'sibling', fullName: 'Hà Thị Thu', birthYear: 1974, occupation: 'Phó Giám đốc Sở Tài chính' },
    ],
  });
  const thu = await person({ fullName: 'Hà Thị Thu', birthDate: '1974-09-02', sex: 'F' });
  const lan = await person({ fullName: 'Ma Thị Lan', birthDate: '1981-02-20', sex: 'F', organizationId: sgd.id });
  const quang = await person({ fullName: 'Nông Văn Quang', birthDate: '1983-11-05' });
  const tuan = await person({ fullName: 'Triệu Đức Tuấn', birthDate: '1979-06-30', organizationId: sgd.id });
  const son = await person({ fullName: 'Lý Văn Sơn', birthDate: '1976-01-15' });
  // In the Department of Home Affairs, a head of division and her husband (for an on-site appointment with a recusal).
  const snv = await findOrganizationByCode(db, 'TQ.SNV');
  if (snv) {
    await person({
      fullName: 'Lương Thị Hoa',
      birthDate: '1980-06-15',
      sex: 'F',
      organizationId: snv.id,
      currentTitle: 'Trưởng phòng Công chức, viên chức',
      family: [{ side: 'own', relation: 'spouse', fullName: 'Phan Văn Tài', birthYear: 1978 }],
    });
    await person({
      fullName: 'Phan Văn Tài',
      birthDate: '1978-02-02',
      organizationId: snv.id,
      currentTitle: 'Chánh Văn phòng Sở',
    });
  }

  const count = async (voteId: string, collected: number, forEach: number[]) => {
    const v = await getVote(db, officer, voteId);
    const c: PaperCount = {
      issued: collected,
      collected,
      valid: collected,
      invalid: 0,
      subjects: v.subjects.map((s, i) => ({
        subjectId: s.id,
        ...(v.ballot.shape === 'choice' ? { chosen: forEach[i]! } : { agree: forEach[i]!, disagree: collected - forEach[i]! }),
        invalid: 0,
      })),
    };
    await submitPaperEntry(db, tally1, voteId, c);
    await submitPaperEntry(db, tally2, voteId, c);
  };
  const step = async (
    id: string,
    key: string,
    on: string,
    vote?: { summoned: number; collected: number; forEach: number[]; others?: string[] },
    documentIds: string[] = [],
  ) => {
    if (vote) {
      const voteId = await decisions.openStepVote(db, library, officer, id, key, {
        summoned: vote.summoned,
        voterGroup: 'Theo quy định của bước',
        voteDate: on,
        otherCandidates: vote.others ?? [],
      });
      await count(voteId, vote.collected, vote.forEach);
    }
    return decisions.completeStep(db, library, officer, id, key, {
      completedOn: on,
      minutesRef: `Biên bản ngày ${on.split('-').reverse().join('/')}`,
      documentIds,
    });
  };
  const dossier = async (id: string, on: string) => {
    for (const key of DOSSIER)
      await decisions.addDossierItem(db, library, officer, id, { key, documentDate: on, reference: `Hồ sơ ${key}` });
  };

  // 1. Decided: on-site appointment of Hà Văn Minh, his sister recused from the expanded conference.
  const a = await decisions.createProcess(db, library, officer, {
    organizationId: stc.id,
    action: 'appointment',
    source: 'on-site',
    track: 'state',
    personId: minh,
    positionId: deputyStc,
    startedOn: '2026-09-01',
    ratings: RATINGS,
  });
  // The proposal relies on the province's cadre-planning regulation in the register (programme demo), linked by id:
  // that entry can then be neither withdrawn nor renumbered.
  const planningRule = await db.selectFrom('documents').select('id').where('number', '=', '15-QĐ/TU').executeTakeFirst();
  await step(a, 'structure', '2026-09-03', undefined, planningRule ? [planningRule.id] : []);
  await decisions.recordRecusal(db, officer, a, { role: 'voter', stepKey: 'expanded', personId: thu, fullName: 'Hà Thị Thu' });
  await step(a, 'expanded', '2026-09-10', { summoned: 31, collected: 28, forEach: [19, 9], others: ['Nông Văn Quang'] });
  await step(a, 'collective', '2026-09-15', { summoned: 7, collected: 7, forEach: [5, 2], others: ['Nông Văn Quang'] });
  await step(a, 'key-cadres', '2026-09-22', { summoned: 45, collected: 40, forEach: [30] });
  await dossier(a, '2026-09-20');
  await step(a, 'decision', '2026-09-29', { summoned: 7, collected: 7, forEach: [6, 1], others: ['Nông Văn Quang'] });
  await decisions.decide(db, library, leader, a, {
    number: '1234/QĐ-UBND',
    decisionDate: '2026-10-05',
    effectiveDate: '2026-10-15',
    signerName: 'Chủ tịch UBND tỉnh Tuyên Quang',
  });

  // 2. Open, outside the plan, at the collective's vote (count not yet entered).
  const b = await decisions.createProcess(db, library, officer, {
    organizationId: sgd.id,
    action: 'appointment',
    source: 'on-site',
    track: 'state',
    personId: lan,
    positionId: deputySgd,
    startedOn: '2026-11-16',
    inPlan: false,
    ratings: RATINGS,
  });
  await step(b, 'structure', '2026-11-17');
  await step(b, 'expanded', '2026-11-20', { summoned: 25, collected: 22, forEach: [11, 8], others: ['Triệu Đức Tuấn'] });
  await decisions.openStepVote(db, library, officer, b, 'collective', {
    summoned: 7,
    voterGroup: 'Tập thể lãnh đạo Sở Giáo dục và Đào tạo',
    voteDate: '2026-11-26',
    otherCandidates: ['Triệu Đức Tuấn'],
  });

  // 3. Open and stalled: a party-track rotation with no step since August, past its deadline.
  const c = await decisions.createProcess(db, library, officer, {
    organizationId: stc.id,
    action: 'rotation',
    track: 'party',
    personId: quang,
    positionId: headStc,
    startedOn: '2026-08-03',
  });
  await step(c, 'proposal', '2026-08-05');

  // 4. Stopped: nobody reached 30 % at the expanded conference.
  const d = await decisions.createProcess(db, library, officer, {
    organizationId: sgd.id,
    action: 'appointment',
    source: 'on-site',
    track: 'state',
    personId: tuan,
    positionId: deputySgd,
    startedOn: '2026-10-01',
    ratings: RATINGS,
  });
  await step(d, 'structure', '2026-10-02');
  await step(d, 'expanded', '2026-10-09', {
    summoned: 30,
    collected: 27,
    forEach: [8, 8, 7],
    others: ['Ma Thị Lan', 'Nông Văn Quang'],
  });

  // 5. Decided in 3 working days: a suspension flagged as unusually fast.
  const e = await decisions.createProcess(db, library, officer, {
    organizationId: stc.id,
    action: 'suspension',
    track: 'state',
    personId: son,
    positionId: headStc,
    startedOn: '2026-11-02',
  });
  await step(e, 'proposal', '2026-11-03');
  await step(e, 'collective', '2026-11-04', { summoned: 7, collected: 7, forEach: [6] });
  await step(e, 'decision', '2026-11-05');
  await decisions.decide(db, library, leader, e, {
    number: '1502/QĐ-UBND',
    decisionDate: '2026-11-05',
    effectiveDate: '2026-11-06',
    signerName: 'Chủ tịch UBND tỉnh Tuyên Quang',
  });

  // 6. Cancelled by the competent authority, with its reason (flagged for the inspector).
  const f = await decisions.createProcess(db, library, officer, {
    organizationId: stc.id,
    action: 'transfer',
    track: 'state',
    personId: tuan,
    positionId: deputyStc,
    startedOn: '2026-10-12',
  });
  await step(f, 'proposal', '2026-10-13');
  await decisions.cancelProcess(db, leader, f, {
    cancelledOn: '2026-10-20',
    reason: 'Sở Tài chính đề nghị dừng để rà soát lại nhu cầu vị trí việc làm',
  });

  // 7. Anti-Corruption Law art. 20: a chief-accountant seat in the department and the director's son. Starting his
  // appointment there is refused with the citation (try it in the app); the rule stores no process.
  const director = await db
    .selectFrom('position_incumbents')
    .innerJoin('positions', 'positions.id', 'position_incumbents.position_id')
    .select(['position_incumbents.person_name', 'positions.valid_from'])
    .where('positions.id', '=', headStc)
    .where('position_incumbents.to_date', 'is', null)
    .executeTakeFirst();
  if (director) {
    await createPosition(db, null, {
      organizationId: stc.id,
      titleId: '368-QD-TW:KE_TOAN_TRUONG',
      seatCount: 1,
      // The catalog listing the post is 368-QĐ/TW, in force from 08/09/2025.
      validFrom: director.valid_from > '2025-10-01' ? director.valid_from : '2025-10-01',
    });
    await person({
      fullName: 'Đinh Quốc Bảo',
      birthDate: '1992-03-14',
      currentTitle: 'Phó Trưởng phòng Kế hoạch - Tài chính',
      family: [{ side: 'own', relation: 'father', fullName: director.person_name, birthYear: null }],
    });
  }

  // 8. Art. 20 the other way: the education department's cashier is the sister of a man proposed as its deputy
  // director. Starting his appointment there is refused until she is moved (try it in the app).
  const cashierSeat = await createPosition(db, null, {
    organizationId: sgd.id,
    titleId: '368-QD-TW:THU_QUY',
    seatCount: 1,
    validFrom: '2025-10-01',
  });
  const cashier = await person({
    fullName: 'Lương Thị Thu',
    birthDate: '1984-08-08',
    sex: 'F',
    organizationId: sgd.id,
    currentTitle: 'Thủ quỹ',
    family: [{ side: 'own', relation: 'sibling', fullName: 'Lương Văn Hải', birthYear: 1980 }],
  });
  await addIncumbent(db, null, cashierSeat.id, {
    personId: cashier,
    personName: 'Lương Thị Thu',
    how: 'appointed',
    from: '2025-10-01',
  });
  await person({
    fullName: 'Lương Văn Hải',
    birthDate: '1980-04-12',
    organizationId: sgd.id,
    currentTitle: 'Trưởng phòng Giáo dục phổ thông',
  });

  // 9. Electronic step vote: the reappointment of the education department's head of personnel, whose key-cadre
  // conference voted by secret electronic ballot (3 of 4 in favour, decrypted by 2 of the 3 trustees).
  const personnelSeat = await createPosition(db, null, {
    organizationId: sgd.id,
    titleId: '368-QD-TW:TRUONG_PHONG_TO_CHUC_CAN_BO',
    seatCount: 1,
    validFrom: '2025-10-01',
  });
  const khai = await person({
    fullName: 'Đỗ Văn Khải',
    birthDate: '1977-10-03',
    organizationId: sgd.id,
    currentTitle: 'Trưởng phòng Tổ chức cán bộ',
  });
  await addIncumbent(db, null, personnelSeat.id, {
    personId: khai,
    personName: 'Đỗ Văn Khải',
    how: 'appointed',
    from: '2025-10-01',
    termEnd: '2027-03-31',
  });
  const voters = ['leader.tq', 'officer.tq', 'inspector.tq', 'cadre.tq'];
  const electronicStep = async (id: string, key: string, on: string, agree: boolean[], voterGroup: string) => {
    const voteId = await decisions.openStepVote(db, library, officer, id, key, {
      summoned: voters.length,
      voterGroup,
      voteDate: on,
      mode: 'electronic',
      electronic: { voterUsernames: voters, trusteeUsernames: DEMO_TRUSTEES, threshold: 2 },
    });
    await runElectronicVote(
      db,
      voteId,
      voters.map((username, i) => ({ username, agree: agree[i]! })),
    );
    return decisions.completeStep(db, library, officer, id, key, {
      completedOn: on,
      minutesRef: `Biên bản kiểm phiếu điện tử ngày ${on.split('-').reverse().join('/')}`,
    });
  };
  const g = await decisions.createProcess(db, library, officer, {
    organizationId: sgd.id,
    action: 'reappointment',
    track: 'state',
    personId: khai,
    positionId: personnelSeat.id,
    startedOn: '2026-10-26',
  });
  await step(g, 'notice', '2026-10-27');
  await step(g, 'self-review', '2026-11-02');
  await electronicStep(g, 'key-cadres', '2026-11-10', [true, true, true, false], 'Cán bộ chủ chốt Sở Giáo dục và Đào tạo');

  // 10. Rejected: a dismissal of the finance department's procurement officer on a warning given in post; the
  // collective's electronic ballot ties at exactly 50 %, which a dismissal does not pass: the process stops.
  const procurementSeat = await createPosition(db, null, {
    organizationId: stc.id,
    titleId: '368-QD-TW:PHU_TRACH_MUA_SAM',
    seatCount: 1,
    validFrom: '2025-10-01',
  });
  const luc = await person({
    fullName: 'Hoàng Văn Lực',
    birthDate: '1985-12-12',
    currentTitle: 'Phụ trách mua sắm',
    discipline: [{ level: 'canh_cao', date: '2026-06-15', issuer: 'Giám đốc Sở Tài chính', reason: 'Vi phạm quy trình mua sắm' }],
  });
  await addIncumbent(db, null, procurementSeat.id, {
    personId: luc,
    personName: 'Hoàng Văn Lực',
    how: 'appointed',
    from: '2025-10-01',
  });
  const h = await decisions.createProcess(db, library, officer, {
    organizationId: stc.id,
    action: 'dismissal',
    track: 'state',
    personId: luc,
    positionId: procurementSeat.id,
    startedOn: '2026-10-19',
  });
  await decisions.recordCircumstance(db, library, officer, h, {
    key: 'discipline',
    fromDate: '2026-06-15',
    reference: 'Quyết định kỷ luật 88/QĐ-STC ngày 15/06/2026',
  });
  await step(h, 'proposal', '2026-10-20');
  await step(h, 'meeting', '2026-10-22');
  await electronicStep(h, 'collective', '2026-10-29', [true, false, true, false], 'Tập thể lãnh đạo Sở Tài chính');

  // 11. Postponed: the education department's chief accountant, in hospital since August, cannot be reappointed
  // while the stay lasts (NĐ 170/2025 art. 40).
  const accountantSeat = await createPosition(db, null, {
    organizationId: sgd.id,
    titleId: '368-QD-TW:KE_TOAN_TRUONG',
    seatCount: 1,
    validFrom: '2025-10-01',
  });
  const nga = await person({
    fullName: 'Vi Thị Ngà',
    birthDate: '1979-01-25',
    sex: 'F',
    organizationId: sgd.id,
    currentTitle: 'Kế toán trưởng',
  });
  await addIncumbent(db, null, accountantSeat.id, {
    personId: nga,
    personName: 'Vi Thị Ngà',
    how: 'appointed',
    from: '2025-10-01',
    termEnd: '2027-02-26',
  });
  const k = await decisions.createProcess(db, library, officer, {
    organizationId: sgd.id,
    action: 'reappointment',
    track: 'state',
    personId: nga,
    positionId: accountantSeat.id,
    startedOn: '2026-11-09',
  });
  await decisions.recordCircumstance(db, library, officer, k, {
    key: 'inpatient',
    fromDate: '2026-08-17',
    toDate: null,
    reference: 'Giấy xác nhận điều trị nội trú số 245/BVĐK ngày 17/08/2026',
  });
  await step(k, 'notice', '2026-11-10');
}
