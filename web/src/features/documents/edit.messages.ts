import type { Bilingual } from '../../ui/i18n';

/** Labels for editing and withdrawing register entries and programme items (kept here, not in the shared dictionary). */
export const E = {
  edit: { vi: 'Sửa', en: 'Edit' },
  editItem: { vi: 'Sửa đề án, nhiệm vụ', en: 'Edit the item' },
  editDocument: { vi: 'Sửa văn bản trong sổ', en: 'Edit the register entry' },
  leadFixed: {
    vi: 'Đơn vị chủ trì không đổi khi sửa (quyết định ai được xem): nếu nhập nhầm đơn vị, rút đề án và thêm lại.',
    en: 'The lead unit does not change on an edit (it decides who sees the item): if it was wrong, withdraw and add again.',
  },
  saved: { vi: 'Đã lưu thay đổi', en: 'Changes saved' },
  withdrawItem: { vi: 'Rút khỏi chương trình', en: 'Withdraw from the programme' },
  withdrawDocument: { vi: 'Rút khỏi sổ', en: 'Withdraw from the register' },
  withdrawTitle: { vi: 'Rút bản ghi nhập nhầm', en: 'Withdraw an entry recorded by mistake' },
  withdrawExplain: {
    vi: 'Chỉ dùng cho bản ghi nhập nhầm: bản ghi và tệp đính kèm bị xóa, nhật ký kiểm toán giữ lại nội dung và lý do. Không rút được khi còn văn bản, quan hệ, quy tắc hay quyết định nhân sự dẫn chiếu tới nó. Đề án bị hủy thì chuyển trạng thái "Hủy", không rút.',
    en: 'For entries recorded by mistake only: the entry and its files are deleted, the audit trail keeps them and the reason. Refused while documents, relations, rules or personnel decisions name it. A cancelled item takes the status "Cancelled" instead.',
  },
  reason: { vi: 'Lý do rút (ít nhất 5 ký tự)', en: 'Reason (at least 5 characters)' },
  withdraw: { vi: 'Rút', en: 'Withdraw' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
  keepItem: { vi: 'Là văn bản kết quả của đề án, nhiệm vụ', en: 'Outcome of its programme item' },
  keepItemHelp: {
    vi: 'Bỏ chọn để gỡ liên kết với đề án (ví dụ trước khi rút đề án nhập nhầm).',
    en: 'Untick to unlink it from the item (e.g. before withdrawing an item recorded by mistake).',
  },
} satisfies Record<string, Bilingual>;
