import type { Sex, Verdict } from '../../../contracts/policy';
import { type ResolvedPolicy, formatDate, ruleIn } from './policy.library';
import { meets, percentText, thresholdText, verdict } from './policy.rules';
import { addMonths, monthsBetween, retirementDate } from './retirement.rules';

/** Rotation (65-QĐ/TW): at least N years of service left and a recent health certificate. */
export function rotationVerdicts(
  policy: ResolvedPolicy,
  input: { sex: Sex; birth: string; femaleLeaderTo60?: boolean; healthCertificateDate: string | null },
): Verdict[] {
  const rule = ruleIn(policy, 'rotation.requirements', 'rotation');
  if (!rule) return [];
  const r = retirementDate(input, policy);
  const left = Math.max(0, monthsBetween(policy.date, r.pensionFrom));
  const need = rule.params.serviceYearsLeft * 12;
  const out: Verdict[] = [
    verdict(
      rule,
      left >= need ? 'passed' : 'failed',
      {
        vi: `Còn ${left} tháng công tác (nghỉ hưu ${formatDate(r.retirementDate)}); cần ít nhất ${rule.params.serviceYearsLeft} năm.`,
        en: `${left} months of service left (retires ${formatDate(r.retirementDate)}); at least ${rule.params.serviceYearsLeft} years required.`,
      },
      { monthsLeft: left, requiredMonths: need },
    ),
  ];
  const cert = input.healthCertificateDate;
  const validUntil = cert ? addMonths(cert, rule.params.healthCertificateMaxMonths) : null;
  const fresh = validUntil !== null && cert! <= policy.date && policy.date <= validUntil;
  out.push(
    verdict(
      rule,
      fresh ? 'passed' : 'failed',
      cert
        ? {
            vi: `Giấy chứng nhận sức khỏe ngày ${formatDate(cert)}, có giá trị đến ${formatDate(validUntil!)} (tối đa ${rule.params.healthCertificateMaxMonths} tháng).`,
            en: `Health certificate of ${formatDate(cert)}, valid until ${formatDate(validUntil!)} (at most ${rule.params.healthCertificateMaxMonths} months).`,
          }
        : { vi: 'Chưa có giấy chứng nhận sức khỏe.', en: 'No health certificate on file.' },
      { healthCertificateDate: cert },
    ),
  );
  return out;
}

/** Anti-Corruption Law art. 20: a head's or deputy's close relatives may not hold sensitive posts in the same unit. */
export function relativesVerdict(
  policy: ResolvedPolicy,
  input: { holder: string; relation: string; post: string; sameUnit: boolean },
): Verdict | null {
  const rule = ruleIn(policy, 'power.relatives-restriction', 'relatives-restriction');
  if (!rule) return null;
  const p = rule.params;
  const holder = p.holders.find((h) => h.key === input.holder);
  const relation = p.relations.find((r) => r.key === input.relation);
  const post = p.posts.find((x) => x.key === input.post);
  const hit = input.sameUnit && holder && relation && post;
  return verdict(
    rule,
    hit ? 'failed' : 'passed',
    hit
      ? {
          vi: `${relation.label.vi} của ${holder.label.vi.toLowerCase()} không được giữ vị trí ${post.label.vi.toLowerCase()} trong cùng đơn vị.`,
          en: `The ${holder.label.en.toLowerCase()}'s ${relation.label.en.toLowerCase()} may not hold a ${post.label.en.toLowerCase()} post in the same unit.`,
        }
      : { vi: 'Không thuộc trường hợp bị hạn chế.', en: 'Not a restricted case.' },
    input,
  );
}

