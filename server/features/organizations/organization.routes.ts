import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createOrganizationBodySchema,
  organizationListQuerySchema,
  organizationListSchema,
  organizationHistorySchema,
  organizationSchema,
  organizationSubtreeQuerySchema,
  organizationTreeQuerySchema,
  organizationTreeSchema,
} from '../../../contracts/organizations';
import type { Db } from '../../db/database';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import * as history from './organization-history.service';
import * as service from './organization.service';

export function organizationRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Danh sách đơn vị trong phạm vi / organizations in scope',
        querystring: organizationListQuerySchema,
        response: { 200: organizationListSchema, ...errorResponses },
      },
    },
    async (req) => service.listOrganizations(db, requireActor(req), req.query),
  );
  r.get(
    '/api/organizations/tree',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Cây tổ chức tại một ngày / the tree as of a date, one level at a time',
        querystring: organizationTreeQuerySchema,
        response: { 200: organizationTreeSchema, ...errorResponses },
      },
    },
    async (req) => history.treeAsOf(db, requireActor(req), req.query),
  );
  r.get(
    '/api/organizations/:id/subtree',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Toàn bộ cây con tại một ngày / the whole subtree as of a date',
        params: z.object({ id: z.string().max(40) }),
        querystring: organizationSubtreeQuerySchema,
        response: { 200: organizationTreeSchema, ...errorResponses },
      },
    },
    async (req) => history.subtreeAsOf(db, requireActor(req), req.params.id, req.query.asOf),
  );
  r.get(
    '/api/organizations/:id/history',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Lịch sử tên, trực thuộc và kế thừa / versions and lineage',
        params: z.object({ id: z.string().max(40) }),
        response: { 200: organizationHistorySchema, ...errorResponses },
      },
    },
    async (req) => history.organizationHistory(db, requireActor(req), req.params.id),
  );
  r.get(
    '/api/organizations/:id',
    {
      schema: {
        tags: ['organizations'],
        params: z.object({ id: z.string().max(40) }),
        response: { 200: organizationSchema, ...errorResponses },
      },
    },
    async (req) => service.getOrganization(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/organizations',
    {
      schema: {
        tags: ['organizations'],
        body: createOrganizationBodySchema,
        response: { 201: organizationSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createOrganization(db, requireActor(req), req.body)),
  );
}
