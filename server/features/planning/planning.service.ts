import {
  type AddCandidateBody,
  CYCLE_STATUSES,
  type Candidate,
  type CreateCycleBody,
  type CreatePlanBody,
  type Cycle,
  type CycleDetail,
  type CycleStatus,
  PLANNING_LIMITS,
  type RecordExceptionBody,
  addCandidateBodySchema,
  createCycleBodySchema,
  recordExceptionBodySchema,
  type Plan,
} from '../../../contracts/planning';
import { AppError, forbidden, notFound, validation } from '../../http/errors';
import { newId, nowIso, todayIso } from '../../lib/ids';
import { type Actor, mayActOn, scopePaths } from '../access/access.rules';
import { type AuditInput, appendAudit } from '../audit/audit.repository';
import type { Trx } from '../../db/database';
import type { CandidateRow, PlanRow } from './planning.table';
import { findOrganization } from '../organizations/organization.repository';
import { findPerson } from '../persons/person.repository';
import { ruleIn } from '../policy/policy.library';
import { findPosition } from '../positions/position.repository';
import { findTitle } from '../titles/title.repository';
import { allVerdicts, assemble, toCycle } from './planning.assemble';
import { type PlanningContext, cycleFor, ddmmyyyy, planFor, planNotFound, policyOf } from './planning.context';
import * as repo from './planning.repository';

export type { PlanningContext } from './planning.context';

export async function listCycles(ctx: PlanningContext, actor: Actor): Promise<{ items: Cycle[] }> {
  const rows = await repo.listCycles(ctx.db, scopePaths(actor, 'planning.read'));
  return { items: rows.map((r) => toCycle(r, { plans: r.plan_count, candidates: r.candidate_count })) };
}

export async function createCycle(ctx: PlanningContext, actor: Actor, input: CreateCycleBody): Promise<CycleDetail> {
  const body = createCycleBodySchema.parse(input);
  if (body.termTo <= body.termFrom)
    throw validation('termTo', 'năm kết thúc phải sau năm bắt đầu', 'the term must end after it starts');
  return writeCycle(ctx, actor, async (trx) => {
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
    return created(row.id, 'planning_cycle', row, org.id);
  });
}

/** What a write changed, for its audit entry; the cycle it belongs to is answered afterwards. */
interface Written {
  cycleId: string;
  audit: Omit<AuditInput, 'actorId'>;
}
const created = (cycleId: string, entity: string, row: { id: string }, organizationId: string): Written => ({
  cycleId,
  audit: { action: `${entity}.create`, entity, entityId: row.id, organizationId, after: row },
});

/** One write: the work and its audit entry (appended last) in one transaction, then the cycle as it now stands. */
async function writeCycle(ctx: PlanningContext, actor: Actor, work: (trx: Trx) => Promise<Written>): Promise<CycleDetail> {
  const cycleId = await ctx.db.transaction().execute(async (trx) => {
    const { cycleId, audit } = await work(trx);
    await appendAudit(trx, { actorId: actor.userId, ...audit });
    return cycleId;
  });
  return getCycle(ctx, actor, cycleId);
}

/**
 * The whole cycle with every plan and candidate, judged by the pack in force on its policy date: what fails or warns
 * in full, what passes counted per candidate.
 */
export async function getCycle(ctx: PlanningContext, actor: Actor, id: string): Promise<CycleDetail> {
  const cycle = await cycleFor(ctx.db, actor, id, 'planning.read');
  const { detail } = await assemble(ctx, cycle);
  return detail;
}

/**
 * One plan with every verdict of its candidates, the passed ones included. It is judged within its whole cycle: the
 * counts per title and per person, and the shares, are the cycle's.
 */
export async function getPlan(ctx: PlanningContext, actor: Actor, planId: string): Promise<Plan> {
  const { cycle } = await planFor(ctx.db, actor, planId, 'planning.read');
  const { detail } = await assemble(ctx, cycle, ctx.db, planId);
  const plan = detail.plans.find((p) => p.id === planId);
  if (!plan) throw planNotFound();
  return plan;
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
  return writeCycle(ctx, actor, async (trx) => {
    const cycle = await cycleFor(trx, actor, cycleId, 'planning.write');
    assertEditable(cycle);
    let row: PlanRow;
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
    return created(cycle.id, 'planning_plan', row, row.organization_id);
  });
}

