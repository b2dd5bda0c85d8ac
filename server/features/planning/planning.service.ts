import {
  type AddCandidateBody,
  CYCLE_STATUSES,
  type Candidate,
  type CreateCycleBody,
  type CreatePlanBody,
  type Cycle,
  type CycleDetail,
  type CycleStatus,
  type FinderItem,
  type FinderQuery,
  PLANNING_LIMITS,
  type Plan,
  type PlanException,
  type RecordExceptionBody,
  addCandidateBodySchema,
  createCycleBodySchema,
  recordExceptionBodySchema,
} from '../../../contracts/planning';
import type { PersonRecord } from '../../../contracts/persons';
import type { Db, Trx } from '../../db/database';
import { AppError, forbidden, notFound, validation } from '../../http/errors';
import { newId, nowIso, todayIso } from '../../lib/ids';
import { escapeLike, foldVietnamese } from '../../lib/text';
import { type Actor, type Permission, mayActOn, scopePaths } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import { findOrganization } from '../organizations/organization.repository';
import { parseRecord } from '../persons/person.mapper';
import { findPerson } from '../persons/person.repository';
import { evaluateEligibility } from '../policy/eligibility.rules';
import { type PolicyLibrary, type ResolvedPolicy, formatDate, policyAt, ruleIn } from '../policy/policy.library';
import { approvedLocalPacksFor } from '../policy/policy.service';
import { retirementDate } from '../policy/retirement.rules';
import { findPosition, incumbentsAsOf } from '../positions/position.repository';
import { findTitle, listCatalogs, listTitles } from '../titles/title.repository';
import { catalogInForce } from '../titles/title.rules';
import type { TitleRow } from '../titles/title.table';
import * as repo from './planning.repository';
import {
  type CandidateFacts,
  type CycleValidation,
  ageOn,
  candidateKey,
  levelsBetween,
  planningFacts,
  subjectGroupOf,
  validateCycle,
  youngUnderYears,
} from './planning.rules';

export interface PlanningContext {
  db: Db;
  library: PolicyLibrary;
}

const cycleNotFound = () => notFound('kỳ quy hoạch', 'Planning cycle');
const planNotFound = () => notFound('quy hoạch', 'Plan');
const ddmmyyyy = (iso: string) => formatDate(iso);

async function cycleFor(db: Db | Trx, actor: Actor, id: string, permission: Permission): Promise<repo.CycleWithOrg> {
  const cycle = await repo.findCycle(db, id);
  if (!cycle || !mayActOn(actor, 'planning.read', cycle.organization_path)) throw cycleNotFound();
  if (!mayActOn(actor, permission, cycle.organization_path)) throw forbidden();
  return cycle;
}

async function policyOf(
  ctx: PlanningContext,
  cycle: Pick<repo.CycleWithOrg, 'organization_path' | 'policy_date' | 'track'>,
  db: Db | Trx = ctx.db,
) {
  // Inside a transaction the same connection must be used (SQLite has one).
  const local = await approvedLocalPacksFor({ db, library: ctx.library }, cycle.organization_path);
  return policyAt(ctx.library, cycle.policy_date, cycle.track, { approvedLocalPackIds: local });
}

/** The title catalog in force on a date: its titles by code and its distinct ranks. */
interface Catalog {
  byCode: Map<string, TitleRow>;
  rankOrders: number[];
}
async function catalogAt(db: Db | Trx, date: string): Promise<Catalog> {
  const catalogs = (await listCatalogs(db)).map((c) => ({ ...c, validFrom: c.valid_from, validTo: c.valid_to }));
  const inForce = catalogInForce(catalogs, date);
  const titles = inForce ? await listTitles(db, { catalogId: inForce.id }) : [];
  const byCode = new Map<string, TitleRow>();
  // Hà Nội / Hồ Chí Minh City rows rank one step higher; other provinces are the default reading of a code.
  for (const t of titles) if (!byCode.has(t.code) || t.locality_class === 'other_provinces') byCode.set(t.code, t);
  return { byCode, rankOrders: titles.map((t) => Number(t.rank_order)) };
}

/** The catalog in force's version of a title (titles keep their code across catalog versions). */
function inCatalog(catalog: Catalog, title: Pick<TitleRow, 'code' | 'rank_order'>): number {
  return Number(catalog.byCode.get(title.code)?.rank_order ?? title.rank_order);
}

