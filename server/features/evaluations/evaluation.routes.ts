import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, pageQuerySchema } from '../../../contracts/common';
import {
  appraisalBodySchema,
  assignGroupBodySchema,
  complaintBodySchema,
  createCycleBodySchema,
  createEvaluationBodySchema,
  createGroupBodySchema,
  createTaskBodySchema,
  cycleListSchema,
  cycleSchema,
  decisionsBodySchema,
  distributionQuerySchema,
  distributionReportSchema,
  evaluationListQuerySchema,
  evaluationListSchema,
  evaluationSchema,
  evaluationSummarySchema,
  type Evaluation,
  groupSchema,
  quotaViewSchema,
  ratingHistorySchema,
  selfAssessmentBodySchema,
} from '../../../contracts/evaluations';
import type { Db } from '../../db/database';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import type { PolicyLibrary } from '../policy/policy.library';
import { setEvaluationPolicyLibrary } from './evaluation.policy';
import * as service from './evaluation.service';

const idParams = z.object({ id: z.string().max(40) });
const withConflict = { ...errorResponses, 409: errorBodySchema } as const;
const tags = ['evaluations'];

export function evaluationRoutes(app: FastifyInstance, db: Db, policy: PolicyLibrary): void {
  setEvaluationPolicyLibrary(policy);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/evaluation-cycles',
    {
      schema: {
        tags,
        summary: 'Các đợt đánh giá / evaluation cycles',
        querystring: pageQuerySchema,
        response: { 200: cycleListSchema, ...errorResponses },
      },
    },
    async (req) => service.listCycles(db, requireActor(req), req.query),
  );
  r.post(
    '/api/evaluation-cycles',
    {
      schema: {
        tags,
        summary: 'Mở đợt đánh giá / open a cycle',
        body: createCycleBodySchema,
        response: { 201: cycleSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createCycle(db, requireActor(req), req.body)),
  );
  r.get(
    '/api/evaluation-cycles/:id',
    { schema: { tags, params: idParams, response: { 200: cycleSchema, ...errorResponses } } },
    async (req) => service.getCycle(db, requireActor(req), req.params.id),
  );
  r.get(
    '/api/evaluation-cycles/:id/groups',
    {
      schema: {
        tags,
        summary: 'Nhóm so sánh tỷ lệ / quota groups',
        params: idParams,
        response: { 200: z.array(groupSchema), ...errorResponses },
      },
    },
    async (req) => service.listGroups(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/evaluation-cycles/:id/groups',
    { schema: { tags, params: idParams, body: createGroupBodySchema, response: { 201: groupSchema, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await service.createGroup(db, requireActor(req), req.params.id, req.body)),
  );
  r.post(
    '/api/evaluation-cycles/:id/evaluations',
    {
      schema: {
        tags,
        summary: 'Lập phiếu đánh giá cho một người / add a person to the cycle',
        params: idParams,
        body: createEvaluationBodySchema,
        response: { 201: evaluationSummarySchema, ...withConflict },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createEvaluation(db, requireActor(req), req.params.id, req.body)),
  );
  r.get(
    '/api/evaluations',
    { schema: { tags, querystring: evaluationListQuerySchema, response: { 200: evaluationListSchema, ...errorResponses } } },
    async (req) => service.listEvaluations(db, requireActor(req), req.query),
  );
  r.get(
    '/api/evaluations/mine',
    {
      schema: {
        tags,
        summary: 'Phiếu đánh giá của tôi / my evaluations',
        response: { 200: z.array(evaluationSummarySchema), ...errorResponses },
      },
    },
    async (req) => service.myEvaluations(db, requireActor(req)),
  );
  r.get(
    '/api/evaluations/:id',
    { schema: { tags, params: idParams, response: { 200: evaluationSchema, ...errorResponses } } },
    async (req) => service.getEvaluation(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/evaluations/:id/group',
    {
      schema: {
        tags,
        summary: 'Xếp vào nhóm so sánh / assign the quota group',
        params: idParams,
        body: assignGroupBodySchema,
        response: { 200: evaluationSummarySchema, ...withConflict },
      },
    },
    async (req) => service.assignGroup(db, requireActor(req), req.params.id, req.body.groupId),
  );
  // The four steps on one evaluation share their shape: id in the path, a body, the whole evaluation back (409 when
  // the evaluation is at another step).
  const evaluationStep = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (actor: ReturnType<typeof requireActor>, id: string, body: z.infer<B>) => Promise<Evaluation>,
  ) =>
    r.post(
      `/api/evaluations/:id/${path}`,
      { schema: { tags, summary, params: idParams, body, response: { 200: evaluationSchema, ...withConflict } } },
      async (req) => run(requireActor(req), req.params.id, req.body as z.infer<B>),
    );
  evaluationStep('tasks', 'Nhiệm vụ, chỉ tiêu / task or KPI', createTaskBodySchema, (a, id, b) => service.addTask(db, a, id, b));
  evaluationStep('self-assessment', 'Tự đánh giá / self-assessment', selfAssessmentBodySchema, (a, id, b) =>
    service.selfAssess(db, a, id, b),
  );
  evaluationStep('appraisal', 'Thẩm định / appraisal', appraisalBodySchema, (a, id, b) => service.appraise(db, a, id, b));
  evaluationStep('complaint', 'Khiếu nại, mở lại thẩm định / complaint', complaintBodySchema, (a, id, b) =>
    service.complain(db, a, id, b.comment),
  );
  r.get(
    '/api/evaluation-groups/:id/quota',
    {
      schema: {
        tags,
        summary: 'Tỷ lệ xuất sắc, ai phải chuyển / quota what-if',
        params: idParams,
        response: { 200: quotaViewSchema, ...errorResponses },
      },
    },
    async (req) => service.getQuota(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/evaluation-groups/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Quyết định xếp loại / decide',
        params: idParams,
        body: decisionsBodySchema,
        response: { 200: quotaViewSchema, ...withConflict },
      },
    },
    async (req) => service.decide(db, requireActor(req), req.params.id, req.body),
  );
  r.get(
    '/api/evaluation-history/:personId',
    {
      schema: {
        tags,
        summary: 'Kết quả xếp loại 3 năm / three-year ratings',
        params: z.object({ personId: z.string().max(40) }),
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: ratingHistorySchema, ...errorResponses },
      },
    },
    async (req) => service.ratingHistory(db, requireActor(req), req.params.personId, req.query.year),
  );
  r.get(
    '/api/evaluation-reports/distribution',
    {
      schema: {
        tags,
        summary: 'Phân bố xếp loại theo đơn vị qua các năm / distribution per unit across years',
        querystring: distributionQuerySchema,
        response: { 200: distributionReportSchema, ...errorResponses },
      },
    },
    async (req) => service.distributionReport(db, requireActor(req), req.query),
  );
}
