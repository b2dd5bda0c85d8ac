import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as loadYaml } from 'js-yaml';
import { z } from 'zod';
import { isoDateSchema } from '../../../contracts/common';
import { staffingCategorySchema } from '../../../contracts/staffing';

const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../policy/staffing/KL-40.yaml');

export const staffingPolicySchema = z.strictObject({
  id: z.string(),
  citation: z.string(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema,
  baselineYear: z.number().int(),
  targetYear: z.number().int(),
  rules: z.array(
    z.strictObject({
      id: z.string(),
      category: staffingCategorySchema,
      minCutPercent: z.number().min(0).max(100),
      confirmed: z.boolean(),
    }),
  ),
});
export type StaffingPolicy = z.infer<typeof staffingPolicySchema>;

let cached: StaffingPolicy | undefined;
/** policy/staffing/KL-40.yaml, validated once. */
export function staffingPolicy(): StaffingPolicy {
  cached ??= staffingPolicySchema.parse(loadYaml(fs.readFileSync(FILE, 'utf8')));
  return cached;
}

const CATEGORIES_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../policy/staffing/categories.yaml');

export const staffCategoryPolicySchema = z.strictObject({
  id: z.string(),
  citation: z.string(),
  rules: z
    .array(
      z.strictObject({
        id: z.string(),
        category: staffingCategorySchema,
        rankCodePrefixes: z.array(z.string().min(1).max(8)).optional(),
        anyRankCode: z.boolean().optional(),
        holdsTitle: z.boolean().optional(),
        note: z.string(),
        confirmed: z.boolean(),
      }),
    )
    .min(1),
  fallback: z.strictObject({ category: staffingCategorySchema, note: z.string() }),
});
export type StaffCategoryPolicy = z.infer<typeof staffCategoryPolicySchema>;

let cachedCategories: StaffCategoryPolicy | undefined;
/** policy/staffing/categories.yaml: how a person in the records counts against the quota categories. */
export function staffCategoryPolicy(): StaffCategoryPolicy {
  cachedCategories ??= staffCategoryPolicySchema.parse(loadYaml(fs.readFileSync(CATEGORIES_FILE, 'utf8')));
  return cachedCategories;
}

/** How many leading characters of a rank code the category rules look at (the repository groups by them). */
export function rankPrefixLength(policy: StaffCategoryPolicy): number {
  return Math.max(1, ...policy.rules.flatMap((r) => (r.rankCodePrefixes ?? []).map((p) => p.length)));
}
