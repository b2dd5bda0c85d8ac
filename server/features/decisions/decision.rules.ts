import type { ActionKind, DossierStatus, ProcessFlag, Source, StepVote } from '../../../contracts/decisions';
import type { PersonRecord } from '../../../contracts/persons';
import type { Verdict } from '../../../contracts/policy';
import { foldVietnamese } from '../../lib/text';
import type { ParamsOf } from '../policy/pack.schema';
import { type ResolvedPolicy, formatDate, ruleIn } from '../policy/policy.library';
import { meets, percentText, thresholdText, verdict } from '../policy/policy.rules';
import { addMonths, monthsBetween } from '../policy/retirement.rules';
import { appointmentBallot } from '../policy/votes.rules';
import type { HolidayCalendar } from './holiday.calendar';

type ProcessParams = ParamsOf<'process'>;
type Threshold = NonNullable<ProcessParams['approval']>;

/** A process as the pack in force on its start date defines it. */
export interface ProcessDefinition {
  ruleId: string;
  citation: string;
  status: 'confirmed' | 'unconfirmed';
  action: ActionKind;
  source: Source;
  steps: ProcessParams['steps'];
  ballotRule: string | null;
  /** The rule whose verdict a yes/no step gives: the process rule itself, or its `approvalRule`. */
  approvalRuleId: string;
  approval: Threshold | null;
  quorum: Threshold | null;
  tie: 'head-decides' | 'escalate';
  policyWorkingDays: number | null;
  processWorkingDays: number;
  noticeDaysBeforeTermEnd: number | null;
  dossierBeforeStep: string | null;
}

/** The process for an action in force under `policy` (its date and track), or null when the packs define none. */
export function processDefinition(policy: ResolvedPolicy, action: ActionKind, source: Source): ProcessDefinition | null {
  const id = action === 'appointment' ? `process.appointment.${source}` : `process.${action}`;
  const rule = ruleIn(policy, id, 'process');
  if (!rule) return null;
  const p = rule.params;
  const ballot = p.ballotRule ? ruleIn(policy, p.ballotRule, 'appointment-ballot') : undefined;
  if (p.ballotRule && !ballot) return null;
  const approvalRule = p.approvalRule ? ruleIn(policy, p.approvalRule, 'threshold') : undefined;
  if (p.approvalRule && !approvalRule) return null;
  const processWorkingDays = p.processWorkingDays ?? ballot?.params.processDays;
  if (processWorkingDays === undefined) return null;
  // Reappointment on the state track: the notice period is the one of the reappointment rule when in force.
  const reappointment = action === 'reappointment' ? ruleIn(policy, 'state.reappointment', 'reappointment') : undefined;
  return {
    ruleId: rule.id,
    citation: rule.citation.text,
    status: rule.status,
    action,
    source,
    steps: p.steps,
    ballotRule: p.ballotRule ?? null,
    approvalRuleId: approvalRule?.id ?? rule.id,
    approval: approvalRule?.params ?? p.approval ?? ballot?.params.chosen ?? null,
    quorum: p.quorum ?? ballot?.params.quorum ?? null,
    tie: p.tie ?? (ballot?.params.tie === 'head-decides' ? 'head-decides' : 'escalate'),
    policyWorkingDays: p.policyWorkingDays ?? ballot?.params.policyWorkingDays ?? null,
    processWorkingDays,
    noticeDaysBeforeTermEnd: reappointment?.params.noticeDays ?? p.noticeDaysBeforeTermEnd ?? null,
    dossierBeforeStep: p.dossierBeforeStep ?? null,
  };
}

/**
 * `warned`: the step fell short only of an unconfirmed rule (a quorum, a threshold whose number is not verified). Such a
 * rule never blocks: the process goes on once the officer acknowledges the warning, which is recorded and audited.
 */
export type StepOutcome = 'recorded' | 'passed' | 'go-on' | 'head-decides' | 'no-quorum' | 'stopped' | 'warned';

export interface StepVoteInput {
  /** Those summoned, after the recused are taken out of the base. */
  summoned: number;
  /** Ballots collected. */
  present: number;
  /** Votes for each name on the ballot (for a yes/no step: the one name). */
  votes: Record<string, number>;
  /** The person the process is about. */
  candidate: string;
  /** The name chosen at the expanded step, when the collective step may switch. */
  expandedChoice?: string | null;
}

export interface StepResult {
  outcome: StepOutcome;
  verdicts: Verdict[];
}

const ballotStepOf: Partial<Record<StepVote, 'expanded' | 'collective' | 'decision'>> = {
  'ballot-expanded': 'expanded',
  'ballot-collective': 'collective',
  'ballot-decision': 'decision',
};

