// Who votes for which title (policy/votes/voter-groups.yaml): the version in force on the vote's date and the group
// its subjects' titles belong to. Pure: the file is parsed by the caller and passed in.
import { z } from 'zod';
import type { VoterGroupVerdict } from '../../../contracts/vote-voter-groups';
import { citationText } from '../policy/policy.library';

export const VOTER_GROUP_RULE_ID = 'vote.voter-groups';

const isoDate = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date().transform((d) => d.toISOString().slice(0, 10))]);
const bilingual = z.object({ vi: z.string().min(1), en: z.string().min(1) });
const part = z.object({ key: z.string().min(1), label: bilingual, titles: z.array(z.string().min(1)).default([]) });
const group = z.object({
  id: z.string().min(1),
  conference: bilingual,
  subjects: z.array(z.string().min(1)).min(1),
  parts: z.array(part).min(1),
});
const version = z.object({
  id: z.string().min(1),
  title: bilingual,
  citation: z.object({ document: z.string().min(1), date: isoDate, article: z.string().optional() }),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.optional(),
  status: z.enum(['confirmed', 'unconfirmed']),
  note: bilingual.optional(),
  groups: z.array(group).min(1),
});
export const voterGroupsFileSchema = z.object({ versions: z.array(version).min(1) }).superRefine((f, ctx) => {
  f.versions.forEach((v, i) => {
    if (v.effectiveTo && v.effectiveTo < v.effectiveFrom)
      ctx.addIssue({ code: 'custom', path: ['versions', i, 'effectiveTo'], message: 'before effectiveFrom' });
    const seen = new Map<string, string>();
    v.groups.forEach((g, j) =>
      g.subjects.forEach((code) => {
        if (seen.has(code))
          ctx.addIssue({
            code: 'custom',
            path: ['versions', i, 'groups', j, 'subjects'],
            message: `${code} is already in group ${seen.get(code)}`,
          });
        seen.set(code, g.id);
      }),
    );
    f.versions.slice(i + 1).forEach((w) => {
      const overlap = v.effectiveFrom <= (w.effectiveTo ?? '9999-12-31') && w.effectiveFrom <= (v.effectiveTo ?? '9999-12-31');
      if (overlap) ctx.addIssue({ code: 'custom', path: ['versions', i], message: `overlaps ${w.id}` });
    });
  });
});
export type VoterGroupsFile = z.infer<typeof voterGroupsFileSchema>;

/** One subject as the rule sees it: the catalog code of the title he is voted on as, when the title is in it. */
export interface VoterGroupSubject {
  name: string;
  titleCode: string | null;
}

/**
 * The voter group for these subjects on `onDate`: matched (every subject's title is in one group), partial (some
 * titles are in no group: written by hand or outside the version), mixed (the titles belong to different groups:
 * hold one conference per group; the group of most subjects is proposed), none (no title is in any group), or
 * no-version (no version in force that day).
 */
export function voterGroupFor(file: VoterGroupsFile, onDate: string, subjects: readonly VoterGroupSubject[]): VoterGroupVerdict {
  const v = file.versions.find((x) => x.effectiveFrom <= onDate && (!x.effectiveTo || onDate <= x.effectiveTo));
  if (!v)
    return {
      ruleId: VOTER_GROUP_RULE_ID,
      versionId: null,
      citation: null,
      unconfirmed: false,
      status: 'no-version',
      group: null,
      outside: subjects.map((s) => s.name),
      otherGroups: [],
      message: {
        vi: 'Không có quy định về thành phần lấy phiếu có hiệu lực vào ngày này: nhập thành phần theo văn bản áp dụng.',
        en: 'No voter-group rule is in force on this date: enter the group from the applicable text.',
      },
    };
  const groupOf = (code: string | null) => (code ? v.groups.find((g) => g.subjects.includes(code)) : undefined);
  const counts = new Map<string, number>();
  for (const s of subjects) {
    const g = groupOf(s.titleCode);
    if (g) counts.set(g.id, (counts.get(g.id) ?? 0) + 1);
  }
  // the group of most subjects; ties go to the group listed first in the version
  const best = v.groups.filter((g) => counts.has(g.id)).sort((a, b) => counts.get(b.id)! - counts.get(a.id)!)[0];
  const outside = subjects.filter((s) => !groupOf(s.titleCode)).map((s) => s.name);
  const otherGroups = v.groups
    .filter((g) => counts.has(g.id) && g !== best)
    .map((g) => ({
      conference: g.conference,
      subjects: subjects.filter((s) => groupOf(s.titleCode) === g).map((s) => s.name),
    }));
  const status = !best ? 'none' : otherGroups.length > 0 ? 'mixed' : outside.length > 0 ? 'partial' : 'matched';
  const citation = citationText({ document: v.citation.document, date: v.citation.date, article: v.citation.article ?? null });
  const messages: Record<typeof status, { vi: string; en: string }> = {
    matched: {
      vi: `Thành phần lấy phiếu theo ${citation}.`,
      en: `Voter group as set by ${citation}.`,
    },
    partial: {
      vi: `Thành phần theo ${citation}; chức danh của ${outside.join(', ')} không có trong quy định: kiểm tra lại thành phần cho người này.`,
      en: `Voter group as set by ${citation}; the title of ${outside.join(', ')} is not in the rule: check the group for them.`,
    },
    mixed: {
      vi: `Những người được lấy phiếu thuộc các hội nghị khác nhau theo ${citation}: tổ chức riêng ${otherGroups.map((g) => `${g.conference.vi} (${g.subjects.join(', ')})`).join('; ')}.`,
      en: `The subjects belong to different conferences under ${citation}: hold a separate ${otherGroups.map((g) => `${g.conference.en} (${g.subjects.join(', ')})`).join('; ')}.`,
    },
    none: {
      vi: `Chức danh của những người được lấy phiếu không có trong ${citation}: nhập thành phần theo văn bản áp dụng.`,
      en: `None of the subjects' titles is in ${citation}: enter the group from the applicable text.`,
    },
  };
  return {
    ruleId: VOTER_GROUP_RULE_ID,
    versionId: v.id,
    citation,
    unconfirmed: v.status !== 'confirmed',
    status,
    group: best
      ? {
          id: best.id,
          conference: best.conference,
          parts: best.parts.map((p) => ({ key: p.key, label: p.label, titles: p.titles })),
        }
      : null,
    outside,
    otherGroups,
    message: messages[status],
  };
}

/** The voter group as one line of text (the session's voter_group and the count record). */
export function voterGroupText(group: NonNullable<VoterGroupVerdict['group']>): string {
  return `${group.conference.vi}: ${group.parts.map((p) => p.label.vi).join('; ')}`;
}
