import ExcelJS from 'exceljs';
import { neutralizeWorkbook } from '../../lib/xlsx-cells';
import {
  ENROLMENT_STATUS_LABELS,
  COURSE_KIND_LABELS,
  COURSE_KINDS,
  STANDARD_REQUIREMENT_LABELS,
  type PlanNeeds,
  type TrainingPlan,
} from '../../../contracts/training';
import { STATE_MANAGEMENT_LEVELS, THEORY_LEVELS } from '../../../contracts/person-catalogs';
import { EDUCATION_LABELS } from '../../../contracts/policy';

const ddmmyyyy = (iso: string | null): string => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

function sheetWithTitle(book: ExcelJS.Workbook, name: string, title: string, subtitle: string, widths: number[]) {
  const sheet = book.addWorksheet(name);
  sheet.columns = widths.map((width) => ({ width }));
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow([subtitle]).font = { italic: true };
  sheet.addRow([]);
  return sheet;
}

/** The unit's yearly training plan: counts by course kind, then who must finish what by when. */
export async function planXlsx(plan: TrainingPlan, organizationName: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'CanBo';
  const counts = sheetWithTitle(
    book,
    'Theo loại khóa',
    `Kế hoạch đào tạo, bồi dưỡng năm ${plan.year}`,
    organizationName,
    [36, 14, 14, 14],
  );
  counts.addRow(['Loại khóa', 'Số khóa', 'Số lượt cử đi học', 'Đã hoàn thành']).font = { bold: true };
  for (const k of COURSE_KINDS) {
    const c = plan.byKind[k];
    counts.addRow([COURSE_KIND_LABELS[k].vi, c?.courses ?? 0, c?.enrolled ?? 0, c?.completed ?? 0]);
  }
  const due = sheetWithTitle(
    book,
    'Thời hạn hoàn thành',
    `Ai phải hoàn thành khóa nào, trước ngày nào — năm ${plan.year}`,
    organizationName,
    [32, 44, 30, 16, 16],
  );
  due.addRow(['Họ và tên', 'Khóa học', 'Loại khóa', 'Hoàn thành trước', 'Tình trạng']).font = { bold: true };
  for (const d of plan.due)
    due.addRow([
      d.personName,
      d.courseName,
      COURSE_KIND_LABELS[d.kind].vi,
      ddmmyyyy(d.dueBy),
      ENROLMENT_STATUS_LABELS[d.status].vi,
    ]);
  neutralizeWorkbook(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Training needs of a plan: one row per person and gap, with the title's standard and its source. */
export async function needsXlsx(needs: PlanNeeds): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'CanBo';
  const sheet = sheetWithTitle(
    book,
    'Nhu cầu đào tạo',
    `Nhu cầu đào tạo, bồi dưỡng của người trong quy hoạch — hoàn thành trước ${ddmmyyyy(needs.dueBy)}`,
    needs.planName,
    [30, 30, 34, 22, 22, 22, 48, 48, 40, 60],
  );
  sheet.addRow([
    'Họ và tên',
    'Đơn vị',
    'Chức danh quy hoạch',
    'Lý luận chính trị cần',
    'Trình độ chuyên môn cần',
    'Quản lý nhà nước cần',
    'Còn thiếu (nhu cầu đào tạo)',
    'Tiêu chuẩn không giải quyết bằng đào tạo',
    'Khóa đã cử / đã học',
    'Căn cứ',
  ]).font = { bold: true };
  for (const p of needs.people)
    sheet.addRow([
      p.personName,
      p.organizationName,
      p.targetTitleName ?? '',
      p.standards ? THEORY_LEVELS[p.standards.theory].vi : '',
      p.standards ? EDUCATION_LABELS[p.standards.education].vi : '',
      p.standards ? STATE_MANAGEMENT_LEVELS[p.standards.stateManagement].vi : '',
      p.standards
        ? p.gaps.length
          ? p.gaps.map((g) => g.detail.vi).join('; ')
          : 'Đạt tiêu chuẩn'
        : 'Chưa có tiêu chuẩn của chức danh',
      p.checks
        .filter((c) => c.status === 'not_training')
        .map((c) => `${STANDARD_REQUIREMENT_LABELS[c.requirement].vi} ${c.required.vi}: ${c.reason?.vi ?? ''}`)
        .join('; '),
      p.courses.map((c) => `${c.courseName} (${ENROLMENT_STATUS_LABELS[c.status].vi.toLowerCase()})`).join('; '),
      p.citation ? `${p.citation}${p.unconfirmed ? ' (có tiêu chuẩn chưa đối chiếu văn bản)' : ''}` : '',
    ]);
  sheet.addRow([]);
  sheet.addRow(['Số người còn cần học, theo loại khóa']).font = { bold: true };
  for (const k of COURSE_KINDS) if (needs.stillNeeded[k]) sheet.addRow([COURSE_KIND_LABELS[k].vi, needs.stillNeeded[k]]);
  neutralizeWorkbook(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}
