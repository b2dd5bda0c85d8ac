import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createVoteBodySchema,
  handleConsequenceBodySchema,
  voteConsequenceListSchema,
  voteConsequenceQuerySchema,
  voteConsequenceTaskSchema,
  paperCountSchema,
  paperEntryResultSchema,
  voteDetailSchema,
  voteListQuerySchema,
  voteListSchema,
} from '../../../contracts/votes';
import { infoPackSchema } from '../../../contracts/vote-info-pack';
import { voterGroupProposalSchema, voterGroupQuerySchema } from '../../../contracts/vote-voter-groups';
import type { Db } from '../../db/database';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import { getInfoPack } from './vote.info-pack';
import { infoPackDocx } from './vote.info-pack.docx';
import { countRecordDocx } from './vote.record';
import { handleConsequence, listConsequenceTasks } from './vote.outcomes';
import { proposeVoterGroup } from './vote.preparation.service';
import * as service from './vote.service';

const idParams = z.object({ id: z.string().max(40) });

export function voteRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/votes',
    {
      schema: {
        tags: ['votes'],
        summary: 'Các cuộc lấy phiếu trong phạm vi / vote sessions in scope',
        querystring: voteListQuerySchema,
        response: { 200: voteListSchema, ...errorResponses },
      },
    },
    async (req) => service.listVotes(db, requireActor(req), req.query),
  );
  r.post(
    '/api/votes/voter-group',
    {
      schema: {
        tags: ['votes'],
        summary: 'Thành phần lấy phiếu theo chức danh / the voter group the rule sets for these people',
        body: voterGroupQuerySchema,
        response: { 200: voterGroupProposalSchema, ...errorResponses },
      },
    },
    async (req) => proposeVoterGroup(db, requireActor(req), req.body),
  );
  r.get(
    '/api/votes/:id',
    { schema: { tags: ['votes'], params: idParams, response: { 200: voteDetailSchema, ...errorResponses } } },
    async (req) => service.getVote(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/votes',
    {
      schema: {
        tags: ['votes'],
        summary: 'Tạo cuộc lấy phiếu / create a vote session',
        body: createVoteBodySchema,
        response: { 201: voteDetailSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createVote(db, requireActor(req), req.body)),
  );
  r.post(
    '/api/votes/:id/paper-entries',
    {
      schema: {
        tags: ['votes'],
        summary: 'Nhập kết quả kiểm phiếu giấy (mỗi thành viên một lần) / enter the paper count',
        params: idParams,
        body: paperCountSchema,
        response: { 200: paperEntryResultSchema, ...errorResponses },
      },
    },
    async (req) => service.submitPaperEntry(db, requireActor(req), req.params.id, req.body),
  );
  r.get(
    '/api/votes/:id/record.docx',
    { schema: { tags: ['votes'], summary: 'Biên bản kiểm phiếu (.docx) / count record', params: idParams } },
    async (req, reply) => {
      const { detail, auditHead } = await service.countRecordData(db, requireActor(req), req.params.id);
      const buffer = await countRecordDocx(detail, auditHead, new Date());
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="bien-ban-kiem-phieu-${detail.id}.docx"`)
        .send(buffer);
    },
  );
  r.get(
    '/api/votes/:id/info-pack',
    {
      schema: {
        tags: ['votes'],
        summary: 'Tài liệu về từng người được lấy phiếu / the information pack for voters',
        params: idParams,
        response: { 200: infoPackSchema, ...errorResponses },
      },
    },
    async (req) => getInfoPack(db, requireActor(req), req.params.id),
  );
  r.get(
    '/api/votes/:id/info-pack.docx',
    {
      schema: {
        tags: ['votes'],
        summary: 'Tài liệu gửi người bỏ phiếu (.docx) / the information pack, printable',
        params: idParams,
      },
    },
    async (req, reply) => {
      const pack = await getInfoPack(db, requireActor(req), req.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="tai-lieu-lay-phieu-${pack.sessionId}.docx"`)
        .send(await infoPackDocx(pack));
    },
  );
  r.get(
    '/api/vote-consequences',
    {
      schema: {
        tags: ['votes'],
        summary: 'Hệ quả của kết quả lấy phiếu tín nhiệm cần xử lý / consequences of confidence votes to handle',
        querystring: voteConsequenceQuerySchema,
        response: { 200: voteConsequenceListSchema, ...errorResponses },
      },
    },
    async (req) => listConsequenceTasks(db, requireActor(req), req.query),
  );
  r.post(
    '/api/vote-consequences/:id/handled',
    {
      schema: {
        tags: ['votes'],
        summary: 'Ghi nhận đã xử lý một hệ quả / mark a consequence handled',
        params: idParams,
        body: handleConsequenceBodySchema,
        response: { 200: voteConsequenceTaskSchema, ...errorResponses },
      },
    },
    async (req) => handleConsequence(db, requireActor(req), req.params.id, req.body.ref),
  );
}
