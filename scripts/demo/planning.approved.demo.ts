import type { CycleDetail } from '../../contracts/planning';
import type { PaperCount } from '../../contracts/votes';
import type { Db } from '../../server/db/database';
import type { Actor } from '../../server/features/access/access.rules';
import { findOrganizationByCode } from '../../server/features/organizations/organization.repository';
import { createReview, previewReview } from '../../server/features/planning/planning.review.service';
import { createRound } from '../../server/features/planning/planning.rounds.service';
import {
  addCandidate,
  changeStatus,
  createCycle,
  createPlan,
  getCycle,
  removeCandidate,
} from '../../server/features/planning/planning.service';
import type { PolicyLibrary } from '../../server/features/policy/policy.library';
import { listPositionsAsOf } from '../../server/features/positions/position.repository';
import { createVote, submitPaperEntry } from '../../server/features/votes/vote.service';
import { resolveActorByUsername } from './demo-actors';

const POLICY_DATE = '2025-10-20';
const ADDED_ON = '2025-10-27';
const REVIEWED_ON = '2026-02-24';

/**
 * A complete cycle, from proposal to the first yearly review: the directors of two provincial departments planned
 * under 377-QĐ/TW from holders of titles below; those a rule refuses are taken out at once with the rule as the reason,
 * one is not recommended at the key-cadre conference and leaves; the committee approves;
 * a confidence vote of December 2025 gives one planned person more than half low, and the review of February 2026
 * takes him out on that ground and adds a new person.
 */
