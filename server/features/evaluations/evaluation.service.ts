import {
  type AppraisalBody,
  type CreateCycleBody,
  type CreateEvaluationBody,
  type CreateGroupBody,
  type CreateTaskBody,
  type Cycle,
  type DecisionsBody,
  type DistributionReport,
  type Evaluation,
  type EvaluationFacts,
  type EvaluationSummary,
  type EvaluationStatus,
  type QuotaGroup,
  type QuotaView,
  RATING_LABELS,
  isLeaderGroup,
  RATING_LEVELS,
  type RatingHistory,
  type RatingLevel,
  type Score,
} from '../../../contracts/evaluations';
import type { Db, Trx } from '../../db/database';
import { AppError, forbidden, notFound, validation } from '../../http/errors';
import { newId, nowIso } from '../../lib/ids';
import { type Actor, type Permission, mayActOn, scopePaths } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import { findOrganization } from '../organizations/organization.repository';
import { findPerson, personIdOfUser } from '../persons/person.repository';
import {
  fromTenths,
  parseFacts,
  parseScore,
  parseVerdicts,
  toCycleResponse,
  toEvaluationSummary,
  toGroupResponse,
  toTask,
  toTenths,
} from './evaluation.mapper';
import { type EvaluationPolicy, cyclePolicyDate, evaluationPolicyAt } from './evaluation.policy';
import * as repo from './evaluation.repository';
import { lowVotesInYear } from './evaluation.votes';
import {
  criteriaFor,
  decisionAllowed,
  quota,
  type QuotaMember,
  rate,
  scoreForm,
  taskShares,
  threeYearHistory,
} from './evaluation.rules';

const cycleNotFound = () => notFound('đợt đánh giá', 'Evaluation cycle');
const evaluationNotFound = () => notFound('phiếu đánh giá', 'Evaluation');
const groupNotFound = () => notFound('nhóm so sánh', 'Quota group');

const policyOf = (cycle: { policy_date: string; track: 'party' | 'state' }): EvaluationPolicy =>
  evaluationPolicyAt(cycle.policy_date, cycle.track);

async function cycleFor(db: Db | Trx, actor: Actor, id: string, permission: Permission): Promise<repo.CycleWithOrg> {
  const row = await repo.findCycle(db, id);
  if (!row || !mayActOn(actor, 'evaluations.read', row.organization_path)) throw cycleNotFound();
  if (!mayActOn(actor, permission, row.organization_path)) throw forbidden();
  return row;
}

/** The evaluation if the actor may read it (in scope, or his own); then `permission`, unless `ownAllowed` and it is his. */
async function evaluationFor(
  db: Db | Trx,
  actor: Actor,
  id: string,
  permission: Permission,
  ownAllowed = false,
): Promise<repo.EvaluationWithOrg & { own: boolean }> {
  const row = await repo.findEvaluation(db, id);
  const own = !!row && (await personIdOfUser(db, actor.userId)) === row.person_id;
  if (!row || !(own || mayActOn(actor, 'evaluations.read', row.organization_path))) throw evaluationNotFound();
  if (!(ownAllowed && own) && !mayActOn(actor, permission, row.organization_path)) throw forbidden();
  return { ...row, own };
}

function wrongStatus(status: EvaluationStatus, expected: string, expectedEn: string): AppError {
  return new AppError('CONFLICT', `Phiếu đang ở bước khác: ${expected}`, `The evaluation is at another step: ${expectedEn}`, [
    { path: 'status', message: status, messageEn: status },
  ]);
}

function scoreProblems(problems: { path: string; message: string; messageEn: string }[]): AppError {
  return new AppError(
    'VALIDATION',
    `Phiếu chấm điểm chưa hợp lệ: ${problems[0]!.message}`,
    `The score sheet is invalid: ${problems[0]!.messageEn}`,
    problems,
  );
}

// ---------- cycles ----------

