import type { RuleVerdict } from '../../../contracts/positions';
import { STAFFING_CATEGORY_LABELS, type StaffingCategory } from '../../../contracts/staffing';
import type { StaffCategoryPolicy, StaffingPolicy } from './staffing.policy';

export const OVER_QUOTA_RULE = {
  ruleId: 'staffing.over-quota',
  citation: 'Biên chế được giao theo năm (Kết luận 40-KL/TW; quyết định giao biên chế)',
} as const;

/** Units whose actual staff exceeds the quota of the year, one verdict each with the surplus. */
export function overQuotaVerdicts(
  rows: readonly {
    organizationId: string;
    organizationName: string;
    category: StaffingCategory;
    quota: number;
    actual: number | null;
  }[],
): RuleVerdict[] {
  return rows
    .filter((r) => r.actual !== null && r.actual > r.quota)
    .map((r) => ({
      ...OVER_QUOTA_RULE,
      passed: false,
      subjectId: r.organizationId,
      detail: `${r.organizationName}: ${STAFFING_CATEGORY_LABELS[r.category].vi} ${r.actual} người / biên chế ${r.quota} (vượt ${r.actual! - r.quota})`,
      detailEn: `${r.organizationName}: ${STAFFING_CATEGORY_LABELS[r.category].en} ${r.actual} staff for a quota of ${r.quota} (${r.actual! - r.quota} over)`,
    }));
}

/**
 * The Kết luận 40 target for a category: the baseline-year quota less the minimum cut, rounded down (a cut of "at
 * least" p % leaves at most floor(base × (1 − p/100)) posts). Null when the policy sets no target for the category.
 */
export function kl40Target(policy: StaffingPolicy, category: StaffingCategory, baseline: number): number | null {
  const rule = policy.rules.find((r) => r.category === category);
  if (!rule) return null;
  // Integer arithmetic so that 5 % of 100 leaves exactly 95.
  return Math.floor((baseline * (100 - rule.minCutPercent)) / 100 + 1e-9);
}

/** Whether a unit's quota for the target year meets the Kết luận 40 target, as a verdict. */
export function kl40Verdict(
  policy: StaffingPolicy,
  subject: { organizationId: string; organizationName: string },
  category: StaffingCategory,
  baseline: number,
  quota: number,
): RuleVerdict | null {
  const rule = policy.rules.find((r) => r.category === category);
  const target = kl40Target(policy, category, baseline);
  if (!rule || target === null) return null;
  const passed = quota <= target;
  const label = STAFFING_CATEGORY_LABELS[category];
  return {
    ruleId: rule.id,
    citation: policy.citation,
    passed,
    subjectId: subject.organizationId,
    detail: `${subject.organizationName}: ${label.vi} ${policy.baselineYear} = ${baseline}, mục tiêu ${policy.targetYear} ≤ ${target} (giảm ≥ ${rule.minCutPercent} %), biên chế = ${quota}${passed ? '' : ` — còn phải giảm ${quota - target}`}`,
    detailEn: `${subject.organizationName}: ${label.en} ${policy.baselineYear} = ${baseline}, ${policy.targetYear} target ≤ ${target} (cut ≥ ${rule.minCutPercent} %), quota = ${quota}${passed ? '' : ` — ${quota - target} still to cut`}`,
  };
}

export interface QuotaFact {
  organizationId: string;
  path: string;
  year: number;
  category: StaffingCategory;
  quota: number;
  actual: number | null;
}

/** Sums of quota and actual per category over the units whose path starts with `path` (the unit and its subtree). */
export function rollUp(
  facts: readonly QuotaFact[],
  path: string,
  year: number,
): Map<StaffingCategory, { quota: number; actual: number }> {
  const out = new Map<StaffingCategory, { quota: number; actual: number }>();
  for (const f of facts) {
    if (f.year !== year || !f.path.startsWith(path)) continue;
    const sum = out.get(f.category) ?? { quota: 0, actual: 0 };
    sum.quota += f.quota;
    sum.actual += f.actual ?? 0;
    out.set(f.category, sum);
  }
  return out;
}

/** What the records say about a group of people in one unit: the start of their rank code and whether they hold a title. */
export interface StaffFacts {
  /** the first `rankPrefixLength` characters of the civil-service rank code, '' when the record has none */
  rankPrefix: string;
  holdsTitle: boolean;
}

/** The quota category a person counts against, with the rule that decided it (first match wins). */
export function staffCategoryOf(facts: StaffFacts, policy: StaffCategoryPolicy): { category: StaffingCategory; ruleId: string } {
  const rank = facts.rankPrefix.trim().toUpperCase();
  for (const r of policy.rules) {
    if (r.rankCodePrefixes && rank !== '' && r.rankCodePrefixes.some((p) => rank.startsWith(p.toUpperCase())))
      return { category: r.category, ruleId: r.id };
    if (r.anyRankCode && rank !== '') return { category: r.category, ruleId: r.id };
    if (r.holdsTitle && rank === '' && facts.holdsTitle) return { category: r.category, ruleId: r.id };
  }
  return { category: policy.fallback.category, ruleId: `${policy.id}.fallback` };
}

