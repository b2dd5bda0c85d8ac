import type { ProcessDetail, ProcessFlag, ProcessSummary } from '../../../contracts/decisions';
import type { PersonRecord } from '../../../contracts/persons';
import type { ConfidenceVoteFact, Verdict } from '../../../contracts/policy';
import type { Db, Trx } from '../../db/database';
import { notFound } from '../../http/errors';
import { todayIso } from '../../lib/ids';
import { type Actor, mayActOn, scopePaths } from '../access/access.rules';
import { parseRecord } from '../persons/person.mapper';
import { findPerson } from '../persons/person.repository';
import { evaluateEligibility, lowVoteVerdicts } from '../policy/eligibility.rules';
import { confidenceVoteFacts } from '../policy/eligibility.batch';
import type { OutcomeReader } from '../votes/vote.outcomes';
import { circumstanceOptions, groundsRuleId, groundsVerdicts, postponementVerdicts } from './decision.grounds.rules';
import { rotationVerdicts } from '../policy/personnel.rules';
import { retirementDate } from '../policy/retirement.rules';
import { type PolicyLibrary, type ResolvedPolicy, formatDate, policyAt } from '../policy/policy.library';
import { SEATING_ACTIONS } from '../../../contracts/decisions';
import { FAMILY_RELATIONS } from '../../../contracts/person-catalogs';
import { documentsOfProcess } from '../documents/document.service';
import { ratingsHistory } from '../evaluations/evaluation.history';
import { holidayCalendar } from './holiday.calendar';
import { type ExceptionCount, exceptionCounts, relativesPlacement } from './decision.power.rules';
import { MANAGING_AUTHORITY_LABELS } from '../../../contracts/titles';
import { type RatingFact, eligibilityFactsOf } from './decision.facts';
import {
  type KinPerson,
  type ProcessDefinition,
  kinOfRecord,
  dossierStatus,
  dossierVerdicts,
  processDefinition,
  reappointmentNotice,
  reappointmentTerm,
  timingFlags,
} from './decision.rules';
import * as repo from './decision.repository';
import type { DecisionOverrideRow, DecisionRecusalRow, DecisionStepRow } from './decision.table';

export const processNotFound = () => notFound('quy trình nhân sự', 'Personnel process');

/** The policy and process definition a process runs under: the pack in force on its start date. */
export function definitionOf(
  library: PolicyLibrary,
  row: repo.ProcessWithNames,
): { policy: ResolvedPolicy; def: ProcessDefinition } {
  const policy = policyAt(library, row.started_on, row.track, { approvedLocalPackIds: localPacksOf(row) });
  const def = processDefinition(policy, row.action, row.source);
  if (!def) throw new Error(`process ${row.id}: no definition ${row.rule_id} on ${row.started_on}`);
  return { policy, def };
}

/** The approved local packs recorded when the process started. */
export const localPacksOf = (row: Pick<repo.ProcessWithNames, 'local_pack_ids_json'>): string[] =>
  JSON.parse(row.local_pack_ids_json) as string[];

export async function loadReadable(db: Db | Trx, actor: Actor, id: string): Promise<repo.ProcessWithNames> {
  const row = await repo.findProcess(db, id);
  if (!row || !mayActOn(actor, 'decisions.read', row.organization_path)) throw processNotFound();
  return row;
}

/**
 * The checks that can block: eligibility (appointment-like actions) and the dossier, on `onDate` under the
 * policy in force then. A failed verdict blocks unless the competent authority's override names its rule.
 */
