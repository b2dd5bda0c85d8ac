import {
  STAFFING_CATEGORIES,
  type AssignJobPositionBody,
  type CreateJobPositionBody,
  type JobPosition,
  type SetQuotaBody,
  type StaffingTable,
} from '../../../contracts/staffing';
import type { RuleVerdict } from '../../../contracts/positions';
import type { Db } from '../../db/database';
import { AppError, forbidden, notFound, validation } from '../../http/errors';
import { newId, nowIso, todayIso } from '../../lib/ids';
import { type Actor, mayActOn } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import * as orgRepo from '../organizations/organization.repository';
import { staffingPolicy } from './staffing.policy';
import * as repo from './staffing.repository';
import { type QuotaFact, kl40Target, kl40Verdict, overQuotaVerdicts, rollUp } from './staffing.rules';

const orgNotFound = () => notFound('đơn vị', 'Organization');

/** Sets (or replaces) a unit's quota and actual count for a year and category. */
export async function setQuota(db: Db, actor: Actor | null, body: SetQuotaBody): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const org = await orgRepo.findOrganization(trx, body.organizationId);
    if (!org || (actor && !mayActOn(actor, 'staffing.read', org.path))) throw orgNotFound();
    if (actor && !mayActOn(actor, 'staffing.write', org.path)) throw forbidden();
    const found = await repo.findQuota(trx, org.id, body.year, body.category);
    const actual = body.actual === undefined ? (found?.actual ?? null) : body.actual;
    if (found) await repo.updateQuota(trx, found.id, { quota: body.quota, actual });
    else
      await repo.insertQuota(trx, {
        id: newId(),
        organization_id: org.id,
        year: body.year,
        category: body.category,
        quota: body.quota,
        actual,
        event_id: null,
        created_at: nowIso(),
      });
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'staffing.quota.set',
      entity: 'staffing_quota',
      entityId: `${org.id}:${body.year}:${body.category}`,
      organizationId: org.id,
      before: found ? { quota: found.quota, actual: found.actual } : undefined,
      after: { quota: body.quota, actual },
    });
  });
}

/**
 * The staffing table of a unit's subtree for a year: each unit's own quota and actual, the same rolled up over its
 * subtree, the Kết luận 40 baseline (2021) and target per category, and the verdicts (KL 40 for the root, over-quota).
 */
export async function staffingTable(
  db: Db,
  actor: Actor,
  query: { organizationId: string; year: number },
): Promise<StaffingTable> {
  const root = await orgRepo.findOrganization(db, query.organizationId);
  if (!root || !mayActOn(actor, 'staffing.read', root.path)) throw orgNotFound();
  const policy = staffingPolicy();
  const units = await orgRepo.subtreeDuring(db, root.path, `${query.year}-01-01`, `${query.year + 1}-01-01`);
  const quotaRows = await repo.quotasInSubtree(db, root.path, [query.year, policy.baselineYear]);
  const facts: QuotaFact[] = quotaRows.map((q) => ({
    organizationId: q.organization_id,
    path: q.path,
    year: Number(q.year),
    category: q.category,
    quota: Number(q.quota),
    actual: q.actual === null ? null : Number(q.actual),
  }));
  facts.push(...(await predecessorBaselines(db, units, facts, policy.baselineYear)));
  const figures = (unitPath: string, own: boolean, unitId: string) => {
    const sel = own ? facts.filter((f) => f.organizationId === unitId) : facts;
    const now = rollUp(sel, unitPath, query.year);
    const base = rollUp(sel, unitPath, policy.baselineYear);
    return STAFFING_CATEGORIES.filter((c) => now.has(c) || base.has(c)).map((category) => {
      const baseline = base.get(category)?.quota ?? null;
      return {
        category,
        quota: now.get(category)?.quota ?? 0,
        actual: now.get(category)?.actual ?? 0,
        baseline2021: baseline,
        target: baseline === null ? null : kl40Target(policy, category, baseline),
      };
    });
  };
  const rows = units.map((u) => ({
    organizationId: u.id,
    organizationName: u.name,
    parentId: u.parent_id,
    depth: Number(u.depth) - Number(root.depth),
    own: figures(u.path, true, u.id),
    rolledUp: figures(u.path, false, u.id),
  }));
  const verdicts: RuleVerdict[] = [];
  for (const f of rows[0]?.rolledUp ?? []) {
    if (f.baseline2021 === null) continue;
    const v = kl40Verdict(policy, { organizationId: root.id, organizationName: root.name }, f.category, f.baseline2021, f.quota);
    if (v) verdicts.push(v);
  }
  const names = new Map(units.map((u) => [u.id, u.name]));
  verdicts.push(
    ...overQuotaVerdicts(
      facts
        .filter((f) => f.year === query.year && names.has(f.organizationId))
        .map((f) => ({ ...f, organizationName: names.get(f.organizationId)! })),
    ),
  );
  return { year: query.year, rows, verdicts, policy: { id: policy.id, citation: policy.citation } };
}

