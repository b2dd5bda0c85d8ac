import { describe, expect, it } from 'vitest';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { type LoadedRule, type ResolvedPolicy, policyAt } from '../policy/policy.library';
import {
  type CandidateFacts,
  type CycleFacts,
  type PlanFacts,
  ageOn,
  candidateKey,
  subjectGroupOf,
  validateCycle,
} from './planning.rules';
import { levelsBelowTarget as levelsBetween } from '../policy/eligibility.batch.rules';
import { buildPlanningFacts as planningFacts } from './planning.fixtures';

const library = loadPolicyLibrary();
const pack2025 = policyAt(library, '2026-03-01', 'party');
const pack2023 = policyAt(library, '2024-06-01', 'party');

/** A deputy (one level below) born 1980 for the seat "GĐ Sở Nội vụ". */
function buildCandidate(o: Partial<CandidateFacts> & { levels?: number | null; ref?: string | null } = {}): CandidateFacts {
  const sex = o.sex ?? 'M';
  const birth = o.birth ?? '1980-05-20';
  const levelsBelow = o.levels === undefined ? 1 : o.levels;
  const disciplines = o.disciplines ?? [];
  return {
    planId: o.planId ?? 'P1',
    personId: o.personId ?? 'A',
    fullName: o.fullName ?? 'Nguyễn Văn A',
    seatKey: o.seatKey ?? 'SNV:GIAM_DOC_SO',
    targetTitleName: 'Giám đốc Sở',
    levelsBelow,
    facts: planningFacts({
      sex,
      birth,
      levelsBelow,
      targetRankOrder: 32,
      targetTitleName: 'Giám đốc Sở',
      politicalTheory: 'cao_cap',
      stateManagement: 'chuyen_vien_chinh',
      disciplines,
      planningReference: o.ref === undefined ? 'provincial' : o.ref,
      requiredTheory: 'cao_cap',
    }),
    sex,
    birth,
    ethnicMinority: o.ethnicMinority ?? false,
    addedOn: o.addedOn ?? '2026-01-15',
    proposedForAppointment: o.proposedForAppointment ?? false,
    disciplines,
  };
}

const seatPlan = (candidates: CandidateFacts[], id = 'P1'): PlanFacts => ({ id, kind: 'seat', statutorySize: null, candidates });
const cycleOf = (plans: PlanFacts[], exceptions: CycleFacts['exceptions'] = []): CycleFacts => ({
  level: 'provincial',
  referenceDate: '2030-09-01',
  plans,
  exceptions,
});
const statusOf = (verdicts: { ruleId: string; status: string }[] | undefined, ruleId: string) =>
  (verdicts ?? []).filter((v) => v.ruleId === ruleId).map((v) => v.status);

describe('catalog levels and subject groups', () => {
  const ranks = [1, 2, 11, 12, 21, 31, 32, 33, 35, 36, 37, 38];
  it('counts distinct ranks between the held title and the target', () => {
    expect(levelsBetween(ranks, 33, 32)).toBe(1); // deputy director → director
    expect(levelsBetween(ranks, 38, 37)).toBe(1);
    expect(levelsBetween(ranks, 31, 21)).toBe(1); // group IV rank 1 → group III rank 1: one step in the catalog
    expect(levelsBetween(ranks, 33, 31)).toBe(2);
    expect(levelsBetween(ranks, 32, 32)).toBe(0);
    expect(levelsBetween(ranks, 31, 33)).toBe(-2);
    expect(levelsBetween(ranks, null, 32)).toBeNull();
  });
  it('names the subject group', () => {
    expect(subjectGroupOf(1)).toBe('one_below');
    expect(subjectGroupOf(2)).toBe('two_below');
    expect(subjectGroupOf(5)).toBe('two_below');
    expect(subjectGroupOf(0)).toBe('not_lower');
    expect(subjectGroupOf(-1)).toBe('not_lower');
    expect(subjectGroupOf(null)).toBe('no_title');
  });
  it('computes age on the birthday as reached', () => {
    expect(ageOn('1985-09-01', '2030-09-01')).toBe(45);
    expect(ageOn('1985-09-02', '2030-09-01')).toBe(44);
    expect(ageOn('1985', '2030-01-01')).toBe(45);
  });
});

