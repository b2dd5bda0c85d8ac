import {
  type CancelBody,
  type CircumstanceBody,
  cancelBodySchema,
  circumstanceBodySchema,
  type CompleteStepBody,
  type CreateProcessBody,
  type DecideBody,
  LEAVING_ACTIONS,
  type OpenStepVoteBody,
  type OverrideBody,
  type RecusalBody,
  SEATING_ACTIONS,
  completeStepBodySchema,
  createProcessBodySchema,
  decideBodySchema,
  dossierItemBodySchema,
  openStepVoteBodySchema,
  overrideBodySchema,
  recusalBodySchema,
} from '../../../contracts/decisions';
import { FAMILY_RELATIONS } from '../../../contracts/person-catalogs';
import type { PersonRecord } from '../../../contracts/persons';
import type { PaperCount } from '../../../contracts/votes';
import type { Db, Trx } from '../../db/database';
import { AppError, forbidden, validation } from '../../http/errors';
import { newId, nowIso } from '../../lib/ids';
import { type Actor, mayActOn } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import { linkDecisionDocuments } from '../documents/document.service';
import { parseRecord } from '../persons/person.mapper';
import { findPerson, personIdOfUser } from '../persons/person.repository';
import { applyPostChangeIn } from '../persons/person.service';
import type { Verdict } from '../../../contracts/policy';
import { type PolicyLibrary, type ResolvedPolicy, policyAt } from '../policy/policy.library';
import { policyInForceFor } from '../policy/policy.in-force';
import { retirementDate } from '../policy/retirement.rules';
import { headNearEnd } from './decision.power.rules';
import { addIncumbentIn, endIncumbentIn } from '../positions/position.service';
import { markVoteConsequenceHandled } from '../votes/vote.outcomes';
import { createVote } from '../votes/vote.service';
import { findUsersByUsernames } from '../votes/vote.electronic.repository';
import { findVoteSession, listSubjects } from '../votes/vote.repository';
import { holidayCalendar } from './holiday.calendar';
import { blockingChecks, definitionOf, loadReadable, localPacksOf, placementVerdicts, unresolved } from './decision.read';
import { circumstanceOptions } from './decision.grounds.rules';
import {
  addWorkingDays,
  kinOfRecord,
  kinship,
  outcomeContinues,
  processDefinition,
  stepResult,
  unconfirmedWarnings,
} from './decision.rules';
import * as repo from './decision.repository';

async function recordOf(db: Db | Trx, personId: string): Promise<PersonRecord | null> {
  const p = await findPerson(db, personId);
  return p ? parseRecord(p.data_json) : null;
}

const kinshipConflict = (who: string, relation: string) => {
  const words = FAMILY_RELATIONS[relation as keyof typeof FAMILY_RELATIONS] ?? { vi: relation, en: relation };
  return new AppError(
    'CONFLICT',
    `${who} là người thân (${words.vi.toLowerCase()}) của người được xem xét theo bảng quan hệ gia đình: phải tránh, không được tham gia (114-QĐ/TW)`,
    `${who} is a declared relative (${words.en.toLowerCase()}) of the person: must recuse (114-QĐ/TW)`,
    [{ path: 'kinship', message: words.vi, messageEn: words.en }],
  );
};

async function loadWritable(trx: Trx, actor: Actor, id: string, permission: 'decisions.write' | 'decisions.approve') {
  const row = await loadReadable(trx, actor, id);
  if (!mayActOn(actor, permission, row.organization_path)) throw forbidden();
  return row;
}

const openOnly = (status: string) => {
  if (status !== 'open') throw new AppError('CONFLICT', 'Quy trình không còn đang thực hiện', 'The process is no longer open');
};

