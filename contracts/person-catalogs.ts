/**
 * Catalogs of the Mẫu 2C CV (2C/TCTW-98, 2C-BNV/2008): codes stored in the database, labels shown in vi/en.
 * Declared once here; the server validates against them and the web shows them.
 */

/** The 54 ethnic groups of Viet Nam with their official codes (Quyết định 121-TCTK/PPCĐ ngày 02/03/1979). */
export const ETHNICITIES = [
  ['01', 'Kinh'],
  ['02', 'Tày'],
  ['03', 'Thái'],
  ['04', 'Hoa'],
  ['05', 'Khơ-me'],
  ['06', 'Mường'],
  ['07', 'Nùng'],
  ['08', 'Mông'],
  ['09', 'Dao'],
  ['10', 'Gia-rai'],
  ['11', 'Ngái'],
  ['12', 'Ê-đê'],
  ['13', 'Ba-na'],
  ['14', 'Xơ-đăng'],
  ['15', 'Sán Chay'],
  ['16', 'Cơ-ho'],
  ['17', 'Chăm'],
  ['18', 'Sán Dìu'],
  ['19', 'Hrê'],
  ['20', 'Mnông'],
  ['21', 'Ra-glai'],
  ['22', 'Xtiêng'],
  ['23', 'Bru-Vân Kiều'],
  ['24', 'Thổ'],
  ['25', 'Giáy'],
  ['26', 'Cơ-tu'],
  ['27', 'Gié-Triêng'],
  ['28', 'Mạ'],
  ['29', 'Khơ-mú'],
  ['30', 'Co'],
  ['31', 'Tà-ôi'],
  ['32', 'Chơ-ro'],
  ['33', 'Kháng'],
  ['34', 'Xinh-mun'],
  ['35', 'Hà Nhì'],
  ['36', 'Chu-ru'],
  ['37', 'Lào'],
  ['38', 'La Chí'],
  ['39', 'La Ha'],
  ['40', 'Phù Lá'],
  ['41', 'La Hủ'],
  ['42', 'Lự'],
  ['43', 'Lô Lô'],
  ['44', 'Chứt'],
  ['45', 'Mảng'],
  ['46', 'Pà Thẻn'],
  ['47', 'Cơ Lao'],
  ['48', 'Cống'],
  ['49', 'Bố Y'],
  ['50', 'Si La'],
  ['51', 'Pu Péo'],
  ['52', 'Brâu'],
  ['53', 'Ơ Đu'],
  ['54', 'Rơ-măm'],
] as const;
export type EthnicityCode = (typeof ETHNICITIES)[number][0];
export const ETHNICITY_CODES = ETHNICITIES.map(([code]) => code) as unknown as readonly [EthnicityCode, ...EthnicityCode[]];
export const ETHNICITY_NAMES: Record<string, string> = Object.fromEntries(ETHNICITIES);
/** Other names found in old files and imports (folded, without spaces or hyphens) for the same groups. */
export const ETHNICITY_ALIASES: Record<string, EthnicityCode> = {
  hmong: '08',
  meo: '08',
  khmer: '05',
  caolan: '15',
  sanchi: '15',
  vankieu: '23',
  bru: '23',
  ede: '12',
  jarai: '10',
  bahnar: '13',
  kho: '16',
  thaitrang: '03',
  thaiden: '03',
};

