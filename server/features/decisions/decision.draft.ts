// The decision as a .docx draft in the layout of administrative documents (NĐ 30/2020/NĐ-CP): issuer and number on
// the left, the national motto and place-date on the right, the title and subject, the grounds, the articles, the
// recipients and the signature block. Before the decision the blanks are dotted and the page says "DỰ THẢO".
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { ACTION_LABELS, type DraftQuery, type ProcessDetail, draftQuerySchema } from '../../../contracts/decisions';
import type { Db } from '../../db/database';
import type { Actor } from '../access/access.rules';
import { parseRecord } from '../persons/person.mapper';
import { findPerson } from '../persons/person.repository';
import type { PolicyLibrary } from '../policy/policy.library';
import { getProcess } from './decision.read';
import * as repo from './decision.repository';

export interface DraftInput {
  issuer: string;
  place: string;
  number: string | null;
  decisionDate: string | null;
  effectiveDate: string | null;
  signerName: string | null;
  action: ProcessDetail['action'];
  personName: string;
  honorific: 'Ông' | 'Bà';
  currentTitle: string | null;
  positionName: string;
  organizationName: string;
  termYears: number | null;
  citation: string;
  steps: { label: string; completedOn: string | null; minutesRef: string | null }[];
  draft: boolean;
}

const DOTS = '……';
const FONT = 'Times New Roman';
const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, bold: o.bold, italics: o.italics, size: o.size ?? 28, font: FONT });
const para = (
  text: string,
  o: { bold?: boolean; italics?: boolean; center?: boolean; size?: number; right?: boolean; indent?: boolean } = {},
) =>
  new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : o.right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: o.indent ? { firstLine: 567 } : undefined,
    spacing: { after: 80 },
    children: [run(text, o)],
  });
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const borderless = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
const twoColumns = (left: Paragraph[], right: Paragraph[], leftPct = 40) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: borderless,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: leftPct, type: WidthType.PERCENTAGE }, borders: borderless, children: left }),
          new TableCell({ width: { size: 100 - leftPct, type: WidthType.PERCENTAGE }, borders: borderless, children: right }),
        ],
      }),
    ],
  });
const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const placeDate = (place: string, iso: string | null) => {
  if (!iso) return `${place}, ngày ${DOTS} tháng ${DOTS} năm ${DOTS}`;
  const [y, m, d] = iso.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
};

/** What the first article says the decision does, in the words of a decision of that kind. */
function articleOne(i: DraftInput): string {
  const who = `${i.honorific} ${i.personName}${i.currentTitle ? `, ${i.currentTitle}` : ''}`;
  const seat = `${i.positionName}, ${i.organizationName}`;
  const from = i.effectiveDate ? `kể từ ngày ${vnDate(i.effectiveDate)}` : `kể từ ngày ${DOTS}`;
  const term = i.termYears ? `; thời hạn giữ chức vụ là ${i.termYears} năm ${from}` : ` ${from}`;
  switch (i.action) {
    case 'appointment':
      return `Bổ nhiệm ${who} giữ chức vụ ${seat}${term}.`;
    case 'reappointment':
      return `Bổ nhiệm lại ${who} giữ chức vụ ${seat}${term}.`;
    case 'rotation':
      return `Luân chuyển ${who} đến công tác và giữ chức vụ ${seat}${term}.`;
    case 'transfer':
      return `Điều động ${who} đến công tác và giữ chức vụ ${seat}${term}.`;
    case 'secondment':
      return `Biệt phái ${who} đến công tác tại ${seat} ${from}.`;
    case 'nomination':
      return `Giới thiệu ${who} ứng cử chức danh ${seat}.`;
    case 'dismissal':
      return `Miễn nhiệm chức vụ ${seat} đối với ${who} ${from}.`;
    case 'relief':
      return `Cho ${who} thôi giữ chức vụ ${seat} ${from}.`;
    case 'resignation':
      return `Chấp thuận để ${who} từ chức ${seat} ${from}.`;
    case 'suspension':
      return `Tạm đình chỉ công tác đối với ${who}, ${seat}, ${from}.`;
    case 'retirement':
      return `${who} thôi giữ chức vụ ${seat} để nghỉ hưu ${from}.`;
  }
}