export async function createProcess(db: Db, library: PolicyLibrary, actor: Actor, input: CreateProcessBody): Promise<string> {
  const body = createProcessBodySchema.parse(input);
  return db.transaction().execute(async (trx) => {
    const org = await repo.findOrganizationPath(trx, body.organizationId);
    if (!org || !mayActOn(actor, 'decisions.read', org.path))
      throw validation('organizationId', 'đơn vị không tồn tại', 'no such organization');
    if (!mayActOn(actor, 'decisions.write', org.path)) throw forbidden();
    const seat = await repo.findSeat(trx, body.positionId);
    if (!seat || !seat.organization_path.startsWith(org.path))
      throw validation('positionId', 'vị trí không thuộc đơn vị này', 'the seat is not in this organization');
    const person = await findPerson(trx, body.personId);
    if (!person || !mayActOn(actor, 'decisions.read', person.organization_path))
      throw validation('personId', 'không tìm thấy hồ sơ cán bộ', 'no such person record');
    const { policy, localPackIds } = await policyInForceFor(trx, library, {
      organizationPath: org.path,
      date: body.startedOn,
      track: body.track,
    });
    const def = processDefinition(policy, body.action, body.source);
    if (!def)
      throw validation(
        'startedOn',
        'không có quy trình nào có hiệu lực vào ngày này cho loại việc này',
        'no process is in force on that date for this action',
      );
    // The proposer may not be a declared relative of the person (114-QĐ/TW).
    const proposerPerson = await personIdOfUser(trx, actor.userId);
    const proposer = proposerPerson ? await recordOf(trx, proposerPerson) : null;
    const candidate = parseRecord(person.data_json);
    const kin = proposer ? kinship(kinOfRecord(candidate), kinOfRecord(proposer)) : null;
    if (kin) throw kinshipConflict(proposer!.fullName, kin.relation);
    let startVerdicts: Verdict[] = [];
    if (SEATING_ACTIONS.includes(body.action)) {
      // Anti-Corruption Law 2018 art. 20, both ways: no relative of the unit's head or a deputy in a sensitive post.
      const placement = await placementVerdicts(
        trx,
        policy,
        { position_id: seat.id, person_id: person.id },
        candidate,
        body.startedOn,
      );
      const blocked = placement.filter((v) => v.status === 'failed');
      if (blocked.length)
        throw new AppError(
          'CONFLICT',
          'Người thân (vợ, chồng, bố, mẹ, con, anh, chị, em ruột) của người đứng đầu, cấp phó không được giữ vị trí tổ chức nhân sự, kế toán, thủ quỹ, thủ kho, mua sắm trong cùng đơn vị (Luật Phòng, chống tham nhũng 2018, Điều 20)',
          'A spouse, parent, child or sibling of the head or a deputy may not hold a personnel, accounting, cashier, storekeeper or procurement post in the same unit (Anti-Corruption Law 2018, art. 20)',
          blocked.map((v) => ({
            path: v.ruleId,
            message: `${v.detail.vi} (${v.citation.text})`,
            messageEn: `${v.detail.en} (${v.citation.text})`,
          })),
        );
      startVerdicts = await headVerdicts(trx, policy, org.id, body.startedOn);
    }
    const cal = holidayCalendar();
    const id = newId();
    const row = {
      id,
      organization_id: org.id,
      action: body.action,
      source: body.source,
      track: body.track,
      person_id: person.id,
      person_name: person.full_name,
      position_id: seat.id,
      rule_id: def.ruleId,
      started_on: body.startedOn,
      in_plan: body.inPlan ? 1 : 0,
      ratings_json: JSON.stringify(body.ratings),
      status: 'open' as const,
      policy_deadline: def.policyWorkingDays ? addWorkingDays(cal, body.startedOn, def.policyWorkingDays) : null,
      process_deadline: addWorkingDays(cal, body.startedOn, def.processWorkingDays),
      last_activity_on: body.startedOn,
      note: body.note ?? null,
      prepared_by: actor.userId,
      created_at: nowIso(),
      decision_number: null,
      decision_date: null,
      effective_date: null,
      signer_name: null,
      decided_by: null,
      decided_at: null,
      start_verdicts_json: JSON.stringify(startVerdicts),
      local_pack_ids_json: JSON.stringify(localPackIds),
      cancel_reason: null,
      cancelled_on: null,
      cancelled_by: null,
    };
    const steps = def.steps.map((s, i) => ({
      id: newId(),
      process_id: id,
      ordinal: i + 1,
      key: s.key,
      status: 'pending' as const,
      vote_session_id: null,
      summoned: null,
      outcome: null,
      verdicts_json: '[]',
      minutes_ref: null,
      documents_json: '[]',
      head_choice: null,
      completed_on: null,
      completed_by: null,
    }));
    await repo.insertProcess(trx, row, steps);
    if (body.consequenceTaskId) {
      // The low-vote consequence this process answers is handled by starting it, in the same transaction.
      if (!LEAVING_ACTIONS.includes(body.action))
        throw validation(
          'consequenceTaskId',
          'hệ quả lấy phiếu chỉ được xử lý bằng quy trình miễn nhiệm, cho thôi giữ chức vụ, từ chức',
          'a vote consequence is answered by a dismissal, relief or resignation',
        );
      const task = await markVoteConsequenceHandled(trx, body.consequenceTaskId, actor, `decision:${id}`);
      if (task.personId !== person.id)
        throw validation('consequenceTaskId', 'hệ quả lấy phiếu của người khác', 'the vote consequence is about someone else');
    }
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'decision.process.create',
      entity: 'decision_process',
      entityId: id,
      organizationId: org.id,
      after: { ...row, steps: steps.map((s) => s.key) },
    });
    return id;
  });
}