export async function listJobPositions(
  db: Db,
  actor: Actor,
  organizationId: string,
  asOf = todayIso(),
): Promise<{ items: JobPosition[] }> {
  const org = await orgRepo.findOrganization(db, organizationId);
  if (!org || !mayActOn(actor, 'staffing.read', org.path)) throw orgNotFound();
  const jobs = await repo.jobPositionsOf(db, org.id, asOf);
  const assigned = await repo.assignmentsOf(
    db,
    jobs.map((j) => j.id),
    asOf,
  );
  return {
    items: jobs.map((j) => ({
      id: j.id,
      organizationId: j.organization_id,
      name: j.name,
      category: j.category,
      requiredRank: j.required_rank,
      count: Number(j.count),
      assigned: assigned.filter((a) => a.job_position_id === j.id).length,
      validFrom: j.valid_from,
      validTo: j.valid_to,
    })),
  };
}

export async function createJobPosition(db: Db, actor: Actor | null, body: CreateJobPositionBody): Promise<JobPosition> {
  return db.transaction().execute(async (trx) => {
    const org = await orgRepo.findOrganization(trx, body.organizationId);
    if (!org || (actor && !mayActOn(actor, 'staffing.read', org.path)))
      throw validation('organizationId', 'đơn vị không tồn tại', 'no such organization');
    if (actor && !mayActOn(actor, 'staffing.write', org.path)) throw forbidden();
    const row = {
      id: newId(),
      organization_id: org.id,
      name: body.name,
      category: body.category,
      required_rank: body.requiredRank,
      count: body.count,
      valid_from: body.validFrom,
      valid_to: null,
      created_at: nowIso(),
    };
    await repo.insertJobPosition(trx, row);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'staffing.job_position.create',
      entity: 'job_position',
      entityId: row.id,
      organizationId: org.id,
      after: row,
    });
    return {
      id: row.id,
      organizationId: org.id,
      name: row.name,
      category: row.category,
      requiredRank: row.required_rank,
      count: row.count,
      assigned: 0,
      validFrom: row.valid_from,
      validTo: null,
    };
  });
}

/** Assigns a person to a job position; refuses one more person than the position's count. */
export async function assignJobPosition(db: Db, actor: Actor | null, jobPositionId: string, body: AssignJobPositionBody) {
  return db.transaction().execute(async (trx) => {
    const job = await repo.findJobPosition(trx, jobPositionId);
    if (!job || (actor && !mayActOn(actor, 'staffing.read', job.path))) throw notFound('vị trí việc làm', 'Job position');
    if (actor && !mayActOn(actor, 'staffing.write', job.path)) throw forbidden();
    const current = await repo.assignmentsOf(trx, [job.id], body.from);
    if (current.length >= Number(job.count))
      throw new AppError(
        'CONFLICT',
        `Vị trí việc làm "${job.name}" đã đủ ${job.count} người`,
        `Job position "${job.name}" already has ${job.count} people`,
      );
    const row = {
      id: newId(),
      job_position_id: job.id,
      person_id: body.personId,
      person_name: body.personName,
      from_date: body.from,
      to_date: null,
      created_at: nowIso(),
    };
    await repo.insertAssignment(trx, row);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'staffing.job_position.assign',
      entity: 'job_position_assignment',
      entityId: row.id,
      organizationId: job.organization_id,
      after: row,
    });
    return {
      id: row.id,
      jobPositionId: job.id,
      personId: row.person_id,
      personName: row.person_name,
      from: row.from_date,
      to: null,
    };
  });
}

/**
 * Baseline-year quotas of closed units that merged into a unit of the table (each with that one successor), counted
 * as the successor's own when it has no baseline row of that category: Kết luận 40 compares against 2021, before
 * the 2025 mergers. A unit split into several is left out (its 2021 quota cannot be apportioned from the data).
 */
async function predecessorBaselines(
  db: Db,
  units: readonly { id: string; path: string }[],
  facts: readonly QuotaFact[],
  baselineYear: number,
): Promise<QuotaFact[]> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: QuotaFact[] = [];
  const links = (await orgRepo.successionsOf(db, [...byId.keys()])).filter((l) => byId.has(l.successor_id));
  const all = await orgRepo.successionsOf(
    db,
    links.map((l) => l.predecessor_id),
  );
  const single = links.filter((l) => all.filter((a) => a.predecessor_id === l.predecessor_id).length === 1);
  const rows = await repo.quotasOf(
    db,
    single.map((l) => l.predecessor_id),
    baselineYear,
  );
  for (const r of rows) {
    const successor = byId.get(single.find((l) => l.predecessor_id === r.organization_id)!.successor_id)!;
    if (facts.some((f) => f.organizationId === successor.id && f.year === baselineYear && f.category === r.category)) continue;
    out.push({
      organizationId: successor.id,
      path: successor.path,
      year: baselineYear,
      category: r.category,
      quota: Number(r.quota),
      actual: r.actual === null ? null : Number(r.actual),
    });
  }
  return out;
}
