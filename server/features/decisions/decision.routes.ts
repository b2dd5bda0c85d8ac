import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cancelBodySchema,
  completeStepBodySchema,
  draftQuerySchema,
  exceptionReportSchema,
  inspectionSchema,
  trailSchema,
  createProcessBodySchema,
  decideBodySchema,
  circumstanceBodySchema,
  dossierItemBodySchema,
  openStepVoteBodySchema,
  overrideBodySchema,
  processDetailSchema,
  processListQuerySchema,
  processListSchema,
  recusalBodySchema,
  seatCategoryHistoryQuerySchema,
  seatCategoryHistorySchema,
  seatCategoryListSchema,
  seatCategoryQuerySchema,
  setSeatCategoryBodySchema,
  setSeatCategoryResultSchema,
} from '../../../contracts/decisions';
import { verdictSchema } from '../../../contracts/policy';
import { voteConsequenceListSchema } from '../../../contracts/votes';
import type { Db } from '../../db/database';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import type { PolicyLibrary } from '../policy/policy.library';
import { getProcess, listProcesses } from './decision.read';
import * as service from './decision.service';
import { draftOf } from './decision.draft';
import { exceptionReport, inspection, toStart, trail } from './decision.inspection';
import { listSeatCategories, seatCategoryHistory, setSeatCategory } from './decision.seats';

const idParams = z.object({ id: z.string().max(40) });
const stepParams = z.object({ id: z.string().max(40), key: z.string().max(60) });
const tags = ['decisions'];