/** The heads of the organization running the process, near retirement or the end of their term (a warning). */
async function headVerdicts(trx: Trx, policy: ResolvedPolicy, organizationId: string, startedOn: string): Promise<Verdict[]> {
  const heads = [];
  for (const h of (await repo.unitLeaders(trx, organizationId, startedOn)).filter((l) => l.role === 'head')) {
    const record = await recordOf(trx, h.personId);
    heads.push({
      fullName: h.personName,
      titleName: h.titleName,
      retirementDate: record ? retirementDate({ sex: record.sex, birth: record.birthDate }, policy).retirementDate : null,
      termEnd: h.termEnd,
    });
  }
  return headNearEnd(policy, heads, startedOn);
}

export async function addDossierItem(db: Db, library: PolicyLibrary, actor: Actor, id: string, input: unknown): Promise<void> {
  const body = dossierItemBodySchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const row = await loadWritable(trx, actor, id, 'decisions.write');
    openOnly(row.status);
    const { policy } = definitionOf(library, row);
    const rule = policy.rules.get('dossier.personnel');
    const keys = rule && rule.kind === 'dossier' ? rule.params.items.map((i) => i.key) : [];
    if (!keys.includes(body.key)) throw validation('key', 'loại giấy tờ không có trong danh mục hồ sơ', 'not a dossier item');
    const item = {
      id: newId(),
      process_id: id,
      key: body.key,
      document_date: body.documentDate,
      reference: body.reference,
      recorded_by: actor.userId,
      recorded_at: nowIso(),
    };
    await repo.insertDossierItem(trx, item);
    const linked = await linkDecisionDocuments(
      trx,
      actor,
      { ownerKind: 'decision_dossier', ownerId: item.id, processId: id, path: 'documentIds' },
      body.documentIds,
    );
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'decision.dossier.add',
      entity: 'decision_process',
      entityId: id,
      organizationId: row.organization_id,
      after: { ...item, documents: linked.map((d) => ({ id: d.id, number: d.number })) },
    });
  });
}

/**
 * Records a ground claimed (dismissal, resignation, relief) or a case postponing a reappointment, with its document:
 * the key must be one the policy in force lists for the action; the checks then judge it.
 */
export async function recordCircumstance(
  db: Db,
  library: PolicyLibrary,
  actor: Actor,
  id: string,
  input: CircumstanceBody,
): Promise<void> {
  const body = circumstanceBodySchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const row = await loadWritable(trx, actor, id, 'decisions.write');
    openOnly(row.status);
    const options = circumstanceOptions(
      policyAt(library, body.fromDate < row.started_on ? row.started_on : body.fromDate, row.track, {
        approvedLocalPackIds: localPacksOf(row),
      }),
      row.action,
    );
    const option = options.find((o) => o.key === body.key);
    if (!option)
      throw validation(
        'key',
        options.length
          ? `không thuộc danh mục: ${options.map((o) => o.label.vi.toLowerCase()).join('; ')}`
          : 'loại quy trình này không có căn cứ hay trường hợp tạm hoãn theo quy định',
        options.length
          ? `not in the list: ${options.map((o) => o.key).join(', ')}`
          : 'this action has no grounds or postponements',
      );
    if (option.kind === 'ground' && body.toDate !== null)
      throw validation('toDate', 'căn cứ chỉ có ngày văn bản', 'a ground has only its document date');
    const rec = {
      id: newId(),
      process_id: id,
      key: body.key,
      from_date: body.fromDate,
      to_date: body.toDate,
      reference: body.reference,
      note: body.note ?? null,
      recorded_by: actor.userId,
      recorded_at: nowIso(),
    };
    await repo.insertCircumstance(trx, rec);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: option.kind === 'ground' ? 'decision.ground' : 'decision.postponement',
      entity: 'decision_process',
      entityId: id,
      organizationId: row.organization_id,
      after: { ...rec, ruleId: option.ruleId },
    });
  });
}