/** Titles the Politburo or Secretariat manage need advanced political theory (planning.theory-by-level). */
function requiredTheoryOf(title: Pick<TitleRow, 'managing_authority'>) {
  return ['central_committee', 'politburo', 'secretariat'].includes(title.managing_authority) ? 'cao_cap' : 'none';
}

interface PersonView {
  id: string;
  sex: 'M' | 'F';
  birth_date: string;
  ethnicity: string;
  current_title_code: string | null;
  record: PersonRecord;
}

/** The rank (in the catalog in force) of the highest title a person holds: through a seat, else the record's code. */
async function heldRanks(
  db: Db | Trx,
  catalog: Catalog,
  people: readonly PersonView[],
  asOf: string,
): Promise<Map<string, number>> {
  const held = await repo.heldTitlesAsOf(
    db,
    people.map((p) => p.id),
    asOf,
  );
  const out = new Map<string, number>();
  for (const h of held) {
    const rank = inCatalog(catalog, h);
    out.set(h.person_id, Math.min(out.get(h.person_id) ?? Infinity, rank));
  }
  for (const p of people)
    if (!out.has(p.id) && p.current_title_code) {
      const t = catalog.byCode.get(p.current_title_code);
      if (t) out.set(p.id, Number(t.rank_order));
    }
  return out;
}

function factsFor(
  person: PersonView,
  target: TitleRow,
  targetRank: number,
  held: number | undefined,
  catalog: Catalog,
  referenceKey: string | null,
) {
  const levelsBelow = levelsBetween(catalog.rankOrders, held ?? null, targetRank);
  return {
    levelsBelow,
    facts: planningFacts({
      sex: person.sex,
      birth: person.birth_date,
      levelsBelow,
      targetRankOrder: targetRank,
      targetTitleName: target.name,
      politicalTheory: person.record.theoryLevel,
      stateManagement: person.record.stateManagement,
      disciplines: person.record.discipline.map((d) => ({ level: d.level, date: d.date })),
      planningReference: referenceKey,
      requiredTheory: requiredTheoryOf(target),
    }),
  };
}

function toCycle(row: repo.CycleWithOrg, counts: { plans: number; candidates: number }): Cycle {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    name: row.name,
    termFrom: Number(row.term_from),
    termTo: Number(row.term_to),
    level: row.level,
    track: row.track,
    approvingAuthority: row.approving_authority,
    policyDate: row.policy_date,
    referenceKey: row.reference_key,
    referenceDate: row.reference_date,
    status: row.status,
    planCount: counts.plans,
    candidateCount: counts.candidates,
    createdAt: row.created_at,
  };
}

export async function listCycles(ctx: PlanningContext, actor: Actor): Promise<{ items: Cycle[] }> {
  const rows = await repo.listCycles(ctx.db, scopePaths(actor, 'planning.read'));
  return { items: rows.map((r) => toCycle(r, { plans: r.plan_count, candidates: r.candidate_count })) };
}

export async function createCycle(ctx: PlanningContext, actor: Actor, input: CreateCycleBody): Promise<CycleDetail> {
  const body = createCycleBodySchema.parse(input);
  if (body.termTo <= body.termFrom)
    throw validation('termTo', 'năm kết thúc phải sau năm bắt đầu', 'the term must end after it starts');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const org = await findOrganization(trx, body.organizationId);
    if (!org || !mayActOn(actor, 'planning.read', org.path)) throw notFound('đơn vị', 'Organization');
    if (!mayActOn(actor, 'planning.write', org.path)) throw forbidden();
    const policy = await policyOf(ctx, { organization_path: org.path, policy_date: body.policyDate, track: body.track }, trx);
    let referenceDate = body.referenceDate;
    if (body.referenceKey) {
      const refs = ruleIn(policy, 'planning.reference-dates', 'reference-dates');
      const ref = refs?.params.dates.find((d) => d.key === body.referenceKey);
      if (!ref)
        throw validation(
          'referenceKey',
          `bộ quy định có hiệu lực ngày ${ddmmyyyy(body.policyDate)} không có mốc tính tuổi "${body.referenceKey}"`,
          `the pack in force on ${body.policyDate} has no reference date "${body.referenceKey}"`,
        );
      referenceDate = `${ref.month}-01`;
    }
    if (!referenceDate) throw validation('referenceDate', 'cần mốc tính tuổi quy hoạch', 'a reference date for ages is required');
    const row = {
      id: newId(),
      organization_id: org.id,
      name: body.name,
      term_from: body.termFrom,
      term_to: body.termTo,
      level: body.level,
      track: body.track,
      approving_authority: body.approvingAuthority,
      policy_date: body.policyDate,
      reference_key: body.referenceKey,
      reference_date: referenceDate,
      status: 'draft' as const,
      created_by: actor.userId,
      created_at: nowIso(),
    };
    await repo.insertCycle(trx, row);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'planning_cycle.create',
      entity: 'planning_cycle',
      entityId: row.id,
      organizationId: org.id,
      after: row,
    });
    return row.id;
  });
  return getCycle(ctx, actor, id);
}

