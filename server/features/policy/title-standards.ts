import { z } from 'zod';
import {
  EDUCATION_LEVELS,
  STATE_MANAGEMENT_LEVELS,
  THEORY_LEVELS,
  bilingualSchema,
  type Citation,
  type StandardSource,
} from '../../../contracts/policy';
import { MANAGING_AUTHORITIES, TITLE_GROUPS } from '../../../contracts/titles';

/** Information technology skill levels (Thông tư 03/2014/TT-BTTTT), lowest first. */
export const INFORMATICS_LEVELS = ['co_ban', 'nang_cao'] as const;
export type InformaticsLevel = (typeof INFORMATICS_LEVELS)[number];
import type { TitleStandardsFile } from '../training/title-standards';
import { addDays, citationText } from './policy.library';

// Title standards (policy/standards/*.yaml): what a target title requires, each requirement with its citation.

const entrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9.-]+$/),
  select: z
    .strictObject({
      codes: z
        .array(z.string().regex(/^[A-Z0-9_]+$/))
        .min(1)
        .optional(),
      authorities: z.array(z.enum(MANAGING_AUTHORITIES)).min(1).optional(),
      groups: z.array(z.enum(TITLE_GROUPS)).min(1).optional(),
    })
    .refine((s) => Boolean(s.codes ?? s.authorities ?? s.groups), 'codes, authorities or groups'),
  theory: z.enum(THEORY_LEVELS).optional(),
  education: z.enum(EDUCATION_LEVELS).optional(),
  stateManagement: z.enum(STATE_MANAGEMENT_LEVELS).optional(),
  /** Months already served in a post at most one level below the title. */
  priorPostMonths: z.number().int().min(1).max(240).optional(),
  /** Foreign language: the level of the six-level framework (Thông tư 01/2014/TT-BGDĐT; bậc 3 = B1). */
  foreignLanguage: z.number().int().min(1).max(6).optional(),
  /** Information technology skills (Thông tư 03/2014/TT-BTTTT): basic or advanced. */
  informatics: z.enum(INFORMATICS_LEVELS).optional(),
  citation: z.strictObject({ document: z.string().min(1), date: z.iso.date().nullable(), article: z.string().nullable() }),
  effectiveFrom: z.iso.date(),
  effectiveTo: z.iso.date().nullable().default(null),
  status: z.enum(['confirmed', 'unconfirmed']),
  text: bilingualSchema,
  note: bilingualSchema.optional(),
});
export const standardsFileSchema = z.strictObject({
  id: z.string().min(1),
  title: bilingualSchema,
  entries: z.array(entrySchema).min(1),
});