/** Records a recusal; with a record, the relation is read from both family tables (a declared relative must recuse). */
export async function recordRecusal(db: Db, actor: Actor, id: string, input: RecusalBody): Promise<void> {
  const body = recusalBodySchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const row = await loadWritable(trx, actor, id, 'decisions.write');
    openOnly(row.status);
    const candidate = await recordOf(trx, row.person_id);
    const participant = body.personId ? await recordOf(trx, body.personId) : null;
    const kin = kinship(
      kinOfRecord(candidate!),
      participant ? kinOfRecord(participant) : { fullName: body.fullName, birthYear: body.birthYear, family: [] },
    );
    if (!kin && !body.reason)
      throw validation(
        'reason',
        'không có quan hệ gia đình được khai: hãy ghi lý do tránh',
        'no declared relation: give the reason for the recusal',
      );
    if (body.role === 'voter' && body.stepKey) {
      const steps = await repo.listSteps(trx, id);
      const step = steps.find((s) => s.key === body.stepKey);
      if (!step) throw validation('stepKey', 'không có bước này', 'no such step');
      if (step.vote_session_id)
        throw new AppError(
          'CONFLICT',
          'Đã mở phiếu cho bước này: phải ghi việc tránh trước khi bỏ phiếu',
          'The vote is already open: record recusals before it',
        );
    }
    const rec = {
      id: newId(),
      process_id: id,
      role: body.role,
      step_key: body.stepKey,
      person_id: body.personId,
      full_name: participant?.fullName ?? body.fullName,
      relation: kin?.relation ?? null,
      reason: body.reason ?? null,
      recorded_by: actor.userId,
      recorded_at: nowIso(),
    };
    await repo.insertRecusal(trx, rec);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'decision.recusal',
      entity: 'decision_process',
      entityId: id,
      organizationId: row.organization_id,
      after: rec,
    });
  });
}

async function currentStep(trx: Trx, id: string, key: string) {
  const steps = await repo.listSteps(trx, id);
  const current = steps.find((s) => s.status === 'pending');
  if (!current || current.key !== key)
    throw new AppError('CONFLICT', 'Chưa tới bước này hoặc bước đã xong', 'This is not the current step', [
      { path: 'step', message: current?.key ?? '', messageEn: current?.key ?? '' },
    ]);
  return { steps, step: current };
}

/**
 * Opens the step's vote in the votes module, on paper or electronic (secret, verifiable): the recused voters are taken
 * out of those summoned. An electronic roster may hold nobody who recused from the step, nor a declared relative of
 * the person who has not recused (114-QĐ/TW): the relation is read from the family tables of the voters' records.
 */
export async function openStepVote(
  db: Db,
  library: PolicyLibrary,
  actor: Actor,
  id: string,
  key: string,
  input: OpenStepVoteBody,
): Promise<string> {
  const body = openStepVoteBodySchema.parse(input);
  const row = await loadReadable(db, actor, id);
  if (!mayActOn(actor, 'decisions.write', row.organization_path)) throw forbidden();
  openOnly(row.status);
  const { def } = definitionOf(library, row);
  const meta = def.steps.find((s) => s.key === key);
  if (!meta || meta.vote === 'none') throw validation('step', 'bước này không bỏ phiếu', 'this step has no vote');
  const recusals = (await repo.listRecusals(db, [id])).filter((r) => r.role === 'voter' && r.step_key === key);
  const summoned = body.summoned - recusals.length;
  if (summoned < 1)
    throw validation('summoned', 'không còn ai được triệu tập sau khi trừ người tránh', 'nobody left after recusals');
  if (body.mode === 'paper' && body.electronic)
    throw validation('electronic', 'chỉ dùng cho bỏ phiếu điện tử', 'only for an electronic vote');
  if (body.mode === 'electronic') await checkElectronicRoster(db, row, body, recusals, summoned);
  const ballot = meta.vote.startsWith('ballot-');
  const subjects = [row.person_name, ...(ballot ? body.otherCandidates : [])].map((fullName) => ({
    fullName,
    titleText: row.position_name,
  }));
  const vote = await createVote(db, actor, {
    organizationId: row.organization_id,
    kind: 'appointment',
    mode: body.mode,
    track: row.track,
    title: `${meta.label.vi} — ${row.person_name}`,
    voteDate: body.voteDate,
    voterGroup: body.voterGroup,
    summonedCount: summoned,
    subjects,
    // one name: agree/disagree; several names: each ballot chooses one
    ballot: ballot ? { shape: 'choice', maxChoices: 1 } : { shape: 'agree-disagree' },
    ...(body.mode === 'electronic' ? { electronic: body.electronic } : {}),
  });
  await db.transaction().execute(async (trx) => {
    const { step } = await currentStep(trx, id, key);
    if (step.vote_session_id) throw new AppError('CONFLICT', 'Bước này đã có cuộc bỏ phiếu', 'This step already has a vote');
    await repo.updateStep(trx, step.id, { vote_session_id: vote.id, summoned });
    await repo.updateProcess(trx, id, { last_activity_on: body.voteDate });
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'decision.step.vote_open',
      entity: 'decision_process',
      entityId: id,
      organizationId: row.organization_id,
      after: { step: key, voteSessionId: vote.id, mode: body.mode, summoned, recused: recusals.length },
    });
  });
  return vote.id;
}

