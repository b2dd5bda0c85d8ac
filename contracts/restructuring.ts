import { z } from 'zod';
import { isoDateSchema } from './common';
import { organizationKindSchema, organizationLevelSchema } from './organizations';
import { ruleVerdictSchema } from './positions';
import { staffingCategorySchema } from './staffing';

export const RESTRUCTURING_KINDS = ['merge', 'split', 'rename', 'move', 'dissolve'] as const;
export const restructuringKindSchema = z.enum(RESTRUCTURING_KINDS);
export type RestructuringKind = z.infer<typeof restructuringKindSchema>;

export const RESTRUCTURING_KIND_LABELS: Record<RestructuringKind, { vi: string; en: string }> = {
  merge: { vi: 'Hợp nhất / sáp nhập', en: 'Merge' },
  split: { vi: 'Chia tách', en: 'Split' },
  rename: { vi: 'Đổi tên', en: 'Rename' },
  move: { vi: 'Chuyển trực thuộc', en: 'Move under another parent' },
  dissolve: { vi: 'Giải thể', en: 'Dissolve' },
};

export const RESTRUCTURING_STATUSES = ['applied', 'reverted'] as const;
export type RestructuringStatus = (typeof RESTRUCTURING_STATUSES)[number];

/** An existing unit (`id`) or a unit the plan creates (`key` of one of `newUnits`). */
export const unitRefSchema = z.union([z.strictObject({ id: z.string().max(40) }), z.strictObject({ key: z.string().max(40) })]);
export type UnitRef = z.infer<typeof unitRefSchema>;

export const newUnitSchema = z.strictObject({
  key: z.string().min(1).max(40),
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Z0-9._-]+$/),
  name: z.string().trim().min(1).max(300),
  shortName: z.string().trim().max(100).optional(),
  kind: organizationKindSchema,
  level: organizationLevelSchema,
  parentId: z.string().max(40),
  adminUnitCode: z.string().max(10).optional(),
});
export type NewUnit = z.infer<typeof newUnitSchema>;

/**
 * A restructuring plan. Every open child unit, seat and incumbent of the units it closes (merge, split, dissolve) must
 * be mapped: children to a unit, seats to a unit (`null` closes the seat), people to `follow` their seat or `end`,
 * job positions to a unit (`null` abolishes them; their people follow them otherwise).
 * Seats of the same title mapped into one unit become one seat, whose count is `seatCounts` or the largest mapped;
 * job positions of the same name, category and rank mapped into one unit become one, with the counts added.
 */
export const restructuringPlanSchema = z.strictObject({
  kind: restructuringKindSchema,
  effectiveDate: isoDateSchema,
  title: z.string().trim().min(1).max(300),
  decisionRef: z.string().trim().max(100).optional(),
  sources: z.array(z.string().max(40)).min(1).max(200),
  newUnits: z.array(newUnitSchema).max(50).default([]),
  /** merge into an existing unit instead of a new one */
  targetId: z.string().max(40).optional(),
  rename: z
    .strictObject({ name: z.string().trim().min(1).max(300), shortName: z.string().trim().max(100).optional() })
    .optional(),
  newParentId: z.string().max(40).optional(),
  children: z
    .array(z.strictObject({ organizationId: z.string().max(40), to: unitRefSchema }))
    .max(5000)
    .default([]),
  seats: z
    .array(z.strictObject({ positionId: z.string().max(40), to: unitRefSchema.nullable() }))
    .max(5000)
    .default([]),
  seatCounts: z
    .array(z.strictObject({ unit: unitRefSchema, titleCode: z.string().max(80), seatCount: z.number().int().min(1).max(50) }))
    .max(500)
    .default([]),
  people: z
    .array(z.strictObject({ incumbentId: z.string().max(40), to: z.enum(['follow', 'end']) }))
    .max(20000)
    .default([]),
  /** job positions (vị trí việc làm) of the closed units: to a unit (with their people) or `null` (abolished) */
  jobPositions: z
    .array(z.strictObject({ jobPositionId: z.string().max(40), to: unitRefSchema.nullable() }))
    .max(5000)
    .default([]),
  quotas: z
    .array(
      z.strictObject({ unit: unitRefSchema, category: staffingCategorySchema, quota: z.number().int().min(0).max(1_000_000) }),
    )
    .max(500)
    .default([]),
});
export type RestructuringPlan = z.infer<typeof restructuringPlanSchema>;
export type RestructuringPlanInput = z.input<typeof restructuringPlanSchema>;

export const CHANGE_STATUSES = ['new', 'closed', 'moved', 'renamed', 'unchanged'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

export const previewNodeSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  depth: z.number(),
  status: z.enum(CHANGE_STATUSES),
});

export const changeSchema = z.object({
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  description: z.string(),
});

export const restructuringPreviewSchema = z.object({
  kind: restructuringKindSchema,
  effectiveDate: isoDateSchema,
  /** the anchor unit's subtree on the effective date after the change, plus the units it closes */
  tree: z.array(previewNodeSchema),
  /** seats with more people than places, deputies above the cap, staff above the quota */
  problems: z.array(ruleVerdictSchema),
  changes: z.array(changeSchema),
});
export type RestructuringPreview = z.infer<typeof restructuringPreviewSchema>;

export const restructuringEventSchema = z.object({
  id: z.string(),
  kind: restructuringKindSchema,
  effectiveDate: isoDateSchema,
  title: z.string(),
  decisionRef: z.string().nullable(),
  status: z.enum(RESTRUCTURING_STATUSES),
  anchorOrganizationId: z.string(),
  changeCount: z.number(),
  createdAt: z.string(),
  revertedAt: z.string().nullable(),
});
export type RestructuringEvent = z.infer<typeof restructuringEventSchema>;

export const restructuringAppliedSchema = z.object({
  event: restructuringEventSchema,
  preview: restructuringPreviewSchema,
});
export const restructuringEventListSchema = z.object({ items: z.array(restructuringEventSchema) });
export const restructuringEventListQuerySchema = z.object({ organizationId: z.string().max(40).optional() });
