import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PERSON_LIMITS,
  exportQuerySchema,
  retirementForecastSchema,
  importRunBodySchema,
  importStatusSchema,
  personStatisticsSchema,
  type SectionImportResult,
  sectionImportResultSchema,
} from '../../../contracts/persons';
import type { DbContext } from '../../db/database';
import { requireActor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { errorResponses } from '../../http/responses';
import { exportPersonsXlsx, parseColumns } from './person.export.service';
import { importJobStatus, importSections, runImportJob, sectionsTemplate, startImportJob } from './person.import.service';
import { cvBatch, cvDocument, personStatistics } from './person.print.service';
import { retirementForecast } from './person.retirement';
import type { PolicyLibrary } from '../policy/policy.library';

const idParams = z.object({ id: z.string().max(40) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Import, export, printable CVs and statistics of cadre records. */
export function personIoRoutes(app: FastifyInstance, ctx: DbContext, policy: PolicyLibrary): void {
  const db = ctx.db;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['persons'];

  r.get(
    '/api/persons/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất kết quả tìm kiếm ra Excel / export a search result to .xlsx',
        querystring: exportQuerySchema,
      },
    },
    async (req, reply) => {
      const { columns, ...query } = req.query;
      const data = await exportPersonsXlsx(ctx, requireActor(req), query, parseColumns(columns));
      return reply.header('content-type', XLSX).header('content-disposition', attachment('danh-sach-can-bo.xlsx')).send(data);
    },
  );
  r.get(
    '/api/persons/statistics',
    {
      schema: {
        tags,
        summary: 'Thống kê đội ngũ / workforce statistics',
        querystring: z.object({ organizationId: z.string().max(40).optional() }),
        response: { 200: personStatisticsSchema, ...errorResponses },
      },
    },
    async (req) => personStatistics(ctx, requireActor(req), req.query),
  );
  r.get(
    '/api/persons/retirement-forecast',
    {
      schema: {
        tags,
        summary: 'Dự báo nghỉ hưu và vị trí sẽ trống / retirement forecast and seats falling vacant',
        querystring: z.object({ organizationId: z.string().max(40).optional() }),
        response: { 200: retirementForecastSchema, ...errorResponses },
      },
    },
    async (req) => retirementForecast(ctx, policy, requireActor(req), req.query),
  );
  for (const format of ['docx', 'pdf'] as const) {
    r.get(
      `/api/persons/:id/cv.${format}`,
      {
        schema: {
          tags,
          summary: `Sơ yếu lý lịch Mẫu 2C (.${format}) / printable CV`,
          params: idParams,
          querystring: z.object({
            asOf: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}/)
              .optional(),
          }),
        },
      },
      async (req, reply) => {
        const doc = await cvDocument(db, requireActor(req), req.params.id, format, req.query.asOf);
        return reply
          .header('content-type', format === 'pdf' ? 'application/pdf' : DOCX)
          .header('content-disposition', attachment(doc.fileName))
          .send(doc.data);
      },
    );
  }
  r.post(
    '/api/persons/print',
    {
      schema: {
        tags,
        summary: 'In hàng loạt (tệp zip) / batch print as a zip',
        body: z.strictObject({
          ids: z.array(z.string().max(40)).min(1).max(PERSON_LIMITS.batchPrintMax),
          format: z.enum(['docx', 'pdf']),
        }),
      },
    },
    async (req, reply) => {
      const zip = await cvBatch(db, requireActor(req), req.body.ids, req.body.format);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', attachment('so-yeu-ly-lich.zip'))
        .send(zip);
    },
  );

  // Import: the raw file is the body; the file name comes in x-file-name (URL-encoded).
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      ['application/octet-stream', 'text/csv', XLSX],
      { parseAs: 'buffer', bodyLimit: PERSON_LIMITS.importMaxBytes },
      (_req, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/person-imports',
      {
        bodyLimit: PERSON_LIMITS.importMaxBytes,
        schema: {
          tags,
          summary: 'Tải tệp Excel/CSV lên để nhập / upload a file to import',
          response: { 201: importStatusSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0)
          throw new AppError('VALIDATION', 'Chưa có tệp', 'No file was sent');
        const name = decodeURIComponent(String(req.headers['x-file-name'] ?? 'tep-nhap.xlsx')).slice(0, 200);
        return reply.status(201).send(await startImportJob(requireActor(req), name, req.body));
      },
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/person-imports/sections',
      {
        bodyLimit: PERSON_LIMITS.importMaxBytes,
        schema: {
          tags,
          summary:
            'Nhập các bảng (quá trình công tác, đào tạo, gia đình, lương) từ Excel: chạy thử hoặc nhập thật, tất cả hoặc không / import the table sections from .xlsx',
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
          response: { 200: sectionImportResultSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0)
          throw new AppError('VALIDATION', 'Chưa có tệp', 'No file was sent');
        const name = decodeURIComponent(String(req.headers['x-file-name'] ?? 'cac-bang.xlsx')).slice(0, 200);
        try {
          return await importSections(db, requireActor(req), name, req.body, req.query.dryRun === 'true');
        } catch (e) {
          // A refused real run answers with the same list of problems as the dry run, and nothing written.
          const outcome = (e as { outcome?: SectionImportResult }).outcome;
          if (outcome) return reply.send(outcome);
          throw e;
        }
      },
    );
  });
  r.get(
    '/api/person-imports/sections/template.xlsx',
    { schema: { tags, summary: 'Tệp mẫu nhập các bảng / template for the table sections' } },
    async (_req, reply) => {
      const data = await sectionsTemplate();
      return reply.header('content-type', XLSX).header('content-disposition', attachment('mau-nhap-cac-bang-2C.xlsx')).send(data);
    },
  );
  r.get(
    '/api/person-imports/:id',
    { schema: { tags, params: idParams, response: { 200: importStatusSchema, ...errorResponses } } },
    async (req) => importJobStatus(requireActor(req), req.params.id),
  );
  r.post(
    '/api/person-imports/:id/run',
    {
      schema: {
        tags,
        summary: 'Chạy thử (dryRun) hoặc nhập thật / dry run or real run',
        params: idParams,
        body: importRunBodySchema,
        response: { 200: importStatusSchema, ...errorResponses },
      },
    },
    async (req) => runImportJob(db, requireActor(req), req.params.id, req.body.mapping, req.body.dryRun),
  );
}
