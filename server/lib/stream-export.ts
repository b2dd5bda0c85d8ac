import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutralizeCell, neutralizeRow } from './xlsx-cells';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Rows handed to a streamed sheet in pages; a page is written (and may be flushed) before the next is read. */
export type RowPages = AsyncIterable<readonly (readonly unknown[])[]>;

export interface StreamedSheet {
  name: string;
  columns: { header: string; width: number }[];
  /** lines above the header row (a title, the scope), each one cell wide */
  preamble?: string[];
  pages: RowPages;
}

/**
 * A workbook written as it is read: exceljs' streaming writer commits each row to the zip as soon as it is added,
 * and after every page the writer waits until the reader has taken what is pending (back-pressure), so memory is
 * bounded by a page and the zip's window, not by the size of the register. Errors after the first byte end the
 * stream (the client sees a broken download, never a truncated file that looks whole).
 */
export function streamXlsx(sheets: StreamedSheet[], creator = 'CanBo'): PassThrough {
  const out = new PassThrough({ highWaterMark: 64 * 1024 });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = creator;
  const drained = async () => {
    if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
  };
  void (async () => {
    for (const s of sheets) {
      const sheet = book.addWorksheet(s.name);
      sheet.columns = s.columns.map((c) => ({ width: c.width }));
      const width = s.columns.reduce((sum, c) => sum + c.width, 0);
      (s.preamble ?? []).forEach((line, i) => {
        const row = sheet.addRow([neutralizeCell(line)]);
        row.font = i === 0 ? { bold: true, size: 14 } : {};
        if (line.length > width) {
          // A long sentence (the year summary's) reads across the table, wrapped, like in the Word file.
          sheet.mergeCells(row.number, 1, row.number, s.columns.length);
          row.alignment = { wrapText: true, vertical: 'top' };
          row.height = 15 * Math.ceil((line.length * 1.1) / width);
        }
        row.commit();
      });
      const header = sheet.addRow(s.columns.map((c) => c.header));
      header.font = { bold: true };
      header.commit();
      for await (const page of s.pages) {
        if (out.destroyed) return;
        for (const values of page) sheet.addRow(neutralizeRow(values)).commit();
        await drained();
      }
      sheet.commit();
    }
    await book.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

/** Pages of a keyset-paged query: `next(after)` returns up to a page of rows after the last one, [] at the end. */
export async function* keysetPages<T>(next: (after: T | null) => Promise<T[]>): AsyncGenerator<T[]> {
  let after: T | null = null;
  for (;;) {
    const page = await next(after);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!;
  }
}

/** An ISO date as a personnel officer writes it (dd/mm/yyyy); empty when there is none. */
export const dmy = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '');