/** The whole cycle with every plan, candidate and verdict, judged by the pack in force on its policy date. */
export async function getCycle(ctx: PlanningContext, actor: Actor, id: string): Promise<CycleDetail> {
  const cycle = await cycleFor(ctx.db, actor, id, 'planning.read');
  const { detail } = await assemble(ctx, cycle);
  return detail;
}

async function assemble(
  ctx: PlanningContext,
  cycle: repo.CycleWithOrg,
  db: Db | Trx = ctx.db,
): Promise<{ detail: CycleDetail; validation: CycleValidation; policy: ResolvedPolicy }> {
  const policy = await policyOf(ctx, cycle, db);
  const catalog = await catalogAt(db, cycle.policy_date);
  const plans = await repo.plansOfCycle(db, cycle.id);
  const rows = await repo.activeCandidatesOfCycle(db, cycle.id);
  const exceptions = await repo.exceptionsOfCycle(db, cycle.id);
  const people = rows.map((r) => ({ ...r, candidateId: r.id, id: r.person_id, record: parseRecord(r.data_json) }));
  const held = await heldRanks(db, catalog, people, cycle.policy_date);
  const targetIds = [...new Set(rows.map((r) => r.target_title_id).filter((x): x is string => x !== null))];
  const targets = new Map<string, TitleRow>();
  for (const tid of targetIds) {
    const t = await findTitle(db, tid);
    if (t) targets.set(tid, t);
  }
  const facts = new Map<string, CandidateFacts>();
  for (const p of people) {
    const plan = plans.find((x) => x.id === p.plan_id)!;
    const target = p.target_title_id ? targets.get(p.target_title_id) : undefined;
    const f = target ? factsFor(p, target, inCatalog(catalog, target), held.get(p.id), catalog, cycle.reference_key) : null;
    facts.set(p.id + ':' + p.plan_id, {
      planId: p.plan_id,
      personId: p.person_id,
      fullName: p.full_name,
      seatKey: `${plan.organization_id}:${target?.code ?? plan.committee_kind ?? ''}`,
      targetTitleName: target?.name ?? '',
      levelsBelow: f?.levelsBelow ?? null,
      facts: f?.facts ?? null,
      sex: p.sex,
      birth: p.birth_date,
      ethnicMinority: p.ethnicity !== '01',
      addedOn: p.added_on,
      proposedForAppointment: Number(p.proposed_for_appointment) === 1,
      disciplines: p.record.discipline.map((d) => ({ level: d.level, date: d.date })),
    });
  }
  const validation = validateCycle(
    {
      level: cycle.level,
      referenceDate: cycle.reference_date,
      plans: plans.map((pl) => ({
        id: pl.id,
        kind: pl.kind,
        statutorySize: pl.statutory_size === null ? null : Number(pl.statutory_size),
        candidates: people.filter((p) => p.plan_id === pl.id).map((p) => facts.get(p.id + ':' + p.plan_id)!),
      })),
      exceptions: exceptions.map((e) => ({ id: e.id, planId: e.plan_id, ruleId: e.rule_id, personId: e.person_id })),
    },
    policy,
  );
  const seatIds = plans.map((p) => p.position_id).filter((x): x is string => x !== null);
  const incumbents = await incumbentsAsOf(db, seatIds, cycle.policy_date);
  const schedule = ruleIn(policy, 'retirement.age-schedule', 'retirement-schedule');
  const toException = (e: (typeof exceptions)[number]): PlanException => ({
    id: e.id,
    planId: e.plan_id,
    ruleId: e.rule_id,
    personId: e.person_id,
    decisionRef: e.decision_ref,
    decidedBy: e.decided_by,
    decidedOn: e.decided_on,
    reason: e.reason,
  });
  const planOut: Plan[] = plans.map((pl) => {
    const candidates: Candidate[] = people
      .filter((p) => p.plan_id === pl.id)
      .map((p) => {
        const f = facts.get(p.id + ':' + p.plan_id)!;
        return {
          id: p.candidateId,
          planId: pl.id,
          personId: p.person_id,
          fullName: p.full_name,
          sex: p.sex,
          birthDate: p.birth_date,
          ethnicity: p.ethnicity,
          organizationName: p.person_organization_name,
          currentTitle: p.current_title,
          targetTitleId: p.target_title_id ?? '',
          targetTitleName: p.target_title_name ?? '',
          subjectGroup: subjectGroupOf(f.levelsBelow),
          readiness: p.readiness,
          rank: Number(p.rank),
          emergency: Number(p.emergency) === 1,
          proposedForAppointment: f.proposedForAppointment,
          notes: p.notes,
          addedOn: p.added_on,
          retirementDate: schedule ? retirementDate({ sex: p.sex, birth: p.birth_date }, policy).retirementDate : p.birth_date,
          verdicts: validation.candidates.get(candidateKey(pl.id, p.person_id)) ?? [],
        };
      });
    const verdicts = validation.plans.get(pl.id) ?? [];
    const all = [...candidates.flatMap((c) => c.verdicts), ...verdicts];
    return {
      id: pl.id,
      cycleId: cycle.id,
      kind: pl.kind,
      organizationId: pl.organization_id,
      organizationName: pl.organization_name,
      positionId: pl.position_id,
      titleId: pl.title_id,
      titleName: pl.title_name,
      committeeKind: pl.committee_kind,
      statutorySize: pl.statutory_size === null ? null : Number(pl.statutory_size),
      incumbents: incumbents
        .filter((i) => i.position_id === pl.position_id)
        .map((i) => ({ personId: i.person_id, fullName: i.person_name, termEnd: i.term_end })),
      candidates,
      verdicts,
      exceptions: exceptions.filter((e) => e.plan_id === pl.id).map(toException),
      structure: validation.structureByPlan.get(pl.id)!,
      blockingCount: all.filter((v) => v.blocking).length,
    };
  });
  const refs = ruleIn(policy, 'planning.reference-dates', 'reference-dates');
  const ref = refs?.params.dates.find((d) => d.key === cycle.reference_key);
  return {
    policy,
    validation,
    detail: {
      ...toCycle(cycle, { plans: plans.length, candidates: rows.length }),
      plans: planOut,
      structure: validation.structure,
      verdicts: validation.cycle,
      blockingCount: validation.blockingCount,
      referenceLabel: ref ? ref.label.vi : null,
    },
  };
}

