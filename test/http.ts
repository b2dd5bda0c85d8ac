import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../server/app';
import type { TestDatabase } from './databases';
import { DEMO_PASSWORD } from '../scripts/demo';

/** The app over a test database, with login helpers that keep the cookie and CSRF token like a browser. */
export async function buildTestApp(
  database: TestDatabase,
  opts: { loginRatePerMinute?: number; sessionCacheMs?: number } = {},
): Promise<FastifyInstance> {
  return buildApp({
    database,
    serveWeb: false,
    loginRatePerMinute: opts.loginRatePerMinute ?? 1000,
    sessionCacheMs: opts.sessionCacheMs,
  });
}

export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  cookie: string;
  csrfToken: string;
}

export async function loginAs(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'canbo_session')!;
  const cookieHeader = `canbo_session=${cookie.value}`;
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  return {
    cookie: cookieHeader,
    csrfToken,
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie: cookieHeader } }),
    post: (url, body, headers) =>
      app.inject({
        method: 'POST',
        url,
        payload: body as object,
        headers: { cookie: cookieHeader, 'x-csrf-token': csrfToken, ...headers },
      }),
  };
}
