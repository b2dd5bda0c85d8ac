import { personRecordSchema } from '../../contracts/persons';
import type { EvaluationFacts, RatingLevel, SubjectGroup } from '../../contracts/evaluations';
import { evaluationFactsSchema } from '../../contracts/evaluations';
import type { Db } from '../../server/db/database';
import * as evaluations from '../../server/features/evaluations/evaluation.service';
import { findOrganizationByCode } from '../../server/features/organizations/organization.repository';
import { personIdOfUser } from '../../server/features/persons/person.repository';
import { createPerson } from '../../server/features/persons/person.service';
import { SYSTEM_READER, listVoteOutcomes } from '../../server/features/votes/vote.outcomes';
import { resolveActorByUsername } from './demo-actors';

/** The criteria of the two demo subject groups, split evenly as the packs' general part allows (6 × 5 = 30). */
const KEYS: Record<'non_leader' | 'leader_other', string[]> = {
  non_leader: ['politics', 'ethics', 'discipline', 'style', 'service'],
  leader_other: ['politics', 'ethics', 'discipline', 'style', 'leadership'],
};

function score(points: number, group: 'non_leader' | 'leader_other' = 'non_leader') {
  const general = Math.min(30, Math.round(points * 0.3 * 10) / 10);
  const each = Math.floor((general / 5) * 10) / 10;
  const g = Object.fromEntries(KEYS[group].map((k, i) => [k, i < 4 ? each : Math.round((general - 4 * each) * 10) / 10]));
  return { general: g, results: Math.round((points - general) * 10) / 10 };
}

const facts = (f: Partial<EvaluationFacts> = {}) => evaluationFactsSchema.parse(f);

interface DemoPerson {
  name: string;
  sex: 'M' | 'F';
  born: string;
  title: string;
}

const SNV_STAFF: DemoPerson[] = [
  { name: 'Hoàng Văn Hải', sex: 'M', born: '1982-04-11', title: 'Chuyên viên chính' },
  { name: 'Nông Thị Thu', sex: 'F', born: '1986-09-02', title: 'Chuyên viên' },
  { name: 'Ma Văn Khánh', sex: 'M', born: '1979-12-20', title: 'Chuyên viên chính' },
  { name: 'Triệu Thị Hằng', sex: 'F', born: '1990-03-15', title: 'Chuyên viên' },
  { name: 'Lý Văn Sơn', sex: 'M', born: '1984-07-07', title: 'Chuyên viên' },
  { name: 'Quan Thị Ngọc', sex: 'F', born: '1988-01-28', title: 'Chuyên viên chính' },
  { name: 'Phan Văn Tùng', sex: 'M', born: '1981-05-30', title: 'Chuyên viên' },
  { name: 'Bế Thị Dung', sex: 'F', born: '1987-11-04', title: 'Chuyên viên' },
];

let serial = 0;

async function demoPerson(db: Db, p: DemoPerson, organizationId: string): Promise<string> {
  // A CCCD of Tuyên Quang (008) with the century/sex digit and birth year; the serials 9907xx are this demo's own.
  const cccd = `008${p.sex === 'M' ? 0 : 1}${p.born.slice(2, 4)}9907${String(++serial).padStart(2, '0')}`;
  const record = personRecordSchema.parse({
    cccd,
    fullName: p.name,
    sex: p.sex,
    birthDate: p.born,
    birthPlace: 'Tỉnh Tuyên Quang',
    homeTown: 'Tỉnh Tuyên Quang',
    ethnicity: '01',
    organizationId,
    currentTitle: p.title,
    recruitmentDate: '2010-08-01',
    professionalLevel: 'dai_hoc',
    theoryLevel: 'trung_cap',
  });
  return (await createPerson(db, null, record)).id;
}

