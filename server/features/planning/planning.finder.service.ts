import { type FinderItem, type FinderQuery, PLANNING_LIMITS } from '../../../contracts/planning';
import { validation } from '../../http/errors';
import { foldVietnamese } from '../../lib/text';
import { type Actor, scopePaths } from '../access/access.rules';
import { findEligible } from '../policy/eligibility.batch';
import { findTitle } from '../titles/title.repository';
import { type PlanningContext, planFor, policyOf } from './planning.context';
import * as repo from './planning.repository';
import { ageOn, subjectGroupOf, youngUnderYears } from './planning.rules';
import { ratingsOf } from './planning.work.repository';
import { gridKey, gridRank, performanceOf, potentialOf } from './planning.work.rules';

/**
 * Eligible people in scope for a plan's title, or those one requirement short with what they lack, from the
 * policy engine's batch search (hard rules pushed into SQL, the engine on the short list); each with the 9-box.
 */
export async function findCandidates(ctx: PlanningContext, actor: Actor, planId: string, q: FinderQuery) {
  const { plan, cycle } = await planFor(ctx.db, actor, planId, 'planning.read');
  const titleId = q.titleId ?? plan.title_id;
  const target = titleId ? await findTitle(ctx.db, titleId) : undefined;
  if (!target) throw validation('titleId', 'cần chức danh quy hoạch', 'a target title is required');
  const policy = await policyOf(ctx, cycle);
  const refYear = Number(cycle.reference_date.slice(0, 4));
  const under = youngUnderYears(policy, cycle.level);
  // Only the part of the actor's readable scope that lies inside the cycle's organization.
  const roots = scopePaths(actor, 'persons.read').filter(
    (r) => r.startsWith(cycle.organization_path) || cycle.organization_path.startsWith(r),
  );
  const scoped = roots.map((r) => (r.length < cycle.organization_path.length ? cycle.organization_path : r));
  const already = (await repo.activeCandidatesOfCycle(ctx.db, cycle.id))
    .filter((c) => c.plan_id === plan.id)
    .map((c) => c.person_id);
  const oneShort = q.oneShort === '1';
  const found = await findEligible(ctx.db, {
    library: ctx.library,
    policy,
    titleId: target.id,
    scopePaths: scoped,
    onDate: cycle.policy_date,
    track: cycle.track,
    purpose: 'planning',
    referenceKey: cycle.reference_key,
    filters: {
      ...(q.women === '1' ? { sex: 'F' as const } : {}),
      ...(q.ethnicMinority === '1' ? { ethnicMinority: true } : {}),
      ...(q.young === '1' && under !== null ? { bornFrom: `${refYear - under}-01-01` } : {}),
      ...(q.q ? { nameFolded: foldVietnamese(q.q) } : {}),
      excludePersonIds: already,
    },
    limit: PLANNING_LIMITS.finderMax,
    oneShort,
  });
  const listed = (oneShort ? found.oneShort : found.eligible).filter(
    // "Young" is an age at the reference date: the birth-year bound above only narrows the search.
    (p) => q.young !== '1' || under === null || ageOn(p.birthDate, cycle.reference_date) < under,
  );
  // Evaluation history of the three years before the plan's date: the performance axis of the 9-box.
  const lastYear = Number(cycle.policy_date.slice(0, 4)) - 1;
  const ratings = new Map<string, FinderItem['ratings']>();
  for (const r of await ratingsOf(
    ctx.db,
    listed.map((p) => p.personId),
    lastYear - 2,
  ))
    if (r.year <= lastYear) (ratings.get(r.person_id) ?? ratings.set(r.person_id, []).get(r.person_id)!).push(r);
  const items: FinderItem[] = listed.map((p) => {
    const mine = ratings.get(p.personId) ?? [];
    return {
      personId: p.personId,
      fullName: p.fullName,
      sex: p.sex,
      birthDate: p.birthDate,
      ethnicity: p.ethnicity,
      organizationName: p.organizationName,
      currentTitle: p.currentTitle,
      subjectGroup: subjectGroupOf(p.levelsBelow),
      eligible: p.eligible,
      retirementDate: p.retirementDate,
      monthsLeft: p.monthsLeft,
      missing: p.missing,
      warnings: p.warnings.length,
      ratings: mine.map((r) => ({ year: r.year, level: r.level })),
      performance: performanceOf(mine),
      potential: potentialOf(policy, p.monthsLeft, p.missing.length),
    };
  });
  const grid: Record<string, number> = {};
  for (const i of items) grid[gridKey(i.performance, i.potential)] = (grid[gridKey(i.performance, i.potential)] ?? 0) + 1;
  const shown = q.box ? items.filter((i) => gridKey(i.performance, i.potential) === q.box) : items;
  shown.sort(finderOrder(q.sort));
  return { items: shown, scanned: found.scanned, grid };
}

const GROUP_ORDER = { one_below: 0, two_below: 1, no_title: 2, not_lower: 3 } as const;

/** The ranking the user picked, then the overall fit as the tie-break. */
function finderOrder(sort: FinderQuery['sort']): (a: FinderItem, b: FinderItem) => number {
  const fit = (a: FinderItem, b: FinderItem) =>
    Number(b.eligible) - Number(a.eligible) ||
    GROUP_ORDER[a.subjectGroup] - GROUP_ORDER[b.subjectGroup] ||
    a.warnings - b.warnings ||
    b.monthsLeft - a.monthsLeft;
  switch (sort) {
    case 'fit':
      return fit;
    case 'performance':
      return (a, b) => gridRank(b.performance) - gridRank(a.performance) || fit(a, b);
    case 'potential':
      return (a, b) => gridRank(b.potential) - gridRank(a.potential) || fit(a, b);
    case 'youngest':
      return (a, b) => b.birthDate.localeCompare(a.birthDate) || fit(a, b);
    case 'months_left':
      return (a, b) => b.monthsLeft - a.monthsLeft || fit(a, b);
  }
}
