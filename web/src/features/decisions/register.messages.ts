import type { Bilingual } from '../../ui/i18n';

/** Labels for the register entries a decision relies on (kept here, not in the shared dictionary). */
export const RD = {
  title: { vi: 'Văn bản trong sổ làm căn cứ', en: 'Register documents relied on' },
  intro: {
    vi: 'Các văn bản trong sổ văn bản được gắn với quy trình này. Văn bản đang làm căn cứ không thể rút khỏi sổ hay đổi số hiệu.',
    en: 'Register entries linked to this process. An entry relied on cannot be withdrawn from the register nor renumbered.',
  },
  none: { vi: 'Chưa gắn văn bản nào trong sổ.', en: 'No register entry linked yet.' },
  pick: { vi: 'Văn bản trong sổ (nếu có)', en: 'Register entries (if any)' },
  pickHint: { vi: 'Gõ số hiệu hoặc trích yếu để tìm', en: 'Type a number or title to search' },
  viaStep: { vi: 'Bước', en: 'Step' },
  viaDossier: { vi: 'Hồ sơ', en: 'Dossier' },
  number: { vi: 'Số, ký hiệu', en: 'Number' },
  docTitle: { vi: 'Trích yếu', en: 'Title' },
  issuedOn: { vi: 'Ngày ban hành', en: 'Issued' },
  linkedBy: { vi: 'Gắn từ', en: 'Linked from' },
} satisfies Record<string, Bilingual>;
