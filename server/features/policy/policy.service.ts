import { createHash } from 'node:crypto';
import type {
  EligibilityCheckBody,
  EligibilityResult,
  PackDetail,
  PackSummary,
  RetirementResult,
  Rule,
  RuleChange,
  Sex,
  Track,
} from '../../../contracts/policy';
import { eligibilityFactsSchema } from '../../../contracts/policy';
import type { Db } from '../../db/database';
import { AppError, forbidden, notFound, validation } from '../../http/errors';
import { newId, nowIso, todayIso } from '../../lib/ids';
import { type Actor, holdsAnywhere, mayActOn } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import { findOrganization, findOrganizationByCode } from '../organizations/organization.repository';
import { evaluateEligibility } from './eligibility.rules';
import { type LoadedPack, type PolicyLibrary, policyAt } from './policy.library';
import * as repo from './policy.repository';
import { diffRules, toRuleResponse } from './policy.rules';
import { retirementDate } from './retirement.rules';

export interface PolicyContext {
  db: Db;
  library: PolicyLibrary;
}

const packNotFound = () => notFound('bộ quy định', 'Policy pack');
const hashOf = (pack: LoadedPack) => createHash('sha256').update(pack.canonical).digest('hex');

function assertReader(actor: Actor): void {
  if (!holdsAnywhere(actor, 'policy.read')) throw forbidden();
}

function approvalOf(pack: LoadedPack, approvals: repo.ApprovalWithName[]): PackSummary['approval'] {
  if (pack.scope !== 'local') return null;
  const latest = approvals.find((a) => a.pack_id === pack.id);
  if (!latest) return { status: 'pending', approvedAt: null, approvedBy: null };
  return {
    // An approval covers the exact content approved: an edited file needs approving again.
    status: latest.pack_hash === hashOf(pack) ? 'approved' : 'stale',
    approvedAt: latest.approved_at,
    approvedBy: latest.approver_name,
  };
}

function summary(pack: LoadedPack, approvals: repo.ApprovalWithName[]): PackSummary {
  const count = pack.scope === 'local' ? pack.overrides.length : pack.rules.length;
  return {
    id: pack.id,
    scope: pack.scope,
    file: pack.file,
    title: pack.title,
    description: pack.description,
    effectiveFrom: pack.effectiveFrom,
    effectiveTo: pack.effectiveTo,
    ruleCount: count,
    unconfirmedCount: pack.rules.filter((r) => r.status === 'unconfirmed').length,
    organizationCode: pack.organizationCode,
    approval: approvalOf(pack, approvals),
  };
}

export async function listPacks(ctx: PolicyContext, actor: Actor): Promise<{ items: PackSummary[] }> {
  assertReader(actor);
  const approvals = await repo.listApprovals(ctx.db);
  return { items: ctx.library.packs.map((p) => summary(p, approvals)) };
}

/** A national pack with its rules, or a local pack with the national rules it changes (as changed). */
export async function getPack(ctx: PolicyContext, actor: Actor, id: string): Promise<PackDetail> {
  assertReader(actor);
  const pack = ctx.library.packs.find((p) => p.id === id);
  if (!pack) throw packNotFound();
  const approvals = await repo.listApprovals(ctx.db);
  const rules =
    pack.scope === 'national'
      ? pack.rules.map(toRuleResponse)
      : pack.overrides.flatMap((o) =>
          ctx.library.packs
            .flatMap((p) => (p.scope === 'national' ? p.rules : []))
            .filter((r) => r.id === o.ruleId && (r.effectiveTo === null || r.effectiveTo >= pack.effectiveFrom))
            .map((r) => ({
              ...toRuleResponse(r),
              params: { ...(r.params as Record<string, unknown>), ...o.params },
              localPackId: pack.id,
              note: o.reason,
            })),
        );
  return { ...summary(pack, approvals), rules };
}

/** The approved local packs that apply to an organization (its own or an ancestor's). */
export async function approvedLocalPacksFor(ctx: PolicyContext, orgPath: string): Promise<string[]> {
  const approvals = await repo.listApprovals(ctx.db);
  const out: string[] = [];
  for (const pack of ctx.library.packs) {
    if (pack.scope !== 'local' || approvalOf(pack, approvals)?.status !== 'approved') continue;
    const org = await findOrganizationByCode(ctx.db, pack.organizationCode!);
    if (org && orgPath.startsWith(org.path)) out.push(pack.id);
  }
  return out;
}

async function resolve(ctx: PolicyContext, actor: Actor, q: { date: string; track: Track; organizationId?: string }) {
  let local: string[] = [];
  if (q.organizationId) {
    const org = await findOrganization(ctx.db, q.organizationId);
    if (!org || !mayActOn(actor, 'policy.read', org.path)) throw notFound('đơn vị', 'Organization');
    local = await approvedLocalPacksFor(ctx, org.path);
  }
  return policyAt(ctx.library, q.date, q.track, { approvedLocalPackIds: local });
}