/** Religions recognised in Viet Nam (Ban Tôn giáo Chính phủ), plus "none" and "other". */
export const RELIGIONS = {
  none: { vi: 'Không', en: 'None' },
  buddhism: { vi: 'Phật giáo', en: 'Buddhism' },
  catholic: { vi: 'Công giáo', en: 'Catholicism' },
  protestant: { vi: 'Tin Lành', en: 'Protestantism' },
  caodai: { vi: 'Cao Đài', en: 'Cao Đài' },
  hoahao: { vi: 'Phật giáo Hòa Hảo', en: 'Hòa Hảo Buddhism' },
  islam: { vi: 'Hồi giáo', en: 'Islam' },
  bahai: { vi: "Tôn giáo Baha'i", en: "Bahá'í Faith" },
  tinh_do_cu_si: { vi: 'Tịnh độ Cư sĩ Phật hội Việt Nam', en: 'Pure Land Buddhist Home-Practice' },
  co_doc_phuc_lam: { vi: 'Cơ đốc Phục lâm', en: 'Seventh-day Adventist' },
  tu_an_hieu_nghia: { vi: 'Phật giáo Tứ Ân Hiếu Nghĩa', en: 'Tứ Ân Hiếu Nghĩa Buddhism' },
  buu_son_ky_huong: { vi: 'Bửu Sơn Kỳ Hương', en: 'Bửu Sơn Kỳ Hương' },
  minh_su_dao: { vi: 'Minh Sư đạo', en: 'Minh Sư đạo' },
  minh_ly_dao: { vi: 'Minh Lý đạo', en: 'Minh Lý đạo' },
  brahmanism: { vi: 'Bà-la-môn giáo', en: 'Brahmanism' },
  latter_day_saints: {
    vi: 'Giáo hội Các Thánh hữu Ngày sau của Chúa Giê-su Ky-tô',
    en: 'The Church of Jesus Christ of Latter-day Saints',
  },
  other: { vi: 'Tôn giáo khác', en: 'Other religion' },
} as const;
export type Religion = keyof typeof RELIGIONS;
export const RELIGION_CODES = Object.keys(RELIGIONS) as [Religion, ...Religion[]];

export const SEXES = { M: { vi: 'Nam', en: 'Male' }, F: { vi: 'Nữ', en: 'Female' } } as const;
export type Sex = keyof typeof SEXES;

/** Trình độ chuyên môn cao nhất (highest professional qualification). */
export const PROFESSIONAL_LEVELS = {
  none: { vi: 'Chưa qua đào tạo', en: 'No professional training' },
  so_cap: { vi: 'Sơ cấp', en: 'Elementary vocational' },
  trung_cap: { vi: 'Trung cấp', en: 'Intermediate vocational' },
  cao_dang: { vi: 'Cao đẳng', en: 'College' },
  dai_hoc: { vi: 'Đại học', en: 'Bachelor' },
  thac_si: { vi: 'Thạc sĩ', en: 'Master' },
  tien_si: { vi: 'Tiến sĩ', en: 'Doctor' },
  tien_si_khoa_hoc: { vi: 'Tiến sĩ khoa học', en: 'Doctor of Science' },
} as const;
export type ProfessionalLevel = keyof typeof PROFESSIONAL_LEVELS;
export const PROFESSIONAL_LEVEL_CODES = Object.keys(PROFESSIONAL_LEVELS) as [ProfessionalLevel, ...ProfessionalLevel[]];

/** Học hàm (academic rank). */
export const ACADEMIC_RANKS = {
  none: { vi: 'Không', en: 'None' },
  pho_giao_su: { vi: 'Phó Giáo sư', en: 'Associate Professor' },
  giao_su: { vi: 'Giáo sư', en: 'Professor' },
} as const;
export type AcademicRank = keyof typeof ACADEMIC_RANKS;
export const ACADEMIC_RANK_CODES = Object.keys(ACADEMIC_RANKS) as [AcademicRank, ...AcademicRank[]];

/** Lý luận chính trị (political theory level); "cử nhân" counts as "cao cấp" in title standards. */
export const THEORY_LEVELS = {
  none: { vi: 'Chưa qua đào tạo', en: 'None' },
  so_cap: { vi: 'Sơ cấp', en: 'Elementary' },
  trung_cap: { vi: 'Trung cấp', en: 'Intermediate' },
  cao_cap: { vi: 'Cao cấp', en: 'Advanced' },
  cu_nhan: { vi: 'Cử nhân chính trị', en: 'Bachelor of Politics' },
} as const;
export type TheoryLevel = keyof typeof THEORY_LEVELS;
export const THEORY_LEVEL_CODES = Object.keys(THEORY_LEVELS) as [TheoryLevel, ...TheoryLevel[]];

