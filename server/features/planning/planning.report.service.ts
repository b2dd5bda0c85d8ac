import type { PlanningReport, SuccessionSeat } from '../../../contracts/planning-work';
import { type Actor, scopePaths } from '../access/access.rules';
import { ruleIn } from '../policy/policy.library';
import { retirementDate } from '../policy/retirement.rules';
import { type PlanningContext, cycleFor } from './planning.context';
import { assemble } from './planning.assemble';
import { incumbentBirths } from './planning.repository';
import { ageBandsOf, coverageOf, structureTargets } from './planning.work.rules';

// Succession reports of a cycle: per seat, coverage of key seats, structure against the targets, age bands.

const READINESS_ORDER = { now: 0, one_two_years: 1, three_five_years: 2 } as const;

export async function planningReport(ctx: PlanningContext, actor: Actor, cycleId: string): Promise<PlanningReport> {
  const cycle = await cycleFor(ctx.db, actor, cycleId, 'planning.read');
  const { detail, policy, people } = await assemble(ctx, cycle);
  const seatPlans = detail.plans.filter((p) => p.kind === 'seat');
  // Incumbents are people too: their retirement dates come from their records, read in one query.
  const births = await incumbentBirths(
    ctx.db,
    seatPlans.flatMap((p) => p.incumbents.map((i) => i.personId)),
    scopePaths(actor, 'persons.read'),
  );
  const schedule = ruleIn(policy, 'retirement.age-schedule', 'retirement-schedule');
  const retires = (personId: string) => {
    const b = births.get(personId);
    return b && schedule ? retirementDate({ sex: b.sex, birth: b.birth_date }, policy).retirementDate : '';
  };
  const seats: SuccessionSeat[] = seatPlans.map((p) => {
    const successors = [...p.candidates]
      .sort((a, b) => READINESS_ORDER[a.readiness] - READINESS_ORDER[b.readiness] || a.rank - b.rank)
      .map((c) => ({
        rank: c.rank,
        personId: c.personId,
        fullName: c.fullName,
        currentTitle: c.currentTitle,
        readiness: c.readiness,
        emergency: c.emergency,
        retirementDate: c.retirementDate,
        blocking: c.verdicts.some((v) => v.blocking),
      }));
    return {
      planId: p.id,
      titleName: p.titleName ?? '',
      organizationName: p.organizationName,
      incumbents: p.incumbents.map((i) => ({ fullName: i.fullName, termEnd: i.termEnd, retirementDate: retires(i.personId) })),
      successors,
      readyNow: successors.filter((s) => s.readiness === 'now' && !s.blocking).length,
    };
  });
  const coverage = coverageOf(seats);
  const bands = ageBandsOf(
    policy,
    cycle.level,
    [...new Map(people().map((p) => [p.personId, p.birthDate])).values()],
    cycle.reference_date,
  );
  return {
    cycleId: cycle.id,
    cycleName: cycle.name,
    organizationName: cycle.organization_name,
    referenceDate: cycle.reference_date,
    seats,
    coverage: {
      seats: coverage.seats,
      withReadyNow: coverage.withReadyNow,
      percent: coverage.percent,
      withoutReadyNow: coverage.without.map((s) => ({
        planId: s.planId,
        titleName: s.titleName,
        organizationName: s.organizationName,
      })),
    },
    structure: structureTargets(policy, detail.structure),
    ageBands: bands?.bands ?? [],
    ageBandsCitation: bands?.citation ?? null,
  };
}