describe('passed verdicts kept or only counted', () => {
  // A cycle of mixed people: over the per-title limit, disciplined since entry, proposed for appointment, fine.
  const people = [
    buildCandidate({ personId: 'A' }),
    buildCandidate({ personId: 'B', proposedForAppointment: true }),
    buildCandidate({ personId: 'C', disciplines: [{ level: 'khien_trach', date: '2026-02-01' }], addedOn: '2026-01-01' }),
    buildCandidate({ personId: 'D', levels: 0 }),
  ];
  const facts = cycleOf([seatPlan(people), seatPlan([buildCandidate({ personId: 'E', planId: 'P2', seatKey: 'X:GD' })], 'P2')]);
  it('drops only the passes of the plans not asked for, and counts the same passes either way', () => {
    const kept = validateCycle(facts, pack2025);
    const counted = validateCycle(facts, pack2025, { keepPassed: (id) => id === 'P2' });
    const none = validateCycle(facts, pack2025, { keepPassed: () => false });
    for (const [key, all] of kept.candidates) {
      expect(none.passedCounts.get(key)).toBe(all.filter((v) => v.status === 'passed').length);
      expect(none.candidates.get(key)).toEqual(all.filter((v) => v.status !== 'passed'));
      const passes = all.filter((v) => v.status === 'passed');
      expect(passes.length).toBeGreaterThan(0);
      expect(counted.passedCounts.get(key)).toBe(passes.length);
      expect(kept.passedCounts.get(key)).toBe(passes.length);
      expect(counted.candidates.get(key)).toEqual(key.startsWith('P2:') ? all : all.filter((v) => v.status !== 'passed'));
    }
    expect(counted.blockingCount).toBe(kept.blockingCount);
    expect(none.blockingCount).toBe(kept.blockingCount);
    expect(counted.blockingCount).toBeGreaterThan(0);
    expect(counted.cycle).toEqual(kept.cycle);
  });
});

describe.each([
  ['national-2025 (377-QĐ/TW)', pack2025, 'failed'],
  ['national-2023 (50-QĐ/TW, unconfirmed numbers warn)', pack2023, 'warning'],
] as const)('limits per title and per person, %s', (_name, policy, overStatus) => {
  it('allows exactly 3 people for one seat title and flags the 4th', () => {
    const three = ['A', 'B', 'C'].map((p) => buildCandidate({ personId: p }));
    const ok = validateCycle(cycleOf([seatPlan(three)]), policy);
    expect(statusOf(ok.candidates.get(candidateKey('P1', 'A')), 'planning.max-per-title')).toEqual(['passed']);
    const four = ['A', 'B', 'C', 'D'].map((p) => buildCandidate({ personId: p }));
    const over = validateCycle(cycleOf([seatPlan(four)]), policy);
    expect(statusOf(over.candidates.get(candidateKey('P1', 'D')), 'planning.max-per-title')).toEqual([overStatus]);
  });
  it('counts the same title in two organizations separately', () => {
    const a = ['A', 'B', 'C'].map((p) => buildCandidate({ personId: p, seatKey: 'SNV:GD' }));
    const b = ['D', 'E', 'F'].map((p) => buildCandidate({ personId: p, seatKey: 'STC:GD', planId: 'P2' }));
    const r = validateCycle(cycleOf([seatPlan(a), seatPlan(b, 'P2')]), policy);
    expect(statusOf(r.candidates.get(candidateKey('P2', 'F')), 'planning.max-per-title')).toEqual(['passed']);
  });
  it('allows one person 3 titles at one approval level and flags a 4th', () => {
    const plans = (n: number) =>
      Array.from({ length: n }, (_, i) => seatPlan([buildCandidate({ planId: `P${i}`, seatKey: `S${i}:GD` })], `P${i}`));
    expect(validateCycle(cycleOf(plans(3)), policy).cycle.filter((v) => v.ruleId === 'planning.max-titles-per-person')).toEqual(
      [],
    );
    const over = validateCycle(cycleOf(plans(4)), policy).cycle;
    expect(statusOf(over, 'planning.max-titles-per-person')).toEqual([overStatus]);
    expect(over[0]!.personId).toBe('A');
  });
});

