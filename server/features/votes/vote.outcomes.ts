// What a published vote means for each person voted on, for the modules that act on it: planning (removal from
// the plan), evaluation (the low-vote veto), decisions (dismissal). Consequences are raised as tasks once, when the
// result is published; the outcome itself is recomputed from the confirmed count and the rules in force that day.
import type {
  BallotShape,
  PaperCount,
  VoteConsequence,
  VoteConsequenceTask,
  VoteKind,
  VoteOutcome,
  VoteOutcomeConsequence,
} from '../../../contracts/votes';
import type { Db, Trx } from '../../db/database';
import { AppError, forbidden, notFound } from '../../http/errors';
import { newId, nowIso } from '../../lib/ids';
import { type Actor, mayActOn, scopePaths } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import * as orepo from './vote.outcomes.repository';
import { votePolicyAt } from './vote.policy';
import type { VoteSessionWithOrg } from './vote.repository';
import { appointmentConsequences, meets, pct, raisedConsequences, recommendationConsequences } from './vote.rules';
import type { VoteConsequenceTaskRow, VoteSubjectRow } from './vote.table';

export type { OutcomeFilter } from './vote.outcomes.repository';

/**
 * The consequences of a published count, per subject, under the rules in force on the vote's date, once its quorum is
 * reached: a confidence vote's low votes; a planning recommendation below its threshold; an appointment step below its
 * threshold. Committee elections raise none.
 */
export function consequencesOfCount(
  s: { kind: VoteKind; ballot_shape: string; track: 'party' | 'state'; vote_date: string },
  summoned: number,
  count: PaperCount,
): Map<string, VoteOutcomeConsequence[]> {
  const out = new Map<string, VoteOutcomeConsequence[]>();
  const policy = votePolicyAt(s.track, s.vote_date);
  const collected = count.collected;
  if (!policy || !meets(collected, summoned, policy.quorum.params)) return out;
  switch (s.kind) {
    case 'confidence':
      if (s.ballot_shape === 'levels')
        for (const c of count.subjects) out.set(c.subjectId, raisedConsequences(policy, c.low ?? 0, collected, summoned));
      return out;
    case 'planning':
      if (policy.recommendation && (s.ballot_shape === 'agree-disagree' || s.ballot_shape === 'choice'))
        for (const c of count.subjects)
          out.set(c.subjectId, recommendationConsequences(policy.recommendation, c.agree ?? c.chosen ?? 0, summoned, collected));
      return out;
    case 'appointment':
      if (!policy.appointmentStep) return out;
      return appointmentConsequences(policy.appointmentStep, s.ballot_shape as BallotShape, count.subjects, summoned, collected);
    case 'election':
      return out;
  }
}

/** A computation with no user behind it (the demo loader, a test): it reads every subtree. */
export const SYSTEM_READER = Symbol('system reader');
export type OutcomeReader = Actor | typeof SYSTEM_READER;

/** The subtree roots in both sets of roots: a root of one that lies inside a root of the other. */
export function intersectRoots(a: readonly string[], b: readonly string[]): string[] {
  const inside = (x: string, roots: readonly string[]) => roots.some((r) => x.startsWith(r));
  return [...new Set([...a.filter((x) => inside(x, b)), ...b.filter((x) => inside(x, a))])];
}

/**
 * Per published session and person voted on: the counts, the shares and the consequences in force on the vote's date.
 * Scoped here, never by the caller: only sessions of organizations where the reader holds votes.read; a caller's
 * `organizationPaths` can only narrow that further.
 */
export async function listVoteOutcomes(
  db: Db | Trx,
  reader: OutcomeReader,
  filter: orepo.OutcomeFilter = {},
): Promise<VoteOutcome[]> {
  if (reader !== SYSTEM_READER) {
    const scope = scopePaths(reader, 'votes.read');
    const roots = filter.organizationPaths ? intersectRoots(scope, filter.organizationPaths) : scope;
    if (roots.length === 0) return [];
    filter = { ...filter, organizationPaths: roots };
  }
  const rows = await orepo.publishedPersonSubjects(db, filter);
  const out: VoteOutcome[] = [];
  const parsed = new Map<string, { count: PaperCount; consequences: Map<string, VoteOutcomeConsequence[]> }>();
  for (const r of rows) {
    let session = parsed.get(r.session_id);
    if (!session) {
      const count = JSON.parse(r.confirmed_count_json!) as PaperCount;
      session = { count, consequences: consequencesOfCount(r, Number(r.summoned_count), count) };
      parsed.set(r.session_id, session);
    }
    const { count } = session;
    const c = count.subjects.find((x) => x.subjectId === r.subject_id);
    if (!c) continue;
    const consequences = session.consequences.get(r.subject_id) ?? [];
    const summoned = Number(r.summoned_count);
    const collected = count.collected;
    const base = {
      personId: r.person_id!,
      subjectId: r.subject_id,
      sessionId: r.session_id,
      kind: r.kind,
      track: r.track,
      voteDate: r.vote_date,
      organizationId: r.organization_id,
      summoned,
      collected,
    };
    switch (r.ballot_shape) {
      case 'levels': {
        const low = c.low ?? 0;
        out.push({
          ...base,
          counts: { high: c.high ?? 0, medium: c.medium ?? 0, low },
          pctLowOfCollected: pct(low, collected),
          pctLowOfSummoned: pct(low, summoned),
          pctAgreeOfSummoned: null,
          consequences,
        });
        break;
      }
      case 'agree-disagree':
        out.push({
          ...base,
          counts: { agree: c.agree ?? 0, disagree: c.disagree ?? 0 },
          pctLowOfCollected: null,
          pctLowOfSummoned: null,
          pctAgreeOfSummoned: pct(c.agree ?? 0, summoned),
          consequences,
        });
        break;
      case 'choice':
        out.push({
          ...base,
          counts: { chosen: c.chosen ?? 0 },
          pctLowOfCollected: null,
          pctLowOfSummoned: null,
          // for a choice of names: the share of those summoned who chose this person
          pctAgreeOfSummoned: pct(c.chosen ?? 0, summoned),
          consequences,
        });
        break;
    }
  }
  return out;
}

