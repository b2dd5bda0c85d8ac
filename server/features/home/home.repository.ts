import type { Db } from '../../db/database';
import { inSubtrees } from '../../db/scope';

// Counts for the home page's work queue; each module's own listing answers the same question row by row.

export async function countOpenVoteSessions(db: Db, roots: readonly string[]): Promise<number> {
  const r = await db
    .selectFrom('vote_sessions as v')
    .innerJoin('organizations as o', 'o.id', 'v.organization_id')
    .where((eb) => inSubtrees(eb, 'o.path', roots))
    .where('v.status', 'in', ['open', 'setup', 'voting', 'tallying'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countPlanningCycles(
  db: Db,
  roots: readonly string[],
  statuses: readonly ('draft' | 'in_rounds' | 'submitted' | 'approved' | 'reviewed')[],
  notReviewedInYear?: number,
): Promise<number> {
  let q = db
    .selectFrom('planning_cycles as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .where((eb) => inSubtrees(eb, 'o.path', roots))
    .where('c.status', 'in', [...statuses]);
  // A cycle is due for its yearly review while its term runs and the year has no review yet.
  if (notReviewedInYear !== undefined)
    q = q
      .where('c.term_from', '<=', notReviewedInYear)
      .where('c.term_to', '>=', notReviewedInYear)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('planning_reviews as r')
              .select('r.id')
              .whereRef('r.cycle_id', '=', 'c.id')
              .where('r.year', '=', notReviewedInYear),
          ),
        ),
      );
  const r = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
