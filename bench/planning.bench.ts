// Validates a province's whole plan (default 2,000 seats × 3 candidates) with the pack in force, as getCycle does
// after loading; the baseline is the eligibility engine alone over the same people, measured in the same run.
// `npm run bench planning -- --seats=2000 --candidates=3 --runs=7`
import { performance } from 'node:perf_hooks';
import { loadPolicyLibrary } from '../server/features/policy/pack.loader';
import { evaluateEligibility } from '../server/features/policy/eligibility.rules';
import { policyAt } from '../server/features/policy/policy.library';
import { buildPlanningFacts as planningFacts } from '../server/features/planning/planning.fixtures';
import { type CandidateFacts, type CycleFacts, validateCycle } from '../server/features/planning/planning.rules';
import { flag, ratio } from './lib';

function buildCycle(seats: number, perSeat: number): CycleFacts {
  let n = 0;
  const plans = Array.from({ length: seats }, (_, s) => ({
    id: `P${s}`,
    kind: 'seat' as const,
    statutorySize: null,
    candidates: Array.from({ length: perSeat }, (): CandidateFacts => {
      const i = n++;
      const levelsBelow = 1 + (i % 2);
      const sex = i % 3 === 0 ? ('F' as const) : ('M' as const);
      const birth = `${1968 + (i % 22)}-${String(1 + (i % 12)).padStart(2, '0')}-15`;
      const disciplines = i % 97 === 0 ? [{ level: 'khien_trach', date: '2026-02-01' }] : [];
      return {
        planId: `P${s}`,
        // a few people sit in several plans, as in a real province
        personId: `person-${i % 5 === 0 ? i % 1000 : i}`,
        fullName: `Người ${i}`,
        seatKey: `org${s % 400}:title${s % 5}`,
        targetTitleName: 'Giám đốc Sở',
        levelsBelow,
        facts: planningFacts({
          sex,
          birth,
          levelsBelow,
          targetRankOrder: 32,
          targetTitleName: 'Giám đốc Sở',
          politicalTheory: i % 4 === 0 ? 'trung_cap' : 'cao_cap',
          stateManagement: 'chuyen_vien_chinh',
          disciplines,
          planningReference: 'provincial',
          requiredTheory: 'cao_cap',
        }),
        sex,
        birth,
        ethnicMinority: i % 4 === 0,
        addedOn: '2026-01-15',
        proposedForAppointment: i % 50 === 0,
        disciplines,
      };
    }),
  }));
  return { level: 'provincial', referenceDate: '2030-09-01', plans, exceptions: [] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(argv: string[]): Promise<void> {
  const seats = flag(argv, 'seats', 2000);
  const perSeat = flag(argv, 'candidates', 3);
  const runs = flag(argv, 'runs', 7);
  const library = loadPolicyLibrary();
  const policy = policyAt(library, '2026-03-01', 'party');
  const cycle = buildCycle(seats, perSeat);
  const people = cycle.plans.flatMap((p) => p.candidates);
  // Warm-up, then the median of `runs`.
  validateCycle(cycle, policy);
  const base: number[] = [];
  const full: number[] = [];
  let blocking = 0;
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    for (const c of people) evaluateEligibility(c.facts!, policy);
    base.push(performance.now() - t);
    t = performance.now();
    blocking = validateCycle(cycle, policy).blockingCount;
    full.push(performance.now() - t);
  }
  const b = median(base);
  const f = median(full);
  console.log(
    `plan: ${seats} seats × ${perSeat} candidates = ${people.length} people; ${blocking} blocking verdicts; median of ${runs} runs`,
  );
  console.log(`baseline: eligibility engine alone over the same people   ${b.toFixed(1).padStart(8)} ms`);
  console.log(
    `validateCycle (every planning rule, 377-QĐ/TW pack)      ${f.toFixed(1).padStart(8)} ms  ${ratio(f, b)} of baseline  (target ≤ 500 ms)`,
  );
}