export async function loadApprovedPlanningDemo(db: Db, library: PolicyLibrary): Promise<void> {
  const tq = await findOrganizationByCode(db, 'TQ');
  const officer = await resolveActorByUsername(db, 'officer.tq');
  const leader = await resolveActorByUsername(db, 'leader.tq');
  const tally1 = await resolveActorByUsername(db, 'tally.tq');
  const tally2 = await resolveActorByUsername(db, 'tally2.tq');
  if (!tq || !officer || !leader || !tally1 || !tally2) return;
  const ctx = { db, library };
  const cycle = await createCycle(ctx, officer, {
    organizationId: tq.id,
    name: 'Quy hoạch Giám đốc các sở tỉnh Tuyên Quang nhiệm kỳ 2025–2030',
    termFrom: 2025,
    termTo: 2030,
    level: 'provincial',
    track: 'party',
    approvingAuthority: 'Ban Thường vụ Tỉnh ủy Tuyên Quang',
    policyDate: POLICY_DATE,
    referenceKey: 'provincial',
  });
  const seats = (await listPositionsAsOf(db, { roots: [tq.path], asOf: POLICY_DATE })).filter((s) =>
    s.title_id.endsWith(':GIAM_DOC_SO'),
  );
  for (const s of seats.slice(0, 2)) await createPlan(ctx, officer, cycle.id, { kind: 'seat', positionId: s.id });
  const plans = (await getCycle(ctx, officer, cycle.id)).plans;
  if (plans.length < 2) return;

  // The officer proposes holders of titles one or two levels below (deputy directors, then commune leaders), youngest
  // first; whoever a rule refuses is taken out at once with that rule as the reason, until three pass per seat.
  const pool = await db
    .selectFrom('persons as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.id', 'p.current_title_code'])
    .where('o.path', 'like', `${tq.path}%`)
    .where('p.current_title_code', 'in', ['PHO_GIAM_DOC_SO', 'BI_THU_DANG_UY_XA', 'CHU_TICH_UBND_XA'])
    .orderBy('p.birth_date', 'desc')
    .orderBy('p.id')
    .execute();
  pool.sort((a, b) => Number(b.current_title_code === 'PHO_GIAM_DOC_SO') - Number(a.current_title_code === 'PHO_GIAM_DOC_SO'));
  const readiness = ['now', 'one_two_years', 'three_five_years'] as const;
  let next = 0;
  const propose = async (planId: string, kept: number, on: string): Promise<boolean> => {
    const person = pool[next++];
    if (!person) return false;
    const detail = await addCandidate(ctx, officer, planId, {
      personId: person.id,
      readiness: readiness[Math.min(kept, 2)]!,
      emergency: kept === 0,
      addedOn: on,
    });
    const c = detail.plans.find((p) => p.id === planId)!.candidates.find((x) => x.personId === person.id)!;
    const why = c.verdicts.find((v) => v.blocking);
    if (!why) return true;
    await removeCandidate(ctx, officer, c.id, `Không đủ điều kiện quy hoạch: ${why.detail.vi} (${why.citation.text})`, on);
    return false;
  };
  // Among them a man born before 1970: short of the months before retirement the rule asks at 09/2030 (60 one level
  // below; 120 two levels below or without a title in the catalog).
  const old = await db
    .selectFrom('persons as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.id', 'p.current_title_code'])
    .where('o.path', 'like', `${tq.path}%`)
    .where('p.birth_year', '<=', 1969)
    .where('p.sex', '=', 'M')
    .orderBy('p.birth_date')
    .orderBy('p.id')
    .limit(1)
    .execute();
  pool.splice(3, 0, ...old);
  for (const plan of plans) {
    let kept = 0;
    while (kept < 3 && next < pool.length) if (await propose(plan.id, kept, ADDED_ON)) kept++;
  }
  await changeStatus(ctx, officer, cycle.id, 'in_rounds');

  // The four steps for each seat; at the key-cadre conference the third person of the first seat gets 20 of 45.
  for (const [i, plan] of (await getCycle(ctx, officer, cycle.id)).plans.entries()) {
    const ids = plan.candidates.map((c) => c.personId);
    const round = (step: Parameters<typeof createRound>[3]['step'], heldOn: string, summoned: number, people: string[]) =>
      createRound(ctx, officer, plan.id, {
        step,
        heldOn,
        summoned,
        present: summoned - 1,
        participants:
          step === 'key_cadre_conference' ? 'Hội nghị cán bộ chủ chốt của Sở' : 'Tập thể lãnh đạo và Ban Thường vụ Đảng ủy Sở',
        documents: [
          { ref: `${30 + i}-BB/${step === 'committee' ? 'TU' : 'ĐU'}`, title: 'Biên bản kiểm phiếu giới thiệu quy hoạch' },
        ],
        results: people.map((personId, k) => {
          const agree = i === 0 && k === 2 && step === 'key_cadre_conference' ? 20 : summoned - 2 - k;
          return { personId, agree, disagree: summoned - 1 - agree };
        }),
      });
    await round('leadership_proposal', '2025-11-03', 9, ids);
    const conference = await round('key_cadre_conference', '2025-11-17', 45, ids);
    const failed = conference.results.find((r) => !r.passed);
    const passed = conference.results.filter((r) => r.passed).map((r) => r.personId);
    if (failed) {
      const c = plan.candidates.find((x) => x.personId === failed.personId)!;
      await removeCandidate(
        ctx,
        officer,
        c.id,
        `Không đạt tỷ lệ giới thiệu tại hội nghị cán bộ chủ chốt: ${failed.verdict.detail.vi} (${failed.verdict.citation.text})`,
        '2025-11-18',
      );
    }
    await round('collective', '2025-11-24', 9, passed);
    await round('committee', '2025-12-08', 15, passed);
  }
  await changeStatus(ctx, officer, cycle.id, 'submitted');
  const approved = await changeStatus(ctx, leader, cycle.id, 'approved');

  // December 2025: a confidence vote in which the first person of the first seat gets more than half low.
  const lowPerson = approved.plans[0]!.candidates[0]!;
  await lowConfidenceVote(db, { officer, tally1, tally2 }, approved, lowPerson.personId);

  // The yearly review in the first quarter of 2026: the suggestion stands, he leaves; a new person comes in.
  const preview = await previewReview(ctx, officer, cycle.id, REVIEWED_ON);
  const low = preview.suggestions.find((s) => s.personId === lowPerson.personId && s.trigger === 'low_confidence');
  // The newcomer already stands in the plan of the other department's director, so the same checks passed him.
  const newcomer = approved.plans[1]!.candidates.at(-1);
  await createReview(ctx, officer, cycle.id, {
    reviewedOn: REVIEWED_ON,
    note: 'Rà soát, bổ sung quy hoạch năm 2026 (quý I)',
    removals: low ? [{ candidateId: low.candidateId, reason: `${low.detail.vi} (${low.citation})` }] : [],
    additions: newcomer
      ? [
          {
            planId: approved.plans[0]!.id,
            personId: newcomer.personId,
            readiness: 'three_five_years',
            reason: `Bổ sung người đủ tiêu chuẩn, điều kiện (đang trong quy hoạch ${approved.plans[1]!.titleName} — ${approved.plans[1]!.organizationName})`,
          },
        ]
      : [],
  });
}

async function lowConfidenceVote(
  db: Db,
  who: { officer: Actor; tally1: Actor; tally2: Actor },
  cycle: CycleDetail,
  personId: string,
): Promise<void> {
  const vote = await createVote(db, who.officer, {
    organizationId: cycle.organizationId,
    kind: 'confidence',
    mode: 'paper',
    track: 'party',
    title: 'Lấy phiếu tín nhiệm đối với cán bộ trong quy hoạch Giám đốc sở, năm 2025',
    voteDate: '2025-12-18',
    voterGroup: 'Ban Chấp hành Đảng bộ tỉnh Tuyên Quang',
    summonedCount: 45,
    subjects: [{ personId }],
  });
  const count: PaperCount = {
    issued: 44,
    collected: 44,
    valid: 44,
    invalid: 0,
    subjects: [{ subjectId: vote.subjects[0]!.id, high: 8, medium: 12, low: 24, invalid: 0 }],
  };
  await submitPaperEntry(db, who.tally1, vote.id, count);
  await submitPaperEntry(db, who.tally2, vote.id, count);
}
