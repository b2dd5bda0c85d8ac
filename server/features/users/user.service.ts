import { createHash, randomBytes } from 'node:crypto';
import type { CreateUserBody, LoginBody, Me } from '../../../contracts/auth';
import { LIMITS } from '../../../contracts/common';
import type { Db } from '../../db/database';
import { AppError, forbidden, validation } from '../../http/errors';
import { newId, nowIso } from '../../lib/ids';
import { type Actor, mayActOn, scopePaths } from '../access/access.rules';
import { withLineage } from '../organizations/organization-history.service';
import { appendAudit } from '../audit/audit.repository';
import { findOrganizationsByIds } from '../organizations/organization.repository';
import { isLocked, lockAfterFailure, minutesUntil } from './login.rules';
import { hashPassword, verifyPassword } from './password';
import { newTotpSecret, otpauthUri, verifyTotp } from './totp.rules';
import * as repo from './user.repository';
import type { UserRow } from './user.table';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

function toMe(user: UserRow, grants: repo.GrantWithOrg[]): Me {
  return {
    id: user.id,
    username: user.username,
    fullName: user.full_name,
    totpEnabled: user.totp_enabled === 1,
    grants: grants.map(({ role, organizationId, organizationName }) => ({ role, organizationId, organizationName })),
  };
}

const invalidCredentials = (): AppError =>
  new AppError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng', 'Wrong username or password');

export interface LoginResult {
  token: string;
  csrfToken: string;
  me: Me;
}

export async function login(db: Db, body: LoginBody, now = new Date()): Promise<LoginResult> {
  const user = await repo.findUserByUsername(db, body.username);
  if (user && isLocked(user.locked_until, now)) {
    const minutes = minutesUntil(user.locked_until!, now);
    throw new AppError(
      'ACCOUNT_LOCKED',
      `Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau ${minutes} phút`,
      `Account locked after repeated failures; try again in ${minutes} minutes`,
    );
  }
  const passwordOk = await verifyPassword(user?.password_hash, body.password);
  if (!user || user.disabled === 1) throw invalidCredentials();
  if (!passwordOk) {
    await recordFailure(db, user, now);
    throw invalidCredentials();
  }
  if (user.totp_enabled === 1) {
    if (!body.totp)
      throw new AppError(
        'TOTP_REQUIRED',
        'Nhập mã xác thực 6 số từ ứng dụng xác thực',
        'Enter the 6-digit code from your authenticator app',
        [{ path: 'totp', message: 'Bắt buộc', messageEn: 'Required' }],
      );
    if (!verifyTotp(user.totp_secret!, body.totp, now.getTime())) {
      await recordFailure(db, user, now);
      throw new AppError('INVALID_CREDENTIALS', 'Mã xác thực không đúng', 'Wrong authentication code', [
        { path: 'totp', message: 'Mã không đúng', messageEn: 'Wrong code' },
      ]);
    }
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.resetLoginFailures(trx, user.id);
    await repo.insertSession(trx, {
      id: sha256(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(now.getTime() + LIMITS.sessionHours * 3_600_000).toISOString(),
    });
    await appendAudit(trx, { actorId: user.id, action: 'auth.login', entity: 'user', entityId: user.id, organizationId: null });
  });
  const grants = (await repo.grantsOf(db, [user.id])).get(user.id) ?? [];
  return { token, csrfToken, me: toMe(user, grants) };
}

async function recordFailure(db: Db, user: UserRow, now: Date): Promise<void> {
  const failed = user.failed_logins + 1;
  const lockedUntil = lockAfterFailure(failed, now);
  await db.transaction().execute(async (trx) => {
    await repo.recordLoginFailure(trx, user.id, lockedUntil ? 0 : failed, lockedUntil);
    await appendAudit(trx, {
      actorId: null,
      action: lockedUntil ? 'auth.locked' : 'auth.login_failed',
      entity: 'user',
      entityId: user.id,
      organizationId: null,
      after: { failedLogins: failed, lockedUntil },
    });
  });
}

export interface ResolvedSession {
  actor: Actor;
  me: Me;
  sessionId: string;
  csrfToken: string;
  /** ISO instant the session stops being valid; a cached resolution is checked against it */
  expiresAt: string;
}

