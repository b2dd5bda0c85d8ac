import type { Db } from '../../server/db/database';
import { inSubtrees } from '../../server/db/scope';
import { findOrganizationByCode } from '../../server/features/organizations/organization.repository';
import { loadPolicyLibrary } from '../../server/features/policy/pack.loader';
import type { PolicyLibrary } from '../../server/features/policy/policy.library';
import { createRound } from '../../server/features/planning/planning.rounds.service';
import { addCandidate, changeStatus, createCycle, createPlan, getCycle } from '../../server/features/planning/planning.service';
import { listPositionsAsOf } from '../../server/features/positions/position.repository';
import { resolveActorByUsername } from './demo-actors';
import { loadApprovedPlanningDemo } from './planning.approved.demo';

/**
 * Tuyên Quang's 2026–2031 provincial plan, in recommendation rounds, with the violations an officer must see:
 * a person short of 60 months at 09/2030, a fourth person for one title, one person planned for four titles,
 * a standing committee planned below 1.0× its size, a person also proposed for appointment; recommendation rounds
 * for two seats, one person not recommended with exactly half of those summoned. Then a complete cycle, approved and
 * reviewed (planning.approved.demo.ts).
 */
export async function loadPlanningDemo(db: Db, library: PolicyLibrary = loadPolicyLibrary()): Promise<void> {
  const tq = await findOrganizationByCode(db, 'TQ');
  const officer = await resolveActorByUsername(db, 'officer.tq');
  if (!tq || !officer) return;
  const ctx = { db, library };
  const cycle = await createCycle(ctx, officer, {
    organizationId: tq.id,
    name: 'Quy hoạch lãnh đạo chủ chốt tỉnh Tuyên Quang nhiệm kỳ 2026–2031',
    termFrom: 2026,
    termTo: 2031,
    level: 'provincial',
    track: 'party',
    approvingAuthority: 'Ban Thường vụ Tỉnh ủy Tuyên Quang',
    policyDate: '2026-03-01',
    referenceKey: 'provincial',
  });
  const seats = await listPositionsAsOf(db, { roots: [tq.path], asOf: '2026-03-01' });
  const wanted = ['GIAM_DOC_SO', 'CHU_TICH_UBND_TINH', 'PHO_CHU_TICH_UBND_TINH', 'CHU_NHIEM_UBKT_TINH_UY', 'TRUONG_BAN_TINH_UY'];
  const chosen = seats.filter((s) => wanted.some((w) => s.title_id.endsWith(`:${w}`)));
  let detail = cycle;
  for (const s of chosen) detail = await createPlan(ctx, officer, cycle.id, { kind: 'seat', positionId: s.id });
  detail = await createPlan(ctx, officer, cycle.id, {
    kind: 'committee',
    organizationId: tq.id,
    committeeKind: 'standing',
    statutorySize: 15,
  });

  // The province's cadres born 1975–1988 (ages 42–55 at 09/2030), plus two born 1968–1969 who are too close to retirement.
  const people = await db
    .selectFrom('persons as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.id', 'p.birth_year', 'p.sex'])
    .where((eb) => inSubtrees(eb, 'o.path', [tq.path]))
    .where('p.birth_year', '>=', 1968)
    .where('p.birth_year', '<=', 1988)
    .orderBy('p.sort_key')
    .limit(400)
    .execute();
  const young = people.filter((p) => Number(p.birth_year) >= 1975);
  const old = people.filter((p) => Number(p.birth_year) <= 1969 && p.sex === 'M').slice(0, 2);
  const seatPlans = detail.plans.filter((p) => p.kind === 'seat');
  let next = 0;
  const take = () => young[next++ % young.length]!.id;
  for (const [i, plan] of seatPlans.entries()) {
    const count = i === 0 ? 4 : 2; // the first seat gets a fourth person: over the limit of 3 per title
    for (let k = 0; k < count; k++)
      await addCandidate(ctx, officer, plan.id, {
        personId: take(),
        readiness: k === 0 ? 'now' : k === 1 ? 'one_two_years' : 'three_five_years',
        emergency: k === 0,
        proposedForAppointment: i === 1 && k === 1,
      });
  }
  if (old[0] && seatPlans[1]) await addCandidate(ctx, officer, seatPlans[1].id, { personId: old[0].id, readiness: 'now' });
  // One person planned for four titles at one approval level (at most 3).
  const busy = young[young.length - 1]!.id;
  for (const plan of seatPlans.slice(2, 6))
    await addCandidate(ctx, officer, plan.id, { personId: busy, readiness: 'three_five_years' });
  // The standing committee (15 members) planned with 12 people: under 1.0×.
  const committee = detail.plans.find((p) => p.kind === 'committee')!;
  for (let k = 0; k < 12; k++)
    await addCandidate(ctx, officer, committee.id, { personId: young[(k * 7 + 3) % young.length]!.id });
  await changeStatus(ctx, officer, cycle.id, 'in_rounds');

  // Recommendation rounds for the first two seats: the leadership proposes, then the key-cadre conference votes.
  // One person gets exactly half of those summoned at the conference: not more than 50 %, so not recommended.
  const withPeople = (await getCycle(ctx, officer, cycle.id)).plans.filter((p) => p.kind === 'seat').slice(0, 2);
  for (const [i, plan] of withPeople.entries()) {
    const ids = plan.candidates.map((c) => c.personId);
    await createRound(ctx, officer, plan.id, {
      step: 'leadership_proposal',
      heldOn: '2026-04-02',
      summoned: 11,
      present: 11,
      participants: 'Tập thể lãnh đạo và cấp ủy cơ quan',
      documents: [{ ref: `${14 + i}-BB/TU`, title: 'Biên bản hội nghị lãnh đạo đề xuất' }],
      results: ids.map((personId, k) => ({ personId, agree: 10 - k, disagree: 1 + k })),
    });
    await createRound(ctx, officer, plan.id, {
      step: 'key_cadre_conference',
      heldOn: '2026-04-16',
      summoned: 48,
      present: 45,
      participants: 'Hội nghị cán bộ chủ chốt',
      documents: [{ ref: `${21 + i}-BB/TU`, title: 'Biên bản kiểm phiếu giới thiệu quy hoạch' }],
      results: ids.slice(0, 2).map((personId, k) => ({ personId, agree: k === 0 ? 39 : 24, disagree: k === 0 ? 6 : 21 })),
    });
  }
  await loadApprovedPlanningDemo(db, library);
}
