import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminUnitDetailSchema, adminUnitListQuerySchema, adminUnitListSchema } from '../../../contracts/admin-units';
import type { Db } from '../../db/database';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import * as service from './admin-unit.service';

/** Administrative units are public reference data: every signed-in user may read them. */
export function adminUnitRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/admin-units',
    {
      schema: {
        tags: ['admin-units'],
        summary: 'Tỉnh (không có provinceCode) hoặc xã/phường của một tỉnh / provinces or one province’s communes',
        querystring: adminUnitListQuerySchema,
        response: { 200: adminUnitListSchema, ...errorResponses },
      },
    },
    async (req) => {
      requireActor(req);
      return service.listUnits(db, req.query);
    },
  );
  r.get(
    '/api/admin-units/:code',
    {
      schema: {
        tags: ['admin-units'],
        summary: 'Một đơn vị hành chính và các đơn vị cũ hợp thành / one unit and the old units it was formed from',
        params: z.object({ code: z.string().max(10) }),
        response: { 200: adminUnitDetailSchema, ...errorResponses },
      },
    },
    async (req) => {
      requireActor(req);
      return service.unitDetail(db, req.params.code);
    },
  );
}
