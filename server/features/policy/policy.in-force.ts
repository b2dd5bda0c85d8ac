import type { Track } from '../../../contracts/policy';
import type { Db, Trx } from '../../db/database';
import { type PolicyLibrary, type ResolvedPolicy, policyAt } from './policy.library';
import { approvedLocalPacksFor } from './policy.service';

/**
 * The policy in force for an organization on a date: the national packs of the track plus the local packs an
 * administrator approved for the organization or an ancestor. Inside a transaction pass the transaction.
 */
export async function policyInForceFor(
  db: Db | Trx,
  library: PolicyLibrary,
  q: { organizationPath: string; date: string; track: Track },
): Promise<{ policy: ResolvedPolicy; localPackIds: string[] }> {
  const localPackIds = await approvedLocalPacksFor({ db: db as Db, library }, q.organizationPath);
  return { policy: policyAt(library, q.date, q.track, { approvedLocalPackIds: localPackIds }), localPackIds };
}