async function addTasks(db: Db, evaluationId: string, year: number, exceeding: number, late = 0): Promise<void> {
  const titles = [
    'Báo cáo tổng kết công tác tổ chức',
    'Rà soát quy hoạch cán bộ',
    'Thẩm định đề án vị trí việc làm',
    'Kiểm tra hồ sơ cán bộ',
    'Tập huấn nghiệp vụ',
  ];
  for (const [i, title] of titles.entries()) {
    const due = `${year}-${String(2 * i + 2).padStart(2, '0')}-28`;
    const done =
      i < late ? `${year}-${String(2 * i + 3).padStart(2, '0')}-10` : `${year}-${String(2 * i + 2).padStart(2, '0')}-20`;
    await evaluations.addTask(db, null, evaluationId, {
      title,
      dueOn: due,
      doneOn: done,
      outcome: i < exceeding ? 'exceeded' : 'done',
    });
  }
}

interface Plan {
  person: string;
  points: number;
  exceeding: number;
  late?: number;
  facts?: Partial<EvaluationFacts>;
  stop?: 'self' | 'appraisal' | 'decision';
  decide?: RatingLevel;
  subject?: SubjectGroup;
}

async function run(db: Db, cycleId: string, groupId: string, year: number, plans: Plan[]): Promise<string[]> {
  const ids: string[] = [];
  for (const p of plans) {
    const subject = p.subject ?? 'non_leader';
    const sheetGroup = subject === 'non_leader' ? 'non_leader' : 'leader_other';
    const e = await evaluations.createEvaluation(db, null, cycleId, { personId: p.person, subjectGroup: subject, groupId });
    ids.push(e.id);
    await addTasks(db, e.id, year, p.exceeding, p.late);
    if (p.stop === 'self') continue;
    await evaluations.selfAssess(db, null, e.id, {
      score: score(Math.min(100, p.points + 2), sheetGroup),
      comment: 'Tự nhận xét theo mẫu',
    });
    if (p.stop === 'appraisal') continue;
    await evaluations.appraise(db, null, e.id, {
      score: score(p.points, sheetGroup),
      facts: facts(p.facts),
      comment: 'Thẩm định của Ban Tổ chức',
    });
  }
  const decisions = plans.map((p, i) => ({ p, id: ids[i]! })).filter(({ p }) => p.decide);
  if (decisions.length)
    await evaluations.decide(db, null, groupId, {
      items: decisions.map(({ p, id }) => ({ evaluationId: id, level: p.decide! })),
    });
  return ids;
}

/**
 * 2026, the province's leaders voted on in the November confidence vote (votes demo): all appraised at 86 points
 * (good), the one with more than half of the ballots low is capped at "not complete" by the low-vote veto, which reads
 * the published vote (listVoteOutcomes) and shows its rule, citation and the session. Nothing when no leader's record
 * was voted on (the votes demo names people only when their records are loaded).
 */
async function leadersOf2026(db: Db, tq: { id: string; path: string }): Promise<void> {
  const outcomes = await listVoteOutcomes(db, SYSTEM_READER, {
    organizationPaths: [tq.path],
    kinds: ['confidence'],
    from: '2026-01-01',
    to: '2026-12-31',
  });
  const people = [...new Set(outcomes.filter((o) => o.collected > 0).map((o) => o.personId))];
  if (people.length === 0) return;
  const cycle = await evaluations.createCycle(db, null, {
    organizationId: tq.id,
    kind: 'annual',
    track: 'party',
    year: 2026,
    title: 'Đánh giá, xếp loại cán bộ lãnh đạo, quản lý thuộc diện Ban Thường vụ Tỉnh ủy quản lý năm 2026',
  });
  const group = await evaluations.createGroup(db, null, cycle.id, {
    name: 'Lãnh đạo chủ chốt các ban, cơ quan Tỉnh ủy năm 2026',
    definition: 'Cán bộ lãnh đạo thuộc diện Ban Thường vụ Tỉnh ủy quản lý, đã được lấy phiếu tín nhiệm tháng 11/2026',
    outstandingUnit: false,
  });
  await run(
    db,
    cycle.id,
    group.id,
    2026,
    people.map((person) => ({ person, points: 86, exceeding: 1, subject: 'leader_other' as const })),
  );
}