describe('committee plan size within the coefficient', () => {
  const committee = (n: number, size: number): PlanFacts => ({
    id: 'C',
    kind: 'committee',
    statutorySize: size,
    candidates: Array.from({ length: n }, (_, i) => buildCandidate({ planId: 'C', personId: `p${i}` })),
  });
  const sizeStatus = (n: number, size: number, policy = pack2025) =>
    statusOf(validateCycle(cycleOf([committee(n, size)]), policy).plans.get('C'), 'planning.committee-size-ratio');
  it('accepts exactly 1.0× and exactly 1.5× the statutory size, refuses one fewer or one more', () => {
    expect(sizeStatus(9, 10)).toEqual(['failed']);
    expect(sizeStatus(10, 10)).toEqual(['passed']);
    expect(sizeStatus(15, 10)).toEqual(['passed']);
    expect(sizeStatus(16, 10)).toEqual(['failed']);
  });
  it('does not round 1.5 × an odd size up', () => {
    expect(sizeStatus(10, 7)).toEqual(['passed']); // 10 ≤ 10.5
    expect(sizeStatus(11, 7)).toEqual(['failed']);
    expect(sizeStatus(6, 7)).toEqual(['failed']);
  });
  it('under the 2023 pack the unconfirmed coefficient only warns', () => {
    expect(sizeStatus(16, 10, pack2023)).toEqual(['warning']);
  });
  it('blocks submission and an exception with the competent level’s decision unblocks it', () => {
    const blocked = validateCycle(cycleOf([committee(16, 10)]), pack2025);
    expect(blocked.plans.get('C')![0]!.blocking).toBe(true);
    const excepted = validateCycle(
      cycleOf([committee(16, 10)], [{ id: 'X1', planId: 'C', ruleId: 'planning.committee-size-ratio', personId: null }]),
      pack2025,
    );
    expect(excepted.plans.get('C')![0]).toMatchObject({ status: 'failed', blocking: false, exceptionId: 'X1' });
    expect(excepted.blockingCount).toBe(blocked.blockingCount - 1);
  });
});

describe('months before retirement at the reference date by subject group (377-QĐ/TW, HD 45)', () => {
  const age = (birth: string, levels: number) =>
    statusOf(
      validateCycle(cycleOf([seatPlan([buildCandidate({ birth, levels })])]), pack2025).candidates.get(candidateKey('P1', 'A')),
      'planning.age-by-level',
    );
  it('one level below needs 60 months at 09/2030 (provincial): exactly 60 passes, 59 fails', () => {
    expect(age('1973-08-10', 1)).toEqual(['passed']);
    expect(age('1973-07-10', 1)).toEqual(['failed']);
  });
  it('two levels below needs 120 months: exactly 120 passes, 119 fails', () => {
    expect(age('1978-08-10', 2)).toEqual(['passed']);
    expect(age('1978-07-10', 2)).toEqual(['failed']);
  });
  it('the verdict names the reference date and carries the citation', () => {
    const v = validateCycle(cycleOf([seatPlan([buildCandidate({ birth: '1973-07-10' })])]), pack2025)
      .candidates.get(candidateKey('P1', 'A'))!
      .find((x) => x.ruleId === 'planning.age-by-level')!;
    expect(v.detail.vi).toContain('09/2030');
    expect(v.citation.document).toBe('377-QĐ/TW');
    expect(v.blocking).toBe(true);
  });
});

describe('age under 50-QĐ/TW (2023 pack): at least one full term', () => {
  const terms = (birth: string) =>
    statusOf(
      validateCycle(cycleOf([seatPlan([buildCandidate({ birth, ref: null })])]), pack2023).candidates.get(
        candidateKey('P1', 'A'),
      ),
      'planning.age-terms',
    );
  it('exactly 60 months left passes with a warning (two terms preferred), 59 fails, 120 passes', () => {
    expect(terms('1967-05-10')).toEqual(['warning']);
    expect(terms('1967-04-10')).toEqual(['failed']);
    expect(terms('1972-05-10')).toEqual(['passed']);
  });
});

describe('only titles higher than the one held', () => {
  const higher = (policy: typeof pack2025, levels: number | null) =>
    statusOf(
      validateCycle(cycleOf([seatPlan([buildCandidate({ levels })])]), policy).candidates.get(candidateKey('P1', 'A')),
      'planning.higher-titles-only',
    );
  it('refuses the same or a lower title under 377-QĐ/TW; warns under the unconfirmed 50-QĐ/TW rule', () => {
    expect(higher(pack2025, 0)).toEqual(['failed']);
    expect(higher(pack2025, 1)).toEqual(['passed']);
    expect(higher(pack2025, null)).toEqual(['passed']);
    expect(higher(pack2023, 0)).toEqual(['warning']);
  });
});