/** The .docx bytes of the decision (a draft until it is taken). */
export async function decisionDocx(i: DraftInput): Promise<Buffer> {
  const subject = `Về việc ${ACTION_LABELS[i.action].vi.toLowerCase()} ${i.honorific.toLowerCase()} ${i.personName}`;
  const children: (Paragraph | Table)[] = [];
  if (i.draft) children.push(para('DỰ THẢO', { bold: true, right: true, size: 24 }));
  children.push(
    twoColumns(
      [
        para(i.issuer.toUpperCase(), { bold: true, center: true, size: 26 }),
        para(i.number ? `Số: ${i.number}` : `Số: ${DOTS}/QĐ-${DOTS}`, { center: true, size: 26 }),
      ],
      [
        para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, center: true, size: 26 }),
        para('Độc lập - Tự do - Hạnh phúc', { bold: true, center: true }),
        para(placeDate(i.place, i.decisionDate), { italics: true, center: true }),
      ],
    ),
    para(''),
    para('QUYẾT ĐỊNH', { bold: true, center: true }),
    para(subject, { bold: true, center: true }),
    para(''),
    para(i.issuer.toUpperCase(), { bold: true, center: true }),
    para(`Căn cứ ${i.citation};`, { italics: true, indent: true }),
    ...i.steps
      .filter((s) => s.completedOn)
      .map((s) =>
        para(`Căn cứ ${s.minutesRef ?? 'biên bản'} ngày ${vnDate(s.completedOn!)} (${s.label.toLowerCase()});`, {
          italics: true,
          indent: true,
        }),
      ),
    para('Xét đề nghị của cơ quan tham mưu về tổ chức cán bộ,', { italics: true, indent: true }),
    para('QUYẾT ĐỊNH:', { bold: true, center: true }),
    new Paragraph({ indent: { firstLine: 567 }, children: [run('Điều 1. ', { bold: true }), run(articleOne(i))] }),
    new Paragraph({
      indent: { firstLine: 567 },
      children: [
        run('Điều 2. ', { bold: true }),
        run(
          `Quyết định này có hiệu lực kể từ ngày ${i.effectiveDate ? vnDate(i.effectiveDate) : DOTS}. Các chế độ, chính sách đối với ${i.honorific.toLowerCase()} ${i.personName} thực hiện theo quy định hiện hành.`,
        ),
      ],
    }),
    new Paragraph({
      indent: { firstLine: 567 },
      children: [
        run('Điều 3. ', { bold: true }),
        run(
          `Thủ trưởng cơ quan tham mưu về tổ chức cán bộ, ${i.organizationName}, các cơ quan, đơn vị có liên quan và ${i.honorific.toLowerCase()} ${i.personName} chịu trách nhiệm thi hành Quyết định này./.`,
        ),
      ],
    }),
    para(''),
    twoColumns(
      [
        new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
        para('- Như Điều 3;', { size: 22 }),
        para('- Lưu: VT, hồ sơ cán bộ.', { size: 22 }),
      ],
      [
        para(`TM. ${i.issuer.toUpperCase()}`, { bold: true, center: true, size: 26 }),
        para('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true, center: true, size: 22 }),
        para(''),
        para(''),
        para(i.signerName ?? DOTS, { bold: true, center: true }),
      ],
      50,
    ),
  );
  const doc = new Document({
    creator: 'CanBo',
    title: `Quyết định — ${i.personName}`,
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children }],
  });
  return Packer.toBuffer(doc);
}

/** Loads the process (scoped) and builds its decision: the recorded values once decided, else the query's or blanks. */
export async function draftOf(
  db: Db,
  library: PolicyLibrary,
  actor: Actor,
  id: string,
  query: DraftQuery,
): Promise<{ bytes: Buffer; fileName: string }> {
  const q = draftQuerySchema.parse(query);
  const p = await getProcess(db, library, actor, id);
  const person = await findPerson(db, p.personId);
  const record = person ? parseRecord(person.data_json) : null;
  const seat = (await repo.findSeat(db, p.positionId))!;
  const parent = await repo.parentOrganization(db, seat.organization_id);
  const issuer = q.issuer ?? parent?.name ?? seat.organization_name;
  const place = /tỉnh (.+)$/iu.exec(issuer)?.[1] ?? /thành phố (.+)$/iu.exec(issuer)?.[1] ?? DOTS;
  const d = p.decision;
  const bytes = await decisionDocx({
    issuer,
    place,
    number: d?.number ?? q.number ?? null,
    decisionDate: d?.decisionDate ?? q.decisionDate ?? null,
    effectiveDate: d?.effectiveDate ?? q.effectiveDate ?? null,
    signerName: d?.signerName ?? q.signerName ?? null,
    action: p.action,
    personName: p.personName,
    honorific: record?.sex === 'F' ? 'Bà' : 'Ông',
    currentTitle: record?.currentTitle ?? null,
    positionName: p.positionName,
    organizationName: seat.organization_name,
    termYears: seat.term_years === null ? null : Number(seat.term_years),
    citation: p.citation,
    steps: p.steps.map((s) => ({ label: s.label.vi, completedOn: s.completedOn, minutesRef: s.minutesRef })),
    draft: d === null,
  });
  return { bytes, fileName: `quyet-dinh-${p.id}.docx` };
}
