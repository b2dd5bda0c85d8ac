import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import type { Actor } from '../features/access/access.rules';
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

/** Resolves the session cookie on every request and enforces the CSRF token on cookie-authenticated writes. */
export function registerAuth(app: FastifyInstance, db: Db): void {
  app.decorateRequest('session', null);
  app.addHook('preHandler', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await resolveSession(db, token) : null;
    if (request.session && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (sent !== request.session.csrfToken)
        throw new AppError('CSRF', 'Thiếu hoặc sai mã chống giả mạo (CSRF)', 'Missing or wrong CSRF token', [
          { path: `headers.${CSRF_HEADER}`, message: 'không khớp với phiên', messageEn: 'does not match the session' },
        ]);
    }
  });
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