describe.each([
  ['2025', pack2025],
  ['2023', pack2023],
] as const)('structural shares, %s pack', (year, policy) => {
  const people = (n: number, f: (i: number) => Partial<CandidateFacts>) =>
    Array.from({ length: n }, (_, i) => buildCandidate({ personId: `p${i}`, seatKey: `S${i}`, birth: '1975-01-01', ...f(i) }));
  const shares = (young: number, women: number) => {
    const list = people(20, (i) => ({ ...(i < young ? { birth: '1990-01-01' } : {}), ...(i >= 20 - women ? { sex: 'F' } : {}) }));
    return validateCycle(cycleOf(list.map((c, i) => seatPlan([{ ...c, planId: `P${i}` }], `P${i}`))), policy);
  };
  if (year === '2023') {
    it('≥15 % young: exactly 3 of 20 passes, 2 of 20 fails (the young age itself is unconfirmed)', () => {
      const ok = shares(3, 5).cycle.filter((v) => v.ruleId === 'planning.youth-women-share');
      expect(ok.map((v) => v.status)).toEqual(['passed', 'passed']);
      const low = shares(2, 5).cycle.filter((v) => v.ruleId === 'planning.youth-women-share');
      expect(low.map((v) => v.status)).toEqual(['failed', 'passed']);
    });
    it('≥25 % women: exactly 5 of 20 passes, 4 of 20 fails and blocks', () => {
      const low = shares(3, 4).cycle.filter((v) => v.ruleId === 'planning.youth-women-share');
      expect(low.map((v) => v.status)).toEqual(['passed', 'failed']);
      expect(low[1]!.blocking).toBe(true);
      expect(low[1]!.detail.vi).toContain('4/20');
    });
  } else {
    it('377-QĐ/TW has no verified percentages: the shares are shown, not judged', () => {
      const r = shares(0, 0);
      expect(r.cycle.filter((v) => v.ruleId === 'planning.youth-women-share')).toEqual([]);
      expect(r.structure).toMatchObject({ total: 20, young: 0, women: 0 });
    });
  }
  describe('ethnic-minority share (planning.ethnic-minority-share)', () => {
    const RULE = 'planning.ethnic-minority-share';
    const withTarget = (minPercent: number): ResolvedPolicy => {
      const rule = policy.rules.get(RULE)!;
      return { ...policy, rules: new Map(policy.rules).set(RULE, { ...rule, params: { minPercent } } as LoadedRule) };
    };
    const pool = (n: number, minorities: number, p: ResolvedPolicy) => {
      const list = people(n, (i) => ({ ethnicMinority: i < minorities }));
      return validateCycle(cycleOf(list.map((c, i) => seatPlan([{ ...c, planId: `P${i}` }], `P${i}`))), p).cycle.filter(
        (v) => v.ruleId === RULE,
      );
    };
    it('sets no common number nationally: the share is shown, not judged', () => {
      expect(policy.rules.get(RULE)).toMatchObject({ params: { minPercent: 0 } });
      expect(pool(20, 0, policy)).toEqual([]);
    });
    it("a locality's 30 %: exactly 6 of 20 passes, 5 of 20 is short (a warning: the article is unconfirmed)", () => {
      const ok = pool(20, 6, withTarget(30));
      expect(ok).toHaveLength(1);
      expect(ok[0]).toMatchObject({ status: 'passed', blocking: false, planId: null, personId: null });
      expect(ok[0]!.citation.text).toContain(year === '2025' ? '377-QĐ/TW' : '50-QĐ/TW');
      const low = pool(20, 5, withTarget(30))[0]!;
      expect(low).toMatchObject({ status: 'warning', blocking: false, ruleUnconfirmed: true });
      expect(low.detail.vi).toContain('5/20 (25%); yêu cầu không dưới 30%');
    });
    it('exactly the target with a share that is not a round number: 1 of 3 meets 33 %, not 34 %', () => {
      expect(pool(3, 1, withTarget(33))[0]!.status).toBe('passed');
      expect(pool(3, 1, withTarget(34))[0]!.status).toBe('warning');
    });
  });

  it('counts young, women and ethnic minorities once per person', () => {
    const list = people(4, (i) => ({
      ethnicMinority: i < 2,
      sex: i === 0 ? 'F' : 'M',
      birth: i === 3 ? '1990-01-01' : '1975-01-01',
    }));
    const r = validateCycle(
      cycleOf([
        seatPlan(list),
        seatPlan(
          list.map((c) => ({ ...c, planId: 'P2' })),
          'P2',
        ),
      ]),
      policy,
    );
    expect(r.structure).toMatchObject({ total: 4, women: 1, ethnicMinority: 2, young: 1, youngUnderYears: 45 });
  });
});

