import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ATTACHMENT_MEDIA_TYPES,
  DOCUMENT_LIMITS,
  attachmentSchema,
  citationResolutionSchema,
  createDocumentBodySchema,
  createRelationBodySchema,
  documentDetailSchema,
  documentListQuerySchema,
  documentListSchema,
  registerExportQuerySchema,
  documentSchema,
  numberCheckQuerySchema,
  numberCheckSchema,
  updateDocumentBodySchema,
  withdrawBodySchema,
} from '../../../contracts/documents';
import { numberingPolicySchema } from '../../../contracts/document-numbering';
import type { Db } from '../../db/database';
import type { PolicyLibrary } from '../policy/policy.library';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import { type OwnerKind, addAttachment, openAttachment, removeAttachment } from './attachment.service';
import { checkDocumentNumber } from './document-number.rules';
import { numberingPolicy } from './numbering.policy';
import * as edit from './document.edit.service';
import * as service from './document.service';
import { exportRegister } from './register.export';
import { XLSX_MEDIA_TYPE } from '../../lib/stream-export';

const idParams = z.object({ id: z.string().max(40) });
const fileHeaders = z.object({ 'x-file-name': z.string().min(1).max(1000) });
const tags = ['documents'];

/**
 * The register's routes; the policy library lets an entry list the rules that cite it. The numbering patterns
 * (policy/documents/numbering.yaml) are read and validated here, so a bad file stops the start.
 */