/** 377-QĐ/TW relief from post: under 70 % of the annual targets or the basic targets missed, unless exempt. */
export function reliefVerdict(
  policy: ResolvedPolicy,
  input: { achieved: number; planned: number; basicTargetsMissed: number; monthsInPost: number; forceMajeure: boolean },
): Verdict | null {
  const rule = ruleIn(policy, 'relief.targets', 'relief-from-post');
  if (!rule) return null;
  const p = rule.params;
  const exempt = input.forceMajeure || input.monthsInPost < p.exemptUnderMonthsInPost;
  const below = meets(p.targets, input.achieved, input.planned);
  const missed = input.basicTargetsMissed >= p.basicTargets;
  const hit = !exempt && (below || missed);
  return verdict(
    rule,
    hit ? 'failed' : 'passed',
    hit
      ? {
          vi: `Đạt ${percentText(input.achieved, input.planned)} chỉ tiêu (${thresholdText(p.targets).vi})${missed ? `, không đạt ${p.basicTargets} chỉ tiêu cơ bản` : ''}: xem xét cho thôi giữ chức vụ.`,
          en: `${percentText(input.achieved, input.planned)} of targets (${thresholdText(p.targets).en})${missed ? `, missed the ${p.basicTargets} basic targets` : ''}: relief from post to be considered.`,
        }
      : exempt && (below || missed)
        ? {
            vi: 'Không đạt chỉ tiêu nhưng thuộc trường hợp loại trừ (bất khả kháng hoặc giữ chức vụ dưới 1 năm).',
            en: 'Targets missed but exempt (force majeure or under a year in post).',
          }
        : {
            vi: `Đạt ${percentText(input.achieved, input.planned)} chỉ tiêu.`,
            en: `${percentText(input.achieved, input.planned)} of targets reached.`,
          },
    input,
  );
}

/** Planning list limits: people per title, titles per person (377-QĐ/TW; 50-QĐ/TW as applied). */
export function planningLimitVerdicts(
  policy: ResolvedPolicy,
  input: { peopleForTitle: number; titlesForPerson: number },
): Verdict[] {
  const out: Verdict[] = [];
  const perTitle = ruleIn(policy, 'planning.max-per-title', 'count-max');
  if (perTitle)
    out.push(
      verdict(
        perTitle,
        input.peopleForTitle <= perTitle.params.max ? 'passed' : 'failed',
        {
          vi: `${input.peopleForTitle} người quy hoạch cho chức danh; tối đa ${perTitle.params.max}.`,
          en: `${input.peopleForTitle} people planned for the title; at most ${perTitle.params.max}.`,
        },
        { peopleForTitle: input.peopleForTitle, max: perTitle.params.max },
      ),
    );
  const perPerson = ruleIn(policy, 'planning.max-titles-per-person', 'count-max');
  if (perPerson)
    out.push(
      verdict(
        perPerson,
        input.titlesForPerson <= perPerson.params.max ? 'passed' : 'failed',
        {
          vi: `Một người được quy hoạch ${input.titlesForPerson} chức danh; tối đa ${perPerson.params.max}.`,
          en: `One person planned for ${input.titlesForPerson} titles; at most ${perPerson.params.max}.`,
        },
        { titlesForPerson: input.titlesForPerson, max: perPerson.params.max },
      ),
    );
  return out;
}

/** A committee's plan size against its statutory size (1.0–1.5×). */
export function committeePlanSizeVerdict(policy: ResolvedPolicy, input: { planned: number; statutory: number }): Verdict | null {
  const rule = ruleIn(policy, 'planning.committee-size-ratio', 'ratio-range');
  if (!rule) return null;
  // Compare in tenths to stay exact for ratios like 1.5.
  const ok =
    input.planned * 10 >= Math.round(rule.params.min * 10) * input.statutory &&
    input.planned * 10 <= Math.round(rule.params.max * 10) * input.statutory;
  return verdict(
    rule,
    ok ? 'passed' : 'failed',
    {
      vi: `${input.planned} người quy hoạch cho ${input.statutory} ủy viên; cần từ ${rule.params.min} đến ${rule.params.max} lần.`,
      en: `${input.planned} planned for ${input.statutory} members; ${rule.params.min}–${rule.params.max} times required.`,
    },
    input,
  );
}

