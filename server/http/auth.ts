import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import type { Actor } from '../features/access/access.rules';
import { SessionCache } from '../features/users/session.cache';
import { type ResolvedSession, resolveSession } from '../features/users/user.service';
import { AppError } from './errors';

export const SESSION_COOKIE = 'canbo_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    session: ResolvedSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie on every request and enforces the CSRF token on cookie-authenticated writes.
 * Resolutions are cached for `sessionCacheMs`; any write request clears the cache once it has answered.
 */
export function registerAuth(app: FastifyInstance, db: Db, sessionCacheMs: number): void {
  const cache = new SessionCache(sessionCacheMs);
  app.decorateRequest('session', null);
  app.addHook('preHandler', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await cachedSession(cache, db, token) : null;
    if (request.session && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (sent !== request.session.csrfToken)
        throw new AppError('CSRF', 'Thiếu hoặc sai mã chống giả mạo (CSRF)', 'Missing or wrong CSRF token', [
          { path: `headers.${CSRF_HEADER}`, message: 'không khớp với phiên', messageEn: 'does not match the session' },
        ]);
    }
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    // The handler's transaction has committed before its answer is sent: logins, logouts, grant and
    // organization changes are all writes, so no cached session outlives the data it was built from.
    if (!SAFE_METHODS.has(request.method)) cache.invalidate();
    return payload;
  });
}

async function cachedSession(cache: SessionCache, db: Db, token: string): Promise<ResolvedSession | null> {
  const now = Date.now();
  const hit = cache.get(token, now);
  if (hit) return hit;
  const epoch = cache.begin();
  const session = await resolveSession(db, token, new Date(now));
  if (session) cache.store(token, session, epoch, Date.now());
  return session;
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập', 'You need to log in');
  return request.session.actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
