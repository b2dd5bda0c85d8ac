import {
  type CreateRoundBody,
  ROUND_STEP_LABELS,
  type Round,
  type SessionOption,
  createRoundBodySchema,
} from '../../../contracts/planning-work';
import { foldVietnamese } from '../../lib/text';
import { AppError, validation } from '../../http/errors';
import { newId, nowIso } from '../../lib/ids';
import type { Actor } from '../access/access.rules';
import type { Trx } from '../../db/database';
import { appendAudit } from '../audit/audit.repository';
import type { ResolvedPolicy } from '../policy/policy.library';
import { type PlanningContext, cycleFor, planFor, policyOf } from './planning.context';
import * as repo from './planning.repository';
import { judgeRoundCount } from './planning.rules';
import { type RoundWithResults, insertRound, roundsOfCycle, voteSessionTitles } from './planning.work.repository';
import { admittedTo } from './planning.work.rules';
import { listVoteOutcomes } from '../votes/vote.outcomes';

// Recommendation rounds: each step of building a plan with its vote; who passes goes on to the next step.

function toRound(r: RoundWithResults, policy: ResolvedPolicy): Round {
  return {
    ...r,
    results: r.results.map((x) => ({
      ...x,
      verdict: judgeRoundCount(policy, { fullName: x.fullName, agree: x.agree, summoned: r.summoned, step: r.step })!,
    })),
  };
}

export async function listRounds(ctx: PlanningContext, actor: Actor, cycleId: string): Promise<{ items: Round[] }> {
  const cycle = await cycleFor(ctx.db, actor, cycleId, 'planning.read');
  const policy = await policyOf(ctx, cycle);
  return { items: (await roundsOfCycle(ctx.db, cycle.id)).map((r) => toRound(r, policy)) };
}

/**
 * Records one step for a plan from the counts of its minutes: every person voted on must be in the plan and,
 * when an earlier step was held, must have passed it; each count is judged by planning.recommendation-threshold.
 */
export async function createRound(ctx: PlanningContext, actor: Actor, planId: string, input: CreateRoundBody): Promise<Round> {
  const body = createRoundBodySchema.parse(input);
  if (body.voteSessionId === null) checkPaperCounts(body);
  else if (body.results.length)
    throw validation('results', 'kết quả lấy từ phiên bỏ phiếu, không nhập tay', 'the results come from the vote session');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { plan, cycle } = await planFor(trx, actor, planId, 'planning.write');
    if (cycle.status !== 'draft' && cycle.status !== 'in_rounds')
      throw new AppError(
        'CONFLICT',
        'Chỉ ghi bước giới thiệu khi quy hoạch đang dự thảo hoặc đang lấy ý kiến',
        'Rounds are recorded only while the plan is a draft or in rounds',
      );
    const policy = await policyOf(ctx, cycle, trx);
    const planned = new Map(
      (await repo.activeCandidatesOfCycle(trx, cycle.id)).filter((c) => c.plan_id === plan.id).map((c) => [c.person_id, c]),
    );
    const previous = (await roundsOfCycle(trx, cycle.id)).filter((r) => r.planId === plan.id);
    const admitted = admittedTo(previous, body.step);
    const counted = body.voteSessionId
      ? await countsOfSession(trx, actor, body.voteSessionId, [cycle.organization_path], [...planned.keys()])
      : { summoned: body.summoned!, present: body.present!, heldOn: body.heldOn, results: body.results };
    const results = counted.results.map((r, i) => {
      const c = planned.get(r.personId);
      if (!c) throw validation(`results.${i}.personId`, 'người này không có trong quy hoạch', 'this person is not in the plan');
      if (admitted && !admitted.has(r.personId))
        throw validation(
          `results.${i}.personId`,
          `${c.full_name} chưa đạt ở bước giới thiệu trước nên không đưa vào bước "${ROUND_STEP_LABELS[body.step].vi}"`,
          `${c.full_name} did not pass the previous step, so cannot go on to "${ROUND_STEP_LABELS[body.step].en}"`,
        );
      const v = judgeRoundCount(policy, { fullName: c.full_name, agree: r.agree, summoned: counted.summoned, step: body.step });
      if (!v)
        throw validation(
          'step',
          'bộ quy định có hiệu lực không có tỷ lệ giới thiệu quy hoạch',
          'the pack in force has no recommendation threshold',
        );
      return { person_id: r.personId, agree: r.agree, disagree: r.disagree, passed: v.status === 'passed' ? 1 : 0 };
    });
    const row = {
      id: newId(),
      cycle_id: cycle.id,
      plan_id: plan.id,
      step: body.step,
      held_on: counted.heldOn,
      source: body.voteSessionId ? ('vote_session' as const) : ('paper' as const),
      vote_session_id: body.voteSessionId,
      summoned: counted.summoned,
      present: counted.present,
      participants: body.participants,
      documents_json: JSON.stringify(body.documents),
      created_by: actor.userId,
      created_at: nowIso(),
    };
    await insertRound(
      trx,
      row,
      results.map((r) => ({ ...r, round_id: row.id })),
    );
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'planning_round.create',
      entity: 'planning_round',
      entityId: row.id,
      organizationId: plan.organization_id,
      after: { ...row, results },
    });
    return { roundId: row.id, cycleId: cycle.id };
  });
  const { items } = await listRounds(ctx, actor, id.cycleId);
  return items.find((r) => r.id === id.roundId)!;
}

