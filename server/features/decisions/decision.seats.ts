// The sensitive post category of a seat (Anti-Corruption Law 2018 art. 20), kept by the personnel office: listed per
// organization and changed with a reason, audited; a change reports the conflicts the seat's holders now have.
import {
  type SeatCategory,
  type SetSeatCategoryBody,
  seatCategoryQuerySchema,
  setSeatCategoryBodySchema,
} from '../../../contracts/decisions';
import type { Verdict } from '../../../contracts/policy';
import type { Db } from '../../db/database';
import { forbidden, notFound } from '../../http/errors';
import { todayIso } from '../../lib/ids';
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

/**
 * Sets a seat's own category (or clears it, the title's then applies), with the reason in the audit entry. The
 * seat keeps no dated history of its category: the audit chain is that history.
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
    const [before] = await repo.seatsWithCategories(trx, { positionId, asOf: today });
    await repo.setSeatPostCategory(trx, positionId, body.postCategory);
    // The holders as they stand under the new category: a conflict is shown, never silently kept.
    const { policy } = await policyInForceFor(trx, library, {
      organizationPath: seat.organization_path,
      date: today,
      track: 'state',
    });
    const [after] = await repo.seatsWithCategories(trx, { positionId, asOf: today });
    const conflicts: Verdict[] = [];
    for (const h of after!.holders) {
      const person = await findPerson(trx, h.person_id);
      if (!person) continue;
      const verdicts = await placementVerdicts(
        trx,
        policy,
        { position_id: positionId, person_id: h.person_id },
        parseRecord(person.data_json),
        today,
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
      after: { postCategory: body.postCategory, reason: body.reason, conflicts: conflicts.map((c) => c.detail.vi) },
    });
    return { seat: toSeatCategory(after!), conflicts };
  });
}