/** The electronic roster: as many voters as those summoned less the recused; no recused voter, no unrecused relative. */
async function checkElectronicRoster(
  db: Db,
  row: Awaited<ReturnType<typeof loadReadable>>,
  body: ReturnType<typeof openStepVoteBodySchema.parse>,
  recusals: readonly { person_id: string | null; full_name: string }[],
  summoned: number,
): Promise<void> {
  const e = body.electronic;
  if (!e)
    throw validation(
      'electronic',
      'cần danh sách người bỏ phiếu và thành viên ban kiểm phiếu',
      'the voters and the trustees are required',
    );
  if (e.voterUsernames.length !== summoned)
    throw validation(
      'electronic.voterUsernames',
      `danh sách bỏ phiếu điện tử phải có đúng ${summoned} người (số được triệu tập trừ người tránh), đang có ${e.voterUsernames.length}`,
      `the electronic roster must hold exactly ${summoned} voters (those summoned less the recused), not ${e.voterUsernames.length}`,
    );
  const candidate = (await recordOf(db, row.person_id))!;
  const recused = new Set(recusals.map((r) => r.person_id).filter((p): p is string => p !== null));
  const users = await findUsersByUsernames(db, e.voterUsernames);
  for (const [i, username] of e.voterUsernames.entries()) {
    const user = users.find((u) => u.username === username);
    if (!user) continue; // the votes module names an unknown user
    const personId = await personIdOfUser(db, user.id);
    if (!personId) continue;
    if (personId === row.person_id)
      throw validation(
        `electronic.voterUsernames.${i}`,
        `${username} là người được xem xét: không bỏ phiếu cho chính mình`,
        `${username} is the person concerned: may not vote on himself`,
      );
    if (recused.has(personId))
      throw new AppError(
        'CONFLICT',
        `${username} đã tránh tham gia bước này: bỏ khỏi danh sách bỏ phiếu`,
        `${username} recused from this step: leave him off the roster`,
        [{ path: `electronic.voterUsernames.${i}`, message: 'đã tránh', messageEn: 'recused' }],
      );
    const voter = await recordOf(db, personId);
    const kin = voter ? kinship(kinOfRecord(candidate), kinOfRecord(voter)) : null;
    if (kin) throw kinshipConflict(`${voter!.fullName} (${username})`, kin.relation);
  }
}