/**
 * Evaluation demo for Tuyên Quang: a decided 2024 cycle (124-QĐ/TW; one unit rated all top, one "not complete"),
 * the 2025 cycle (366-QĐ/TW) halfway: people awaiting decision, one still to self-assess whose excellent rating
 * would exceed the 20 % quota, one vetoed by a reprimand, and cadre.tq's own evaluation waiting for him; and the
 * 2026 leaders, one vetoed by his confidence vote.
 */
export async function loadEvaluationsDemo(db: Db): Promise<void> {
  const tq = await findOrganizationByCode(db, 'TQ');
  const snv = await findOrganizationByCode(db, 'TQ.SNV');
  const stc = await findOrganizationByCode(db, 'TQ.STC');
  if (!tq || !snv || !stc) return;
  const staff: string[] = [];
  for (const p of SNV_STAFF) staff.push(await demoPerson(db, p, snv.id));
  const stcStaff = [
    await demoPerson(db, { name: 'Vi Văn Lực', sex: 'M', born: '1983-02-14', title: 'Chuyên viên' }, stc.id),
    await demoPerson(db, { name: 'La Thị Huệ', sex: 'F', born: '1989-06-21', title: 'Chuyên viên' }, stc.id),
  ];

  const c2024 = await evaluations.createCycle(db, null, {
    organizationId: tq.id,
    kind: 'annual',
    track: 'state',
    year: 2024,
    title: 'Đánh giá, xếp loại công chức năm 2024',
  });
  const g2024 = await evaluations.createGroup(db, null, c2024.id, {
    name: 'Công chức các sở năm 2024',
    definition: 'Công chức không giữ chức vụ lãnh đạo, quản lý của Sở Nội vụ và Sở Tài chính',
    outstandingUnit: false,
  });
  await run(db, c2024.id, g2024.id, 2024, [
    { person: staff[0]!, points: 93, exceeding: 2, decide: 'excellent' },
    ...staff.slice(1, 6).map((person, i) => ({ person, points: 78 + i, exceeding: 1, decide: 'good' as const })),
    { person: stcStaff[0]!, points: 62, exceeding: 0, late: 1, decide: 'complete' },
    { person: stcStaff[1]!, points: 46, exceeding: 0, late: 2, decide: 'not_complete' },
  ]);

  const c2025 = await evaluations.createCycle(db, null, {
    organizationId: tq.id,
    kind: 'annual',
    track: 'party',
    year: 2025,
    title: 'Đánh giá, xếp loại năm 2025',
  });
  const g2025 = await evaluations.createGroup(db, null, c2025.id, {
    name: 'Công chức Sở Nội vụ',
    definition: 'Công chức không giữ chức vụ lãnh đạo, quản lý của Sở Nội vụ (chuyên viên, chuyên viên chính)',
    outstandingUnit: false,
  });
  await run(db, c2025.id, g2025.id, 2025, [
    { person: staff[0]!, points: 94, exceeding: 2 },
    ...staff.slice(1, 6).map((person, i) => ({ person, points: 80 + i, exceeding: 1 })),
    { person: staff[6]!, points: 88, exceeding: 1, facts: { discipline: 'khien_trach' } },
    { person: staff[7]!, points: 92, exceeding: 2, stop: 'self' },
  ]);
  await leadersOf2026(db, tq);

  const cadre = await resolveActorByUsername(db, 'cadre.tq');
  const cadrePerson = cadre ? await personIdOfUser(db, cadre.userId) : null;
  if (cadrePerson) {
    const own = await evaluations.createEvaluation(db, null, c2025.id, { personId: cadrePerson, subjectGroup: 'non_leader' });
    await addTasks(db, own.id, 2025, 1);
  }
}