/**
 * The result of one step's vote under the process definition: pure.
 * Candidate ballots (NĐ 170/2025) go through the policy's appointmentBallot; yes/no steps through the
 * process's approval threshold, where an exact tie goes to the head or up, as the rule says.
 */
export function stepResult(policy: ResolvedPolicy, def: ProcessDefinition, vote: StepVote, input: StepVoteInput): StepResult {
  return unconfirmedNeverBlocks(strictStepResult(policy, def, vote, input));
}

/**
 * A stop (or a missing quorum) that no confirmed rule causes, and that an unconfirmed rule does, becomes `warned`:
 * "unconfirmed rules yield warnings, never blocks". A stop with no unconfirmed warning (another name chosen by a
 * confirmed ballot, a confirmed threshold missed) stays a stop.
 */
export function unconfirmedNeverBlocks(r: StepResult): StepResult {
  if (r.outcome !== 'stopped' && r.outcome !== 'no-quorum') return r;
  const confirmedFailure = r.verdicts.some((v) => v.status === 'failed');
  const unconfirmedWarning = r.verdicts.some((v) => v.status === 'warning' && v.ruleUnconfirmed);
  return !confirmedFailure && unconfirmedWarning ? { outcome: 'warned', verdicts: r.verdicts } : r;
}

/** The unconfirmed warnings of a step result (what the officer acknowledges to go on). */
export const unconfirmedWarnings = (r: StepResult): Verdict[] =>
  r.verdicts.filter((v) => v.status === 'warning' && v.ruleUnconfirmed);

function strictStepResult(policy: ResolvedPolicy, def: ProcessDefinition, vote: StepVote, input: StepVoteInput): StepResult {
  if (vote === 'none') return { outcome: 'recorded', verdicts: [] };
  const ballotStep = ballotStepOf[vote];
  if (ballotStep) {
    const b = appointmentBallot(policy, {
      step: ballotStep,
      summoned: input.summoned,
      present: input.present,
      votes: input.votes,
      switchedFrom: ballotStep === 'collective' ? (input.expandedChoice ?? undefined) : undefined,
    });
    switch (b.outcome) {
      case 'no-quorum':
        return { outcome: 'no-quorum', verdicts: b.verdicts };
      case 'chosen':
        return { outcome: b.chosen === input.candidate ? 'passed' : 'stopped', verdicts: b.verdicts };
      case 'go-on':
        return { outcome: b.goOn.includes(input.candidate) ? 'go-on' : 'stopped', verdicts: b.verdicts };
      case 'head-decides':
        return { outcome: b.goOn.includes(input.candidate) ? 'head-decides' : 'stopped', verdicts: b.verdicts };
      case 'stopped':
        return { outcome: 'stopped', verdicts: b.verdicts };
    }
  }
  const rule = ruleIn(policy, def.ruleId, 'process');
  if (!rule) throw new Error(`process rule ${def.ruleId} not in force on ${policy.date}`);
  const verdicts: Verdict[] = [];
  const { summoned, present } = input;
  if (def.quorum) {
    const ok = meets(def.quorum, present, summoned);
    verdicts.push(
      verdict(
        rule,
        ok ? 'passed' : 'failed',
        {
          vi: `${present}/${summoned} người tham gia (${percentText(present, summoned)}); cần ${thresholdText(def.quorum).vi}.`,
          en: `${present} of ${summoned} took part (${percentText(present, summoned)}); ${thresholdText(def.quorum).en} required.`,
        },
        { present, summoned },
      ),
    );
    if (!ok) return { outcome: 'no-quorum', verdicts };
  }
  if (vote === 'opinion') return { outcome: 'recorded', verdicts };
  if (!def.approval) throw new Error(`process rule ${def.ruleId} has a yes/no step but no approval threshold`);
  const approvalRule = def.approvalRuleId === rule.id ? rule : ruleIn(policy, def.approvalRuleId, 'threshold');
  if (!approvalRule) throw new Error(`approval rule ${def.approvalRuleId} not in force on ${policy.date}`);
  const yes = input.votes[input.candidate] ?? 0;
  const over = meets(def.approval, yes, summoned);
  const exactlyHalf = yes * 2 === summoned;
  const need = thresholdText(def.approval);
  if (over) {
    verdicts.push(
      verdict(
        approvalRule,
        'passed',
        {
          vi: `${yes}/${summoned} tán thành (${percentText(yes, summoned)}), ${need.vi}.`,
          en: `${yes} of ${summoned} in favour (${percentText(yes, summoned)}), ${need.en}.`,
        },
        { yes, summoned },
      ),
    );
    return { outcome: 'passed', verdicts };
  }
  if (exactlyHalf && def.tie === 'head-decides') {
    verdicts.push(
      verdict(
        approvalRule,
        'warning',
        {
          vi: `Đạt đúng 50% (${yes}/${summoned}): người đứng đầu quyết định và báo cáo đầy đủ các ý kiến.`,
          en: `Exactly 50 % (${yes} of ${summoned}): the head decides and reports every opinion.`,
        },
        { yes, summoned },
      ),
    );
    return { outcome: 'head-decides', verdicts };
  }
  verdicts.push(
    verdict(
      approvalRule,
      'failed',
      approvalRule.status === 'unconfirmed'
        ? {
            vi: `Chỉ ${yes}/${summoned} tán thành (${percentText(yes, summoned)}); quy trình cần ${need.vi}. Người chủ trì xác nhận đã xem cảnh báo để tiếp tục (ghi nhật ký), hoặc hủy quy trình.`,
            en: `Only ${yes} of ${summoned} in favour (${percentText(yes, summoned)}); the process asks ${need.en}. The officer acknowledges the warning to go on (logged), or cancels the process.`,
          }
        : {
            vi: `Chỉ ${yes}/${summoned} tán thành (${percentText(yes, summoned)}); cần ${need.vi}: dừng quy trình và báo cáo cấp có thẩm quyền.`,
            en: `Only ${yes} of ${summoned} in favour (${percentText(yes, summoned)}); ${need.en} required: the process stops and is reported up.`,
          },
      { yes, summoned },
    ),
  );
  return { outcome: 'stopped', verdicts };
}

