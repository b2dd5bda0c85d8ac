import type { PersonRecord } from '../../../contracts/persons';
import type { Db, Trx } from '../../db/database';
import { forbidden, notFound } from '../../http/errors';
import { type Actor, type Permission, mayActOn } from '../access/access.rules';
import { policyInForceFor } from '../policy/policy.in-force';
import { type PolicyLibrary, formatDate } from '../policy/policy.library';
import { listCatalogs, listTitles } from '../titles/title.repository';
import { catalogInForce } from '../titles/title.rules';
import type { TitleRow } from '../titles/title.table';
import * as repo from './planning.repository';
import { levelsBetween, planningFacts } from './planning.rules';

// What every planning service needs: the cycle or plan behind an id (404 out of scope), the pack in force and the
// title catalog, and a person's facts for a target title.

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

/** The title catalog in force on a date: its titles by code and its distinct ranks. */
export interface Catalog {
  byCode: Map<string, TitleRow>;
  rankOrders: number[];
}
export async function catalogAt(db: Db | Trx, date: string): Promise<Catalog> {
  const catalogs = (await listCatalogs(db)).map((c) => ({ ...c, validFrom: c.valid_from, validTo: c.valid_to }));
  const inForce = catalogInForce(catalogs, date);
  const titles = inForce ? await listTitles(db, { catalogId: inForce.id }) : [];
  const byCode = new Map<string, TitleRow>();
  // Hà Nội / Hồ Chí Minh City rows rank one step higher; other provinces are the default reading of a code.
  for (const t of titles) if (!byCode.has(t.code) || t.locality_class === 'other_provinces') byCode.set(t.code, t);
  return { byCode, rankOrders: titles.map((t) => Number(t.rank_order)) };
}

/** The catalog in force's version of a title (titles keep their code across catalog versions). */
export function inCatalog(catalog: Catalog, title: Pick<TitleRow, 'code' | 'rank_order'>): number {
  return Number(catalog.byCode.get(title.code)?.rank_order ?? title.rank_order);
}

/** Titles the Politburo or Secretariat manage need advanced political theory (planning.theory-by-level). */
export function requiredTheoryOf(title: Pick<TitleRow, 'managing_authority'>) {
  return ['central_committee', 'politburo', 'secretariat'].includes(title.managing_authority) ? 'cao_cap' : 'none';
}

export interface PersonView {
  id: string;
  sex: 'M' | 'F';
  birth_date: string;
  ethnicity: string;
  current_title_code: string | null;
  record: PersonRecord;
}

/** The rank (in the catalog in force) of the highest title a person holds: through a seat, else the record's code. */
export async function heldRanks(
  db: Db | Trx,
  catalog: Catalog,
  people: readonly PersonView[],
  asOf: string,
): Promise<Map<string, number>> {
  const held = await repo.heldTitlesAsOf(
    db,
    people.map((p) => p.id),
    asOf,
  );
  const out = new Map<string, number>();
  for (const h of held) {
    const rank = inCatalog(catalog, h);
    out.set(h.person_id, Math.min(out.get(h.person_id) ?? Infinity, rank));
  }
  for (const p of people)
    if (!out.has(p.id) && p.current_title_code) {
      const t = catalog.byCode.get(p.current_title_code);
      if (t) out.set(p.id, Number(t.rank_order));
    }
  return out;
}

export function factsFor(
  person: PersonView,
  target: TitleRow,
  targetRank: number,
  held: number | undefined,
  catalog: Catalog,
  referenceKey: string | null,
) {
  const levelsBelow = levelsBetween(catalog.rankOrders, held ?? null, targetRank);
  return {
    levelsBelow,
    facts: planningFacts({
      sex: person.sex,
      birth: person.birth_date,
      levelsBelow,
      targetRankOrder: targetRank,
      targetTitleName: target.name,
      politicalTheory: person.record.theoryLevel,
      stateManagement: person.record.stateManagement,
      disciplines: person.record.discipline.map((d) => ({ level: d.level, date: d.date })),
      planningReference: referenceKey,
      requiredTheory: requiredTheoryOf(target),
    }),
  };
}

export async function planFor(db: Db | Trx, actor: Actor, planId: string, permission: Permission) {
  const plan = await repo.findPlan(db, planId);
  if (!plan) throw planNotFound();
  const cycle = await repo.findCycle(db, plan.cycle_id);
  if (!cycle || !mayActOn(actor, 'planning.read', cycle.organization_path)) throw planNotFound();
  if (!mayActOn(actor, permission, cycle.organization_path)) throw forbidden();
  return { plan, cycle };
}
