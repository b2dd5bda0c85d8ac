import type { FastifySchemaValidationError } from 'fastify';
import type { ErrorDetail } from '../../contracts/common';

type Params = Record<string, unknown>;

/** Turns one zod issue (as Fastify reports it) into field details with Vietnamese and English text. */
export function describeValidationIssue(issue: FastifySchemaValidationError, context: string | undefined): ErrorDetail[] {
  const base = [context ?? 'body', ...issue.instancePath.split('/').filter(Boolean)].join('.');
  const p = (issue.params ?? {}) as Params;
  switch (issue.keyword) {
    case 'unrecognized_keys': {
      const keys = Array.isArray(p.keys) ? (p.keys as string[]) : [];
      return keys.map((k) => ({ path: `${base}.${k}`, message: 'trường không được phép', messageEn: 'unknown field' }));
    }
    case 'invalid_type':
      return [
        p.input === undefined
          ? { path: base, message: 'bắt buộc phải có', messageEn: 'required' }
          : {
              path: base,
              message: `sai kiểu dữ liệu (cần ${String(p.expected)})`,
              messageEn: `wrong type (expected ${String(p.expected)})`,
            },
      ];
    case 'too_small':
      return [
        {
          path: base,
          message: `quá ngắn hoặc quá nhỏ (tối thiểu ${String(p.minimum)})`,
          messageEn: `too short or too small (minimum ${String(p.minimum)})`,
        },
      ];
    case 'too_big':
      return [
        {
          path: base,
          message: `quá dài hoặc quá lớn (tối đa ${String(p.maximum)})`,
          messageEn: `too long or too large (maximum ${String(p.maximum)})`,
        },
      ];
    case 'invalid_format':
      return [{ path: base, message: 'sai định dạng', messageEn: 'wrong format' }];
    case 'invalid_value': {
      const allowed = Array.isArray(p.values) ? (p.values as unknown[]).join(', ') : '';
      return [
        { path: base, message: `giá trị không hợp lệ (cho phép: ${allowed})`, messageEn: `invalid value (allowed: ${allowed})` },
      ];
    }
    default:
      return [{ path: base, message: 'không hợp lệ', messageEn: issue.message ?? 'invalid' }];
  }
}
