import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { streamXlsx } from './stream-export';
import { neutralizeCell, neutralizeRow, neutralizeWorkbook } from './xlsx-cells';

describe('formula neutralization of exported cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+84 912', "'+84 912"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['Nguyễn Văn Đức', 'Nguyễn Văn Đức'],
    ['a=1', 'a=1'],
    ['', ''],
  ])('%j → %j', (value, expected) => expect(neutralizeCell(value)).toBe(expected));

  it('leaves numbers, dates and empty cells of a row alone', () => {
    const d = new Date('2026-01-01');
    expect(neutralizeRow(['=A1', -5, d, null, undefined])).toEqual(["'=A1", -5, d, null, undefined]);
  });

  it('neutralizes every text cell of a workbook built in memory, on every sheet', () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('A').addRow(['=cmd|calc', 3, 'ok']);
    book.addWorksheet('B').addRow(['x', '@x']);
    neutralizeWorkbook(book);
    expect(book.getWorksheet('A')!.getRow(1).values).toEqual([undefined, "'=cmd|calc", 3, 'ok']);
    expect(book.getWorksheet('B')!.getRow(1).values).toEqual([undefined, 'x', "'@x"]);
  });

  it('neutralizes the rows and the preamble of a streamed workbook', async () => {
    const chunks: Buffer[] = [];
    const stream = streamXlsx([
      {
        name: 'S',
        columns: [
          { header: 'Tên', width: 20 },
          { header: 'Số', width: 8 },
        ],
        preamble: ['=TITLE()'],
        pages: (async function* () {
          yield [
            ['=HYPERLINK("http://x","Bấm")', -1],
            ['Bình thường', 2],
          ];
        })(),
      },
    ]);
    for await (const c of stream) chunks.push(c as Buffer);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const rows = book
      .getWorksheet('S')!
      .getSheetValues()
      .filter(Array.isArray)
      .map((r) => r.slice(1));
    expect(rows).toEqual([["'=TITLE()"], ['Tên', 'Số'], ['\'=HYPERLINK("http://x","Bấm")', -1], ['Bình thường', 2]]);
  });
});