function assertEditable(cycle: repo.CycleWithOrg): void {
  if (cycle.status === 'submitted')
    throw new AppError(
      'CONFLICT',
      'Quy hoạch đã trình, đang chờ phê duyệt: không sửa được',
      'The plan is submitted and awaits approval: it cannot be edited',
    );
}

export async function createPlan(
  ctx: PlanningContext,
  actor: Actor,
  cycleId: string,
  body: CreatePlanBody,
): Promise<CycleDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const cycle = await cycleFor(trx, actor, cycleId, 'planning.write');
    assertEditable(cycle);
    let row;
    if (body.kind === 'seat') {
      const seat = await findPosition(trx, body.positionId);
      if (!seat || !seat.organization_path.startsWith(cycle.organization_path)) throw notFound('vị trí', 'Position');
      const existing = await repo.plansOfCycle(trx, cycle.id);
      if (existing.some((p) => p.position_id === seat.id))
        throw new AppError('CONFLICT', 'Vị trí này đã có quy hoạch trong kỳ', 'This seat already has a plan in the cycle');
      row = {
        id: newId(),
        cycle_id: cycle.id,
        kind: 'seat' as const,
        organization_id: seat.organization_id,
        position_id: seat.id,
        title_id: seat.title_id,
        committee_kind: null,
        statutory_size: null,
        created_at: nowIso(),
      };
    } else {
      const org = await findOrganization(trx, body.organizationId);
      if (!org || !org.path.startsWith(cycle.organization_path)) throw notFound('đơn vị', 'Organization');
      row = {
        id: newId(),
        cycle_id: cycle.id,
        kind: 'committee' as const,
        organization_id: org.id,
        position_id: null,
        title_id: null,
        committee_kind: body.committeeKind,
        statutory_size: body.statutorySize,
        created_at: nowIso(),
      };
    }
    await repo.insertPlan(trx, row);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'planning_plan.create',
      entity: 'planning_plan',
      entityId: row.id,
      organizationId: row.organization_id,
      after: row,
    });
  });
  return getCycle(ctx, actor, cycleId);
}

