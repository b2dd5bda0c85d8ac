import { type FinderItem, type FinderQuery, PLANNING_LIMITS } from '../../../contracts/planning';
import { validation } from '../../http/errors';
import { foldVietnamese } from '../../lib/text';
import { type Actor, scopePaths } from '../access/access.rules';
import { findEligible, targetTitle } from '../policy/eligibility.batch';
import { type CatalogTitle, levelsBelowTarget } from '../policy/eligibility.batch.rules';
import { skillStandardsFor } from '../policy/title-standards';
import type { Verdict } from '../../../contracts/policy';
import { parsePlanningRecord } from './planning.assemble';
import { skillVerdicts } from './planning.skills.rules';
import { type Ranked, rankFinder } from './planning.finder.rules';
import { findTitle } from '../titles/title.repository';
import { type PlanningContext, planFor, policyOf } from './planning.context';
import * as repo from './planning.repository';
import { ageOn, subjectGroupOf, youngUnderYears } from './planning.rules';
import { ratingsOf } from './planning.work.repository';
import { gridKey, performanceOf, potentialOf } from './planning.work.rules';

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
  const already = await repo.activePersonIdsOfPlan(ctx.db, plan.id);
  const oneShort = q.oneShort === '1';
  const filters = {
    ...(q.women === '1' ? { sex: 'F' as const } : {}),
    ...(q.ethnicMinority === '1' ? { ethnicMinority: true } : {}),
    ...(q.young === '1' && under !== null ? { bornFrom: `${refYear - under}-01-01` } : {}),
    ...(q.q ? { nameFolded: foldVietnamese(q.q) } : {}),
  };
  const search = (more: { excludePersonIds: string[]; currentTitleCodes?: string[] }, limit: number) =>
    findEligible(ctx.db, {
      library: ctx.library,
      policy,
      titleId: target.id,
      scopePaths: scoped,
      onDate: cycle.policy_date,
      track: cycle.track,
      purpose: 'planning',
      referenceKey: cycle.reference_key,
      filters: { ...filters, ...more },
      limit,
      oneShort,
    });
  const pick = (r: Awaited<ReturnType<typeof findEligible>>) => (oneShort ? r.oneShort : r.eligible);
  // The source first: holders of the titles one or two levels below (and equivalent titles, same catalog rank), so a
  // long list of others cannot crowd them out of the limit; then, with the room left, everyone else in scope.
  const catalogTarget = await targetTitle(ctx.db, { titleId: target.id, onDate: cycle.policy_date });
  const near = catalogTarget ? nearCodes(catalogTarget) : [];
  const first = await search({ excludePersonIds: already, currentTitleCodes: near }, PLANNING_LIMITS.finderMax);
  const found = { scanned: first.scanned, people: pick(first) };
  if (found.people.length < PLANNING_LIMITS.finderMax) {
    const rest = await search(
      { excludePersonIds: [...already, ...found.people.map((p) => p.personId)] },
      PLANNING_LIMITS.finderMax - found.people.length,
    );
    found.scanned += rest.scanned;
    found.people = [...found.people, ...pick(rest)];
  }
  const listed = found.people.filter(
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
  // The title's language and IT standards against each listed record: a gap is a training need (a warning), never an
  // exclusion, as in the plan's own verdicts.
  const skills = catalogTarget
    ? skillStandardsFor(ctx.library.standards, catalogTarget.target, cycle.policy_date)
    : { foreignLanguage: null, informatics: null };
  const gaps = new Map<string, Verdict[]>();
  if (skills.foreignLanguage || skills.informatics)
    for (const r of await repo.recordsOf(
      ctx.db,
      listed.map((p) => p.personId),
    ))
      gaps.set(
        r.id,
        skillVerdicts(parsePlanningRecord(r.data_json), skills).filter((v) => v.status !== 'passed'),
      );
  const items: Ranked[] = listed.map((p) => {
    const mine = ratings.get(p.personId) ?? [];
    const trainingGaps = gaps.get(p.personId) ?? [];
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
      warnings: p.warnings.length + trainingGaps.length,
      trainingGaps,
      ratings: mine.map((r) => ({ year: r.year, level: r.level })),
      performance: performanceOf(mine),
      potential: potentialOf(policy, p.monthsLeft, p.missing.length),
      levelsBelow: p.levelsBelow,
    };
  });
  const grid: Record<string, number> = {};
  for (const i of items) grid[gridKey(i.performance, i.potential)] = (grid[gridKey(i.performance, i.potential)] ?? 0) + 1;
  const shown = q.box ? items.filter((i) => gridKey(i.performance, i.potential) === q.box) : items;
  return { items: rankFinder(shown, q.sort, policy), scanned: found.scanned, grid };

  /** Catalog codes one or two levels below the target in the catalog in force. */
  function nearCodes(t: { target: CatalogTitle; catalog: CatalogTitle[] }): string[] {
    const ranks = t.catalog.map((c) => c.rankOrder);
    return t.catalog
      .filter((c) => {
        const levels = levelsBelowTarget(ranks, c.rankOrder, t.target.rankOrder);
        return levels !== null && levels >= 1 && levels <= 2;
      })
      .map((c) => c.code);
  }
}
