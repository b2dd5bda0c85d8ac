/** Strings of the audit checkpoint panel (feature-local, beside the shared dictionary). */
export const M = {
  title: { vi: 'Điểm kiểm tra nhật ký', en: 'Audit checkpoints' },
  intro: {
    vi: 'Chuỗi băm cho biết một mục bị sửa, trừ khi người có toàn quyền cơ sở dữ liệu tính lại mọi mã băm sau nó. Để phát hiện cả việc đó, hãy chép dòng dưới đây vào biên bản họp, sổ giấy hoặc gửi cho Ủy ban kiểm tra: sau này dán lại để đối chiếu.',
    en: 'The hash chain shows an edited entry unless someone with full database access recomputes every later hash. To catch that too, copy the line below into the minutes, a paper register or a message to the inspection committee, and paste it back later to compare.',
  },
  current: { vi: 'Điểm kiểm tra hiện tại', en: 'Current checkpoint' },
  paste: { vi: 'Các điểm kiểm tra đã lưu (mỗi dòng một điểm)', en: 'Kept checkpoints (one per line)' },
  pasteHint: { vi: 'CANBO-AUDIT seq=… hash=… at=…', en: 'CANBO-AUDIT seq=… hash=… at=…' },
  compare: { vi: 'Đối chiếu', en: 'Compare' },
  noneFound: {
    vi: 'Không tìm thấy dòng điểm kiểm tra nào (dạng CANBO-AUDIT seq=… hash=…).',
    en: 'No checkpoint line found (CANBO-AUDIT seq=… hash=…).',
  },
  allMatch: {
    vi: 'Nhật ký toàn vẹn và khớp với mọi điểm kiểm tra đã lưu',
    en: 'The trail is intact and matches every kept checkpoint',
  },
  mismatch: { vi: 'Nhật ký không khớp với điểm kiểm tra đã lưu', en: 'The trail does not match a kept checkpoint' },
} as const;
