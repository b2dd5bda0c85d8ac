import { z } from 'zod';
import { LIMITS, isoDateSchema, pageQuerySchema } from './common';

export const ORGANIZATION_KINDS = [
  'party_committee',
  'party_organ',
  'state_agency',
  'fatherland_front',
  'socio_political',
  'public_service_unit',
  'enterprise',
  'armed_forces',
] as const;
export const organizationKindSchema = z.enum(ORGANIZATION_KINDS);
export type OrganizationKind = z.infer<typeof organizationKindSchema>;

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, { vi: string; en: string }> = {
  party_committee: { vi: 'Cấp ủy đảng', en: 'Party committee' },
  party_organ: { vi: 'Cơ quan tham mưu của Đảng', en: 'Party organ' },
  state_agency: { vi: 'Cơ quan nhà nước', en: 'State agency' },
  fatherland_front: { vi: 'Mặt trận Tổ quốc', en: 'Fatherland Front' },
  socio_political: { vi: 'Tổ chức chính trị - xã hội', en: 'Socio-political organization' },
  public_service_unit: { vi: 'Đơn vị sự nghiệp công lập', en: 'Public service unit' },
  enterprise: { vi: 'Doanh nghiệp nhà nước', en: 'State enterprise' },
  armed_forces: { vi: 'Lực lượng vũ trang', en: 'Armed forces unit' },
};

export const ORGANIZATION_LEVELS = ['central', 'provincial', 'district', 'commune'] as const;
export const organizationLevelSchema = z.enum(ORGANIZATION_LEVELS);
export type OrganizationLevel = z.infer<typeof organizationLevelSchema>;

export const ORGANIZATION_LEVEL_LABELS: Record<OrganizationLevel, { vi: string; en: string }> = {
  central: { vi: 'Trung ương', en: 'Central' },
  provincial: { vi: 'Cấp tỉnh', en: 'Provincial' },
  district: { vi: 'Cấp huyện (trước 01/07/2025)', en: 'District (before 01/07/2025)' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
};

export const organizationSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: organizationKindSchema,
  level: organizationLevelSchema,
  parentId: z.string().nullable(),
  depth: z.number(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const organizationListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(LIMITS.searchMax).optional(),
  parentId: z.string().optional(),
});
export const organizationListSchema = z.object({
  items: z.array(organizationSchema),
  total: z.number(),
});

export const createOrganizationBodySchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Z0-9._-]+$/),
  name: z.string().trim().min(1).max(LIMITS.nameMax),
  shortName: z.string().trim().max(100).optional(),
  kind: organizationKindSchema,
  level: organizationLevelSchema,
  parentId: z.string(),
  /** the day the unit came into existence (default today) */
  validFrom: isoDateSchema.optional(),
  /** the administrative unit (province or commune/ward code) it governs */
  adminUnitCode: z.string().max(10).optional(),
});
export type CreateOrganizationBody = z.infer<typeof createOrganizationBodySchema>;

/** A unit as it stood on a date (its version then), with how many children it had that day. */
export const organizationNodeSchema = organizationSchema.extend({
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  adminUnitCode: z.string().nullable(),
  childCount: z.number(),
});
export type OrganizationNode = z.infer<typeof organizationNodeSchema>;

export const organizationTreeQuerySchema = z.object({
  asOf: isoDateSchema.optional(),
  /** children of this unit; absent: the actor's top units on that date */
  parentId: z.string().max(40).optional(),
});
export const organizationTreeSchema = z.object({ asOf: isoDateSchema, items: z.array(organizationNodeSchema) });

export const organizationSubtreeQuerySchema = z.object({ asOf: isoDateSchema.optional() });

export const organizationVersionSchema = z.object({
  name: z.string(),
  shortName: z.string().nullable(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  eventId: z.string().nullable(),
});
export const organizationLinkSchema = z.object({ id: z.string(), name: z.string(), eventId: z.string() });
export const organizationHistorySchema = z.object({
  organization: organizationSchema.extend({ validFrom: isoDateSchema, validTo: isoDateSchema.nullable() }),
  versions: z.array(organizationVersionSchema),
  predecessors: z.array(organizationLinkSchema),
  successors: z.array(organizationLinkSchema),
});
export type OrganizationHistory = z.infer<typeof organizationHistorySchema>;
