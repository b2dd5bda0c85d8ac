import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addIncumbentBodySchema,
  closeBodySchema,
  createPositionBodySchema,
  endIncumbentBodySchema,
  incumbentSchema,
  positionListQuerySchema,
  positionHistorySchema,
  positionListSchema,
  positionSchema,
  updatePositionBodySchema,
} from '../../../contracts/positions';
import type { Db } from '../../db/database';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import * as service from './position.service';

const idParams = z.object({ id: z.string().max(40) });

export function positionRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/positions',
    {
      schema: {
        tags: ['positions'],
        summary: 'Vị trí (chỗ ngồi) và người giữ theo ngày / seats and incumbents as of a date',
        querystring: positionListQuerySchema,
        response: { 200: positionListSchema, ...errorResponses },
      },
    },
    async (req) => service.listPositions(db, requireActor(req), req.query),
  );
  r.post(
    '/api/positions',
    {
      schema: {
        tags: ['positions'],
        body: createPositionBodySchema,
        response: { 201: positionSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createPosition(db, requireActor(req), req.body)),
  );
  r.patch(
    '/api/positions/:id',
    {
      schema: {
        tags: ['positions'],
        summary: 'Sửa số lượng, nhiệm kỳ của vị trí / change a seat',
        params: idParams,
        body: updatePositionBodySchema,
        response: { 200: positionSchema, ...errorResponses },
      },
    },
    async (req) => service.updatePosition(db, requireActor(req), req.params.id, req.body),
  );
  r.get(
    '/api/positions/:id/history',
    {
      schema: {
        tags: ['positions'],
        summary: "Lịch sử số lượng và người giữ vị trí / a seat's figures and holders over time",
        params: idParams,
        response: { 200: positionHistorySchema, ...errorResponses },
      },
    },
    async (req) => service.positionHistory(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/positions/:id/close',
    {
      schema: {
        tags: ['positions'],
        summary: 'Kết thúc vị trí từ một ngày / close a seat',
        params: idParams,
        body: closeBodySchema,
        response: { 200: positionSchema, ...errorResponses },
      },
    },
    async (req) => service.closePosition(db, requireActor(req), req.params.id, req.body.validTo),
  );
  r.post(
    '/api/positions/:id/incumbents',
    {
      schema: {
        tags: ['positions'],
        params: idParams,
        body: addIncumbentBodySchema,
        response: { 201: incumbentSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.addIncumbent(db, requireActor(req), req.params.id, req.body)),
  );
  r.post(
    '/api/incumbents/:id/end',
    {
      schema: {
        tags: ['positions'],
        params: idParams,
        body: endIncumbentBodySchema,
        response: { 200: incumbentSchema, ...errorResponses },
      },
    },
    async (req) => service.endIncumbent(db, requireActor(req), req.params.id, req.body.to),
  );
}
