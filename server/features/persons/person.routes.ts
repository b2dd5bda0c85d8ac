import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuerySchema } from '../../../contracts/common';
import {
  DECLARATION_STATUSES,
  PERSON_LIMITS,
  createPersonBodySchema,
  declarationBodySchema,
  declarationDecisionSchema,
  declarationListSchema,
  declarationSchema,
  personChangesSchema,
  personHistorySchema,
  personListQuerySchema,
  personListSchema,
  personSchema,
  updatePersonBodySchema,
} from '../../../contracts/persons';
import type { DbContext } from '../../db/database';
import { requireActor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { errorResponses } from '../../http/responses';
import { personIdOfUser } from './person.repository';
import { getPersonWithRetirement } from './person.retirement';
import * as service from './person.service';
import type { PolicyLibrary } from '../policy/policy.library';

const idParams = z.object({ id: z.string().max(40) });
const asOfSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'YYYY-MM-DD');

export function personRoutes(app: FastifyInstance, ctx: DbContext, policy: PolicyLibrary): void {
  const db = ctx.db;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['persons'];

  r.get(
    '/api/persons',
    {
      schema: {
        tags,
        summary: 'Tìm kiếm hồ sơ cán bộ / search cadre records (diacritics optional, Vietnamese name order)',
        querystring: personListQuerySchema,
        response: { 200: personListSchema, ...errorResponses },
      },
    },
    async (req) => service.listPersons(ctx, requireActor(req), req.query),
  );
  r.get(
    '/api/persons/me',
    {
      schema: {
        tags,
        summary: 'Hồ sơ của chính tôi / my own record id',
        response: { 200: z.object({ personId: z.string().nullable() }), ...errorResponses },
      },
    },
    async (req) => ({ personId: await personIdOfUser(db, requireActor(req).userId) }),
  );
  r.post(
    '/api/persons',
    { schema: { tags, body: createPersonBodySchema, response: { 201: personSchema, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await service.createPerson(db, requireActor(req), req.body)),
  );
  r.get(
    '/api/persons/:id',
    {
      schema: {
        tags,
        summary: 'Hồ sơ (tùy chọn: tại một ngày) / a record, optionally as of a date',
        params: idParams,
        querystring: z.object({ asOf: asOfSchema.optional() }),
        response: { 200: personSchema, ...errorResponses },
      },
    },
    async (req) => getPersonWithRetirement(db, policy, requireActor(req), req.params.id, req.query.asOf),
  );
  r.put(
    '/api/persons/:id',
    { schema: { tags, params: idParams, body: updatePersonBodySchema, response: { 200: personSchema, ...errorResponses } } },
    async (req) => service.updatePerson(db, requireActor(req), req.params.id, req.body),
  );
  r.get(
    '/api/persons/:id/history',
    { schema: { tags, params: idParams, response: { 200: personHistorySchema, ...errorResponses } } },
    async (req) => service.personHistory(db, requireActor(req), req.params.id),
  );
  r.get(
    '/api/persons/:id/changes',
    {
      schema: {
        tags,
        summary: 'Thay đổi kể từ một ngày / changes since',
        params: idParams,
        querystring: z.object({ since: asOfSchema }),
        response: { 200: personChangesSchema, ...errorResponses },
      },
    },
    async (req) => service.changesSince(db, requireActor(req), req.params.id, req.query.since),
  );

  // Photos: the raw image is the body (image/jpeg or image/png), size-limited.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      ['image/jpeg', 'image/png'],
      { parseAs: 'buffer', bodyLimit: PERSON_LIMITS.photoMaxBytes },
      (_req, body, done) => done(null, body),
    );
    const s = scope.withTypeProvider<ZodTypeProvider>();
    s.put(
      '/api/persons/:id/photo',
      {
        bodyLimit: PERSON_LIMITS.photoMaxBytes,
        schema: { tags, summary: 'Ảnh 4x6 (JPEG/PNG) / photo', params: idParams, response: { 204: z.null(), ...errorResponses } },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body))
          throw new AppError('VALIDATION', 'Ảnh phải là tệp JPEG hoặc PNG', 'The photo must be a JPEG or PNG file');
        await service.setPhoto(
          db,
          requireActor(req),
          req.params.id,
          req.headers['content-type']!.split(';')[0]!.trim(),
          req.body,
        );
        return reply.status(204).send(null);
      },
    );
  });
  r.get('/api/persons/:id/photo', { schema: { tags, params: idParams } }, async (req, reply) => {
    const photo = await service.getPhoto(db, requireActor(req), req.params.id);
    return reply.header('content-type', photo.mime).header('cache-control', 'private, no-store').send(photo.data);
  });

  r.post(
    '/api/persons/:id/declarations',
    {
      schema: {
        tags,
        summary: 'Cán bộ kê khai thay đổi hồ sơ của mình / a cadre declares a change to his own record',
        params: idParams,
        body: declarationBodySchema,
        response: { 201: declarationSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await service.submitDeclaration(db, requireActor(req), req.params.id, {
          changes: req.body.changes as Parameters<typeof service.submitDeclaration>[3]['changes'],
          note: req.body.note,
        }),
      ),
  );
  r.get(
    '/api/person-declarations',
    {
      schema: {
        tags,
        querystring: pageQuerySchema.extend({
          status: z.enum(DECLARATION_STATUSES).optional(),
          personId: z.string().max(40).optional(),
        }),
        response: { 200: declarationListSchema, ...errorResponses },
      },
    },
    async (req) => service.listDeclarations(db, requireActor(req), req.query),
  );
  r.post(
    '/api/person-declarations/:id/decision',
    {
      schema: {
        tags,
        summary: 'Duyệt hoặc từ chối bản kê khai / approve or reject a declaration',
        params: idParams,
        body: declarationDecisionSchema,
        response: { 200: declarationSchema, ...errorResponses },
      },
    },
    async (req) => service.decideDeclaration(db, requireActor(req), req.params.id, req.body),
  );
}
