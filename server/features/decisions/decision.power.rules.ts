import type { Verdict } from '../../../contracts/policy';
import type { PostCategory } from '../../../contracts/positions';
import { type ResolvedPolicy, formatDate, ruleIn } from '../policy/policy.library';
import { verdict } from '../policy/policy.rules';
import { addMonths } from '../policy/retirement.rules';
import { type KinPerson, kinship } from './decision.rules';

// ---- Anti-Corruption Law 2018 art. 20: relatives of a head or deputy in sensitive posts of the same unit ----

/** The family-table relation codes as the article's relation keys (either side's declaration). */
const ART20_RELATION: Record<string, 'spouse' | 'parent' | 'child' | 'sibling' | undefined> = {
  spouse: 'spouse',
  father: 'parent',
  mother: 'parent',
  child: 'child',
  sibling: 'sibling',
};
/** Seen from the other side: a parent declared by the leader is the candidate's child, and so on. */
const MIRROR = { spouse: 'spouse', parent: 'child', child: 'parent', sibling: 'sibling' } as const;

export interface UnitLeader {
  role: 'head' | 'deputy';
  titleName: string;
  person: KinPerson;
}

/** Someone holding a seat of a sensitive post category in the unit (the other direction of the article). */
export interface SensitiveHolder {
  postCategory: PostCategory;
  titleName: string;
  person: KinPerson;
}

/**
 * Anti-Corruption Law 2018 art. 20, both directions, for placing the candidate in a seat of the unit:
 * - the seat is of a sensitive post category (personnel, accounting, cashier, storekeeper, procurement): one failed
 *   verdict per head or deputy of the same unit whose spouse, parent, child or sibling the candidate is;
 * - the seat makes the candidate the unit's head or a deputy (`target`): one failed verdict per holder of a sensitive
 *   seat of the same unit who is the candidate's spouse, parent, child or sibling (the relative has to be moved first).
 * Either family table may declare the relation. A passed verdict when the article applies and nobody is caught;
 * nothing when neither direction applies or the rule is not in force.
 */
export function relativesPlacement(
  policy: ResolvedPolicy,
  input: {
    postCategory: PostCategory | null;
    candidate: KinPerson;
    leaders: readonly UnitLeader[];
    target?: { role: 'head' | 'deputy'; titleName: string } | null;
    sensitiveHolders?: readonly SensitiveHolder[];
  },
): Verdict[] {
  const rule = ruleIn(policy, 'power.relatives-restriction', 'relatives-restriction');
  if (!rule) return [];
  const posts = new Map(rule.params.posts.map((p) => [p.key, p.label]));
  const relations = new Map(rule.params.relations.map((r) => [r.key, r.label]));
  const holders = new Map(rule.params.holders.map((h) => [h.key, h.label]));
  const post = input.postCategory ? posts.get(input.postCategory) : undefined;
  const targetHolder = input.target ? holders.get(input.target.role) : undefined;
  if (!post && !targetHolder) return [];
  /** How `other` is related to `self` in the article's terms, as either family table declares it. */
  const relationOf = (self: KinPerson, other: KinPerson) => {
    const kin = kinship(self, other);
    const declared = kin ? ART20_RELATION[kin.relation] : undefined;
    if (!kin || !declared) return null;
    const key = kin.declaredBy === 'candidate' ? declared : MIRROR[declared];
    const label = relations.get(key) ?? relations.get(MIRROR[key]);
    return label ? { key, label } : null;
  };
  const failed: Verdict[] = [];
  if (post)
    for (const leader of input.leaders) {
      const holder = holders.get(leader.role);
      if (!holder) continue;
      // The candidate's relation to the leader.
      const rel = relationOf(leader.person, input.candidate);
      if (!rel) continue;
      failed.push(
        verdict(
          rule,
          'failed',
          {
            vi: `${input.candidate.fullName} là người thân (${rel.label.vi.toLowerCase()}) của ${leader.person.fullName}, ${holder.vi.toLowerCase()} đơn vị (${leader.titleName}): không được bố trí vào vị trí ${post.vi.toLowerCase()} trong cùng đơn vị.`,
            en: `${input.candidate.fullName} is a relative (${rel.label.en.toLowerCase()}) of ${leader.person.fullName}, the unit's ${holder.en.toLowerCase()} (${leader.titleName}): may not be placed in the same unit's ${post.en.toLowerCase()} post.`,
          },
          { postCategory: input.postCategory, leader: leader.person.fullName, relation: rel.key },
        ),
      );
    }
  if (input.target && targetHolder)
    for (const h of input.sensitiveHolders ?? []) {
      const hPost = posts.get(h.postCategory);
      if (!hPost) continue;
      // The holder's relation to the candidate who would become head or deputy.
      const rel = relationOf(input.candidate, h.person);
      if (!rel) continue;
      failed.push(
        verdict(
          rule,
          'failed',
          {
            vi: `${input.candidate.fullName} sẽ là ${targetHolder.vi.toLowerCase()} đơn vị (${input.target.titleName}) trong khi người thân (${rel.label.vi.toLowerCase()}) ${h.person.fullName} đang giữ vị trí ${hPost.vi.toLowerCase()} (${h.titleName}) của cùng đơn vị: phải bố trí người thân sang vị trí khác trước.`,
            en: `${input.candidate.fullName} would become the unit's ${targetHolder.en.toLowerCase()} (${input.target.titleName}) while a relative (${rel.label.en.toLowerCase()}), ${h.person.fullName}, holds its ${hPost.en.toLowerCase()} post (${h.titleName}): the relative must be moved first.`,
          },
          { direction: 'leader', postCategory: h.postCategory, holder: h.person.fullName, relation: rel.key },
        ),
      );
    }
  if (failed.length) return failed;
  const passed: Verdict[] = [];
  if (post)
    passed.push(
      verdict(rule, 'passed', {
        vi: `Vị trí ${post.vi.toLowerCase()}: không là người thân của người đứng đầu, cấp phó đơn vị.`,
        en: `A ${post.en.toLowerCase()} post: not a relative of the unit's head or deputies.`,
      }),
    );
  if (input.target && targetHolder)
    passed.push(
      verdict(rule, 'passed', {
        vi: `${targetHolder.vi} đơn vị: không có người thân giữ vị trí tổ chức nhân sự, kế toán, thủ quỹ, thủ kho, mua sắm trong đơn vị.`,
        en: `The unit's ${targetHolder.en.toLowerCase()}: no relative holds a personnel, accounting, cashier, storekeeper or procurement post in the unit.`,
      }),
    );
  return passed;
}

