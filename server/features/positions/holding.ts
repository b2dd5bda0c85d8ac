import type { Trx } from '../../db/database';
import { AppError, forbidden, validation } from '../../http/errors';
import { type Actor, type Permission, mayActOn } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import { maxSeatedFrom, periodsOverlap } from './position.rules';

// A seat incumbency and a job-position assignment are the same thing to check and to end: a person holding a place
// of a unit over [from, to). Both services (position.service, staffing.service / staffing.assignments) use these.

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

export interface HoldingRow {
  id: string;
  person_id: string;
  person_name: string;
  from_date: string;
  to_date: string | null;
}

/**
 * Refuses a new holding of a place from `from`: a day outside the place's validity (on `from`), the same person
 * holding it over an overlapping period (on `personId`), or the place full on some day from then on (fewer `places`
 * than the most people holding it at once; on `from`). `what` names the place ("vị trí Giám đốc Sở").
 */
export function assertPlaceFree(
  place: { validFrom: string; validTo: string | null; places: number; what: { vi: string; en: string } },
  history: readonly HoldingRow[],
  person: { personId: string; personName: string; from: string },
  fullHint: { vi: string; en: string },
): void {
  const { what } = place;
  if (person.from < place.validFrom || (place.validTo !== null && person.from >= place.validTo))
    throw validation(
      'from',
      `${what.vi} chỉ có từ ${ddmmyyyy(place.validFrom)}${place.validTo ? ` đến trước ${ddmmyyyy(place.validTo)}` : ''}`,
      `${what.en} exists from ${place.validFrom}${place.validTo ? ` until ${place.validTo}` : ''}`,
    );
  const clash = history.find((h) => h.person_id === person.personId && periodsOverlap(h.from_date, h.to_date, person.from, null));
  if (clash)
    throw new AppError(
      'CONFLICT',
      `${person.personName} đã giữ ${what.vi} từ ${ddmmyyyy(clash.from_date)}: thời gian trùng nhau`,
      `${person.personName} already holds ${what.en} from ${clash.from_date}: overlapping periods`,
      [{ path: 'personId', message: 'Trùng thời gian', messageEn: 'Overlapping period' }],
    );
  const seated = maxSeatedFrom(
    history.map((h) => ({ from: h.from_date, to: h.to_date })),
    person.from,
  );
  if (seated >= place.places)
    throw new AppError(
      'CONFLICT',
      `${what.vi} đã đủ ${place.places} người từ ngày ${ddmmyyyy(person.from)}: ${fullHint.vi}`,
      `${what.en} already has ${place.places} people from ${person.from}: ${fullHint.en}`,
      [{ path: 'from', message: 'Đã đủ người', messageEn: 'Full' }],
    );
}

/**
 * Ends a holding on `to` (exclusive: the first day the person no longer holds the place), audited: 404 outside the
 * actor's read scope, 403 without write, a conflict when it has already ended, `to` on or before its start refused.
 */
export async function endHolding<R extends HoldingRow>(
  trx: Trx,
  actor: Actor | null,
  h: {
    row: R | undefined;
    unit: { organizationId: string; path: string } | undefined;
    read: Permission;
    write: Permission;
    notFound: () => AppError;
    alreadyEnded: (row: R) => AppError;
    setTo: (trx: Trx, id: string, to: string) => Promise<void>;
    audit: { action: string; entity: string };
    to: string;
  },
): Promise<R> {
  const { row, unit, to } = h;
  if (!row || !unit || (actor && !mayActOn(actor, h.read, unit.path))) throw h.notFound();
  if (actor && !mayActOn(actor, h.write, unit.path)) throw forbidden();
  if (row.to_date !== null) throw h.alreadyEnded(row);
  if (to <= row.from_date)
    throw validation('to', `ngày kết thúc phải sau ngày bắt đầu ${ddmmyyyy(row.from_date)}`, `must be after ${row.from_date}`);
  await h.setTo(trx, row.id, to);
  await appendAudit(trx, {
    actorId: actor?.userId ?? null,
    action: h.audit.action,
    entity: h.audit.entity,
    entityId: row.id,
    organizationId: unit.organizationId,
    before: { to_date: null },
    after: { to_date: to },
  });
  return { ...row, to_date: to };
}
