import { z } from 'zod';
import { pageQuerySchema } from './common';

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
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