async function planFor(trx: Trx, actor: Actor, planId: string, permission: Permission) {
  const plan = await repo.findPlan(trx, planId);
  if (!plan) throw planNotFound();
  const cycle = await repo.findCycle(trx, plan.cycle_id);
  if (!cycle || !mayActOn(actor, 'planning.read', cycle.organization_path)) throw planNotFound();
  if (!mayActOn(actor, permission, cycle.organization_path)) throw forbidden();
  return { plan, cycle };
}

export async function addCandidate(
  ctx: PlanningContext,
  actor: Actor,
  planId: string,
  input: AddCandidateBody,
): Promise<CycleDetail> {
  const body = addCandidateBodySchema.parse(input);
  const cycleId = await ctx.db.transaction().execute(async (trx) => {
    const { plan, cycle } = await planFor(trx, actor, planId, 'planning.write');
    assertEditable(cycle);
    const person = await findPerson(trx, body.personId);
    // People outside the actor's readable scope are as absent as people who do not exist.
    if (!person || !mayActOn(actor, 'persons.read', person.organization_path)) throw notFound('cán bộ', 'Person');
    const targetTitleId = body.targetTitleId ?? plan.title_id;
    if (targetTitleId && !(await findTitle(trx, targetTitleId)))
      throw validation('targetTitleId', 'không có chức danh này', 'no such title');
    const current = (await repo.activeCandidatesOfCycle(trx, cycle.id)).filter((c) => c.plan_id === plan.id);
    if (current.some((c) => c.person_id === person.id))
      throw new AppError(
        'CONFLICT',
        `${person.full_name} đã có trong quy hoạch này`,
        `${person.full_name} is already in this plan`,
      );
    if (current.length >= PLANNING_LIMITS.candidatesMax)
      throw validation(
        'personId',
        `tối đa ${PLANNING_LIMITS.candidatesMax} người`,
        `at most ${PLANNING_LIMITS.candidatesMax} people`,
      );
    const row = {
      id: newId(),
      plan_id: plan.id,
      cycle_id: cycle.id,
      person_id: person.id,
      target_title_id: targetTitleId,
      readiness: body.readiness,
      rank: body.rank ?? current.length + 1,
      emergency: body.emergency ? 1 : 0,
      proposed_for_appointment: body.proposedForAppointment ? 1 : 0,
      notes: body.notes,
      added_on: todayIso() < cycle.policy_date ? cycle.policy_date : todayIso(),
      removed_on: null,
      removal_reason: null,
      created_at: nowIso(),
    };
    await repo.insertCandidate(trx, row);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'planning_candidate.create',
      entity: 'planning_candidate',
      entityId: row.id,
      organizationId: plan.organization_id,
      after: row,
    });
    return cycle.id;
  });
  return getCycle(ctx, actor, cycleId);
}

export async function updateCandidate(
  ctx: PlanningContext,
  actor: Actor,
  id: string,
  body: {
    readiness?: Candidate['readiness'];
    rank?: number;
    emergency?: boolean;
    proposedForAppointment?: boolean;
    notes?: string | null;
  },
): Promise<CycleDetail> {
  const cycleId = await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findCandidate(trx, id);
    if (!before || before.removed_on) throw notFound('người trong quy hoạch', 'Planned person');
    const { plan, cycle } = await planFor(trx, actor, before.plan_id, 'planning.write');
    assertEditable(cycle);
    const set = {
      ...(body.readiness !== undefined ? { readiness: body.readiness } : {}),
      ...(body.rank !== undefined ? { rank: body.rank } : {}),
      ...(body.emergency !== undefined ? { emergency: body.emergency ? 1 : 0 } : {}),
      ...(body.proposedForAppointment !== undefined ? { proposed_for_appointment: body.proposedForAppointment ? 1 : 0 } : {}),
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
    };
    await repo.updateCandidate(trx, id, set);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'planning_candidate.update',
      entity: 'planning_candidate',
      entityId: id,
      organizationId: plan.organization_id,
      before,
      after: set,
    });
    return cycle.id;
  });
  return getCycle(ctx, actor, cycleId);
}

