// The count record (biên bản kiểm phiếu) as a .docx: the session, the reconciliation of ballots, per-person counts and
// percentages, the consequences under the policy in force, and the hashes that tie the record to the data.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import {
  BALLOT_OPTIONS,
  BALLOT_OPTION_LABELS,
  EXEMPTION_LABELS,
  VOTE_KIND_LABELS,
  type VoteDetail,
} from '../../../contracts/votes';

export const vnDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');
export const p = (text: string, opts: { bold?: boolean; center?: boolean; size?: number } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    children: [new TextRun({ text, bold: opts.bold, size: opts.size ?? 24, font: 'Times New Roman' })],
  });
const cell = (text: string, bold = false) => new TableCell({ children: [p(text, { bold, size: 22 })] });
export const table = (rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((r, i) => new TableRow({ children: r.map((t) => cell(t, i === 0)) })),
  });

export async function countRecordDocx(detail: VoteDetail, auditHead: string, printedAt: Date): Promise<Buffer> {
  const count = detail.count!;
  const result = detail.result!;
  const exempt = detail.subjects.filter((s) => s.exemption);
  const options = BALLOT_OPTIONS[result.ballot.shape];
  const children: (Paragraph | Table)[] = [
    p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, center: true }),
    p('Độc lập - Tự do - Hạnh phúc', { bold: true, center: true }),
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: 'BIÊN BẢN KIỂM PHIẾU', bold: true, size: 32, font: 'Times New Roman' })],
    }),
    p(`${VOTE_KIND_LABELS[detail.kind].vi}: ${detail.title}`, { center: true, bold: true }),
    p(`Đơn vị: ${detail.organizationName}. Ngày lấy phiếu: ${vnDate(detail.voteDate)}.`),
    p(`Thành phần tham gia: ${detail.voterGroup}.`),
    ...(detail.voterGroupRule?.citation
      ? [
          p(
            `Thành phần theo quy định (${detail.voterGroupRule.ruleId}): ${detail.voterGroupRule.citation}${detail.voterGroupRule.unconfirmed ? ' — tóm tắt, chưa đối chiếu nguyên văn' : ''}.`,
          ),
        ]
      : []),
    ...(detail.servesStep
      ? [
          p(
            `Phục vụ bước "${detail.servesStep.stepLabel.vi}" của quy trình ${detail.servesStep.action.vi.toLowerCase()} đối với ${detail.servesStep.personName}${detail.servesStep.citation ? ` (${detail.servesStep.citation})` : ''}.`,
          ),
        ]
      : []),
    p(`Quy định áp dụng: ${result.policyVersion}. ${result.quorum.detail} (${result.quorum.citation}).`),
    p('1. Số phiếu', { bold: true }),
    table([
      ['Triệu tập', 'Phát ra', 'Thu về', 'Hợp lệ', 'Không hợp lệ'],
      [String(detail.summonedCount), String(count.issued), String(count.collected), String(count.valid), String(count.invalid)],
    ]),
    p('2. Kết quả đối với từng người (tỷ lệ trên số phiếu thu về)', { bold: true }),
    table([
      ['TT', 'Họ và tên', 'Chức vụ', ...options.map((k) => BALLOT_OPTION_LABELS[k].vi), 'Không hợp lệ'],
      ...result.subjects.map((s, i) => [
        String(i + 1),
        s.fullName,
        s.titleText,
        ...options.map((k) => `${s.counts[k] ?? 0} (${s.overCollected[k] ?? 0}%)`),
        `${s.counts.invalid} (${s.overCollected.invalid}%)`,
      ]),
    ]),
  ];
  const consequences = result.subjects.flatMap((s) =>
    s.consequences.filter((v) => !v.passed).map((v) => `${s.fullName}: ${v.detail} (${v.citation}).`),
  );
  children.push(p('3. Hệ quả theo quy định', { bold: true }));
  children.push(
    ...(consequences.length
      ? consequences.map((c) => p(c))
      : [p('Không có trường hợp nào đến ngưỡng tín nhiệm thấp theo quy định.')]),
  );
  if (!result.quorum.passed)
    children.push(p('Không đủ số người tham gia theo quy định: kết quả không được sử dụng.', { bold: true }));
  if (exempt.length) {
    children.push(p('4. Không lấy phiếu', { bold: true }));
    children.push(
      ...exempt.map((s) =>
        p(
          `${s.fullName} (${s.titleText}): ${EXEMPTION_LABELS[s.exemption!.reason].vi}${s.exemption!.note ? ` — ${s.exemption!.note}` : ''}.`,
        ),
      ),
    );
  }
  children.push(
    p('Xác thực số liệu', { bold: true }),
    p(
      `Kết quả được hai thành viên ban kiểm phiếu nhập độc lập và trùng khớp: ${detail.paper?.enteredBy.map((e) => e.fullName).join(', ') ?? ''}.`,
    ),
    p(`Mã băm kết quả (SHA-256): ${detail.boardHash}`, { size: 18 }),
    p(`Mã băm nhật ký hệ thống tại thời điểm in: ${auditHead}`, { size: 18 }),
    p(`In lúc ${printedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC.`, { size: 18 }),
    p(''),
    table([
      ['TRƯỞNG BAN KIỂM PHIẾU', 'CÁC THÀNH VIÊN'],
      ['(ký, ghi rõ họ tên)', '(ký, ghi rõ họ tên)'],
    ]),
  );
  const doc = new Document({ creator: 'CanBo', title: `Biên bản kiểm phiếu — ${detail.title}`, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
