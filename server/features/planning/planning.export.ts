import {
  AlignmentType,
  BorderStyle,
  Document,
  PageOrientation,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { neutralizeWorkbook } from '../../lib/xlsx-cells';
import { COMMITTEE_KIND_LABELS, type CycleDetail, READINESS_LABELS, type Plan } from '../../../contracts/planning';
import type { PlanningReport } from '../../../contracts/planning-work';

// The plan in the official list layout (danh sách quy hoạch): the issuing body and the Party's name on top, the
// title, then one block per title with the people in rank order; the workbook adds the succession report.

const dmy = (iso: string) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '');
const HEADERS = [
  'STT',
  'Họ và tên',
  'Ngày sinh (Nam)',
  'Ngày sinh (Nữ)',
  'Dân tộc',
  'Chức vụ, đơn vị công tác hiện nay',
  'Mức sẵn sàng',
  'Ghi chú',
];

const planTitle = (p: Plan) =>
  p.kind === 'seat'
    ? `${p.titleName ?? ''} ${p.organizationName}`
    : `${p.committeeKind ? COMMITTEE_KIND_LABELS[p.committeeKind].vi : 'Cấp ủy'} ${p.organizationName}`;

function rowsOf(p: Plan): string[][] {
  return p.candidates.map((c, i) => [
    String(i + 1),
    c.fullName,
    c.sex === 'M' ? dmy(c.birthDate) : '',
    c.sex === 'F' ? dmy(c.birthDate) : '',
    c.ethnicity === '01' ? 'Kinh' : `Mã ${c.ethnicity}`,
    [c.currentTitle, c.organizationName].filter(Boolean).join(', '),
    READINESS_LABELS[c.readiness].vi,
    [c.emergency ? 'Kế cận khẩn cấp' : '', c.notes ?? ''].filter(Boolean).join('; '),
  ]);
}

const listTitle = (d: CycleDetail) => `DANH SÁCH CÁN BỘ QUY HOẠCH NHIỆM KỲ ${d.termFrom}–${d.termTo}`;

export async function planningDocx(d: CycleDetail): Promise<Buffer> {
  const text = (t: string, o: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text: t, ...o });
  const cell = (t: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [text(t, { bold })] })] });
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: [text(d.organizationName.toUpperCase())] }),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [text(d.approvingAuthority.toUpperCase(), { bold: true })],
              }),
              new Paragraph({ alignment: AlignmentType.CENTER, children: [text('*')] }),
            ],
          }),
          new TableCell({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [text('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true })],
              }),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [text(`Ngày lập: ${dmy(d.policyDate)}`, { italics: true })],
              }),
            ],
          }),
        ],
      }),
    ],
  });
  const blocks = d.plans.flatMap((p) => [
    new TableRow({
      children: [
        new TableCell({
          columnSpan: HEADERS.length,
          children: [new Paragraph({ children: [text(`Chức danh quy hoạch: ${planTitle(p)}`, { bold: true })] })],
        }),
      ],
    }),
    ...rowsOf(p).map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
  ]);
  const doc = new Document({
    creator: 'CanBo',
    title: listTitle(d),
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          header,
          new Paragraph({
            spacing: { before: 360 },
            alignment: AlignmentType.CENTER,
            children: [text(listTitle(d), { bold: true })],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [text(d.name, { italics: true })] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [text(`Mốc tính tuổi: ${dmy(d.referenceDate)}${d.referenceLabel ? ` (${d.referenceLabel})` : ''}`)],
          }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [new TableRow({ tableHeader: true, children: HEADERS.map((h) => cell(h, true)) }), ...blocks],
          }),
          new Paragraph({
            spacing: { before: 240 },
            children: [
              text(
                `Tổng số: ${d.structure.total} người; nữ ${d.structure.women}; trẻ ${d.structure.young}; dân tộc thiểu số ${d.structure.ethnicMinority}.`,
              ),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The list in the same layout, then the succession report, coverage and structure, one sheet each. */
export async function planningXlsx(d: CycleDetail, report: PlanningReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'CanBo';
  const list = book.addWorksheet('Danh sách quy hoạch');
  list.columns = [
    { width: 6 },
    { width: 28 },
    { width: 14 },
    { width: 14 },
    { width: 10 },
    { width: 48 },
    { width: 16 },
    { width: 30 },
  ];
  list.addRow([listTitle(d)]).font = { bold: true, size: 14 };
  list.addRow([`${d.name} — ${d.organizationName}`]).font = { italic: true };
  list.addRow([`Mốc tính tuổi: ${dmy(d.referenceDate)}`]);
  list.addRow([]);
  list.addRow(HEADERS).font = { bold: true };
  for (const p of d.plans) {
    const head = list.addRow([`Chức danh quy hoạch: ${planTitle(p)}`]);
    head.font = { bold: true };
    list.mergeCells(head.number, 1, head.number, HEADERS.length);
    for (const r of rowsOf(p)) list.addRow([Number(r[0]), ...r.slice(1)]);
  }

  const chart = book.addWorksheet('Kế cận theo vị trí');
  chart.columns = [
    { width: 40 },
    { width: 30 },
    { width: 14 },
    { width: 14 },
    { width: 6 },
    { width: 28 },
    { width: 16 },
    { width: 14 },
  ];
  chart.addRow([
    'Vị trí',
    'Người đang giữ',
    'Hết nhiệm kỳ',
    'Nghỉ hưu',
    'Thứ tự',
    'Người kế cận',
    'Mức sẵn sàng',
    'Nghỉ hưu',
  ]).font = { bold: true };
  for (const s of report.seats) {
    const inc = s.incumbents[0];
    const seat = `${s.titleName} — ${s.organizationName}`;
    if (s.successors.length === 0)
      chart.addRow([seat, inc?.fullName ?? '', dmy(inc?.termEnd ?? ''), dmy(inc?.retirementDate ?? ''), '', '(chưa có)']);
    for (const [i, c] of s.successors.entries())
      chart.addRow([
        i === 0 ? seat : '',
        i === 0 ? (inc?.fullName ?? '') : '',
        i === 0 ? dmy(inc?.termEnd ?? '') : '',
        i === 0 ? dmy(inc?.retirementDate ?? '') : '',
        c.rank,
        c.fullName,
        READINESS_LABELS[c.readiness].vi,
        dmy(c.retirementDate),
      ]);
  }

  const sum = book.addWorksheet('Tổng hợp');
  sum.columns = [{ width: 50 }, { width: 12 }, { width: 12 }, { width: 14 }, { width: 30 }];
  sum.addRow(['Độ bao phủ vị trí chủ chốt']).font = { bold: true };
  sum.addRow(['Số vị trí', report.coverage.seats]);
  sum.addRow(['Có ít nhất một người sẵn sàng ngay', report.coverage.withReadyNow]);
  sum.addRow(['Tỷ lệ (%)', report.coverage.percent]);
  for (const s of report.coverage.withoutReadyNow) sum.addRow([`Chưa có người sẵn sàng: ${s.titleName} — ${s.organizationName}`]);
  sum.addRow([]);
  sum.addRow(['Cơ cấu', 'Số người', 'Tổng số', 'Chỉ tiêu (%)', 'Căn cứ']).font = { bold: true };
  for (const r of report.structure) sum.addRow([r.label.vi, r.count, r.total, r.targetPercent ?? '', r.citation ?? '']);
  sum.addRow([]);
  sum.addRow(['Độ tuổi', 'Số người', '', '', report.ageBandsCitation ?? '']).font = { bold: true };
  for (const b of report.ageBands) sum.addRow([b.label.vi, b.count]);
  neutralizeWorkbook(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}
