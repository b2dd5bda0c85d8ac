import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { type ZodTypeProvider, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { DbContext } from './db/database';
import { adminUnitRoutes } from './features/admin-units/admin-unit.routes';
import { auditRoutes } from './features/audit/audit.routes';
import { documentRoutes } from './features/documents/document.routes';
import { evaluationRoutes } from './features/evaluations/evaluation.routes';
import { trainingRoutes } from './features/training/training.routes';
import { homeRoutes } from './features/home/home.routes';
import { organizationRoutes } from './features/organizations/organization.routes';
import { positionRoutes } from './features/positions/position.routes';
import { restructuringRoutes } from './features/restructuring/restructuring.routes';
import { staffingRoutes } from './features/staffing/staffing.routes';
import { titleRoutes } from './features/titles/title.routes';
import { loadPolicyLibrary } from './features/policy/pack.loader';
import type { PolicyLibrary } from './features/policy/policy.library';
import { eligibilityRoutes } from './features/policy/eligibility.routes';
import { policyRoutes } from './features/policy/policy.routes';
import { personIoRoutes } from './features/persons/person.io.routes';
import { personRoutes } from './features/persons/person.routes';
import { programmeRoutes } from './features/programme/programme.routes';
import { planningRoutes } from './features/planning/planning.routes';
import { planningWorkRoutes } from './features/planning/planning.work.routes';
import { userRoutes } from './features/users/user.routes';
import { voteElectronicRoutes } from './features/votes/vote.electronic.routes';
import { voteRoutes } from './features/votes/vote.routes';
import { decisionRoutes } from './features/decisions/decision.routes';
import { registerAuth } from './http/auth';
import { registerErrorHandling } from './http/error-handler';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export interface AppDeps {
  database: DbContext;
  logger?: FastifyServerOptions['logger'];
  secureCookies?: boolean;
  loginRatePerMinute?: number;
  /** Reuse of a resolved session, in milliseconds (see SessionCache); 5 s when absent. */
  sessionCacheMs?: number;
  /** Serve the built web app from web/dist when it exists (off in API-only tests). */
  serveWeb?: boolean;
  /** The validated rule packs; loaded from policy/ when absent (tests inject their own). */
  policy?: PolicyLibrary;
}

/** Builds the whole HTTP application; used by main.ts and by every HTTP test through inject(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    genReqId: () => randomUUID(),
    requestIdHeader: 'x-request-id',
    bodyLimit: 1_048_576,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // While closing, answers to requests still in flight end their keep-alive connection, so close() can finish.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'CanBo API', description: 'API hệ thống công tác cán bộ / cadre work API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'canbo_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const db = deps.database.db;
  // One validated set of rule packs for every feature that judges by the rules (pass it to their routes).
  const policy = deps.policy ?? loadPolicyLibrary();
  const serveWeb = (deps.serveWeb ?? true) && fs.existsSync(path.join(WEB_DIST, 'index.html'));
  registerErrorHandling(app, { spaFallback: serveWeb });
  registerAuth(app, db, deps.sessionCacheMs ?? 5000);

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Tình trạng / health',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
      },
    },
    async () => {
      await sql`select 1`.execute(db);
      return { status: 'ok' as const, database: deps.database.dialect };
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  userRoutes(app, db, { secureCookies: deps.secureCookies ?? false, loginRatePerMinute: deps.loginRatePerMinute ?? 30 });
  organizationRoutes(app, db);
  titleRoutes(app, db);
  positionRoutes(app, db);
  restructuringRoutes(app, db);
  staffingRoutes(app, db);
  adminUnitRoutes(app, db);
  auditRoutes(app, db);
  homeRoutes(app, db);
  policyRoutes(app, db, policy);
  eligibilityRoutes(app, db, policy);
  personRoutes(app, deps.database, policy);
  voteRoutes(app, db);
  programmeRoutes(app, db);
  await documentRoutes(app, db, policy);
  evaluationRoutes(app, db, policy);
  personIoRoutes(app, deps.database, policy);
  voteElectronicRoutes(app, db);
  await trainingRoutes(app, db, policy);
  planningRoutes(app, { db, library: policy });
  planningWorkRoutes(app, { db, library: policy });
  decisionRoutes(app, db, policy);

  if (serveWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  return app;
}