export async function createCycle(db: Db, actor: Actor | null, body: CreateCycleBody): Promise<Cycle> {
  return db.transaction().execute(async (trx) => {
    const org = await findOrganization(trx, body.organizationId);
    if (!org || (actor && !mayActOn(actor, 'evaluations.read', org.path)))
      throw validation('organizationId', 'đơn vị không tồn tại', 'no such organization');
    if (actor && !mayActOn(actor, 'evaluations.manage', org.path)) throw forbidden();
    if ((body.kind === 'quarterly') !== (body.quarter !== undefined))
      throw validation(
        'quarter',
        'chỉ đợt đánh giá hằng quý mới ghi quý (1–4)',
        'a quarter (1–4) is given for quarterly cycles only',
      );
    const policyDate = cyclePolicyDate(body.kind, body.year, body.quarter ?? null);
    let policy: EvaluationPolicy;
    try {
      policy = evaluationPolicyAt(policyDate, body.track);
    } catch (e) {
      if (e instanceof RangeError)
        throw validation(
          'year',
          `không có quy định đánh giá có hiệu lực ngày ${policyDate}`,
          `no evaluation rules in force on ${policyDate}`,
        );
      throw e;
    }
    const row = {
      id: newId(),
      organization_id: org.id,
      kind: body.kind,
      track: body.track,
      year: body.year,
      quarter: body.quarter ?? null,
      title: body.title,
      policy_date: policyDate,
      closed: 0,
      created_by: actor?.userId ?? null,
      created_at: nowIso(),
    };
    await repo.insertCycle(trx, row);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'evaluation-cycle.create',
      entity: 'evaluation_cycle',
      entityId: row.id,
      organizationId: org.id,
      after: row,
    });
    return toCycleResponse(
      { ...row, organization_name: org.name, organization_path: org.path },
      policy.points.citation.document,
      {},
    );
  });
}

async function cycleResponse(db: Db, actor: Actor, row: repo.CycleWithOrg): Promise<Cycle> {
  const counts: Record<string, number> = {};
  for (const c of await repo.statusCounts(db, [row.id], scopePaths(actor, 'evaluations.read'))) counts[c.status] = c.n;
  return toCycleResponse(row, policyOf(row).points.citation.document, counts);
}

export async function listCycles(
  db: Db,
  actor: Actor,
  page: { limit: number; offset: number },
): Promise<{ items: Cycle[]; total: number }> {
  const scope = scopePaths(actor, 'evaluations.read');
  const { rows, total } = await repo.listCycles(db, scope, page.limit, page.offset);
  const counts = await repo.statusCounts(
    db,
    rows.map((r) => r.id),
    scope,
  );
  return {
    items: rows.map((r) =>
      toCycleResponse(
        r,
        policyOf(r).points.citation.document,
        Object.fromEntries(counts.filter((c) => c.cycle_id === r.id).map((c) => [c.status, c.n])),
      ),
    ),
    total,
  };
}

export async function getCycle(db: Db, actor: Actor, id: string): Promise<Cycle> {
  return cycleResponse(db, actor, await cycleFor(db, actor, id, 'evaluations.read'));
}

// ---------- quota groups ----------

export async function createGroup(db: Db, actor: Actor | null, cycleId: string, body: CreateGroupBody): Promise<QuotaGroup> {
  return db.transaction().execute(async (trx) => {
    const cycle = actor ? await cycleFor(trx, actor, cycleId, 'evaluations.manage') : await repo.findCycle(trx, cycleId);
    if (!cycle) throw cycleNotFound();
    const row = {
      id: newId(),
      cycle_id: cycle.id,
      name: body.name,
      definition: body.definition,
      outstanding_unit: body.outstandingUnit ? 1 : 0,
      created_at: nowIso(),
    };
    await repo.insertGroup(trx, row);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'evaluation-group.create',
      entity: 'evaluation_group',
      entityId: row.id,
      organizationId: cycle.organization_id,
      after: row,
    });
    return toGroupResponse({ ...row, member_count: 0 });
  });
}

export async function listGroups(db: Db, actor: Actor, cycleId: string): Promise<QuotaGroup[]> {
  await cycleFor(db, actor, cycleId, 'evaluations.read');
  return (await repo.listGroups(db, cycleId)).map(toGroupResponse);
}

// ---------- evaluations ----------