export async function rulesAt(
  ctx: PolicyContext,
  actor: Actor,
  q: { date: string; track: Track; organizationId?: string },
): Promise<{ items: Rule[] }> {
  assertReader(actor);
  const policy = await resolve(ctx, actor, q);
  return { items: [...policy.rules.values()].map(toRuleResponse).sort((a, b) => a.id.localeCompare(b.id)) };
}

/** Every version of one rule across the packs, oldest first: the rule's history. */
export function ruleVersions(ctx: PolicyContext, actor: Actor, id: string): { items: Rule[] } {
  assertReader(actor);
  const items = ctx.library.packs
    .flatMap((p) => p.rules)
    .filter((r) => r.id === id)
    .map(toRuleResponse)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.tracks.join().localeCompare(b.tracks.join()));
  if (items.length === 0) throw notFound('quy định', 'Rule');
  return { items };
}

export function diff(
  ctx: PolicyContext,
  actor: Actor,
  q: { fromPack?: string; toPack?: string; fromDate?: string; toDate?: string; track?: Track },
): { items: RuleChange[] } {
  assertReader(actor);
  if (q.fromPack && q.toPack) {
    const a = ctx.library.packs.find((p) => p.id === q.fromPack && p.scope === 'national');
    const b = ctx.library.packs.find((p) => p.id === q.toPack && p.scope === 'national');
    if (!a) throw validation('fromPack', 'không có bộ quy định này', 'no such national pack');
    if (!b) throw validation('toPack', 'không có bộ quy định này', 'no such national pack');
    // A pack may hold two versions of one rule (e.g. NĐ 138 then NĐ 170): compare the latest of each id.
    const latest = (p: LoadedPack) => [...new Map(p.rules.map((r) => [r.id, r])).values()].map(toRuleResponse);
    return { items: diffRules(latest(a), latest(b)) };
  }
  if (q.fromDate && q.toDate && q.track) {
    const at = (d: string) => [...policyAt(ctx.library, d, q.track!).rules.values()].map(toRuleResponse);
    return { items: diffRules(at(q.fromDate), at(q.toDate)) };
  }
  throw validation(
    'query',
    'cần fromPack và toPack, hoặc fromDate, toDate và track',
    'give fromPack and toPack, or fromDate, toDate and track',
  );
}

export async function checkEligibility(ctx: PolicyContext, actor: Actor, body: EligibilityCheckBody): Promise<EligibilityResult> {
  assertReader(actor);
  const policy = await resolve(ctx, actor, body);
  if (!policy.rules.has('appointment.months-in-post'))
    throw validation(
      'date',
      `không có bộ quy định công tác cán bộ nào có hiệu lực ngày ${body.date.split('-').reverse().join('/')}`,
      `no cadre rule pack is in force on ${body.date}`,
    );
  const facts = eligibilityFactsSchema.parse(body.facts);
  try {
    const r = evaluateEligibility(facts, policy);
    return { date: body.date, track: body.track, ...r };
  } catch (err) {
    if (err instanceof RangeError) throw validation('facts.person.birth', 'ngày sinh không có thật', 'not a calendar date');
    throw err;
  }
}

/** Public: the retirement date for a sex and a (partial) birth date under the schedule in force today. */
export function calculateRetirement(ctx: PolicyContext, q: { sex: Sex; birth: string }): RetirementResult {
  try {
    const r = retirementDate(q, policyAt(ctx.library, todayIso(), 'state'));
    return { ...r, assumptions: [...r.assumptions] };
  } catch (err) {
    if (err instanceof RangeError) throw validation('birth', 'ngày sinh không có thật', 'not a calendar date');
    throw err;
  }
}

/** Approves a local pack for its organization's subtree: administrators of that subtree only; audited. */
export async function approveLocalPack(ctx: PolicyContext, actor: Actor, id: string, note: string): Promise<PackSummary> {
  const pack = ctx.library.packs.find((p) => p.id === id && p.scope === 'local');
  if (!pack) throw packNotFound();
  return ctx.db.transaction().execute(async (trx) => {
    const org = await findOrganizationByCode(trx, pack.organizationCode!);
    if (!org)
      throw new AppError(
        'CONFLICT',
        `Không có đơn vị mã "${pack.organizationCode}"`,
        `No organization with code "${pack.organizationCode}"`,
      );
    if (!mayActOn(actor, 'policy.manage', org.path)) throw forbidden();
    const hash = hashOf(pack);
    const approvals = await repo.listApprovals(trx);
    if (approvals.find((a) => a.pack_id === pack.id)?.pack_hash === hash)
      throw new AppError('CONFLICT', 'Bộ quy định này đã được phê duyệt', 'This pack is already approved');
    const row = {
      id: newId(),
      pack_id: pack.id,
      pack_hash: hash,
      organization_id: org.id,
      approved_by: actor.userId,
      approved_at: nowIso(),
      note,
    };
    await repo.insertApproval(trx, row);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'policy_pack.approve',
      entity: 'policy_pack',
      entityId: pack.id,
      organizationId: org.id,
      after: { ...row, file: pack.file, overrides: pack.overrides },
    });
    return summary(pack, await repo.listApprovals(trx));
  });
}
