import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  restructuringAppliedSchema,
  restructuringEventListQuerySchema,
  restructuringEventListSchema,
  restructuringEventSchema,
  restructuringPlanSchema,
  restructuringPreviewSchema,
} from '../../../contracts/restructuring';
import { errorBodySchema } from '../../../contracts/common';
import type { Db } from '../../db/database';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import * as service from './restructuring.service';

export function restructuringRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/restructuring-events',
    {
      schema: {
        tags: ['restructuring'],
        summary: 'Sự kiện sắp xếp tổ chức / restructuring events',
        querystring: restructuringEventListQuerySchema,
        response: { 200: restructuringEventListSchema, ...errorResponses },
      },
    },
    async (req) => service.listEvents(db, requireActor(req), req.query.organizationId),
  );
  r.post(
    '/api/restructuring-events/preview',
    {
      schema: {
        tags: ['restructuring'],
        summary: 'Xem trước kết quả sắp xếp (không lưu) / preview, nothing saved',
        body: restructuringPlanSchema,
        response: { 200: restructuringPreviewSchema, ...errorResponses, 409: errorBodySchema },
      },
    },
    async (req) => service.previewRestructuring(db, requireActor(req), req.body),
  );
  r.post(
    '/api/restructuring-events',
    {
      schema: {
        tags: ['restructuring'],
        summary: 'Thực hiện sắp xếp / apply',
        body: restructuringPlanSchema,
        response: { 201: restructuringAppliedSchema, ...errorResponses, 409: errorBodySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.applyRestructuring(db, requireActor(req), req.body)),
  );
  r.post(
    '/api/restructuring-events/:id/revert',
    {
      schema: {
        tags: ['restructuring'],
        summary: 'Hoàn tác sự kiện / revert',
        params: z.object({ id: z.string().max(40) }),
        response: { 200: restructuringEventSchema, ...errorResponses, 409: errorBodySchema },
      },
    },
    async (req) => service.revertRestructuring(db, requireActor(req), req.params.id),
  );
}