export async function createEvaluation(
  db: Db,
  actor: Actor | null,
  cycleId: string,
  body: CreateEvaluationBody,
): Promise<EvaluationSummary> {
  return db.transaction().execute(async (trx) => {
    const cycle = actor ? await cycleFor(trx, actor, cycleId, 'evaluations.manage') : await repo.findCycle(trx, cycleId);
    if (!cycle) throw cycleNotFound();
    const person = await findPerson(trx, body.personId);
    if (!person || (actor && !mayActOn(actor, 'persons.read', person.organization_path)))
      throw validation('personId', 'không tìm thấy hồ sơ cán bộ', 'no such cadre record');
    const org = await findOrganization(trx, body.organizationId ?? person.organization_id);
    if (!org || !org.path.startsWith(cycle.organization_path) || (actor && !mayActOn(actor, 'evaluations.manage', org.path)))
      throw validation('organizationId', 'đơn vị không thuộc phạm vi của đợt đánh giá', 'the organization is outside the cycle');
    if (body.groupId) {
      const group = await repo.findGroup(trx, body.groupId);
      if (!group || group.cycle_id !== cycle.id)
        throw validation('groupId', 'nhóm không thuộc đợt đánh giá này', 'the group is not in this cycle');
    }
    if (await repo.findEvaluationOfPerson(trx, cycle.id, body.personId))
      throw new AppError(
        'CONFLICT',
        `${person.full_name} đã có phiếu trong đợt này`,
        `${person.full_name} already has an evaluation in this cycle`,
        [{ path: 'personId', message: 'Đã có phiếu', messageEn: 'Already evaluated' }],
      );
    const now = nowIso();
    const row = {
      id: newId(),
      cycle_id: cycle.id,
      group_id: body.groupId ?? null,
      person_id: body.personId,
      person_name: person.full_name,
      organization_id: org.id,
      subject_group: body.subjectGroup,
      status: 'self_assessment' as const,
      self_score_json: null,
      self_points_tenths: null,
      appraisal_score_json: null,
      appraisal_points_tenths: null,
      facts_json: null,
      proposed_level: null,
      verdicts_json: null,
      decided_level: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertEvaluation(trx, row);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'evaluation.create',
      entity: 'evaluation',
      entityId: row.id,
      organizationId: org.id,
      after: row,
    });
    return toEvaluationSummary({ ...row, organization_name: org.name, organization_path: org.path });
  });
}

export async function listEvaluations(
  db: Db,
  actor: Actor,
  query: { cycleId?: string; groupId?: string; status?: EvaluationStatus; limit: number; offset: number },
): Promise<{ items: EvaluationSummary[]; total: number }> {
  const { rows, total } = await repo.listEvaluations(db, { ...query, scopePaths: scopePaths(actor, 'evaluations.read') });
  return { items: rows.map(toEvaluationSummary), total };
}

/** The evaluations of the signed-in cadre himself (self-service), whatever his grants. */
export async function myEvaluations(db: Db, actor: Actor): Promise<EvaluationSummary[]> {
  const personId = await personIdOfUser(db, actor.userId);
  if (!personId) return [];
  return (await repo.evaluationsOfPerson(db, personId)).map(toEvaluationSummary);
}

export async function getEvaluation(db: Db, actor: Actor, id: string): Promise<Evaluation> {
  const row = await evaluationFor(db, actor, id, 'evaluations.read', true);
  return evaluationResponse(db, actor, row, row.own);
}

