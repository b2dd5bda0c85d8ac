import { z } from 'zod';

export const homeSummarySchema = z.object({
  scopeNames: z.array(z.string()),
  organizations: z.number(),
  users: z.number(),
  auditEntriesToday: z.number(),
});
export type HomeSummary = z.infer<typeof homeSummarySchema>;

export const WORK_QUEUE_KEYS = [
  'declarations-pending',
  'vote-consequences-open',
  'dismissals-to-start',
  'decisions-open',
  'votes-in-progress',
  'planning-in-progress',
  'planning-review-due',
] as const;
export type WorkQueueKey = (typeof WORK_QUEUE_KEYS)[number];

/** One kind of pending work in the actor's scope: how many, where to handle it. Absent when the role cannot see it. */
export const workQueueItemSchema = z.object({
  key: z.enum(WORK_QUEUE_KEYS),
  count: z.number().int(),
  href: z.string(),
});
export const workQueueSchema = z.object({ asOf: z.string(), items: z.array(workQueueItemSchema) });
export type WorkQueue = z.infer<typeof workQueueSchema>;
