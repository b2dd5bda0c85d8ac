import {
  type BilingualText,
  DISCIPLINE_LABELS,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  type EligibilityFacts,
  type StandardSource,
  RATING_LABELS,
  RATING_LEVELS,
  STATE_MANAGEMENT_LABELS,
  STATE_MANAGEMENT_LEVELS,
  THEORY_LABELS,
  type Verdict,
  type VerdictStatus,
} from '../../../contracts/policy';
import { type LoadedRule, type ResolvedPolicy, formatDate, ruleIn } from './policy.library';
import { meets, thresholdText, verdict } from './policy.rules';
import { addMonths, monthsBetween, retirementDate } from './retirement.rules';

export type { EligibilityFacts, EligibilityFactsInput } from '../../../contracts/policy';
export { eligibilityFactsSchema } from '../../../contracts/policy';

export interface Eligibility {
  eligible: boolean;
  /** Every verdict, or with `passes: 'count'` only those not passed. */
  verdicts: Verdict[];
  /** How many checks passed (listed or not). */
  passedCount: number;
  /** Rule ids that failed: empty when eligible; one entry means "one requirement short". */
  missing: string[];
}

export interface EvaluateOptions {
  /**
   * 'count': passed checks are counted and their verdicts never built. A province's plan judges thousands of people
   * and lists only what fails or warns; most checks pass, and their texts were most of the work.
   */
  passes?: 'list' | 'count';
}

type Lazy<T> = () => T;

/** Collects verdicts; a pass that is not listed is only counted (its text and inputs are never computed). */
class VerdictSink {
  readonly list: Verdict[] = [];
  passed = 0;
  constructor(private readonly listPasses: boolean) {}

  add(rule: LoadedRule, status: VerdictStatus, detail: Lazy<BilingualText>, inputs: Lazy<Record<string, unknown>>): void {
    if (status === 'passed') {
      this.passed++;
      if (!this.listPasses) return;
    }
    this.list.push(verdict(rule, status, detail(), inputs()));
  }

  addBuilt(vs: readonly Verdict[]): void {
    for (const v of vs) {
      if (v.status === 'passed') {
        this.passed++;
        if (!this.listPasses) continue;
      }
      this.list.push(v);
    }
  }
}

const NEGATED = { '>': '<=', '>=': '<', '<': '>=', '<=': '>' } as const;

const fmtMonths = (m: number) => ({ vi: `${m} tháng`, en: `${m} month${m === 1 ? '' : 's'}` });

/**
 * Judges a person against a target title on `policy.date` with the rules in force then: pure, no I/O.
 * The facts come from the person's record (or are typed in); the title's rank and standards from the catalog.
 */