async function evaluationResponse(
  db: Db | Trx,
  actor: Actor | null,
  row: repo.EvaluationWithOrg,
  own = false,
): Promise<Evaluation> {
  const cycle = (await repo.findCycle(db, row.cycle_id))!;
  const policy = policyOf(cycle);
  const tasks = (await repo.listTasks(db, row.id)).map(toTask);
  const steps = await repo.listSteps(db, row.id);
  const counts: Record<string, number> = {};
  if (actor)
    for (const c of await repo.statusCounts(db, [cycle.id], scopePaths(actor, 'evaluations.read'))) counts[c.status] = c.n;
  return {
    ...toEvaluationSummary(row),
    cycle: toCycleResponse(cycle, policy.points.citation.document, counts),
    criteria: criteriaFor(policy, row.subject_group),
    resultsMax: policy.points.params.results,
    selfScore: parseScore(row.self_score_json),
    appraisalScore: parseScore(row.appraisal_score_json),
    facts: parseFacts(row.facts_json),
    tasks,
    shares: taskShares(tasks, cycle.policy_date),
    verdicts: parseVerdicts(row.verdicts_json),
    steps: steps.map((s) => ({
      kind: s.kind,
      actorName: s.actor_name,
      at: s.at,
      comment: s.comment,
      points: fromTenths(s.points_tenths),
      level: s.level,
    })),
    own,
  };
}

async function step(
  trx: Trx,
  actor: Actor | null,
  evaluationId: string,
  kind: 'self_assessment' | 'appraisal' | 'decision' | 'complaint',
  extra: { comment?: string; points?: number; level?: RatingLevel },
): Promise<void> {
  await repo.insertStep(trx, {
    id: newId(),
    evaluation_id: evaluationId,
    kind,
    actor_id: actor?.userId ?? null,
    at: nowIso(),
    comment: extra.comment ?? null,
    points_tenths: extra.points === undefined ? null : toTenths(extra.points),
    level: extra.level ?? null,
  });
}

/** Moves an evaluation into a quota group (or out of one); the group is part of the audited record. */
export async function assignGroup(db: Db, actor: Actor | null, id: string, groupId: string | null): Promise<EvaluationSummary> {
  return db.transaction().execute(async (trx) => {
    const row = actor ? await evaluationFor(trx, actor, id, 'evaluations.manage') : await repo.findEvaluation(trx, id);
    if (!row) throw evaluationNotFound();
    if (row.status === 'decided')
      throw wrongStatus(row.status, 'đã quyết định, không đổi nhóm được', 'decided; the group cannot change');
    if (groupId) {
      const group = await repo.findGroup(trx, groupId);
      if (!group || group.cycle_id !== row.cycle_id)
        throw validation('groupId', 'nhóm không thuộc đợt đánh giá này', 'the group is not in this cycle');
    }
    await repo.updateEvaluation(trx, id, { group_id: groupId, updated_at: nowIso() });
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'evaluation.group',
      entity: 'evaluation',
      entityId: id,
      organizationId: row.organization_id,
      before: { groupId: row.group_id },
      after: { groupId },
    });
    return toEvaluationSummary({ ...row, group_id: groupId });
  });
}

export async function addTask(db: Db, actor: Actor | null, evaluationId: string, body: CreateTaskBody): Promise<Evaluation> {
  return db.transaction().execute(async (trx) => {
    const row = actor
      ? await evaluationFor(trx, actor, evaluationId, 'evaluations.manage')
      : await repo.findEvaluation(trx, evaluationId);
    if (!row) throw evaluationNotFound();
    if (row.status === 'decided') throw wrongStatus(row.status, 'đã quyết định', 'already decided');
    if (body.outcome !== 'pending' && body.outcome !== 'failed' && !body.doneOn)
      throw validation('doneOn', 'nhiệm vụ đã hoàn thành cần ngày hoàn thành', 'a finished task needs its completion date');
    const task = {
      id: newId(),
      evaluation_id: evaluationId,
      title: body.title,
      due_on: body.dueOn,
      done_on: body.doneOn,
      outcome: body.outcome,
      created_at: nowIso(),
    };
    await repo.insertTask(trx, task);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'evaluation.task',
      entity: 'evaluation',
      entityId: evaluationId,
      organizationId: row.organization_id,
      after: task,
    });
    return evaluationResponse(trx, actor, row);
  });
}

