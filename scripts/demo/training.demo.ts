import type { CreateCourseBody } from '../../contracts/training';
import type { Db } from '../../server/db/database';
import { findOrganizationByCode } from '../../server/features/organizations/organization.repository';
import { loadPolicyLibrary } from '../../server/features/policy/pack.loader';
import type { PolicyLibrary } from '../../server/features/policy/policy.library';
import * as training from '../../server/features/training/training.service';
import { resolveActorByUsername } from './demo-actors';

const COURSES: Omit<CreateCourseBody, 'organizationId'>[] = [
  {
    kind: 'political_theory',
    name: 'Cao cấp lý luận chính trị hệ không tập trung khóa 2026–2027',
    theoryLevel: 'cao_cap',
    provider: 'Học viện Chính trị khu vực I',
    startsOn: '2026-03-02',
    endsOn: '2027-06-30',
    form: 'tai_chuc',
  },
  {
    kind: 'political_theory',
    name: 'Trung cấp lý luận chính trị – hành chính khóa 52',
    theoryLevel: 'trung_cap',
    provider: 'Trường Chính trị tỉnh Tuyên Quang',
    startsOn: '2025-09-08',
    endsOn: '2026-05-29',
    form: 'tai_chuc',
  },
  {
    kind: 'state_management',
    name: 'Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên chính',
    stateManagementLevel: 'chuyen_vien_chinh',
    provider: 'Trường Chính trị tỉnh Tuyên Quang',
    startsOn: '2026-04-06',
    endsOn: '2026-06-26',
    form: 'boi_duong',
  },
  {
    kind: 'defence_security',
    name: 'Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3',
    provider: 'Bộ Chỉ huy Quân sự tỉnh Tuyên Quang',
    startsOn: '2026-05-11',
    endsOn: '2026-05-22',
    form: 'boi_duong',
  },
  {
    kind: 'it',
    name: 'Chuyển đổi số và ứng dụng công nghệ thông tin trong quản lý',
    provider: 'Trường Đại học Tân Trào',
    startsOn: '2026-06-01',
    endsOn: '2026-06-12',
    form: 'boi_duong',
  },
  {
    kind: 'language',
    name: 'Tiếng Anh bậc 3 (B1) theo Khung năng lực ngoại ngữ 6 bậc',
    provider: 'Trường Đại học Tân Trào',
    startsOn: '2026-07-01',
    endsOn: '2026-10-30',
    form: 'tai_chuc',
  },
];

/**
 * Tuyên Quang's 2025–2026 courses; people of the provincial plan sent to close their gaps (a pass whose record update
 * awaits approval, a failure), and planned people with gaps left unaddressed, as the needs page must show.
 */
export async function loadTrainingDemo(db: Db, library: PolicyLibrary = loadPolicyLibrary()): Promise<void> {
  const tq = await findOrganizationByCode(db, 'TQ');
  const officer = await resolveActorByUsername(db, 'officer.tq');
  if (!tq || !officer) return;
  const courses = [];
  for (const c of COURSES) courses.push(await training.createCourse(db, officer, { ...c, organizationId: tq.id }));
  const [advanced, intermediate, stateMgmt, defence] = courses;

  const plans = await db
    .selectFrom('planning_plans as p')
    .innerJoin('planning_cycles as c', 'c.id', 'p.cycle_id')
    .select('p.id')
    .where('c.organization_id', '=', tq.id)
    .where('p.kind', '=', 'seat')
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
  // What each planned person lacks against the standards of his target title (the needs page's own computation).
  const gaps = new Map<string, Set<string>>();
  for (const p of plans)
    for (const person of (await training.planNeeds(db, library, officer, p.id, '2027-12-31')).people) {
      const kinds = gaps.get(person.personId) ?? new Set<string>();
      for (const g of person.gaps) kinds.add(g.kind);
      gaps.set(person.personId, kinds);
    }
  const planned = [...gaps.keys()];
  const lacking = (kind: string) => planned.filter((id) => gaps.get(id)!.has(kind));

  // Half of those short in political theory are sent; the rest stay as open needs the page shows.
  const theory = lacking('political_theory');
  for (const id of theory.slice(0, Math.ceil(theory.length / 2)))
    await training.enrol(db, officer, advanced!.id, { personId: id, dueBy: '2027-06-30' });
  for (const id of lacking('state_management').slice(0, 3))
    await training.enrol(db, officer, stateMgmt!.id, { personId: id, dueBy: '2026-06-30' });
  // Two people of the year's elementary course: one passes (the record update awaits approval), one fails.
  const intermediateIds = planned.filter((id) => !theory.includes(id)).slice(0, 2);
  const inter = [];
  for (const id of intermediateIds)
    inter.push(await training.enrol(db, officer, intermediate!.id, { personId: id, dueBy: '2026-05-29' }));
  if (inter[0])
    await training.complete(db, library, officer, inter[0].id, {
      completedOn: '2026-05-29',
      passed: true,
      result: 'Khá',
      certificateNo: 'TCLLCT-K52-0142',
    });
  if (inter[1]) await training.complete(db, library, officer, inter[1].id, { completedOn: '2026-05-29', passed: false });
  for (const id of planned.slice(0, 4)) await training.enrol(db, officer, defence!.id, { personId: id, dueBy: '2026-05-22' });
}