/**
 * The published planning-recommendation sessions of the cycle's subtree that voted on people of this plan (what a
 * round can be read from), newest first, whose title or date holds every word of `q` folded (no diacritics, đ→d).
 */
export async function sessionOptions(
  ctx: PlanningContext,
  actor: Actor,
  planId: string,
  q: { q?: string; limit: number },
): Promise<{ items: SessionOption[]; total: number }> {
  const { plan, cycle } = await planFor(ctx.db, actor, planId, 'planning.read');
  const people = (await repo.activeCandidatesOfCycle(ctx.db, cycle.id))
    .filter((c) => c.plan_id === plan.id)
    .map((c) => c.person_id);
  if (people.length === 0) return { items: [], total: 0 };
  const outcomes = await listVoteOutcomes(ctx.db, actor, {
    personIds: people,
    organizationPaths: [cycle.organization_path],
    kinds: ['planning'],
  });
  const sessions = new Map<string, SessionOption>();
  for (const o of outcomes) {
    const s = sessions.get(o.sessionId);
    if (s) s.people++;
    else
      sessions.set(o.sessionId, {
        id: o.sessionId,
        title: '',
        voteDate: o.voteDate,
        summoned: o.summoned,
        collected: o.collected,
        people: 1,
      });
  }
  const titles = await voteSessionTitles(ctx.db, [...sessions.keys()]);
  const words = foldVietnamese(q.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const found = [...sessions.values()]
    .map((s) => ({ ...s, title: titles.get(s.id) ?? '' }))
    .filter((s) => {
      const text = foldVietnamese(`${s.title} ${s.voteDate.split('-').reverse().join('/')}`);
      return words.every((w) => text.includes(w));
    })
    .sort((a, b) => b.voteDate.localeCompare(a.voteDate) || a.title.localeCompare(b.title, 'vi'));
  return { items: found.slice(0, q.limit), total: found.length };
}

function checkPaperCounts(body: ReturnType<typeof createRoundBodySchema.parse>): void {
  if (body.summoned === undefined || body.present === undefined)
    throw validation('summoned', 'cần số người được triệu tập và số người có mặt', 'summoned and present are required');
  if (body.present > body.summoned)
    throw validation('present', 'số người có mặt vượt số người được triệu tập', 'more present than summoned');
  if (body.results.length === 0)
    throw validation('results', 'cần kết quả biểu quyết của ít nhất một người', 'the vote of at least one person is needed');
  for (const [i, r] of body.results.entries())
    if (r.agree + r.disagree > body.present)
      throw validation(
        `results.${i}`,
        'số phiếu đồng ý và không đồng ý vượt số người có mặt',
        'agree and disagree exceed those present',
      );
  if (new Set(body.results.map((r) => r.personId)).size !== body.results.length)
    throw validation('results', 'một người chỉ được ghi một lần', 'a person appears twice');
}

/**
 * The count of a published planning-recommendation session (agree/disagree) of the cycle's subtree, as
 * "Confidence votes" publishes it: those summoned, ballots collected, agree and disagree per person voted on.
 */
async function countsOfSession(db: Trx, actor: Actor, sessionId: string, roots: readonly string[], personIds: readonly string[]) {
  const outcomes = (await listVoteOutcomes(db, actor, { personIds, organizationPaths: roots, kinds: ['planning'] })).filter(
    (o) => o.sessionId === sessionId,
  );
  const first = outcomes[0];
  if (!first)
    throw validation(
      'voteSessionId',
      'không có phiên giới thiệu quy hoạch đã công bố kết quả với những người trong quy hoạch này',
      'no published planning session voting on people of this plan',
    );
  return {
    summoned: first.summoned,
    present: first.collected,
    heldOn: first.voteDate,
    results: outcomes.map((o) => {
      if (!('agree' in o.counts))
        throw validation('voteSessionId', 'phiên này không phải phiếu đồng ý/không đồng ý', 'not an agree/disagree ballot');
      return { personId: o.personId, agree: o.counts.agree, disagree: o.counts.disagree };
    }),
  };
}
