import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignJobPositionBodySchema,
  createJobPositionBodySchema,
  endAssignmentBodySchema,
  jobAssignmentListSchema,
  jobAssignmentSchema,
  jobPositionHistorySchema,
  jobPositionListQuerySchema,
  jobPositionListSchema,
  jobPositionSchema,
  quotaHistoryQuerySchema,
  quotaHistorySchema,
  setQuotaBodySchema,
  staffingQuerySchema,
  staffingTableSchema,
  updateJobPositionBodySchema,
} from '../../../contracts/staffing';
import { closeBodySchema } from '../../../contracts/positions';
import type { Db } from '../../db/database';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import * as assignments from './staffing.assignments';
import * as service from './staffing.service';

export function staffingRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staffing',
    {
      schema: {
        tags: ['staffing'],
        summary: 'Biên chế: giao và thực có, cộng dồn theo cây, mục tiêu Kết luận 40 / quotas rolled up the tree',
        querystring: staffingQuerySchema,
        response: { 200: staffingTableSchema, ...errorResponses },
      },
    },
    async (req) => service.staffingTable(db, requireActor(req), req.query),
  );
  r.post(
    '/api/staffing/quotas',
    {
      schema: { tags: ['staffing'], body: setQuotaBodySchema, response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await service.setQuota(db, requireActor(req), req.body);
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/api/staffing/quotas/history',
    {
      schema: {
        tags: ['staffing'],
        summary: "Các lần giao, điều chỉnh biên chế trong năm / a year's quota figures over time",
        querystring: quotaHistoryQuerySchema,
        response: { 200: quotaHistorySchema, ...errorResponses },
      },
    },
    async (req) => service.quotaHistory(db, requireActor(req), req.query),
  );
  r.get(
    '/api/job-positions',
    {
      schema: {
        tags: ['staffing'],
        summary: 'Vị trí việc làm / job positions',
        querystring: jobPositionListQuerySchema,
        response: { 200: jobPositionListSchema, ...errorResponses },
      },
    },
    async (req) => service.listJobPositions(db, requireActor(req), req.query.organizationId, req.query.asOf),
  );
  r.post(
    '/api/job-positions',
    {
      schema: { tags: ['staffing'], body: createJobPositionBodySchema, response: { 201: jobPositionSchema, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await service.createJobPosition(db, requireActor(req), req.body)),
  );
  r.patch(
    '/api/job-positions/:id',
    {
      schema: {
        tags: ['staffing'],
        summary: 'Sửa vị trí việc làm / change a job position',
        params: z.object({ id: z.string().max(40) }),
        body: updateJobPositionBodySchema,
        response: { 200: jobPositionSchema, ...errorResponses },
      },
    },
    async (req) => service.updateJobPosition(db, requireActor(req), req.params.id, req.body),
  );
  r.get(
    '/api/job-positions/:id/history',
    {
      schema: {
        tags: ['staffing'],
        summary: 'Các lần thay đổi số lượng của vị trí việc làm / the head counts a job position had',
        params: z.object({ id: z.string().max(40) }),
        response: { 200: jobPositionHistorySchema, ...errorResponses },
      },
    },
    async (req) => service.jobPositionHistory(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/job-positions/:id/close',
    {
      schema: {
        tags: ['staffing'],
        summary: 'Kết thúc vị trí việc làm từ một ngày / close a job position',
        params: z.object({ id: z.string().max(40) }),
        body: closeBodySchema,
        response: { 200: jobPositionSchema, ...errorResponses },
      },
    },
    async (req) => service.closeJobPosition(db, requireActor(req), req.params.id, req.body.validTo),
  );
  r.post(
    '/api/job-positions/:id/assignments',
    {
      schema: {
        tags: ['staffing'],
        params: z.object({ id: z.string().max(40) }),
        body: assignJobPositionBodySchema,
        response: { 201: jobAssignmentSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.assignJobPosition(db, requireActor(req), req.params.id, req.body)),
  );
  r.get(
    '/api/job-positions/:id/assignments',
    {
      schema: {
        tags: ['staffing'],
        summary: 'Người đảm nhiệm vị trí việc làm (cả trước đây) / who held a job position',
        params: z.object({ id: z.string().max(40) }),
        response: { 200: jobAssignmentListSchema, ...errorResponses },
      },
    },
    async (req) => assignments.listAssignments(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/job-assignments/:id/end',
    {
      schema: {
        tags: ['staffing'],
        summary: 'Kết thúc việc đảm nhiệm vị trí việc làm / end an assignment',
        params: z.object({ id: z.string().max(40) }),
        body: endAssignmentBodySchema,
        response: { 200: jobAssignmentSchema, ...errorResponses },
      },
    },
    async (req) => assignments.endAssignment(db, requireActor(req), req.params.id, req.body.to),
  );
}