export async function blockingChecks(
  db: Db | Trx,
  library: PolicyLibrary,
  row: repo.ProcessWithNames,
  onDate: string,
  /** whose view of the published confidence votes the checks read (the acting user) */
  reader: OutcomeReader,
): Promise<{
  verdicts: Verdict[];
  dossier: ReturnType<typeof dossierStatus>;
  record: PersonRecord;
  /** a reappointment near retirement: the new term's end (retirement), else null (the seat's term) */
  reappointedTo: string | null;
}> {
  const policy = policyAt(library, onDate, row.track, { approvedLocalPackIds: localPacksOf(row) });
  const person = await findPerson(db, row.person_id);
  if (!person) throw processNotFound();
  const record = parseRecord(person.data_json);
  const items = await repo.listDossier(db, row.id);
  const dossier = dossierStatus(
    policy,
    items.map((i) => ({ key: i.key, documentDate: i.document_date, reference: i.reference })),
    onDate,
  );
  // The dossier binds the processes whose definition asks for it (appointment-like actions), not a suspension.
  const verdicts = definitionOf(library, row).def.dossierBeforeStep ? [...dossierVerdicts(policy, dossier)] : [];
  const votes = (await confidenceVoteFacts(db, reader, { personIds: [row.person_id], onDate })).get(row.person_id) ?? [];
  const circumstances = (await repo.listCircumstances(db, row.id)).map((c) => ({
    key: c.key,
    fromDate: c.from_date,
    toDate: c.to_date,
    reference: c.reference,
  }));
  if (row.action === 'appointment' || row.action === 'nomination') {
    const seat = await repo.findSeat(db, row.position_id);
    const current = (await repo.openIncumbencies(db, row.person_id, onDate)).filter((i) => i.position_id !== row.position_id);
    const best = current.sort((a, b) => Number(a.rank_order) - Number(b.rank_order))[0];
    const facts = eligibilityFactsOf({
      record,
      current: best ? { rankOrder: Number(best.rank_order), since: best.from_date } : null,
      target: { rankOrder: Number(seat!.rank_order), titleName: seat!.title_name },
      inPlan: row.in_plan === 1,
      ratings: await ratingsOf(db, row, onDate),
      politicalStandardConcluded: dossier.some((d) => d.key === 'political-standard' && d.state === 'ok'),
      confidenceVotes: votes,
    });
    verdicts.push(...evaluateEligibility(facts, policy).verdicts);
  }
  const held = (await repo.openIncumbencies(db, row.person_id, onDate)).find((i) => i.position_id === row.position_id);
  if (groundsRuleId(row.action))
    verdicts.push(
      ...groundsVerdicts(
        policy,
        row.action,
        {
          claimed: circumstances,
          votes,
          ratings: await ratingsOf(db, row, onDate),
          disciplines: record.discipline.map((d) => ({ level: d.level, date: d.date })),
          inSeatSince: held?.from_date ?? null,
        },
        onDate,
      ),
    );
  if (row.action === 'rotation') {
    // 65-QĐ/TW: years of service left and a recent health certificate (the dossier's).
    const health = dossier.find((d) => d.key === 'health-certificate')?.documentDate ?? null;
    verdicts.push(...rotationVerdicts(policy, { sex: record.sex, birth: record.birthDate, healthCertificateDate: health }));
  }
  let reappointedTo: string | null = null;
  if (row.action === 'reappointment') {
    const term = reappointmentTerm(policy, {
      termEnds: held?.term_end ?? null,
      retirementDate: retirementDate({ sex: record.sex, birth: record.birthDate }, policy).retirementDate,
    });
    if (term.verdict) verdicts.push(term.verdict);
    reappointedTo = term.termEnd;
    // NĐ 170/2025 art. 40: postponed while a case lasts; the latest published vote (an unconfirmed rule: a warning).
    verdicts.push(...postponementVerdicts(policy, circumstances, onDate));
    verdicts.push(...reappointmentLowVote(policy, votes));
  }
  if (SEATING_ACTIONS.includes(row.action)) verdicts.push(...(await placementVerdicts(db, policy, row, record, onDate)));
  return { verdicts, dossier, record, reappointedTo };
}

/**
 * Anti-Corruption Law 2018 art. 20 for placing the person in the process's seat on `onDate`, both directions: a
 * sensitive seat beside a related head or deputy, and a head or deputy seat beside a related holder of a sensitive one.
 */
export async function placementVerdicts(
  db: Db | Trx,
  policy: ResolvedPolicy,
  row: Pick<repo.ProcessWithNames, 'position_id' | 'person_id'>,
  record: PersonRecord,
  onDate: string,
): Promise<Verdict[]> {
  const seat = await repo.findSeat(db, row.position_id, onDate);
  if (!seat) return [];
  const role = repo.seatRole(seat);
  if (!seat.post_category && !role) return [];
  const kinOfPerson = async (personId: string, fullName: string): Promise<KinPerson> => {
    const p = await findPerson(db, personId);
    return p ? kinOfRecord(parseRecord(p.data_json)) : { fullName, birthYear: null, family: [] };
  };
  const leaders = [];
  if (seat.post_category)
    for (const l of await repo.unitLeaders(db, seat.organization_id, onDate)) {
      if (l.personId === row.person_id) continue;
      leaders.push({ role: l.role, titleName: l.titleName, person: await kinOfPerson(l.personId, l.personName) });
    }
  const holders = [];
  if (role)
    for (const h of await repo.sensitiveHolders(db, seat.organization_id, onDate)) {
      if (h.person_id === row.person_id || !h.post_category) continue;
      holders.push({
        postCategory: h.post_category,
        titleName: h.title_name,
        person: await kinOfPerson(h.person_id, h.person_name),
      });
    }
  return relativesPlacement(policy, {
    postCategory: seat.post_category,
    candidate: kinOfRecord(record),
    leaders,
    target: role ? { role, titleName: seat.title_name } : null,
    sensitiveHolders: holders,
  });
}

