import type { Plan } from '../../../contracts/planning';
import {
  type CreateReviewBody,
  type RemovalTrigger,
  type Review,
  type ReviewChange,
  type ReviewEntry,
  type ReviewPreview,
  createReviewBodySchema,
} from '../../../contracts/planning-work';
import type { Db, Trx } from '../../db/database';
import { AppError, notFound, validation } from '../../http/errors';
import { newId, nowIso, todayIso } from '../../lib/ids';
import { type Actor, mayActOn } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import { findPerson } from '../persons/person.repository';
import { type PlanningContext, cycleFor } from './planning.context';
import * as repo from './planning.repository';
import { type AssembledPerson, assemble } from './planning.assemble';
import { candidateKey } from './planning.rules';
import { insertReview, personPaths, ratingsOf, reviewsOfCycle } from './planning.work.repository';
import { lowConfidenceOf } from './planning.votes';
import { type Suggestion, inFirstQuarter, reviewDiff, suggestRemovals } from './planning.work.rules';
import type { ReviewRow } from './planning.table';

// The yearly review (first quarter): removals suggested from the records, then keep / add / remove with reasons,
// saved with the lists before and after.

const planName = (p: Plan) => (p.kind === 'seat' ? `${p.titleName} — ${p.organizationName}` : `Cấp ủy — ${p.organizationName}`);

type Cycle = Awaited<ReturnType<typeof cycleFor>>;

/** The suggestions for every planned person of a cycle on `on` (the review date). */
async function suggestionsOf(ctx: PlanningContext, actor: Actor, cycle: Cycle, on: string, db: Db | Trx) {
  const assembled = await assemble(ctx, cycle, db);
  const { detail, validation: v, policy } = assembled;
  const people = assembled.people();
  const ids = people.map((p) => p.personId);
  const year = Number(on.slice(0, 4));
  const ratings = await ratingsOf(db, ids, year - 1);
  const paths = await personPaths(db, ids);
  // Votes of the cycle's organization subtree: the scope the cycle itself was opened in.
  const low = await lowConfidenceOf(db, actor, ids, on, [cycle.organization_path]);
  const plans = new Map(detail.plans.map((p) => [p.id, p]));
  const out = new Map<string, Suggestion[]>();
  for (const p of people) {
    const failed = (v.candidates.get(candidateKey(p.planId, p.personId)) ?? []).filter((x) => x.status === 'failed');
    out.set(
      p.candidateId,
      suggestRemovals(policy, {
        failedRuleIds: failed.map((x) => x.ruleId),
        lowVotes: low.get(p.personId) ?? [],
        ratingLastYear: ratings.find((r) => r.person_id === p.personId && r.year === year - 1)?.level ?? null,
        movedAway: !(paths.get(p.personId) ?? '').startsWith(cycle.organization_path),
        appointed: p.levelsBelow !== null && p.levelsBelow <= 0,
      }),
    );
  }
  return { people, plans, suggestions: out };
}

const entryOf = (p: AssembledPerson, plans: Map<string, Plan>): ReviewEntry => ({
  planId: p.planId,
  planName: planName(plans.get(p.planId)!),
  personId: p.personId,
  fullName: p.fullName,
  readiness: p.readiness,
});

export async function previewReview(ctx: PlanningContext, actor: Actor, cycleId: string, on?: string): Promise<ReviewPreview> {
  const cycle = await cycleFor(ctx.db, actor, cycleId, 'planning.read');
  const date = on ?? todayIso();
  const { people, plans, suggestions } = await suggestionsOf(ctx, actor, cycle, date, ctx.db);
  const preview: ReviewPreview = {
    year: Number(date.slice(0, 4)),
    inFirstQuarter: inFirstQuarter(date),
    suggestions: [],
    keep: [],
  };
  for (const p of people) {
    const mine = suggestions.get(p.candidateId) ?? [];
    const base = { candidateId: p.candidateId, personId: p.personId, fullName: p.fullName, planName: entryOf(p, plans).planName };
    if (mine.length === 0) preview.keep.push(base);
    for (const s of mine) preview.suggestions.push({ ...base, planId: p.planId, ...s });
  }
  return preview;
}

function toReview(row: ReviewRow): Review {
  const changes = JSON.parse(row.changes_json) as ReviewChange[];
  return {
    id: row.id,
    cycleId: row.cycle_id,
    year: Number(row.year),
    reviewedOn: row.reviewed_on,
    note: row.note,
    before: JSON.parse(row.before_json) as ReviewEntry[],
    after: JSON.parse(row.after_json) as ReviewEntry[],
    changes,
    counts: {
      kept: changes.filter((c) => c.change === 'keep').length,
      added: changes.filter((c) => c.change === 'add').length,
      removed: changes.filter((c) => c.change === 'remove').length,
    },
    createdAt: row.created_at,
  };
}

