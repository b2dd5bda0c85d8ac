import {
  STAFFING_CATEGORIES,
  type AssignJobPositionBody,
  type UpdateJobPositionBody,
  type CreateJobPositionBody,
  type JobPosition,
  type JobPositionHistory,
  type QuotaVersion,
  type SetQuotaBody,
  type StaffingQuery,
  type StaffingTable,
} from '../../../contracts/staffing';
import type { Db, Trx } from '../../db/database';
import { AppError, forbidden, notFound, validation } from '../../http/errors';
import { newId, nowIso, todayIso } from '../../lib/ids';
import { type Actor, mayActOn } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import * as orgRepo from '../organizations/organization.repository';
import { rankPrefixLength, staffCategoryPolicy, staffingPolicy } from './staffing.policy';
import * as repo from './staffing.repository';
import { assertPlaceFree } from '../positions/holding';
import { maxSeatedFrom } from '../positions/position.rules';
import { staffingTableAsOf } from './staffing.asof';
import { assembleStaffingTable } from './staffing.report';
import type { JobPositionRow } from './staffing.table';
import { type QuotaFact, type StaffCounts, tallyStaff } from './staffing.rules';

const orgNotFound = () => notFound('đơn vị', 'Organization');
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Gives a unit its quota for a year and category, or changes it from a day on: the year's first figure is in force
 * from 1 January unless a day is given; a later change from the day given (default today when it lies in the year,
 * else it corrects the figure in force last), the earlier figure staying in force before it; a change on the day the
 * current figure began corrects it. The actual count comes from the records.
 */
export async function setQuota(db: Db, actor: Actor | null, body: SetQuotaBody): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const org = await orgRepo.findOrganization(trx, body.organizationId);
    if (!org || (actor && !mayActOn(actor, 'staffing.read', org.path))) throw orgNotFound();
    if (actor && !mayActOn(actor, 'staffing.write', org.path)) throw forbidden();
    const first = `${body.year}-01-01`;
    const last = `${body.year}-12-31`;
    if (body.validFrom !== undefined && (body.validFrom < first || body.validFrom > last))
      throw validation('validFrom', `ngày áp dụng phải trong năm ${body.year}`, `the first day must lie in ${body.year}`);
    const found = await repo.findQuota(trx, org.id, body.year, body.category);
    const today = todayIso();
    let change: repo.QuotaVersionChange | null = null;
    if (found) {
      const open = (await repo.versionsOfQuota(trx, found.id)).at(-1)!;
      // without a day: from today within the year, else a correction of the figure in force last
      const from = body.validFrom ?? (today >= first && today <= last && today > open.valid_from ? today : open.valid_from);
      if (from < open.valid_from)
        throw validation(
          'validFrom',
          `biên chế hiện hành áp dụng từ ${ddmmyyyy(open.valid_from)}: thay đổi phải từ ngày đó trở đi`,
          `the current quota applies from ${open.valid_from}: a change must start on or after that day`,
        );
      change = await repo.changeQuotaFrom(trx, found.id, body.quota, from, {
        decisionRef: body.decisionRef ?? null,
        eventId: null,
      });
    } else {
      await repo.insertQuota(
        trx,
        {
          id: newId(),
          organization_id: org.id,
          year: body.year,
          category: body.category,
          quota: body.quota,
          actual: null,
          event_id: null,
          created_at: nowIso(),
        },
        body.validFrom ?? first,
        body.decisionRef ?? null,
      );
    }
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'staffing.quota.set',
      entity: 'staffing_quota',
      entityId: `${org.id}:${body.year}:${body.category}`,
      organizationId: org.id,
      before: found ? { quota: found.quota } : undefined,
      after: { quota: body.quota, decisionRef: body.decisionRef ?? null, change: change?.kind ?? 'first' },
    });
  });
}