export function evaluateEligibility(facts: EligibilityFacts, policy: ResolvedPolicy, options: EvaluateOptions = {}): Eligibility {
  const date = policy.date;
  const { person, target, purpose } = facts;
  const sink = new VerdictSink(options.passes !== 'count');
  const levelsBelow = person.currentTitleRank === null ? null : person.currentTitleRank - target.rank;

  // Only a title higher than the one held (planning).
  const higher = ruleIn(policy, 'planning.higher-titles-only', 'flag');
  if (purpose === 'planning' && higher) {
    const ok = levelsBelow === null || levelsBelow > 0;
    sink.add(
      higher,
      ok ? 'passed' : 'failed',
      () =>
        ok
          ? { vi: 'Chức danh quy hoạch cao hơn chức danh đang giữ.', en: 'The planned title is higher than the one held.' }
          : {
              vi: `Chức danh quy hoạch (bậc ${target.rank}) không cao hơn chức danh đang giữ (bậc ${person.currentTitleRank}).`,
              en: `The planned title (rank ${target.rank}) is not higher than the one held (rank ${person.currentTitleRank}).`,
            },
      () => ({ currentTitleRank: person.currentTitleRank, targetRank: target.rank }),
    );
  }

  // In the plan for the title (appointment).
  const inPlan = ruleIn(policy, 'appointment.in-plan', 'flag');
  if (purpose === 'appointment' && inPlan)
    sink.add(
      inPlan,
      person.inPlanForTitle ? 'passed' : 'failed',
      () =>
        person.inPlanForTitle
          ? { vi: 'Có trong quy hoạch chức danh.', en: 'In the plan for the title.' }
          : { vi: 'Chưa có trong quy hoạch chức danh này.', en: 'Not in the plan for this title.' },
      () => ({ inPlanForTitle: person.inPlanForTitle }),
    );

  // Time in the current post (appointment).
  const inPost = ruleIn(policy, 'appointment.months-in-post', 'months');
  if (purpose === 'appointment' && inPost) {
    const need = inPost.params.months;
    if (person.currentPostSince === null)
      sink.add(
        inPost,
        'warning',
        () => ({ vi: 'Chưa ghi ngày bắt đầu giữ chức vụ hiện tại.', en: 'The start of the current post is not recorded.' }),
        () => ({ currentPostSince: null, requiredMonths: need }),
      );
    else {
      const held = Math.max(0, monthsBetween(person.currentPostSince, date));
      const metOn = addMonths(person.currentPostSince, need);
      const ok = date >= metOn;
      sink.add(
        inPost,
        ok ? 'passed' : 'failed',
        () =>
          ok
            ? {
                vi: `Đã giữ chức vụ hiện tại ${fmtMonths(held).vi} (yêu cầu ${fmtMonths(need).vi}).`,
                en: `Has held the current post for ${fmtMonths(held).en} (${fmtMonths(need).en} required).`,
              }
            : {
                vi: `Mới giữ chức vụ hiện tại ${fmtMonths(held).vi}, cần ${fmtMonths(need).vi}: đủ từ ngày ${formatDate(metOn)}.`,
                en: `Has held the current post for ${fmtMonths(held).en}, ${fmtMonths(need).en} required: met from ${formatDate(metOn)}.`,
              },
        () => ({ currentPostSince: person.currentPostSince, monthsHeld: held, requiredMonths: need, metOn }),
      );
    }
  }

  // Months left before retirement.
  const retirement = retirementDate({ sex: person.sex, birth: person.birth, femaleLeaderTo60: person.femaleLeaderTo60 }, policy);
  sink.addBuilt(retirement.assumptions);
  const monthsLeftAt = (at: string) => Math.max(0, monthsBetween(at, retirement.pensionFrom));
  let retireTextOnce: BilingualText | undefined;
  const retireText = () =>
    (retireTextOnce ??= {
      vi: `nghỉ hưu ngày ${formatDate(retirement.retirementDate)}`,
      en: `retires on ${formatDate(retirement.retirementDate)}`,
    });

  const fullTerm = ruleIn(policy, 'appointment.full-term', 'months');
  if (purpose === 'appointment' && fullTerm) {
    const special = target.specialCase && fullTerm.params.specialCaseMonths !== undefined;
    const need = special ? fullTerm.params.specialCaseMonths! : fullTerm.params.months;
    const left = monthsLeftAt(date);
    const ok = left >= need;
    sink.add(
      fullTerm,
      ok ? 'passed' : 'failed',
      () => ({
        vi: `Còn ${fmtMonths(left).vi} công tác (${retireText().vi}); cần ${fmtMonths(need).vi}${special ? ' (trường hợp đặc biệt)' : ''}.`,
        en: `${fmtMonths(left).en} of service left (${retireText().en}); ${fmtMonths(need).en} required${special ? ' (special case)' : ''}.`,
      }),
      () => ({ monthsLeft: left, requiredMonths: need, specialCase: special, retirementDate: retirement.retirementDate }),
    );
  }

  if (purpose === 'planning') {
    const refs = ruleIn(policy, 'planning.reference-dates', 'reference-dates');
    const ref = target.planningReference ? refs?.params.dates.find((d) => d.key === target.planningReference) : undefined;
    const at = ref ? `${ref.month}-01` : date;
    const left = monthsLeftAt(at);
    const atText = ref
      ? {
          vi: ` tại mốc ${ref.label.vi} (${ref.month.slice(5)}/${ref.month.slice(0, 4)})`,
          en: ` at the reference date ${ref.label.en} (${ref.month})`,
        }
      : { vi: '', en: '' };
    const byLevel = ruleIn(policy, 'planning.age-by-level', 'planning-age-levels');
    const byTerms = ruleIn(policy, 'planning.age-terms', 'planning-age-terms');
    if (byLevel) {
      const two = levelsBelow === null || levelsBelow >= 2;
      const need = two ? byLevel.params.twoLevelsBelowMonths : byLevel.params.oneLevelBelowMonths;
      const ok = left >= need;
      sink.add(
        byLevel,
        ok ? 'passed' : 'failed',
        () => ({
          vi: `Còn ${fmtMonths(left).vi} công tác${atText.vi} (${retireText().vi}); người ${two ? 'thấp hơn hai cấp' : 'thấp hơn một cấp'} cần ${fmtMonths(need).vi}.`,
          en: `${fmtMonths(left).en} of service left${atText.en} (${retireText().en}); someone ${two ? 'two levels' : 'one level'} below needs ${fmtMonths(need).en}.`,
        }),
        () => ({
          monthsLeft: left,
          requiredMonths: need,
          levelsBelow,
          referenceDate: at,
          retirementDate: retirement.retirementDate,
        }),
      );
    }
    if (byTerms) {
      const { requiredMonths, preferredMonths } = byTerms.params;
      const status = left < requiredMonths ? 'failed' : left < preferredMonths ? 'warning' : 'passed';
      sink.add(
        byTerms,
        status,
        () => ({
          vi: `Còn ${fmtMonths(left).vi} công tác${atText.vi} (${retireText().vi}); cần ít nhất ${fmtMonths(requiredMonths).vi} (một nhiệm kỳ), nên có ${fmtMonths(preferredMonths).vi} (hai nhiệm kỳ).`,
          en: `${fmtMonths(left).en} of service left${atText.en} (${retireText().en}); at least ${fmtMonths(requiredMonths).en} (one term) required, ${fmtMonths(preferredMonths).en} (two terms) preferred.`,
        }),
        () => ({ monthsLeft: left, requiredMonths, preferredMonths, referenceDate: at }),
      );
    }
  }

  // Discipline waiting periods before a higher post (planning and appointment).
  // Reappointment keeps the same post: the waits guard a higher one.
  const waits = purpose === 'reappointment' ? undefined : ruleIn(policy, 'appointment.discipline-waits', 'discipline-waits');
  if (waits) {
    const pending = person.disciplines
      .map((d) => ({ ...d, months: waits.params[d.level], until: addMonths(d.decidedOn, waits.params[d.level]) }))
      .filter((d) => d.decidedOn <= date && date < d.until)
      .sort((a, b) => (a.until < b.until ? 1 : -1));
    const worst = pending[0];
    sink.add(
      waits,
      worst ? 'failed' : 'passed',
      () =>
        worst
          ? {
              vi: `Bị kỷ luật ${DISCIPLINE_LABELS[worst.level].vi.toLowerCase()} ngày ${formatDate(worst.decidedOn)}: phải chờ ${fmtMonths(worst.months).vi}, đến ngày ${formatDate(worst.until)}.`,
              en: `Disciplined (${DISCIPLINE_LABELS[worst.level].en.toLowerCase()}) on ${formatDate(worst.decidedOn)}: must wait ${fmtMonths(worst.months).en}, until ${formatDate(worst.until)}.`,
            }
          : person.disciplines.length
            ? { vi: 'Đã hết thời hạn chờ sau kỷ luật.', en: 'The waiting periods after discipline have ended.' }
            : { vi: 'Không có kỷ luật.', en: 'No discipline on record.' },
      () => ({
        disciplines: person.disciplines,
        waits: waits.params,
        ...(worst ? { waitUntil: worst.until } : {}),
      }),
    );
  }

  // Ratings of the last years (appointment).
  const judgementYear = Number(date.slice(0, 4));
  const assessed = ruleIn(policy, 'appointment.ratings-assessed', 'ratings-assessed');
  if (purpose !== 'planning' && assessed) {
    const years = Array.from({ length: assessed.params.years }, (_, i) => judgementYear - 1 - i);
    const absent = years.filter((y) => !person.ratings.some((r) => r.year === y));
    sink.add(
      assessed,
      absent.length ? 'failed' : 'passed',
      () =>
        absent.length
          ? {
              vi: `Chưa có kết quả đánh giá, xếp loại năm ${absent.join(', ')}.`,
              en: `No rating on file for ${absent.join(', ')}.`,
            }
          : { vi: `Đã có kết quả đánh giá các năm ${years.join(', ')}.`, en: `Rated for ${years.join(', ')}.` },
      () => ({ years, ratings: person.ratings.filter((r) => years.includes(r.year)) }),
    );
  }
  const minimum = ruleIn(policy, 'appointment.ratings-minimum', 'ratings-minimum');
  if (purpose !== 'planning' && minimum) {
    const years = Array.from({ length: minimum.params.years }, (_, i) => judgementYear - 1 - i);
    const floor = RATING_LEVELS.indexOf(minimum.params.minimumLevel);
    const below = person.ratings.filter((r) => years.includes(r.year) && RATING_LEVELS.indexOf(r.level) > floor);
    sink.add(
      minimum,
      below.length ? 'failed' : 'passed',
      () =>
        below.length
          ? {
              vi: `Năm ${below.map((r) => `${r.year} (${RATING_LABELS[r.level].vi.toLowerCase()})`).join(', ')} dưới mức "${RATING_LABELS[minimum.params.minimumLevel].vi}".`,
              en: `${below.map((r) => `${r.year} (${RATING_LABELS[r.level].en.toLowerCase()})`).join(', ')} below "${RATING_LABELS[minimum.params.minimumLevel].en}".`,
            }
          : {
              vi: `Các năm đã đánh giá đều từ mức "${RATING_LABELS[minimum.params.minimumLevel].vi}" trở lên.`,
              en: `Every rated year is "${RATING_LABELS[minimum.params.minimumLevel].en}" or better.`,
            },
      () => ({ years, minimumLevel: minimum.params.minimumLevel }),
    );
  }

  // Political standard conclusion on file (planning and appointment).
  const political = ruleIn(policy, 'appointment.political-standard', 'flag');
  if (political)
    sink.add(
      political,
      person.politicalStandardConcluded ? 'passed' : 'failed',
      () =>
        person.politicalStandardConcluded
          ? { vi: 'Đã có kết luận tiêu chuẩn chính trị.', en: 'A conclusion on the political standard is on file.' }
          : { vi: 'Chưa có kết luận tiêu chuẩn chính trị.', en: 'No conclusion on the political standard on file.' },
      () => ({ politicalStandardConcluded: person.politicalStandardConcluded }),
    );

  judgeLowVotes(facts, policy, sink);
  judgeStandards(facts, policy, levelsBelow, sink);

  const verdicts = sink.list;
  const failed = verdicts.filter((v) => v.status === 'failed').map((v) => v.ruleId);
  return { eligible: failed.length === 0, verdicts, passedCount: sink.passed, missing: [...new Set(failed)] };
}

