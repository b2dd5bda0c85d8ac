import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as loadYaml } from 'js-yaml';
import { z } from 'zod';

const ruleSchema = z.object({
  id: z.string(),
  text: z.string(),
  citation: z.string(),
  effectiveFrom: z.string(),
  params: z.record(z.string(), z.number()),
});
const packSchema = z.object({ id: z.literal('records'), rules: z.array(ruleSchema) });

export interface RecordRule {
  id: string;
  citation: string;
  params: Record<string, number>;
}

/** The numbers person records are checked against, with their citations (policy/records.yaml). */
export interface RecordPolicy {
  partyMinAge: RecordRule;
  partyProbation: RecordRule;
  recruitmentMinAge: RecordRule;
  cccd: RecordRule;
  plausibleAge: RecordRule;
}

const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../policy/records.yaml');
let cached: RecordPolicy | null = null;

export function recordPolicy(): RecordPolicy {
  if (cached) return cached;
  const pack = packSchema.parse(loadYaml(fs.readFileSync(FILE, 'utf8')));
  const rule = (id: string): RecordRule => {
    const r = pack.rules.find((x) => x.id === id);
    if (!r) throw new Error(`policy/records.yaml: missing rule ${id}`);
    return { id: r.id, citation: r.citation, params: r.params };
  };
  cached = {
    partyMinAge: rule('records.party.min-age'),
    partyProbation: rule('records.party.probation'),
    recruitmentMinAge: rule('records.recruitment.min-age'),
    cccd: rule('records.cccd.structure'),
    plausibleAge: rule('records.age.plausible'),
  };
  return cached;
}
