import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  auditCheckpointCheckBodySchema,
  auditCheckpointCheckSchema,
  auditCheckpointSchema,
  auditListQuerySchema,
  auditListSchema,
  auditVerifySchema,
} from '../../../contracts/audit';
import type { Db } from '../../db/database';
import { requireActor } from '../../http/auth';
import { forbidden } from '../../http/errors';
import { errorResponses } from '../../http/responses';
import { holdsAnywhere } from '../access/access.rules';
import * as service from './audit.service';

export function auditRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký kiểm toán / audit trail',
        querystring: auditListQuerySchema,
        response: { 200: auditListSchema, ...errorResponses },
      },
    },
    async (req) => service.listAuditEntries(db, requireActor(req), req.query),
  );
  r.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Kiểm tra chuỗi băm / verify the hash chain',
        response: { 200: auditVerifySchema, ...errorResponses },
      },
    },
    async (req) => {
      if (!holdsAnywhere(requireActor(req), 'audit.read')) throw forbidden();
      return service.verifyAuditChain(db);
    },
  );
  r.get(
    '/api/audit/checkpoint',
    {
      schema: {
        tags: ['audit'],
        summary: 'Điểm kiểm tra (đầu chuỗi băm) để lưu ngoài hệ thống / the chain head to keep outside the system',
        response: { 200: auditCheckpointSchema, ...errorResponses },
      },
    },
    async (req) => {
      if (!holdsAnywhere(requireActor(req), 'audit.read')) throw forbidden();
      return service.auditCheckpoint(db);
    },
  );
  r.post(
    '/api/audit/checkpoints/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Đối chiếu các điểm kiểm tra đã lưu / compare kept checkpoints with the trail',
        body: auditCheckpointCheckBodySchema,
        response: { 200: auditCheckpointCheckSchema, ...errorResponses },
      },
    },
    async (req) => {
      if (!holdsAnywhere(requireActor(req), 'audit.read')) throw forbidden();
      return service.verifyAuditCheckpoints(db, req.body.checkpoints);
    },
  );
}
