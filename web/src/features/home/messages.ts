import type { WorkQueueKey } from '@contracts/home';

import type { Bilingual } from '../../ui/i18n';

export const WORK_QUEUE_TITLE: Bilingual = { vi: 'Việc đang chờ xử lý', en: 'Work waiting for you' };
export const WORK_QUEUE_EMPTY: Bilingual = {
  vi: 'Vai trò của bạn không có loại việc nào cần theo dõi ở đây.',
  en: 'Your role has no kind of work to follow here.',
};

export const WORK_QUEUE_LABELS: Record<WorkQueueKey, { title: Bilingual; hint: Bilingual }> = {
  'declarations-pending': {
    title: { vi: 'Kê khai bổ sung hồ sơ chờ duyệt', en: 'Record declarations awaiting approval' },
    hint: {
      vi: 'Cán bộ tự kê khai thay đổi; chỉ khi duyệt hồ sơ mới thay đổi.',
      en: 'Changes proposed by cadres; the record changes only when approved.',
    },
  },
  'vote-consequences-open': {
    title: { vi: 'Kết quả lấy phiếu cần xử lý', en: 'Vote consequences to handle' },
    hint: {
      vi: 'Tín nhiệm thấp vượt ngưỡng: đưa ra khỏi quy hoạch, xem xét cho thôi chức vụ… (thẻ "Hậu quả").',
      en: 'Low confidence above a threshold: out of planning, relief from post… ("Consequences" tab).',
    },
  },
  'dismissals-to-start': {
    title: { vi: 'Quy trình miễn nhiệm phải khởi động', en: 'Dismissal procedures to start' },
    hint: {
      vi: 'Do kết quả lấy phiếu tín nhiệm; xem thẻ "Cần khởi động".',
      en: 'Raised by a confidence vote; see the "To start" tab.',
    },
  },
  'decisions-open': {
    title: { vi: 'Quy trình nhân sự đang thực hiện', en: 'Personnel processes in progress' },
    hint: {
      vi: 'Bổ nhiệm, bổ nhiệm lại, luân chuyển, giới thiệu ứng cử, miễn nhiệm, từ chức chưa có quyết định.',
      en: 'Appointments, reappointments, rotations, nominations, dismissals, resignations not yet decided.',
    },
  },
  'votes-in-progress': {
    title: { vi: 'Hội nghị lấy phiếu chưa kết thúc', en: 'Votes not yet closed' },
    hint: { vi: 'Đang chuẩn bị, đang bỏ phiếu hoặc đang kiểm phiếu.', en: 'Being prepared, open for ballots or being tallied.' },
  },
  'planning-in-progress': {
    title: { vi: 'Đề án quy hoạch chưa được phê duyệt', en: 'Planning cycles not yet approved' },
    hint: { vi: 'Dự thảo, đang giới thiệu qua các bước hoặc đã trình.', en: 'Draft, in recommendation rounds or submitted.' },
  },
  'planning-review-due': {
    title: { vi: 'Quy hoạch chưa rà soát, bổ sung năm nay', en: 'Planning not yet reviewed this year' },
    hint: {
      vi: 'Quy hoạch đã phê duyệt trong nhiệm kỳ phải rà soát hằng năm.',
      en: 'Approved planning within its term must be reviewed every year.',
    },
  },
};