export async function listReviews(ctx: PlanningContext, actor: Actor, cycleId: string): Promise<{ items: Review[] }> {
  const cycle = await cycleFor(ctx.db, actor, cycleId, 'planning.read');
  return { items: (await reviewsOfCycle(ctx.db, cycle.id)).map(toReview) };
}

/**
 * Saves a yearly review of an approved plan: removals (with reasons) leave the plan on the review date, additions
 * enter it; everyone else is kept. The cycle becomes "reviewed"; the lists before and after are kept for the diff.
 */
export async function createReview(
  ctx: PlanningContext,
  actor: Actor,
  cycleId: string,
  input: CreateReviewBody,
): Promise<Review> {
  const body = createReviewBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const cycle = await cycleFor(trx, actor, cycleId, 'planning.write');
    if (cycle.status !== 'approved' && cycle.status !== 'reviewed')
      throw new AppError(
        'CONFLICT',
        'Chỉ rà soát hằng năm quy hoạch đã được phê duyệt',
        'Only an approved plan is reviewed each year',
      );
    const { people, plans, suggestions } = await suggestionsOf(ctx, actor, cycle, body.reviewedOn, trx);
    const byCandidate = new Map(people.map((p) => [p.candidateId, p]));
    const triggers = (candidateId: string): RemovalTrigger[] => (suggestions.get(candidateId) ?? []).map((s) => s.trigger);
    const reasons = new Map<string, string>();
    for (const [i, r] of body.removals.entries()) {
      if (!byCandidate.has(r.candidateId))
        throw validation(`removals.${i}.candidateId`, 'người này không còn trong quy hoạch', 'this person is no longer planned');
      reasons.set(r.candidateId, r.reason);
    }
    const added: (AssembledPerson & { reason: string })[] = [];
    for (const [i, a] of body.additions.entries()) {
      const plan = plans.get(a.planId);
      if (!plan) throw validation(`additions.${i}.planId`, 'không có quy hoạch này trong kỳ', 'no such plan in the cycle');
      const person = await findPerson(trx, a.personId);
      if (!person || !mayActOn(actor, 'persons.read', person.organization_path)) throw notFound('cán bộ', 'Person');
      if (people.some((p) => p.planId === a.planId && p.personId === a.personId && !reasons.has(p.candidateId)))
        throw validation(`additions.${i}.personId`, `${person.full_name} đã có trong quy hoạch này`, 'already in this plan');
      const row = {
        id: newId(),
        plan_id: plan.id,
        cycle_id: cycle.id,
        person_id: person.id,
        target_title_id: plan.titleId,
        readiness: a.readiness,
        rank: plan.candidates.length + 1 + added.filter((x) => x.planId === plan.id).length,
        emergency: 0,
        proposed_for_appointment: 0,
        notes: a.reason,
        added_on: body.reviewedOn,
        removed_on: null,
        removal_reason: null,
        created_at: nowIso(),
      };
      await repo.insertCandidate(trx, row);
      added.push({
        candidateId: row.id,
        planId: plan.id,
        personId: person.id,
        fullName: person.full_name,
        birthDate: person.birth_date,
        sex: person.sex,
        readiness: a.readiness,
        organizationPath: person.organization_path,
        levelsBelow: null,
        retirementDate: '',
        reason: a.reason,
      });
    }
    for (const [candidateId, reason] of reasons)
      await repo.updateCandidate(trx, candidateId, { removed_on: body.reviewedOn, removal_reason: reason });
    const diff = reviewDiff(people, new Set(reasons.keys()), added);
    const changes: ReviewChange[] = [
      ...diff.kept.map((p) => ({
        ...entryOf(p, plans),
        change: 'keep' as const,
        reason: null,
        suggested: triggers(p.candidateId),
      })),
      ...diff.removed.map((p) => ({
        ...entryOf(p, plans),
        change: 'remove' as const,
        reason: reasons.get(p.candidateId)!,
        suggested: triggers(p.candidateId),
      })),
      ...added.map((p) => ({ ...entryOf(p, plans), change: 'add' as const, reason: p.reason, suggested: [] })),
    ];
    const row: ReviewRow = {
      id: newId(),
      cycle_id: cycle.id,
      year: Number(body.reviewedOn.slice(0, 4)),
      reviewed_on: body.reviewedOn,
      note: body.note,
      before_json: JSON.stringify(people.map((p) => entryOf(p, plans))),
      after_json: JSON.stringify(diff.after.map((p) => entryOf(p, plans))),
      changes_json: JSON.stringify(changes),
      created_by: actor.userId,
      created_at: nowIso(),
    };
    await insertReview(trx, row);
    if (cycle.status === 'approved') await repo.setCycleStatus(trx, cycle.id, 'reviewed');
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'planning_review.create',
      entity: 'planning_review',
      entityId: row.id,
      organizationId: cycle.organization_id,
      before: { status: cycle.status, planned: people.length },
      after: { status: 'reviewed', removals: body.removals, additions: body.additions, note: body.note },
    });
    return row.id;
  });
  const { items } = await listReviews(ctx, actor, cycleId);
  return items.find((r) => r.id === id)!;
}
