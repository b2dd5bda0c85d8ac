import type { Role } from '../../../contracts/common';

/** A grant resolved to its organization's materialized path. */
export interface ScopedGrant {
  role: Role;
  organizationId: string;
  organizationName: string;
  path: string;
  /**
   * Paths of the units this grant also covers through restructuring: the closed units its unit succeeded, or, for a
   * grant on a closed unit, its successors (docs/organization-model.md). Not shown as grants of their own.
   */
  lineagePaths?: string[];
}

/** Who is acting: the user and what they were granted where. */
export interface Actor {
  userId: string;
  username: string;
  grants: ScopedGrant[];
}

/** Which roles hold each permission; the scope (subtree) is checked separately. */
export const ROLES_BY_PERMISSION = {
  'organizations.read': ['officer', 'leader', 'tally', 'inspector', 'cadre', 'admin'],
  'organizations.write': ['officer', 'admin'],
  'restructuring.write': ['officer', 'admin'],
  'positions.read': ['officer', 'leader', 'inspector', 'admin'],
  'positions.write': ['officer', 'admin'],
  'staffing.read': ['officer', 'leader', 'inspector', 'admin'],
  'staffing.write': ['officer', 'admin'],
  'audit.read': ['inspector', 'admin'],
  'users.manage': ['admin'],
  'home.read': ['officer', 'leader', 'tally', 'inspector', 'cadre', 'admin'],
  'evaluations.read': ['officer', 'leader', 'inspector', 'admin'],
  /** cycles, quota groups, forms, tasks, self-assessment as written on the signed form, appraisal */
  'evaluations.manage': ['officer', 'admin'],
  /** the competent level's decision, where the quota is enforced */
  'evaluations.decide': ['leader', 'admin'],
  'training.read': ['officer', 'leader', 'inspector', 'admin'],
  /** courses, enrolments, results; the record change a result proposes is approved in the records feature */
  'training.manage': ['officer', 'admin'],
  'policy.read': ['officer', 'leader', 'tally', 'inspector', 'cadre', 'admin'],
  // Approving a local pack changes the rules for a whole subtree: administrators only.
  'policy.manage': ['admin'],
  // Cadre records: a cadre reads only his own record (through users.person_id), never the subtree.
  'persons.read': ['officer', 'leader', 'inspector', 'admin'],
  'persons.write': ['officer', 'admin'],
  'persons.approve': ['officer', 'admin'],
  // results are aggregates; no role, the administrator included, can read how anyone voted
  'votes.read': ['officer', 'leader', 'tally', 'inspector', 'admin', 'credential_authority'],
  'votes.manage': ['officer'],
  'votes.tally': ['tally'],
  // a consequence of a confidence vote (out of planning, dismissal…) is handled by planning or decisions
  'votes.consequences.handle': ['officer', 'leader'],
  // a role of its own: the administrator cannot issue credentials (and so cannot vote for absentees)
  'votes.credentials': ['credential_authority'],
  'programme.read': ['officer', 'leader', 'inspector', 'admin'],
  'programme.write': ['officer', 'admin'],
  'documents.read': ['officer', 'leader', 'tally', 'inspector', 'cadre', 'admin'],
  'documents.write': ['officer', 'admin'],
  'planning.read': ['officer', 'leader', 'inspector', 'admin'],
  'planning.write': ['officer', 'admin'],
  // approving a plan is the competent level's act, not the officer's who prepared it
  'planning.approve': ['leader', 'admin'],
  // Personnel decisions: the officer prepares, a leader (the competent authority) records overrides and decides.
  'decisions.read': ['officer', 'leader', 'inspector', 'admin'],
  'decisions.write': ['officer'],
  'decisions.approve': ['leader'],
} as const satisfies Record<string, readonly Role[]>;

/** A permission is one of the keys above: one list, so adding one is a one-line change. */
export type Permission = keyof typeof ROLES_BY_PERMISSION;

/** The subtree roots (paths) where the actor holds the permission. */
export function scopePaths(actor: Actor, permission: Permission): string[] {
  const roles: readonly Role[] = ROLES_BY_PERMISSION[permission];
  const paths = actor.grants.filter((g) => roles.includes(g.role)).flatMap((g) => [g.path, ...(g.lineagePaths ?? [])]);
  // A root nested in another adds nothing: keep only the outermost ones.
  return paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

export function holdsAnywhere(actor: Actor, permission: Permission): boolean {
  return scopePaths(actor, permission).length > 0;
}

/** Whether the organization at `path` lies inside a subtree where the actor holds the permission. */
export function mayActOn(actor: Actor, permission: Permission, path: string): boolean {
  return scopePaths(actor, permission).some((root) => path.startsWith(root));
}
