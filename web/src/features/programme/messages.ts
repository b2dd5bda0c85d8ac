import type { Bilingual } from '../../ui/i18n';

/** Labels added to the programme pages this session (kept here, not in the shared dictionary). */
export const PM = {
  exportItems: { vi: 'Xuất chương trình ra Excel', en: 'Export the programme to Excel' },
  exportItemsHint: {
    vi: 'Tải toàn bộ đề án, nhiệm vụ đang lọc (mọi trang) kèm hạn, trạng thái, văn bản kết quả thành tệp .xlsx',
    en: 'Download every filtered item (all pages) with due dates, status and outcome documents as .xlsx',
  },
} satisfies Record<string, Bilingual>;
