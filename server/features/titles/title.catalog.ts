import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as loadYaml } from 'js-yaml';
import { z } from 'zod';
import { isoDateSchema } from '../../../contracts/common';
import { postCategorySchema } from '../../../contracts/positions';
import { localityClassSchema, managingAuthoritySchema, titleGroupSchema } from '../../../contracts/titles';

/** policy/catalog/*.yaml: each file is one dated version of the title catalog. */
export const CATALOG_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../policy/catalog');

const catalogTitleSchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9_]+$/),
  name: z.string().min(1),
  group: titleGroupSchema,
  rank: z.number().int().min(1).max(9),
  locality: localityClassSchema.optional(),
  authority: managingAuthoritySchema,
  leadership: z.boolean(),
  /** a sensitive post under the Anti-Corruption Law 2018 art. 20 */
  postCategory: postCategorySchema.optional(),
  head: z.string().optional(),
  maxDeputies: z.number().int().min(0).optional(),
  exOfficio: z.array(z.string()).optional(),
  confirmed: z.boolean(),
  note: z.string().optional(),
  citation: z.string().optional(),
});

export const catalogFileSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9-]+$/),
  name: z.string(),
  citation: z.string(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  titles: z.array(catalogTitleSchema).min(1),
});
export type CatalogFile = z.infer<typeof catalogFileSchema>;
export type CatalogTitle = z.infer<typeof catalogTitleSchema>;

/** Reads and validates every catalog file; a malformed file stops the server with the file and field named. */
export function loadCatalogFiles(dir = CATALOG_DIR): CatalogFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const parsed = catalogFileSchema.safeParse(loadYaml(fs.readFileSync(path.join(dir, f), 'utf8')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`${f}: ${issue.path.join('.')}: ${issue.message}`);
      }
      return parsed.data;
    });
}
