import type { z } from 'zod';
import type { Citation, Track } from '../../../contracts/policy';
import {
  KNOWN_RULE_KINDS,
  type LocalPackFile,
  type PackRule,
  type ParamsOf,
  type RuleKind,
  packFileSchema,
  packRuleSchema,
} from './pack.schema';
import type { StandardEntry } from './title-standards';

/** A rule as loaded: its pack's dates applied, its citation rendered. */
export type LoadedRule = {
  [K in RuleKind]: Omit<
    Extract<PackRule, { kind: K }>,
    'citation' | 'effectiveFrom' | 'effectiveTo' | 'note' | 'reason' | 'localBounds'
  > & {
    packId: string;
    file: string;
    citation: Citation;
    effectiveFrom: string;
    effectiveTo: string | null;
    note: { vi: string; en: string } | null;
    /** Why an unconfirmed rule is unconfirmed; null on a confirmed rule. */
    reason: { vi: string; en: string } | null;
    localBounds: Record<string, { min: number; max: number }>;
    /** Set when a local pack changed the params. */
    localPackId: string | null;
  };
}[RuleKind];

export interface LoadedPack {
  id: string;
  scope: 'national' | 'local';
  file: string;
  title: { vi: string; en: string };
  description: { vi: string; en: string };
  effectiveFrom: string;
  effectiveTo: string | null;
  organizationCode: string | null;
  /** Canonical JSON of the file, so an approval names exactly what was approved. */
  canonical: string;
  rules: LoadedRule[];
  overrides: LocalPackFile['overrides'];
}

/** Every pack on disk, validated and cross-checked. */
export interface PolicyLibrary {
  packs: LoadedPack[];
  /** Title standards (policy/standards), read by the eligibility engine through standardsFor(). */
  standards: StandardEntry[];
}

/** A pack that cannot be used; the message names the file, the rule and the field. */
export class PolicyPackError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Gói quy định không hợp lệ, máy chủ không khởi động / invalid policy pack, the server will not start:\n${problems
        .map((p) => `  - ${p}`)
        .join('\n')}`,
    );
    this.name = 'PolicyPackError';
  }
}

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function citationText(c: {
  document: string;
  date: string | null;
  article: string | null;
  dateUnconfirmed?: boolean;
}): string {
  return `${c.document}${c.date ? ` ngày ${formatDate(c.date)}` : ''}${c.article ? `, ${c.article}` : ''}`;
}

function issuePath(path: readonly PropertyKey[]): string {
  return (
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '') || '(root)'
  );
}

function zodProblems(prefix: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${prefix} › ${issuePath(i.path)}: ${i.message}`);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

const overlaps = (aFrom: string, aTo: string | null, bFrom: string, bTo: string | null): boolean =>
  aFrom <= (bTo ?? '9999-12-31') && bFrom <= (aTo ?? '9999-12-31');

/**
 * Validates parsed pack files and cross-checks them; throws PolicyPackError naming every problem.
 * `files` are the parsed YAML documents with their path relative to the project (policy/packs/x.yaml).
 */
