import { z } from 'zod';
import { LIMITS, roleSchema } from './common';

export const loginBodySchema = z.strictObject({
  username: z.string().trim().min(1).max(LIMITS.usernameMax),
  password: z.string().min(1).max(LIMITS.passwordMax),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const grantSchema = z.object({
  role: roleSchema,
  organizationId: z.string(),
  organizationName: z.string(),
});
export type Grant = z.infer<typeof grantSchema>;

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  totpEnabled: z.boolean(),
  grants: z.array(grantSchema),
});
export type Me = z.infer<typeof meSchema>;

export const sessionResponseSchema = z.object({ user: meSchema, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const totpSetupResponseSchema = z.object({ secret: z.string(), otpauthUri: z.string() });
export const totpEnableBodySchema = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

export const createUserBodySchema = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3)
    .max(LIMITS.usernameMax)
    .regex(/^[a-z0-9._-]+$/),
  fullName: z.string().trim().min(1).max(LIMITS.nameMax),
  password: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax),
  grants: z.array(z.strictObject({ role: roleSchema, organizationId: z.string() })).min(1),
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const userSummarySchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  locked: z.boolean(),
  grants: z.array(grantSchema),
});
export const userListSchema = z.object({ items: z.array(userSummarySchema), total: z.number() });
