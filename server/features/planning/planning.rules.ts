import type { PlanVerdict, PlanningLevel, Structure, SubjectGroup } from '../../../contracts/planning';
import type { RoundStep } from '../../../contracts/planning-work';
import type { EligibilityFacts, Verdict } from '../../../contracts/policy';
import { evaluateEligibility } from '../policy/eligibility.rules';
import { type LoadedRule, type ResolvedPolicy, formatDate, ruleIn } from '../policy/policy.library';
import { meets, percentText, thresholdText, verdict } from '../policy/policy.rules';
import { parseBirth, retirementDate } from '../policy/retirement.rules';
import type { SkillStandards } from '../policy/title-standards';
import { skillVerdicts } from './planning.skills.rules';

// The rules of a planning cycle as pure functions of the rule pack in force: no I/O.

export interface CandidateFacts {
  planId: string;
  personId: string;
  fullName: string;
  /** Organization × title: "≤N people per title" counts people per seat title in one organization. */
  seatKey: string;
  targetTitleName: string;
  /** Distinct catalog ranks between the title held and the target (null: no catalog title held). */
  levelsBelow: number | null;
  /** The person as the eligibility engine sees them, target and purpose planning (null: no target title). */
  facts: EligibilityFacts | null;
  sex: 'M' | 'F';
  birth: string;
  ethnicMinority: boolean;
  addedOn: string;
  proposedForAppointment: boolean;
  /** Every discipline on record (any level), for the immediate removal trigger. */
  disciplines: { level: string; date: string }[];
  /** The person's languages and IT level against the target title's skill standards (absent: not judged). */
  skills?: { record: Parameters<typeof skillVerdicts>[0]; standards: SkillStandards } | null;
  /** The latest recommendation round that voted on this person, if any: its count feeds the verdicts. */
  latestRound?: { step: RoundStep; agree: number; summoned: number } | null;
}

export interface PlanFacts {
  id: string;
  kind: 'seat' | 'committee';
  statutorySize: number | null;
  candidates: CandidateFacts[];
}

export interface ExceptionFacts {
  id: string;
  planId: string | null;
  ruleId: string;
  personId: string | null;
}

export interface CycleFacts {
  level: PlanningLevel;
  /** The date ages are measured at (HD 45 reference date, or the one entered). */
  referenceDate: string;
  plans: PlanFacts[];
  exceptions: ExceptionFacts[];
}

export interface CycleValidation {
  /**
   * Verdicts per candidate, keyed `${planId}:${personId}`: those not passed, and the passed ones too in the plans the
   * caller asked to keep them for (all plans by default).
   */
  candidates: Map<string, PlanVerdict[]>;
  /** Per candidate, how many checks passed (kept or not): a province's plan passes tens of thousands. */
  passedCounts: Map<string, number>;
  /** Verdicts about one plan as a whole (size of a committee's plan). */
  plans: Map<string, PlanVerdict[]>;
  /** Verdicts over the whole cycle (titles per person, structural shares). */
  cycle: PlanVerdict[];
  structureByPlan: Map<string, Structure>;
  structure: Structure;
  blockingCount: number;
}

export const candidateKey = (planId: string, personId: string) => `${planId}:${personId}`;

export function subjectGroupOf(levelsBelow: number | null): SubjectGroup {
  if (levelsBelow === null) return 'no_title';
  if (levelsBelow <= 0) return 'not_lower';
  return levelsBelow === 1 ? 'one_below' : 'two_below';
}

/** Whole years of age on `at`; the unknown parts of a partial birth date count as 1 January. */
export function ageOn(birth: string, at: string): number {
  const b = parseBirth(birth, { month: 1, day: 1 });
  const [y, m, d] = at.split('-').map(Number) as [number, number, number];
  return y - b.year - (m < b.month || (m === b.month && d < b.day) ? 1 : 0);
}

/** The age under which a cadre counts as young for this level, from planning.young-age; null when none is in force. */
export function youngUnderYears(policy: ResolvedPolicy, level: PlanningLevel): number | null {
  const rule = ruleIn(policy, 'planning.young-age', 'young-age');
  return rule?.params.byLevel.find((l) => l.level === level)?.underYears ?? null;
}

export function structureOf(
  people: readonly Pick<CandidateFacts, 'personId' | 'sex' | 'birth' | 'ethnicMinority'>[],
  referenceDate: string,
  underYears: number | null,
  age: (birth: string) => number = (birth) => ageOn(birth, referenceDate),
): Structure {
  const unique = [...new Map(people.map((p) => [p.personId, p])).values()];
  return {
    total: unique.length,
    young: underYears === null ? 0 : unique.filter((p) => age(p.birth) < underYears).length,
    women: unique.filter((p) => p.sex === 'F').length,
    ethnicMinority: unique.filter((p) => p.ethnicMinority).length,
    youngUnderYears: underYears,
  };
}

