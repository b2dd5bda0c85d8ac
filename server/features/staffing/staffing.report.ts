import { STAFFING_CATEGORIES, type StaffingTable } from '../../../contracts/staffing';
import type { RuleVerdict } from '../../../contracts/positions';
import type { StaffingPolicy } from './staffing.policy';
import { type QuotaFact, kl40Target, kl40Verdict, overQuotaVerdicts, rollUp } from './staffing.rules';

export interface ReportUnit {
  id: string;
  name: string;
  parentId: string | null;
  /** the unit's path in the tree the table is read in (today's, or that of the as-of day) */
  path: string;
  depth: number;
}

/**
 * The staffing table from its facts (no I/O): each unit's own figures and its subtree's, the Kết luận 40 baseline
 * and target per category, the KL 40 verdicts for the root and the units above their quota.
 */
export function assembleStaffingTable({
  root,
  units,
  facts,
  year,
  asOf,
  policy,
}: {
  root: { id: string; name: string; depth: number };
  units: readonly ReportUnit[];
  facts: readonly QuotaFact[];
  year: number;
  asOf: string | null;
  policy: StaffingPolicy;
}): StaffingTable {
  const hasQuota = (f: QuotaFact) => f.actual === null;
  const figures = (unitPath: string, own: boolean, unitId: string) => {
    const sel = own ? facts.filter((f) => f.organizationId === unitId) : facts;
    const now = rollUp(sel, unitPath, year);
    const base = rollUp(sel.filter(hasQuota), unitPath, policy.baselineYear);
    return STAFFING_CATEGORIES.filter((c) => now.has(c) || base.has(c)).map((category) => {
      const baseline = base.get(category)?.quota ?? null;
      const quota = now.get(category)?.quota ?? 0;
      const actual = now.get(category)?.actual ?? 0;
      return {
        category,
        quota,
        actual,
        difference: actual - quota,
        baseline2021: baseline,
        target: baseline === null ? null : kl40Target(policy, category, baseline),
      };
    });
  };
  const rows = units.map((u) => ({
    organizationId: u.id,
    organizationName: u.name,
    parentId: u.parentId,
    depth: u.depth - root.depth,
    own: figures(u.path, true, u.id),
    rolledUp: figures(u.path, false, u.id),
  }));
  const verdicts: RuleVerdict[] = [];
  for (const f of rows[0]?.rolledUp ?? []) {
    if (f.baseline2021 === null) continue;
    const v = kl40Verdict(policy, { organizationId: root.id, organizationName: root.name }, f.category, f.baseline2021, f.quota);
    if (v) verdicts.push(v);
  }
  // Over quota: a unit given a quota of the category, whose subtree has more people than its subtree's quota.
  const given = new Set(facts.filter((f) => hasQuota(f) && f.year === year).map((f) => `${f.organizationId}|${f.category}`));
  verdicts.push(
    ...overQuotaVerdicts(
      rows.flatMap((r) =>
        r.rolledUp
          .filter((f) => given.has(`${r.organizationId}|${f.category}`))
          .map((f) => ({
            organizationId: r.organizationId,
            organizationName: r.organizationName,
            category: f.category,
            quota: f.quota,
            actual: f.actual,
          })),
      ),
    ),
  );
  return { year, asOf, rows, verdicts, policy: { id: policy.id, citation: policy.citation } };
}
