import { z } from 'zod';

// The register's vocabulary and the official numbering patterns, declared once as data (server validates, web hints).

export const DOCUMENT_TYPES = [
  'nghi_quyet',
  'quy_dinh',
  'quyet_dinh',
  'ket_luan',
  'chi_thi',
  'thong_bao',
  'ke_hoach',
  'huong_dan',
  'cong_van',
  'nghi_dinh',
  'thong_tu',
  'luat',
  'dieu_le',
] as const;
export const documentTypeSchema = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof documentTypeSchema>;

/** `count` is the word used in the year summary sentence ("2 Nghị quyết", "7 quy định"), as the seed writes it. */
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, { vi: string; en: string; count: string }> = {
  nghi_quyet: { vi: 'Nghị quyết', en: 'Resolution', count: 'Nghị quyết' },
  quy_dinh: { vi: 'Quy định', en: 'Regulation', count: 'quy định' },
  quyet_dinh: { vi: 'Quyết định', en: 'Decision', count: 'quyết định' },
  ket_luan: { vi: 'Kết luận', en: 'Conclusion', count: 'kết luận' },
  chi_thi: { vi: 'Chỉ thị', en: 'Directive', count: 'chỉ thị' },
  thong_bao: { vi: 'Thông báo', en: 'Notice', count: 'thông báo' },
  ke_hoach: { vi: 'Kế hoạch', en: 'Plan', count: 'kế hoạch' },
  huong_dan: { vi: 'Hướng dẫn', en: 'Guideline', count: 'hướng dẫn' },
  cong_van: { vi: 'Công văn', en: 'Official letter', count: 'công văn' },
  nghi_dinh: { vi: 'Nghị định', en: 'Decree', count: 'nghị định' },
  thong_tu: { vi: 'Thông tư', en: 'Circular', count: 'thông tư' },
  luat: { vi: 'Luật, Bộ luật', en: 'Law, Code', count: 'luật' },
  dieu_le: { vi: 'Điều lệ', en: 'Statute', count: 'điều lệ' },
};

export const TRACKS = ['party', 'state'] as const;
export type Track = (typeof TRACKS)[number];

export const ISSUING_BODIES = [
  'dai_hoi_dang',
  'ban_chap_hanh_tw',
  'bo_chinh_tri',
  'ban_bi_thu',
  'ban_to_chuc_tw',
  'van_phong_tw',
  'uy_ban_kiem_tra_tw',
  'tinh_uy',
  'ban_thuong_vu_tinh_uy',
  'ban_to_chuc_tinh_uy',
  'quoc_hoi',
  'uy_ban_thuong_vu_quoc_hoi',
  'chinh_phu',
  'thu_tuong',
  'bo_noi_vu',
  'hdnd_tinh',
  'ubnd_tinh',
] as const;
export const issuingBodySchema = z.enum(ISSUING_BODIES);
export type IssuingBody = z.infer<typeof issuingBodySchema>;

/**
 * `group` joins bodies that the summary sentence names together ("của Bộ Chính trị, Ban Bí thư"), in this list's order.
 * The body's part of a document number lives with the numbering patterns (policy/documents/numbering.yaml).
 */
export const ISSUING_BODY_INFO: Record<IssuingBody, { vi: string; en: string; track: Track; group: string }> = {
  dai_hoi_dang: {
    vi: 'Đại hội đại biểu toàn quốc của Đảng',
    en: 'National Party Congress',
    track: 'party',
    group: 'dh',
  },
  ban_chap_hanh_tw: { vi: 'Ban Chấp hành Trung ương', en: 'Central Committee', track: 'party', group: 'tw' },
  bo_chinh_tri: { vi: 'Bộ Chính trị', en: 'Politburo', track: 'party', group: 'bct-bbt' },
  ban_bi_thu: { vi: 'Ban Bí thư', en: 'Secretariat', track: 'party', group: 'bct-bbt' },
  ban_to_chuc_tw: { vi: 'Ban Tổ chức Trung ương', en: 'Central Organization Commission', track: 'party', group: 'btctw' },
  van_phong_tw: { vi: 'Văn phòng Trung ương Đảng', en: 'Party Central Office', track: 'party', group: 'vptw' },
  uy_ban_kiem_tra_tw: { vi: 'Ủy ban Kiểm tra Trung ương', en: 'Central Inspection Commission', track: 'party', group: 'ubkttw' },
  tinh_uy: { vi: 'Tỉnh ủy', en: 'Provincial Party Committee', track: 'party', group: 'tu' },
  ban_thuong_vu_tinh_uy: { vi: 'Ban Thường vụ Tỉnh ủy', en: 'Provincial Standing Committee', track: 'party', group: 'tu' },
  ban_to_chuc_tinh_uy: {
    vi: 'Ban Tổ chức Tỉnh ủy',
    en: 'Provincial Organization Commission',
    track: 'party',
    group: 'btctu',
  },
  quoc_hoi: { vi: 'Quốc hội', en: 'National Assembly', track: 'state', group: 'qh' },
  uy_ban_thuong_vu_quoc_hoi: { vi: 'Ủy ban Thường vụ Quốc hội', en: 'NA Standing Committee', track: 'state', group: 'ubtvqh' },
  chinh_phu: { vi: 'Chính phủ', en: 'Government', track: 'state', group: 'cp' },
  thu_tuong: { vi: 'Thủ tướng Chính phủ', en: 'Prime Minister', track: 'state', group: 'cp' },
  bo_noi_vu: { vi: 'Bộ Nội vụ', en: 'Ministry of Home Affairs', track: 'state', group: 'bnv' },
  hdnd_tinh: { vi: 'Hội đồng nhân dân tỉnh', en: 'Provincial People’s Council', track: 'state', group: 'hdnd' },
  ubnd_tinh: { vi: 'Ủy ban nhân dân tỉnh', en: 'Provincial People’s Committee', track: 'state', group: 'ubnd' },
};

