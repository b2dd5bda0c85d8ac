import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../contracts/common';
import {
  createReviewBodySchema,
  createRoundBodySchema,
  planningReportSchema,
  reviewListSchema,
  reviewPreviewSchema,
  reviewQuerySchema,
  reviewSchema,
  roundListSchema,
  roundSchema,
  seatSearchQuerySchema,
  seatSearchResultSchema,
  sessionSearchQuerySchema,
  sessionSearchResultSchema,
} from '../../../contracts/planning-work';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import type { PlanningContext } from './planning.context';
import { planningDocx, planningXlsx } from './planning.export';
import { planningReport } from './planning.report.service';
import { createReview, listReviews, previewReview } from './planning.review.service';
import { createRound, listRounds, sessionOptions } from './planning.rounds.service';
import { seatOptions } from './planning.seats.service';
import { getCycle } from './planning.service';

const idParams = z.object({ id: z.string().max(40) });
const withConflict = { ...errorResponses, 409: errorBodySchema };
const tags = ['planning'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Recommendation rounds, the yearly review, succession reports and exports, the seat search. */
export function planningWorkRoutes(app: FastifyInstance, ctx: PlanningContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/planning/cycles/:id/seats',
    {
      schema: {
        tags,
        summary: 'Tìm vị trí để lập quy hoạch / search seats for a plan',
        params: idParams,
        querystring: seatSearchQuerySchema,
        response: { 200: seatSearchResultSchema, ...errorResponses },
      },
    },
    async (req) => seatOptions(ctx, requireActor(req), req.params.id, req.query),
  );
  r.get(
    '/api/planning/cycles/:id/rounds',
    {
      schema: {
        tags,
        summary: 'Các bước giới thiệu quy hoạch / recommendation rounds',
        params: idParams,
        response: { 200: roundListSchema, ...errorResponses },
      },
    },
    async (req) => listRounds(ctx, requireActor(req), req.params.id),
  );
  r.get(
    '/api/planning/plans/:id/vote-sessions',
    {
      schema: {
        tags,
        summary: 'Phiên giới thiệu quy hoạch đã công bố của người trong quy hoạch / published recommendation sessions',
        params: idParams,
        querystring: sessionSearchQuerySchema,
        response: { 200: sessionSearchResultSchema, ...errorResponses },
      },
    },
    async (req) => sessionOptions(ctx, requireActor(req), req.params.id, req.query),
  );
  r.post(
    '/api/planning/plans/:id/rounds',
    { schema: { tags, params: idParams, body: createRoundBodySchema, response: { 201: roundSchema, ...withConflict } } },
    async (req, reply) => reply.status(201).send(await createRound(ctx, requireActor(req), req.params.id, req.body)),
  );
  r.get(
    '/api/planning/cycles/:id/review',
    {
      schema: {
        tags,
        summary: 'Đề xuất rà soát hằng năm / yearly review suggestions',
        params: idParams,
        querystring: reviewQuerySchema,
        response: { 200: reviewPreviewSchema, ...errorResponses },
      },
    },
    async (req) => previewReview(ctx, requireActor(req), req.params.id, req.query.on),
  );
  r.get(
    '/api/planning/cycles/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Các lần rà soát, trước và sau / reviews with before and after',
        params: idParams,
        response: { 200: reviewListSchema, ...errorResponses },
      },
    },
    async (req) => listReviews(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/api/planning/cycles/:id/reviews',
    { schema: { tags, params: idParams, body: createReviewBodySchema, response: { 201: reviewSchema, ...withConflict } } },
    async (req, reply) => reply.status(201).send(await createReview(ctx, requireActor(req), req.params.id, req.body)),
  );
  r.get(
    '/api/planning/cycles/:id/report',
    {
      schema: {
        tags,
        summary: 'Báo cáo kế cận, độ bao phủ, cơ cấu, độ tuổi / succession report',
        params: idParams,
        response: { 200: planningReportSchema, ...errorResponses },
      },
    },
    async (req) => planningReport(ctx, requireActor(req), req.params.id),
  );
  r.get(
    '/api/planning/cycles/:id/list.docx',
    { schema: { tags, summary: 'Danh sách quy hoạch (.docx)', params: idParams } },
    async (req, reply) => {
      const detail = await getCycle(ctx, requireActor(req), req.params.id);
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', `attachment; filename="quy-hoach-${detail.termFrom}-${detail.termTo}.docx"`)
        .send(await planningDocx(detail));
    },
  );
  r.get(
    '/api/planning/cycles/:id/list.xlsx',
    { schema: { tags, summary: 'Danh sách quy hoạch và báo cáo kế cận (.xlsx)', params: idParams } },
    async (req, reply) => {
      const actor = requireActor(req);
      const detail = await getCycle(ctx, actor, req.params.id);
      const report = await planningReport(ctx, actor, req.params.id);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="quy-hoach-${detail.termFrom}-${detail.termTo}.xlsx"`)
        .send(await planningXlsx(detail, report));
    },
  );
}
