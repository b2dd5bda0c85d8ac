import type { EvaluationFacts } from '../../../contracts/evaluations';
import type { Trx } from '../../db/database';
import type { Actor } from '../access/access.rules';
import { SYSTEM_READER, listVoteOutcomes } from '../votes/vote.outcomes';

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * The low votes of a person in the year's confidence vote, as the low-vote veto reads them: the latest published
 * confidence session of that year naming him (three-level ballot), low votes over ballots collected (the pack's base).
 * Null when no such session was published that year. Without an actor (a system call) every subtree is read.
 */
export async function lowVotesInYear(
  trx: Trx,
  actor: Actor | null,
  personId: string,
  year: number,
): Promise<EvaluationFacts['lowVotes']> {
  const outcomes = await listVoteOutcomes(trx, actor ?? SYSTEM_READER, {
    personIds: [personId],
    kinds: ['confidence'],
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  const latest = outcomes
    .filter((o) => 'low' in o.counts && o.collected > 0)
    .sort((a, b) => b.voteDate.localeCompare(a.voteDate) || b.sessionId.localeCompare(a.sessionId))[0];
  if (!latest || !('low' in latest.counts)) return null;
  return {
    low: latest.counts.low,
    ballots: latest.collected,
    sessionRef: `Lấy phiếu tín nhiệm ngày ${ddmmyyyy(latest.voteDate)}`,
    sessionId: latest.sessionId,
    voteDate: latest.voteDate,
  };
}