/** Whether a step's outcome lets the process go on to the next step. */
export const outcomeContinues = (o: StepOutcome, headChoice: string | undefined, acknowledged = false): boolean =>
  o === 'recorded' ||
  o === 'passed' ||
  o === 'go-on' ||
  (o === 'head-decides' && headChoice !== undefined) ||
  (o === 'warned' && acknowledged);

// ---- Dossier ----

export interface DossierRecord {
  key: string;
  documentDate: string;
  reference: string;
}

/** Each dossier item of the pack on `onDate`: present, and not older than its limit (a document dated later is missing). */
export function dossierStatus(policy: ResolvedPolicy, records: readonly DossierRecord[], onDate: string): DossierStatus[] {
  const rule = ruleIn(policy, 'dossier.personnel', 'dossier');
  if (!rule) return [];
  return rule.params.items.map((item) => {
    const latest = records
      .filter((r) => r.key === item.key && r.documentDate <= onDate)
      .sort((a, b) => b.documentDate.localeCompare(a.documentDate))[0];
    const validUntil = latest && item.maxAgeMonths !== null ? addMonths(latest.documentDate, item.maxAgeMonths) : null;
    const state = !latest ? 'missing' : validUntil !== null && onDate > validUntil ? 'stale' : 'ok';
    return {
      key: item.key,
      label: item.label,
      maxAgeMonths: item.maxAgeMonths,
      documentDate: latest?.documentDate ?? null,
      reference: latest?.reference ?? null,
      state,
      validUntil,
    };
  });
}

/** One verdict per missing or stale item (failed), or a single passed verdict when the dossier is complete. */
export function dossierVerdicts(policy: ResolvedPolicy, status: readonly DossierStatus[]): Verdict[] {
  const rule = ruleIn(policy, 'dossier.personnel', 'dossier');
  if (!rule) return [];
  const bad = status.filter((s) => s.state !== 'ok');
  if (bad.length === 0)
    return [verdict(rule, 'passed', { vi: 'Hồ sơ đầy đủ, còn thời hạn.', en: 'The dossier is complete and current.' })];
  return bad.map((s) =>
    verdict(
      rule,
      'failed',
      s.state === 'missing'
        ? { vi: `Thiếu: ${s.label.vi}.`, en: `Missing: ${s.label.en}.` }
        : {
            vi: `${s.label.vi} ngày ${formatDate(s.documentDate!)} đã quá ${s.maxAgeMonths} tháng (hết hạn ${formatDate(s.validUntil!)}).`,
            en: `${s.label.en} of ${formatDate(s.documentDate!)} is older than ${s.maxAgeMonths} months (expired ${formatDate(s.validUntil!)}).`,
          },
      { key: s.key, documentDate: s.documentDate, maxAgeMonths: s.maxAgeMonths },
    ),
  );
}

