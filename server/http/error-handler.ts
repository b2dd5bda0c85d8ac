import '@fastify/static';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode, ErrorDetail } from '../../contracts/common';
import { AppError, STATUS_BY_CODE } from './errors';
import { describeValidationIssue } from './validation-messages';

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  vi: string,
  en: string,
  details: ErrorDetail[] = [],
) {
  const body: ErrorBody = { error: { code, message: vi, messageEn: en, details, requestId: String(request.id) } };
  return reply.status(STATUS_BY_CODE[code]).send(body);
}

/** One error model for every route: `{ error: { code, message, messageEn, details, requestId } }`. */
export function registerErrorHandling(app: FastifyInstance, opts: { spaFallback: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return send(reply, request, error.code, error.message, error.messageEn, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.flatMap((v) => describeValidationIssue(v, error.validationContext));
      return send(reply, request, 'VALIDATION', 'Dữ liệu gửi lên không hợp lệ', 'The request is invalid', details);
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error.statusCode === 400 && error instanceof SyntaxError))
      return send(reply, request, 'VALIDATION', 'Nội dung JSON bị lỗi cú pháp', 'Malformed JSON body', [
        { path: 'body', message: 'JSON không đọc được', messageEn: 'JSON could not be parsed' },
      ]);
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return send(reply, request, 'VALIDATION', 'Kiểu nội dung không được hỗ trợ', 'Unsupported content type', [
        { path: 'headers.content-type', message: 'cần application/json', messageEn: 'application/json expected' },
      ]);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return send(reply, request, 'PAYLOAD_TOO_LARGE', 'Nội dung gửi lên quá lớn', 'Request body too large');
    if (error.statusCode === 429)
      return send(
        reply,
        request,
        'RATE_LIMITED',
        'Quá nhiều yêu cầu, vui lòng thử lại sau',
        'Too many requests, try again later',
      );
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error))
      return send(reply, request, 'VALIDATION', `Yêu cầu không hợp lệ: ${error.message}`, `Bad request: ${error.message}`);
    request.log.error({ err: error }, 'unhandled error');
    return send(
      reply,
      request,
      'INTERNAL',
      'Lỗi hệ thống; mã yêu cầu giúp tra cứu nhật ký',
      'Internal error; quote the request id',
    );
  });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app (/organizations, /audit, …) all load index.html.
    if (opts.spaFallback && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return send(
      reply,
      request,
      'NOT_FOUND',
      `Không có đường dẫn ${request.method} ${request.url}`,
      `No route ${request.method} ${request.url}`,
    );
  });
}
