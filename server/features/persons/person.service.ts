import type {
  Declaration,
  Person,
  PersonListQuery,
  PersonRecord,
  WorkRow,
  PersonSummary,
  UpdatePersonBody,
} from '../../../contracts/persons';
import { personRecordSchema } from '../../../contracts/persons';
import type { Db, DbContext, Trx } from '../../db/database';
import { AppError, forbidden, notFound } from '../../http/errors';
import { newId, nowIso, todayIso } from '../../lib/ids';
import { foldVietnamese } from '../../lib/text';
import { type Actor, holdsAnywhere, mayActOn, scopePaths } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import { findOrganization } from '../organizations/organization.repository';
import { columnsOf, parseRecord, toPersonResponse, toPersonSummary } from './person.mapper';
import { workLinkIssues } from './person.links';
import { recordPolicy } from './person.policy';
import * as repo from './person.repository';
import * as declarationsRepo from './person.declarations.repository';
import * as searchRepo from './person.search.repository';
import * as versionsRepo from './person.versions.repository';
import { type RecordIssue, addMonths, diffRecords, nameWords, validatePersonRecord } from './person.rules';
import type { VersionSource } from './person.table';

const personNotFound = () => notFound('hồ sơ cán bộ', 'Person record');

export function invalidRecord(issues: RecordIssue[]): AppError {
  return new AppError(
    'VALIDATION',
    `Hồ sơ không hợp lệ: ${issues.map((i) => i.message).join('; ')}`,
    `Invalid record: ${issues.map((i) => i.messageEn).join('; ')}`,
    issues.map((i) => ({ path: i.path, message: i.message, messageEn: i.messageEn })),
  );
}

const cccdTaken = (cccd: string) =>
  new AppError('CONFLICT', `Số CCCD ${cccd} đã có trong hồ sơ khác`, `Citizen ID ${cccd} already belongs to another record`, [
    { path: 'cccd', message: 'đã tồn tại', messageEn: 'already exists' },
  ]);

/** Whether the actor may read this person: in his subtree, or his own record. */
async function mayRead(db: Db | Trx, actor: Actor, person: repo.PersonWithOrg): Promise<boolean> {
  if (mayActOn(actor, 'persons.read', person.organization_path)) return true;
  return (await repo.personIdOfUser(db, actor.userId)) === person.id;
}

async function loadReadable(db: Db, actor: Actor, id: string): Promise<repo.PersonWithOrg> {
  const person = await repo.findPerson(db, id);
  if (!person || !(await mayRead(db, actor, person))) throw personNotFound();
  return person;
}

