// Strings of the restructuring wizard added in the second session (feature-local, rendered with label()).
export const m = {
  jobName: { vi: 'Vị trí việc làm', en: 'Job position' },
  seatName: { vi: 'Vị trí', en: 'Seat' },
  mapJobs: { vi: 'Vị trí việc làm (cùng người đang được bố trí)', en: 'Job positions (with the people assigned)' },
  abolishJob: { vi: 'Bãi bỏ vị trí việc làm', en: 'Abolish the job position' },
  jobCount: { vi: 'Số lượng', en: 'Count' },
  jobAssigned: { vi: 'Đã bố trí', en: 'Assigned' },
  sizes: { vi: 'Số lượng vị trí và biên chế tại đơn vị nhận', en: 'Seats and quotas in the receiving units' },
  sizesHelp: {
    vi: 'Các vị trí cùng chức danh chuyển về một đơn vị được gộp thành một vị trí. Nhập số người tối đa của vị trí đó và biên chế được giao năm {year}; phần xem trước sẽ chỉ ra vị trí thừa người, cấp phó vượt quy định và số người vượt biên chế.',
    en: 'Seats of the same title mapped into one unit become one seat. Enter how many people it holds and the {year} quota; the preview shows seats with more people than places, deputies above the cap and staff above the quota.',
  },
  unit: { vi: 'Đơn vị nhận', en: 'Receiving unit' },
  title: { vi: 'Chức danh', en: 'Title' },
  seatCount: { vi: 'Số người tối đa', en: 'Places' },
  peopleMoving: { vi: 'Số người chuyển đến', en: 'People moving in' },
  quota: { vi: 'Biên chế năm {year}', en: 'Quota {year}' },
  quotaPlaceholder: { vi: 'giữ như cũ', en: 'unchanged' },
  changes: { vi: 'Danh sách thay đổi', en: 'Changes' },
} as const;

export const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
