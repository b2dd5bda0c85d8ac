import type { Inspection, Trail } from '../../../contracts/decisions';
import type { PaperCount } from '../../../contracts/votes';
import type { Db } from '../../db/database';
import { type Actor, scopePaths } from '../access/access.rules';
import { verifyAuditChain } from '../audit/audit.service';
import type { PolicyLibrary } from '../policy/policy.library';
import { listConsequenceTasks } from '../votes/vote.outcomes';
import { findVoteSession, listSubjects } from '../votes/vote.repository';
import { exceptionReportIn, getProcess, listProcesses } from './decision.read';
import * as repo from './decision.repository';

const FLAGGED_MAX = 200;
/** Votes for a name: agreed on an agree/disagree ballot, chosen on a candidate ballot. */
const inFavourOf = (c: PaperCount['subjects'][number] | undefined): number => c?.agree ?? c?.chosen ?? 0;

/** Read-only: every flagged process in scope (most recent first), the exception counts and the chain's verification. */
export async function inspection(db: Db, library: PolicyLibrary, actor: Actor): Promise<Inspection> {
  const roots = scopePaths(actor, 'decisions.read');
  const [flagged, report, chain] = await Promise.all([
    listProcesses(db, library, actor, { flagged: 'true', limit: FLAGGED_MAX, offset: 0 }),
    exceptionReportIn(db, library, roots),
    verifyAuditChain(db),
  ]);
  return { flagged: flagged.items, exceptions: report.items, chain };
}

export async function exceptionReport(db: Db, library: PolicyLibrary, actor: Actor) {
  return { items: (await exceptionReportIn(db, library, scopePaths(actor, 'decisions.read'))).items };
}

/** The full trail of one process: what the process page shows, each step's vote and count, its audit entries. */
export async function trail(db: Db, library: PolicyLibrary, actor: Actor, id: string): Promise<Trail> {
  const process = await getProcess(db, library, actor, id);
  const votes: Trail['votes'] = [];
  for (const s of process.steps) {
    if (!s.voteSessionId) continue;
    const session = await findVoteSession(db, s.voteSessionId);
    if (!session) continue;
    const count = session.confirmed_count_json ? (JSON.parse(session.confirmed_count_json) as PaperCount) : null;
    const subjects = await listSubjects(db, session.id);
    votes.push({
      stepKey: s.key,
      sessionId: session.id,
      mode: session.mode,
      status: session.status,
      summoned: Number(session.summoned_count),
      collected: count ? count.collected : null,
      subjects: subjects.map((sub) => ({
        fullName: sub.full_name,
        inFavour: count ? inFavourOf(count.subjects.find((c) => c.subjectId === sub.id)) : null,
      })),
    });
  }
  const entries = await repo.auditTrail(
    db,
    id,
    votes.map((v) => v.sessionId),
  );
  return {
    process,
    votes,
    audit: entries.map((e) => ({
      seq: Number(e.seq),
      at: e.at,
      actorName: e.actor_name,
      action: e.action,
      entity: e.entity,
      hash: e.hash,
    })),
    chain: await verifyAuditChain(db),
  };
}

/** Open vote consequences that call for a dismissal procedure, in scope: the processes still to start. */
export async function toStart(db: Db, actor: Actor) {
  return listConsequenceTasks(db, actor, { status: 'open', consequence: 'dismissal-procedure', limit: 200, offset: 0 });
}
