import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createUserBodySchema,
  loginBodySchema,
  meSchema,
  sessionResponseSchema,
  totpEnableBodySchema,
  totpSetupResponseSchema,
  userListSchema,
} from '../../../contracts/auth';
import { LIMITS, errorBodySchema, pageQuerySchema } from '../../../contracts/common';
import type { Db } from '../../db/database';
import { clearSessionCookie, requireActor, setSessionCookie } from '../../http/auth';
import { forbidden } from '../../http/errors';
import { errorResponses } from '../../http/responses';
import { holdsAnywhere } from '../access/access.rules';
import * as service from './user.service';

export interface UserRouteOptions {
  secureCookies: boolean;
  loginRatePerMinute: number;
}

export function userRoutes(app: FastifyInstance, db: Db, opts: UserRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: opts.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập / log in',
        body: loginBodySchema,
        response: {
          200: sessionResponseSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          423: errorBodySchema,
          429: errorBodySchema,
        },
      },
    },
    async (req, reply) => {
      const result = await service.login(db, req.body);
      setSessionCookie(reply, result.token, opts.secureCookies, LIMITS.sessionHours * 3600);
      return { user: result.me, csrfToken: result.csrfToken };
    },
  );
  r.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Phiên hiện tại / current session',
        response: { 200: sessionResponseSchema, ...errorResponses },
      },
    },
    async (req) => {
      requireActor(req);
      return { user: req.session!.me, csrfToken: req.session!.csrfToken };
    },
  );
  r.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng xuất / log out',
        response: { 204: z.null().describe('Không có nội dung / no content'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await service.logout(db, actor, req.session!.sessionId);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/auth/totp/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Bắt đầu cài xác thực hai lớp / start TOTP setup',
        response: { 200: totpSetupResponseSchema, ...errorResponses },
      },
    },
    async (req) => service.startTotpSetup(db, requireActor(req)),
  );
  r.post(
    '/api/auth/totp/enable',
    {
      schema: {
        tags: ['auth'],
        summary: 'Bật xác thực hai lớp / enable TOTP',
        body: totpEnableBodySchema,
        response: { 204: z.null().describe('Không có nội dung / no content'), ...errorResponses },
      },
    },
    async (req, reply) => {
      await service.enableTotp(db, requireActor(req), req.body.code);
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Người dùng trong phạm vi / users in scope',
        querystring: pageQuerySchema,
        response: { 200: userListSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!holdsAnywhere(actor, 'users.manage')) throw forbidden();
      return service.listUsers(db, actor, req.query.limit, req.query.offset);
    },
  );
  r.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Tạo người dùng / create a user',
        body: createUserBodySchema,
        response: { 201: meSchema, ...errorResponses, 409: errorBodySchema },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (!holdsAnywhere(actor, 'users.manage')) throw forbidden();
      return reply.status(201).send(await service.createUser(db, actor, req.body));
    },
  );
}
