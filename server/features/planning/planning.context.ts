import type { Db, Trx } from '../../db/database';
import { forbidden, notFound } from '../../http/errors';
import { type Actor, type Permission, mayActOn } from '../access/access.rules';
import { policyInForceFor } from '../policy/policy.in-force';
import { type PolicyLibrary, formatDate } from '../policy/policy.library';
import * as repo from './planning.repository';

// What every planning service needs: the cycle or plan behind an id (404 out of scope) and the pack in force.

export interface PlanningContext {
  db: Db;
  library: PolicyLibrary;
}

export const cycleNotFound = () => notFound('kỳ quy hoạch', 'Planning cycle');
export const planNotFound = () => notFound('quy hoạch', 'Plan');
export const ddmmyyyy = (iso: string) => formatDate(iso);

export async function cycleFor(db: Db | Trx, actor: Actor, id: string, permission: Permission): Promise<repo.CycleWithOrg> {
  const cycle = await repo.findCycle(db, id);
  if (!cycle || !mayActOn(actor, 'planning.read', cycle.organization_path)) throw cycleNotFound();
  if (!mayActOn(actor, permission, cycle.organization_path)) throw forbidden();
  return cycle;
}

/** The pack in force for the cycle's organization on its policy date; inside a transaction pass it (SQLite has one connection). */
export async function policyOf(
  ctx: PlanningContext,
  cycle: Pick<repo.CycleWithOrg, 'organization_path' | 'policy_date' | 'track'>,
  db: Db | Trx = ctx.db,
) {
  const q = { organizationPath: cycle.organization_path, date: cycle.policy_date, track: cycle.track };
  return (await policyInForceFor(db, ctx.library, q)).policy;
}

export async function planFor(db: Db | Trx, actor: Actor, planId: string, permission: Permission) {
  const plan = await repo.findPlan(db, planId);
  if (!plan) throw planNotFound();
  const cycle = await repo.findCycle(db, plan.cycle_id);
  if (!cycle || !mayActOn(actor, 'planning.read', cycle.organization_path)) throw planNotFound();
  if (!mayActOn(actor, permission, cycle.organization_path)) throw forbidden();
  return { plan, cycle };
}
