import { z } from 'zod';

/** Roles a user can be granted on an organization subtree (domain.md, "Who uses it"). */
export const ROLES = ['officer', 'leader', 'tally', 'inspector', 'cadre', 'admin', 'credential_authority'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  officer: { vi: 'Chuyên viên tổ chức', en: 'Organization officer' },
  leader: { vi: 'Lãnh đạo / cấp ủy viên', en: 'Leader / committee member' },
  tally: { vi: 'Thành viên ban kiểm phiếu', en: 'Tally committee member' },
  inspector: { vi: 'Ủy ban kiểm tra', en: 'Inspector' },
  cadre: { vi: 'Cán bộ (tự phục vụ)', en: 'Cadre (self-service)' },
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  credential_authority: { vi: 'Cơ quan cấp mã bỏ phiếu', en: 'Credential authority' },
};

export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'CSRF',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'TOTP_REQUIRED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorDetailSchema = z.object({
  path: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

/** The one error body every route returns: `{ error: { code, message, details } }`, Vietnamese first. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    messageEn: z.string(),
    details: z.array(errorDetailSchema),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const ulidSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'ULID');
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const LIMITS = {
  usernameMax: 64,
  passwordMin: 10,
  passwordMax: 256,
  nameMax: 300,
  searchMax: 200,
  pageSizeMax: 200,
  loginFailuresBeforeLock: 5,
  lockMinutes: 15,
  sessionHours: 12,
} as const;

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
