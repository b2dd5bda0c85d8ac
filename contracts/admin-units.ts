import { z } from 'zod';

/** Administrative units after NQ 202/2025/QH15 (34 provinces, 3,321 communes/wards/special zones). */
export const ADMIN_UNIT_KINDS = ['city', 'province', 'ward', 'commune', 'special_zone'] as const;
export const adminUnitKindSchema = z.enum(ADMIN_UNIT_KINDS);
export type AdminUnitKind = z.infer<typeof adminUnitKindSchema>;

export const ADMIN_UNIT_KIND_LABELS: Record<AdminUnitKind, { vi: string; en: string }> = {
  city: { vi: 'Thành phố trực thuộc Trung ương', en: 'Centrally-run city' },
  province: { vi: 'Tỉnh', en: 'Province' },
  ward: { vi: 'Phường', en: 'Ward' },
  commune: { vi: 'Xã', en: 'Commune' },
  special_zone: { vi: 'Đặc khu', en: 'Special zone' },
};

export const adminUnitSchema = z.object({
  code: z.string(),
  kind: adminUnitKindSchema,
  name: z.string(),
  shortName: z.string(),
  provinceCode: z.string().nullable(),
});
export type AdminUnit = z.infer<typeof adminUnitSchema>;

export const adminUnitMappingSchema = z.object({
  oldCode: z.string(),
  oldName: z.string(),
  oldDistrictName: z.string(),
  oldProvinceName: z.string(),
  newCode: z.string(),
});

export const adminUnitListQuerySchema = z.object({
  provinceCode: z.string().max(10).optional(),
  q: z.string().trim().max(200).optional(),
});
export const adminUnitListSchema = z.object({ items: z.array(adminUnitSchema), total: z.number() });
export const adminUnitDetailSchema = z.object({ unit: adminUnitSchema, predecessors: z.array(adminUnitMappingSchema) });
