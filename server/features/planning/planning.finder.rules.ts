import type { FinderItem, FinderQuery, FinderReason, GridLevel } from '../../../contracts/planning';
import { GRID_LEVEL_LABELS } from '../../../contracts/planning';
import { RATING_LABELS } from '../../../contracts/policy';
import { type ResolvedPolicy, formatDate, ruleIn } from '../policy/policy.library';
import { gridRank } from './planning.work.rules';

// The order of the candidate finder, as pure functions. The source of a plan is the people one level below the title,
// then two levels below (377-QĐ/TW, HD 45: a title is planned from those holding the titles one or two levels below,
// and equivalent titles, which the catalog gives the same rank); among them the criteria of the regulation:
// eligible under the rules in force, the evaluation results of the last years, the title's standards met, and the
// time left before retirement (at least one term, two where possible). The user's pick (performance, potential,
// youngest, months left) comes right after closeness; the fit order breaks the ties. Every item says why it stands
// where it does.

export type Ranked = Omit<FinderItem, 'position' | 'why'>;

/** 0: one level below; 1: two below; 2: three or more below; 3: no catalog title held; 4: holds the title or a higher one. */
export function closenessOf(levelsBelow: number | null): number {
  if (levelsBelow === null) return 3;
  if (levelsBelow <= 0) return 4;
  return Math.min(levelsBelow, 3) - 1;
}

/** The months of one term and of two terms left before retirement, from the planning age rule of the pack in force. */
export function termMonthsOf(policy: ResolvedPolicy): { one: number; two: number; ruleId: string } | null {
  const byLevel = ruleIn(policy, 'planning.age-by-level', 'planning-age-levels');
  if (byLevel) return { one: byLevel.params.oneLevelBelowMonths, two: byLevel.params.twoLevelsBelowMonths, ruleId: byLevel.id };
  const byTerms = ruleIn(policy, 'planning.age-terms', 'planning-age-terms');
  if (byTerms) return { one: byTerms.params.requiredMonths, two: byTerms.params.preferredMonths, ruleId: byTerms.id };
  return null;
}

/** 2: two terms or more left, 1: one term, 0: less (or no rule in force). */
function termBand(monthsLeft: number, terms: ReturnType<typeof termMonthsOf>): number {
  if (!terms) return 0;
  return monthsLeft >= terms.two ? 2 : monthsLeft >= terms.one ? 1 : 0;
}

const fitOrder =
  (terms: ReturnType<typeof termMonthsOf>) =>
  (a: Ranked, b: Ranked): number =>
    Number(b.eligible) - Number(a.eligible) ||
    gridRank(b.performance) - gridRank(a.performance) ||
    a.warnings - b.warnings ||
    termBand(b.monthsLeft, terms) - termBand(a.monthsLeft, terms) ||
    b.monthsLeft - a.monthsLeft ||
    a.fullName.localeCompare(b.fullName, 'vi') ||
    a.personId.localeCompare(b.personId);

const picked: Record<Exclude<FinderQuery['sort'], 'fit'>, (a: Ranked, b: Ranked) => number> = {
  performance: (a, b) => gridRank(b.performance) - gridRank(a.performance),
  potential: (a, b) => gridRank(b.potential) - gridRank(a.potential),
  youngest: (a, b) => b.birthDate.localeCompare(a.birthDate),
  months_left: (a, b) => b.monthsLeft - a.monthsLeft,
};

/** The finder's ranking: closeness first, then the user's pick, then the fit order; each item with its place and why. */
export function rankFinder(items: readonly Ranked[], sort: FinderQuery['sort'], policy: ResolvedPolicy): FinderItem[] {
  const terms = termMonthsOf(policy);
  const fit = fitOrder(terms);
  const pick = sort === 'fit' ? null : picked[sort];
  const order = (a: Ranked, b: Ranked) =>
    closenessOf(a.levelsBelow) - closenessOf(b.levelsBelow) || (pick ? pick(a, b) : 0) || fit(a, b);
  return [...items].sort(order).map((item, i) => ({ ...item, position: i + 1, why: reasonsFor(item, sort, policy, terms) }));
}

const closenessRule = (policy: ResolvedPolicy) =>
  ruleIn(policy, 'planning.age-by-level', 'planning-age-levels')?.id ??
  ruleIn(policy, 'planning.higher-titles-only', 'flag')?.id ??
  null;

const perfText = (g: GridLevel | null) => (g ? GRID_LEVEL_LABELS[g] : { vi: 'chưa có', en: 'none' });