export function buildLibrary(files: { file: string; content: unknown }[]): PolicyLibrary {
  const problems: string[] = [];
  const packs: LoadedPack[] = [];
  const localFiles: { file: string; pack: LocalPackFile }[] = [];
  // Rules that failed validation: a local pack naming them gets no second, derived complaint.
  const brokenIds = new Set<string>();

  for (const { file, content } of files) {
    const head = packFileSchema.safeParse(content);
    if (!head.success) {
      problems.push(...zodProblems(file, head.error));
      continue;
    }
    if (head.data.scope === 'local') {
      localFiles.push({ file, pack: head.data });
      continue;
    }
    const national = head.data;
    const pack: LoadedPack = {
      id: national.id,
      scope: 'national',
      file,
      title: national.title,
      description: national.description,
      effectiveFrom: national.effectiveFrom,
      effectiveTo: national.effectiveTo,
      organizationCode: null,
      canonical: canonicalJson(content),
      rules: [],
      overrides: [],
    };
    national.rules.forEach((raw, index) => {
      const rawId = (raw as { id?: unknown } | null)?.id;
      const name = `${file} › quy định/rule ${typeof rawId === 'string' ? rawId : `#${index + 1}`}`;
      const parsed = packRuleSchema.safeParse(raw);
      if (!parsed.success) {
        problems.push(...zodProblems(name, parsed.error));
        if (typeof rawId === 'string') brokenIds.add(rawId);
        return;
      }
      const rule = parsed.data as unknown as PackRule;
      const from = rule.effectiveFrom ?? pack.effectiveFrom;
      const to = rule.effectiveTo === undefined ? pack.effectiveTo : rule.effectiveTo;
      if (from < pack.effectiveFrom || (pack.effectiveTo && (to === null || to > pack.effectiveTo)))
        problems.push(
          `${name} › effectiveFrom/effectiveTo: outside the pack's period ${pack.effectiveFrom}–${pack.effectiveTo ?? '…'}`,
        );
      if (to !== null && to < from) problems.push(`${name} › effectiveTo: before effectiveFrom`);
      const expected = KNOWN_RULE_KINDS[rule.id];
      if (expected && expected !== rule.kind) problems.push(`${name} › kind: must be "${expected}", found "${rule.kind}"`);
      if (rule.status === 'unconfirmed' && !rule.reason)
        problems.push(
          `${name} › reason: một quy định chưa xác minh phải nêu lý do (con số hay văn bản nào chưa được xác minh) / an unconfirmed rule must say why (which number or document is not verified)`,
        );
      if (rule.status === 'confirmed' && rule.reason)
        problems.push(`${name} › reason: chỉ quy định chưa xác minh mới có lý do / only an unconfirmed rule has a reason`);
      const numeric = rule.params as Record<string, unknown>;
      for (const [param, b] of Object.entries(rule.localBounds ?? {})) {
        const value = numeric[param];
        if (typeof value !== 'number') problems.push(`${name} › localBounds.${param}: not a number parameter of this rule`);
        else if (b.min > b.max || value < b.min || value > b.max)
          problems.push(
            `${name} › localBounds.${param}: [${b.min}, ${b.max}] must be ordered and contain the national value ${value}`,
          );
      }
      pack.rules.push({
        ...rule,
        packId: pack.id,
        file,
        citation: {
          document: rule.citation.document,
          date: rule.citation.date,
          article: rule.citation.article,
          text: citationText(rule.citation),
          ...(rule.citation.dateUnconfirmed ? { dateUnconfirmed: true } : {}),
        },
        effectiveFrom: from,
        effectiveTo: to,
        note: rule.note ?? null,
        reason: rule.reason ?? null,
        localBounds: rule.localBounds ?? {},
        localPackId: null,
      } as LoadedRule);
    });
    packs.push(pack);
  }

  const ids = new Map<string, string>();
  for (const p of [...packs, ...localFiles.map((l) => ({ id: l.pack.id, file: l.file }))]) {
    const seen = ids.get(p.id);
    if (seen) problems.push(`${p.file} › id: "${p.id}" is already used by ${seen}`);
    else ids.set(p.id, p.file);
  }

  // One rule id, one version per track at any date, across all national packs.
  const all = packs.flatMap((p) => p.rules);
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      if (a.id !== b.id || !a.tracks.some((t) => b.tracks.includes(t))) continue;
      if (overlaps(a.effectiveFrom, a.effectiveTo, b.effectiveFrom, b.effectiveTo))
        problems.push(
          `${b.file} › quy định/rule ${b.id} › effectiveFrom: overlaps the same rule in ${a.file} (${a.effectiveFrom}–${a.effectiveTo ?? '…'})`,
        );
    }

  for (const { file, pack } of localFiles) {
    const loaded: LoadedPack = {
      id: pack.id,
      scope: 'local',
      file,
      title: pack.title,
      description: pack.description,
      effectiveFrom: pack.effectiveFrom,
      effectiveTo: pack.effectiveTo,
      organizationCode: pack.organizationCode,
      canonical: canonicalJson(pack),
      rules: [],
      overrides: pack.overrides,
    };
    pack.overrides.forEach((o, index) => {
      const name = `${file} › overrides[${index}] (${o.ruleId})`;
      if (brokenIds.has(o.ruleId)) return;
      const targets = all.filter(
        (r) => r.id === o.ruleId && overlaps(r.effectiveFrom, r.effectiveTo, pack.effectiveFrom, pack.effectiveTo),
      );
      if (targets.length === 0) {
        problems.push(`${name} › ruleId: no national rule with this id in force during the local pack's period`);
        return;
      }
      for (const target of targets)
        for (const [param, value] of Object.entries(o.params)) {
          const b = target.localBounds[param];
          if (!b)
            problems.push(`${name} › params.${param}: the national rule (${target.packId}) does not let a local pack change it`);
          else if (value < b.min || value > b.max)
            problems.push(`${name} › params.${param}: ${value} is outside what the national rule allows [${b.min}, ${b.max}]`);
        }
    });
    packs.push(loaded);
  }

  if (problems.length) throw new PolicyPackError(problems);
  return { packs, standards: [] };
}

/** The rules in force on `date` for `track`, one per id, local overrides (already approved) applied. */
export interface ResolvedPolicy {
  date: string;
  track: Track;
  rules: Map<string, LoadedRule>;
}

export function policyAt(
  library: PolicyLibrary,
  date: string,
  track: Track,
  opts: { approvedLocalPackIds?: readonly string[] } = {},
): ResolvedPolicy {
  const inForce = (from: string, to: string | null) => from <= date && (to === null || date <= to);
  const rules = new Map<string, LoadedRule>();
  for (const pack of library.packs)
    if (pack.scope === 'national')
      for (const rule of pack.rules)
        if (rule.tracks.includes(track) && inForce(rule.effectiveFrom, rule.effectiveTo)) rules.set(rule.id, rule);
  for (const id of opts.approvedLocalPackIds ?? []) {
    const pack = library.packs.find((p) => p.id === id && p.scope === 'local');
    if (!pack || !inForce(pack.effectiveFrom, pack.effectiveTo)) continue;
    for (const o of pack.overrides) {
      const base = rules.get(o.ruleId);
      if (!base) continue;
      rules.set(o.ruleId, { ...base, params: { ...base.params, ...o.params }, localPackId: pack.id } as LoadedRule);
    }
  }
  return { date, track, rules };
}

/** The rule of that id and kind in force, or undefined when none is. */
export function ruleIn<K extends RuleKind>(
  policy: ResolvedPolicy,
  id: string,
  kind: K,
): (Extract<LoadedRule, { kind: K }> & { params: ParamsOf<K> }) | undefined {
  const rule = policy.rules.get(id);
  if (!rule) return undefined;
  // Guaranteed at load time by KNOWN_RULE_KINDS; a mismatch here is a programming error.
  if (rule.kind !== kind) throw new Error(`rule ${id} has kind ${rule.kind}, expected ${kind}`);
  return rule as Extract<LoadedRule, { kind: K }> & { params: ParamsOf<K> };
}

/** An ISO date plus `days` (negative to go back), in UTC. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