/** The ratings declared at the start, else the decided annual ratings of the evaluation records (last 3 years). */
async function ratingsOf(db: Db | Trx, row: repo.ProcessWithNames, onDate: string): Promise<RatingFact[]> {
  const declared = JSON.parse(row.ratings_json) as RatingFact[];
  if (declared.length) return declared;
  const history = await ratingsHistory(db, [row.person_id], Number(onDate.slice(0, 4)) - 1);
  return history.get(row.person_id) ?? [];
}

/** The reappointment's low-vote rule alone (the other title standards do not apply to the seat one holds). */
function reappointmentLowVote(policy: ResolvedPolicy, votes: ConfidenceVoteFact[]): Verdict[] {
  return lowVoteVerdicts({ person: { confidenceVotes: votes }, purpose: 'reappointment' }, policy);
}

/** Failed verdicts no recorded override covers. */
export function unresolved(verdicts: readonly Verdict[], overrides: readonly { rule_id: string }[]): Verdict[] {
  const overridden = new Set(overrides.map((o) => o.rule_id));
  return verdicts.filter((v) => v.status === 'failed' && !overridden.has(v.ruleId));
}

const relationText = (code: string) => FAMILY_RELATIONS[code as keyof typeof FAMILY_RELATIONS] ?? { vi: code, en: code };

function flagsOf(
  library: PolicyLibrary,
  row: repo.ProcessWithNames,
  steps: DecisionStepRow[],
  recusals: DecisionRecusalRow[],
  overrides: DecisionOverrideRow[],
  termEnd: string | null,
  frequent?: Map<string, { vi: string; en: string }>,
): ProcessFlag[] {
  const { policy, def } = definitionOf(library, row);
  const flags = timingFlags(
    policy,
    holidayCalendar(),
    {
      status: row.status,
      startedOn: row.started_on,
      firstStepDoneOn: steps.find((s) => s.ordinal === 1)?.completed_on ?? null,
      lastActivityOn: row.last_activity_on,
      decisionDate: row.decision_date,
      policyDeadline: row.policy_deadline,
      processDeadline: row.process_deadline,
    },
    todayIso(),
  );
  const notice = row.action === 'reappointment' ? reappointmentNotice(def, termEnd, row.started_on) : null;
  if (notice?.late)
    flags.push({
      code: 'deadline-policy',
      message: `Bắt đầu bổ nhiệm lại muộn: phải bắt đầu chậm nhất ngày ${notice.latestStart.split('-').reverse().join('/')} (${def.noticeDaysBeforeTermEnd} ngày trước khi hết thời hạn)`,
      messageEn: `Reappointment started late: due by ${notice.latestStart} (${def.noticeDaysBeforeTermEnd} days before the term ends)`,
    });
  for (const r of recusals.filter((x) => x.relation))
    flags.push({
      code: 'kinship-recusal',
      message: `${r.full_name} là người thân (${relationText(r.relation!).vi.toLowerCase()}) của người được xem xét: đã tránh tham gia`,
      messageEn: `${r.full_name} is a relative (${relationText(r.relation!).en.toLowerCase()}) of the person: recused`,
    });
  for (const o of overrides)
    flags.push({
      code: 'override',
      message: `Vượt kiểm tra ${o.rule_id} theo ${o.decision_ref} của ${o.authority}`,
      messageEn: `Check ${o.rule_id} overridden by ${o.decision_ref} of ${o.authority}`,
    });
  if (row.in_plan === 0 && (row.action === 'appointment' || row.action === 'nomination'))
    flags.push({
      code: 'outside-plan',
      message: 'Bổ nhiệm, giới thiệu người ngoài quy hoạch',
      messageEn: 'Appointment or nomination outside the plan',
    });
  for (const v of (JSON.parse(row.start_verdicts_json) as Verdict[]).filter((x) => x.status !== 'passed'))
    flags.push({ code: 'head-near-end', message: v.detail.vi, messageEn: v.detail.en });
  if (frequent?.has(row.id))
    flags.push({
      code: 'exceptions-frequent',
      message: `Cấp có thẩm quyền có nhiều ngoại lệ trong năm: ${frequent.get(row.id)!.vi}`,
      messageEn: `The authority made many exceptions that year: ${frequent.get(row.id)!.en}`,
    });
  if (row.status === 'cancelled')
    flags.push({
      code: 'cancelled',
      message: `Đã hủy ngày ${formatDate(row.cancelled_on ?? '')}: ${row.cancel_reason ?? ''}`,
      messageEn: `Cancelled on ${formatDate(row.cancelled_on ?? '')}: ${row.cancel_reason ?? ''}`,
    });
  return flags;
}