/** Completes the current step: reads the confirmed count, applies the vote rule, checks the dossier where required. */
export async function completeStep(
  db: Db,
  library: PolicyLibrary,
  actor: Actor,
  id: string,
  key: string,
  input: CompleteStepBody,
) {
  const body = completeStepBodySchema.parse(input);
  return db.transaction().execute(async (trx) => {
    const row = await loadWritable(trx, actor, id, 'decisions.write');
    openOnly(row.status);
    const { policy, def } = definitionOf(library, row);
    const { steps, step } = await currentStep(trx, id, key);
    const meta = def.steps.find((s) => s.key === key)!;
    if (def.dossierBeforeStep === key) {
      const checks = await blockingChecks(trx, library, row, body.completedOn, actor);
      const blocking = unresolved(checks.verdicts, await repo.listOverrides(trx, [id]));
      if (blocking.length)
        throw new AppError(
          'CONFLICT',
          'Hồ sơ hoặc điều kiện chưa đạt: không thể hoàn thành bước này',
          'The dossier or eligibility is not met: the step cannot be completed',
          blocking.map((v) => ({ path: v.ruleId, message: v.detail.vi, messageEn: v.detail.en })),
        );
    }
    let outcome: ReturnType<typeof stepResult> = { outcome: 'recorded', verdicts: [] };
    if (meta.vote !== 'none') {
      if (!step.vote_session_id)
        throw new AppError('CONFLICT', 'Bước này chưa mở phiếu', 'No vote has been opened for this step');
      const session = await findVoteSession(trx, step.vote_session_id);
      if (!session?.confirmed_count_json)
        throw session?.mode === 'electronic'
          ? new AppError(
              'CONFLICT',
              'Cuộc bỏ phiếu điện tử chưa có kết quả: phải kết thúc bỏ phiếu và ban kiểm phiếu giải mã',
              'The electronic vote has no result yet: voting must end and the trustees decrypt',
            )
          : new AppError(
              'CONFLICT',
              'Chưa có kết quả kiểm phiếu được xác nhận (nhập hai lần khớp nhau)',
              'No confirmed paper count yet (two matching entries)',
            );
      const count = JSON.parse(session.confirmed_count_json) as PaperCount;
      const subjects = await listSubjects(trx, session.id);
      const votes = Object.fromEntries(
        subjects.map((s) => {
          const c = count.subjects.find((x) => x.subjectId === s.id);
          return [s.full_name, c?.agree ?? c?.chosen ?? 0];
        }),
      );
      const expanded = steps.find((s) => s.key === 'expanded' && s.status === 'done');
      outcome = stepResult(policy, def, meta.vote, {
        summoned: Number(step.summoned),
        present: count.collected,
        votes,
        candidate: row.person_name,
        expandedChoice: expanded ? (expanded.head_choice ?? (expanded.outcome === 'passed' ? row.person_name : null)) : null,
      });
      if (outcome.outcome === 'no-quorum')
        throw new AppError(
          'CONFLICT',
          'Không đủ số người tham gia theo quy định: phải tổ chức lại hội nghị',
          'No quorum: the meeting must be held again',
          outcome.verdicts.map((v) => ({ path: v.ruleId, message: v.detail.vi, messageEn: v.detail.en })),
        );
      if (outcome.outcome === 'warned' && !body.acknowledgeWarnings)
        throw new AppError(
          'CONFLICT',
          'Bước này chưa đạt một quy định chưa được xác minh: chỉ là cảnh báo, không dừng quy trình. Hãy xác nhận đã xem cảnh báo để tiếp tục (được ghi vào nhật ký), hoặc hủy quy trình.',
          'This step fell short of an unconfirmed rule: a warning, not a stop. Acknowledge the warning to go on (it is logged), or cancel the process.',
          unconfirmedWarnings(outcome).map((v) => ({
            path: 'acknowledgeWarnings',
            message: v.detail.vi,
            messageEn: v.detail.en,
          })),
        );
      if (outcome.outcome === 'head-decides' && !body.headChoice)
        throw validation(
          'headChoice',
          'kết quả bằng 50%: cần ghi lựa chọn của người đứng đầu',
          'a 50 % tie: record the head’s choice',
        );
    }
    const acknowledged = outcome.outcome === 'warned' ? unconfirmedWarnings(outcome) : [];
    const goesOn = outcomeContinues(outcome.outcome, body.headChoice, body.acknowledgeWarnings);
    await repo.updateStep(trx, step.id, {
      status: goesOn ? 'done' : 'stopped',
      outcome: outcome.outcome,
      verdicts_json: JSON.stringify(outcome.verdicts),
      minutes_ref: body.minutesRef,
      documents_json: JSON.stringify(body.documents),
      head_choice: body.headChoice ?? null,
      completed_on: body.completedOn,
      completed_by: actor.userId,
    });
    const linked = await linkDecisionDocuments(
      trx,
      actor,
      { ownerKind: 'decision_step', ownerId: step.id, processId: id, path: 'documentIds' },
      body.documentIds,
    );
    await repo.updateProcess(trx, id, { last_activity_on: body.completedOn, ...(goesOn ? {} : { status: 'stopped' as const }) });
    await appendAudit(trx, {
      actorId: actor.userId,
      action: !goesOn ? 'decision.step.stop' : acknowledged.length ? 'decision.step.acknowledge' : 'decision.step.complete',
      entity: 'decision_process',
      entityId: id,
      organizationId: row.organization_id,
      after: {
        step: key,
        outcome: outcome.outcome,
        minutesRef: body.minutesRef,
        documents: body.documents,
        registerDocuments: linked.map((d) => ({ id: d.id, number: d.number })),
        headChoice: body.headChoice ?? null,
        ...(acknowledged.length
          ? {
              acknowledgedWarnings: acknowledged.map((v) => ({
                ruleId: v.ruleId,
                citation: v.citation.text,
                detail: v.detail.vi,
              })),
            }
          : {}),
      },
    });
    return { outcome: outcome.outcome, verdicts: outcome.verdicts, continues: goesOn };
  });
}

