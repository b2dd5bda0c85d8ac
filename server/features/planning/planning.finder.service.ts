import { type FinderItem, type FinderQuery, PLANNING_LIMITS } from '../../../contracts/planning';
import { validation } from '../../http/errors';
import { escapeLike, foldVietnamese } from '../../lib/text';
import { type Actor, scopePaths } from '../access/access.rules';
import { parseRecord } from '../persons/person.mapper';
import { evaluateEligibility } from '../policy/eligibility.rules';
import { ruleIn } from '../policy/policy.library';
import { retirementDate } from '../policy/retirement.rules';
import { findTitle } from '../titles/title.repository';
import { type PlanningContext, catalogAt, factsFor, heldRanks, inCatalog, planFor, policyOf } from './planning.context';
import * as repo from './planning.repository';
import { ageOn, subjectGroupOf, youngUnderYears } from './planning.rules';
import { ratingsOf } from './planning.work.repository';
import { gridKey, gridRank, performanceOf, potentialOf } from './planning.work.rules';

/** Eligible people in scope for a plan's title, then those one requirement short with what they lack. */
export async function findCandidates(ctx: PlanningContext, actor: Actor, planId: string, q: FinderQuery) {
  const { plan, cycle } = await planFor(ctx.db, actor, planId, 'planning.read');
  const titleId = q.titleId ?? plan.title_id;
  const target = titleId ? await findTitle(ctx.db, titleId) : undefined;
  if (!target) throw validation('titleId', 'cần chức danh quy hoạch', 'a target title is required');
  const policy = await policyOf(ctx, cycle);
  const catalog = await catalogAt(ctx.db, cycle.policy_date);
  const targetRank = inCatalog(catalog, target);
  const schedule = ruleIn(policy, 'retirement.age-schedule', 'retirement-schedule');
  const refYear = Number(cycle.reference_date.slice(0, 4));
  // Nobody older than the final retirement age at the reference date can be planned.
  const oldest = schedule ? Math.max(schedule.params.men.final.years, schedule.params.women.final.years) : 65;
  const under = youngUnderYears(policy, cycle.level);
  const roots = scopePaths(actor, 'persons.read').filter(
    (r) => r.startsWith(cycle.organization_path) || cycle.organization_path.startsWith(r),
  );
  const scoped = roots.map((r) => (r.length < cycle.organization_path.length ? cycle.organization_path : r));
  const rows = await repo.finderPersons(ctx.db, {
    roots: scoped,
    minBirthYear: refYear - oldest,
    women: q.women === '1',
    ethnicMinority: q.ethnicMinority === '1',
    ...(q.young === '1' && under !== null ? { youngFromBirthYear: refYear - under } : {}),
    ...(q.q ? { qFolded: escapeLike(foldVietnamese(q.q)) } : {}),
    limit: 5000,
  });
  const already = new Set(
    (await repo.activeCandidatesOfCycle(ctx.db, cycle.id)).filter((c) => c.plan_id === plan.id).map((c) => c.person_id),
  );
  const people = rows.filter((r) => !already.has(r.id)).map((r) => ({ ...r, record: parseRecord(r.data_json) }));
  const held = await heldRanks(ctx.db, catalog, people, cycle.policy_date);
  // Evaluation history of the three years before the plan's date: the performance axis of the 9-box.
  const lastYear = Number(cycle.policy_date.slice(0, 4)) - 1;
  const ratings = new Map<string, FinderItem['ratings']>();
  for (const r of await ratingsOf(
    ctx.db,
    people.map((p) => p.id),
    lastYear - 2,
  ))
    if (r.year <= lastYear) (ratings.get(r.person_id) ?? ratings.set(r.person_id, []).get(r.person_id)!).push(r);
  const items: FinderItem[] = [];
  for (const p of people) {
    if (q.young === '1' && under !== null && ageOn(p.birth_date, cycle.reference_date) >= under) continue;
    const { levelsBelow, facts } = factsFor(p, target, targetRank, held.get(p.id), catalog, cycle.reference_key);
    const result = evaluateEligibility(facts, policy);
    const failed = result.verdicts.filter((v) => v.status === 'failed');
    // Either the eligible, or (oneShort) those lacking exactly one requirement, each with what they lack.
    if (failed.length !== (q.oneShort === '1' ? 1 : 0)) continue;
    const retirement = retirementDate({ sex: p.sex, birth: p.birth_date }, policy);
    const monthsLeft = Math.max(
      0,
      (Number(retirement.pensionFrom.slice(0, 4)) - refYear) * 12 +
        Number(retirement.pensionFrom.slice(5, 7)) -
        Number(cycle.reference_date.slice(5, 7)),
    );
    const mine = ratings.get(p.id) ?? [];
    items.push({
      ratings: mine.map((r) => ({ year: r.year, level: r.level })),
      performance: performanceOf(mine),
      potential: potentialOf(policy, monthsLeft, failed.length),
      personId: p.id,
      fullName: p.full_name,
      sex: p.sex,
      birthDate: p.birth_date,
      ethnicity: p.ethnicity,
      organizationName: p.organization_name,
      currentTitle: p.current_title,
      subjectGroup: subjectGroupOf(levelsBelow),
      eligible: failed.length === 0,
      retirementDate: retirement.retirementDate,
      monthsLeft,
      missing: failed,
      warnings: result.verdicts.filter((v) => v.status === 'warning').length,
    });
  }
  const grid: Record<string, number> = {};
  for (const i of items) grid[gridKey(i.performance, i.potential)] = (grid[gridKey(i.performance, i.potential)] ?? 0) + 1;
  const shown = q.box ? items.filter((i) => gridKey(i.performance, i.potential) === q.box) : items;
  shown.sort(finderOrder(q.sort));
  return { items: shown.slice(0, PLANNING_LIMITS.finderMax), scanned: rows.length, grid };
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