describe('the Tuyên Quang rules once approved: 30 % ethnic-minority cadres in a plan', () => {
  const tq = policyAt(library, '2026-03-01', 'party', { approvedLocalPackIds: ['tuyen-quang-2026'] });
  it("takes the locality's number, names its local rules, and judges 3 of 10 as met, 2 of 10 as short", () => {
    const list = (minorities: number) =>
      Array.from({ length: 10 }, (_, i) =>
        buildCandidate({ personId: `p${i}`, planId: `P${i}`, seatKey: `S${i}`, ethnicMinority: i < minorities }),
      );
    const judge = (m: number) =>
      validateCycle(cycleOf(list(m).map((c) => seatPlan([c], c.planId))), tq).cycle.find(
        (v) => v.ruleId === 'planning.ethnic-minority-share',
      )!;
    expect(judge(3)).toMatchObject({ status: 'passed', localPackId: 'tuyen-quang-2026', inputs: { minPercent: 30 } });
    expect(judge(2)).toMatchObject({ status: 'warning', inputs: { count: 2, total: 10 } });
  });
});

describe('removal and concurrent proposals', () => {
  const verdictsOf = (c: CandidateFacts, policy = pack2025) =>
    validateCycle(cycleOf([seatPlan([c])]), policy).candidates.get(candidateKey('P1', c.personId))!;
  it('a discipline decided after entering the plan takes the person out at once, in both packs', () => {
    const c = buildCandidate({ addedOn: '2026-01-15', disciplines: [{ level: 'khien_trach', date: '2026-02-01' }] });
    expect(statusOf(verdictsOf(c), 'planning.removal-triggers')).toEqual(['failed']);
    expect(
      statusOf(
        verdictsOf({ ...c, addedOn: '2024-01-15', disciplines: [{ level: 'khien_trach', date: '2024-02-01' }] }, pack2023),
        'planning.removal-triggers',
      ),
    ).toEqual(['failed']);
    expect(statusOf(verdictsOf(c), 'appointment.discipline-waits')).toEqual(['failed']);
  });
  it('a discipline before entering the plan is judged by the waiting period, not the removal trigger', () => {
    const c = buildCandidate({ addedOn: '2026-01-15', disciplines: [{ level: 'khien_trach', date: '2020-02-01' }] });
    expect(statusOf(verdictsOf(c), 'planning.removal-triggers')).toEqual(['passed']);
    expect(statusOf(verdictsOf(c), 'appointment.discipline-waits')).toEqual(['passed']);
  });
  it('being proposed for appointment at the same time warns (the rule is unconfirmed)', () => {
    expect(statusOf(verdictsOf(buildCandidate({ proposedForAppointment: true })), 'planning.not-while-proposed')).toEqual([
      'warning',
    ]);
    expect(statusOf(verdictsOf(buildCandidate()), 'planning.not-while-proposed')).toEqual(['passed']);
    expect(
      statusOf(verdictsOf(buildCandidate({ proposedForAppointment: true }), pack2023), 'planning.not-while-proposed'),
    ).toEqual(['warning']);
  });
  it('an exception for one person does not cover another', () => {
    const a = buildCandidate({ personId: 'A', birth: '1960-01-01' });
    const b = buildCandidate({ personId: 'B', birth: '1960-01-01' });
    const r = validateCycle(
      cycleOf([seatPlan([a, b])], [{ id: 'X', planId: 'P1', ruleId: 'planning.age-by-level', personId: 'A' }]),
      pack2025,
    );
    expect(r.candidates.get(candidateKey('P1', 'A'))!.find((v) => v.ruleId === 'planning.age-by-level')!.blocking).toBe(false);
    expect(r.candidates.get(candidateKey('P1', 'B'))!.find((v) => v.ruleId === 'planning.age-by-level')!.blocking).toBe(true);
  });
});

describe('rule ids computed here', () => {
  it('covers the young-age rule of both packs', () => {
    expect(pack2025.rules.get('planning.young-age')?.status).toBe('unconfirmed');
    expect(pack2023.rules.get('planning.young-age')?.status).toBe('unconfirmed');
  });
});