export async function documentRoutes(app: FastifyInstance, db: Db, policy: PolicyLibrary): Promise<void> {
  const numbering = numberingPolicy();
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/documents',
    {
      schema: {
        tags,
        summary: 'Sổ văn bản: tìm, lọc / document register',
        querystring: documentListQuerySchema,
        response: { 200: documentListSchema, ...errorResponses },
      },
    },
    async (req) => service.listDocuments(db, requireActor(req), req.query),
  );
  r.get(
    '/api/documents/register.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất sổ văn bản ra Excel (truyền dần) / register export, streamed',
        querystring: registerExportQuerySchema,
      },
    },
    async (req, reply) => {
      const stream = await exportRegister(db, requireActor(req), req.query);
      const year = req.query.year ? `-${req.query.year}` : '';
      return reply
        .header('content-type', XLSX_MEDIA_TYPE)
        .header('content-disposition', `attachment; filename="so-van-ban${year}.xlsx"`)
        .send(stream);
    },
  );
  r.get(
    '/api/documents/number-check',
    {
      schema: {
        tags,
        summary: 'Kiểm tra số hiệu theo thể thức / check a number',
        querystring: numberCheckQuerySchema,
        response: { 200: numberCheckSchema, ...errorResponses },
      },
    },
    async (req) => {
      requireActor(req);
      return checkDocumentNumber(numbering, req.query);
    },
  );
  r.get(
    '/api/documents/numbering',
    {
      schema: {
        tags,
        summary: 'Thể thức số và ký hiệu văn bản (policy/documents) / official numbering patterns',
        response: { 200: numberingPolicySchema, ...errorResponses },
      },
    },
    async (req) => {
      requireActor(req);
      return numbering;
    },
  );
  r.get(
    '/api/documents/resolve',
    {
      schema: {
        tags,
        summary: 'Tra trích dẫn của quy tắc ra văn bản / resolve a policy citation',
        querystring: z.object({ citation: z.string().trim().min(1).max(200) }),
        response: { 200: citationResolutionSchema, ...errorResponses },
      },
    },
    async (req) => ({
      citation: req.query.citation,
      document: await service.resolveCitation(db, requireActor(req), req.query.citation),
    }),
  );
  r.get(
    '/api/documents/by-number/:number',
    {
      schema: {
        tags,
        summary: 'Văn bản theo số hiệu (377-QĐ/TW, NĐ 170/2025…) / document by number',
        params: z.object({ number: z.string().min(1).max(200) }),
        response: { 200: documentSchema, ...errorResponses },
      },
    },
    async (req) => service.documentByNumber(db, requireActor(req), req.params.number),
  );
  r.get(
    '/api/documents/:id',
    { schema: { tags, params: idParams, response: { 200: documentDetailSchema, ...errorResponses } } },
    async (req) => service.getDocument(db, requireActor(req), req.params.id, policy),
  );
  r.post(
    '/api/documents',
    {
      schema: {
        tags,
        summary: 'Vào sổ văn bản / register a document',
        body: createDocumentBodySchema,
        response: { 201: documentSchema, 409: errorResponses[400], ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createDocument(db, requireActor(req), req.body)),
  );
  r.put(
    '/api/documents/:id',
    {
      schema: {
        tags,
        summary: 'Sửa văn bản trong sổ / edit a register entry',
        params: idParams,
        body: updateDocumentBodySchema,
        response: { 200: documentDetailSchema, 409: errorResponses[400], ...errorResponses },
      },
    },
    async (req) => edit.updateDocument(db, policy, requireActor(req), req.params.id, req.body),
  );
  r.post(
    '/api/documents/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Rút văn bản nhập nhầm khỏi sổ / withdraw a register entry',
        params: idParams,
        body: withdrawBodySchema,
        response: { 204: z.null(), 409: errorResponses[400], ...errorResponses },
      },
    },
    async (req, reply) => {
      await edit.withdrawDocument(db, policy, requireActor(req), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/documents/:id/relations',
    {
      schema: {
        tags,
        summary: 'Ghi quan hệ triển khai, sửa đổi, thay thế / relate documents',
        params: idParams,
        body: createRelationBodySchema,
        response: { 201: documentDetailSchema, 409: errorResponses[400], ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send((await service.addRelation(db, requireActor(req), req.params.id, req.body, policy))!),
  );

  // Attachments travel as the raw file body (PDF or DOCX) with its name in x-file-name (URI-encoded).
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      [ATTACHMENT_MEDIA_TYPES.pdf, ATTACHMENT_MEDIA_TYPES.docx, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: DOCUMENT_LIMITS.attachmentMaxBytes * 2 },
      (_req, body, done) => done(null, body),
    );
    const s = scope.withTypeProvider<ZodTypeProvider>();
    const upload = (kind: OwnerKind, url: string) =>
      s.post(
        url,
        {
          bodyLimit: DOCUMENT_LIMITS.attachmentMaxBytes * 2,
          schema: {
            tags,
            summary: 'Đính kèm tệp PDF/DOCX / attach a PDF or DOCX',
            params: idParams,
            headers: fileHeaders,
            response: { 201: attachmentSchema, 413: errorResponses[400], ...errorResponses },
          },
        },
        async (req, reply) => {
          const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          const name = decodeURIComponent(req.headers['x-file-name']);
          return reply.status(201).send(await addAttachment(db, requireActor(req), { kind, id: req.params.id }, name, body));
        },
      );
    upload('document', '/api/documents/:id/attachments');
    upload('programme_item', '/api/programme/items/:id/attachments');
  });

  r.delete(
    '/api/documents/:id/relations/:relationId',
    {
      schema: {
        tags,
        summary: 'Xóa quan hệ ghi nhầm / remove a relation',
        params: z.object({ id: z.string().max(40), relationId: z.string().max(40) }),
        response: { 200: documentDetailSchema, ...errorResponses },
      },
    },
    async (req) => service.removeRelation(db, requireActor(req), req.params.id, req.params.relationId, policy),
  );
  r.delete(
    '/api/attachments/:id',
    {
      schema: {
        tags,
        summary: 'Xóa tệp đính kèm / remove an attachment',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await removeAttachment(db, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/api/attachments/:id/content',
    { schema: { tags, summary: 'Tải tệp đính kèm / download an attachment', params: idParams } },
    async (req, reply) => {
      const file = await openAttachment(db, requireActor(req), req.params.id);
      // A change of the file while it streams aborts the response: the client sees an incomplete download.
      file.stream.on('error', (error) => req.log.error({ err: error }, 'attachment altered while streaming'));
      return reply
        .header('content-type', file.mediaType)
        .header('content-length', file.sizeBytes)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-sha256', file.sha256)
        .send(file.stream);
    },
  );
}
