// The grounds a person leaves a post on (dismissal, resignation, relief) and the cases that postpone a reappointment,
// judged against the policy in force as verdicts that name their rule: pure, the facts come from the caller.
import type { ActionKind, CircumstanceOption } from '../../../contracts/decisions';
import type { ConfidenceVoteFact, Verdict } from '../../../contracts/policy';
import { DISCIPLINE_LABELS, RATING_LABELS } from '../../../contracts/policy';
import type { ParamsOf } from '../policy/pack.schema';
import { type ResolvedPolicy, formatDate, ruleIn } from '../policy/policy.library';
import { meets, percentText, thresholdText, verdict } from '../policy/policy.rules';
import { addMonths, monthsBetween } from '../policy/retirement.rules';
import type { RatingFact } from './decision.facts';

/** A case the officer recorded on a process: a ground claimed or a postponement case, with its document. */
export interface CircumstanceFact {
  key: string;
  fromDate: string;
  toDate: string | null;
  reference: string;
}

/** The grounds rule of a leaving action, or null when the action has none. */
export const groundsRuleId = (action: ActionKind): string | null => GROUNDS_RULES[action] ?? null;
const GROUNDS_RULES: Partial<Record<ActionKind, string>> = {
  dismissal: 'grounds.dismissal',
  resignation: 'grounds.resignation',
  relief: 'grounds.relief',
};

/** What may be recorded on a process of that action under `policy`: its grounds, or the reappointment's postponements. */
export function circumstanceOptions(policy: ResolvedPolicy, action: ActionKind): CircumstanceOption[] {
  if (action === 'reappointment') {
    const rule = ruleIn(policy, 'state.reappointment', 'reappointment');
    return (rule?.params.postponeReasons ?? []).map((r) => ({
      key: r.key,
      label: r.label,
      kind: 'postponement' as const,
      ruleId: rule!.id,
      evidence: 'document' as const,
      minMonths: r.minMonths ?? null,
    }));
  }
  const id = groundsRuleId(action);
  const rule = id ? ruleIn(policy, id, 'grounds') : undefined;
  return (rule?.params.items ?? []).map((g) => ({
    key: g.key,
    label: g.label,
    kind: 'ground' as const,
    ruleId: rule!.id,
    evidence: g.evidence,
    minMonths: g.minMonthsInPost ?? null,
  }));
}

// ---- Reappointment postponed (NĐ 170/2025 art. 40) ----

/**
 * One verdict per postponement case recorded: in progress on `onDate` (and, for a stay abroad or in hospital, of at
 * least the reason's months: planned to last that long, or already lasted that long) → failed: the reappointment is
 * postponed; ended or too short → passed. No case recorded → one passed verdict.
 */