/** One official numbering pattern (policy/documents/numbering.yaml), with its legal source. */
export const numberingSchemeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.strictObject({ vi: z.string().min(1), en: z.string().min(1) }),
  track: z.enum(TRACKS),
  /** `{so}` number, `{nam}` year, `{loai}` type abbreviation, `{coquan}` issuer, `{donvi}` drafting unit. */
  template: z.string().min(1),
  /** Regular expression; `{so}`, `{loai}`, `{coquan}` are filled in; named groups so, nam, loai, coquan. */
  pattern: z.string().startsWith('^').endsWith('$'),
  /** The type abbreviation per document type this scheme numbers (empty: the type takes no abbreviation). */
  types: z.partialRecord(documentTypeSchema, z.string()),
  bodies: z.array(issuingBodySchema).min(1),
  /** Whether the year in the number must be the year of issue. */
  yearIsIssueYear: z.boolean(),
  citation: z.string().min(20),
  /** Numbers that must fit the scheme: checked when the server starts. */
  examples: z
    .array(
      z.strictObject({
        type: documentTypeSchema,
        body: issuingBodySchema,
        number: z.string().min(1),
        issuedOn: z.iso.date().optional(),
      }),
    )
    .min(1),
});
export type NumberingScheme = z.infer<typeof numberingSchemeSchema>;

export const numberingPolicySchema = z.strictObject({
  id: z.string().min(1),
  title: z.strictObject({ vi: z.string().min(1), en: z.string().min(1) }),
  serial: z.strictObject({ pattern: z.string().min(1), citation: z.string().min(20) }),
  /** The issuing body's part of the number, as a regular-expression fragment ("QH\\d{1,2}" carries the term). */
  issuers: z.record(issuingBodySchema, z.string().min(1)),
  schemes: z.array(numberingSchemeSchema).min(1),
});
export type NumberingPolicy = z.infer<typeof numberingPolicySchema>;

/** The schemes that may number a document of this type from this body. */
export function schemesFor(policy: NumberingPolicy, type: DocumentType, body: IssuingBody): NumberingScheme[] {
  return policy.schemes.filter((s) => s.bodies.includes(body) && s.types[type] !== undefined);
}

/** A concrete example of a valid number, for the form's hint ("12-KL/TW"). */
export function exampleNumber(
  policy: NumberingPolicy,
  scheme: NumberingScheme,
  type: DocumentType,
  body: IssuingBody,
  year: number,
): string {
  return fillTemplate(policy, scheme, type, body, { so: '12', nam: String(year), donvi: 'TCBC', khoa: '15' });
}

/** The pattern as a personnel officer reads it: "số-KL/TW", "số/năm/NĐ-CP", "số/năm/QH<khóa>". */
export function describeScheme(policy: NumberingPolicy, scheme: NumberingScheme, type: DocumentType, body: IssuingBody): string {
  return fillTemplate(policy, scheme, type, body, { so: 'số', nam: 'năm', donvi: 'đơn vị', khoa: '<khóa>' });
}

function fillTemplate(
  policy: NumberingPolicy,
  scheme: NumberingScheme,
  type: DocumentType,
  body: IssuingBody,
  parts: { so: string; nam: string; donvi: string; khoa: string },
): string {
  return scheme.template
    .replace('{so}', parts.so)
    .replace('{nam}', parts.nam)
    .replace('{loai}', scheme.types[type] ?? '')
    .replace('{coquan}', (policy.issuers[body] ?? '').replace('\\d{1,2}', parts.khoa))
    .replace('{donvi}', parts.donvi);
}