export async function selfAssess(
  db: Db,
  actor: Actor | null,
  id: string,
  body: { score: Score; comment?: string },
): Promise<Evaluation> {
  return db.transaction().execute(async (trx) => {
    const row = actor ? await evaluationFor(trx, actor, id, 'evaluations.manage', true) : await repo.findEvaluation(trx, id);
    if (!row) throw evaluationNotFound();
    if (row.status !== 'self_assessment' && row.status !== 'appraisal')
      throw wrongStatus(row.status, 'chỉ tự đánh giá trước khi thẩm định', 'self-assessment comes before the appraisal');
    const cycle = (await repo.findCycle(trx, row.cycle_id))!;
    const scored = scoreForm(policyOf(cycle), row.subject_group, body.score);
    if (scored.problems.length) throw scoreProblems(scored.problems);
    const patch = {
      self_score_json: JSON.stringify(body.score),
      self_points_tenths: toTenths(scored.total),
      status: 'appraisal' as const,
      updated_at: nowIso(),
    };
    await repo.updateEvaluation(trx, id, patch);
    await step(trx, actor, id, 'self_assessment', { comment: body.comment, points: scored.total });
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'evaluation.self-assess',
      entity: 'evaluation',
      entityId: id,
      organizationId: row.organization_id,
      before: { status: row.status, selfPoints: fromTenths(row.self_points_tenths) },
      after: { status: patch.status, selfPoints: scored.total, score: body.score, comment: body.comment ?? null },
    });
    return evaluationResponse(trx, actor, { ...row, ...patch }, 'own' in row && row.own === true);
  });
}

/** The organization body's appraisal: the points, the facts behind the vetoes, and the highest level the policy allows. */
export async function appraise(db: Db, actor: Actor | null, id: string, body: AppraisalBody): Promise<Evaluation> {
  return db.transaction().execute(async (trx) => {
    const row = actor ? await evaluationFor(trx, actor, id, 'evaluations.manage') : await repo.findEvaluation(trx, id);
    if (!row) throw evaluationNotFound();
    if (row.status !== 'appraisal' && row.status !== 'decision')
      throw wrongStatus(
        row.status,
        row.status === 'self_assessment'
          ? 'cần tự đánh giá trước khi thẩm định'
          : 'đã quyết định; cần có khiếu nại để thẩm định lại',
        row.status === 'self_assessment' ? 'the self-assessment comes first' : 'decided; a complaint reopens the appraisal',
      );
    const cycle = (await repo.findCycle(trx, row.cycle_id))!;
    const policy = policyOf(cycle);
    const scored = scoreForm(policy, row.subject_group, body.score);
    if (scored.problems.length) throw scoreProblems(scored.problems);
    const tasks = (await repo.listTasks(trx, id)).map(toTask);
    const shares = taskShares(tasks, cycle.policy_date);
    // A leader's low votes come from the year's published confidence vote, never from the form.
    const facts: EvaluationFacts = {
      ...body.facts,
      lowVotes: isLeaderGroup(row.subject_group) ? await lowVotesInYear(trx, actor, row.person_id, Number(cycle.year)) : null,
    };
    const rating = rate(policy, { group: row.subject_group, points: scored.total, facts, shares });
    const patch = {
      appraisal_score_json: JSON.stringify(body.score),
      appraisal_points_tenths: toTenths(scored.total),
      facts_json: JSON.stringify(facts),
      proposed_level: rating.level,
      verdicts_json: JSON.stringify(rating.verdicts),
      status: 'decision' as const,
      updated_at: nowIso(),
    };
    await repo.updateEvaluation(trx, id, patch);
    await step(trx, actor, id, 'appraisal', { comment: body.comment, points: scored.total, level: rating.level });
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'evaluation.appraise',
      entity: 'evaluation',
      entityId: id,
      organizationId: row.organization_id,
      before: { status: row.status, proposedLevel: row.proposed_level },
      after: {
        status: patch.status,
        points: scored.total,
        proposedLevel: rating.level,
        facts,
        comment: body.comment ?? null,
      },
    });
    return evaluationResponse(trx, actor, { ...row, ...patch });
  });
}

