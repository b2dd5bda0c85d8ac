import { z } from 'zod';

export const homeSummarySchema = z.object({
  scopeNames: z.array(z.string()),
  organizations: z.number(),
  users: z.number(),
  auditEntriesToday: z.number(),
});
export type HomeSummary = z.infer<typeof homeSummarySchema>;
