import type { ConfidenceVoteFact, EligibilityFacts } from '../../../contracts/policy';
import type { PersonRecord } from '../../../contracts/persons';
import type { ResolvedPolicy } from './policy.library';
import { addDays, ruleIn } from './policy.library';
import { addMonths, monthsBetween, retirementDate } from './retirement.rules';
import type { ResolvedStandards } from './title-standards';

// The pure half of batch eligibility: which conditions can be pushed into SQL as *necessary* conditions of passing a
// rule (so the database never drops someone the engine would accept), and the engine's facts from a stored record.

export type Purpose = Exclude<EligibilityFacts['purpose'], 'reappointment'>;
export const DISCIPLINE_WAIT_LEVELS = ['khien_trach', 'canh_cao', 'cach_chuc'] as const;
type WaitLevel = (typeof DISCIPLINE_WAIT_LEVELS)[number];

/** A title of the catalog in force, as the batch needs it. */
export interface CatalogTitle {
  id: string;
  code: string;
  name: string;
  rankOrder: number;
  managingAuthority: string;
  group: string;
}

/** Levels between a held rank and the target's: distinct catalog ranks between them (negative = held is higher). */
export function levelsBelowTarget(rankOrders: readonly number[], held: number | null, target: number): number | null {
  if (held === null) return null;
  if (held <= target) {
    const above = new Set(rankOrders.filter((r) => r >= held && r < target));
    return above.size ? -above.size : 0;
  }
  return new Set(rankOrders.filter((r) => r > target && r <= held)).size;
}

interface CatalogIndex {
  rankOrders: number[];
  /** The rank of each code (the first title with it, as a search of the catalog finds). */
  rankByCode: Map<string, number>;
  /** levelsBelowTarget over this catalog, remembered per (held, target): a batch asks the same few pairs again and again. */
  levels: (held: number, target: number) => number | null;
}
const catalogIndexes = new WeakMap<readonly CatalogTitle[], CatalogIndex>();
/** The ranks of a catalog, indexed once per catalog (thousands of records are judged against the same one). */
function catalogIndex(catalog: readonly CatalogTitle[]): CatalogIndex {
  let index = catalogIndexes.get(catalog);
  if (!index) {
    const rankOrders = catalog.map((t) => t.rankOrder);
    const rankByCode = new Map<string, number>();
    for (const t of catalog) if (!rankByCode.has(t.code)) rankByCode.set(t.code, t.rankOrder);
    const seen = new Map<string, number | null>();
    const levels = (held: number, target: number) => {
      const key = `${held}|${target}`;
      let n = seen.get(key);
      if (n === undefined) seen.set(key, (n = levelsBelowTarget(rankOrders, held, target)));
      return n;
    };
    catalogIndexes.set(catalog, (index = { rankOrders, rankByCode, levels }));
  }
  return index;
}

/** The education level of the standards that a record's professional level counts as. */
export const EDUCATION_OF: Record<PersonRecord['professionalLevel'], EligibilityFacts['person']['education']> = {
  none: 'none',
  so_cap: 'none',
  trung_cap: 'trung_cap',
  cao_dang: 'cao_dang',
  dai_hoc: 'dai_hoc',
  thac_si: 'thac_si',
  tien_si: 'tien_si',
  tien_si_khoa_hoc: 'tien_si',
};
const EDU_ORDER = ['none', 'trung_cap', 'cao_dang', 'dai_hoc', 'thac_si', 'tien_si'] as const;
const SM_ORDER = ['none', 'chuyen_vien', 'chuyen_vien_chinh', 'chuyen_vien_cao_cap'] as const;

/** One group of SQL conditions per rule: a person failing two groups fails two rules, so is not "one short". */
export interface Prefilter {
  /** Born on or after this day (earliest-day form) or an age rule fails; a year of margin covers partial dates. */
  bornFrom: { M: string; F: string } | null;
  /** Theory levels meeting the standard; `theoryCodes` limits the check to holders of those title codes (planning). */
  theoryOk: string[] | null;
  theoryCodes: string[] | null;
  educationOk: string[] | null;
  stateManagementOk: string[] | null;
  /** Planning: holders of these codes (on their record) hold a title not lower than the target. */
  notLowerCodes: string[] | null;
  /** A discipline of the level decided in [since, date] is certainly still in its waiting period. */
  disciplineSince: Partial<Record<WaitLevel, string>> | null;
  /** Appointment: the person must be in an approved plan for a title of this code. */
  inPlanCode: string | null;
  date: string;
  /** The rules behind each group, for the report. */
  ruleIds: string[];
}