async function termEndOf(db: Db, row: repo.ProcessWithNames): Promise<string | null> {
  if (row.action !== 'reappointment') return null;
  const open = await repo.openIncumbencies(db, row.person_id, row.started_on);
  return open.find((i) => i.position_id === row.position_id)?.term_end ?? null;
}

function toSummary(
  row: repo.ProcessWithNames,
  steps: DecisionStepRow[],
  def: ProcessDefinition,
  flags: ProcessFlag[],
): ProcessSummary {
  const current = steps.find((s) => s.status === 'pending');
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    action: row.action,
    source: row.source,
    track: row.track,
    personId: row.person_id,
    personName: row.person_name,
    positionId: row.position_id,
    positionName: row.position_name,
    status: row.status,
    startedOn: row.started_on,
    currentStep:
      row.status === 'open' && current ? (def.steps.find((s) => s.key === current.key)?.label.vi ?? current.key) : null,
    policyDeadline: row.policy_deadline,
    processDeadline: row.process_deadline,
    flags,
  };
}

export async function listProcesses(
  db: Db,
  library: PolicyLibrary,
  actor: Actor,
  q: { status?: ProcessSummary['status']; flagged?: 'true' | 'false'; limit: number; offset: number },
) {
  const roots = scopePaths(actor, 'decisions.read');
  const { rows, total } = q.flagged
    ? await (async () => {
        const all = await repo.listAllInScope(db, roots, 5000);
        return { rows: q.status ? all.filter((r) => r.status === q.status) : all, total: -1 };
      })()
    : await repo.listProcesses(db, { scopePaths: roots, status: q.status, limit: q.limit, offset: q.offset });
  const ids = rows.map((r) => r.id);
  const [steps, recusals, overrides] = await Promise.all([
    repo.listStepsOf(db, ids),
    repo.listRecusals(db, ids),
    repo.listOverrides(db, ids),
  ]);
  const { frequent } = await exceptionReportIn(db, library, roots);
  const items: ProcessSummary[] = [];
  for (const row of rows) {
    const own = steps.filter((s) => s.process_id === row.id);
    const flags = flagsOf(
      library,
      row,
      own,
      recusals.filter((r) => r.process_id === row.id),
      overrides.filter((o) => o.process_id === row.id),
      await termEndOf(db, row),
      frequent,
    );
    items.push(toSummary(row, own, definitionOf(library, row).def, flags));
  }
  if (!q.flagged) return { items, total };
  const wanted = items.filter((i) => (q.flagged === 'true' ? i.flags.length > 0 : i.flags.length === 0));
  return { items: wanted.slice(q.offset, q.offset + q.limit), total: wanted.length };
}

/** The register entries the process relies on (links by id), each with the step or dossier paper holding it. */
async function registerDocumentsOf(db: Db, actor: Actor, id: string, steps: { id: string; key: string }[]) {
  const [links, dossier] = await Promise.all([documentsOfProcess(db, actor, id), repo.listDossier(db, id)]);
  return links.map(({ ownerKind, ownerId, ...doc }) => ({
    ...doc,
    via: ownerKind === 'decision_step' ? ('step' as const) : ('dossier' as const),
    stepKey: ownerKind === 'decision_step' ? (steps.find((s) => s.id === ownerId)?.key ?? null) : null,
    dossierKey: ownerKind === 'decision_dossier' ? (dossier.find((d) => d.id === ownerId)?.key ?? null) : null,
  }));
}