export function postponementVerdicts(policy: ResolvedPolicy, cases: readonly CircumstanceFact[], onDate: string): Verdict[] {
  const rule = ruleIn(policy, 'state.reappointment', 'reappointment');
  if (!rule) return [];
  const reasons = rule.params.postponeReasons;
  const relevant = cases.filter((c) => reasons.some((r) => r.key === c.key) && c.fromDate <= onDate);
  if (relevant.length === 0)
    return [
      verdict(
        rule,
        'passed',
        {
          vi: `Không có trường hợp tạm hoãn bổ nhiệm lại vào ngày ${formatDate(onDate)} (${reasons.map((r) => r.label.vi.toLowerCase()).join(', ')}).`,
          en: `No case postponing the reappointment on ${formatDate(onDate)} (${reasons.map((r) => r.label.en.toLowerCase()).join(', ')}).`,
        },
        { onDate },
      ),
    ];
  return relevant.map((c) => {
    const reason = reasons.find((r) => r.key === c.key)!;
    const inputs = { key: c.key, fromDate: c.fromDate, toDate: c.toDate, reference: c.reference, onDate };
    const period = c.toDate
      ? {
          vi: `từ ${formatDate(c.fromDate)} đến ${formatDate(c.toDate)}`,
          en: `from ${formatDate(c.fromDate)} to ${formatDate(c.toDate)}`,
        }
      : { vi: `từ ${formatDate(c.fromDate)}, chưa kết thúc`, en: `since ${formatDate(c.fromDate)}, not ended` };
    const head = {
      vi: `${reason.label.vi} (${period.vi}; ${c.reference})`,
      en: `${reason.label.en} (${period.en}; ${c.reference})`,
    };
    if (c.toDate !== null && c.toDate < onDate)
      return verdict(
        rule,
        'passed',
        { vi: `${head.vi}: đã kết thúc, không còn tạm hoãn.`, en: `${head.en}: ended, no longer postponed.` },
        inputs,
      );
    if (reason.minMonths) {
      const reachedOn = addMonths(c.fromDate, reason.minMonths);
      const long = c.toDate !== null ? c.toDate >= reachedOn : onDate >= reachedOn;
      if (!long)
        return verdict(
          rule,
          c.toDate === null ? 'warning' : 'passed',
          c.toDate === null
            ? {
                vi: `${head.vi}: mới ${monthsBetween(c.fromDate, onDate)} tháng, chưa đủ ${reason.minMonths} tháng (đủ vào ngày ${formatDate(reachedOn)}); theo dõi tiếp.`,
                en: `${head.en}: only ${monthsBetween(c.fromDate, onDate)} months, not yet ${reason.minMonths} (reached on ${formatDate(reachedOn)}); keep watching.`,
              }
            : {
                vi: `${head.vi}: dưới ${reason.minMonths} tháng nên không tạm hoãn.`,
                en: `${head.en}: under ${reason.minMonths} months, so no postponement.`,
              },
          { ...inputs, minMonths: reason.minMonths, reachedOn },
        );
    }
    return verdict(
      rule,
      'failed',
      {
        vi: `${head.vi}: tạm hoãn bổ nhiệm lại cho đến khi trường hợp này kết thúc.`,
        en: `${head.en}: the reappointment is postponed until this ends.`,
      },
      { ...inputs, ...(reason.minMonths ? { minMonths: reason.minMonths } : {}) },
    );
  });
}

// ---- Grounds for leaving a post ----

export interface GroundsFacts {
  /** The grounds the officer claimed, each with its document. */
  claimed: readonly CircumstanceFact[];
  /** The published confidence votes on the person up to the date (as the reader may see them). */
  votes: readonly ConfidenceVoteFact[];
  /** Decided annual ratings. */
  ratings: readonly RatingFact[];
  /** Discipline on the record: level and date (ISO, or a year/month prefix). */
  disciplines: readonly { level: string; date: string }[];
  /** Since when the person holds the seat the process is about (null: not known to hold it). */
  inSeatSince: string | null;
}

type Bilingual = { vi: string; en: string };

/**
 * The claimed grounds against the action's grounds rule on `onDate`: each claim judged by its evidence (a published
 * vote over the named threshold, ratings, discipline since taking the seat, a document after the months in post).
 * At least one ground must hold: none claimed, or none holding → failed; an unsupported claim beside a holding one →
 * warning. No grounds rule in force for the action (e.g. relief before 377-QĐ/TW) → no verdict.
 */
