import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  DISCIPLINE_LEVELS,
  ETHNICITY_NAMES,
  FAMILY_RELATIONS,
  PROFESSIONAL_LEVELS,
  RELIGIONS,
  SEXES,
  STATE_MANAGEMENT_LEVELS,
  THEORY_LEVELS,
  TRAINING_FORMS,
} from '../../../contracts/person-catalogs';
import type { FamilyRow, PersonRecord } from '../../../contracts/persons';
import { AppError } from '../../http/errors';
import { formatPartialDate, parsePartialDate } from './person.rules';

const FONT = 'Times New Roman';
const SIZE = 26; // 13 pt, in half-points
const SMALL = 22;
const pt = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; allCaps?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? SIZE, bold: o.bold, italics: o.italics, allCaps: o.allCaps });
const para = (
  runs: (TextRun | ImageRun)[],
  o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; before?: number } = {},
) => new Paragraph({ children: runs, alignment: o.align, spacing: { after: o.after ?? 40, before: o.before ?? 0 } });
/** "label: value" with the value in bold, the way the form is filled by hand. */
const line = (label: string, value: string | null | undefined, more: [string, string | null | undefined][] = []) =>
  para([pt(label), pt(value || '………', { bold: !!value }), ...more.flatMap(([l, v]) => [pt(l), pt(v || '………', { bold: !!v })])]);
const heading = (text: string) => para([pt(text, { bold: true })], { before: 160, after: 80 });

const cellOf = (text: string, o: { bold?: boolean; width?: number } = {}) =>
  new TableCell({
    children: [para([pt(text, { bold: o.bold, size: SMALL })], { after: 0 })],
    width: o.width ? { size: o.width, type: WidthType.PERCENTAGE } : undefined,
    verticalAlign: VerticalAlign.CENTER,
  });
function table(headers: string[], widths: number[], rows: string[][]): Table {
  const body = rows.length ? rows : [headers.map(() => '')];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cellOf(h, { bold: true, width: widths[i] })) }),
      ...body.map((r) => new TableRow({ children: r.map((c, i) => cellOf(c, { width: widths[i] })) })),
    ],
  });
}

function birthText(birth: string): string {
  const d = parsePartialDate(birth);
  if (!d) return birth;
  const dd = d.day === null ? '…' : String(d.day).padStart(2, '0');
  const mm = d.month === null ? '…' : String(d.month).padStart(2, '0');
  return `ngày ${dd} tháng ${mm} năm ${d.year}`;
}
const period = (from: string | null, to: string | null) =>
  `${formatPartialDate(from) || '…'} – ${to ? formatPartialDate(to) : 'nay'}`;
const familyRows = (rows: FamilyRow[]) =>
  rows.map((f) => [
    FAMILY_RELATIONS[f.relation].vi,
    f.fullName,
    f.birthYear ? String(f.birthYear) : '',
    [f.occupation, f.notes].filter(Boolean).join('; '),
  ]);

