import type { DocumentType, IssuingBody } from '../../contracts/document-numbering';
import type { RelationKind } from '../../contracts/documents';

export interface ReferenceDocument {
  number: string;
  type: DocumentType;
  body: IssuingBody;
  /** null: the date could not be confirmed in research; the register flags it */
  issuedOn: string | null;
  effectiveFrom?: string;
  title: string;
  aliases?: string[];
  /** kept by the Central Organization Commission as documents it advised on in that year */
  advisedByBtctw?: boolean;
  /** index of the demo 2022 proposal (đề án) the document came out of */
  fromProposal?: number;
}

/** The documents the policy packs cite (domain.md), with the dates research confirmed. */
export const REFERENCE_DOCUMENTS: readonly ReferenceDocument[] = [
  {
    number: '50-QĐ/TW',
    type: 'quy_dinh',
    body: 'bo_chinh_tri',
    issuedOn: '2021-12-27',
    title: 'Quy định về công tác quy hoạch cán bộ',
  },
  {
    number: '80-QĐ/TW',
    type: 'quy_dinh',
    body: 'bo_chinh_tri',
    issuedOn: '2022-08-18',
    title: 'Quy định về phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử',
    advisedByBtctw: true,
    fromProposal: 5,
  },
  {
    number: '65-QĐ/TW',
    type: 'quy_dinh',
    body: 'bo_chinh_tri',
    issuedOn: '2022-04-28',
    title: 'Quy định về luân chuyển cán bộ',
    advisedByBtctw: true,
    fromProposal: 4,
  },
  {
    number: '35-KL/TW',
    type: 'ket_luan',
    body: 'bo_chinh_tri',
    issuedOn: '2022-05-05',
    title: 'Kết luận về danh mục chức danh, chức vụ lãnh đạo và tương đương của hệ thống chính trị từ Trung ương đến cơ sở',
    aliases: ['Kết luận 35', 'KL 35'],
    advisedByBtctw: true,
    fromProposal: 2,
  },
  {
    number: '40-KL/TW',
    type: 'ket_luan',
    body: 'bo_chinh_tri',
    issuedOn: '2022-07-18',
    title: 'Kết luận về nâng cao hiệu quả công tác quản lý biên chế của hệ thống chính trị giai đoạn 2022 - 2026',
    aliases: ['Kết luận 40', 'KL 40'],
    advisedByBtctw: true,
    fromProposal: 3,
  },
  {
    number: '89-QĐ/TW',
    type: 'quy_dinh',
    body: 'bo_chinh_tri',
    issuedOn: '2017-08-04',
    title: 'Quy định về khung tiêu chuẩn chức danh, định hướng khung tiêu chí đánh giá cán bộ lãnh đạo, quản lý các cấp',
  },
  {
    number: '96-QĐ/TW',
    type: 'quy_dinh',
    body: 'bo_chinh_tri',
    issuedOn: '2023-02-02',
    title: 'Quy định về việc lấy phiếu tín nhiệm đối với chức vụ lãnh đạo, quản lý trong hệ thống chính trị',
  },
  {
    number: '114-QĐ/TW',
    type: 'quy_dinh',
    body: 'bo_chinh_tri',
    issuedOn: '2023-07-11',
    title: 'Quy định về kiểm soát quyền lực và phòng, chống tham nhũng, tiêu cực trong công tác cán bộ',
  },
  {
    number: '124-QĐ/TW',
    type: 'quy_dinh',
    body: 'bo_chinh_tri',
    issuedOn: '2023-10-04',
    title: 'Quy định về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị',
  },
  {
    number: '366-QĐ/TW',
    type: 'quy_dinh',
    body: 'bo_chinh_tri',
    issuedOn: '2025-08-30',
    title: 'Quy định về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị',
  },
  {
    number: '368-QĐ/TW',
    type: 'quy_dinh',
    body: 'bo_chinh_tri',
    issuedOn: '2025-09-08',
    title: 'Quy định về danh mục chức danh, chức vụ lãnh đạo và tương đương của hệ thống chính trị (nhóm I–IV)',
  },
  {
    number: '377-QĐ/TW',
    type: 'quy_dinh',
    body: 'bo_chinh_tri',
    issuedOn: '2025-10-08',
    title: 'Quy định về quy hoạch, phân cấp quản lý, bổ nhiệm và giới thiệu cán bộ ứng cử (thay thế 50-QĐ/TW và 80-QĐ/TW)',
  },
  {
    number: '45-HD/BTCTW',
    type: 'huong_dan',
    body: 'ban_to_chuc_tw',
    issuedOn: null,
    title: 'Hướng dẫn thực hiện công tác quy hoạch cán bộ theo Quy định 377-QĐ/TW (mốc tính tuổi quy hoạch nhiệm kỳ 2030 - 2035)',
  },
  {
    number: '138/2020/NĐ-CP',
    type: 'nghi_dinh',
    body: 'chinh_phu',
    issuedOn: '2020-11-27',
    title: 'Nghị định quy định về tuyển dụng, sử dụng và quản lý công chức',
  },
  {
    number: '90/2020/NĐ-CP',
    type: 'nghi_dinh',
    body: 'chinh_phu',
    issuedOn: '2020-08-13',
    title: 'Nghị định về đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức',
  },
  {
    number: '135/2020/NĐ-CP',
    type: 'nghi_dinh',
    body: 'chinh_phu',
    issuedOn: '2020-11-18',
    effectiveFrom: '2021-01-01',
    title: 'Nghị định quy định về tuổi nghỉ hưu',
  },
  {
    number: '83/2022/NĐ-CP',
    type: 'nghi_dinh',
    body: 'chinh_phu',
    issuedOn: '2022-10-18',
    title: 'Nghị định sửa đổi, bổ sung Nghị định 135/2020/NĐ-CP quy định về tuổi nghỉ hưu',
  },
  {
    number: '170/2025/NĐ-CP',
    type: 'nghi_dinh',
    body: 'chinh_phu',
    issuedOn: '2025-06-30',
    effectiveFrom: '2025-07-01',
    title: 'Nghị định quy định về tuyển dụng, sử dụng và quản lý công chức',
  },
  {
    number: '335/2025/NĐ-CP',
    type: 'nghi_dinh',
    body: 'chinh_phu',
    issuedOn: null,
    title: 'Nghị định về đánh giá, xếp loại chất lượng công chức',
  },
  {
    number: '96/2023/QH15',
    type: 'nghi_quyet',
    body: 'quoc_hoi',
    issuedOn: '2023-06-24',
    title:
      'Nghị quyết về việc lấy phiếu tín nhiệm, bỏ phiếu tín nhiệm đối với người giữ chức vụ do Quốc hội, Hội đồng nhân dân bầu hoặc phê chuẩn',
  },
  {
    number: '202/2025/QH15',
    type: 'nghi_quyet',
    body: 'quoc_hoi',
    issuedOn: '2025-06-12',
    title: 'Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh',
  },
  {
    number: '45/2019/QH14',
    type: 'luat',
    body: 'quoc_hoi',
    issuedOn: '2019-11-20',
    effectiveFrom: '2021-01-01',
    title: 'Bộ luật Lao động',
    aliases: ['Bộ luật Lao động 2019', 'Bộ luật Lao động', 'BLLĐ 2019'],
  },
  {
    number: '36/2018/QH14',
    type: 'luat',
    body: 'quoc_hoi',
    issuedOn: '2018-11-20',
    effectiveFrom: '2019-07-01',
    title: 'Luật Phòng, chống tham nhũng',
    aliases: ['Luật Phòng, chống tham nhũng 2018', 'Luật Phòng chống tham nhũng 2018', 'Luật PCTN 2018'],
  },
  {
    number: 'Điều lệ Đảng (2011)',
    type: 'dieu_le',
    body: 'dai_hoi_dang',
    issuedOn: '2011-01-19',
    title: 'Điều lệ Đảng Cộng sản Việt Nam (Đại hội đại biểu toàn quốc lần thứ XI thông qua)',
    aliases: ['Điều lệ Đảng Cộng sản Việt Nam (2011)', 'Điều lệ Đảng Cộng sản Việt Nam', 'Điều lệ Đảng 2011', 'Điều lệ Đảng'],
  },
  {
    number: '137/2015/NĐ-CP',
    type: 'nghi_dinh',
    body: 'chinh_phu',
    issuedOn: '2015-12-31',
    title: 'Quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước công dân (cấu trúc số định danh cá nhân)',
    aliases: ['Nghị định 137/2015', 'NĐ 137/2015'],
  },
  {
    number: '22/2008/QH12',
    type: 'luat',
    body: 'quoc_hoi',
    issuedOn: '2008-11-13',
    effectiveFrom: '2010-01-01',
    title: 'Luật Cán bộ, công chức',
    aliases: ['Luật Cán bộ, công chức 2008', 'Luật Cán bộ công chức 2008', 'Luật CBCC 2008'],
  },
  {
    number: '58/2010/QH12',
    type: 'luat',
    body: 'quoc_hoi',
    issuedOn: '2010-11-15',
    effectiveFrom: '2012-01-01',
    title: 'Luật Viên chức',
    aliases: ['Luật Viên chức 2010', 'Luật Viên chức'],
  },
];

/** [from, kind, to, effective date]: 377-QĐ/TW replaces 50-QĐ/TW and 80-QĐ/TW, and so on (domain.md). */
export const REFERENCE_RELATIONS: readonly [string, RelationKind, string, string | null][] = [
  ['377-QĐ/TW', 'replaces', '50-QĐ/TW', '2025-10-08'],
  ['377-QĐ/TW', 'replaces', '80-QĐ/TW', '2025-10-08'],
  ['366-QĐ/TW', 'replaces', '124-QĐ/TW', '2025-08-30'],
  ['368-QĐ/TW', 'replaces', '35-KL/TW', '2025-09-08'],
  ['45-HD/BTCTW', 'implements', '377-QĐ/TW', null],
  ['83/2022/NĐ-CP', 'amends', '135/2020/NĐ-CP', '2022-10-18'],
];