/** A complaint against a decided rating reopens the appraisal; the decision no longer stands. */
export async function complain(db: Db, actor: Actor | null, id: string, comment: string): Promise<Evaluation> {
  return db.transaction().execute(async (trx) => {
    const row = actor ? await evaluationFor(trx, actor, id, 'evaluations.manage') : await repo.findEvaluation(trx, id);
    if (!row) throw evaluationNotFound();
    if (row.status !== 'decided')
      throw wrongStatus(row.status, 'chỉ khiếu nại kết quả đã quyết định', 'only a decided rating can be complained about');
    const patch = { status: 'appraisal' as const, decided_level: null, updated_at: nowIso() };
    await repo.updateEvaluation(trx, id, patch);
    await step(trx, actor, id, 'complaint', { comment });
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'evaluation.complaint',
      entity: 'evaluation',
      entityId: id,
      organizationId: row.organization_id,
      before: { status: row.status, decidedLevel: row.decided_level },
      after: { status: patch.status, decidedLevel: null, comment },
    });
    return evaluationResponse(trx, actor, { ...row, ...patch });
  });
}

// ---------- quota and decision ----------

function member(row: repo.EvaluationWithOrg, level: RatingLevel | null = row.decided_level ?? row.proposed_level): QuotaMember {
  return {
    evaluationId: row.id,
    personName: row.person_name,
    points: fromTenths(row.appraisal_points_tenths),
    level,
    decided: row.decided_level !== null,
  };
}

function quotaView(
  group: { id: string; name: string; definition: string; outstanding_unit: number },
  policy: EvaluationPolicy,
  members: QuotaMember[],
): QuotaView {
  const outstanding = Number(group.outstanding_unit) === 1;
  const q = quota(policy, members, outstanding);
  return {
    groupId: group.id,
    groupName: group.name,
    definition: group.definition,
    outstandingUnit: outstanding,
    percent: q.percent,
    counts: q.counts,
    maxExcellent: q.maxExcellent,
    withinQuota: q.withinQuota,
    mustMove: q.mustMove,
    members,
    verdict: q.verdict ?? {
      ruleId: 'evaluation.excellent-quota',
      citation: { document: policy.points.citation.document, date: null, article: null, text: policy.points.citation.document },
      status: 'passed',
      detail: { vi: 'Không có quy định tỷ lệ trong kỳ này.', en: 'No quota rule in force for this period.' },
      inputs: {},
      ruleUnconfirmed: false,
    },
  };
}

/** The group's picture (decided levels, else proposed) and who would have to move to "good" to fit the quota. */
export async function getQuota(db: Db, actor: Actor, groupId: string): Promise<QuotaView> {
  const group = await repo.findGroup(db, groupId);
  if (!group) throw groupNotFound();
  const cycle = await repo.findCycle(db, group.cycle_id);
  if (!cycle || !mayActOn(actor, 'evaluations.read', cycle.organization_path)) throw groupNotFound();
  const members = await repo.groupMembers(db, groupId);
  return quotaView(
    group,
    policyOf(cycle),
    members.map((m) => member(m)),
  );
}

/**
 * The competent level decides a group's ratings. Each level may be at most what the appraisal allows; the number of
 * decided "excellent" may not exceed the quota over the group's picture, counting undecided excellents as not yet
 * excellent, so deciding the "good" ones first never blocks and deciding too many excellents always does.
 */
