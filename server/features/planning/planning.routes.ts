import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addCandidateBodySchema,
  changeStatusBodySchema,
  createCycleBodySchema,
  createPlanBodySchema,
  cycleDetailSchema,
  cycleListSchema,
  finderQuerySchema,
  finderResultSchema,
  planSchema,
  recordExceptionBodySchema,
  removeCandidateBodySchema,
  updateCandidateBodySchema,
} from '../../../contracts/planning';
import { errorResponses } from '../../http/responses';
import { requireActor } from '../../http/auth';
import { errorBodySchema } from '../../../contracts/common';
import * as finder from './planning.finder.service';
import * as service from './planning.service';

const idParams = z.object({ id: z.string().max(40) });
const withConflict = { ...errorResponses, 409: errorBodySchema };
const tags = ['planning'];

export function planningRoutes(app: FastifyInstance, ctx: service.PlanningContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/planning/cycles',
    { schema: { tags, summary: 'Kỳ quy hoạch / planning cycles', response: { 200: cycleListSchema, ...errorResponses } } },
    async (req) => service.listCycles(ctx, requireActor(req)),
  );
  r.post(
    '/api/planning/cycles',
    { schema: { tags, body: createCycleBodySchema, response: { 201: cycleDetailSchema, ...withConflict } } },
    async (req, reply) => reply.status(201).send(await service.createCycle(ctx, requireActor(req), req.body)),
  );
  r.get(
    '/api/planning/cycles/:id',
    {
      schema: {
        tags,
        summary: 'Kỳ quy hoạch với các quy hoạch, người và kết quả kiểm tra / a cycle with plans, people and verdicts',
        params: idParams,
        response: { 200: cycleDetailSchema, ...errorResponses },
      },
    },
    async (req) => service.getCycle(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/api/planning/cycles/:id/plans',
    { schema: { tags, params: idParams, body: createPlanBodySchema, response: { 201: cycleDetailSchema, ...withConflict } } },
    async (req, reply) => reply.status(201).send(await service.createPlan(ctx, requireActor(req), req.params.id, req.body)),
  );
  r.post(
    '/api/planning/cycles/:id/status',
    { schema: { tags, params: idParams, body: changeStatusBodySchema, response: { 200: cycleDetailSchema, ...withConflict } } },
    async (req) => service.changeStatus(ctx, requireActor(req), req.params.id, req.body.status),
  );
  r.post(
    '/api/planning/cycles/:id/exceptions',
    {
      schema: { tags, params: idParams, body: recordExceptionBodySchema, response: { 201: cycleDetailSchema, ...withConflict } },
    },
    async (req, reply) => reply.status(201).send(await service.recordException(ctx, requireActor(req), req.params.id, req.body)),
  );
  r.get(
    '/api/planning/plans/:id',
    {
      schema: {
        tags,
        summary:
          'Một quy hoạch với mọi kết quả kiểm tra của từng người, kể cả các quy định đã đạt / one plan with every verdict, passed ones included',
        params: idParams,
        response: { 200: planSchema, ...errorResponses },
      },
    },
    async (req) => service.getPlan(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/api/planning/plans/:id/candidates',
    { schema: { tags, params: idParams, body: addCandidateBodySchema, response: { 201: cycleDetailSchema, ...withConflict } } },
    async (req, reply) => reply.status(201).send(await service.addCandidate(ctx, requireActor(req), req.params.id, req.body)),
  );
  r.get(
    '/api/planning/plans/:id/finder',
    {
      schema: {
        tags,
        summary: 'Tìm người đủ điều kiện quy hoạch / find eligible people for a plan',
        params: idParams,
        querystring: finderQuerySchema,
        response: { 200: finderResultSchema, ...errorResponses },
      },
    },
    async (req) => finder.findCandidates(ctx, requireActor(req), req.params.id, req.query),
  );
  r.patch(
    '/api/planning/candidates/:id',
    {
      schema: { tags, params: idParams, body: updateCandidateBodySchema, response: { 200: cycleDetailSchema, ...withConflict } },
    },
    async (req) => service.updateCandidate(ctx, requireActor(req), req.params.id, req.body),
  );
  r.post(
    '/api/planning/candidates/:id/remove',
    {
      schema: { tags, params: idParams, body: removeCandidateBodySchema, response: { 200: cycleDetailSchema, ...withConflict } },
    },
    async (req) => service.removeCandidate(ctx, requireActor(req), req.params.id, req.body.reason, req.body.removedOn),
  );
}