/** Takes a person out of a plan with the reason; the row stays (the plan's history). Allowed in every status. */
export async function removeCandidate(ctx: PlanningContext, actor: Actor, id: string, reason: string): Promise<CycleDetail> {
  const cycleId = await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findCandidate(trx, id);
    if (!before || before.removed_on) throw notFound('người trong quy hoạch', 'Planned person');
    const { plan, cycle } = await planFor(trx, actor, before.plan_id, 'planning.write');
    const set = { removed_on: todayIso(), removal_reason: reason };
    await repo.updateCandidate(trx, id, set);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'planning_candidate.remove',
      entity: 'planning_candidate',
      entityId: id,
      organizationId: plan.organization_id,
      before,
      after: set,
    });
    return cycle.id;
  });
  return getCycle(ctx, actor, cycleId);
}

export async function recordException(
  ctx: PlanningContext,
  actor: Actor,
  cycleId: string,
  input: RecordExceptionBody,
): Promise<CycleDetail> {
  const body = recordExceptionBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const cycle = await cycleFor(trx, actor, cycleId, 'planning.write');
    assertEditable(cycle);
    if (body.planId) {
      const plan = await repo.findPlan(trx, body.planId);
      if (!plan || plan.cycle_id !== cycle.id) throw planNotFound();
    }
    const { validation: v } = await assemble(ctx, cycle, trx);
    const failing = [...[...v.candidates.values()].flat(), ...[...v.plans.values()].flat(), ...v.cycle].filter(
      (x) =>
        x.status === 'failed' &&
        x.ruleId === body.ruleId &&
        x.personId === body.personId &&
        (body.planId === null || x.planId === body.planId),
    );
    if (failing.length === 0)
      throw validation(
        'ruleId',
        'không có vi phạm nào của quy định này để ghi ngoại lệ',
        'there is no failure of this rule to record an exception for',
      );
    const row = {
      id: newId(),
      cycle_id: cycle.id,
      plan_id: body.planId,
      rule_id: body.ruleId,
      person_id: body.personId,
      decision_ref: body.decisionRef,
      decided_by: body.decidedBy,
      decided_on: body.decidedOn,
      reason: body.reason,
      recorded_by: actor.userId,
      created_at: nowIso(),
    };
    await repo.insertException(trx, row);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'planning_exception.create',
      entity: 'planning_exception',
      entityId: row.id,
      organizationId: cycle.organization_id,
      after: row,
    });
  });
  return getCycle(ctx, actor, cycleId);
}

/** One step along draft → in rounds → submitted → approved → reviewed; submission needs no unexcepted blocking verdict. */
export async function changeStatus(
  ctx: PlanningContext,
  actor: Actor,
  cycleId: string,
  status: CycleStatus,
): Promise<CycleDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const cycle = await cycleFor(trx, actor, cycleId, status === 'approved' ? 'planning.approve' : 'planning.write');
    const from = CYCLE_STATUSES.indexOf(cycle.status);
    const to = CYCLE_STATUSES.indexOf(status);
    if (to !== from + 1)
      throw new AppError(
        'CONFLICT',
        `Không chuyển được từ "${cycle.status}" sang "${status}": phải theo thứ tự dự thảo → lấy ý kiến → trình → phê duyệt → rà soát`,
        `Cannot go from "${cycle.status}" to "${status}": the order is draft → rounds → submitted → approved → reviewed`,
      );
    if (status === 'submitted') {
      const { validation: v } = await assemble(ctx, cycle, trx);
      const blocking = [...[...v.candidates.values()].flat(), ...[...v.plans.values()].flat(), ...v.cycle].filter(
        (x) => x.blocking,
      );
      if (blocking.length)
        throw new AppError(
          'CONFLICT',
          `Chưa trình được: còn ${blocking.length} vi phạm chưa có ngoại lệ do cấp có thẩm quyền quyết định`,
          `Cannot submit: ${blocking.length} violation(s) without an exception decided by the competent level`,
          blocking
            .slice(0, 50)
            .map((b) => ({ path: b.ruleId, message: `${b.detail.vi} (${b.citation.text})`, messageEn: b.detail.en })),
        );
    }
    await repo.setCycleStatus(trx, cycle.id, status);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'planning_cycle.status',
      entity: 'planning_cycle',
      entityId: cycle.id,
      organizationId: cycle.organization_id,
      before: { status: cycle.status },
      after: { status },
    });
  });
  return getCycle(ctx, actor, cycleId);
}

