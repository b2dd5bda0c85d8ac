// The words of the table-section import, Vietnamese first.
export const S = {
  title: { vi: 'Nhập các bảng của hồ sơ đã có', en: 'Import the tables of existing records' },
  intro: {
    vi: 'Một tệp Excel, mỗi bảng một trang: {sheets}. Mỗi dòng ghi số CCCD của cán bộ và một dòng của bảng. Các dòng của một người trong một trang thay thế toàn bộ bảng đó trong hồ sơ của người ấy (lưu thành phiên bản mới). Kiểm tra trước: mọi lỗi được liệt kê theo trang, dòng và cột, chưa ghi gì; khi nhập, ghi tất cả hoặc không ghi gì.',
    en: 'One Excel file, one sheet per table: {sheets}. Each line holds the cadre’s citizen ID and one row of the table. A person’s lines in a sheet replace that whole table of his record (saved as a new version). Check first: every problem listed by sheet, row and column, nothing written; the import writes all or nothing.',
  },
  template: { vi: 'Tải tệp mẫu', en: 'Download the template' },
  choose: { vi: 'Chọn tệp .xlsx', en: 'Choose an .xlsx file' },
  check: { vi: 'Kiểm tra (chạy thử)', en: 'Check (dry run)' },
  run: { vi: 'Nhập các bảng', en: 'Import the tables' },
  sheetRows: { vi: 'Trang "{s}": {n} dòng', en: 'Sheet "{s}": {n} rows' },
  problems: {
    vi: 'Có {n} lỗi cần sửa trong tệp, chưa ghi gì vào cơ sở dữ liệu',
    en: '{n} problems to fix in the file; nothing was written',
  },
  ok: {
    vi: 'Không có lỗi: {p} hồ sơ, {u} sẽ được cập nhật, {s} không đổi',
    en: 'No problems: {p} records, {u} to update, {s} unchanged',
  },
  done: { vi: 'Đã nhập: {u} hồ sơ được cập nhật, {s} không đổi', en: 'Imported: {u} records updated, {s} unchanged' },
  sheet: { vi: 'Trang', en: 'Sheet' },
  row: { vi: 'Dòng', en: 'Row' },
  column: { vi: 'Cột', en: 'Column' },
  problem: { vi: 'Lỗi', en: 'Problem' },
} as const;