export function decisionRoutes(app: FastifyInstance, db: Db, library: PolicyLibrary): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const detail = { 200: processDetailSchema, ...errorResponses };
  r.get(
    '/api/decisions',
    {
      schema: {
        tags,
        summary: 'Quy trình nhân sự trong phạm vi, với hạn và cảnh báo / personnel processes in scope',
        querystring: processListQuerySchema,
        response: { 200: processListSchema, ...errorResponses },
      },
    },
    async (req) => listProcesses(db, library, requireActor(req), req.query),
  );
  r.get(
    '/api/decisions/seats',
    {
      schema: {
        tags,
        summary: 'Vị trí của đơn vị và loại vị trí nhạy cảm (Điều 20 Luật PCTN) / seats and their sensitive post category',
        querystring: seatCategoryQuerySchema,
        response: { 200: seatCategoryListSchema, ...errorResponses },
      },
    },
    async (req) => listSeatCategories(db, requireActor(req), req.query),
  );
  r.get(
    '/api/decisions/seats/:id/post-category',
    {
      schema: {
        tags,
        summary:
          'Loại vị trí nhạy cảm của một vị trí tại một ngày và lịch sử thay đổi / a seat’s category as of a day and its history',
        params: idParams,
        querystring: seatCategoryHistoryQuerySchema,
        response: { 200: seatCategoryHistorySchema, ...errorResponses },
      },
    },
    async (req) => seatCategoryHistory(db, requireActor(req), req.params.id, req.query),
  );
  r.post(
    '/api/decisions/seats/:id/post-category',
    {
      schema: {
        tags,
        summary: 'Sửa loại vị trí nhạy cảm của một vị trí, có lý do / set a seat’s sensitive post category',
        params: idParams,
        body: setSeatCategoryBodySchema,
        response: { 200: setSeatCategoryResultSchema, ...errorResponses },
      },
    },
    async (req) => setSeatCategory(db, library, requireActor(req), req.params.id, req.body),
  );
  r.get(
    '/api/decisions/inspection',
    {
      schema: {
        tags,
        summary: 'Kiểm tra: mọi cảnh báo trong phạm vi và xác minh chuỗi nhật ký / inspector view',
        response: { 200: inspectionSchema, ...errorResponses },
      },
    },
    async (req) => inspection(db, library, requireActor(req)),
  );
  r.get(
    '/api/decisions/to-start',
    {
      schema: {
        tags,
        summary: 'Việc cần bắt đầu: miễn nhiệm sau lấy phiếu tín nhiệm thấp / dismissals to start after low votes',
        response: { 200: voteConsequenceListSchema, ...errorResponses },
      },
    },
    async (req) => toStart(db, requireActor(req)),
  );
  r.get(
    '/api/decisions/exceptions',
    {
      schema: {
        tags,
        summary: 'Ngoại lệ và bổ nhiệm ngoài quy hoạch theo cấp có thẩm quyền và năm / exceptions per authority and year',
        response: { 200: exceptionReportSchema, ...errorResponses },
      },
    },
    async (req) => exceptionReport(db, library, requireActor(req)),
  );
  r.get(
    '/api/decisions/:id/trail',
    {
      schema: {
        tags,
        summary: 'Toàn bộ dấu vết: bước, phiếu, kiểm tra, giấy tờ, việc tránh, nhật ký / full trail',
        params: idParams,
        response: { 200: trailSchema, ...errorResponses },
      },
    },
    async (req) => trail(db, library, requireActor(req), req.params.id),
  );
  r.get(
    '/api/decisions/:id/decision.docx',
    {
      schema: {
        tags,
        summary: 'Dự thảo quyết định (.docx) / the decision draft',
        params: idParams,
        querystring: draftQuerySchema,
      },
    },
    async (req, reply) => {
      const { bytes, fileName } = await draftOf(db, library, requireActor(req), req.params.id, req.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(bytes);
    },
  );
  r.post(
    '/api/decisions/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Hủy quy trình (lý do, ghi nhật ký) / cancel a process',
        params: idParams,
        body: cancelBodySchema,
        response: detail,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.cancelProcess(db, actor, req.params.id, req.body);
      return getProcess(db, library, actor, req.params.id);
    },
  );
  r.get(
    '/api/decisions/:id',
    { schema: { tags, summary: 'Toàn bộ hồ sơ quy trình / the full trail', params: idParams, response: detail } },
    async (req) => getProcess(db, library, requireActor(req), req.params.id),
  );
  r.post(
    '/api/decisions',
    {
      schema: {
        tags,
        summary: 'Bắt đầu quy trình theo quy định có hiệu lực / start a process',
        body: createProcessBodySchema,
        response: { 201: processDetailSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await service.createProcess(db, library, actor, req.body);
      return reply.status(201).send(await getProcess(db, library, actor, id));
    },
  );
  r.post(
    '/api/decisions/:id/circumstances',
    {
      schema: {
        tags,
        summary:
          'Ghi căn cứ (miễn nhiệm, từ chức, cho thôi giữ chức vụ) hoặc trường hợp tạm hoãn bổ nhiệm lại / record a ground or a postponement case',
        params: idParams,
        body: circumstanceBodySchema,
        response: detail,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.recordCircumstance(db, library, actor, req.params.id, req.body);
      return getProcess(db, library, actor, req.params.id);
    },
  );
  r.post(
    '/api/decisions/:id/dossier',
    {
      schema: {
        tags,
        summary: 'Ghi giấy tờ hồ sơ / record a dossier document',
        params: idParams,
        body: dossierItemBodySchema,
        response: detail,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.addDossierItem(db, library, actor, req.params.id, req.body);
      return getProcess(db, library, actor, req.params.id);
    },
  );
  r.post(
    '/api/decisions/:id/recusals',
    {
      schema: {
        tags,
        summary: 'Ghi việc tránh do quan hệ gia đình / record a recusal',
        params: idParams,
        body: recusalBodySchema,
        response: detail,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.recordRecusal(db, actor, req.params.id, req.body);
      return getProcess(db, library, actor, req.params.id);
    },
  );
  r.post(
    '/api/decisions/:id/steps/:key/vote',
    {
      schema: {
        tags,
        summary: 'Mở phiếu giấy cho bước / open the step’s paper vote',
        params: stepParams,
        body: openStepVoteBodySchema,
        response: { 201: z.object({ voteSessionId: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send({
        voteSessionId: await service.openStepVote(db, library, requireActor(req), req.params.id, req.params.key, req.body),
      }),
  );
  r.post(
    '/api/decisions/:id/steps/:key/complete',
    {
      schema: {
        tags,
        summary: 'Hoàn thành bước (biên bản, kết quả phiếu) / complete a step',
        params: stepParams,
        body: completeStepBodySchema,
        response: {
          200: z.object({ outcome: z.string(), verdicts: z.array(verdictSchema), continues: z.boolean() }),
          ...errorResponses,
        },
      },
    },
    async (req) => service.completeStep(db, library, requireActor(req), req.params.id, req.params.key, req.body),
  );
  r.post(
    '/api/decisions/:id/overrides',
    {
      schema: {
        tags,
        summary: 'Ghi quyết định vượt kiểm tra của cấp có thẩm quyền / record an override',
        params: idParams,
        body: overrideBodySchema,
        response: detail,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.recordOverride(db, actor, req.params.id, req.body);
      return getProcess(db, library, actor, req.params.id);
    },
  );
  r.post(
    '/api/decisions/:id/decide',
    {
      schema: {
        tags,
        summary: 'Ra quyết định và áp dụng / decide and apply',
        params: idParams,
        body: decideBodySchema,
        response: detail,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.decide(db, library, actor, req.params.id, req.body);
      return getProcess(db, library, actor, req.params.id);
    },
  );
}