export function groundsVerdicts(policy: ResolvedPolicy, action: ActionKind, f: GroundsFacts, onDate: string): Verdict[] {
  const id = groundsRuleId(action);
  const rule = id ? ruleIn(policy, id, 'grounds') : undefined;
  if (!rule) return [];
  const items = rule.params.items;
  const claims = f.claimed.filter((c) => c.fromDate <= onDate);
  if (claims.length === 0)
    return [
      verdict(
        rule,
        'failed',
        {
          vi: `Chưa ghi căn cứ nào; phải nêu ít nhất một căn cứ: ${items.map((i) => i.label.vi.toLowerCase()).join('; ')}.`,
          en: `No ground recorded; at least one is required: ${items.map((i) => i.label.en.toLowerCase()).join('; ')}.`,
        },
        { claimed: [] },
      ),
    ];
  const judged = claims.map((c) => {
    const item = items.find((i) => i.key === c.key);
    if (!item)
      return {
        c,
        holds: false,
        detail: { vi: `Căn cứ "${c.key}" không có trong danh mục.`, en: `Ground "${c.key}" is not in the list.` },
        inputs: {},
      };
    const r = judgeGround(policy, item, c, f, onDate);
    return {
      c,
      holds: r.holds,
      detail: { vi: `${item.label.vi}: ${r.detail.vi}`, en: `${item.label.en}: ${r.detail.en}` },
      inputs: r.inputs,
    };
  });
  const anyHolds = judged.some((j) => j.holds);
  return judged.map((j) =>
    verdict(
      rule,
      j.holds ? 'passed' : anyHolds ? 'warning' : 'failed',
      j.holds || anyHolds
        ? j.detail
        : {
            vi: `${j.detail.vi} Không căn cứ nào được chứng minh.`,
            en: `${j.detail.en} No ground is proved.`,
          },
      { key: j.c.key, reference: j.c.reference, documentDate: j.c.fromDate, ...j.inputs },
    ),
  );
}

type GroundItem = ParamsOf<'grounds'>['items'][number];