/** 50-QĐ/TW shares of young people and women in a plan (no numbers verified under 377-QĐ/TW). */
export function planningShareVerdicts(policy: ResolvedPolicy, input: { total: number; young: number; women: number }): Verdict[] {
  const rule = ruleIn(policy, 'planning.youth-women-share', 'share-targets');
  if (!rule) return [];
  const p = rule.params;
  const check = (count: number, min: number, what: { vi: string; en: string }) =>
    verdict(
      rule,
      meets({ comparison: '>=', numerator: min, denominator: 100 }, count, input.total) ? 'passed' : 'failed',
      {
        vi: `${what.vi}: ${count}/${input.total} (${percentText(count, input.total)}); cần từ ${min}%.`,
        en: `${what.en}: ${count} of ${input.total} (${percentText(count, input.total)}); at least ${min} % required.`,
      },
      { count, total: input.total, minPercent: min },
    );
  return [
    check(input.young, p.youngMinPercent, { vi: 'Cán bộ trẻ', en: 'Young people' }),
    check(input.women, p.womenMinPercent, { vi: 'Cán bộ nữ', en: 'Women' }),
  ];
}

/** Removal from a plan: discipline removes at once, the other reasons at the yearly review. */
export function planningRemovalVerdict(
  policy: ResolvedPolicy,
  input: { reasons: string[] },
): { when: 'now' | 'at-review' | null; verdict: Verdict } | null {
  const rule = ruleIn(policy, 'planning.removal-triggers', 'removal-triggers');
  if (!rule) return null;
  const now = rule.params.immediate.filter((i) => input.reasons.includes(i.key));
  const later = rule.params.atReview.filter((i) => input.reasons.includes(i.key));
  const when = now.length ? 'now' : later.length ? 'at-review' : null;
  return {
    when,
    verdict: verdict(
      rule,
      when ? 'failed' : 'passed',
      when === 'now'
        ? {
            vi: `Đưa ra khỏi quy hoạch ngay: ${now.map((i) => i.label.vi).join('; ')}.`,
            en: `Out of the plan at once: ${now.map((i) => i.label.en).join('; ')}.`,
          }
        : when === 'at-review'
          ? {
              vi: `Đưa ra khỏi quy hoạch khi rà soát: ${later.map((i) => i.label.vi).join('; ')}.`,
              en: `Out of the plan at the review: ${later.map((i) => i.label.en).join('; ')}.`,
            }
          : { vi: 'Không có căn cứ đưa ra khỏi quy hoạch.', en: 'No ground for removal.' },
      input,
    ),
  };
}

/** The calendar year of a term when something happens: the confidence vote (vote.timing), the plan's build (planning.cycle). */
export function termEventYear(
  policy: ResolvedPolicy,
  ruleId: 'vote.timing' | 'planning.cycle',
  termStartYear: number,
): number | null {
  const rule = ruleIn(policy, ruleId, 'term-year');
  return rule ? termStartYear + rule.params.termYear - 1 : null;
}

/** Pay during suspension (NĐ 170/2025): the share paid now and the share held back until the outcome. */
export function suspensionPay(policy: ResolvedPolicy, monthlySalary: number): { paid: number; heldBack: number } | null {
  const rule = ruleIn(policy, 'state.suspension-salary', 'salary-percent');
  if (!rule) return null;
  const paid = Math.round((monthlySalary * rule.params.percent) / 100);
  return { paid, heldBack: monthlySalary - paid };
}

/** Kết luận 40: the fewest posts to cut from a baseline over 2022–2026 (rounded up: "at least"). */
export function staffingCutTarget(
  policy: ResolvedPolicy,
  input: { cadres: number; budgetEmployees: number },
): { cadres: number; budgetEmployees: number } | null {
  const rule = ruleIn(policy, 'staffing.quota-2022-2026', 'staffing-quota');
  if (!rule) return null;
  return {
    cadres: Math.ceil((input.cadres * rule.params.cadreCutPercent) / 100),
    budgetEmployees: Math.ceil((input.budgetEmployees * rule.params.employeeCutPercent) / 100),
  };
}
