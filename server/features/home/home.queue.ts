import type { WorkQueue } from '../../../contracts/home';
import type { Db } from '../../db/database';
import { todayIso } from '../../lib/ids';
import { type Actor, type Permission, scopePaths } from '../access/access.rules';
import { listProcesses } from '../decisions/decision.repository';
import { listDeclarations } from '../persons/person.declarations.repository';
import { listConsequenceTasks } from '../votes/vote.outcomes.repository';
import { countOpenVoteSessions, countPlanningCycles } from './home.repository';

type Item = WorkQueue['items'][number];

/**
 * What waits for the actor, kind by kind, each counted in the subtrees where the actor holds the permission that
 * handling it needs; a kind the role cannot see is left out rather than shown as zero.
 */
export async function homeWorkQueue(db: Db, actor: Actor, today = todayIso()): Promise<WorkQueue> {
  const year = Number(today.slice(0, 4));
  const when = async (permission: Permission, count: (roots: string[]) => Promise<Omit<Item, never>>) => {
    const roots = scopePaths(actor, permission);
    return roots.length ? [await count(roots)] : [];
  };
  const groups = await Promise.all([
    when('persons.approve', async (roots) => ({
      key: 'declarations-pending' as const,
      count: (await listDeclarations(db, { scopePaths: roots, status: 'pending', limit: 1, offset: 0 })).total,
      href: '/persons/declarations',
    })),
    when('votes.consequences.handle', async (roots) => ({
      key: 'vote-consequences-open' as const,
      count: (await listConsequenceTasks(db, { scopePaths: roots, status: 'open', limit: 1, offset: 0 })).total,
      href: '/votes',
    })),
    when('decisions.read', async (roots) => ({
      key: 'dismissals-to-start' as const,
      count: (
        await listConsequenceTasks(db, {
          scopePaths: roots,
          status: 'open',
          consequence: 'dismissal-procedure',
          limit: 1,
          offset: 0,
        })
      ).total,
      href: '/decisions',
    })),
    when('decisions.read', async (roots) => ({
      key: 'decisions-open' as const,
      count: (await listProcesses(db, { scopePaths: roots, status: 'open', limit: 1, offset: 0 })).total,
      href: '/decisions',
    })),
    when('votes.read', async (roots) => ({
      key: 'votes-in-progress' as const,
      count: await countOpenVoteSessions(db, roots),
      href: '/votes',
    })),
    when('planning.read', async (roots) => ({
      key: 'planning-in-progress' as const,
      count: await countPlanningCycles(db, roots, ['draft', 'in_rounds', 'submitted']),
      href: '/planning',
    })),
    when('planning.read', async (roots) => ({
      key: 'planning-review-due' as const,
      count: await countPlanningCycles(db, roots, ['approved', 'reviewed'], year),
      href: '/planning',
    })),
  ]);
  return { asOf: today, items: groups.flat() };
}
