import type { Bilingual } from '../../ui/i18n';

/** Labels added to the register pages this session (kept here, not in the shared dictionary). */
export const DM = {
  remove: { vi: 'Xóa', en: 'Remove' },
  removeFile: { vi: 'Xóa tệp đính kèm này? Thao tác được ghi nhật ký.', en: 'Remove this attachment? The removal is audited.' },
  removeRelation: {
    vi: 'Xóa quan hệ ghi nhầm này? Thao tác được ghi nhật ký.',
    en: 'Remove this relation recorded by mistake? The removal is audited.',
  },
  removed: { vi: 'Đã xóa.', en: 'Removed.' },
  exportXlsx: { vi: 'Xuất sổ ra Excel', en: 'Export to Excel' },
  exportHint: {
    vi: 'Tải toàn bộ các văn bản đang lọc (mọi trang) thành tệp .xlsx',
    en: 'Download every filtered entry (all pages) as .xlsx',
  },
} satisfies Record<string, Bilingual>;
