import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignableUsersSchema,
  createItemBodySchema,
  itemExportQuerySchema,
  itemListQuerySchema,
  itemListSchema,
  milestoneStageSchema,
  programmeItemDetailSchema,
  programmeItemSchema,
  reminderQuerySchema,
  remindersSchema,
  updateItemBodySchema,
  updateItemStatusBodySchema,
  updateMilestoneBodySchema,
  yearQuerySchema,
  yearSummarySchema,
  yearViewSchema,
} from '../../../contracts/programme';
import type { Db } from '../../db/database';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import { withdrawBodySchema } from '../../../contracts/documents';
import * as edit from './programme.edit.service';
import * as service from './programme.service';
import { exportItems } from './programme.export';
import { summaryDocx, summaryXlsx } from './summary.export';

const idParams = z.object({ id: z.string().max(40) });
const tags = ['programme'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function programmeRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/programme/items',
    {
      schema: {
        tags,
        summary: 'Đề án, nhiệm vụ trong phạm vi / programme items',
        querystring: itemListQuerySchema,
        response: { 200: itemListSchema, ...errorResponses },
      },
    },
    async (req) => service.listItems(db, requireActor(req), req.query),
  );
  r.get(
    '/api/programme/items.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất chương trình công tác ra Excel (truyền dần) / programme export, streamed',
        querystring: itemExportQuerySchema,
      },
    },
    async (req, reply) => {
      const stream = await exportItems(db, requireActor(req), req.query);
      const year = req.query.year ? `-${req.query.year}` : '';
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="chuong-trinh-cong-tac${year}.xlsx"`)
        .send(stream);
    },
  );
  r.get(
    '/api/programme/items/:id',
    { schema: { tags, params: idParams, response: { 200: programmeItemDetailSchema, ...errorResponses } } },
    async (req) => service.getItem(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/programme/items',
    {
      schema: {
        tags,
        summary: 'Thêm đề án, nhiệm vụ / add an item',
        body: createItemBodySchema,
        response: { 201: programmeItemSchema, 409: errorResponses[400], ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createItem(db, requireActor(req), req.body)),
  );
  r.put(
    '/api/programme/items/:id',
    {
      schema: {
        tags,
        summary: 'Sửa đề án, nhiệm vụ / edit an item',
        params: idParams,
        body: updateItemBodySchema,
        response: { 200: programmeItemDetailSchema, 409: errorResponses[400], ...errorResponses },
      },
    },
    async (req) => edit.updateItem(db, requireActor(req), req.params.id, req.body),
  );
  r.post(
    '/api/programme/items/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Rút đề án, nhiệm vụ nhập nhầm / withdraw an item',
        params: idParams,
        body: withdrawBodySchema,
        response: { 204: z.null(), 409: errorResponses[400], ...errorResponses },
      },
    },
    async (req, reply) => {
      await edit.withdrawItem(db, requireActor(req), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/programme/items/:id/status',
    {
      schema: {
        tags,
        summary: 'Cập nhật trạng thái / set status',
        params: idParams,
        body: updateItemStatusBodySchema,
        response: { 200: programmeItemDetailSchema, ...errorResponses },
      },
    },
    async (req) => service.updateStatus(db, requireActor(req), req.params.id, req.body),
  );
  r.post(
    '/api/programme/items/:id/milestones/:stage',
    {
      schema: {
        tags,
        summary: 'Ghi nhận mốc tiến độ / record a milestone',
        params: idParams.extend({ stage: milestoneStageSchema }),
        body: updateMilestoneBodySchema,
        response: { 200: programmeItemDetailSchema, ...errorResponses },
      },
    },
    async (req) => service.updateMilestone(db, requireActor(req), req.params.id, req.params.stage, req.body.doneOn),
  );
  r.get(
    '/api/programme/year',
    {
      schema: {
        tags,
        summary: 'Theo dõi năm: hoàn thành/tổng, quá hạn, tiến độ / year view',
        querystring: yearQuerySchema,
        response: { 200: yearViewSchema, ...errorResponses },
      },
    },
    async (req) => service.yearView(db, requireActor(req), req.query.year, req.query.organizationId),
  );
  r.get(
    '/api/programme/summary',
    {
      schema: {
        tags,
        summary: 'Tổng hợp kết quả năm / year summary',
        querystring: yearQuerySchema,
        response: { 200: yearSummarySchema, ...errorResponses },
      },
    },
    async (req) => service.yearSummary(db, requireActor(req), req.query.year, req.query.organizationId),
  );
  r.get(
    '/api/programme/summary.docx',
    { schema: { tags, summary: 'Tổng hợp năm (.docx)', querystring: yearQuerySchema } },
    async (req, reply) => {
      const summary = await service.yearSummary(db, requireActor(req), req.query.year, req.query.organizationId);
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', `attachment; filename="tong-hop-${summary.year}.docx"`)
        .send(summaryDocx(summary));
    },
  );
  r.get(
    '/api/programme/summary.xlsx',
    { schema: { tags, summary: 'Tổng hợp năm (.xlsx)', querystring: yearQuerySchema } },
    async (req, reply) => {
      const summary = await service.yearSummary(db, requireActor(req), req.query.year, req.query.organizationId);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="tong-hop-${summary.year}.xlsx"`)
        .send(summaryXlsx(summary));
    },
  );
  r.get(
    '/api/programme/reminders',
    {
      schema: {
        tags,
        summary: 'Việc sắp đến hạn của tôi / my reminders',
        querystring: reminderQuerySchema,
        response: { 200: remindersSchema, ...errorResponses },
      },
    },
    async (req) => service.reminders(db, requireActor(req), req.query.days),
  );
  r.get(
    '/api/programme/assignable-users',
    {
      schema: {
        tags,
        summary: 'Người có thể giao phụ trách / assignable users',
        querystring: z.object({ q: z.string().trim().max(100).optional() }),
        response: { 200: assignableUsersSchema, ...errorResponses },
      },
    },
    async (req) => service.assignableUsers(db, requireActor(req), req.query.q),
  );
}