const confirmedRule = <T extends { status: string }>(r: T | undefined): T | undefined =>
  r && r.status === 'confirmed' ? r : undefined;

/** The earliest birth day (full date) with at least `months` of service left on `at`. */
export function earliestBirthWithMonthsLeft(
  policy: ResolvedPolicy,
  sex: 'M' | 'F',
  femaleLeaderTo60: boolean,
  at: string,
  months: number,
): string {
  let lo = 0; // days after 1900-01-01
  let hi = Math.round((Date.parse(`${at}T00:00:00Z`) - Date.parse('1900-01-01T00:00:00Z')) / 86_400_000);
  const ok = (d: number) =>
    monthsBetween(at, retirementDate({ sex, birth: addDays('1900-01-01', d), femaleLeaderTo60 }, policy).pensionFrom) >= months;
  if (!ok(hi)) return addDays('1900-01-01', hi);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return addDays('1900-01-01', lo);
}

/** What SQL may filter on for this target, purpose and date: only confirmed rules whose failure blocks. */
export function prefilterFor(input: {
  policy: ResolvedPolicy;
  purpose: Purpose;
  target: CatalogTitle;
  catalog: readonly CatalogTitle[];
  standards: ResolvedStandards;
  referenceKey?: string | null;
}): Prefilter {
  const { policy, purpose, target, catalog, standards } = input;
  const date = policy.date;
  const rankOrders = catalog.map((t) => t.rankOrder);
  const levelsOf = (code: string) => {
    const t = catalog.find((c) => c.code === code);
    return t ? levelsBelowTarget(rankOrders, t.rankOrder, target.rankOrder) : null;
  };
  const ruleIds: string[] = [];

  // Age: the least any confirmed age rule asks, at its measuring date.
  let need: { months: number; at: string } | null = null;
  if (purpose === 'appointment') {
    const fullTerm = confirmedRule(ruleIn(policy, 'appointment.full-term', 'months'));
    if (fullTerm) {
      need = { months: fullTerm.params.months, at: date };
      ruleIds.push(fullTerm.id);
    }
  } else {
    const refs = ruleIn(policy, 'planning.reference-dates', 'reference-dates');
    const ref = input.referenceKey ? refs?.params.dates.find((d) => d.key === input.referenceKey) : undefined;
    const at = ref ? `${ref.month}-01` : date;
    const byLevel = confirmedRule(ruleIn(policy, 'planning.age-by-level', 'planning-age-levels'));
    const byTerms = confirmedRule(ruleIn(policy, 'planning.age-terms', 'planning-age-terms'));
    const months = Math.max(
      byLevel ? Math.min(byLevel.params.oneLevelBelowMonths, byLevel.params.twoLevelsBelowMonths) : 0,
      byTerms ? byTerms.params.requiredMonths : 0,
    );
    if (byLevel || byTerms) {
      need = { months, at };
      ruleIds.push(...[byLevel?.id, byTerms?.id].filter((x): x is string => Boolean(x)));
    }
  }
  const margin = (d: string) => addDays(d, -366);
  const bornFrom =
    need && ruleIn(policy, 'retirement.age-schedule', 'retirement-schedule')
      ? {
          M: margin(earliestBirthWithMonthsLeft(policy, 'M', false, need.at, need.months)),
          F: margin(
            earliestBirthWithMonthsLeft(
              policy,
              'F',
              ruleIn(policy, 'retirement.female-leaders-60', 'female-leader-age') !== undefined,
              need.at,
              need.months,
            ),
          ),
        }
      : null;

  // Standards: blocking in appointment when both the rule and the title's standard are confirmed.
  const source = (r: string) => standards.sources.find((s) => s.requirement === r);
  const std = confirmedRule(ruleIn(policy, 'standards.title-requirements', 'theory-order'));
  let theoryOk: string[] | null = null;
  let theoryCodes: string[] | null = null;
  let educationOk: string[] | null = null;
  let stateManagementOk: string[] | null = null;
  const theoryLevelsMeeting = () => {
    if (!std) return null;
    const rank = (l: string) => std.params.order.findIndex((g) => g.includes(l as never));
    return std.params.order.flat().filter((l) => rank(l) >= rank(standards.theory));
  };
  if (purpose === 'appointment' && std) {
    if (standards.theory !== 'none' && source('theory')?.confirmed !== false) theoryOk = theoryLevelsMeeting();
    if (standards.education !== 'none' && source('education')?.confirmed !== false)
      educationOk = Object.entries(EDUCATION_OF)
        .filter(([, e]) => EDU_ORDER.indexOf(e) >= EDU_ORDER.indexOf(standards.education))
        .map(([k]) => k);
    if (standards.stateManagement !== 'none' && source('stateManagement')?.confirmed !== false)
      stateManagementOk = SM_ORDER.filter((s) => SM_ORDER.indexOf(s) >= SM_ORDER.indexOf(standards.stateManagement));
    if (theoryOk || educationOk || stateManagementOk) ruleIds.push(std.id);
  }
  if (purpose === 'planning') {
    const byLevel = confirmedRule(ruleIn(policy, 'planning.theory-by-level', 'planning-theory'));
    if (byLevel && std && standards.theory !== 'none' && source('theory')?.confirmed !== false) {
      if (byLevel.params.twoLevelsBelow === 'must-meet' && byLevel.params.oneLevelBelow === 'must-meet')
        theoryOk = theoryLevelsMeeting();
      else if (byLevel.params.oneLevelBelow === 'must-meet') {
        // Only someone at most one level below must already meet it: holders of those codes on their record.
        theoryOk = theoryLevelsMeeting();
        theoryCodes = catalog.filter((c) => (levelsOf(c.code) ?? 99) <= 1).map((c) => c.code);
      }
      if (theoryOk) ruleIds.push(byLevel.id);
    }
  }

  let notLowerCodes: string[] | null = null;
  const higher = confirmedRule(ruleIn(policy, 'planning.higher-titles-only', 'flag'));
  if (purpose === 'planning' && higher) {
    notLowerCodes = [...new Set(catalog.filter((c) => (levelsOf(c.code) ?? 1) <= 0).map((c) => c.code))];
    ruleIds.push(higher.id);
  }

  let disciplineSince: Prefilter['disciplineSince'] = null;
  const waits = confirmedRule(ruleIn(policy, 'appointment.discipline-waits', 'discipline-waits'));
  if (waits) {
    disciplineSince = {};
    // Three days inside the window: the engine's month arithmetic clamps days, SQL must never claim a doubtful case.
    for (const level of DISCIPLINE_WAIT_LEVELS)
      if (waits.params[level] > 0) disciplineSince[level] = addDays(addMonths(date, -waits.params[level]), 3);
    ruleIds.push(waits.id);
  }
  const inPlan = purpose === 'appointment' ? confirmedRule(ruleIn(policy, 'appointment.in-plan', 'flag')) : undefined;
  if (inPlan) ruleIds.push(inPlan.id);
  return {
    inPlanCode: inPlan ? target.code : null,
    bornFrom,
    theoryOk,
    theoryCodes,
    educationOk,
    stateManagementOk,
    notLowerCodes,
    disciplineSince,
    date,
    ruleIds: [...new Set(ruleIds)],
  };
}