function photoBox(photo: { mime: string; data: Buffer } | null): TableCell {
  const content = photo
    ? para(
        [
          new ImageRun({
            type: photo.mime === 'image/png' ? 'png' : 'jpg',
            data: photo.data,
            transformation: { width: 113, height: 151 },
          }),
        ],
        { align: AlignmentType.CENTER },
      )
    : para([pt('Ảnh màu', { size: SMALL })], { align: AlignmentType.CENTER });
  return new TableCell({
    width: { size: 20, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.CENTER,
    children: [content, ...(photo ? [] : [para([pt('(4 x 6 cm)', { size: SMALL })], { align: AlignmentType.CENTER })])],
  });
}

export interface PrintInput {
  record: PersonRecord;
  organizationName: string;
  photo: { mime: string; data: Buffer } | null;
}

/** The Mẫu 2C-BNV/2008 CV (sơ yếu lý lịch) as a .docx: A4, Times New Roman 13, the form's numbered items and tables. */
export async function renderCvDocx({ record: r, organizationName, photo }: PrintInput): Promise<Buffer> {
  const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: noBorder,
      bottom: noBorder,
      left: noBorder,
      right: noBorder,
      insideHorizontal: noBorder,
      insideVertical: noBorder,
    },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 60, type: WidthType.PERCENTAGE },
            children: [
              line('Cơ quan, đơn vị có thẩm quyền quản lý CBCC: ', null),
              line('Cơ quan, đơn vị sử dụng CBCC: ', organizationName),
            ],
          }),
          new TableCell({
            width: { size: 40, type: WidthType.PERCENTAGE },
            children: [
              para([pt('Mẫu 2C-BNV/2008', { bold: true })], { align: AlignmentType.RIGHT }),
              para([pt('ban hành kèm theo Quyết định số 06/2008/QĐ-BNV', { italics: true, size: SMALL })], {
                align: AlignmentType.RIGHT,
              }),
            ],
          }),
        ],
      }),
    ],
  });
  const title = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: noBorder,
      bottom: noBorder,
      left: noBorder,
      right: noBorder,
      insideHorizontal: noBorder,
      insideVertical: noBorder,
    },
    rows: [
      new TableRow({
        children: [
          photoBox(photo),
          new TableCell({
            width: { size: 80, type: WidthType.PERCENTAGE },
            verticalAlign: VerticalAlign.CENTER,
            children: [para([pt('SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC', { bold: true, size: 30 })], { align: AlignmentType.CENTER })],
          }),
        ],
      }),
    ],
  });
  const langs = r.languages.map((l) => `${l.language} (${l.level})`).join(', ');
  const body = [
    header,
    para([]),
    title,
    para([]),
    line('1) Họ và tên khai sinh (viết chữ in hoa): ', r.fullName.toLocaleUpperCase('vi')),
    line('2) Tên gọi khác: ', r.otherNames),
    line('3) Sinh ', birthText(r.birthDate), [[', Giới tính (nam, nữ): ', SEXES[r.sex].vi]]),
    line('4) Nơi sinh: ', r.birthPlace),
    line('5) Quê quán: ', r.homeTown),
    line('6) Dân tộc: ', ETHNICITY_NAMES[r.ethnicity] ?? r.ethnicity, [['          7) Tôn giáo: ', RELIGIONS[r.religion].vi]]),
    line('8) Nơi đăng ký hộ khẩu thường trú: ', r.permanentAddress),
    line('9) Nơi ở hiện nay: ', r.currentAddress),
    line('10) Nghề nghiệp khi được tuyển dụng: ', r.occupationBeforeRecruitment),
    line('11) Ngày tuyển dụng: ', formatPartialDate(r.recruitmentDate), [[', Vào cơ quan nào, ở đâu: ', r.recruitingAgency]]),
    line(
      '12) Chức vụ (chức danh) hiện tại: ',
      r.currentTitle,
      r.concurrentTitles ? [['; kiêm nhiệm: ', r.concurrentTitles]] : [],
    ),
    line('13) Công việc chính được giao: ', r.mainDuties),
    line('14) Ngạch công chức (viên chức): ', r.civilServiceRank, [
      [', Mã ngạch: ', r.civilServiceRankCode],
      [', Bậc lương: ', r.salaryGrade?.toString()],
      [', Hệ số: ', r.salaryCoefficient?.toFixed(2)],
      [', Ngày hưởng: ', formatPartialDate(r.salarySince)],
    ]),
    line('15.1- Trình độ giáo dục phổ thông: ', r.generalEducation),
    line(
      '15.2- Trình độ chuyên môn cao nhất: ',
      `${PROFESSIONAL_LEVELS[r.professionalLevel].vi}${r.professionalMajor ? ` – ${r.professionalMajor}` : ''}`,
    ),
    line('15.3- Lý luận chính trị: ', THEORY_LEVELS[r.theoryLevel].vi, [
      ['          15.4- Quản lý nhà nước: ', STATE_MANAGEMENT_LEVELS[r.stateManagement].vi],
    ]),
    line('15.5- Ngoại ngữ: ', langs, [['          15.6- Tin học: ', r.itLevel]]),
    line('16) Ngày vào Đảng Cộng sản Việt Nam: ', formatPartialDate(r.partyAdmissionDate), [
      [', Ngày chính thức: ', formatPartialDate(r.partyOfficialDate)],
    ]),
    line('17) Ngày tham gia tổ chức chính trị - xã hội: ', formatPartialDate(r.socioPoliticalJoinDate)),
    line('18) Ngày nhập ngũ: ', formatPartialDate(r.militaryEnlistedOn), [
      [', Ngày xuất ngũ: ', formatPartialDate(r.militaryDischargedOn)],
      [', Quân hàm cao nhất: ', r.militaryRank],
    ]),
    line('19) Danh hiệu được phong tặng cao nhất: ', r.highestHonour),
    line(
      '20) Học hàm: ',
      r.academicRank === 'none'
        ? null
        : `${r.academicRank === 'giao_su' ? 'Giáo sư' : 'Phó Giáo sư'} (${r.academicRankYear ?? ''})`,
    ),
    line('21) Khen thưởng: ', r.rewards.map((x) => `${x.form} (${formatPartialDate(x.date)})`).join('; ')),
    line(
      '22) Kỷ luật: ',
      r.discipline.map((x) => `${DISCIPLINE_LEVELS[x.level].vi} (${formatPartialDate(x.date)}, ${x.issuer})`).join('; ') ||
        'Không',
    ),
    line('23) Tình trạng sức khỏe: ', r.healthStatus, [
      [', Chiều cao: ', r.heightCm ? `${r.heightCm} cm` : null],
      [', Cân nặng: ', r.weightKg ? `${r.weightKg} kg` : null],
      [', Nhóm máu: ', r.bloodType],
    ]),
    line('24) Là thương binh hạng: ', r.warInvalidGrade, [[', Là con gia đình chính sách: ', r.policyFamily]]),
    line('25) Số CCCD: ', r.cccd, [[', Ngày cấp: ', formatPartialDate(r.cccdIssuedOn)]]),
    heading('26) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ, NGOẠI NGỮ, TIN HỌC'),
    table(
      [
        'Tên trường',
        'Chuyên ngành đào tạo, bồi dưỡng',
        'Từ tháng, năm – đến tháng, năm',
        'Hình thức đào tạo',
        'Văn bằng, chứng chỉ',
      ],
      [26, 24, 18, 14, 18],
      r.training.map((t) => [t.school, t.major ?? '', period(t.from, t.to), TRAINING_FORMS[t.form].vi, t.qualification ?? '']),
    ),
    heading('27) TÓM TẮT QUÁ TRÌNH CÔNG TÁC'),
    table(
      ['Từ tháng, năm đến tháng, năm', 'Chức danh, chức vụ, đơn vị công tác'],
      [25, 75],
      r.workHistory.map((w) => [period(w.from, w.to), `${w.titleName}, ${w.organizationName}`]),
    ),
    heading('28) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN'),
    para([pt(r.personalHistoryNotes ?? '')]),
    para([pt('Quan hệ với nước ngoài: '), pt(r.foreignRelations ?? '')]),
    heading('29) QUAN HỆ GIA ĐÌNH'),
    para([pt('a) Về bản thân: bố, mẹ, vợ (hoặc chồng), các con, anh chị em ruột', { italics: true })]),
    table(
      ['Mối quan hệ', 'Họ và tên', 'Năm sinh', 'Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở'],
      [15, 25, 10, 50],
      familyRows(r.family.filter((f) => f.side === 'own')),
    ),
    para([pt('b) Về bên vợ (hoặc chồng): bố, mẹ, anh chị em ruột', { italics: true })], { before: 120 }),
    table(
      ['Mối quan hệ', 'Họ và tên', 'Năm sinh', 'Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở'],
      [15, 25, 10, 50],
      familyRows(r.family.filter((f) => f.side === 'spouse')),
    ),
    heading('30) HOÀN CẢNH KINH TẾ GIA ĐÌNH'),
    para([pt(r.economicSituation ?? '')]),
    heading('31) DIỄN BIẾN QUÁ TRÌNH LƯƠNG CỦA CÁN BỘ, CÔNG CHỨC'),
    table(
      ['Tháng/năm', 'Mã ngạch/bậc', 'Hệ số lương'],
      [30, 40, 30],
      r.salaryHistory.map((s) => [formatPartialDate(s.from), `${s.rankCode ?? s.rankName}/${s.grade}`, s.coefficient.toFixed(2)]),
    ),
    heading('32) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, ĐƠN VỊ QUẢN LÝ VÀ SỬ DỤNG CÁN BỘ, CÔNG CHỨC'),
    para([pt('……………………………………………………………………………………………')]),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: {
        top: noBorder,
        bottom: noBorder,
        left: noBorder,
        right: noBorder,
        insideHorizontal: noBorder,
        insideVertical: noBorder,
      },
      rows: [
        new TableRow({
          children: [
            new TableCell({
              width: { size: 50, type: WidthType.PERCENTAGE },
              children: [
                para([pt('Người khai', { bold: true })], { align: AlignmentType.CENTER, before: 240 }),
                para([pt('Tôi xin cam đoan những lời khai trên đây là đúng sự thật', { italics: true, size: SMALL })], {
                  align: AlignmentType.CENTER,
                }),
                para([pt('(Ký tên, ghi rõ họ tên)', { italics: true, size: SMALL })], {
                  align: AlignmentType.CENTER,
                  after: 1000,
                }),
                para([pt(r.fullName, { bold: true })], { align: AlignmentType.CENTER }),
              ],
            }),
            new TableCell({
              width: { size: 50, type: WidthType.PERCENTAGE },
              children: [
                para([pt('……, Ngày …… tháng …… năm ……', { italics: true })], { align: AlignmentType.CENTER, before: 240 }),
                para([pt('Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC', { bold: true })], { align: AlignmentType.CENTER }),
                para([pt('(Ký tên, đóng dấu)', { italics: true, size: SMALL })], { align: AlignmentType.CENTER }),
              ],
            }),
          ],
        }),
      ],
    }),
  ];
  const doc = new Document({
    creator: 'CanBo',
    title: `Sơ yếu lý lịch – ${r.fullName}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        // A4 portrait, margins 2 cm top/bottom, 3 cm left (binding), 1.5 cm right.
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } },
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const run = promisify(execFile);
export const SOFFICE = process.env.CANBO_SOFFICE ?? 'soffice';

/** Converts .docx files to PDF with LibreOffice headless (one private profile per call, so calls never collide). */
export async function docxToPdf(files: { name: string; data: Buffer }[]): Promise<{ name: string; data: Buffer }[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'canbo-print-'));
  try {
    const inputs: string[] = [];
    for (const f of files) {
      const p = path.join(dir, f.name);
      await fs.writeFile(p, f.data);
      inputs.push(p);
    }
    try {
      await run(
        SOFFICE,
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          ...inputs,
        ],
        { timeout: 120_000 },
      );
    } catch (e) {
      throw new AppError(
        'INTERNAL',
        'Không chuyển được sang PDF (cần LibreOffice trên máy chủ)',
        'PDF conversion failed (LibreOffice is needed on the server)',
        [{ path: 'soffice', message: String((e as Error).message).slice(0, 200), messageEn: 'soffice failed' }],
      );
    }
    return Promise.all(
      files.map(async (f) => ({
        name: f.name.replace(/\.docx$/, '.pdf'),
        data: await fs.readFile(path.join(dir, f.name.replace(/\.docx$/, '.pdf'))),
      })),
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