export async function getProcess(db: Db, library: PolicyLibrary, actor: Actor, id: string): Promise<ProcessDetail> {
  const row = await loadReadable(db, actor, id);
  const { def } = definitionOf(library, row);
  const [steps, recusals, overrides] = await Promise.all([
    repo.listSteps(db, id),
    repo.listRecusals(db, [id]),
    repo.listOverrides(db, [id]),
  ]);
  const onDate = row.decision_date ?? todayIso();
  const checks = await blockingChecks(db, library, row, onDate, actor);
  const options = circumstanceOptions(
    policyAt(library, onDate, row.track, { approvedLocalPackIds: localPacksOf(row) }),
    row.action,
  );
  const { frequent } = await exceptionReportIn(db, library, scopePaths(actor, 'decisions.read'));
  const flags = flagsOf(library, row, steps, recusals, overrides, await termEndOf(db, row), frequent);
  return {
    ...toSummary(row, steps, def, flags),
    ruleId: def.ruleId,
    citation: def.citation,
    inPlan: row.in_plan === 1,
    ratings: JSON.parse(row.ratings_json) as RatingFact[],
    preparedBy: row.prepared_by,
    startVerdicts: JSON.parse(row.start_verdicts_json) as Verdict[],
    localPackIds: localPacksOf(row),
    cancellation:
      row.status === 'cancelled' && row.cancel_reason && row.cancelled_on && row.cancelled_by
        ? { reason: row.cancel_reason, cancelledOn: row.cancelled_on, cancelledBy: row.cancelled_by }
        : null,
    steps: steps.map((s) => {
      const meta = def.steps.find((d) => d.key === s.key)!;
      return {
        ordinal: Number(s.ordinal),
        key: s.key,
        label: meta.label,
        voterGroup: meta.voterGroup,
        vote: meta.vote,
        announced: meta.announced,
        status: s.status,
        voteSessionId: s.vote_session_id,
        voteMode: s.vote_mode,
        voteStatus: s.vote_status,
        summoned: s.summoned === null ? null : Number(s.summoned),
        outcome: s.outcome,
        verdicts: JSON.parse(s.verdicts_json) as Verdict[],
        minutesRef: s.minutes_ref,
        documents: JSON.parse(s.documents_json) as string[],
        completedOn: s.completed_on,
        completedBy: s.completed_by,
      };
    }),
    dossier: checks.dossier,
    registerDocuments: await registerDocumentsOf(db, actor, id, steps),
    eligibility: checks.verdicts,
    circumstances: (await repo.listCircumstances(db, id)).map((c) => ({
      id: c.id,
      key: c.key,
      label: options.find((o) => o.key === c.key)?.label ?? { vi: c.key, en: c.key },
      fromDate: c.from_date,
      toDate: c.to_date,
      reference: c.reference,
      note: c.note,
      recordedAt: c.recorded_at,
    })),
    circumstanceOptions: options,
    recusals: recusals.map((r) => ({
      id: r.id,
      role: r.role,
      stepKey: r.step_key,
      fullName: r.full_name,
      relation: r.relation,
      reason: r.reason,
      recordedAt: r.recorded_at,
    })),
    overrides: overrides.map((o) => ({
      id: o.id,
      ruleId: o.rule_id,
      authority: o.authority,
      decisionRef: o.decision_ref,
      decidedOn: o.decided_on,
      reason: o.reason,
      recordedBy: o.recorded_by,
    })),
    decision:
      row.decision_number && row.decision_date && row.effective_date && row.signer_name && row.decided_by
        ? {
            number: row.decision_number,
            decisionDate: row.decision_date,
            effectiveDate: row.effective_date,
            signerName: row.signer_name,
            decidedBy: row.decided_by,
          }
        : null,
  };
}

/**
 * Overrides and outside-the-plan appointments or nominations in the subtrees, counted per competent authority (the
 * managing authority of the seat's title, in the province) and year, under the policy in force today; `frequent`
 * maps each process of a group over the maximum to the group's verdict text.
 */
export async function exceptionReportIn(
  db: Db,
  library: PolicyLibrary,
  roots: string[],
): Promise<{ items: ExceptionCount[]; frequent: Map<string, { vi: string; en: string }> }> {
  const facts = await repo.exceptionFacts(db, roots);
  const items = exceptionCounts(
    policyAt(library, todayIso(), 'state'),
    facts.map((f) => ({
      authority: `${MANAGING_AUTHORITY_LABELS[f.managingAuthority].vi} — ${f.root}`,
      year: Number(f.onDate.slice(0, 4)),
      kind: f.kind,
      processId: f.processId,
    })),
  );
  const frequent = new Map<string, { vi: string; en: string }>();
  for (const g of items)
    if (g.verdict && g.verdict.status !== 'passed') for (const id of g.processIds) frequent.set(id, g.verdict.detail);
  return { items, frequent };
}
