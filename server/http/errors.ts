import type { ErrorCode, ErrorDetail } from '../../contracts/common';

/** The one application error: a code the handler maps to a status, a bilingual message, field details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly messageEn: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export const notFound = (what: string, whatEn: string): AppError =>
  new AppError('NOT_FOUND', `Không tìm thấy ${what}`, `${whatEn} not found`);

export const forbidden = (): AppError =>
  new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này', 'You are not allowed to do this');

export const validation = (path: string, message: string, messageEn: string): AppError =>
  new AppError('VALIDATION', `Dữ liệu không hợp lệ: ${message}`, `Invalid input: ${messageEn}`, [{ path, message, messageEn }]);
