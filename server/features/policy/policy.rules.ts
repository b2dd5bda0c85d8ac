import type { BilingualText, Rule, RuleChange, Verdict, VerdictStatus } from '../../../contracts/policy';
import type { Threshold } from './pack.schema';
import type { LoadedRule } from './policy.library';

/** A verdict of `rule`; an unconfirmed rule never blocks, so its failure becomes a warning. */
export function verdict(
  rule: LoadedRule,
  status: VerdictStatus,
  detail: BilingualText,
  inputs: Record<string, unknown> = {},
): Verdict {
  const unconfirmed = rule.status === 'unconfirmed';
  return {
    ruleId: rule.id,
    citation: rule.citation,
    status: unconfirmed && status === 'failed' ? 'warning' : status,
    detail:
      unconfirmed && status !== 'passed'
        ? {
            vi: `${detail.vi} (Quy định này chưa được xác minh: chỉ cảnh báo, không chặn.)`,
            en: `${detail.en} (This rule is unconfirmed: a warning only, never a block.)`,
          }
        : detail,
    inputs,
    ruleUnconfirmed: unconfirmed,
    localPackId: rule.localPackId,
  };
}

/** Whether `count` out of `base` meets the threshold, in exact integer arithmetic (2 of 3 is exactly 2/3). */
export function meets(t: Pick<Threshold, 'comparison' | 'numerator' | 'denominator'>, count: number, base: number): boolean {
  if (base <= 0) return false;
  const left = count * t.denominator;
  const right = t.numerator * base;
  switch (t.comparison) {
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
  }
}

const BASE_LABELS: Record<Threshold['base'], BilingualText> = {
  ballots_collected: { vi: 'số phiếu thu về', en: 'ballots collected' },
  summoned: { vi: 'số người được triệu tập', en: 'persons summoned' },
  committee_members: { vi: 'tổng số ủy viên', en: 'all committee members' },
  collective: { vi: 'số thành viên tập thể lãnh đạo', en: 'members of the leadership collective' },
  targets: { vi: 'chỉ tiêu kế hoạch', en: 'planned targets' },
  tasks: { vi: 'nhiệm vụ trong năm', en: "the year's tasks" },
  units_led: { vi: 'số đơn vị phụ trách', en: 'units led' },
};

const COMPARISON_VI: Record<Threshold['comparison'], string> = { '>': 'trên', '>=': 'từ', '<': 'dưới', '<=': 'không quá' };
const COMPARISON_EN: Record<Threshold['comparison'], string> = {
  '>': 'more than',
  '>=': 'at least',
  '<': 'less than',
  '<=': 'at most',
};

function fractionText(t: Threshold): string {
  if (t.denominator === 100) return `${t.numerator}%`;
  return `${t.numerator}/${t.denominator}`;
}

/** "trên 1/2 số phiếu thu về" / "more than 1/2 of ballots collected". */
export function thresholdText(t: Threshold): BilingualText {
  return {
    vi: `${COMPARISON_VI[t.comparison]} ${fractionText(t)} ${BASE_LABELS[t.base].vi}`,
    en: `${COMPARISON_EN[t.comparison]} ${fractionText(t)} of ${BASE_LABELS[t.base].en}`,
  };
}

export function percentText(count: number, base: number): string {
  return base > 0 ? `${((100 * count) / base).toFixed(2).replace(/\.?0+$/, '')}%` : '—';
}

export function toRuleResponse(rule: LoadedRule): Rule {
  return {
    id: rule.id,
    packId: rule.packId,
    kind: rule.kind,
    title: rule.title,
    text: rule.text,
    note: rule.note,
    reason: rule.reason,
    citation: rule.citation,
    tracks: rule.tracks,
    effectiveFrom: rule.effectiveFrom,
    effectiveTo: rule.effectiveTo,
    status: rule.status,
    params: rule.params as Record<string, unknown>,
    localBounds: rule.localBounds,
    localPackId: rule.localPackId,
  };
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, JSON.stringify(value));
}

const COMPARED: (keyof Rule)[] = ['params', 'citation', 'status', 'reason', 'tracks', 'kind', 'text', 'localBounds'];

/** What changed between two sets of rules, matched by rule id (added, removed, changed with the fields, unchanged). */
export function diffRules(before: readonly Rule[], after: readonly Rule[]): RuleChange[] {
  const a = new Map(before.map((r) => [r.id, r]));
  const b = new Map(after.map((r) => [r.id, r]));
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort();
  return ids.map((ruleId) => {
    const x = a.get(ruleId) ?? null;
    const y = b.get(ruleId) ?? null;
    if (!x) return { ruleId, change: 'added', before: null, after: y, fields: [] };
    if (!y) return { ruleId, change: 'removed', before: x, after: null, fields: [] };
    const fx = new Map<string, string>();
    const fy = new Map<string, string>();
    for (const key of COMPARED) {
      flatten(key === 'citation' ? { ...x.citation, text: undefined } : x[key], key, fx);
      flatten(key === 'citation' ? { ...y.citation, text: undefined } : y[key], key, fy);
    }
    const fields = [...new Set([...fx.keys(), ...fy.keys()])].filter((k) => fx.get(k) !== fy.get(k)).sort();
    return { ruleId, change: fields.length ? 'changed' : 'unchanged', before: x, after: y, fields };
  });
}