/** One formatter per locale, shared by every call (a `toLocaleString` per person builds one each time, slow in a plan). */
const PERCENT_FORMAT = {
  'vi-VN': new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
  'en-GB': new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
} as const;

/**
 * The latest published confidence vote on the person within the rule's window (quorum reached): more low votes than
 * the rule's share of its base bars planning and a higher post (96-QĐ/TW); for reappointment a separate, unconfirmed
 * rule warns. Not judged when the caller did not look the votes up.
 */
export function lowVoteVerdicts(
  facts: { person: Pick<EligibilityFacts['person'], 'confidenceVotes'>; purpose: EligibilityFacts['purpose'] },
  policy: ResolvedPolicy,
): Verdict[] {
  const sink = new VerdictSink(true);
  judgeLowVotes(facts, policy, sink);
  return sink.list;
}

function judgeLowVotes(
  facts: { person: Pick<EligibilityFacts['person'], 'confidenceVotes'>; purpose: EligibilityFacts['purpose'] },
  policy: ResolvedPolicy,
  sink: VerdictSink,
): void {
  const votes = facts.person.confidenceVotes;
  const rule =
    facts.purpose === 'reappointment'
      ? ruleIn(policy, 'reappointment.low-confidence-vote', 'low-vote-bar')
      : ruleIn(policy, 'eligibility.low-confidence-vote', 'low-vote-bar');
  if (!rule || votes === undefined) return;
  const date = policy.date;
  const { threshold, withinMonths } = rule.params;
  const since = addMonths(date, -withinMonths);
  const quorum = ruleIn(policy, 'vote.quorum', 'threshold');
  const inWindow = votes.filter((v) => v.voteDate <= date && v.voteDate > since);
  const counted = inWindow.filter((v) => !quorum || meets(quorum.params, v.collected, v.summoned));
  const ignored = inWindow.length - counted.length;
  const latest = [...counted].sort((a, b) => b.voteDate.localeCompare(a.voteDate) || b.low - a.low)[0];
  const ignoredText =
    ignored > 0
      ? {
          vi: ` ${ignored} lần lấy phiếu không đủ số người tham gia nên không tính.`,
          en: ` ${ignored} vote${ignored === 1 ? '' : 's'} without a quorum not counted.`,
        }
      : { vi: '', en: '' };
  if (!latest) {
    sink.add(
      rule,
      'passed',
      () => ({
        vi: `Không có kết quả lấy phiếu tín nhiệm trong ${fmtMonths(withinMonths).vi} trước ngày xét.${ignoredText.vi}`,
        en: `No confidence vote result in the ${fmtMonths(withinMonths).en} before the date.${ignoredText.en}`,
      }),
      () => ({ votes: inWindow.length, ignoredWithoutQuorum: ignored, withinMonths, threshold }),
    );
    return;
  }
  const bar = thresholdText(threshold);
  const notBar = thresholdText({ ...threshold, comparison: NEGATED[threshold.comparison] });
  const base = threshold.base === 'summoned' ? latest.summoned : latest.collected;
  const over = meets(threshold, latest.low, base);
  const pct = (locale: keyof typeof PERCENT_FORMAT) =>
    base > 0 ? `${PERCENT_FORMAT[locale].format((100 * latest.low) / base)}%` : '—';
  const head = {
    vi: `Lấy phiếu tín nhiệm ngày ${formatDate(latest.voteDate)}: ${latest.low}/${base} (${pct('vi-VN')}) phiếu tín nhiệm thấp`,
    en: `Confidence vote of ${formatDate(latest.voteDate)}: ${latest.low}/${base} (${pct('en-GB')}) low votes`,
  };
  const consequence =
    facts.purpose === 'reappointment'
      ? {
          vi: 'chưa đề nghị bổ nhiệm lại khi cấp có thẩm quyền chưa kết luận',
          en: 'not proposed for reappointment before the competent body concludes',
        }
      : { vi: 'không quy hoạch, bổ nhiệm vào chức vụ cao hơn', en: 'not planned or appointed to a higher post' };
  sink.add(
    rule,
    over ? 'failed' : 'passed',
    () =>
      over
        ? {
            vi: `${head.vi}, ${bar.vi}: ${consequence.vi}.${ignoredText.vi}`,
            en: `${head.en}, ${bar.en}: ${consequence.en}.${ignoredText.en}`,
          }
        : {
            vi: `${head.vi}, ${notBar.vi}.${ignoredText.vi}`,
            en: `${head.en}, ${notBar.en}.${ignoredText.en}`,
          },
    () => ({
      voteDate: latest.voteDate,
      ...(latest.sessionId ? { sessionId: latest.sessionId } : {}),
      low: latest.low,
      collected: latest.collected,
      summoned: latest.summoned,
      base,
      threshold,
      withinMonths,
      ignoredWithoutQuorum: ignored,
    }),
  );
}