/** Instant at the end of a day given as YYYY-MM-DD, or the ISO instant itself. */
function instantOf(at: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T23:59:59.999Z` : at;
}

export async function getPerson(db: Db, actor: Actor, id: string, asOf?: string): Promise<Person> {
  const person = await loadReadable(db, actor, id);
  if (!asOf) return toPersonResponse(person);
  const v = await versionsRepo.findVersionAt(db, id, instantOf(asOf));
  if (!v)
    throw new AppError('NOT_FOUND', `Hồ sơ chưa tồn tại vào ngày ${asOf}`, `The record did not exist on ${asOf}`, [
      { path: 'asOf', message: 'trước ngày lập hồ sơ', messageEn: 'before the record was created' },
    ]);
  return toPersonResponse(person, { record: parseRecord(v.data_json), version: v.version, at: asOf });
}

export async function personHistory(db: Db, actor: Actor, id: string) {
  await loadReadable(db, actor, id);
  const versions = await versionsRepo.listVersions(db, id);
  const records = versions.map((v) => parseRecord(v.data_json));
  return {
    items: versions.map((v, i) => ({
      version: v.version,
      validFrom: v.valid_from,
      validTo: v.valid_to,
      changedBy: v.changed_by,
      changedByName: v.changed_by_name,
      source: v.source,
      reason: v.reason,
      changedFields: diffRecords(records[i + 1] ?? null, records[i]!).map((c) => c.field),
    })),
  };
}

/** What changed in the record since an instant (or day): field by field, old and new values. */
export async function changesSince(db: Db, actor: Actor, id: string, since: string) {
  const person = await loadReadable(db, actor, id);
  const before = await versionsRepo.findVersionAt(db, id, instantOf(since));
  return {
    since,
    fromVersion: before?.version ?? null,
    toVersion: person.version,
    changes: diffRecords(before ? parseRecord(before.data_json) : null, parseRecord(person.data_json)),
  };
}

/** Turns list filters into the repository's search: folded words, CCCD digits, age band as birth-date bounds. */
export async function searchFilter(
  db: Db,
  actor: Actor,
  q: Omit<PersonListQuery, 'limit' | 'offset'>,
): Promise<searchRepo.PersonSearch> {
  const f: searchRepo.PersonSearch = { scopePaths: scopePaths(actor, 'persons.read') };
  if (!holdsAnywhere(actor, 'persons.read')) {
    // A cadre (or anyone without the read permission) finds at most his own record.
    f.onlyPersonId = (await repo.personIdOfUser(db, actor.userId)) ?? '-';
  }
  if (q.q) {
    const digits = q.q.replace(/\s+/g, '');
    if (/^\d{3,12}$/.test(digits)) f.cccdPrefix = digits;
    else {
      const tokens = nameWords(q.q).slice(0, 8);
      if (tokens.length) f.nameTokens = tokens;
    }
  }
  if (q.organizationId) {
    const org = await findOrganization(db, q.organizationId);
    f.subtreePath = org?.path ?? '/-/';
  }
  if (q.birthYear !== undefined) f.birthYear = q.birthYear;
  if (q.sex) f.sex = q.sex;
  if (q.title) f.titleFolded = foldVietnamese(q.title);
  if (q.theoryLevel) f.theoryLevel = q.theoryLevel;
  if (q.partyMember) f.partyMember = q.partyMember === 'true';
  if (q.ethnicity) f.ethnicity = q.ethnicity;
  if (q.ageBand) {
    const today = todayIso();
    const bands = { under30: [0, 30], '30to39': [30, 40], '40to49': [40, 50], '50to59': [50, 60], '60plus': [60, null] } as const;
    const [minAge, maxAge] = bands[q.ageBand];
    // age ≥ a  ⇔  born on or before today − a years (partial dates compare as their earliest day).
    f.bornOnOrBefore = addMonths(today, -12 * minAge);
    if (maxAge !== null) f.bornAfter = addMonths(today, -12 * maxAge);
  }
  return f;
}

export async function listPersons(
  ctx: DbContext,
  actor: Actor,
  q: PersonListQuery,
): Promise<{ items: PersonSummary[]; total: number }> {
  const f = await searchFilter(ctx.db, actor, q);
  const { rows, total } = await searchRepo.searchPersons(ctx.db, ctx.dialect, f, { limit: q.limit, offset: q.offset });
  return { items: rows.map(toPersonSummary), total };
}

async function assertWritableOrg(db: Db | Trx, actor: Actor | null, organizationId: string): Promise<{ path: string }> {
  const org = await findOrganization(db, organizationId);
  if (!org || (actor && !mayActOn(actor, 'persons.read', org.path) && !mayActOn(actor, 'persons.write', org.path)))
    throw invalidRecord([{ path: 'organizationId', message: 'đơn vị không tồn tại', messageEn: 'no such organization' }]);
  if (actor && !mayActOn(actor, 'persons.write', org.path)) throw forbidden();
  return org;
}

function checkRecord(record: PersonRecord): void {
  const issues = validatePersonRecord(record, recordPolicy());
  if (issues.length) throw invalidRecord(issues);
}

/** Creates a record (version 1). `actor` null is the demo loader / command line. */
export async function createPerson(db: Db, actor: Actor | null, input: PersonRecord): Promise<Person> {
  const record = personRecordSchema.parse(input);
  checkRecord(record);
  await assertWritableOrg(db, actor, record.organizationId);
  const id = await db.transaction().execute(async (trx) => {
    if (record.cccd && (await repo.findPersonByCccd(trx, record.cccd))) throw cccdTaken(record.cccd);
    const linkIssues = await workLinkIssues(trx, record);
    if (linkIssues.length) throw invalidRecord(linkIssues);
    const id = newId();
    const at = nowIso();
    const by = actor?.userId ?? null;
    await repo.insertPerson(trx, { id, ...columnsOf(record), version: 1, created_at: at, updated_at: at, updated_by: by });
    await versionsRepo.insertVersions(trx, [
      {
        person_id: id,
        version: 1,
        data_json: JSON.stringify(record),
        valid_from: at,
        valid_to: null,
        changed_by: by,
        source: 'create',
        reason: null,
      },
    ]);
    await appendAudit(trx, {
      actorId: by,
      action: 'person.create',
      entity: 'person',
      entityId: id,
      organizationId: record.organizationId,
      after: { fullName: record.fullName, cccd: record.cccd },
    });
    return id;
  });
  return toPersonResponse((await repo.findPerson(db, id))!);
}

/**
 * A personnel decision's effect on the record, inside the decision's transaction: closes the open work-history
 * row(s) the decision ends and adds the new post, as a new version of the record.
 */
export async function applyPostChangeIn(
  trx: Trx,
  personId: string,
  change: { closeOn: string | null; newPost: WorkRow | null; reason: string },
  meta: { by: string; at: string },
): Promise<void> {
  const current = await repo.findPerson(trx, personId);
  if (!current) throw personNotFound();
  const record = parseRecord(current.data_json);
  const closed = record.workHistory.map((w) => (change.closeOn && w.to === null ? { ...w, to: change.closeOn } : w));
  const next: PersonRecord = {
    ...record,
    workHistory: change.newPost ? [...closed, change.newPost] : closed,
    ...(change.newPost
      ? {
          currentTitle: change.newPost.titleName,
          currentTitleCode: change.newPost.titleCode,
          organizationId: change.newPost.organizationId ?? record.organizationId,
        }
      : {}),
  };
  await writeVersion(trx, current, next, { by: meta.by, source: 'edit', reason: change.reason, at: meta.at });
}

/**
 * Writes a new version of a record inside the caller's transaction; the previous one is closed, never overwritten.
 *
 * A change of the record's unit writes no `staff_placements` row, on purpose: a placement is a seat incumbency or a
 * job-position assignment (it has a source row, counts against the unit's staffing quota and ends when the seat is
 * left), written by the positions and staffing modules. The record's unit is what the CV says (Mẫu 2C); its dated
 * history is this version chain (`GET /api/persons/:id?asOf=` reads it back), so a placement from it would count a
 * seat holder twice and a placement without a seat once too often.
 */
async function writeVersion(
  trx: Trx,
  current: { id: string; version: number; data_json: string },
  record: PersonRecord,
  meta: { by: string | null; source: VersionSource; reason: string | null; at: string },
): Promise<{ field: string; before: unknown; after: unknown }[]> {
  const previous = parseRecord(current.data_json);
  const changes = diffRecords(previous, record);
  if (changes.length === 0) return changes;
  const linkIssues = await workLinkIssues(trx, record, previous);
  if (linkIssues.length) throw invalidRecord(linkIssues);
  const version = current.version + 1;
  await versionsRepo.closeVersion(trx, current.id, current.version, meta.at);
  await versionsRepo.insertVersions(trx, [
    {
      person_id: current.id,
      version,
      data_json: JSON.stringify(record),
      valid_from: meta.at,
      valid_to: null,
      changed_by: meta.by,
      source: meta.source,
      reason: meta.reason,
    },
  ]);
  await repo.updatePersonRow(trx, current.id, { ...columnsOf(record), version, updated_at: meta.at, updated_by: meta.by });
  return changes;
}

export async function updatePerson(db: Db, actor: Actor, id: string, body: UpdatePersonBody): Promise<Person> {
  const record = body.record;
  checkRecord(record);
  await db.transaction().execute(async (trx) => {
    const current = await repo.findPerson(trx, id);
    if (!current || !(await mayRead(trx, actor, current))) throw personNotFound();
    if (!mayActOn(actor, 'persons.write', current.organization_path)) throw forbidden();
    if (record.organizationId !== current.organization_id) await assertWritableOrg(trx, actor, record.organizationId);
    if (current.version !== body.baseVersion)
      throw new AppError(
        'CONFLICT',
        `Hồ sơ đã được người khác cập nhật (phiên bản ${current.version}); hãy tải lại trước khi sửa`,
        `The record was changed meanwhile (version ${current.version}); reload before editing`,
        [{ path: 'baseVersion', message: 'đã cũ', messageEn: 'stale' }],
      );
    if (record.cccd && record.cccd !== current.cccd) {
      const other = await repo.findPersonByCccd(trx, record.cccd);
      if (other && other.id !== id) throw cccdTaken(record.cccd);
    }
    const changes = await writeVersion(trx, current, record, {
      by: actor.userId,
      source: 'edit',
      reason: body.reason,
      at: nowIso(),
    });
    if (changes.length)
      await appendAudit(trx, {
        actorId: actor.userId,
        action: 'person.update',
        entity: 'person',
        entityId: id,
        organizationId: record.organizationId,
        before: Object.fromEntries(changes.map((c) => [c.field, c.before])),
        after: Object.fromEntries(changes.map((c) => [c.field, c.after])),
      });
  });
  return toPersonResponse((await repo.findPerson(db, id))!);
}

// Photos

const PHOTO_TYPES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
};

export async function setPhoto(db: Db, actor: Actor, id: string, mime: string, data: Buffer): Promise<void> {
  const check = PHOTO_TYPES[mime];
  if (!check || !check(data))
    throw new AppError('VALIDATION', 'Ảnh phải là tệp JPEG hoặc PNG', 'The photo must be a JPEG or PNG file', [
      { path: 'body', message: 'không phải JPEG/PNG', messageEn: 'not a JPEG/PNG' },
    ]);
  await db.transaction().execute(async (trx) => {
    const person = await repo.findPerson(trx, id);
    if (!person || !(await mayRead(trx, actor, person))) throw personNotFound();
    if (!mayActOn(actor, 'persons.write', person.organization_path)) throw forbidden();
    await repo.upsertPhoto(trx, id, mime, data, nowIso());
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'person.photo',
      entity: 'person',
      entityId: id,
      organizationId: person.organization_id,
      after: { mime, bytes: data.length },
    });
  });
}

export async function getPhoto(db: Db, actor: Actor, id: string): Promise<{ mime: string; data: Buffer }> {
  await loadReadable(db, actor, id);
  const photo = await repo.findPhoto(db, id);
  if (!photo) throw notFound('ảnh', 'Photo');
  return { mime: photo.mime, data: Buffer.from(photo.data) };
}

// Self-service declarations

function toDeclaration(row: declarationsRepo.DeclarationWithPerson): Declaration {
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.person_name,
    status: row.status,
    changes: JSON.parse(row.changes_json) as Record<string, unknown>,
    note: row.note,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    decisionNote: row.decision_note,
  };
}

/** A cadre proposes changes to his own record; nothing in the record changes until an officer approves. */
export async function submitDeclaration(
  db: Db,
  actor: Actor,
  personId: string,
  body: { changes: Partial<PersonRecord>; note: string | null },
): Promise<Declaration> {
  if ((await repo.personIdOfUser(db, actor.userId)) !== personId) {
    // Officers edit records directly; only the person himself declares.
    const p = await repo.findPerson(db, personId);
    if (!p || !(await mayRead(db, actor, p))) throw personNotFound();
    throw forbidden();
  }
  if (Object.keys(body.changes).length === 0)
    throw invalidRecord([{ path: 'changes', message: 'chưa kê khai thay đổi nào', messageEn: 'no change declared' }]);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const person = (await repo.findPerson(trx, personId))!;
    // The declared record must itself be valid, so the officer approves something that can be written.
    checkRecord(personRecordSchema.parse({ ...parseRecord(person.data_json), ...body.changes }));
    await declarationsRepo.insertDeclaration(trx, {
      id,
      person_id: personId,
      status: 'pending',
      changes_json: JSON.stringify(body.changes),
      note: body.note,
      base_version: person.version,
      submitted_by: actor.userId,
      submitted_at: nowIso(),
      decided_by: null,
      decided_at: null,
      decision_note: null,
    });
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'person.declaration.submit',
      entity: 'person_declaration',
      entityId: id,
      organizationId: person.organization_id,
      after: { personId, changes: body.changes },
    });
  });
  return toDeclaration((await declarationsRepo.findDeclaration(db, id))!);
}

export async function listDeclarations(
  db: Db,
  actor: Actor,
  q: { status?: 'pending' | 'approved' | 'rejected'; personId?: string; limit: number; offset: number },
): Promise<{ items: Declaration[]; total: number }> {
  const own = await repo.personIdOfUser(db, actor.userId);
  const approver = holdsAnywhere(actor, 'persons.approve');
  if (!approver && !own) return { items: [], total: 0 };
  const { rows, total } = await declarationsRepo.listDeclarations(db, {
    scopePaths: scopePaths(actor, 'persons.approve'),
    personId: approver ? q.personId : own!,
    status: q.status,
    limit: q.limit,
    offset: q.offset,
  });
  return { items: rows.map(toDeclaration), total };
}

export async function decideDeclaration(
  db: Db,
  actor: Actor,
  id: string,
  body: { decision: 'approve' | 'reject'; note: string | null },
): Promise<Declaration> {
  await db.transaction().execute(async (trx) => {
    const d = await declarationsRepo.findDeclaration(trx, id);
    if (!d) throw notFound('bản kê khai', 'Declaration');
    const own = (await repo.personIdOfUser(trx, actor.userId)) === d.person_id;
    if (!own && !mayActOn(actor, 'persons.read', d.organization_path)) throw notFound('bản kê khai', 'Declaration');
    // Nobody approves his own declaration.
    if (own) throw forbidden();
    if (!mayActOn(actor, 'persons.approve', d.organization_path)) throw forbidden();
    if (d.submitted_by === actor.userId) throw forbidden();
    if (d.status !== 'pending')
      throw new AppError('CONFLICT', 'Bản kê khai này đã được xử lý', 'This declaration was already decided');
    const at = nowIso();
    const person = (await repo.findPerson(trx, d.person_id))!;
    if (body.decision === 'approve') {
      const record = personRecordSchema.parse({ ...parseRecord(person.data_json), ...(JSON.parse(d.changes_json) as object) });
      checkRecord(record);
      await writeVersion(trx, person, record, {
        by: actor.userId,
        source: 'declaration',
        reason: body.note ?? `Duyệt bản kê khai ${id}`,
        at,
      });
    }
    await declarationsRepo.decideDeclaration(trx, id, {
      status: body.decision === 'approve' ? 'approved' : 'rejected',
      decided_by: actor.userId,
      decided_at: at,
      decision_note: body.note,
    });
    await appendAudit(trx, {
      actorId: actor.userId,
      action: `person.declaration.${body.decision}`,
      entity: 'person_declaration',
      entityId: id,
      organizationId: person.organization_id,
      after: { personId: d.person_id, decision: body.decision, note: body.note },
    });
  });
  return toDeclaration((await declarationsRepo.findDeclaration(db, id))!);
}

/** Links an account to a person record (administrators; the demo loader with actor null). */
export async function linkUser(db: Db, actor: Actor | null, userId: string, personId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const person = await repo.findPerson(trx, personId);
    if (!person) throw personNotFound();
    if (actor && !mayActOn(actor, 'users.manage', person.organization_path)) throw forbidden();
    await repo.linkUserToPerson(trx, userId, personId);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'user.link_person',
      entity: 'user',
      entityId: userId,
      organizationId: person.organization_id,
      after: { personId },
    });
  });
}