/** The session behind a cookie token, or null when absent, expired or the user is disabled. */
export async function resolveSession(db: Db, token: string, now = new Date()): Promise<ResolvedSession | null> {
  const sessionId = sha256(token);
  const session = await repo.findSession(db, sessionId);
  if (!session || session.expires_at <= now.toISOString()) return null;
  const user = await repo.findUserById(db, session.user_id);
  if (!user || user.disabled === 1) return null;
  const grants = (await repo.grantsOf(db, [user.id])).get(user.id) ?? [];
  return {
    actor: { userId: user.id, username: user.username, grants: await withLineage(db, grants) },
    me: toMe(user, grants),
    sessionId,
    csrfToken: session.csrf_token,
    expiresAt: session.expires_at,
  };
}

export async function logout(db: Db, actor: Actor, sessionId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, sessionId);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'auth.logout',
      entity: 'user',
      entityId: actor.userId,
      organizationId: null,
    });
  });
}

/**
 * Creates a user. `actor` null means the command line (the operator of the machine);
 * otherwise an administrator may grant roles only inside his own subtrees.
 */
export async function createUser(db: Db, actor: Actor | null, body: CreateUserBody): Promise<Me> {
  const orgs = await findOrganizationsByIds(db, [...new Set(body.grants.map((g) => g.organizationId))]);
  body.grants.forEach((g, i) => {
    const org = orgs.find((o) => o.id === g.organizationId);
    if (!org) throw validation(`grants.${i}.organizationId`, 'đơn vị không tồn tại', 'no such organization');
    if (actor && !mayActOn(actor, 'users.manage', org.path)) throw forbidden();
  });
  if (await repo.findUserByUsername(db, body.username))
    throw new AppError('CONFLICT', `Tên đăng nhập "${body.username}" đã tồn tại`, `Username "${body.username}" already exists`, [
      { path: 'username', message: 'Đã tồn tại', messageEn: 'Already exists' },
    ]);
  const id = newId();
  const passwordHash = await hashPassword(body.password);
  const grants = body.grants.map((g) => ({ id: newId(), role: g.role, organizationId: g.organizationId }));
  await db.transaction().execute(async (trx) => {
    await repo.insertUser(
      trx,
      { id, username: body.username, full_name: body.fullName, password_hash: passwordHash, created_at: nowIso() },
      grants,
    );
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'user.create',
      entity: 'user',
      entityId: id,
      organizationId: grants[0]!.organizationId,
      after: { username: body.username, fullName: body.fullName, grants: body.grants },
    });
  });
  const created = await repo.findUserById(db, id);
  return toMe(created!, (await repo.grantsOf(db, [id])).get(id) ?? []);
}

export async function listUsers(db: Db, actor: Actor, limit: number, offset: number) {
  const { rows, total } = await repo.listUsersInScope(db, scopePaths(actor, 'users.manage'), limit, offset);
  const grants = await repo.grantsOf(
    db,
    rows.map((r) => r.id),
  );
  const now = new Date();
  return {
    total,
    items: rows.map((r) => ({ ...toMe(r, grants.get(r.id) ?? []), locked: isLocked(r.locked_until, now) })),
  };
}

export async function startTotpSetup(db: Db, actor: Actor): Promise<{ secret: string; otpauthUri: string }> {
  const secret = newTotpSecret();
  await db.transaction().execute(async (trx) => {
    await repo.setTotp(trx, actor.userId, secret, false);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'auth.totp_setup',
      entity: 'user',
      entityId: actor.userId,
      organizationId: null,
    });
  });
  return { secret, otpauthUri: otpauthUri(secret, actor.username) };
}

export async function enableTotp(db: Db, actor: Actor, code: string, now = new Date()): Promise<void> {
  const user = await repo.findUserById(db, actor.userId);
  if (!user?.totp_secret || !verifyTotp(user.totp_secret, code, now.getTime()))
    throw validation('code', 'mã xác thực không đúng', 'wrong authentication code');
  await db.transaction().execute(async (trx) => {
    await repo.setTotp(trx, actor.userId, user.totp_secret, true);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'auth.totp_enable',
      entity: 'user',
      entityId: actor.userId,
      organizationId: null,
    });
  });
}

export const countAdmins = repo.countAdmins;
