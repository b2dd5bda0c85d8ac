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
};

export const TRACKS = ['party', 'state'] as const;
export type Track = (typeof TRACKS)[number];

export const ISSUING_BODIES = [
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
 * `issuer` is the issuing body's part of the number as a regular-expression fragment; `group` joins bodies that the
 * summary sentence names together ("của Bộ Chính trị, Ban Bí thư"), in this list's order.
 */
export const ISSUING_BODY_INFO: Record<IssuingBody, { vi: string; en: string; track: Track; issuer: string; group: string }> = {
  ban_chap_hanh_tw: { vi: 'Ban Chấp hành Trung ương', en: 'Central Committee', track: 'party', issuer: 'TW', group: 'tw' },
  bo_chinh_tri: { vi: 'Bộ Chính trị', en: 'Politburo', track: 'party', issuer: 'TW', group: 'bct-bbt' },
  ban_bi_thu: { vi: 'Ban Bí thư', en: 'Secretariat', track: 'party', issuer: 'TW', group: 'bct-bbt' },
  ban_to_chuc_tw: {
    vi: 'Ban Tổ chức Trung ương',
    en: 'Central Organization Commission',
    track: 'party',
    issuer: 'BTCTW',
    group: 'btctw',
  },
  van_phong_tw: { vi: 'Văn phòng Trung ương Đảng', en: 'Party Central Office', track: 'party', issuer: 'VPTW', group: 'vptw' },
  uy_ban_kiem_tra_tw: {
    vi: 'Ủy ban Kiểm tra Trung ương',
    en: 'Central Inspection Commission',
    track: 'party',
    issuer: 'UBKTTW',
    group: 'ubkttw',
  },
  tinh_uy: { vi: 'Tỉnh ủy', en: 'Provincial Party Committee', track: 'party', issuer: 'TU', group: 'tu' },
  ban_thuong_vu_tinh_uy: {
    vi: 'Ban Thường vụ Tỉnh ủy',
    en: 'Provincial Standing Committee',
    track: 'party',
    issuer: 'TU',
    group: 'tu',
  },
  ban_to_chuc_tinh_uy: {
    vi: 'Ban Tổ chức Tỉnh ủy',
    en: 'Provincial Organization Commission',
    track: 'party',
    issuer: 'BTCTU',
    group: 'btctu',
  },
  quoc_hoi: { vi: 'Quốc hội', en: 'National Assembly', track: 'state', issuer: 'QH\\d{1,2}', group: 'qh' },
  uy_ban_thuong_vu_quoc_hoi: {
    vi: 'Ủy ban Thường vụ Quốc hội',
    en: 'NA Standing Committee',
    track: 'state',
    issuer: 'UBTVQH\\d{1,2}',
    group: 'ubtvqh',
  },
  chinh_phu: { vi: 'Chính phủ', en: 'Government', track: 'state', issuer: 'CP', group: 'cp' },
  thu_tuong: { vi: 'Thủ tướng Chính phủ', en: 'Prime Minister', track: 'state', issuer: 'TTg', group: 'cp' },
  bo_noi_vu: { vi: 'Bộ Nội vụ', en: 'Ministry of Home Affairs', track: 'state', issuer: 'BNV', group: 'bnv' },
  hdnd_tinh: { vi: 'Hội đồng nhân dân tỉnh', en: 'Provincial People’s Council', track: 'state', issuer: 'HĐND', group: 'hdnd' },
  ubnd_tinh: { vi: 'Ủy ban nhân dân tỉnh', en: 'Provincial People’s Committee', track: 'state', issuer: 'UBND', group: 'ubnd' },
};

export interface NumberingScheme {
  id: string;
  vi: string;
  en: string;
  track: Track;
  /** `{so}` number, `{nam}` year, `{loai}` type abbreviation, `{coquan}` issuer, `{donvi}` drafting unit. */
  template: string;
  /** Regular expression built from the template; named groups so, nam, loai, coquan; `{so}` is SERIAL_PATTERN. */
  pattern: string;
  /** The type abbreviation per document type this scheme numbers (empty: the type takes no abbreviation). */
  types: Partial<Record<DocumentType, string>>;
  bodies: readonly IssuingBody[];
  /** Whether the year in the number must be the year of issue. */
  yearIsIssueYear: boolean;
  citation: string;
}

/**
 * The serial number: Arabic digits from 1, numbers below 10 written with a leading zero ("05-HD/BTCTU",
 * "01/2021/NĐ-CP"), as HD 36-HD/VPTW and NĐ 30/2020/NĐ-CP both require.
 */
export const SERIAL_PATTERN = '0[1-9]|[1-9]\\d{1,5}';

const PARTY_BODIES: readonly IssuingBody[] = ISSUING_BODIES.filter((b) => ISSUING_BODY_INFO[b].track === 'party');

/** The official numbering patterns per document type and issuing body. */
export const NUMBERING_SCHEMES: readonly NumberingScheme[] = [
  {
    id: 'party',
    vi: 'Văn bản của Đảng',
    en: 'Party document',
    track: 'party',
    template: '{so}-{loai}/{coquan}',
    pattern: '^(?<so>{so})-(?<loai>{loai})/(?<coquan>{coquan})$',
    types: {
      nghi_quyet: 'NQ',
      quy_dinh: 'QĐ',
      quyet_dinh: 'QĐ',
      ket_luan: 'KL',
      chi_thi: 'CT',
      thong_bao: 'TB',
      ke_hoach: 'KH',
      huong_dan: 'HD',
      cong_van: 'CV',
    },
    bodies: PARTY_BODIES,
    yearIsIssueYear: false,
    citation:
      'Hướng dẫn 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng về thể thức và kỹ thuật trình bày văn bản của Đảng (số và ký hiệu)',
  },
  {
    id: 'state-law',
    vi: 'Luật, nghị quyết của Quốc hội, Ủy ban Thường vụ Quốc hội',
    en: 'Law or resolution of the National Assembly or its Standing Committee',
    track: 'state',
    template: '{so}/{nam}/{coquan}',
    pattern: '^(?<so>{so})/(?<nam>\\d{4})/(?<coquan>{coquan})$',
    types: { luat: '', nghi_quyet: '' },
    bodies: ['quoc_hoi', 'uy_ban_thuong_vu_quoc_hoi'],
    yearIsIssueYear: true,
    citation: 'Luật Ban hành văn bản quy phạm pháp luật 2015, Điều 8 (số, năm ban hành, ký hiệu QH + số khóa)',
  },
  {
    id: 'state-normative',
    vi: 'Văn bản quy phạm pháp luật khác',
    en: 'Other legal normative document',
    track: 'state',
    template: '{so}/{nam}/{loai}-{coquan}',
    pattern: '^(?<so>{so})/(?<nam>\\d{4})/(?<loai>{loai})-(?<coquan>{coquan})$',
    types: { nghi_dinh: 'NĐ', thong_tu: 'TT', quyet_dinh: 'QĐ', nghi_quyet: 'NQ', chi_thi: 'CT' },
    bodies: ['chinh_phu', 'thu_tuong', 'bo_noi_vu', 'hdnd_tinh', 'ubnd_tinh'],
    yearIsIssueYear: true,
    citation:
      'Luật Ban hành văn bản quy phạm pháp luật 2015, Điều 8 (số thứ tự/năm ban hành/tên viết tắt loại văn bản - cơ quan)',
  },
  {
    id: 'state-administrative',
    vi: 'Văn bản hành chính',
    en: 'Administrative document',
    track: 'state',
    template: '{so}/{loai}-{coquan}',
    pattern: '^(?<so>{so})/(?<loai>{loai})-(?<coquan>{coquan})$',
    types: { quyet_dinh: 'QĐ', ke_hoach: 'KH', thong_bao: 'TB', huong_dan: 'HD', chi_thi: 'CT', nghi_quyet: 'NQ' },
    bodies: ['chinh_phu', 'thu_tuong', 'bo_noi_vu', 'hdnd_tinh', 'ubnd_tinh', 'uy_ban_thuong_vu_quoc_hoi'],
    yearIsIssueYear: false,
    citation: 'Nghị định 30/2020/NĐ-CP về công tác văn thư, Phụ lục I (số/tên viết tắt loại văn bản-cơ quan ban hành)',
  },
  {
    id: 'state-letter',
    vi: 'Công văn hành chính',
    en: 'Administrative letter',
    track: 'state',
    template: '{so}/{coquan}-{donvi}',
    pattern: '^(?<so>{so})/(?<coquan>{coquan})-(?<donvi>[A-ZĐ]{2,10})$',
    types: { cong_van: '' },
    bodies: ['chinh_phu', 'thu_tuong', 'bo_noi_vu', 'hdnd_tinh', 'ubnd_tinh', 'uy_ban_thuong_vu_quoc_hoi'],
    yearIsIssueYear: false,
    citation: 'Nghị định 30/2020/NĐ-CP về công tác văn thư, Phụ lục I (công văn: số/tên viết tắt cơ quan-đơn vị soạn thảo)',
  },
];

/** The schemes that may number a document of this type from this body. */
export function schemesFor(type: DocumentType, body: IssuingBody): NumberingScheme[] {
  return NUMBERING_SCHEMES.filter((s) => s.bodies.includes(body) && s.types[type] !== undefined);
}

/** A concrete example of a valid number, for the form's hint ("12-KL/TW"). */
export function exampleNumber(scheme: NumberingScheme, type: DocumentType, body: IssuingBody, year: number): string {
  return fillTemplate(scheme, type, body, { so: '12', nam: String(year), donvi: 'TCBC', khoa: '15' });
}

/** The pattern as a personnel officer reads it: "số-KL/TW", "số/năm/NĐ-CP", "số/năm/QH<khóa>". */
export function describeScheme(scheme: NumberingScheme, type: DocumentType, body: IssuingBody): string {
  return fillTemplate(scheme, type, body, { so: 'số', nam: 'năm', donvi: 'đơn vị', khoa: '<khóa>' });
}

function fillTemplate(
  scheme: NumberingScheme,
  type: DocumentType,
  body: IssuingBody,
  parts: { so: string; nam: string; donvi: string; khoa: string },
): string {
  return scheme.template
    .replace('{so}', parts.so)
    .replace('{nam}', parts.nam)
    .replace('{loai}', scheme.types[type] ?? '')
    .replace('{coquan}', ISSUING_BODY_INFO[body].issuer.replace('\\d{1,2}', parts.khoa))
    .replace('{donvi}', parts.donvi);
}
