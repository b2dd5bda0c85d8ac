import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  eligibilitySearchBodySchema,
  eligibilitySearchResultSchema,
  personEligibilityQuerySchema,
  personEligibilitySchema,
} from '../../../contracts/eligibility';
import type { Db } from '../../db/database';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import type { PolicyLibrary } from './policy.library';
import * as service from './eligibility.service';

export function eligibilityRoutes(app: FastifyInstance, db: Db, library: PolicyLibrary): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = { db, library };
  const tags = ['policy'];

  r.post(
    '/api/eligibility/search',
    {
      schema: {
        tags,
        summary:
          'Ai đủ điều kiện cho một chức danh vào một ngày, ai còn thiếu một điều kiện / who is eligible for a title on a date, who is one requirement short',
        body: eligibilitySearchBodySchema,
        response: { 200: eligibilitySearchResultSchema, ...errorResponses },
      },
    },
    async (req) => service.searchEligible(ctx, requireActor(req), req.body),
  );
  r.get(
    '/api/persons/:id/eligibility',
    {
      schema: {
        tags,
        summary: 'Kiểm tra một cán bộ với một chức danh vào một ngày, từ hồ sơ / check a stored person against a title on a date',
        params: z.object({ id: z.string().max(40) }),
        querystring: personEligibilityQuerySchema,
        response: { 200: personEligibilitySchema, ...errorResponses },
      },
    },
    async (req) => service.personEligibility(ctx, requireActor(req), req.params.id, req.query),
  );
}
