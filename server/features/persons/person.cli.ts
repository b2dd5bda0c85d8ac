import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Db } from '../../db/database';
import { importPersons, parseImportFile } from './person.import.service';
import { suggestMapping } from './person.import.rules';
import { importMappingSchema } from '../../../contracts/persons';

/** A progress line: rows, rows/s and the time left, rewritten in place on a terminal. */
export function progressPrinter(label: string): (done: number, total: number) => void {
  const started = Date.now();
  return (done, total) => {
    const s = (Date.now() - started) / 1000;
    const rate = s > 0 ? done / s : 0;
    const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    const text = `${label}: ${done}/${total} dòng / rows, ${Math.round(rate)} dòng/s / rows/s, còn / ETA ${eta} s`;
    if (process.stdout.isTTY) process.stdout.write(`\r${text}   `);
    else console.log(text);
  };
}

/** `canbo import persons FILE [--dry-run] [--mapping mapping.json]`: as the machine's operator (whole database). */
export async function importPersonsCommand(
  db: Db,
  file: string,
  opts: { dryRun: boolean; mappingFile?: string },
): Promise<number> {
  const data = fs.readFileSync(file);
  const parsed = await parseImportFile(path.basename(file), data);
  const mapping = opts.mappingFile
    ? importMappingSchema.parse(JSON.parse(fs.readFileSync(opts.mappingFile, 'utf8')))
    : suggestMapping(parsed.headers);
  console.log(
    `Tệp / file ${file}: ${parsed.rows.length} dòng / rows; cột / columns: ${Object.entries(mapping)
      .map(([f, h]) => `${f}←"${h}"`)
      .join(', ')}`,
  );
  try {
    const out = await importPersons(db, null, parsed, mapping, {
      dryRun: opts.dryRun,
      fileName: path.basename(file),
      fileHash: createHash('sha256').update(data).digest('hex'),
      onProgress: progressPrinter('Đang nhập / importing'),
    });
    if (process.stdout.isTTY) process.stdout.write('\n');
    if (out.problemCount) {
      for (const p of out.problems)
        console.error(`  dòng / row ${p.row}, cột / column "${p.column}": ${p.message} / ${p.messageEn}`);
      console.error(`${out.problemCount} lỗi / problems${opts.dryRun ? '' : ': không ghi gì / nothing written'}`);
      return 1;
    }
    console.log(
      `${opts.dryRun ? 'Chạy thử / dry run' : 'Đã nhập / imported'}: ${out.created} mới / new, ${out.updated} cập nhật / updated${opts.dryRun ? '' : `, ${out.unchanged} không đổi / unchanged`}`,
    );
    return 0;
  } catch (e) {
    const outcome = (e as { outcome?: { problems: { row: number; column: string; message: string; messageEn: string }[] } })
      .outcome;
    for (const p of outcome?.problems ?? [])
      console.error(`  dòng / row ${p.row}, cột / column "${p.column}": ${p.message} / ${p.messageEn}`);
    throw e;
  }
}
