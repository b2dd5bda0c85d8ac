import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { z } from 'zod';
import { isoDateSchema } from '../../../contracts/common';
import { STATE_MANAGEMENT_CODES, THEORY_LEVEL_CODES } from '../../../contracts/person-catalogs';
import { MANAGING_AUTHORITIES } from '../../../contracts/titles';

/** policy/training/*.yaml: each file is one dated version of the title standards training needs measure against. */
export const TITLE_STANDARDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../policy/training');

const standardSchema = z.strictObject({
  theory: z.enum(THEORY_LEVEL_CODES),
  stateManagement: z.enum(STATE_MANAGEMENT_CODES),
  status: z.enum(['confirmed', 'unconfirmed']),
  citation: z.string().min(10),
  note: z.string().optional(),
});
export type TitleStandard = z.infer<typeof standardSchema>;

export const titleStandardsFileSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9-]+$/),
  name: z.string().min(1),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  byAuthority: z.strictObject(
    Object.fromEntries(MANAGING_AUTHORITIES.map((a) => [a, standardSchema])) as {
      [K in (typeof MANAGING_AUTHORITIES)[number]]: typeof standardSchema;
    },
  ),
  titles: z.array(standardSchema.extend({ code: z.string().regex(/^[A-Z0-9_]+$/) })),
});
export type TitleStandardsFile = z.infer<typeof titleStandardsFileSchema>;

/**
 * Reads and validates every standards file; a malformed one stops the server naming the file and field. Two versions
 * may not overlap in time, and a title code appears once per file.
 */
export function loadTitleStandards(dir = TITLE_STANDARDS_DIR): TitleStandardsFile[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const parsed = titleStandardsFileSchema.safeParse(
        loadYaml(fs.readFileSync(path.join(dir, f), 'utf8'), { schema: CORE_SCHEMA }),
      );
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`policy/training/${f}: ${issue.path.join('.')}: ${issue.message}`);
      }
      const codes = parsed.data.titles.map((t) => t.code);
      const twice = codes.find((c, i) => codes.indexOf(c) !== i);
      if (twice) throw new Error(`policy/training/${f}: titles: ${twice} appears twice`);
      return parsed.data;
    });
  if (files.length === 0) throw new Error(`${dir}: no title standards file`);
  const sorted = [...files].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i - 1]!.validTo === null || sorted[i - 1]!.validTo! > sorted[i]!.validFrom)
      throw new Error(`policy/training: ${sorted[i - 1]!.id} and ${sorted[i]!.id} overlap`);
  return files;
}
