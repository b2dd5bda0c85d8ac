// The information pack printed for the voters: one section per person, in the order the policy lists the sections.
import { Document, Packer, Paragraph, type Table } from 'docx';
import type { InfoPack, InfoPackPerson, InfoPackSection } from '../../../contracts/vote-info-pack';
import { p, table, vnDate } from './vote.record';

const partial = (d: string) => d.split('-').reverse().join('/');
const percent = (n: number) => `${n.toFixed(1).replace('.', ',')}%`;

function section(person: InfoPackPerson, key: InfoPackSection): (Paragraph | Table)[] {
  switch (key) {
    case 'cv': {
      const cv = person.cv;
      if (!cv) return [p('Chưa có hồ sơ cán bộ trong hệ thống.')];
      return [
        p(
          `${cv.sex.vi}, sinh ngày ${partial(cv.birthDate)}; dân tộc ${cv.ethnicity}${cv.homeTown ? `; quê quán ${cv.homeTown}` : ''}.`,
        ),
        p(
          `Đơn vị công tác: ${cv.organizationName}. Chuyên môn: ${cv.professionalLevel.vi}. Lý luận chính trị: ${cv.theoryLevel.vi}.`,
        ),
        ...(cv.partyAdmissionDate ? [p(`Ngày vào Đảng: ${partial(cv.partyAdmissionDate)}.`)] : []),
        ...(cv.workHistory.length
          ? [
              table([
                ['Từ', 'Đến', 'Chức vụ', 'Đơn vị'],
                ...cv.workHistory.map((w) => [partial(w.from), w.to ? partial(w.to) : 'nay', w.titleName, w.organizationName]),
              ]),
            ]
          : []),
      ];
    }
    case 'self-assessment': {
      const s = person.selfAssessment;
      if (!s) return [p('Chưa có bản tự đánh giá trong hệ thống.')];
      return [
        p(
          `${s.cycleTitle}${s.cycleTitle.includes(String(s.year)) ? '' : ` (năm ${s.year})`}${s.selfPoints !== null ? `, tự chấm ${String(s.selfPoints).replace('.', ',')} điểm` : ''}${s.decidedLevel ? `; xếp loại: ${s.decidedLevel.vi}` : ''}.`,
        ),
        p(s.comment ?? '(Không có nhận xét kèm theo.)'),
      ];
    }
    case 'ratings':
      return person.ratings.length
        ? [table([['Năm', 'Xếp loại chất lượng'], ...person.ratings.map((r) => [String(r.year), r.level.vi])])]
        : [p('Chưa có kết quả xếp loại trong hệ thống.')];
    case 'previous-votes':
      return person.previousVotes.length
        ? [
            table([
              ['Ngày lấy phiếu', 'Phiếu thu về', 'Tín nhiệm cao', 'Tín nhiệm', 'Tín nhiệm thấp'],
              ...person.previousVotes.map((v) => [
                vnDate(v.voteDate),
                String(v.collected),
                percent(v.pctHigh),
                percent(v.pctMedium),
                percent(v.pctLow),
              ]),
            ]),
          ]
        : [p('Chưa có lần lấy phiếu tín nhiệm nào trước đây trong hệ thống.')];
  }
}

export async function infoPackDocx(pack: InfoPack): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    p('TÀI LIỆU CUNG CẤP CHO NGƯỜI THAM GIA LẤY PHIẾU TÍN NHIỆM', { bold: true, center: true, size: 28 }),
    p(`${pack.title} — ${pack.organizationName} — ngày ${vnDate(pack.voteDate)}`, { center: true }),
    p(`Căn cứ: ${pack.rule.citation}${pack.rule.unconfirmed ? ' (danh mục tóm tắt, chưa đối chiếu nguyên văn)' : ''}.`),
  ];
  pack.people.forEach((person, i) => {
    children.push(new Paragraph({ text: '' }), p(`${i + 1}. ${person.fullName} — ${person.titleText}`, { bold: true, size: 26 }));
    pack.sections.forEach((s, j) =>
      children.push(p(`${i + 1}.${j + 1}. ${s.label.vi}`, { bold: true }), ...section(person, s.key)),
    );
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