function reasonsFor(
  p: Ranked,
  sort: FinderQuery['sort'],
  policy: ResolvedPolicy,
  terms: ReturnType<typeof termMonthsOf>,
): FinderReason[] {
  const out: FinderReason[] = [];
  const levels = p.levelsBelow;
  out.push({
    criterion: 'closeness',
    ruleId: closenessRule(policy),
    text:
      levels === null
        ? {
            vi: 'Chưa giữ chức danh trong danh mục: xếp sau người thấp hơn một, hai cấp.',
            en: 'Holds no catalog title: after those one or two levels below.',
          }
        : levels <= 0
          ? {
              vi: 'Đang giữ chức danh bằng hoặc cao hơn chức danh quy hoạch: xếp cuối.',
              en: 'Holds the planned title or a higher one: last.',
            }
          : levels === 1
            ? {
                vi: 'Giữ chức danh thấp hơn một cấp (hoặc tương đương): nguồn quy hoạch trực tiếp, xếp trước.',
                en: 'Holds a title one level below (or an equivalent one): the direct source, first.',
              }
            : levels === 2
              ? {
                  vi: 'Giữ chức danh thấp hơn hai cấp (hoặc tương đương): xếp sau người thấp hơn một cấp.',
                  en: 'Holds a title two levels below (or an equivalent one): after those one level below.',
                }
              : {
                  vi: `Giữ chức danh thấp hơn ${levels} cấp: ngoài nguồn một, hai cấp, xếp sau.`,
                  en: `Holds a title ${levels} levels below: outside the one-or-two-level source, after it.`,
                },
  });
  if (sort === 'youngest')
    out.push({
      criterion: 'sort',
      ruleId: null,
      text: { vi: `Theo lựa chọn "trẻ nhất": sinh ${formatDate(p.birthDate)}.`, en: `By "youngest": born ${p.birthDate}.` },
    });
  else if (sort === 'months_left')
    out.push({
      criterion: 'sort',
      ruleId: null,
      text: {
        vi: `Theo lựa chọn "thời gian công tác còn lại": ${p.monthsLeft} tháng.`,
        en: `By "months left": ${p.monthsLeft} months.`,
      },
    });
  else if (sort === 'potential')
    out.push({
      criterion: 'sort',
      ruleId: null,
      text: {
        vi: `Theo lựa chọn "triển vọng": ${GRID_LEVEL_LABELS[p.potential].vi.toLowerCase()}.`,
        en: `By "potential": ${GRID_LEVEL_LABELS[p.potential].en.toLowerCase()}.`,
      },
    });
  out.push({
    criterion: 'eligibility',
    ruleId: p.missing[0]?.ruleId ?? null,
    text: p.eligible
      ? { vi: 'Đủ điều kiện theo quy định đang áp dụng.', en: 'Eligible under the rules in force.' }
      : {
          vi: `Thiếu ${p.missing.length} điều kiện: ${p.missing.map((m) => m.detail.vi).join('; ')}`,
          en: `${p.missing.length} requirement(s) short: ${p.missing.map((m) => m.detail.en).join('; ')}`,
        },
  });
  const ratings = p.ratings.map((r) => `${r.year} ${RATING_LABELS[r.level].vi.toLowerCase()}`).join(', ');
  const ratingsEn = p.ratings.map((r) => `${r.year} ${RATING_LABELS[r.level].en.toLowerCase()}`).join(', ');
  out.push({
    criterion: 'performance',
    ruleId: null,
    text: p.ratings.length
      ? {
          vi: `Kết quả đánh giá ${perfText(p.performance).vi.toLowerCase()} (${ratings}).`,
          en: `Performance ${perfText(p.performance).en.toLowerCase()} (${ratingsEn}).`,
        }
      : {
          vi: 'Chưa có kết quả đánh giá ba năm gần nhất: xếp sau người đã có.',
          en: 'No rating in the last three years: after those rated.',
        },
  });
  out.push({
    criterion: 'standards',
    ruleId: 'standards.title-requirements',
    text: p.warnings
      ? {
          vi: `${p.warnings} điểm cần lưu ý (tiêu chuẩn cần bồi dưỡng hoặc quy định chưa xác minh).`,
          en: `${p.warnings} point(s) to note (standards to train for or unconfirmed rules).`,
        }
      : { vi: 'Đạt các tiêu chuẩn của chức danh, không có cảnh báo.', en: "Meets the title's standards, no warning." },
  });
  const band = termBand(p.monthsLeft, terms);
  out.push({
    criterion: 'time',
    ruleId: terms?.ruleId ?? null,
    text: {
      vi: `Còn ${p.monthsLeft} tháng công tác tại mốc tính tuổi${
        terms ? (band === 2 ? ': đủ hai nhiệm kỳ' : band === 1 ? ': đủ một nhiệm kỳ' : `: dưới ${terms.one} tháng`) : ''
      }.`,
      en: `${p.monthsLeft} months left at the reference date${
        terms ? (band === 2 ? ': two terms' : band === 1 ? ': one term' : `: under ${terms.one} months`) : ''
      }.`,
    },
  });
  return out;
}