function judgeGround(
  policy: ResolvedPolicy,
  item: GroundItem,
  c: CircumstanceFact,
  f: GroundsFacts,
  onDate: string,
): { holds: boolean; detail: Bilingual; inputs: Record<string, unknown> } {
  switch (item.evidence) {
    case 'low-votes': {
      const bar = policy.rules.get(item.voteRule!);
      const quorum = ruleIn(policy, 'vote.quorum', 'threshold');
      const counted = f.votes
        .filter((v) => v.voteDate <= onDate)
        .filter((v) => !quorum || meets(quorum.params, v.collected, v.summoned))
        .sort((a, b) => b.voteDate.localeCompare(a.voteDate));
      const latest = counted[0];
      if (!bar || (bar.kind !== 'threshold' && bar.kind !== 'band'))
        return {
          holds: false,
          detail: {
            vi: `quy định ${item.voteRule} không có hiệu lực vào ngày này.`,
            en: `rule ${item.voteRule} is not in force on the date.`,
          },
          inputs: { voteRule: item.voteRule },
        };
      if (!latest)
        return {
          holds: false,
          detail: {
            vi: 'không có kết quả lấy phiếu tín nhiệm đã công bố (đủ số người tham gia) về người này.',
            en: 'no published confidence vote (with a quorum) on the person.',
          },
          inputs: { voteRule: bar.id },
        };
      const thresholds = bar.kind === 'band' ? [bar.params.lower, bar.params.upper] : [bar.params];
      const base = (t: (typeof thresholds)[number]) => (t.base === 'summoned' ? latest.summoned : latest.collected);
      const holds = thresholds.every((t) => meets(t, latest.low, base(t)));
      const need =
        bar.kind === 'band'
          ? {
              vi: `${thresholdText(bar.params.lower).vi} và ${thresholdText(bar.params.upper).vi}`,
              en: `${thresholdText(bar.params.lower).en} and ${thresholdText(bar.params.upper).en}`,
            }
          : thresholdText(bar.params);
      const n = base(thresholds[0]!);
      return {
        holds,
        detail: {
          vi: `lấy phiếu ngày ${formatDate(latest.voteDate)}: ${latest.low}/${n} phiếu tín nhiệm thấp (${percentText(latest.low, n)}); cần ${need.vi} (${bar.id}, ${bar.citation.text}) — ${holds ? 'đạt' : 'không đạt'}.`,
          en: `vote of ${formatDate(latest.voteDate)}: ${latest.low} of ${n} low (${percentText(latest.low, n)}); ${need.en} required (${bar.id}, ${bar.citation.text}) — ${holds ? 'met' : 'not met'}.`,
        },
        inputs: { voteRule: bar.id, voteDate: latest.voteDate, low: latest.low, base: n, sessionId: latest.sessionId ?? null },
      };
    }
    case 'rating': {
      const years = item.consecutiveYears!;
      const latest = [...f.ratings]
        .filter((r) => r.year < Number(onDate.slice(0, 4)))
        .sort((a, b) => b.year - a.year)
        .slice(0, years);
      const consecutive = latest.every((r, i) => i === 0 || latest[i - 1]!.year - r.year === 1);
      const holds = latest.length === years && consecutive && latest.every((r) => r.level === item.ratingLevel);
      const shown = latest.map((r) => `${r.year}: ${RATING_LABELS[r.level].vi}`).join('; ') || 'chưa có xếp loại';
      const shownEn = latest.map((r) => `${r.year}: ${RATING_LABELS[r.level].en}`).join('; ') || 'no rating';
      return {
        holds,
        detail: {
          vi: `${years} năm gần nhất — ${shown}: ${holds ? 'đúng' : 'không đúng'} mức "${RATING_LABELS[item.ratingLevel!].vi}".`,
          en: `last ${years} year(s) — ${shownEn}: ${holds ? 'matches' : 'does not match'} "${RATING_LABELS[item.ratingLevel!].en}".`,
        },
        inputs: { ratings: latest, ratingLevel: item.ratingLevel, consecutiveYears: years },
      };
    }
    case 'discipline': {
      const levels = new Set<string>(item.disciplineLevels!);
      const found = f.disciplines.filter(
        (d) =>
          levels.has(d.level) &&
          d.date.slice(0, 10) <= onDate &&
          (f.inSeatSince === null || d.date >= f.inSeatSince.slice(0, d.date.length)),
      );
      const names = item.disciplineLevels!.map((l) => DISCIPLINE_LABELS[l]);
      return {
        holds: found.length > 0,
        detail:
          found.length > 0
            ? {
                vi: `hồ sơ ghi ${found.map((d) => `${DISCIPLINE_LABELS[d.level as keyof typeof DISCIPLINE_LABELS].vi.toLowerCase()} (${d.date.split('-').reverse().join('/')})`).join(', ')}${f.inSeatSince ? ` kể từ khi giữ chức vụ ngày ${formatDate(f.inSeatSince)}` : ''}.`,
                en: `the record shows ${found.map((d) => `${DISCIPLINE_LABELS[d.level as keyof typeof DISCIPLINE_LABELS].en.toLowerCase()} (${d.date})`).join(', ')}${f.inSeatSince ? ` since taking the post on ${formatDate(f.inSeatSince)}` : ''}.`,
              }
            : {
                vi: `hồ sơ không ghi kỷ luật ${names.map((n) => n.vi.toLowerCase()).join(' hoặc ')}${f.inSeatSince ? ` kể từ khi giữ chức vụ ngày ${formatDate(f.inSeatSince)}` : ''}.`,
                en: `the record shows no ${names.map((n) => n.en.toLowerCase()).join(' or ')}${f.inSeatSince ? ` since taking the post on ${formatDate(f.inSeatSince)}` : ''}.`,
              },
        inputs: { found, inSeatSince: f.inSeatSince },
      };
    }
    case 'document': {
      const doc = {
        vi: `văn bản ${c.reference} ngày ${formatDate(c.fromDate)}`,
        en: `document ${c.reference} of ${formatDate(c.fromDate)}`,
      };
      if (item.minMonthsInPost && f.inSeatSince) {
        const months = monthsBetween(f.inSeatSince, onDate);
        if (months < item.minMonthsInPost)
          return {
            holds: false,
            detail: {
              vi: `${doc.vi}; nhưng mới giữ chức vụ ${months} tháng (từ ${formatDate(f.inSeatSince)}), chưa đủ ${item.minMonthsInPost} tháng nên không áp dụng.`,
              en: `${doc.en}; but only ${months} months in post (since ${formatDate(f.inSeatSince)}), under ${item.minMonthsInPost}, so it does not apply.`,
            },
            inputs: { monthsInPost: months, minMonthsInPost: item.minMonthsInPost },
          };
      }
      return { holds: true, detail: { vi: `${doc.vi}.`, en: `${doc.en}.` }, inputs: {} };
    }
  }
}