const pct = (n: number, total: number) => (total ? `${Math.round((1000 * n) / total) / 10}%` : '—');

export interface ValidateOptions {
  /**
   * Whether the passed verdicts of a plan's candidates are kept (default: all plans). A cycle's page lists what fails
   * or warns, so it keeps none and only counts them: most of a province plan's verdicts are passes, and building,
   * tagging and sending them cost more than judging them.
   */
  keepPassed?: (planId: string) => boolean;
}

/** Judges a whole cycle: every candidate, every plan, the cycle; then marks what blocks and what an exception covers. */
export function validateCycle(cycle: CycleFacts, policy: ResolvedPolicy, options: ValidateOptions = {}): CycleValidation {
  const keepPassed = options.keepPassed ?? (() => true);
  const candidates = new Map<string, PlanVerdict[]>();
  const passedCounts = new Map<string, number>();
  const plans = new Map<string, PlanVerdict[]>();
  const cycleVerdicts: PlanVerdict[] = [];
  // Exceptions by rule and person: a failed verdict looks its exception up instead of scanning them all.
  const exceptionsByRule = new Map<string, ExceptionFacts[]>();
  for (const e of cycle.exceptions) {
    const k = `${e.ruleId}|${e.personId ?? ''}`;
    (exceptionsByRule.get(k) ?? exceptionsByRule.set(k, []).get(k)!).push(e);
  }
  const exceptionFor = (planId: string | null, ruleId: string, personId: string | null) =>
    exceptionsByRule.get(`${ruleId}|${personId ?? ''}`)?.find((e) => e.planId === null || e.planId === planId)?.id ?? null;
  let blockingCount = 0;
  // One object shape for every verdict of the cycle (tens of thousands in a province's plan): built as one literal,
  // not extended in place, so the engine keeps a single hidden class for them.
  const tag = (v: Verdict, planId: string | null, personId: string | null): PlanVerdict => {
    const exceptionId = v.status === 'failed' && exceptionsByRule.size > 0 ? exceptionFor(planId, v.ruleId, personId) : null;
    const blocking = v.status === 'failed' && exceptionId === null;
    if (blocking) blockingCount++;
    return {
      ruleId: v.ruleId,
      citation: v.citation,
      status: v.status,
      detail: v.detail,
      inputs: v.inputs,
      ruleUnconfirmed: v.ruleUnconfirmed,
      localPackId: v.localPackId,
      planId,
      personId,
      blocking,
      exceptionId,
    };
  };

  const maxPerTitle = ruleIn(policy, 'planning.max-per-title', 'count-max');
  const maxTitles = ruleIn(policy, 'planning.max-titles-per-person', 'count-max');
  const committee = ruleIn(policy, 'planning.committee-size-ratio', 'ratio-range');
  const removal = ruleIn(policy, 'planning.removal-triggers', 'removal-triggers');
  const notWhileProposed = ruleIn(policy, 'planning.not-while-proposed', 'flag');
  const shares = ruleIn(policy, 'planning.youth-women-share', 'share-targets');
  const underYears = youngUnderYears(policy, cycle.level);

  // People per seat title across the cycle (one approval level).
  const perSeat = new Map<string, Set<string>>();
  // Seat titles per person across the cycle.
  const perPerson = new Map<string, Set<string>>();
  const names = new Map<string, string>();
  for (const plan of cycle.plans)
    for (const c of plan.candidates) {
      names.set(c.personId, c.fullName);
      if (plan.kind === 'seat') {
        (perSeat.get(c.seatKey) ?? perSeat.set(c.seatKey, new Set()).get(c.seatKey)!).add(c.personId);
        (perPerson.get(c.personId) ?? perPerson.set(c.personId, new Set()).get(c.personId)!).add(c.seatKey);
      }
    }

  // The engine's verdicts depend on the facts alone: a person planned twice for one title (same facts object) is
  // judged once (tagging copies the verdicts). Passes are remembered only when some plan lists them: held until the
  // end, tens of thousands of them outlived the young generation and made the collector copy them.
  const keepsAnyPass = cycle.plans.some((p) => keepPassed(p.id));
  const judged = new Map<EligibilityFacts, { verdicts: readonly Verdict[]; passed: number }>();
  const engine = (facts: EligibilityFacts) => {
    let entry = judged.get(facts);
    if (!entry) {
      const r = evaluateEligibility(facts, policy, { passes: keepsAnyPass ? 'list' : 'count' });
      entry = { verdicts: r.verdicts, passed: r.passedCount };
      judged.set(facts, entry);
    }
    return entry;
  };
  for (const plan of cycle.plans) {
    const keep = keepPassed(plan.id);
    for (const c of plan.candidates) {
      const out: PlanVerdict[] = [];
      let passed = 0;
      const add = (v: Verdict) => {
        if (v.status === 'passed') {
          passed++;
          if (!keep) return;
        }
        out.push(tag(v, plan.id, c.personId));
      };
      // The cycle's own checks: a pass that is not kept is only counted, its text never built.
      const check = (ok: boolean, build: () => Verdict) => (ok && !keep ? passed++ : add(build()));
      if (c.facts) {
        const judgedFacts = engine(c.facts);
        // Listed passes are counted by add(); the others were only counted by the engine.
        if (!keepsAnyPass) passed += judgedFacts.passed;
        for (const v of judgedFacts.verdicts) add(v);
      }
      if (maxPerTitle && plan.kind === 'seat') {
        const n = perSeat.get(c.seatKey)!.size;
        const ok = n <= maxPerTitle.params.max;
        check(ok, () =>
          verdict(
            maxPerTitle,
            ok ? 'passed' : 'failed',
            {
              vi: `Chức danh ${c.targetTitleName} có ${n} người quy hoạch; tối đa ${maxPerTitle.params.max}.`,
              en: `${c.targetTitleName} has ${n} people planned; at most ${maxPerTitle.params.max}.`,
            },
            { count: n, max: maxPerTitle.params.max },
          ),
        );
      }
      const disciplinedLabel = removal?.params.immediate.find((t) => t.key === 'disciplined')?.label;
      if (removal && disciplinedLabel) {
        const since = c.disciplines.filter((d) => d.date >= c.addedOn && d.date <= policy.date);
        check(since.length === 0, () =>
          verdict(
            removal,
            since.length ? 'failed' : 'passed',
            since.length
              ? {
                  vi: `${disciplinedLabel.vi} ngày ${formatDate(since[0]!.date)} sau khi vào quy hoạch: đưa ra khỏi quy hoạch ngay.`,
                  en: `${disciplinedLabel.en} on ${formatDate(since[0]!.date)} after entering the plan: out of the plan at once.`,
                }
              : { vi: 'Không bị kỷ luật từ khi vào quy hoạch.', en: 'Not disciplined since entering the plan.' },
            { disciplinesSince: since, addedOn: c.addedOn },
          ),
        );
      }
      if (notWhileProposed)
        check(!c.proposedForAppointment, () =>
          verdict(
            notWhileProposed,
            c.proposedForAppointment ? 'failed' : 'passed',
            c.proposedForAppointment
              ? {
                  vi: 'Đang đồng thời được đề nghị bổ nhiệm, giới thiệu ứng cử vào chức danh này.',
                  en: 'Is at the same time proposed for appointment or nomination to this title.',
                }
              : { vi: 'Không đồng thời được đề nghị bổ nhiệm.', en: 'Not proposed for appointment at the same time.' },
            { proposedForAppointment: c.proposedForAppointment },
          ),
        );
      if (c.skills) for (const v of skillVerdicts(c.skills.record, c.skills.standards)) add(v);
      if (c.latestRound) {
        const v = judgeRoundCount(policy, { fullName: c.fullName, ...c.latestRound });
        if (v) add(v);
      }
      const key = candidateKey(plan.id, c.personId);
      candidates.set(key, out);
      passedCounts.set(key, passed);
    }

    const planOut: PlanVerdict[] = [];
    if (committee && plan.kind === 'committee' && plan.statutorySize) {
      const n = new Set(plan.candidates.map((c) => c.personId)).size;
      const size = plan.statutorySize;
      // Exact: compare n × 1000 with the coefficient × 1000 × size, so 1.5 × 7 = 10.5 is not rounded.
      const lo = Math.round(committee.params.min * 1000) * size;
      const hi = Math.round(committee.params.max * 1000) * size;
      const ok = n * 1000 >= lo && n * 1000 <= hi;
      const range = `${Math.ceil(lo / 1000)}–${Math.floor(hi / 1000)}`;
      planOut.push(
        tag(
          verdict(
            committee,
            ok ? 'passed' : 'failed',
            {
              vi: `Quy hoạch ${n} người cho cấp ủy có ${size} ủy viên theo quy định; phải từ ${committee.params.min} đến ${committee.params.max} lần (${range} người).`,
              en: `${n} people planned for a committee of ${size}; must be ${committee.params.min} to ${committee.params.max} times (${range} people).`,
            },
            { count: n, statutorySize: size, min: committee.params.min, max: committee.params.max },
          ),
          plan.id,
          null,
        ),
      );
    }
    plans.set(plan.id, planOut);
  }

  if (maxTitles)
    for (const [personId, seats] of perPerson) {
      if (seats.size <= maxTitles.params.max) continue;
      const name = names.get(personId)!;
      cycleVerdicts.push(
        tag(
          verdict(
            maxTitles,
            'failed',
            {
              vi: `${name} được quy hoạch ${seats.size} chức danh; tối đa ${maxTitles.params.max}.`,
              en: `${name} is planned for ${seats.size} titles; at most ${maxTitles.params.max}.`,
            },
            { count: seats.size, max: maxTitles.params.max },
          ),
          null,
          personId,
        ),
      );
    }

  const ages = new Map<string, number>();
  const age = (birth: string) => ages.get(birth) ?? ages.set(birth, ageOn(birth, cycle.referenceDate)).get(birth)!;
  const everyone = cycle.plans.flatMap((p) => p.candidates);
  const structure = structureOf(everyone, cycle.referenceDate, underYears, age);
  if (shares && structure.total > 0) {
    const checks: [LoadedRule, number, number, string, string][] = [
      [shares, structure.young, shares.params.youngMinPercent, 'cán bộ trẻ', 'young people'],
      [shares, structure.women, shares.params.womenMinPercent, 'cán bộ nữ', 'women'],
    ];
    for (const [rule, n, min, vi, en] of checks) {
      const ok = n * 100 >= min * structure.total;
      cycleVerdicts.push(
        tag(
          verdict(
            rule,
            ok ? 'passed' : 'failed',
            {
              vi: `Tỷ lệ ${vi}: ${n}/${structure.total} (${pct(n, structure.total)}); yêu cầu không dưới ${min}%.`,
              en: `Share of ${en}: ${n}/${structure.total} (${pct(n, structure.total)}); at least ${min}% required.`,
            },
            { count: n, total: structure.total, minPercent: min, group: en },
          ),
          null,
          null,
        ),
      );
    }
  }

  const ethnic = ethnicShareVerdict(policy, structure);
  if (ethnic) cycleVerdicts.push(tag(ethnic, null, null));

  const structureByPlan = new Map(
    cycle.plans.map((p) => [p.id, structureOf(p.candidates, cycle.referenceDate, underYears, age)] as const),
  );
  return { candidates, passedCounts, plans, cycle: cycleVerdicts, structureByPlan, structure, blockingCount };
}

