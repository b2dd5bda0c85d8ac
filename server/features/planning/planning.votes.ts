import type { Db, Trx } from '../../db/database';
import type { Actor } from '../access/access.rules';
import { listVoteOutcomes } from '../votes/vote.outcomes';

export interface LowVote {
  voteDate: string;
  pctLowOfCollected: number;
  ruleId: string;
  citation: string;
}

/** The consequences of a confidence vote that take a person out of planning for higher posts (> 1/2 low). */
const OUT_OF_PLANNING = new Set(['out-of-planning-higher', 'dismissal-procedure']);

/**
 * Published confidence votes of the twelve months up to `on` whose consequences (as "Confidence votes" judged them
 * by the rules of the vote's date) take the person out of planning, newest first, per person.
 */
export async function lowConfidenceOf(
  db: Db | Trx,
  actor: Actor,
  personIds: readonly string[],
  on: string,
  organizationPaths: readonly string[],
): Promise<Map<string, LowVote[]>> {
  const out = new Map<string, LowVote[]>();
  const from = `${Number(on.slice(0, 4)) - 1}${on.slice(4)}`;
  const outcomes = await listVoteOutcomes(db, actor, { personIds, organizationPaths, from, to: on, kinds: ['confidence'] });
  for (const o of [...outcomes].reverse()) {
    const c = o.consequences.find((x) => OUT_OF_PLANNING.has(x.consequence));
    if (!c) continue;
    const v = { voteDate: o.voteDate, pctLowOfCollected: o.pctLowOfCollected ?? 0, ruleId: c.ruleId, citation: c.citation };
    (out.get(o.personId) ?? out.set(o.personId, []).get(o.personId)!).push(v);
  }
  return out;
}