// ---- Working days ----

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const nextDay = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Monday to Friday except the days off of the table, plus the weekend days worked in a swap. */
export function isWorkingDay(cal: HolidayCalendar, iso: string): boolean {
  if (cal.workingWeekendDays.has(iso)) return true;
  const w = weekday(iso);
  return w !== 0 && w !== 6 && !cal.daysOff.has(iso);
}

/** The `n`-th working day after `from` (from itself not counted): the last day of a deadline of n working days. */
export function addWorkingDays(cal: HolidayCalendar, from: string, n: number): string {
  let day = from;
  let left = n;
  while (left > 0) {
    day = nextDay(day);
    if (isWorkingDay(cal, day)) left--;
  }
  return day;
}

/** Working days in (from, to]: 0 when to ≤ from. */
export function workingDaysBetween(cal: HolidayCalendar, from: string, to: string): number {
  let n = 0;
  for (let day = nextDay(from); day <= to; day = nextDay(day)) if (isWorkingDay(cal, day)) n++;
  return n;
}

/** Whether the table covers the year with an official schedule (else only the statutory days are known). */
export function calendarCovers(cal: HolidayCalendar, iso: string): 'confirmed' | 'unconfirmed' | 'none' {
  return cal.years.get(Number(iso.slice(0, 4)))?.status ?? 'none';
}

// ---- Flags: deadlines and timing ----

export interface TimingFacts {
  status: 'open' | 'stopped' | 'decided' | 'cancelled';
  startedOn: string;
  firstStepDoneOn: string | null;
  lastActivityOn: string;
  decisionDate: string | null;
  policyDeadline: string | null;
  processDeadline: string;
}

/** Deadline overruns, stalled and unusually fast processes, on `today`. */
export function timingFlags(policy: ResolvedPolicy, cal: HolidayCalendar, f: TimingFacts, today: string): ProcessFlag[] {
  const flags: ProcessFlag[] = [];
  if (f.policyDeadline) {
    const done = f.firstStepDoneOn;
    if ((done && done > f.policyDeadline) || (!done && f.status === 'open' && today > f.policyDeadline))
      flags.push({
        code: 'deadline-policy',
        message: `Quá hạn quyết định chủ trương (hạn ${formatDate(f.policyDeadline)})`,
        messageEn: `Policy decision overdue (due ${formatDate(f.policyDeadline)})`,
      });
  }
  if ((f.decisionDate && f.decisionDate > f.processDeadline) || (f.status === 'open' && today > f.processDeadline))
    flags.push({
      code: 'deadline-process',
      message: `Quá hạn hoàn thành quy trình (hạn ${formatDate(f.processDeadline)})`,
      messageEn: `Process overdue (due ${formatDate(f.processDeadline)})`,
    });
  const timing = ruleIn(policy, 'power.process-timing', 'process-timing');
  if (timing) {
    const idle = workingDaysBetween(cal, f.lastActivityOn, today);
    if (f.status === 'open' && idle > timing.params.stalledIdleWorkingDays)
      flags.push({
        code: 'stalled',
        message: `Không có bước nào trong ${idle} ngày làm việc (ngưỡng ${timing.params.stalledIdleWorkingDays}; ${timing.citation.text})`,
        messageEn: `No step for ${idle} working days (threshold ${timing.params.stalledIdleWorkingDays}; ${timing.citation.text})`,
      });
    if (f.decisionDate) {
      const took = workingDaysBetween(cal, f.startedOn, f.decisionDate);
      if (took < timing.params.fastUnderWorkingDays)
        flags.push({
          code: 'too-fast',
          message: `Hoàn thành trong ${took} ngày làm việc, nhanh bất thường (dưới ${timing.params.fastUnderWorkingDays}; ${timing.citation.text})`,
          messageEn: `Finished in ${took} working days, unusually fast (under ${timing.params.fastUnderWorkingDays}; ${timing.citation.text})`,
        });
    }
  }
  return flags;
}

