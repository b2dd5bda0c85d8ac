import type {
  AddIncumbentBody,
  CreatePositionBody,
  Incumbent,
  Position,
  PositionHistory,
  PositionListQuery,
  RuleVerdict,
  UpdatePositionBody,
} from '../../../contracts/positions';
import type { Db, Trx } from '../../db/database';
import { AppError, forbidden, notFound, validation } from '../../http/errors';
import { groupBy } from '../../lib/collections';
import { newId, nowIso, todayIso } from '../../lib/ids';
import { type Actor, mayActOn, scopePaths } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import { findOrganization } from '../organizations/organization.repository';
import { findTitle, findTitlesByIds, listCatalogs } from '../titles/title.repository';
import { catalogInForce } from '../titles/title.rules';
import { toIncumbentResponse, toPositionResponse, toPositionVersionResponse } from './position.mapper';
import * as repo from './position.repository';
import { assertPlaceFree, endHolding } from './holding';
import { type TitleFacts, maxSeatedFrom, seatProblems, termEndFrom, termEndsWithin } from './position.rules';

const positionNotFound = () => notFound('vị trí', 'Position');
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

/** Title facts for the seat rules, keyed by id, including the heads of deputy titles. */
export async function titleFactsFor(db: Db | Trx, titleIds: readonly string[]): Promise<Map<string, TitleFacts>> {
  const rows = await findTitlesByIds(db, titleIds);
  const heads = await findTitlesByIds(
    db,
    rows.map((r) => r.head_title_id).filter((id): id is string => id !== null),
  );
  return new Map(
    [...rows, ...heads].map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        headTitleId: r.head_title_id,
        maxDeputies: r.max_deputies === null ? null : Number(r.max_deputies),
        citation: r.citation,
      },
    ]),
  );
}

/** Seats on a date with their incumbents and the seat-rule failures, in the actor's scope. */
export async function listPositions(
  db: Db,
  actor: Actor,
  query: PositionListQuery,
): Promise<{ items: Position[]; total: number; problems: RuleVerdict[] }> {
  const asOf = query.asOf ?? todayIso();
  let roots = scopePaths(actor, 'positions.read');
  let organizationId: string | undefined;
  if (query.organizationId) {
    const org = await findOrganization(db, query.organizationId);
    if (!org || !mayActOn(actor, 'positions.read', org.path)) throw notFound('đơn vị', 'Organization');
    roots = [org.path];
    if (query.subtree !== '1') organizationId = org.id;
  }
  const seats = await repo.listPositionsAsOf(db, { roots, organizationId, asOf });
  const incumbents = await repo.incumbentsAsOf(
    db,
    seats.map((s) => s.id),
    asOf,
  );
  const bySeat = groupBy(incumbents, (i) => i.position_id);
  const titles = await titleFactsFor(
    db,
    seats.map((s) => s.title_id),
  );
  const problems = seatProblems(
    seats.map((s) => ({
      positionId: s.id,
      organizationId: s.organization_id,
      titleId: s.title_id,
      titleName: s.title_name,
      seatCount: Number(s.seat_count),
      incumbentCount: bySeat.get(s.id)?.length ?? 0,
    })),
    titles,
  );
  let items = seats.map((s) => toPositionResponse(s, bySeat.get(s.id) ?? []));
  if (query.vacant === '1') items = items.filter((p) => p.vacant > 0);
  if (query.termEndsWithinMonths)
    items = items.filter((p) => p.incumbents.some((i) => termEndsWithin(i.termEnd, asOf, query.termEndsWithinMonths!)));
  return { items: items.slice(query.offset, query.offset + query.limit), total: items.length, problems };
}

/** Opens a seat; its title must belong to the catalog version in force on the seat's first day. */
export async function createPosition(db: Db, actor: Actor | null, body: CreatePositionBody): Promise<Position> {
  return db.transaction().execute(async (trx) => {
    const org = await findOrganization(trx, body.organizationId);
    if (!org || (actor && !mayActOn(actor, 'positions.read', org.path)))
      throw validation('organizationId', 'đơn vị không tồn tại', 'no such organization');
    if (actor && !mayActOn(actor, 'positions.write', org.path)) throw forbidden();
    if (body.validFrom < org.valid_from || (org.valid_to !== null && body.validFrom >= org.valid_to))
      throw validation(
        'validFrom',
        `đơn vị "${org.name}" không tồn tại vào ngày ${ddmmyyyy(body.validFrom)}`,
        `organization "${org.name}" does not exist on ${body.validFrom}`,
      );
    await assertTitleInForce(trx, body.titleId, body.validFrom);
    const row = {
      id: newId(),
      organization_id: org.id,
      title_id: body.titleId,
      seat_count: body.seatCount,
      post_category: body.postCategory ?? null,
      term_years: body.termYears ?? null,
      valid_from: body.validFrom,
      valid_to: null,
      opened_by_event_id: null,
      created_at: nowIso(),
    };
    await repo.insertPosition(trx, row);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'position.create',
      entity: 'position',
      entityId: row.id,
      organizationId: org.id,
      after: row,
    });
    return toPositionResponse((await repo.findPosition(trx, row.id))!, []);
  });
}

