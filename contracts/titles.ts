import { z } from 'zod';
import { isoDateSchema } from './common';

/** 368-QĐ/TW groups I–IV (Kết luận 35-KL/TW used the same groups with other ranks). */
export const TITLE_GROUPS = ['I', 'II', 'III', 'IV'] as const;
export const titleGroupSchema = z.enum(TITLE_GROUPS);
export type TitleGroup = z.infer<typeof titleGroupSchema>;

export const TITLE_GROUP_LABELS: Record<TitleGroup, { vi: string; en: string }> = {
  I: { vi: 'Nhóm I — lãnh đạo chủ chốt, lãnh đạo cấp cao', en: 'Group I — key and senior leaders' },
  II: { vi: 'Nhóm II — chức danh do Bộ Chính trị quản lý', en: 'Group II — titles managed by the Politburo' },
  III: { vi: 'Nhóm III — chức danh do Ban Bí thư quản lý', en: 'Group III — titles managed by the Secretariat' },
  IV: {
    vi: 'Nhóm IV — chức danh do cấp ủy, cơ quan, đơn vị quản lý',
    en: 'Group IV — titles managed by committees, agencies and units',
  },
};

/** Who manages (appoints, approves) holders of a title. */
export const MANAGING_AUTHORITIES = [
  'central_committee',
  'politburo',
  'secretariat',
  'provincial_standing_committee',
  'provincial_committee',
  'commune_standing_committee',
  'agency',
] as const;
export const managingAuthoritySchema = z.enum(MANAGING_AUTHORITIES);
export type ManagingAuthority = z.infer<typeof managingAuthoritySchema>;

export const MANAGING_AUTHORITY_LABELS: Record<ManagingAuthority, { vi: string; en: string }> = {
  central_committee: { vi: 'Ban Chấp hành Trung ương', en: 'Central Committee' },
  politburo: { vi: 'Bộ Chính trị', en: 'Politburo' },
  secretariat: { vi: 'Ban Bí thư', en: 'Secretariat' },
  provincial_standing_committee: { vi: 'Ban Thường vụ Tỉnh ủy, Thành ủy', en: 'Provincial standing committee' },
  provincial_committee: { vi: 'Tỉnh ủy, Thành ủy (cơ quan tham mưu)', en: 'Provincial committee (its organs)' },
  commune_standing_committee: { vi: 'Ban Thường vụ Đảng ủy xã, phường', en: 'Commune standing committee' },
  agency: { vi: 'Cơ quan, đơn vị sử dụng', en: 'The employing agency or unit' },
};

/** Where a group IV row applies: Hà Nội and Hồ Chí Minh City rank one step above other provinces. */
export const LOCALITY_CLASSES = ['hn_hcm', 'other_provinces'] as const;
export const localityClassSchema = z.enum(LOCALITY_CLASSES);
export type LocalityClass = z.infer<typeof localityClassSchema>;

/** One dated version of the title catalog (e.g. Kết luận 35-KL/TW, then 368-QĐ/TW from 08/09/2025). */
export const titleCatalogSchema = z.object({
  id: z.string(),
  name: z.string(),
  citation: z.string(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  titleCount: z.number(),
});
export type TitleCatalog = z.infer<typeof titleCatalogSchema>;

/**
 * A title of one catalog version. `rankOrder` orders the whole catalog (1 = highest): two titles with the same
 * rankOrder are equivalent, a lower number is a higher title. `confirmed: false` marks rows not yet read in a
 * published text (domain.md: ship what is known and mark the rest).
 */
export const titleSchema = z.object({
  id: z.string(),
  catalogId: z.string(),
  code: z.string(),
  name: z.string(),
  group: titleGroupSchema,
  rank: z.number(),
  rankOrder: z.number(),
  localityClass: localityClassSchema.nullable(),
  managingAuthority: managingAuthoritySchema,
  isLeadership: z.boolean(),
  /** for a deputy title: the head title it deputizes for */
  headTitleId: z.string().nullable(),
  /** for a head title: the maximum number of deputies the policy sets, if it sets one */
  maxDeputies: z.number().nullable(),
  /** titles held ex officio by whoever holds this one */
  exOfficio: z.array(z.string()),
  confirmed: z.boolean(),
  citation: z.string(),
  note: z.string().nullable(),
});
export type Title = z.infer<typeof titleSchema>;

export const titleListQuerySchema = z.object({
  catalogId: z.string().max(40).optional(),
  /** the catalog version in force on this date (default today) when catalogId is absent */
  asOf: isoDateSchema.optional(),
  group: titleGroupSchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export const titleListSchema = z.object({
  catalog: titleCatalogSchema,
  items: z.array(titleSchema),
});
export const titleCatalogListSchema = z.object({ items: z.array(titleCatalogSchema) });

/** How two titles compare in the catalog: the basis of "only titles higher than the one held". */
export const TITLE_COMPARISONS = ['higher', 'equivalent', 'lower'] as const;
export type TitleComparison = (typeof TITLE_COMPARISONS)[number];