/** Reappointment: the latest start date, `noticeDays` before the term ends, and whether the start respects it. */
export function reappointmentNotice(
  def: ProcessDefinition,
  termEnd: string | null,
  startedOn: string,
): { latestStart: string; late: boolean } | null {
  if (def.noticeDaysBeforeTermEnd === null || termEnd === null) return null;
  const d = new Date(`${termEnd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - def.noticeDaysBeforeTermEnd);
  const latestStart = d.toISOString().slice(0, 10);
  return { latestStart, late: startedOn > latestStart };
}

/**
 * Reappointment near retirement (NĐ 170/2025 art. 39–40, state track): under `toRetirementUnderMonths` to retirement
 * when the term ends, the new term runs to retirement; under `extendUnderMonths`, the term is extended to retirement.
 * `termEnd` is null when the seat's ordinary term applies (or the rule is not in force, or no term end is known).
 */
export function reappointmentTerm(
  policy: ResolvedPolicy,
  input: { termEnds: string | null; retirementDate: string },
): { path: 'normal' | 'to-retirement' | 'extend-to-retirement'; termEnd: string | null; verdict: Verdict | null } {
  const rule = ruleIn(policy, 'state.reappointment', 'reappointment');
  if (!rule || input.termEnds === null) return { path: 'normal', termEnd: null, verdict: null };
  const p = rule.params;
  const left = monthsBetween(input.termEnds, input.retirementDate);
  const path =
    left < p.extendUnderMonths ? 'extend-to-retirement' : left < p.toRetirementUnderMonths ? 'to-retirement' : 'normal';
  const years = (m: number) => m / 12;
  const detail = {
    normal: {
      vi: `Hết thời hạn ngày ${formatDate(input.termEnds)}, còn ${left} tháng đến tuổi nghỉ hưu (từ ${years(p.toRetirementUnderMonths)} năm trở lên): bổ nhiệm lại theo nhiệm kỳ của vị trí.`,
      en: `The term ends on ${formatDate(input.termEnds)}, ${left} months before retirement (${years(p.toRetirementUnderMonths)} years or more): reappointed for the seat's term.`,
    },
    'to-retirement': {
      vi: `Hết thời hạn ngày ${formatDate(input.termEnds)}, còn ${left} tháng đến tuổi nghỉ hưu (dưới ${years(p.toRetirementUnderMonths)} năm): bổ nhiệm lại đến ngày nghỉ hưu ${formatDate(input.retirementDate)}.`,
      en: `The term ends on ${formatDate(input.termEnds)}, ${left} months before retirement (under ${years(p.toRetirementUnderMonths)} years): reappointed until retirement on ${formatDate(input.retirementDate)}.`,
    },
    'extend-to-retirement': {
      vi: `Hết thời hạn ngày ${formatDate(input.termEnds)}, còn ${left} tháng đến tuổi nghỉ hưu (dưới ${years(p.extendUnderMonths)} năm): kéo dài thời gian giữ chức vụ đến ngày nghỉ hưu ${formatDate(input.retirementDate)}.`,
      en: `The term ends on ${formatDate(input.termEnds)}, ${left} months before retirement (under ${years(p.extendUnderMonths)} years): the post is extended until retirement on ${formatDate(input.retirementDate)}.`,
    },
  }[path];
  return {
    path,
    termEnd: path === 'normal' ? null : input.retirementDate,
    verdict: verdict(rule, 'passed', detail, {
      termEnds: input.termEnds,
      retirementDate: input.retirementDate,
      monthsLeft: left,
      path,
    }),
  };
}

// ---- Kinship (114-QĐ/TW: no steering for family) ----

export interface KinPerson {
  fullName: string;
  birthYear: number | null;
  family: readonly { relation: string; fullName: string; birthYear: number | null }[];
}

/** A 2C record as the kinship check reads it: name, birth year and both family tables. */
export const kinOfRecord = (r: PersonRecord): KinPerson => ({
  fullName: r.fullName,
  birthYear: Number(r.birthDate.slice(0, 4)),
  family: r.family.map((f) => ({ relation: f.relation, fullName: f.fullName, birthYear: f.birthYear })),
});

const sameName = (a: string, b: string) =>
  foldVietnamese(a).replace(/\s+/g, ' ').trim() === foldVietnamese(b).replace(/\s+/g, ' ').trim();
const sameYear = (a: number | null, b: number | null) => a === null || b === null || a === b;

/**
 * The declared relation between a participant and the candidate, read from either family table (the rows hold
 * names and birth years, not record ids): the relation code as declared, or null.
 */
export function kinship(
  candidate: KinPerson,
  participant: KinPerson,
): { relation: string; declaredBy: 'candidate' | 'participant' } | null {
  const inCandidate = candidate.family.find(
    (r) => sameName(r.fullName, participant.fullName) && sameYear(r.birthYear, participant.birthYear),
  );
  if (inCandidate) return { relation: inCandidate.relation, declaredBy: 'candidate' };
  const inParticipant = participant.family.find(
    (r) => sameName(r.fullName, candidate.fullName) && sameYear(r.birthYear, candidate.birthYear),
  );
  if (inParticipant) return { relation: inParticipant.relation, declaredBy: 'participant' };
  return null;
}