/** The figures a unit's quotas of a year have had, per category, in the actor's scope. */
export async function quotaHistory(
  db: Db,
  actor: Actor,
  query: { organizationId: string; year: number },
): Promise<{ organizationId: string; year: number; versions: QuotaVersion[] }> {
  const org = await orgRepo.findOrganization(db, query.organizationId);
  if (!org || !mayActOn(actor, 'staffing.read', org.path)) throw orgNotFound();
  const quotas = await repo.quotasOf(db, [org.id], query.year);
  const versions: QuotaVersion[] = [];
  for (const category of STAFFING_CATEGORIES) {
    const q = quotas.find((r) => r.category === category);
    if (!q) continue;
    for (const v of await repo.versionsOfQuota(db, q.id))
      versions.push({
        category,
        quota: Number(v.quota),
        validFrom: v.valid_from,
        validTo: v.valid_to,
        decisionRef: v.decision_ref,
        byEvent: v.event_id !== null,
      });
  }
  return { organizationId: org.id, year: query.year, versions };
}

/**
 * Staff counted from the records, per unit (its own people, not rolled up) and quota category: people whose current
 * unit is the unit, plus people still recorded in closed units that live on in it alone (merged into it, followed
 * back up to five events). Units by id, or `path` for every unit under it (then `units` only names the lineage roots).
 */
export async function countedStaff(
  db: Db | Trx,
  units: readonly { id: string }[],
  where: { path?: string } = {},
): Promise<StaffCounts> {
  const policy = staffCategoryPolicy();
  const prefix = rankPrefixLength(policy);
  const ids = new Set(units.map((u) => u.id));
  const groups = await repo.staffGroups(db, where.path ? { path: where.path } : { organizationIds: [...ids] }, prefix);
  const owner = new Map<string, string>(); // closed predecessor → the unit of the table it lives on in
  let frontier = [...ids];
  for (let hop = 0; hop < 5 && frontier.length; hop++) {
    const links = (await orgRepo.successionsOf(db, frontier)).filter(
      (l) =>
        (ids.has(l.successor_id) || owner.has(l.successor_id)) &&
        l.predecessor_valid_to !== null &&
        !ids.has(l.predecessor_id) &&
        !owner.has(l.predecessor_id),
    );
    const preds = [...new Set(links.map((l) => l.predecessor_id))];
    const all = await orgRepo.successionsOf(db, preds);
    frontier = [];
    for (const pred of preds) {
      const successors = new Set(all.filter((a) => a.predecessor_id === pred).map((a) => a.successor_id));
      if (successors.size !== 1) continue;
      const [succ] = successors;
      owner.set(pred, ids.has(succ!) ? succ! : owner.get(succ!)!);
      frontier.push(pred);
    }
  }
  const inherited = (await repo.staffGroups(db, { organizationIds: [...owner.keys()] }, prefix)).map((g) => ({
    ...g,
    organizationId: owner.get(g.organizationId)!,
  }));
  return tallyStaff([...groups, ...inherited], policy);
}

/**
 * The staffing table of a unit's subtree, for a year as the figures stand now, or as of a day (`asOf`): the tree of
 * that day, the quotas in force that day and the people each unit had that day by the records (staffing.asof.ts).
 * Each unit's own quota and actual, the same rolled up over its subtree, the Kết luận 40 baseline (2021) and target
 * per category, and the verdicts (KL 40 for the root, over-quota).
 */
