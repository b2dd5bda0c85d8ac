import type { SeatOption } from '../../../contracts/planning-work';
import { foldVietnamese } from '../../lib/text';
import type { Actor } from '../access/access.rules';
import { type PlanningContext, cycleFor } from './planning.context';
import * as repo from './planning.repository';
import { searchSeats } from './planning.work.repository';

/**
 * Seats of the cycle's organization subtree for the seat picker, searched on the server: every word of `q`,
 * folded (no diacritics, đ→d), must appear in the title or the unit; a page at a time; seats already planned flagged.
 */
export async function seatOptions(
  ctx: PlanningContext,
  actor: Actor,
  cycleId: string,
  q: { q?: string; offset: number; limit: number },
): Promise<{ items: SeatOption[]; total: number }> {
  const cycle = await cycleFor(ctx.db, actor, cycleId, 'planning.read');
  const words = foldVietnamese(q.q ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
  const found = await searchSeats(ctx.db, {
    root: cycle.organization_path,
    asOf: cycle.policy_date,
    words,
    offset: q.offset,
    limit: q.limit,
  });
  const planned = new Set((await repo.plansOfCycle(ctx.db, cycle.id)).map((p) => p.position_id));
  return {
    total: found.total,
    items: found.items.map((s) => ({
      id: s.id,
      titleName: s.title_name,
      organizationName: s.organization_name,
      planned: planned.has(s.id),
    })),
  };
}