/** Rejects a title that does not exist or is not in the catalog version in force on `date`, naming it. */
export async function assertTitleInForce(trx: Trx, titleId: string, date: string): Promise<void> {
  const title = await findTitle(trx, titleId);
  const catalogs = await listCatalogs(trx);
  const inForce = catalogInForce(
    catalogs.map((c) => ({ id: c.id, validFrom: c.valid_from, validTo: c.valid_to })),
    date,
  );
  if (!title || !inForce || title.catalog_id !== inForce.id)
    throw validation(
      'titleId',
      `chức danh "${titleId}" không có trong danh mục chức danh có hiệu lực ngày ${ddmmyyyy(date)}${inForce ? ` (${inForce.id})` : ''}`,
      `title "${titleId}" is not in the title catalog in force on ${date}${inForce ? ` (${inForce.id})` : ''}`,
    );
}

/** Seats a person; rejects a seat already full on that day and an overlapping stay of the same person. */
export async function addIncumbent(db: Db, actor: Actor | null, positionId: string, body: AddIncumbentBody): Promise<Incumbent> {
  return db.transaction().execute((trx) => addIncumbentIn(trx, actor, positionId, body));
}

/** addIncumbent inside the caller's transaction (a personnel decision seats its person with its other effects). */
export async function addIncumbentIn(
  trx: Trx,
  actor: Actor | null,
  positionId: string,
  body: AddIncumbentBody,
): Promise<Incumbent> {
  {
    const seat = await repo.findPosition(trx, positionId);
    if (!seat || (actor && !mayActOn(actor, 'positions.read', seat.organization_path))) throw positionNotFound();
    if (actor && !mayActOn(actor, 'positions.write', seat.organization_path)) throw forbidden();
    const history = await repo.incumbenciesOfPosition(trx, seat.id);
    const places = Math.min(
      ...(await repo.versionsOfPosition(trx, seat.id))
        .filter((v) => v.valid_to === null || v.valid_to > body.from)
        .map((v) => Number(v.seat_count)),
    );
    assertPlaceFree(
      {
        validFrom: seat.valid_from,
        validTo: seat.valid_to,
        places,
        what: { vi: `vị trí ${seat.title_name}`, en: `the seat ${seat.title_name}` },
      },
      history,
      body,
      { vi: 'hãy kết thúc nhiệm kỳ của người đang giữ trước', en: 'end a current incumbency first' },
    );
    const row = {
      id: newId(),
      position_id: seat.id,
      person_id: body.personId,
      person_name: body.personName,
      how: body.how,
      from_date: body.from,
      to_date: null,
      term_end: body.termEnd ?? (seat.term_years === null ? null : termEndFrom(body.from, Number(seat.term_years))),
      decision_ref: body.decisionRef ?? null,
      opened_by_event_id: null,
      created_at: nowIso(),
    };
    await repo.insertIncumbent(trx, row);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'position.incumbent.add',
      entity: 'position_incumbent',
      entityId: row.id,
      organizationId: seat.organization_id,
      after: row,
    });
    return toIncumbentResponse(row);
  }
}

/** Ends an incumbency on `to` (exclusive: the first day the person no longer holds the seat). */
export async function endIncumbent(db: Db, actor: Actor, incumbentId: string, to: string): Promise<Incumbent> {
  return db.transaction().execute((trx) => endIncumbentIn(trx, actor, incumbentId, to));
}

/** endIncumbent inside the caller's transaction. */
export async function endIncumbentIn(trx: Trx, actor: Actor | null, incumbentId: string, to: string): Promise<Incumbent> {
  const inc = await repo.findIncumbent(trx, incumbentId);
  const seat = inc ? await repo.findPosition(trx, inc.position_id) : undefined;
  const ended = await endHolding(trx, actor, {
    row: inc,
    unit: seat && { organizationId: seat.organization_id, path: seat.organization_path },
    read: 'positions.read',
    write: 'positions.write',
    notFound: () => notFound('người giữ vị trí', 'Incumbent'),
    alreadyEnded: () => new AppError('CONFLICT', 'Nhiệm kỳ này đã kết thúc', 'This incumbency has already ended'),
    setTo: repo.setIncumbentTo,
    audit: { action: 'position.incumbent.end', entity: 'position_incumbent' },
    to,
  });
  return toIncumbentResponse(ended);
}

/**
 * Changes a seat's number of places or term length from a day on (default today): the earlier figures stay as the
 * seat's history; a change on the first day of the current figures corrects them. Refuses fewer places than people
 * seated at once on any day from then on, and a day before the current figures began, naming the field.
 */
