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
  planNeedsQuerySchema,
  planNeedsSchema,
  planSchema,
} from '../../../contracts/training';
import { ATTACHMENT_MEDIA_TYPES, DOCUMENT_LIMITS, attachmentSchema } from '../../../contracts/documents';
import type { Db } from '../../db/database';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import type { PolicyLibrary } from '../policy/policy.library';
import { addAttachment } from '../documents/attachment.service';
import { findOrganization } from '../organizations/organization.repository';
import { needsXlsx, planXlsx } from './training.export';
import * as service from './training.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const idParams = z.object({ id: z.string().max(40) });
const withConflict = { ...errorResponses, 409: errorBodySchema } as const;
const tags = ['training'];

/** The training routes; the title standards are validated with the policy library, so a bad file stops the start. */
export async function trainingRoutes(app: FastifyInstance, db: Db, policy: PolicyLibrary): Promise<void> {
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
  r.get(
    '/api/training/plan.xlsx',
    {
      schema: {
        tags,
        summary: 'Kế hoạch đào tạo năm (.xlsx)',
        querystring: z.object({ organizationId: z.string().max(40), year: z.coerce.number().int().min(2000).max(2100) }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const plan = await service.trainingPlan(db, actor, req.query.organizationId, req.query.year);
      const org = (await findOrganization(db, plan.organizationId))!;
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="ke-hoach-dao-tao-${plan.year}.xlsx"`)
        .send(await planXlsx(plan, org.name));
    },
  );
  r.get(
    '/api/training/plans/:id/needs',
    {
      schema: {
        tags,
        summary: 'Nhu cầu đào tạo của người trong quy hoạch / training needs of a planning plan',
        params: idParams,
        querystring: planNeedsQuerySchema,
        response: { 200: planNeedsSchema, ...errorResponses },
      },
    },
    async (req) => service.planNeeds(db, policy, requireActor(req), req.params.id, req.query.dueBy),
  );
  r.get(
    '/api/training/plans/:id/needs.xlsx',
    { schema: { tags, summary: 'Nhu cầu đào tạo (.xlsx)', params: idParams, querystring: planNeedsQuerySchema } },
    async (req, reply) => {
      const needs = await service.planNeeds(db, policy, requireActor(req), req.params.id, req.query.dueBy);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="nhu-cau-dao-tao-${needs.dueBy}.xlsx"`)
        .send(await needsXlsx(needs));
    },
  );

  // The certificate travels as the raw file body (PDF or DOCX) with its name in x-file-name (URI-encoded).
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      [ATTACHMENT_MEDIA_TYPES.pdf, ATTACHMENT_MEDIA_TYPES.docx, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: DOCUMENT_LIMITS.attachmentMaxBytes * 2 },
      (_req, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/training/enrolments/:id/certificate',
      {
        bodyLimit: DOCUMENT_LIMITS.attachmentMaxBytes * 2,
        schema: {
          tags,
          summary: 'Đính kèm bản chụp chứng chỉ, văn bằng (PDF/DOCX) / attach the certificate',
          params: idParams,
          headers: z.object({ 'x-file-name': z.string().min(1).max(1000) }),
          response: { 201: attachmentSchema, 413: errorResponses[400], ...errorResponses },
        },
      },
      async (req, reply) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const name = decodeURIComponent(req.headers['x-file-name']);
        return reply
          .status(201)
          .send(await addAttachment(db, requireActor(req), { kind: 'training_enrolment', id: req.params.id }, name, body));
      },
    );
  });
}