/** Staff counted from the records per unit and category: people whose current unit is the unit. */
export type StaffCounts = Map<string, Map<StaffingCategory, number>>;

/** Adds grouped record counts into per-unit, per-category totals. */
export function tallyStaff(
  groups: readonly ({ organizationId: string; n: number } & StaffFacts)[],
  policy: StaffCategoryPolicy,
): StaffCounts {
  const out: StaffCounts = new Map();
  for (const g of groups) {
    const { category } = staffCategoryOf(g, policy);
    const unit = out.get(g.organizationId) ?? new Map<StaffingCategory, number>();
    unit.set(category, (unit.get(category) ?? 0) + g.n);
    out.set(g.organizationId, unit);
  }
  return out;
}

/** What a person's record says about where he worked when: the CV's work-history rows and his current unit. */
export interface PlacementFacts {
  currentOrganizationId: string;
  currentTitleCode: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  recruitmentDate: string | null;
  workHistory: readonly { from: string; to: string | null; organizationId: string | null; titleCode: string | null }[];
}

/** The first day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) can mean. */
export function periodStart(partial: string): string {
  return partial.length === 4 ? `${partial}-01-01` : partial.length === 7 ? `${partial}-01` : partial;
}

/** The last day a partial date can mean: a CV's "to 2012" or "to 01/2012" covers the whole year or month. */
export function periodEnd(partial: string): string {
  if (partial.length === 4) return `${partial}-12-31`;
  if (partial.length === 7) {
    const [y, m] = partial.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${partial}-${String(last).padStart(2, '0')}`;
  }
  return partial;
}

/**
 * Where the records place a person on `date`, and whether he held a title there: the latest-starting work-history row
 * that covers the day, when it names a unit of the system; no unit when it covers the day without naming one (he was
 * elsewhere), falls before or between its rows, or he was not yet recruited; his current unit when the day is after
 * every row (or he has no rows). Null: not counted anywhere on that day.
 */
export function placementOn(facts: PlacementFacts, date: string): { organizationId: string; holdsTitle: boolean } | null {
  if (facts.recruitmentDate && periodStart(facts.recruitmentDate) > date) return null;
  const covering = facts.workHistory
    .filter((w) => periodStart(w.from) <= date && (w.to === null || periodEnd(w.to) >= date))
    .sort((a, b) => periodStart(b.from).localeCompare(periodStart(a.from)));
  const row = covering[0];
  if (row) return row.organizationId ? { organizationId: row.organizationId, holdsTitle: !!row.titleCode } : null;
  // a row that starts later: the day falls before or between the CV's rows, where it names no unit
  if (facts.workHistory.some((w) => periodStart(w.from) > date)) return null;
  return { organizationId: facts.currentOrganizationId, holdsTitle: !!facts.currentTitleCode };
}

/** A dated staff placement (a seat incumbency or a job-position assignment) over [from, to). */
export interface DatedPlacementFact {
  organizationId: string;
  source: 'seat' | 'job_position';
  /** how a seat is held; null for a job position */
  how: string | null;
  from: string;
  to: string | null;
}

/**
 * Where a person was on a unit's staff on `date`: a dated placement in force that day (from ≤ date < to: counted on
 * the day he arrives, no longer on the day he leaves) decides — a job position before a seat, a seat held outright
 * before an acting one, then the latest to begin; a concurrent seat (kiêm nhiệm) never moves him. With none in force,
 * his record decides (`placementOn`); with neither, he is not counted. He holds a title when any seat is in force.
 */
export function staffPlacementOn(
  placements: readonly DatedPlacementFact[],
  record: PlacementFacts | null,
  date: string,
): { organizationId: string; holdsTitle: boolean } | null {
  const inForce = placements.filter((p) => p.from <= date && (p.to === null || p.to > date));
  const seated = inForce.some((p) => p.source === 'seat');
  const rank = (p: DatedPlacementFact) => (p.source === 'job_position' ? 0 : p.how === 'acting' ? 2 : 1);
  const primary = inForce
    .filter((p) => p.how !== 'concurrent')
    .sort((a, b) => rank(a) - rank(b) || b.from.localeCompare(a.from))[0];
  if (primary) return { organizationId: primary.organizationId, holdsTitle: seated };
  const fromRecord = record ? placementOn(record, date) : null;
  return fromRecord ? { ...fromRecord, holdsTitle: fromRecord.holdsTitle || seated } : null;
}
