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