const fullDay = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
const WAITS = new Set<string>(DISCIPLINE_WAIT_LEVELS);

/** A seat held (or held before) by the person, with its title's rank in the catalog in force. */
export interface HeldSeat {
  code: string;
  rankOrder: number;
  from: string;
  to: string | null;
}

/** The engine's facts for one stored person against a target title on `date`. */
/** The parts of a record the eligibility facts are built from (a caller may parse only these). */
export type EligibilityRecord = Pick<
  PersonRecord,
  'discipline' | 'professionalLevel' | 'retirementOverride' | 'stateManagement' | 'theoryLevel' | 'workHistory'
>;

export function factsFromRecord(input: {
  record: EligibilityRecord;
  birthDate: string;
  sex: 'M' | 'F';
  currentTitleCode: string | null;
  seats: readonly HeldSeat[];
  catalog: readonly CatalogTitle[];
  target: CatalogTitle;
  standards: ResolvedStandards;
  date: string;
  purpose: EligibilityFacts['purpose'];
  ratings: EligibilityFacts['person']['ratings'];
  inPlanForTitle: boolean;
  referenceKey?: string | null;
  /** Published confidence votes on the person up to the date; absent = not looked up. */
  confidenceVotes?: ConfidenceVoteFact[];
}): { facts: EligibilityFacts; levelsBelow: number | null } {
  const { record, catalog, target, date } = input;
  const index = catalogIndex(catalog);
  const rankOf = (code: string | null | undefined) => (code ? index.rankByCode.get(code) : undefined);
  const current = input.seats.filter((s) => s.from <= date && (s.to === null || s.to > date));
  const ranks = [...current.map((s) => s.rankOrder), rankOf(input.currentTitleCode)].filter((r): r is number => r !== undefined);
  const held = ranks.length ? Math.min(...ranks) : null;
  const levelsBelow = held === null ? null : index.levels(held, target.rankOrder);

  // The clock for time in post: the seat with the highest title, else the open work-history row of the record's title.
  const best = [...current].sort((a, b) => a.rankOrder - b.rankOrder || (a.from < b.from ? -1 : 1))[0];
  const openRow = record.workHistory.find((w) => !w.to && w.titleCode && w.titleCode === input.currentTitleCode);
  const currentPostSince = best?.from ?? (openRow ? fullDay(openRow.from) : null);

  // Months in posts at most one level below the target (seats, else the work history), the larger of the two.
  const oneBelow = (rank: number | undefined) => rank !== undefined && (index.levels(rank, target.rankOrder) ?? 99) <= 1;
  const span = (from: string, to: string | null) => Math.max(0, monthsBetween(from, to && to < date ? to : date));
  const seatMonths = input.seats
    .filter((s) => s.from <= date && oneBelow(s.rankOrder))
    .reduce((n, s) => n + span(s.from, s.to), 0);
  const historyMonths = record.workHistory
    .filter((w) => oneBelow(rankOf(w.titleCode)) && fullDay(w.from) <= date)
    .reduce((n, w) => n + span(fullDay(w.from), w.to ? fullDay(w.to) : null), 0);
  const known = input.seats.length > 0 || record.workHistory.length > 0;

  return {
    levelsBelow,
    facts: {
      person: {
        sex: input.sex,
        birth: input.birthDate,
        femaleLeaderTo60: record.retirementOverride?.kind === 'female_leader_60',
        currentTitleRank: levelsBelow === null ? null : target.rankOrder + levelsBelow,
        currentPostSince,
        disciplines: record.discipline
          .filter((d) => WAITS.has(d.level))
          .map((d) => ({ level: d.level as WaitLevel, decidedOn: fullDay(d.date) })),
        politicalTheory: record.theoryLevel,
        education: EDUCATION_OF[record.professionalLevel],
        stateManagement: record.stateManagement,
        ratings: input.ratings,
        inPlanForTitle: input.inPlanForTitle,
        // No module records the conclusion yet: the (unconfirmed) rule warns.
        politicalStandardConcluded: false,
        priorPostMonths: known ? Math.max(seatMonths, historyMonths) : null,
        ...(input.confidenceVotes ? { confidenceVotes: input.confidenceVotes } : {}),
      },
      target: {
        titleName: target.name,
        rank: target.rankOrder,
        requiredTheory: input.standards.theory,
        requiredEducation: input.standards.education,
        requiredStateManagement: input.standards.stateManagement,
        requiredPriorPostMonths: input.standards.priorPostMonths,
        standardSources: input.standards.sources,
        ...(input.purpose === 'planning' && input.referenceKey ? { planningReference: input.referenceKey } : {}),
        specialCase: false,
      },
      purpose: input.purpose,
    },
  };
}

/** A count that is exact, or only known to be more than / at least `value` (bounded so the answer stays fast). */
export interface BoundedCount {
  value: number;
  relation: 'exact' | 'more-than' | 'at-least';
}

/**
 * A list's total: exact when every candidate of its queries was judged; otherwise more than the limit when more were
 * found than shown, else at least the number found.
 */
export function listTotal(found: number, limit: number, judgedAll: boolean): BoundedCount {
  if (judgedAll) return { value: found, relation: 'exact' };
  return found > limit ? { value: limit, relation: 'more-than' } : { value: found, relation: 'at-least' };
}
