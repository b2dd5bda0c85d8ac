import type { Db, Trx } from '../../db/database';
import { type ResolvedPolicy, ruleIn } from '../policy/policy.library';
import { meets, percentText } from '../policy/policy.rules';
import { confidenceCountsOf } from './planning.work.repository';

export interface LowVote {
  voteDate: string;
  pctLowOfCollected: number;
  ruleId: string;
  citation: string;
}

/**
 * Confidence votes of the year up to `on` in which a person's low share passed the lower line of
 * vote.low-out-of-planning (> 1/2 of ballots collected), newest first, per person.
 */
export async function lowConfidenceOf(
  db: Db | Trx,
  personIds: readonly string[],
  on: string,
  policy: ResolvedPolicy,
): Promise<Map<string, LowVote[]>> {
  const out = new Map<string, LowVote[]>();
  const band = ruleIn(policy, 'vote.low-out-of-planning', 'band');
  if (!band) return out;
  const from = `${Number(on.slice(0, 4)) - 1}${on.slice(4)}`;
  for (const c of await confidenceCountsOf(db, personIds, from, on)) {
    if (!meets(band.params.lower, c.low, c.collected)) continue;
    const v = {
      voteDate: c.voteDate,
      pctLowOfCollected: Number(percentText(c.low, c.collected).replace('%', '')),
      ruleId: band.id,
      citation: band.citation.text,
    };
    (out.get(c.personId) ?? out.set(c.personId, []).get(c.personId)!).push(v);
  }
  return out;
}