export async function staffingTable(db: Db, actor: Actor, query: StaffingQuery): Promise<StaffingTable> {
  const root = await orgRepo.findOrganization(db, query.organizationId);
  if (!root || !mayActOn(actor, 'staffing.read', root.path)) throw orgNotFound();
  if (query.asOf) return staffingTableAsOf(db, actor, root, query.asOf);
  const year = query.year ?? Number(todayIso().slice(0, 4));
  const policy = staffingPolicy();
  const units = await orgRepo.subtreeDuring(db, root.path, `${year}-01-01`, `${year + 1}-01-01`);
  const quotaRows = await repo.quotasInSubtree(db, root.path, [year, policy.baselineYear]);
  const facts: QuotaFact[] = quotaRows.map((q) => ({
    organizationId: q.organization_id,
    path: q.path,
    year: Number(q.year),
    category: q.category,
    quota: Number(q.quota),
    actual: null,
  }));
  facts.push(...(await predecessorBaselines(db, units, facts, policy.baselineYear)));
  // Actual staff: today's records, counted into the units open in the year (a closed unit's people into its successor).
  const openIds = new Set(units.filter((u) => u.valid_to === null || u.valid_to > `${year}-12-31`).map((u) => u.id));
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const counts = await countedStaff(
    db,
    [...openIds].map((id) => ({ id })),
    { path: root.path },
  );
  for (const [organizationId, byCategory] of counts) {
    const path = pathOf.get(organizationId);
    if (!path) continue;
    for (const [category, n] of byCategory) facts.push({ organizationId, path, year, category, quota: 0, actual: n });
  }
  return assembleStaffingTable({
    root: { id: root.id, name: root.name, depth: Number(root.depth) },
    units: units.map((u) => ({ id: u.id, name: u.name, parentId: u.parent_id, path: u.path, depth: Number(u.depth) })),
    facts,
    year,
    asOf: null,
    policy,
  });
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
    items: jobs.map((j) => toJobResponse(j, assigned.filter((a) => a.job_position_id === j.id).length)),
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
      opened_by_event_id: null,
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
    const all = await repo.assignmentsOfAll(trx, [job.id]);
    // the fewest places the job position has on any day from then on (its head count is dated)
    const places = Math.min(
      ...(await repo.versionsOfJobPosition(trx, job.id))
        .filter((v) => v.valid_to === null || v.valid_to > body.from)
        .map((v) => Number(v.count)),
    );
    assertPlaceFree(
      {
        validFrom: job.valid_from,
        validTo: job.valid_to,
        places,
        what: { vi: `vị trí việc làm "${job.name}"`, en: `job position "${job.name}"` },
      },
      all,
      body,
      { vi: 'hãy kết thúc việc đảm nhiệm của một người trước', en: "end someone's assignment first" },
    );
    const row = {
      id: newId(),
      job_position_id: job.id,
      person_id: body.personId,
      person_name: body.personName,
      from_date: body.from,
      to_date: null,
      opened_by_event_id: null,
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
export async function predecessorBaselines(
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
      actual: null,
    });
  }
  return out;
}

const toJobResponse = (j: JobPositionRow, assigned: number): JobPosition => ({
  id: j.id,
  organizationId: j.organization_id,
  name: j.name,
  category: j.category,
  requiredRank: j.required_rank,
  count: Number(j.count),
  assigned,
  validFrom: j.valid_from,
  validTo: j.valid_to,
});

const jobNotFound = () => notFound('vị trí việc làm', 'Job position');

/**
 * Changes a job position's name, category or required rank (as it is described), or its head count from a day on
 * (`from`, default today; the earlier counts stay in its history, a change on the first day of the count in force
 * corrects it); refuses a day before the count in force began and a count below the most people assigned at once
 * from that day on.
 */