export async function decide(db: Db, actor: Actor | null, groupId: string, body: DecisionsBody): Promise<QuotaView> {
  return db.transaction().execute(async (trx) => {
    const group = await repo.findGroup(trx, groupId);
    if (!group) throw groupNotFound();
    const cycle = await repo.findCycle(trx, group.cycle_id);
    if (!cycle || (actor && !mayActOn(actor, 'evaluations.read', cycle.organization_path))) throw groupNotFound();
    if (actor && !mayActOn(actor, 'evaluations.decide', cycle.organization_path)) throw forbidden();
    const policy = policyOf(cycle);
    const members = await repo.groupMembers(trx, groupId);
    const byId = new Map(members.map((m) => [m.id, m]));
    const chosen = new Map<string, { level: RatingLevel; comment?: string }>();
    body.items.forEach((item, i) => {
      const m = byId.get(item.evaluationId);
      if (!m) throw validation(`items.${i}.evaluationId`, 'phiếu không thuộc nhóm này', 'the evaluation is not in this group');
      if (m.status !== 'decision')
        throw validation(
          `items.${i}.evaluationId`,
          `${m.person_name}: chưa thẩm định hoặc đã quyết định`,
          `${m.person_name}: not appraised or already decided`,
        );
      if (!decisionAllowed(m.proposed_level!, item.level))
        throw validation(
          `items.${i}.level`,
          `${m.person_name}: không thể xếp "${RATING_LABELS[item.level].vi}" khi kết quả thẩm định chỉ cho phép tối đa "${RATING_LABELS[m.proposed_level!].vi}"`,
          `${m.person_name}: cannot be rated "${RATING_LABELS[item.level].en}" above the appraised "${RATING_LABELS[m.proposed_level!].en}"`,
        );
      chosen.set(m.id, { level: item.level, comment: item.comment });
    });
    const after = members.map((m) => {
      const c = chosen.get(m.id);
      if (c) return { ...member(m, c.level), decided: true };
      return member(m);
    });
    const decidedOnly = after.map((m) => (m.level === 'excellent' && !m.decided ? { ...m, level: null } : m));
    const check = quota(policy, decidedOnly, Number(group.outstanding_unit) === 1);
    if (check.verdict && check.verdict.status === 'failed') {
      const names = check.mustMove.map((m) => m.personName).join(', ');
      throw new AppError(
        'CONFLICT',
        `Vượt tỷ lệ hoàn thành xuất sắc nhiệm vụ của nhóm "${group.name}": tối đa ${check.maxExcellent} người (${check.percent}% của ${check.counts.good} người hoàn thành tốt), đang đề nghị ${check.counts.excellent}. Cần chuyển ${check.mustMove.length} người xuống "Hoàn thành tốt nhiệm vụ": ${names}. (${check.verdict.citation.text})`,
        `Over the excellent quota of group "${group.name}": at most ${check.maxExcellent} (${check.percent} % of ${check.counts.good} rated good), ${check.counts.excellent} proposed. ${check.mustMove.length} must move to "good": ${names}. (${check.verdict.citation.text})`,
        check.mustMove.map((m) => ({
          path: `items.${body.items.findIndex((x) => x.evaluationId === m.evaluationId)}.level`,
          message: `${m.personName}: cần chuyển xuống hoàn thành tốt để đúng tỷ lệ`,
          messageEn: `${m.personName}: must move to good to fit the quota`,
        })),
      );
    }
    const now = nowIso();
    for (const [id, c] of chosen) {
      const m = byId.get(id)!;
      await repo.updateEvaluation(trx, id, { decided_level: c.level, status: 'decided', updated_at: now });
      await step(trx, actor, id, 'decision', {
        comment: c.comment,
        level: c.level,
        points: fromTenths(m.appraisal_points_tenths) ?? undefined,
      });
      await appendAudit(trx, {
        actorId: actor?.userId ?? null,
        action: 'evaluation.decide',
        entity: 'evaluation',
        entityId: id,
        organizationId: m.organization_id,
        before: { status: m.status, proposedLevel: m.proposed_level },
        after: { status: 'decided', decidedLevel: c.level, groupId, quota: check.verdict, comment: c.comment ?? null },
      });
    }
    const fresh = await repo.groupMembers(trx, groupId);
    return quotaView(
      group,
      policy,
      fresh.map((m) => member(m)),
    );
  });
}

// ---------- links and reports ----------