/**
 * The ethnic-minority share of a pool against planning.ethnic-minority-share: the locality's minimum (its approved
 * local rules) in exact integer arithmetic, so exactly the target passes. No verdict while no number is set (0) or
 * the pool is empty.
 */
export function ethnicShareVerdict(policy: ResolvedPolicy, s: Pick<Structure, 'total' | 'ethnicMinority'>): Verdict | null {
  const rule = ruleIn(policy, 'planning.ethnic-minority-share', 'min-share');
  const min = rule?.params.minPercent ?? 0;
  if (!rule || min === 0 || s.total === 0) return null;
  const ok = s.ethnicMinority * 100 >= min * s.total;
  return verdict(
    rule,
    ok ? 'passed' : 'failed',
    {
      vi: `Tỷ lệ cán bộ người dân tộc thiểu số: ${s.ethnicMinority}/${s.total} (${percentText(s.ethnicMinority, s.total)}); yêu cầu không dưới ${min}%.`,
      en: `Share of ethnic-minority cadres: ${s.ethnicMinority}/${s.total} (${percentText(s.ethnicMinority, s.total)}); at least ${min}% required.`,
    },
    { count: s.ethnicMinority, total: s.total, minPercent: min, group: 'ethnic minority' },
  );
}

/** One person's count in a recommendation round, judged against planning.recommendation-threshold (> 1/2 of those summoned). */
export function judgeRoundCount(
  policy: ResolvedPolicy,
  input: { fullName: string; agree: number; summoned: number; step: RoundStep },
): Verdict | null {
  const rule = ruleIn(policy, 'planning.recommendation-threshold', 'threshold');
  if (!rule) return null;
  const ok = meets(rule.params, input.agree, input.summoned);
  const need = thresholdText(rule.params);
  const share = percentText(input.agree, input.summoned);
  return verdict(
    rule,
    ok ? 'passed' : 'failed',
    {
      vi: `${input.fullName}: ${input.agree}/${input.summoned} người được triệu tập đồng ý (${share}); cần ${need.vi}${ok ? '' : ': không được giới thiệu tiếp'}.`,
      en: `${input.fullName}: ${input.agree} of ${input.summoned} summoned agree (${share}); ${need.en} needed${ok ? '' : ': not recommended further'}.`,
    },
    { agree: input.agree, summoned: input.summoned, step: input.step },
  );
}

/** Retirement date of a candidate under the pack in force (for the succession chart and the finder). */
export function retirementOf(facts: EligibilityFacts, policy: ResolvedPolicy): string {
  return retirementDate(
    { sex: facts.person.sex, birth: facts.person.birth, femaleLeaderTo60: facts.person.femaleLeaderTo60 },
    policy,
  ).retirementDate;
}
