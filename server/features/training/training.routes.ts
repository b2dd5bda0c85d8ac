import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../contracts/common';
import {
  completionBodySchema,
  courseSchema,
  createCourseBodySchema,
  enrolBodySchema,
  enrolmentSchema,
  needsBodySchema,
  needsSchema,
  planSchema,
} from '../../../contracts/training';
import type { Db } from '../../db/database';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import type { PolicyLibrary } from '../policy/policy.library';
import * as service from './training.service';

const idParams = z.object({ id: z.string().max(40) });
const withConflict = { ...errorResponses, 409: errorBodySchema } as const;
const tags = ['training'];

export function trainingRoutes(app: FastifyInstance, db: Db, policy: PolicyLibrary): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/training/courses',
    {
      schema: {
        tags,
        summary: 'Khóa đào tạo, bồi dưỡng / courses',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: z.array(courseSchema), ...errorResponses },
      },
    },
    async (req) => service.listCourses(db, requireActor(req), req.query.year),
  );
  r.post(
    '/api/training/courses',
    { schema: { tags, body: createCourseBodySchema, response: { 201: courseSchema, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await service.createCourse(db, requireActor(req), req.body)),
  );
  r.get(
    '/api/training/courses/:id/enrolments',
    { schema: { tags, params: idParams, response: { 200: z.array(enrolmentSchema), ...errorResponses } } },
    async (req) => service.listEnrolments(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/training/courses/:id/enrolments',
    {
      schema: {
        tags,
        summary: 'Cử đi học / enrol',
        params: idParams,
        body: enrolBodySchema,
        response: { 201: enrolmentSchema, ...withConflict },
      },
    },
    async (req, reply) => reply.status(201).send(await service.enrol(db, requireActor(req), req.params.id, req.body)),
  );
  r.post(
    '/api/training/enrolments/:id/completion',
    {
      schema: {
        tags,
        summary: 'Kết quả học tập; đề nghị cập nhật hồ sơ qua phê duyệt / result, proposing the record update for approval',
        params: idParams,
        body: completionBodySchema,
        response: { 200: enrolmentSchema, ...withConflict },
      },
    },
    async (req) => service.complete(db, policy, requireActor(req), req.params.id, req.body),
  );
  r.post(
    '/api/training/needs',
    {
      schema: {
        tags,
        summary: 'Nhu cầu đào tạo theo tiêu chuẩn chức danh / training needs',
        body: needsBodySchema,
        response: { 200: needsSchema, ...errorResponses },
      },
    },
    async (req) => service.trainingNeeds(db, policy, requireActor(req), req.body),
  );
  r.get(
    '/api/training/plan',
    {
      schema: {
        tags,
        summary: 'Kế hoạch đào tạo năm của đơn vị / yearly plan',
        querystring: z.object({ organizationId: z.string().max(40), year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: planSchema, ...errorResponses },
      },
    },
    async (req) => service.trainingPlan(db, requireActor(req), req.query.organizationId, req.query.year),
  );
}
