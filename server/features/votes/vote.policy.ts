// Loads the confidence-vote thresholds from policy/votes/*.yaml (validated), and picks the version in force on a date.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as loadYaml } from 'js-yaml';
import { z } from 'zod';
import type { PolicyTrack } from '../../../contracts/votes';

const text = z.object({ vi: z.string(), en: z.string() });
const date = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date().transform((d) => d.toISOString().slice(0, 10))]);
const fraction = z.object({
  comparison: z.enum(['>', '>=', '<', '<=']),
  numerator: z.number().int().min(0),
  denominator: z.number().int().min(1),
  base: z.enum(['summoned', 'ballots_collected']),
});
export type Fraction = z.infer<typeof fraction>;
const citation = z.object({ document: z.string(), date, article: z.string().optional() });
const rule = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    kind: z.literal('quorum'),
    text,
    note: text.optional(),
    citation,
    status: z.enum(['confirmed', 'unconfirmed']),
    params: fraction,
  }),
  z.object({
    id: z.string(),
    kind: z.literal('base'),
    text,
    note: text.optional(),
    citation,
    status: z.enum(['confirmed', 'unconfirmed']),
    params: z.object({ base: z.enum(['summoned', 'ballots_collected']) }),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('consequence'),
    text,
    note: text.optional(),
    citation,
    status: z.enum(['confirmed', 'unconfirmed']),
    params: z.object({ lower: fraction, upper: fraction.optional() }),
  }),
]);
export type VoteRule = z.infer<typeof rule>;
const version = z.object({
  id: z.string(),
  effectiveFrom: date,
  effectiveTo: date.optional(),
  title: text,
  rules: z.array(rule),
});
const file = z.object({
  tracks: z.record(z.enum(['party', 'state']), z.object({ label: text, versions: z.array(version) })),
  analysis: z.object({
    id: z.string(),
    effectiveFrom: date,
    citation,
    params: z.object({
      allHighShare: z.object({ numerator: z.number(), denominator: z.number() }),
      minSpreadPoints: z.number(),
      smallGroupVoters: z.number().int(),
      wilsonZ: z.number(),
    }),
  }),
});
export type VotePolicyFile = z.infer<typeof file>;

export interface VotePolicy {
  track: PolicyTrack;
  id: string;
  title: { vi: string; en: string };
  quorum: Extract<VoteRule, { kind: 'quorum' }>;
  base: Extract<VoteRule, { kind: 'base' }>;
  consequences: Extract<VoteRule, { kind: 'consequence' }>[];
  analysis: VotePolicyFile['analysis'];
}

export const POLICY_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../policy/votes/confidence.yaml');

let cached: VotePolicyFile | null = null;
export function loadVotePolicyFile(source = POLICY_FILE): VotePolicyFile {
  if (source === POLICY_FILE && cached) return cached;
  const parsed = file.parse(loadYaml(fs.readFileSync(source, 'utf8')));
  if (source === POLICY_FILE) cached = parsed;
  return parsed;
}

export function citationText(c: z.infer<typeof citation>): string {
  const [y, m, d] = c.date.split('-');
  return `${c.document} ngày ${d}/${m}/${y}${c.article ? `, ${c.article}` : ''}`;
}

/** The version of the track in force on `onDate` (YYYY-MM-DD), or null when none is. */
export function votePolicyAt(track: PolicyTrack, onDate: string, f: VotePolicyFile = loadVotePolicyFile()): VotePolicy | null {
  const versions = f.tracks[track]?.versions ?? [];
  const v = versions
    .filter((x) => x.effectiveFrom <= onDate && (!x.effectiveTo || onDate <= x.effectiveTo))
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  if (!v) return null;
  const quorum = v.rules.find((r) => r.kind === 'quorum');
  const base = v.rules.find((r) => r.kind === 'base');
  if (!quorum || !base) throw new Error(`policy ${v.id}: quorum and base rules are required`);
  return {
    track,
    id: v.id,
    title: v.title,
    quorum: quorum as VotePolicy['quorum'],
    base: base as VotePolicy['base'],
    consequences: v.rules.filter((r): r is VotePolicy['consequences'][number] => r.kind === 'consequence'),
    analysis: f.analysis,
  };
}