/** Eligible people in scope for a plan's title, then those one requirement short with what they lack. */
export async function findCandidates(ctx: PlanningContext, actor: Actor, planId: string, q: FinderQuery) {
  const { plan, cycle } = await ctx.db.transaction().execute((trx) => planFor(trx, actor, planId, 'planning.read'));
  const titleId = q.titleId ?? plan.title_id;
  const target = titleId ? await findTitle(ctx.db, titleId) : undefined;
  if (!target) throw validation('titleId', 'cần chức danh quy hoạch', 'a target title is required');
  const policy = await policyOf(ctx, cycle);
  const catalog = await catalogAt(ctx.db, cycle.policy_date);
  const targetRank = inCatalog(catalog, target);
  const schedule = ruleIn(policy, 'retirement.age-schedule', 'retirement-schedule');
  const refYear = Number(cycle.reference_date.slice(0, 4));
  // Nobody older than the final retirement age at the reference date can be planned.
  const oldest = schedule ? Math.max(schedule.params.men.final.years, schedule.params.women.final.years) : 65;
  const under = youngUnderYears(policy, cycle.level);
  const roots = scopePaths(actor, 'persons.read').filter(
    (r) => r.startsWith(cycle.organization_path) || cycle.organization_path.startsWith(r),
  );
  const scoped = roots.map((r) => (r.length < cycle.organization_path.length ? cycle.organization_path : r));
  const rows = await repo.finderPersons(ctx.db, {
    roots: scoped,
    minBirthYear: refYear - oldest,
    women: q.women === '1',
    ethnicMinority: q.ethnicMinority === '1',
    ...(q.young === '1' && under !== null ? { youngFromBirthYear: refYear - under } : {}),
    ...(q.q ? { qFolded: escapeLike(foldVietnamese(q.q)) } : {}),
    limit: 5000,
  });
  const already = new Set(
    (await repo.activeCandidatesOfCycle(ctx.db, cycle.id)).filter((c) => c.plan_id === plan.id).map((c) => c.person_id),
  );
  const people = rows.filter((r) => !already.has(r.id)).map((r) => ({ ...r, record: parseRecord(r.data_json) }));
  const held = await heldRanks(ctx.db, catalog, people, cycle.policy_date);
  const items: FinderItem[] = [];
  for (const p of people) {
    if (q.young === '1' && under !== null && ageOn(p.birth_date, cycle.reference_date) >= under) continue;
    const { levelsBelow, facts } = factsFor(p, target, targetRank, held.get(p.id), catalog, cycle.reference_key);
    const result = evaluateEligibility(facts, policy);
    const failed = result.verdicts.filter((v) => v.status === 'failed');
    // Either the eligible, or (oneShort) those lacking exactly one requirement, each with what they lack.
    if (failed.length !== (q.oneShort === '1' ? 1 : 0)) continue;
    const retirement = retirementDate({ sex: p.sex, birth: p.birth_date }, policy);
    const monthsLeft = Math.max(
      0,
      (Number(retirement.pensionFrom.slice(0, 4)) - refYear) * 12 +
        Number(retirement.pensionFrom.slice(5, 7)) -
        Number(cycle.reference_date.slice(5, 7)),
    );
    items.push({
      personId: p.id,
      fullName: p.full_name,
      sex: p.sex,
      birthDate: p.birth_date,
      ethnicity: p.ethnicity,
      organizationName: p.organization_name,
      currentTitle: p.current_title,
      subjectGroup: subjectGroupOf(levelsBelow),
      eligible: failed.length === 0,
      retirementDate: retirement.retirementDate,
      monthsLeft,
      missing: failed,
      warnings: result.verdicts.filter((v) => v.status === 'warning').length,
    });
  }
  const groupOrder = { one_below: 0, two_below: 1, no_title: 2, not_lower: 3 } as const;
  items.sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) ||
      groupOrder[a.subjectGroup] - groupOrder[b.subjectGroup] ||
      a.warnings - b.warnings ||
      b.monthsLeft - a.monthsLeft,
  );
  return { items: items.slice(0, PLANNING_LIMITS.finderMax), scanned: rows.length };
}
