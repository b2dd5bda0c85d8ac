import { z } from 'zod';
import { pageQuerySchema } from './common';

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  organizationId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditListQuerySchema = pageQuerySchema.extend({ entity: z.string().max(60).optional() });
export const auditListSchema = z.object({ items: z.array(auditEntrySchema), total: z.number() });

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  problem: z
    .object({
      seq: z.number(),
      kind: z.enum(['altered', 'inserted', 'deleted', 'reordered']),
      message: z.string(),
      messageEn: z.string(),
    })
    .nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;

type Label = { vi: string; en: string };

/** What an audit entry's entity is, for people; features add theirs here. */
export const AUDIT_ENTITY_LABELS: Record<string, Label> = {
  organization: { vi: 'Đơn vị', en: 'Organization' },
  user: { vi: 'Người dùng', en: 'User' },
  policy_pack: { vi: 'Bộ quy định địa phương', en: 'Local policy pack' },
  planning_cycle: { vi: 'Kỳ quy hoạch', en: 'Planning cycle' },
  planning_plan: { vi: 'Quy hoạch chức danh, cấp ủy', en: 'Plan for a seat or committee' },
  planning_candidate: { vi: 'Người trong quy hoạch', en: 'Planned person' },
  planning_exception: { vi: 'Ngoại lệ quy hoạch', en: 'Planning exception' },
};

/** Whole actions that read better than verb + entity. */
export const AUDIT_ACTION_LABELS: Record<string, Label> = {
  'auth.login': { vi: 'Đăng nhập', en: 'Logged in' },
  'auth.logout': { vi: 'Đăng xuất', en: 'Logged out' },
  'auth.login_failed': { vi: 'Đăng nhập sai', en: 'Failed login' },
  'auth.locked': { vi: 'Khóa tài khoản do đăng nhập sai nhiều lần', en: 'Account locked after failed logins' },
  'auth.totp_setup': { vi: 'Bắt đầu cài xác thực hai lớp', en: 'Started two-factor setup' },
  'auth.totp_enable': { vi: 'Bật xác thực hai lớp', en: 'Enabled two-factor authentication' },
  'planning_cycle.status': { vi: 'Chuyển trạng thái kỳ quy hoạch', en: 'Changed a planning cycle status' },
  'planning_candidate.remove': { vi: 'Đưa ra khỏi quy hoạch', en: 'Removed from a plan' },
};

const VERB_LABELS: Record<string, Label> = {
  create: { vi: 'Tạo', en: 'Created' },
  update: { vi: 'Sửa', en: 'Updated' },
  delete: { vi: 'Xóa', en: 'Deleted' },
  approve: { vi: 'Phê duyệt', en: 'Approved' },
  reject: { vi: 'Từ chối', en: 'Rejected' },
};

/** "organization.create" → "Tạo đơn vị" / "Created organization"; unknown codes show as they are. */
export function describeAuditAction(action: string, lang: 'vi' | 'en'): string {
  const whole = AUDIT_ACTION_LABELS[action];
  if (whole) return whole[lang];
  const [entity = '', verb = ''] = action.split('.');
  const v = VERB_LABELS[verb];
  const e = AUDIT_ENTITY_LABELS[entity];
  if (!v || !e) return action;
  return lang === 'vi' ? `${v.vi} ${e.vi.toLowerCase()}` : `${v.en} ${e.en.toLowerCase()}`;
}