/** Quản lý nhà nước (state management training level). */
export const STATE_MANAGEMENT_LEVELS = {
  none: { vi: 'Chưa qua bồi dưỡng', en: 'None' },
  chuyen_vien: { vi: 'Chuyên viên', en: 'Officer' },
  chuyen_vien_chinh: { vi: 'Chuyên viên chính', en: 'Principal officer' },
  chuyen_vien_cao_cap: { vi: 'Chuyên viên cao cấp', en: 'Senior principal officer' },
} as const;
export type StateManagementLevel = keyof typeof STATE_MANAGEMENT_LEVELS;
export const STATE_MANAGEMENT_CODES = Object.keys(STATE_MANAGEMENT_LEVELS) as [StateManagementLevel, ...StateManagementLevel[]];

/** Hình thức kỷ luật (discipline levels, party and civil-service), mildest first. */
export const DISCIPLINE_LEVELS = {
  khien_trach: { vi: 'Khiển trách', en: 'Reprimand' },
  canh_cao: { vi: 'Cảnh cáo', en: 'Warning' },
  ha_bac_luong: { vi: 'Hạ bậc lương', en: 'Salary grade reduction' },
  giang_chuc: { vi: 'Giáng chức', en: 'Demotion' },
  cach_chuc: { vi: 'Cách chức', en: 'Removal from post' },
  bai_nhiem: { vi: 'Bãi nhiệm', en: 'Recall' },
  buoc_thoi_viec: { vi: 'Buộc thôi việc', en: 'Dismissal from service' },
  khai_tru: { vi: 'Khai trừ khỏi Đảng', en: 'Expulsion from the Party' },
} as const;
export type DisciplineLevel = keyof typeof DISCIPLINE_LEVELS;
export const DISCIPLINE_LEVEL_CODES = Object.keys(DISCIPLINE_LEVELS) as [DisciplineLevel, ...DisciplineLevel[]];

export const TRAINING_FORMS = {
  chinh_quy: { vi: 'Chính quy', en: 'Full-time' },
  tai_chuc: { vi: 'Tại chức / vừa làm vừa học', en: 'Part-time' },
  tu_xa: { vi: 'Từ xa', en: 'Distance' },
  boi_duong: { vi: 'Bồi dưỡng ngắn hạn', en: 'Short course' },
  khac: { vi: 'Khác', en: 'Other' },
} as const;
export type TrainingForm = keyof typeof TRAINING_FORMS;
export const TRAINING_FORM_CODES = Object.keys(TRAINING_FORMS) as [TrainingForm, ...TrainingForm[]];

/** Quan hệ gia đình in the family tables of the 2C form. */
export const FAMILY_RELATIONS = {
  father: { vi: 'Bố', en: 'Father' },
  mother: { vi: 'Mẹ', en: 'Mother' },
  spouse: { vi: 'Vợ/Chồng', en: 'Spouse' },
  child: { vi: 'Con', en: 'Child' },
  sibling: { vi: 'Anh/chị/em ruột', en: 'Sibling' },
  father_in_law: { vi: 'Bố vợ/chồng', en: 'Father-in-law' },
  mother_in_law: { vi: 'Mẹ vợ/chồng', en: 'Mother-in-law' },
  sibling_in_law: { vi: 'Anh/chị/em ruột của vợ/chồng', en: 'Sibling-in-law' },
} as const;
export type FamilyRelation = keyof typeof FAMILY_RELATIONS;
export const FAMILY_RELATION_CODES = Object.keys(FAMILY_RELATIONS) as [FamilyRelation, ...FamilyRelation[]];

/**
 * Mã tỉnh in the first 3 digits of the 12-digit CCCD: the 63 province codes of Thông tư 07/2016/TT-BCA
 * (place of birth registration; still used after the 2025 merger, NQ 202/2025, for documents issued).
 */
export const CCCD_PROVINCES: Record<string, string> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};