export async function updatePosition(
  db: Db,
  actor: Actor | null,
  positionId: string,
  body: UpdatePositionBody,
): Promise<Position> {
  return db.transaction().execute(async (trx) => {
    const seat = await repo.findPosition(trx, positionId);
    if (!seat || (actor && !mayActOn(actor, 'positions.read', seat.organization_path))) throw positionNotFound();
    if (actor && !mayActOn(actor, 'positions.write', seat.organization_path)) throw forbidden();
    if (seat.valid_to !== null)
      throw new AppError('CONFLICT', `Vị trí đã kết thúc từ ${ddmmyyyy(seat.valid_to)}`, `The seat closed on ${seat.valid_to}`);
    const from = body.from ?? todayIso();
    const versions = await repo.versionsOfPosition(trx, seat.id);
    const open = versions[versions.length - 1]!;
    if (from < open.valid_from)
      throw validation(
        'from',
        `số lượng hiện hành áp dụng từ ${ddmmyyyy(open.valid_from)}: thay đổi phải từ ngày đó trở đi`,
        `the current figures apply from ${open.valid_from}: a change must start on or after that day`,
      );
    const history = await repo.incumbenciesOfPosition(trx, seat.id);
    const seated = maxSeatedFrom(
      history.map((h) => ({ from: h.from_date, to: h.to_date })),
      from,
    );
    if (body.seatCount !== undefined && body.seatCount < seated)
      throw validation(
        'seatCount',
        `số lượng ${body.seatCount} ít hơn số người giữ vị trí từ ngày ${ddmmyyyy(from)} (${seated}): hãy kết thúc nhiệm kỳ của người giữ trước`,
        `${body.seatCount} places is fewer than the ${seated} people holding the seat from ${from}: end an incumbency first`,
      );
    const set = {
      seat_count: body.seatCount ?? Number(open.seat_count),
      term_years: body.termYears !== undefined ? body.termYears : open.term_years === null ? null : Number(open.term_years),
    };
    const { before, after } = await repo.changePositionFrom(trx, seat.id, set, from, body.decisionRef ?? null);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'position.update',
      entity: 'position',
      entityId: seat.id,
      organizationId: seat.organization_id,
      before: { seat_count: before.seat_count, term_years: before.term_years, valid_from: before.valid_from },
      after: {
        seat_count: after.seat_count,
        term_years: after.term_years,
        valid_from: after.valid_from,
        decision_ref: after.decision_ref,
      },
    });
    const today = todayIso();
    const updated = (await repo.findPosition(trx, seat.id))!;
    return toPositionResponse(updated, await repo.incumbentsAsOf(trx, [seat.id], today));
  });
}

/** A seat's figures over time and everyone who ever held it, in the actor's scope. */
export async function positionHistory(db: Db, actor: Actor, positionId: string): Promise<PositionHistory> {
  const seat = await repo.findPosition(db, positionId);
  if (!seat || !mayActOn(actor, 'positions.read', seat.organization_path)) throw positionNotFound();
  const versions = await repo.versionsOfPosition(db, seat.id);
  const incumbents = await repo.incumbenciesOfPosition(db, seat.id);
  return {
    positionId: seat.id,
    titleName: seat.title_name,
    organizationName: seat.organization_name,
    versions: versions.map(toPositionVersionResponse),
    incumbents: incumbents.map(toIncumbentResponse),
  };
}

/** Closes a seat from `validTo` (exclusive); refuses while somebody still holds it on or after that day, naming them. */
export async function closePosition(db: Db, actor: Actor | null, positionId: string, validTo: string): Promise<Position> {
  return db.transaction().execute(async (trx) => {
    const seat = await repo.findPosition(trx, positionId);
    if (!seat || (actor && !mayActOn(actor, 'positions.read', seat.organization_path))) throw positionNotFound();
    if (actor && !mayActOn(actor, 'positions.write', seat.organization_path)) throw forbidden();
    if (seat.valid_to !== null)
      throw new AppError('CONFLICT', `Vị trí đã kết thúc từ ${ddmmyyyy(seat.valid_to)}`, `The seat closed on ${seat.valid_to}`);
    if (validTo <= seat.valid_from)
      throw validation(
        'validTo',
        `ngày kết thúc phải sau ngày lập vị trí ${ddmmyyyy(seat.valid_from)}`,
        `must be after the seat's first day ${seat.valid_from}`,
      );
    const lastVersion = (await repo.versionsOfPosition(trx, seat.id)).at(-1)!;
    if (validTo <= lastVersion.valid_from)
      throw validation(
        'validTo',
        `số lượng của vị trí đã được thay đổi từ ${ddmmyyyy(lastVersion.valid_from)}: ngày kết thúc phải sau ngày đó`,
        `the seat's figures changed on ${lastVersion.valid_from}: it must close after that day`,
      );
    const still = (await repo.incumbenciesOfPosition(trx, seat.id)).filter((h) => h.to_date === null || h.to_date > validTo);
    if (still.length)
      throw validation(
        'validTo',
        `${still.map((h) => h.person_name).join(', ')} vẫn giữ vị trí sau ngày ${ddmmyyyy(validTo)}: hãy kết thúc nhiệm kỳ trước`,
        `${still.map((h) => h.person_name).join(', ')} still hold the seat after ${validTo}: end the incumbency first`,
      );
    await repo.setPositionValidTo(trx, seat.id, validTo);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'position.close',
      entity: 'position',
      entityId: seat.id,
      organizationId: seat.organization_id,
      before: { valid_to: null },
      after: { valid_to: validTo },
    });
    return toPositionResponse({ ...seat, valid_to: validTo }, []);
  });
}
