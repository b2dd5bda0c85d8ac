import type ExcelJS from 'exceljs';

/**
 * Neutralizes a text cell that a spreadsheet program would run as a formula (=, +, -, @, tab, CR) when a user edits
 * it or saves the sheet as CSV: a leading apostrophe keeps it text. Every export of user-entered text goes through it.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A row's values with every string neutralized; numbers, dates and empty cells pass unchanged. */
export const neutralizeRow = (values: readonly unknown[]): unknown[] =>
  values.map((v) => (typeof v === 'string' ? neutralizeCell(v) : v));

/** Neutralizes every text cell of a workbook built in memory, just before it is written. */
export function neutralizeWorkbook(book: ExcelJS.Workbook): void {
  book.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = neutralizeCell(cell.value);
      }),
    ),
  );
}
