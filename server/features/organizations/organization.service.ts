import type { CreateOrganizationBody, Organization } from '../../../contracts/organizations';
import type { Db } from '../../db/database';
import { AppError, forbidden, notFound, validation } from '../../http/errors';
import { newId, nowIso, todayIso } from '../../lib/ids';
import { foldVietnamese } from '../../lib/text';
import { type Actor, mayActOn, scopePaths } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import { toOrganizationResponse } from './organization.mapper';
import * as repo from './organization.repository';

const organizationNotFound = () => notFound('đơn vị', 'Organization');

/** One organization, answering 404 (not 403) outside the actor's scope so ids cannot be probed. */
export async function getOrganization(db: Db, actor: Actor, id: string): Promise<Organization> {
  const row = await repo.findOrganization(db, id);
  if (!row || !mayActOn(actor, 'organizations.read', row.path)) throw organizationNotFound();
  return toOrganizationResponse(row);
}

export async function listOrganizations(
  db: Db,
  actor: Actor,
  query: { q?: string; parentId?: string; limit: number; offset: number },
): Promise<{ items: Organization[]; total: number }> {
  const { rows, total } = await repo.listOrganizations(db, {
    scopePaths: scopePaths(actor, 'organizations.read'),
    qFolded: query.q ? foldVietnamese(query.q) : undefined,
    parentId: query.parentId,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows.map(toOrganizationResponse), total };
}

export async function createOrganization(db: Db, actor: Actor | null, body: CreateOrganizationBody): Promise<Organization> {
  return db.transaction().execute(async (trx) => {
    const parent = await repo.findOrganization(trx, body.parentId);
    if (!parent || (actor && !mayActOn(actor, 'organizations.read', parent.path)))
      throw validation('parentId', 'đơn vị cấp trên không tồn tại', 'no such parent organization');
    if (actor && !mayActOn(actor, 'organizations.write', parent.path)) throw forbidden();
    const validFrom = body.validFrom ?? todayIso();
    if (validFrom < parent.valid_from || (parent.valid_to !== null && validFrom >= parent.valid_to))
      throw validation(
        'validFrom',
        `đơn vị cấp trên "${parent.name}" không tồn tại vào ngày ${validFrom.split('-').reverse().join('/')}`,
        `parent "${parent.name}" does not exist on ${validFrom}`,
      );
    if (await repo.findOrganizationByCode(trx, body.code))
      throw new AppError('CONFLICT', `Mã đơn vị "${body.code}" đã tồn tại`, `Organization code "${body.code}" already exists`, [
        { path: 'code', message: 'Đã tồn tại', messageEn: 'Already exists' },
      ]);
    const id = newId();
    const row = {
      id,
      code: body.code,
      name: body.name,
      name_folded: foldVietnamese(body.name),
      short_name: body.shortName ?? null,
      kind: body.kind,
      level: body.level,
      parent_id: parent.id,
      path: `${parent.path}${id}/`,
      depth: Number(parent.depth) + 1,
      valid_from: body.validFrom ?? todayIso(),
      valid_to: null,
      created_at: nowIso(),
      admin_unit_code: body.adminUnitCode ?? null,
    };
    await repo.insertOrganization(trx, row);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'organization.create',
      entity: 'organization',
      entityId: id,
      organizationId: id,
      after: row,
    });
    return toOrganizationResponse(row);
  });
}

/** A root organization (no parent): only the command line and demo loader create these. */
export async function createRootOrganization(db: Db, body: Omit<CreateOrganizationBody, 'parentId'>): Promise<Organization> {
  return db.transaction().execute(async (trx) => {
    const id = newId();
    const row = {
      id,
      code: body.code,
      name: body.name,
      name_folded: foldVietnamese(body.name),
      short_name: body.shortName ?? null,
      kind: body.kind,
      level: body.level,
      parent_id: null,
      path: `/${id}/`,
      depth: 0,
      valid_from: body.validFrom ?? todayIso(),
      valid_to: null,
      created_at: nowIso(),
      admin_unit_code: body.adminUnitCode ?? null,
    };
    await repo.insertOrganization(trx, row);
    await appendAudit(trx, {
      actorId: null,
      action: 'organization.create',
      entity: 'organization',
      entityId: id,
      organizationId: id,
      after: row,
    });
    return toOrganizationResponse(row);
  });
}
