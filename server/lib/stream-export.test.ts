import { createHash } from 'node:crypto';
import type { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dmy, keysetPages, streamXlsx } from './stream-export';

const PAGES = 40;
const PAGE = 500;
/** Cells that do not compress away, so the file is large enough that buffering it whole would show. */
const cell = (i: number) => createHash('sha256').update(String(i)).digest('hex');

describe('streamed workbook', () => {
  it('writes bytes before the last page is read, keeps what waits unread bounded, and loses no row', async () => {
    let pulled = 0;
    let maxPending = 0;
    let receivedWhenLastPulled = -1;
    let received = 0;
    const chunks: Buffer[] = [];
    const box: { stream?: PassThrough } = {};
    const stream = (box.stream = streamXlsx([
      {
        name: 'Rows',
        columns: [
          { header: 'No', width: 8 },
          { header: 'A', width: 66 },
          { header: 'B', width: 66 },
        ],
        preamble: ['Title'],
        pages: (async function* () {
          for (let p = 0; p < PAGES; p++) {
            pulled++;
            maxPending = Math.max(maxPending, (box.stream?.readableLength ?? 0) + (box.stream?.writableLength ?? 0));
            if (p === PAGES - 1) receivedWhenLastPulled = received;
            yield Array.from({ length: PAGE }, (_, j) => {
              const i = p * PAGE + j;
              return [i + 1, cell(i), cell(-i)];
            });
          }
        })(),
      },
    ]));
    stream.on('data', (c: Buffer) => {
      received += c.length;
      chunks.push(c);
    });
    await new Promise((resolve, reject) => stream.on('end', resolve).on('error', reject));
    const file = Buffer.concat(chunks);

    expect(pulled).toBe(PAGES);
    // Streaming: the reader had part of the file before the writer asked for the last page.
    expect(receivedWhenLastPulled).toBeGreaterThan(0);
    // Bounded: what waited in the stream at any page is far below the file (the whole file never sits in memory).
    expect(file.length).toBeGreaterThan(1_000_000);
    expect(maxPending).toBeLessThan(file.length / 4);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(PAGES * PAGE + 2);
    expect(sheet.getRow(2).values).toEqual([undefined, 'No', 'A', 'B']);
    expect(sheet.getRow(3).getCell(2).value).toBe(cell(0));
    expect(sheet.getRow(PAGES * PAGE + 2).getCell(1).value).toBe(PAGES * PAGE);
  });

  it('ends the stream with the error when a page cannot be read (no file that looks whole)', async () => {
    const stream = streamXlsx([
      {
        name: 'Rows',
        columns: [{ header: 'A', width: 8 }],
        pages: (async function* () {
          yield [[1]];
          throw new Error('database gone');
        })(),
      },
    ]);
    stream.resume();
    await expect(new Promise((resolve, reject) => stream.on('end', resolve).on('error', reject))).rejects.toThrow(
      'database gone',
    );
  });

  it('pages a keyset source until it is empty, handing each call the last row', async () => {
    const seen: (number | null)[] = [];
    const pages: number[][] = [];
    for await (const page of keysetPages<number>(async (after) => {
      seen.push(after);
      const from = (after ?? 0) + 1;
      return from > 7 ? [] : Array.from({ length: Math.min(3, 8 - from) }, (_, i) => from + i);
    }))
      pages.push(page);
    expect(pages).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(seen).toEqual([null, 3, 6, 7]);
  });

  it('writes dates as dd/mm/yyyy', () => {
    expect(dmy('2025-08-30')).toBe('30/08/2025');
    expect(dmy('2025-08-30T10:00:00Z')).toBe('30/08/2025');
    expect(dmy(null)).toBe('');
  });
});