const sourcesInputs = new WeakMap<readonly StandardSource[], readonly object[]>();
/** The sources as a verdict's inputs name them: built once per list (a batch judges thousands against one title). */
function sourcesInput(sources: readonly StandardSource[]): readonly object[] {
  let out = sourcesInputs.get(sources);
  if (!out) {
    out = sources.map((s) => ({
      requirement: s.requirement,
      entryId: s.entryId,
      citation: s.citation.text,
      confirmed: s.confirmed,
    }));
    sourcesInputs.set(sources, out);
  }
  return out;
}

/** Political theory, education, state management and prior posts against the title's standards (policy/standards). */
function judgeStandards(facts: EligibilityFacts, policy: ResolvedPolicy, levelsBelow: number | null, sink: VerdictSink): void {
  const standards = ruleIn(policy, 'standards.title-requirements', 'theory-order');
  if (!standards) return;
  const { person, target, purpose } = facts;
  const sources = target.standardSources ?? [];
  const sourceOf = (r: StandardSource['requirement']) => sources.find((s) => s.requirement === r);
  // A requirement typed in (no source) counts as confirmed; one from an unconfirmed standard only warns.
  const confirmed = (r: StandardSource['requirement']) => sourceOf(r)?.confirmed ?? true;
  const cite = (r: StandardSource['requirement']) => {
    const s = sourceOf(r);
    return s ? ` (${s.citation.text}${s.confirmed ? '' : ', chưa xác minh'})` : '';
  };
  const citeEn = (r: StandardSource['requirement']) => {
    const s = sourceOf(r);
    return s ? ` (${s.citation.text}${s.confirmed ? '' : ', unconfirmed'})` : '';
  };
  const theoryRank = (level: string) => standards.params.order.findIndex((group) => group.includes(level as never));
  const gaps: { vi: string; en: string; confirmed: boolean }[] = [];
  const theoryShort = theoryRank(person.politicalTheory) < theoryRank(target.requiredTheory);
  if (theoryShort)
    gaps.push({
      vi: `lý luận chính trị ${THEORY_LABELS[person.politicalTheory].vi.toLowerCase()}, cần ${THEORY_LABELS[target.requiredTheory].vi.toLowerCase()}${cite('theory')}`,
      en: `political theory ${THEORY_LABELS[person.politicalTheory].en.toLowerCase()}, ${THEORY_LABELS[target.requiredTheory].en.toLowerCase()} required${citeEn('theory')}`,
      confirmed: confirmed('theory'),
    });
  if (EDUCATION_LEVELS.indexOf(person.education) < EDUCATION_LEVELS.indexOf(target.requiredEducation))
    gaps.push({
      vi: `trình độ chuyên môn ${EDUCATION_LABELS[person.education].vi.toLowerCase()}, cần ${EDUCATION_LABELS[target.requiredEducation].vi.toLowerCase()}${cite('education')}`,
      en: `education ${EDUCATION_LABELS[person.education].en.toLowerCase()}, ${EDUCATION_LABELS[target.requiredEducation].en.toLowerCase()} required${citeEn('education')}`,
      confirmed: confirmed('education'),
    });
  if (STATE_MANAGEMENT_LEVELS.indexOf(person.stateManagement) < STATE_MANAGEMENT_LEVELS.indexOf(target.requiredStateManagement))
    gaps.push({
      vi: `quản lý nhà nước ${STATE_MANAGEMENT_LABELS[person.stateManagement].vi.toLowerCase()}, cần ${STATE_MANAGEMENT_LABELS[target.requiredStateManagement].vi.toLowerCase()}${cite('stateManagement')}`,
      en: `state management ${STATE_MANAGEMENT_LABELS[person.stateManagement].en.toLowerCase()}, ${STATE_MANAGEMENT_LABELS[target.requiredStateManagement].en.toLowerCase()} required${citeEn('stateManagement')}`,
      confirmed: confirmed('stateManagement'),
    });
  const priorNeed = target.requiredPriorPostMonths ?? null;
  const priorHeld = person.priorPostMonths ?? null;
  if (priorNeed !== null && (priorHeld === null || priorHeld < priorNeed))
    gaps.push({
      vi:
        priorHeld === null
          ? `chưa rõ thời gian giữ chức vụ thấp hơn một cấp, cần ${fmtMonths(priorNeed).vi}${cite('priorPostMonths')}`
          : `đã giữ chức vụ thấp hơn một cấp ${fmtMonths(priorHeld).vi}, cần ${fmtMonths(priorNeed).vi}${cite('priorPostMonths')}`,
      en:
        priorHeld === null
          ? `time in a post one level below unknown, ${fmtMonths(priorNeed).en} required${citeEn('priorPostMonths')}`
          : `${fmtMonths(priorHeld).en} in a post one level below, ${fmtMonths(priorNeed).en} required${citeEn('priorPostMonths')}`,
      // An unknown history cannot block: it is for the officer to complete the record.
      confirmed: priorHeld !== null && confirmed('priorPostMonths'),
    });
  const inputs = () => ({
    politicalTheory: person.politicalTheory,
    education: person.education,
    stateManagement: person.stateManagement,
    priorPostMonths: priorHeld,
    required: {
      theory: target.requiredTheory,
      education: target.requiredEducation,
      stateManagement: target.requiredStateManagement,
      priorPostMonths: priorNeed,
    },
    sources: sourcesInput(sources),
  });
  if (gaps.length === 0) {
    sink.add(
      standards,
      'passed',
      () => ({ vi: 'Đạt tiêu chuẩn trình độ của chức danh.', en: "Meets the title's qualification standards." }),
      inputs,
    );
    return;
  }
  const gapText = { vi: gaps.map((g) => g.vi).join('; '), en: gaps.map((g) => g.en).join('; ') };
  if (purpose !== 'planning') {
    const blocking = gaps.some((g) => g.confirmed);
    sink.add(
      standards,
      blocking ? 'failed' : 'warning',
      () =>
        blocking
          ? { vi: `Chưa đạt: ${gapText.vi}.`, en: `Not met: ${gapText.en}.` }
          : {
              vi: `Chưa đạt (theo tiêu chuẩn chưa xác minh hoặc hồ sơ chưa đủ, chỉ cảnh báo): ${gapText.vi}.`,
              en: `Not met (unconfirmed standard or incomplete record, a warning only): ${gapText.en}.`,
            },
      inputs,
    );
    return;
  }

  // Planning: a gap is a training need, except political theory for someone one level below under 377-QĐ/TW.
  const byLevel = ruleIn(policy, 'planning.theory-by-level', 'planning-theory');
  sink.add(
    standards,
    'warning',
    () => ({ vi: `Cần đào tạo, bồi dưỡng: ${gapText.vi}.`, en: `Training needed: ${gapText.en}.` }),
    inputs,
  );
  if (byLevel && theoryShort) {
    const mode = levelsBelow !== null && levelsBelow <= 1 ? byLevel.params.oneLevelBelow : byLevel.params.twoLevelsBelow;
    const blocks = mode === 'must-meet' && confirmed('theory');
    sink.add(
      byLevel,
      blocks ? 'failed' : 'warning',
      () =>
        mode === 'must-meet'
          ? {
              vi: `Người thấp hơn một cấp phải đạt trình độ lý luận chính trị của chức danh ngay khi quy hoạch${cite('theory')}.`,
              en: `Someone one level below must already hold the title's political-theory level${citeEn('theory')}.`,
            }
          : {
              vi: 'Người thấp hơn hai cấp được đào tạo lý luận chính trị sau khi được phê duyệt quy hoạch.',
              en: 'Someone two levels below may complete political theory after the plan is approved.',
            },
      () => ({ levelsBelow, politicalTheory: person.politicalTheory, required: target.requiredTheory }),
    );
  }
}
