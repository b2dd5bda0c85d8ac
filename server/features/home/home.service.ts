import type { HomeSummary } from '../../../contracts/home';
import type { Db } from '../../db/database';
import { type Actor, scopePaths } from '../access/access.rules';
import { countAuditSince } from '../audit/audit.repository';
import { countOrganizations } from '../organizations/organization.repository';
import { countUsersInScope } from '../users/user.repository';

/** The live counts on the home page, all within the actor's subtrees. */
export async function homeSummary(db: Db, actor: Actor, now = new Date()): Promise<HomeSummary> {
  const paths = scopePaths(actor, 'home.read');
  const startOfDay = new Date(now);
  startOfDay.setHours(0, 0, 0, 0);
  const [organizations, users, auditEntriesToday] = await Promise.all([
    countOrganizations(db, paths),
    countUsersInScope(db, paths),
    countAuditSince(db, paths, startOfDay.toISOString()),
  ]);
  const scopeNames = [...new Set(actor.grants.filter((g) => paths.includes(g.path)).map((g) => g.organizationName))];
  return { scopeNames, organizations, users, auditEntriesToday };
}