// ---- A head near retirement or term end starting appointments (unconfirmed: a warning) ----

export interface HeadFacts {
  fullName: string;
  titleName: string;
  retirementDate: string | null;
  termEnd: string | null;
}

/**
 * The head of the unit who starts an appointment within the pack's window before retirement or the end of the term:
 * a warning per head (the rule is unconfirmed), else a passed verdict; nothing when the rule is not in force.
 */
export function headNearEnd(policy: ResolvedPolicy, heads: readonly HeadFacts[], startedOn: string): Verdict[] {
  const rule = ruleIn(policy, 'appointment.head-near-retirement', 'months');
  if (!rule || heads.length === 0) return [];
  const limit = addMonths(startedOn, rule.params.months);
  const out: Verdict[] = [];
  for (const h of heads) {
    const ends = [
      h.retirementDate !== null && h.retirementDate <= limit
        ? { vi: `nghỉ hưu ngày ${formatDate(h.retirementDate)}`, en: `retires on ${formatDate(h.retirementDate)}` }
        : null,
      h.termEnd !== null && h.termEnd <= limit
        ? { vi: `hết nhiệm kỳ ngày ${formatDate(h.termEnd)}`, en: `term ends on ${formatDate(h.termEnd)}` }
        : null,
    ].filter((e) => e !== null);
    if (ends.length)
      out.push(
        verdict(
          rule,
          'failed',
          {
            vi: `${h.fullName} (${h.titleName}) ${ends.map((e) => e.vi).join(', ')}, trong vòng ${rule.params.months} tháng kể từ ngày bắt đầu quy trình ${formatDate(startedOn)}.`,
            en: `${h.fullName} (${h.titleName}) ${ends.map((e) => e.en).join(', ')}, within ${rule.params.months} months of the start on ${formatDate(startedOn)}.`,
          },
          { head: h.fullName, retirementDate: h.retirementDate, termEnd: h.termEnd, months: rule.params.months },
        ),
      );
  }
  if (out.length) return out;
  return [
    verdict(rule, 'passed', {
      vi: `Người đứng đầu còn trên ${rule.params.months} tháng đến khi nghỉ hưu và hết nhiệm kỳ.`,
      en: `The head has more than ${rule.params.months} months to retirement and to the end of the term.`,
    }),
  ];
}

// ---- Exceptions and outside-the-plan appointments per authority and year ----

export interface ExceptionEntry {
  authority: string;
  year: number;
  kind: 'override' | 'outside-plan';
  processId: string;
}

export interface ExceptionCount {
  authority: string;
  year: number;
  overrides: number;
  outsidePlan: number;
  total: number;
  processIds: string[];
  verdict: Verdict | null;
}

/** Counts per (authority, year), most recent year first; a group over the pack's maximum carries a failed verdict. */
export function exceptionCounts(policy: ResolvedPolicy, entries: readonly ExceptionEntry[]): ExceptionCount[] {
  const rule = ruleIn(policy, 'power.exceptions-per-authority', 'count-max');
  const groups = new Map<string, ExceptionCount>();
  for (const e of entries) {
    const key = `${e.year}\u0000${e.authority}`;
    const g = groups.get(key) ?? {
      authority: e.authority,
      year: e.year,
      overrides: 0,
      outsidePlan: 0,
      total: 0,
      processIds: [],
      verdict: null,
    };
    if (e.kind === 'override') g.overrides++;
    else g.outsidePlan++;
    g.total++;
    if (!g.processIds.includes(e.processId)) g.processIds.push(e.processId);
    groups.set(key, g);
  }
  const rows = [...groups.values()].sort(
    (a, b) => b.year - a.year || b.total - a.total || a.authority.localeCompare(b.authority),
  );
  if (!rule) return rows;
  for (const g of rows) {
    const over = g.total > rule.params.max;
    g.verdict = verdict(
      rule,
      over ? 'failed' : 'passed',
      over
        ? {
            vi: `${g.authority} năm ${g.year}: ${g.total} trường hợp (${g.overrides} vượt kiểm tra, ${g.outsidePlan} ngoài quy hoạch), quá ${rule.params.max}.`,
            en: `${g.authority} in ${g.year}: ${g.total} cases (${g.overrides} overrides, ${g.outsidePlan} outside the plan), over ${rule.params.max}.`,
          }
        : {
            vi: `${g.authority} năm ${g.year}: ${g.total} trường hợp, không quá ${rule.params.max}.`,
            en: `${g.authority} in ${g.year}: ${g.total} cases, at most ${rule.params.max}.`,
          },
      { total: g.total, max: rule.params.max },
    );
  }
  return rows;
}