export type StandardEntry = z.infer<typeof entrySchema> & { file: string; citationFull: Citation };
/** Skills a title may require beyond the qualification standards: judged by planning from the record. */
export const SKILL_REQUIREMENTS = ['foreignLanguage', 'informatics'] as const;
export const REQUIREMENTS = ['theory', 'education', 'stateManagement', 'priorPostMonths'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

/** Validates the standards files; the problems name the file, the entry and the field. */
export function buildStandards(files: { file: string; content: unknown }[]): { entries: StandardEntry[]; problems: string[] } {
  const entries: StandardEntry[] = [];
  const problems: string[] = [];
  for (const { file, content } of files) {
    const parsed = standardsFileSchema.safeParse(content);
    if (!parsed.success) {
      for (const i of parsed.error.issues) problems.push(`${file} › ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
      continue;
    }
    for (const e of parsed.data.entries) {
      if (e.effectiveTo !== null && e.effectiveTo < e.effectiveFrom)
        problems.push(`${file} › entry ${e.id} › effectiveTo: before effectiveFrom`);
      if (![...REQUIREMENTS, ...SKILL_REQUIREMENTS].some((r) => e[r] !== undefined))
        problems.push(
          `${file} › entry ${e.id}: requires nothing (theory, education, stateManagement, priorPostMonths, foreignLanguage or informatics)`,
        );
      if (entries.some((x) => x.id === e.id)) problems.push(`${file} › entry ${e.id} › id: already used`);
      entries.push({ ...e, file, citationFull: { ...e.citation, text: citationText(e.citation) } });
    }
  }
  return { entries, problems };
}

const THEORY_VI: Record<string, string> = {
  none: 'không yêu cầu',
  so_cap: 'sơ cấp',
  trung_cap: 'trung cấp',
  cao_cap: 'cao cấp',
  cu_nhan: 'cử nhân',
};
const SM_VI: Record<string, string> = {
  none: 'không yêu cầu',
  chuyen_vien: 'chuyên viên',
  chuyen_vien_chinh: 'chuyên viên chính',
  chuyen_vien_cao_cap: 'chuyên viên cao cấp',
};

/**
 * The political-theory and state-management standards of policy/training (shared with training needs), as entries:
 * a row per managing authority and per title code, in force over the file's period (validTo is the next file's start).
 */
export function entriesFromTrainingStandards(files: readonly TitleStandardsFile[]): StandardEntry[] {
  return files.flatMap((f) => {
    const rows = [
      ...Object.entries(f.byAuthority).map(([authority, row]) => ({ key: authority, select: { authorities: [authority] }, row })),
      ...f.titles.map(({ code, ...row }) => ({ key: code, select: { codes: [code] }, row })),
    ];
    return rows.map(({ key, select, row }): StandardEntry => {
      const citation = { document: row.citation, date: null, article: null };
      return {
        id: `training:${f.id}:${key}`,
        select: select as StandardEntry['select'],
        theory: row.theory,
        stateManagement: row.stateManagement,
        citation,
        effectiveFrom: f.validFrom,
        effectiveTo: f.validTo === null ? null : addDays(f.validTo, -1),
        status: row.status,
        text: {
          vi: `Lý luận chính trị: ${THEORY_VI[row.theory]}; quản lý nhà nước: ${SM_VI[row.stateManagement]}.`,
          en: `Political theory: ${row.theory}; state management: ${row.stateManagement}.`,
        },
        ...(row.note ? { note: { vi: row.note, en: row.note } } : {}),
        file: `policy/training (${f.id})`,
        citationFull: { ...citation, text: row.citation },
      };
    });
  });
}

export interface TitleFacts {
  code: string;
  managingAuthority: string;
  group: string;
}

/** What the title requires on `date`: per requirement, the most specific entry in force (code > authority > group). */
export interface ResolvedStandards {
  theory: (typeof THEORY_LEVELS)[number];
  education: (typeof EDUCATION_LEVELS)[number];
  stateManagement: (typeof STATE_MANAGEMENT_LEVELS)[number];
  priorPostMonths: number | null;
  sources: StandardSource[];
}

function specificity(e: StandardEntry, t: TitleFacts): number {
  if (e.select.codes?.includes(t.code)) return 3;
  if (e.select.authorities?.includes(t.managingAuthority as never)) return 2;
  if (e.select.groups?.includes(t.group as never)) return 1;
  return 0;
}

export function standardsFor(entries: readonly StandardEntry[], title: TitleFacts, date: string): ResolvedStandards {
  const inForce = entries
    .filter((e) => e.effectiveFrom <= date && (e.effectiveTo === null || date <= e.effectiveTo))
    .map((e) => ({ e, s: specificity(e, title) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || (a.e.status === b.e.status ? 0 : a.e.status === 'confirmed' ? -1 : 1));
  const pick = <R extends Requirement>(r: R) => inForce.find((x) => x.e[r] !== undefined)?.e;
  const out: ResolvedStandards = {
    theory: 'none',
    education: 'none',
    stateManagement: 'none',
    priorPostMonths: null,
    sources: [],
  };
  for (const r of REQUIREMENTS) {
    const e = pick(r);
    if (!e) continue;
    if (r === 'priorPostMonths') out.priorPostMonths = e.priorPostMonths!;
    else if (r === 'theory') out.theory = e.theory!;
    else if (r === 'education') out.education = e.education!;
    else out.stateManagement = e.stateManagement!;
    out.sources.push({
      requirement: r,
      entryId: e.id,
      citation: e.citationFull,
      confirmed: e.status === 'confirmed',
      text: e.text,
    });
  }
  return out;
}

/** A skill requirement in force for a title, with the entry it comes from. */
export interface SkillStandard<T> {
  level: T;
  entryId: string;
  citation: Citation;
  confirmed: boolean;
  text: { vi: string; en: string };
}
export interface SkillStandards {
  foreignLanguage: SkillStandard<number> | null;
  informatics: SkillStandard<InformaticsLevel> | null;
}

/** The foreign-language and IT requirements of a title on `date`: per skill, the most specific entry in force. */
export function skillStandardsFor(entries: readonly StandardEntry[], title: TitleFacts, date: string): SkillStandards {
  const inForce = entries
    .filter((e) => e.effectiveFrom <= date && (e.effectiveTo === null || date <= e.effectiveTo))
    .map((e) => ({ e, s: specificity(e, title) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || (a.e.status === b.e.status ? 0 : a.e.status === 'confirmed' ? -1 : 1));
  const source = <T>(e: StandardEntry | undefined, level: T | undefined): SkillStandard<T> | null =>
    e && level !== undefined
      ? { level, entryId: e.id, citation: e.citationFull, confirmed: e.status === 'confirmed', text: e.text }
      : null;
  const lang = inForce.find((x) => x.e.foreignLanguage !== undefined)?.e;
  const it = inForce.find((x) => x.e.informatics !== undefined)?.e;
  return { foreignLanguage: source(lang, lang?.foreignLanguage), informatics: source(it, it?.informatics) };
}
