import type { Role } from '../../../contracts/common';
import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import type { NewUserRow, SessionRow, UserRow } from './user.table';

export interface GrantWithOrg {
  role: Role;
  organizationId: string;
  organizationName: string;
  path: string;
}

export async function findUserByUsername(db: Db | Trx, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Db | Trx, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function grantsOf(db: Db | Trx, userIds: readonly string[]): Promise<Map<string, GrantWithOrg[]>> {
  const out = new Map<string, GrantWithOrg[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('user_grants as g')
    .innerJoin('organizations as o', 'o.id', 'g.organization_id')
    .select(['g.user_id', 'g.role', 'g.organization_id', 'o.name', 'o.path'])
    .where('g.user_id', 'in', userIds)
    .orderBy('o.path')
    .execute();
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    list.push({ role: r.role, organizationId: r.organization_id, organizationName: r.name, path: r.path });
    out.set(r.user_id, list);
  }
  return out;
}

export async function insertUser(
  trx: Trx,
  row: NewUserRow,
  grants: { id: string; role: Role; organizationId: string }[],
): Promise<void> {
  await trx.insertInto('users').values(row).execute();
  await trx
    .insertInto('user_grants')
    .values(grants.map((g) => ({ id: g.id, user_id: row.id, role: g.role, organization_id: g.organizationId })))
    .execute();
}

export async function recordLoginFailure(
  trx: Trx,
  userId: string,
  failedLogins: number,
  lockedUntil: string | null,
): Promise<void> {
  await trx
    .updateTable('users')
    .set({ failed_logins: failedLogins, locked_until: lockedUntil })
    .where('id', '=', userId)
    .execute();
}

export async function resetLoginFailures(trx: Trx, userId: string): Promise<void> {
  await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

export async function setTotp(trx: Trx, userId: string, secret: string | null, enabled: boolean): Promise<void> {
  await trx
    .updateTable('users')
    .set({ totp_secret: secret, totp_enabled: enabled ? 1 : 0 })
    .where('id', '=', userId)
    .execute();
}

export async function insertSession(trx: Trx, row: SessionRow): Promise<void> {
  await trx.insertInto('sessions').values(row).execute();
}

export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteExpiredSessions(db: Db, nowIso: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', nowIso).execute();
}

/** Users having at least one grant inside the given subtrees. */
export async function listUsersInScope(
  db: Db,
  scopePaths: readonly string[],
  limit: number,
  offset: number,
): Promise<{ rows: UserRow[]; total: number }> {
  const inScope = db
    .selectFrom('user_grants as g')
    .innerJoin('organizations as o', 'o.id', 'g.organization_id')
    .select('g.user_id')
    .where((eb) => inSubtrees(eb, 'o.path', scopePaths));
  const q = db.selectFrom('users').where('id', 'in', inScope);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('username').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function countUsersInScope(db: Db, scopePaths: readonly string[]): Promise<number> {
  const inScope = db
    .selectFrom('user_grants as g')
    .innerJoin('organizations as o', 'o.id', 'g.organization_id')
    .select('g.user_id')
    .where((eb) => inSubtrees(eb, 'o.path', scopePaths));
  const r = await db
    .selectFrom('users')
    .where('id', 'in', inScope)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countAdmins(db: Db): Promise<number> {
  const r = await db
    .selectFrom('user_grants')
    .where('role', '=', 'admin')
    .select((eb) => eb.fn.count<number>('user_id').distinct().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