/** A date entered for something that already happened: not before the cycle's policy date (or `from`), not after today. */
function pastDate(field: string, date: string, from: string): string {
  if (date < from || date > todayIso())
    throw validation(field, `ngày phải từ ${ddmmyyyy(from)} đến hôm nay`, `the date must lie between ${from} and today`);
  return date;
}

export async function addCandidate(
  ctx: PlanningContext,
  actor: Actor,
  planId: string,
  input: AddCandidateBody,
): Promise<CycleDetail> {
  const body = addCandidateBodySchema.parse(input);
  return writeCycle(ctx, actor, async (trx) => {
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
      added_on: body.addedOn
        ? pastDate('addedOn', body.addedOn, cycle.policy_date)
        : todayIso() < cycle.policy_date
          ? cycle.policy_date
          : todayIso(),
      removed_on: null,
      removal_reason: null,
      created_at: nowIso(),
    };
    await repo.insertCandidate(trx, row);
    return created(cycle.id, 'planning_candidate', row, plan.organization_id);
  });
}

/** A change to one planned person (readiness, rank, flags, notes) or their removal, audited with the row before. */
async function changeCandidate(
  ctx: PlanningContext,
  actor: Actor,
  id: string,
  change: (before: CandidateRow, cycle: repo.CycleWithOrg) => { action: string; set: Partial<CandidateRow> },
): Promise<CycleDetail> {
  return writeCycle(ctx, actor, async (trx) => {
    const before = await repo.findCandidate(trx, id);
    if (!before || before.removed_on) throw notFound('người trong quy hoạch', 'Planned person');
    const { plan, cycle } = await planFor(trx, actor, before.plan_id, 'planning.write');
    const { action, set } = change(before, cycle);
    await repo.updateCandidate(trx, id, set);
    return {
      cycleId: cycle.id,
      audit: { action, entity: 'planning_candidate', entityId: id, organizationId: plan.organization_id, before, after: set },
    };
  });
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
  return changeCandidate(ctx, actor, id, (_, cycle) => {
    assertEditable(cycle);
    const set = {
      ...(body.readiness !== undefined ? { readiness: body.readiness } : {}),
      ...(body.rank !== undefined ? { rank: body.rank } : {}),
      ...(body.emergency !== undefined ? { emergency: body.emergency ? 1 : 0 } : {}),
      ...(body.proposedForAppointment !== undefined ? { proposed_for_appointment: body.proposedForAppointment ? 1 : 0 } : {}),
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
    };
    return { action: 'planning_candidate.update', set };
  });
}

/**
 * Takes a person out of a plan with the reason, on `removedOn` (default today); the row stays (the plan's history).
 * Allowed in every status.
 */
export async function removeCandidate(
  ctx: PlanningContext,
  actor: Actor,
  id: string,
  reason: string,
  removedOn?: string,
): Promise<CycleDetail> {
  return changeCandidate(ctx, actor, id, (before) => ({
    action: 'planning_candidate.remove',
    set: { removed_on: removedOn ? pastDate('removedOn', removedOn, before.added_on) : todayIso(), removal_reason: reason },
  }));
}

export async function recordException(
  ctx: PlanningContext,
  actor: Actor,
  cycleId: string,
  input: RecordExceptionBody,
): Promise<CycleDetail> {
  const body = recordExceptionBodySchema.parse(input);
  return writeCycle(ctx, actor, async (trx) => {
    const cycle = await cycleFor(trx, actor, cycleId, 'planning.write');
    assertEditable(cycle);
    if (body.planId) {
      const plan = await repo.findPlan(trx, body.planId);
      if (!plan || plan.cycle_id !== cycle.id) throw planNotFound();
    }
    const { validation: v } = await assemble(ctx, cycle, trx);
    const failing = allVerdicts(v).filter(
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
    return created(cycle.id, 'planning_exception', row, cycle.organization_id);
  });
}

/** One step along draft → in rounds → submitted → approved → reviewed; submission needs no unexcepted blocking verdict. */
export async function changeStatus(
  ctx: PlanningContext,
  actor: Actor,
  cycleId: string,
  status: CycleStatus,
): Promise<CycleDetail> {
  return writeCycle(ctx, actor, async (trx) => {
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
      const blocking = allVerdicts(v).filter((x) => x.blocking);
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
    return {
      cycleId: cycle.id,
      audit: {
        action: 'planning_cycle.status',
        entity: 'planning_cycle',
        entityId: cycle.id,
        organizationId: cycle.organization_id,
        before: { status: cycle.status },
        after: { status },
      },
    };
  });
}