/** The competent authority's recorded decision lifting one blocking check; never by whoever prepared the dossier. */
export async function recordOverride(db: Db, actor: Actor, id: string, input: OverrideBody): Promise<void> {
  const body = overrideBodySchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const row = await loadWritable(trx, actor, id, 'decisions.approve');
    openOnly(row.status);
    await assertNotPreparer(trx, row, actor);
    if (body.ruleId === 'power.relatives-restriction')
      throw new AppError(
        'CONFLICT',
        'Điều 20 Luật Phòng, chống tham nhũng là quy định cấm của luật: không cấp nào được quyết định vượt qua',
        'Art. 20 of the Anti-Corruption Law is a prohibition of the law: no authority may override it',
      );
    const rec = {
      id: newId(),
      process_id: id,
      rule_id: body.ruleId,
      authority: body.authority,
      decision_ref: body.decisionRef,
      decided_on: body.decidedOn,
      reason: body.reason,
      recorded_by: actor.userId,
      recorded_at: nowIso(),
    };
    await repo.insertOverride(trx, rec);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'decision.override',
      entity: 'decision_process',
      entityId: id,
      organizationId: row.organization_id,
      after: rec,
    });
  });
}

/** Whoever prepared the dossier (started the process or recorded one of its documents) may not approve it. */
async function assertNotPreparer(trx: Trx, row: { id: string; prepared_by: string }, actor: Actor): Promise<void> {
  const preparers = new Set([row.prepared_by, ...(await repo.listDossier(trx, row.id)).map((i) => i.recorded_by)]);
  if (preparers.has(actor.userId)) throw separationOfDuties();
}

const separationOfDuties = () =>
  new AppError(
    'FORBIDDEN',
    'Người chuẩn bị hồ sơ không được phê duyệt hồ sơ đó (tách bạch nhiệm vụ)',
    'Whoever prepared the dossier may not approve it (separation of duties)',
  );

/**
 * The decision and its effect, all in one transaction: the seat's incumbents, the person's work history, the
 * process's state and the audit entries; any failure (a full seat, a blocking check) leaves nothing changed.
 */
export async function decide(db: Db, library: PolicyLibrary, actor: Actor, id: string, input: DecideBody): Promise<void> {
  const body = decideBodySchema.parse(input);
  if (body.effectiveDate < body.decisionDate)
    throw validation('effectiveDate', 'ngày hiệu lực trước ngày quyết định', 'effective before the decision date');
  await db.transaction().execute(async (trx) => {
    const row = await loadWritable(trx, actor, id, 'decisions.approve');
    openOnly(row.status);
    await assertNotPreparer(trx, row, actor);
    const steps = await repo.listSteps(trx, id);
    const pending = steps.filter((s) => s.status !== 'done');
    if (pending.length)
      throw new AppError(
        'CONFLICT',
        'Còn bước chưa hoàn thành',
        'Steps are not complete',
        pending.map((s) => ({ path: s.key, message: s.status, messageEn: s.status })),
      );
    if (body.decisionDate < row.started_on)
      throw validation('decisionDate', 'trước ngày bắt đầu quy trình', 'before the process started');
    // The signer may not be a declared relative.
    const candidate = (await recordOf(trx, row.person_id))!;
    const signer = body.signerPersonId ? await recordOf(trx, body.signerPersonId) : null;
    const kin = kinship(
      kinOfRecord(candidate),
      signer ? kinOfRecord(signer) : { fullName: body.signerName, birthYear: body.signerBirthYear, family: [] },
    );
    if (kin) throw kinshipConflict(body.signerName, kin.relation);
    const overrides = await repo.listOverrides(trx, [id]);
    const checks = await blockingChecks(trx, library, row, body.decisionDate, actor);
    const blocking = unresolved(checks.verdicts, overrides);
    if (blocking.length)
      throw new AppError(
        'CONFLICT',
        'Chưa đủ điều kiện ra quyết định; chỉ cấp có thẩm quyền mới được quyết định vượt qua bằng văn bản',
        'Conditions are not met; only a recorded decision of the competent authority can override',
        blocking.map((v) => ({ path: v.ruleId, message: v.detail.vi, messageEn: v.detail.en })),
      );
    const leftPlans = await applyEffect(trx, row, body, checks, actor);
    await repo.updateProcess(trx, id, {
      status: 'decided',
      decision_number: body.number,
      decision_date: body.decisionDate,
      effective_date: body.effectiveDate,
      signer_name: body.signerName,
      decided_by: actor.userId,
      decided_at: nowIso(),
      last_activity_on: body.decisionDate,
    });
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'decision.decide',
      entity: 'decision_process',
      entityId: id,
      organizationId: row.organization_id,
      after: {
        ...body,
        action: row.action,
        personId: row.person_id,
        positionId: row.position_id,
        overrides: overrides.map((o) => o.rule_id),
        planningCandidaciesEnded: leftPlans,
      },
    });
  });
}