/**
 * Called in the transaction that publishes a result (paper count confirmed, electronic result decrypted): one task per
 * consequence raised for each subject voted on. Returns the tasks; the caller's audit entry names them.
 */
export async function raiseConsequenceTasks(
  trx: Trx,
  row: VoteSessionWithOrg,
  subjects: VoteSubjectRow[],
  count: PaperCount,
): Promise<VoteConsequenceTaskRow[]> {
  const at = nowIso();
  const tasks: VoteConsequenceTaskRow[] = [];
  const raised = consequencesOfCount(row, Number(row.summoned_count), count);
  for (const c of count.subjects) {
    const s = subjects.find((x) => x.id === c.subjectId);
    if (!s || s.exemption_reason) continue;
    for (const k of raised.get(c.subjectId) ?? []) {
      tasks.push({
        id: newId(),
        session_id: row.id,
        subject_id: s.id,
        person_id: s.person_id,
        organization_id: row.organization_id,
        rule_id: k.ruleId,
        citation: k.citation,
        consequence: k.consequence,
        detail_vi: k.detail.vi.slice(0, 1000),
        detail_en: k.detail.en.slice(0, 1000),
        status: 'open',
        raised_at: at,
        handled_by: null,
        handled_at: null,
        handled_ref: null,
      });
    }
  }
  await orepo.insertConsequenceTasks(trx, tasks);
  return tasks;
}

function toTask(r: orepo.ConsequenceTaskWithSession): VoteConsequenceTask {
  return {
    id: r.id,
    sessionId: r.session_id,
    sessionTitle: r.session_title,
    voteDate: r.vote_date,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    subjectId: r.subject_id,
    personId: r.person_id,
    fullName: r.full_name,
    titleText: r.title_text,
    ruleId: r.rule_id,
    citation: r.citation,
    consequence: r.consequence,
    detail: { vi: r.detail_vi, en: r.detail_en },
    status: r.status,
    raisedAt: r.raised_at,
    handledBy: r.handled_by,
    handledAt: r.handled_at,
    handledRef: r.handled_ref,
  };
}

export async function listConsequenceTasks(
  db: Db,
  actor: Actor,
  q: {
    status?: 'open' | 'handled';
    consequence?: VoteConsequence;
    personId?: string;
    sessionId?: string;
    limit: number;
    offset: number;
  },
): Promise<{ items: VoteConsequenceTask[]; total: number }> {
  const { rows, total } = await orepo.listConsequenceTasks(db, { scopePaths: scopePaths(actor, 'votes.read'), ...q });
  return { items: rows.map(toTask), total };
}

/**
 * Marks a consequence handled by the act that answers it (`ref`, e.g. "decision:<process id>"), inside the caller's
 * transaction so that the act and the mark commit together.
 */
export async function markVoteConsequenceHandled(trx: Trx, id: string, actor: Actor, ref: string): Promise<VoteConsequenceTask> {
  const row = await orepo.findConsequenceTask(trx, id);
  if (!row || !mayActOn(actor, 'votes.read', row.organization_path)) throw notFound('hệ quả lấy phiếu', 'Vote consequence');
  if (!mayActOn(actor, 'votes.consequences.handle', row.organization_path)) throw forbidden();
  if (row.status === 'handled')
    throw new AppError(
      'CONFLICT',
      `Hệ quả này đã được xử lý (${row.handled_ref ?? ''})`,
      `Already handled (${row.handled_ref ?? ''})`,
    );
  const set = { handled_by: actor.userId, handled_at: nowIso(), handled_ref: ref };
  await orepo.setConsequenceHandled(trx, id, set);
  await appendAudit(trx, {
    actorId: actor.userId,
    action: 'vote.consequence.handled',
    entity: 'vote_consequence_task',
    entityId: id,
    organizationId: row.organization_id,
    before: { status: row.status },
    after: { status: 'handled', ...set },
  });
  return toTask({ ...row, ...set, status: 'handled' });
}

/** The same, in its own transaction (the HTTP route). */
export async function handleConsequence(db: Db, actor: Actor, id: string, ref: string): Promise<VoteConsequenceTask> {
  return db.transaction().execute((trx) => markVoteConsequenceHandled(trx, id, actor, ref));
}
