import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Readable } from 'node:stream';
import { DOCUMENT_TYPE_LABELS, ISSUING_BODY_INFO } from '../../../contracts/document-numbering';
import { PARTICIPATION_LABELS } from '../../../contracts/documents';
import type { YearSummary } from '../../../contracts/programme';
import { streamXlsx } from '../../lib/stream-export';

const HEADERS = ['Hình thức', 'Loại văn bản', 'Cơ quan ban hành', 'Số lượng'];

function tableRows(summary: YearSummary): string[][] {
  const rows = summary.rows.map((r) => [
    PARTICIPATION_LABELS[r.participation].vi,
    DOCUMENT_TYPE_LABELS[r.type].vi,
    ISSUING_BODY_INFO[r.issuingBody].vi,
    String(r.count),
  ]);
  if (summary.proposals.total > 0)
    rows.unshift([
      'Đề án hoàn thành / tổng số',
      'Đề án',
      summary.proposals.bodies.map((b) => ISSUING_BODY_INFO[b].vi).join(', '),
      `${summary.proposals.done}/${summary.proposals.total}`,
    ]);
  return rows;
}

const title = (s: YearSummary) => `Kết quả thực hiện chương trình công tác năm ${s.year}`;

/**
 * The year summary as a Word document: heading, the sentence, then the table by type and issuing body. The packed
 * file is streamed (the zip is written as it is read), not assembled into one buffer first.
 */
export function summaryDocx(summary: YearSummary): Readable {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const doc = new Document({
    creator: 'CanBo',
    title: title(summary),
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            alignment: AlignmentType.CENTER,
            children: [new TextRun(title(summary))],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: summary.scopeName, italics: true })] }),
          new Paragraph({
            spacing: { before: 240, after: 240 },
            alignment: AlignmentType.JUSTIFIED,
            children: [new TextRun(summary.sentence)],
          }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: HEADERS.map((h) => cell(h, true)) }),
              ...tableRows(summary).map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toStream(doc) as Readable;
}

/** The year summary as a workbook, streamed: the title, scope and sentence on top, the table below, numbers as numbers. */
export function summaryXlsx(summary: YearSummary): Readable {
  const rows = tableRows(summary).map((r) => [r[0], r[1], r[2], /^\d+$/.test(r[3]!) ? Number(r[3]) : r[3]]);
  return streamXlsx([
    {
      name: `Năm ${summary.year}`,
      columns: HEADERS.map((header, i) => ({ header, width: [30, 18, 48, 12][i]! })),
      preamble: [title(summary), summary.scopeName, summary.sentence],
      pages: (async function* () {
        yield rows;
      })(),
    },
  ]);
}