async function applyEffect(
  trx: Trx,
  row: Awaited<ReturnType<typeof loadReadable>>,
  body: ReturnType<typeof decideBodySchema.parse>,
  checks: { record: PersonRecord; reappointedTo: string | null },
  actor: Actor,
) {
  const { record } = checks;
  const on = body.effectiveDate;
  const open = await repo.openIncumbencies(trx, row.person_id, on);
  const seat = (await repo.findSeat(trx, row.position_id))!;
  const reason = `Quyết định số ${body.number} ngày ${body.decisionDate.split('-').reverse().join('/')}`;
  let leftPlans: { id: string; cycleId: string }[] = [];
  if (SEATING_ACTIONS.includes(row.action)) {
    // The attained title leaves the plan, in the same transaction as the seat.
    leftPlans = await repo.leavePlansForTitle(trx, {
      personId: row.person_id,
      titleCode: seat.title_code,
      positionId: seat.id,
      on,
      reason: `Đã được bổ nhiệm: ${reason}`,
    });
    // The post held until now ends where the new one starts (a secondment keeps the home post).
    const ending = row.action === 'secondment' ? open.filter((i) => i.position_id === row.position_id) : open;
    for (const inc of ending) await endIncumbentIn(trx, null, inc.id, on);
    await addIncumbentIn(trx, null, row.position_id, {
      personId: row.person_id,
      personName: row.person_name,
      how: 'appointed',
      from: on,
      decisionRef: body.number,
      // near retirement a reappointment runs to retirement; otherwise the seat's term
      ...(checks.reappointedTo && row.action === 'reappointment' ? { termEnd: checks.reappointedTo } : {}),
    });
    await applyPostChangeIn(
      trx,
      row.person_id,
      {
        closeOn: row.action === 'secondment' ? null : on,
        newPost: {
          from: on,
          to: null,
          organizationId: seat.organization_id,
          organizationName: seat.organization_name,
          titleCode: seat.title_code,
          titleName: seat.title_name,
        },
        reason,
      },
      { by: actor.userId, at: nowIso() },
    );
  } else if (LEAVING_ACTIONS.includes(row.action)) {
    const inSeat = open.filter((i) => i.position_id === row.position_id);
    if (inSeat.length === 0)
      throw new AppError(
        'CONFLICT',
        `${record.fullName} không giữ vị trí này vào ngày hiệu lực`,
        'The person does not hold this seat on the effective date',
      );
    for (const inc of inSeat) await endIncumbentIn(trx, null, inc.id, on);
    await applyPostChangeIn(trx, row.person_id, { closeOn: on, newPost: null, reason }, { by: actor.userId, at: nowIso() });
  }
  // A nomination or a suspension changes no seat: the decision itself is the record.
  return leftPlans;
}

/** Cancels an open process with its reason: the competent authority only, audited, and flagged for the inspector. */
export async function cancelProcess(db: Db, actor: Actor, id: string, input: CancelBody): Promise<void> {
  const body = cancelBodySchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const row = await loadWritable(trx, actor, id, 'decisions.approve');
    openOnly(row.status);
    if (body.cancelledOn < row.started_on)
      throw validation('cancelledOn', 'trước ngày bắt đầu quy trình', 'before the process started');
    const patch = {
      status: 'cancelled' as const,
      cancel_reason: body.reason,
      cancelled_on: body.cancelledOn,
      cancelled_by: actor.userId,
      last_activity_on: body.cancelledOn,
    };
    await repo.updateProcess(trx, id, patch);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'decision.cancel',
      entity: 'decision_process',
      entityId: id,
      organizationId: row.organization_id,
      before: { status: row.status },
      after: patch,
    });
  });
}
