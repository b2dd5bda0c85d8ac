import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ballotAcceptedSchema,
  ballotAuditedSchema,
  ballotBodySchema,
  boardSchema,
  certBodySchema,
  credentialRosterSchema,
  credentialsBodySchema,
  electronicStateSchema,
  partialDecryptionBodySchema,
  polynomialBodySchema,
  voutputBodySchema,
} from '../../../contracts/votes';
import type { Db } from '../../db/database';
import { requireActor } from '../../http/auth';
import { errorResponses } from '../../http/responses';
import * as service from './vote.electronic.service';

const idParams = z.object({ id: z.string().max(40) });
const ok = { 200: electronicStateSchema, ...errorResponses };

export function voteElectronicRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['votes (electronic)'];
  r.get('/api/votes/:id/electronic', { schema: { tags, params: idParams, response: ok } }, async (req) =>
    service.electronicState(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/votes/:id/electronic/cert',
    {
      schema: {
        tags,
        summary: 'Bước 1: chứng thư của thành viên / trustee certificate',
        params: idParams,
        body: certBodySchema,
        response: ok,
      },
    },
    async (req) => service.submitCert(db, requireActor(req), req.params.id, req.body.cert),
  );
  r.post(
    '/api/votes/:id/electronic/polynomial',
    {
      schema: {
        tags,
        summary: 'Bước 3: đa thức và phần khóa đã mã hóa / polynomial',
        params: idParams,
        body: polynomialBodySchema,
        response: ok,
      },
    },
    async (req) => service.submitPolynomial(db, requireActor(req), req.params.id, req.body),
  );
  r.post(
    '/api/votes/:id/electronic/voutput',
    {
      schema: {
        tags,
        summary: 'Bước 5: khóa công khai của thành viên / trustee key',
        params: idParams,
        body: voutputBodySchema,
        response: ok,
      },
    },
    async (req) => service.submitVoutput(db, requireActor(req), req.params.id, req.body),
  );
  r.get(
    '/api/votes/:id/electronic/roster',
    { schema: { tags, params: idParams, response: { 200: credentialRosterSchema, ...errorResponses } } },
    async (req) => service.credentialRoster(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/votes/:id/electronic/credentials',
    {
      schema: {
        tags,
        summary: 'Mã công khai do cơ quan cấp mã gửi / public credentials',
        params: idParams,
        body: credentialsBodySchema,
        response: ok,
      },
    },
    async (req) => service.issueCredentials(db, requireActor(req), req.params.id, req.body.credentials),
  );
  r.post('/api/votes/:id/electronic/open', { schema: { tags, params: idParams, response: ok } }, async (req) =>
    service.openVoting(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/votes/:id/electronic/ballots',
    {
      schema: {
        tags,
        summary: 'Nộp phiếu đã mã hóa / cast an encrypted ballot',
        params: idParams,
        body: ballotBodySchema,
        response: { 200: ballotAcceptedSchema, ...errorResponses },
      },
    },
    async (req) => service.castBallot(db, requireActor(req), req.params.id, req.body.ballot),
  );
  r.post(
    '/api/votes/:id/electronic/audited-ballots',
    {
      schema: {
        tags,
        summary:
          'Hủy một phiếu đã mở để kiểm tra (Benaloh): không bao giờ được bỏ vào hòm / discard a ballot opened for checking',
        params: idParams,
        body: ballotBodySchema,
        response: { 200: ballotAuditedSchema, ...errorResponses },
      },
    },
    async (req) => service.discardAuditedBallot(db, requireActor(req), req.params.id, req.body.ballot),
  );
  r.get(
    '/api/votes/:id/electronic/board',
    {
      schema: {
        tags,
        summary: 'Bảng tin công khai: mã theo dõi phiếu / bulletin board',
        params: idParams,
        response: { 200: boardSchema, ...errorResponses },
      },
    },
    async (req) => service.getBoard(db, requireActor(req), req.params.id),
  );
  r.get(
    '/api/votes/:id/electronic/archive.bel',
    { schema: { tags, summary: 'Toàn bộ hộp phiếu (Belenios 2.0) / the election archive', params: idParams } },
    async (req, reply) => {
      const { uuid, bytes } = await service.archiveBytes(db, requireActor(req), req.params.id);
      return reply
        .header('content-type', 'application/x-tar')
        .header('content-disposition', `attachment; filename="${uuid}.bel"`)
        .send(Buffer.from(bytes));
    },
  );
  r.post('/api/votes/:id/electronic/close', { schema: { tags, params: idParams, response: ok } }, async (req) =>
    service.closeVoting(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/votes/:id/electronic/partial-decryption',
    {
      schema: {
        tags,
        summary: 'Phần giải mã của thành viên / partial decryption',
        params: idParams,
        body: partialDecryptionBodySchema,
        response: ok,
      },
    },
    async (req) => service.submitPartialDecryption(db, requireActor(req), req.params.id, req.body),
  );
}
