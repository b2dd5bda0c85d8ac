// The sensitive post category of a seat (Anti-Corruption Law 2018 art. 20), kept by the personnel office: listed per
// organization and changed with a reason, audited; a change reports the conflicts the seat's holders now have.
import {
  type SeatCategory,
  type SeatCategoryHistory,
  type SetSeatCategoryBody,
  seatCategoryHistoryQuerySchema,
  seatCategoryQuerySchema,
  setSeatCategoryBodySchema,
} from '../../../contracts/decisions';
import type { Verdict } from '../../../contracts/policy';
import type { Db } from '../../db/database';
import { forbidden, notFound, validation } from '../../http/errors';
import { nowIso, todayIso } from '../../lib/ids';
import { type Actor, mayActOn } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import { parseRecord } from '../persons/person.mapper';
import { findPerson } from '../persons/person.repository';
import type { PolicyLibrary } from '../policy/policy.library';
import { policyInForceFor } from '../policy/policy.in-force';
import { placementVerdicts } from './decision.read';
import * as repo from './decision.repository';

const seatNotFound = () => notFound('vị trí', 'Seat');

type SeatRow = Awaited<ReturnType<typeof repo.seatsWithCategories>>[number];
const toSeatCategory = (s: SeatRow): SeatCategory => ({
  positionId: s.id,
  organizationName: s.organization_name,
  titleName: s.title_name,
  seatCategory: s.seat_category,
  titleCategory: s.title_category,
  category: s.seat_category ?? s.title_category,
  role: repo.seatRole(s),
  holders: s.holders.map((h) => h.person_name),
});

/** The seats of an organization in scope on a day (today by default) with their categories. */
export async function listSeatCategories(db: Db, actor: Actor, input: unknown): Promise<{ items: SeatCategory[] }> {
  const q = seatCategoryQuerySchema.parse(input);
  const org = await repo.findOrganizationPath(db, q.organizationId);
  if (!org || !mayActOn(actor, 'positions.read', org.path)) throw notFound('đơn vị', 'Organization');
  const rows = await repo.seatsWithCategories(db, { organizationId: org.id, asOf: q.asOf ?? todayIso() });
  return { items: rows.map(toSeatCategory) };
}

/** A seat's category as of a day (today by default) and its dated versions. */
export async function seatCategoryHistory(
  db: Db,
  actor: Actor,
  positionId: string,
  input: unknown,
): Promise<SeatCategoryHistory> {
  const q = seatCategoryHistoryQuerySchema.parse(input);
  const seat = await repo.findSeat(db, positionId);
  if (!seat || !mayActOn(actor, 'positions.read', seat.organization_path)) throw seatNotFound();
  const [row] = await repo.seatsWithCategories(db, { positionId, asOf: q.asOf ?? todayIso() });
  const versions = await repo.seatCategoryVersions(db, positionId);
  return {
    seat: toSeatCategory(row!),
    versions: versions.map((v) => ({
      postCategory: v.post_category,
      validFrom: v.valid_from,
      validTo: v.valid_to,
      reason: v.reason,
      setBy: v.set_by,
    })),
  };
}

/**
 * Sets a seat's own category (or clears it, the title's then applies) from a day on, as a dated version with its
 * reason, audited; a change may not reach back before the latest one (the history is appended to, never rewritten).
 */
export async function setSeatCategory(
  db: Db,
  library: PolicyLibrary,
  actor: Actor,
  positionId: string,
  input: SetSeatCategoryBody,
): Promise<{ seat: SeatCategory; conflicts: Verdict[] }> {
  const body = setSeatCategoryBodySchema.parse(input);
  return db.transaction().execute(async (trx) => {
    const seat = await repo.findSeat(trx, positionId);
    if (!seat || !mayActOn(actor, 'positions.read', seat.organization_path)) throw seatNotFound();
    if (!mayActOn(actor, 'positions.write', seat.organization_path)) throw forbidden();
    const today = todayIso();
    const from = body.effectiveFrom ?? today;
    const [before] = await repo.seatsWithCategories(trx, { positionId, asOf: from });
    const versions = await repo.seatCategoryVersions(trx, positionId);
    const latest = versions[versions.length - 1];
    if (latest && from < latest.valid_from)
      throw validation(
        'effectiveFrom',
        `trước lần thay đổi gần nhất (${latest.valid_from.split('-').reverse().join('/')})`,
        `before the latest change (${latest.valid_from})`,
      );
    if (from < before!.valid_from) throw validation('effectiveFrom', 'trước ngày vị trí được lập', 'before the seat was created');
    const own = await trx.selectFrom('positions').select('post_category').where('id', '=', positionId).executeTakeFirstOrThrow();
    await repo.setSeatPostCategory(
      trx,
      { id: positionId, valid_from: before!.valid_from, post_category: own.post_category },
      { category: body.postCategory, from, reason: body.reason, by: actor.userId, at: nowIso() },
    );
    // The holders as they stand under the new category: a conflict is shown, never silently kept.
    const { policy } = await policyInForceFor(trx, library, {
      organizationPath: seat.organization_path,
      date: from,
      track: 'state',
    });
    const [after] = await repo.seatsWithCategories(trx, { positionId, asOf: from });
    const conflicts: Verdict[] = [];
    for (const h of after!.holders) {
      const person = await findPerson(trx, h.person_id);
      if (!person) continue;
      const verdicts = await placementVerdicts(
        trx,
        policy,
        { position_id: positionId, person_id: h.person_id },
        parseRecord(person.data_json),
        from,
      );
      conflicts.push(...verdicts.filter((v) => v.status === 'failed'));
    }
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'decision.seat.post_category',
      entity: 'position',
      entityId: positionId,
      organizationId: seat.organization_id,
      before: { postCategory: before?.seat_category ?? null },
      after: {
        postCategory: body.postCategory,
        effectiveFrom: from,
        reason: body.reason,
        conflicts: conflicts.map((c) => c.detail.vi),
      },
    });
    return { seat: toSeatCategory(after!), conflicts };
  });
}