export async function updateJobPosition(
  db: Db,
  actor: Actor | null,
  jobPositionId: string,
  body: UpdateJobPositionBody,
): Promise<JobPosition> {
  return db.transaction().execute(async (trx) => {
    const job = await repo.findJobPosition(trx, jobPositionId);
    if (!job || (actor && !mayActOn(actor, 'staffing.read', job.path))) throw jobNotFound();
    if (actor && !mayActOn(actor, 'staffing.write', job.path)) throw forbidden();
    if (job.valid_to !== null)
      throw new AppError('CONFLICT', `Vị trí việc làm "${job.name}" đã kết thúc`, `Job position "${job.name}" is closed`);
    const from = body.from ?? todayIso();
    let change: repo.JobCountChange | null = null;
    if (body.count !== undefined && body.count !== Number(job.count)) {
      const open = (await repo.versionsOfJobPosition(trx, job.id)).at(-1)!;
      if (from < open.valid_from)
        throw validation(
          'from',
          `ngày áp dụng phải từ ngày ${ddmmyyyy(open.valid_from)} (số lượng ${open.count} đang áp dụng từ ngày đó)`,
          `must be on or after ${open.valid_from}, when the count in force (${open.count}) began`,
        );
      const all = await repo.assignmentsOfAll(trx, [job.id]);
      const seated = maxSeatedFrom(
        all.map((a) => ({ from: a.from_date, to: a.to_date })),
        from,
      );
      if (body.count < seated)
        throw validation(
          'count',
          `số lượng ${body.count} ít hơn số người được bố trí cùng lúc từ ngày ${ddmmyyyy(from)} (${seated})`,
          `${body.count} is fewer than the ${seated} people assigned at once from ${from}`,
        );
      change = await repo.changeJobCountFrom(trx, job.id, body.count, from, {
        decisionRef: body.decisionRef ?? null,
        eventId: null,
      });
    }
    const set = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.category !== undefined ? { category: body.category } : {}),
      ...(body.requiredRank !== undefined ? { required_rank: body.requiredRank } : {}),
    };
    if (Object.keys(set).length) await repo.updateJobPositionRow(trx, job.id, set);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'staffing.job_position.update',
      entity: 'job_position',
      entityId: job.id,
      organizationId: job.organization_id,
      before: { name: job.name, category: job.category, required_rank: job.required_rank, count: job.count },
      after: { ...set, ...(change ? { count: body.count, from, decision_ref: body.decisionRef ?? null } : {}) },
    });
    const assigned = (await repo.assignmentsOf(trx, [job.id], todayIso())).length;
    return toJobResponse({ ...job, ...set, count: change ? body.count! : Number(job.count) }, assigned);
  });
}

/** Every head count a job position had, oldest first, in the actor's scope. */
export async function jobPositionHistory(db: Db, actor: Actor, jobPositionId: string): Promise<JobPositionHistory> {
  const job = await repo.findJobPosition(db, jobPositionId);
  if (!job || !mayActOn(actor, 'staffing.read', job.path)) throw jobNotFound();
  const versions = await repo.versionsOfJobPosition(db, job.id);
  return {
    jobPositionId: job.id,
    name: job.name,
    versions: versions.map((v) => ({
      count: Number(v.count),
      validFrom: v.valid_from,
      validTo: v.valid_to,
      decisionRef: v.decision_ref,
      byEvent: v.event_id !== null,
    })),
  };
}

/** Closes a job position from `validTo` (exclusive); refuses while somebody is still assigned after that day. */
export async function closeJobPosition(
  db: Db,
  actor: Actor | null,
  jobPositionId: string,
  validTo: string,
): Promise<JobPosition> {
  return db.transaction().execute(async (trx) => {
    const job = await repo.findJobPosition(trx, jobPositionId);
    if (!job || (actor && !mayActOn(actor, 'staffing.read', job.path))) throw jobNotFound();
    if (actor && !mayActOn(actor, 'staffing.write', job.path)) throw forbidden();
    if (job.valid_to !== null)
      throw new AppError('CONFLICT', `Vị trí việc làm "${job.name}" đã kết thúc`, `Job position "${job.name}" is closed`);
    if (validTo <= job.valid_from)
      throw validation(
        'validTo',
        `ngày kết thúc phải sau ngày bắt đầu ${job.valid_from.split('-').reverse().join('/')}`,
        `must be after the first day ${job.valid_from}`,
      );
    const still = (await repo.assignmentsOfAll(trx, [job.id])).filter((a) => a.to_date === null || a.to_date > validTo);
    if (still.length)
      throw validation(
        'validTo',
        `${still.map((a) => a.person_name).join(', ')} vẫn được bố trí vào vị trí này sau ngày ${validTo.split('-').reverse().join('/')}`,
        `${still.map((a) => a.person_name).join(', ')} are still assigned after ${validTo}`,
      );
    await repo.setJobPositionValidTo(trx, job.id, validTo);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'staffing.job_position.close',
      entity: 'job_position',
      entityId: job.id,
      organizationId: job.organization_id,
      before: { valid_to: null },
      after: { valid_to: validTo },
    });
    return toJobResponse({ ...job, valid_to: validTo }, 0);
  });
}