/** The decided annual ratings of the three years up to `year`, as facts for eligibility, planning and dismissal. */
export async function ratingHistory(db: Db, actor: Actor, personId: string, year: number): Promise<RatingHistory> {
  const rows = await repo.annualRatings(db, personId, scopePaths(actor, 'evaluations.read'), year - 2, year);
  const h = threeYearHistory(
    year,
    rows.map((r) => ({ year: r.year, level: r.level, cycleId: r.cycle_id })),
  );
  const suggestions = h.years
    .filter((y) => y.level === 'not_complete')
    .flatMap((y) => [
      {
        vi: `Năm ${y.year} không hoàn thành nhiệm vụ: xem xét đưa ra khỏi quy hoạch ở kỳ rà soát (377-QĐ/TW).`,
        en: `Not complete in ${y.year}: consider removal from the plan at the review (377-QĐ/TW).`,
      },
      {
        vi: `Năm ${y.year} không hoàn thành nhiệm vụ: xem xét miễn nhiệm (Nghị định 170/2025, Điều 53).`,
        en: `Not complete in ${y.year}: consider dismissal (Decree 170/2025, art. 53).`,
      },
    ]);
  if (!h.allAssessed)
    suggestions.push({
      vi: `Chưa đủ kết quả đánh giá 3 năm gần nhất (${h.years
        .filter((y) => !y.level)
        .map((y) => y.year)
        .join(', ')}): chưa đủ điều kiện bổ nhiệm (377-QĐ/TW).`,
      en: `Ratings missing for ${h.years
        .filter((y) => !y.level)
        .map((y) => y.year)
        .join(', ')}: not yet eligible for appointment (377-QĐ/TW).`,
    });
  return { personId, asOfYear: year, ...h, suggestions };
}

const emptyCounts = (): Record<RatingLevel, number> => ({ excellent: 0, good: 0, complete: 0, not_complete: 0 });

const topPercent = (c: Record<RatingLevel, number>, total: number): number | null =>
  total === 0 ? null : Math.round(((c.excellent + c.good) * 1000) / total) / 10;

/**
 * Decided annual ratings per unit over `years` years ending with `year`: counts, the share rated excellent or good,
 * its change against the year before, and the "says nothing" flag for a unit (of at least `minSize` people) rated all
 * top, per year.
 */
export async function distributionReport(
  db: Db,
  actor: Actor,
  query: { year: number; minSize: number; years: number },
): Promise<DistributionReport> {
  const { year, minSize } = query;
  const years = Array.from({ length: query.years }, (_, i) => year - query.years + 1 + i);
  const scope = scopePaths(actor, 'evaluations.read');
  const rows = await repo.distribution(db, scope, years);
  const units = new Map<string, { name: string; byYear: Map<number, Record<RatingLevel, number>> }>();
  for (const r of rows) {
    const u = units.get(r.organization_id) ?? { name: r.organization_name, byYear: new Map() };
    const counts = u.byYear.get(r.year) ?? emptyCounts();
    counts[r.level] += r.n;
    u.byYear.set(r.year, counts);
    units.set(r.organization_id, u);
  }
  const sum = (c: Record<RatingLevel, number>) => RATING_LEVELS.reduce((s, l) => s + c[l], 0);
  const report = [...units.entries()]
    .map(([id, u]) => {
      const trend = years.map((y) => {
        const counts = u.byYear.get(y) ?? emptyCounts();
        const total = sum(counts);
        return {
          year: y,
          counts,
          total,
          topPercent: topPercent(counts, total),
          allTop: total >= minSize && counts.excellent + counts.good === total,
        };
      });
      const now = trend.at(-1)!;
      const before = trend.at(-2)!;
      return {
        organizationId: id,
        organizationName: u.name,
        year,
        counts: now.counts,
        total: now.total,
        previous: before.total ? before.counts : null,
        allTop: now.allTop,
        trend,
        topChange:
          now.topPercent === null || before.topPercent === null
            ? null
            : Math.round((now.topPercent - before.topPercent) * 10) / 10,
      };
    })
    .filter((r) => r.total > 0)
    .sort((a, b) => a.organizationName.localeCompare(b.organizationName, 'vi'));
  const notComplete = (await repo.notCompleteInYear(db, scope, year)).map((e) => ({
    evaluationId: e.id,
    personId: e.person_id,
    personName: e.person_name,
    organizationName: e.organization_name,
    suggestion: {
      vi: 'Xem xét đưa ra khỏi quy hoạch (377-QĐ/TW) và miễn nhiệm nếu giữ chức vụ (Nghị định 170/2025, Điều 53).',
      en: 'Consider removal from the plan (377-QĐ/TW) and dismissal if holding a post (Decree 170/2025, art. 53).',
    },
  }));
  return { year, years, rows: report, notComplete };
}
