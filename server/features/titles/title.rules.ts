import type { TitleComparison, TitleGroup } from '../../../contracts/titles';
import type { CatalogFile, CatalogTitle } from './title.catalog';

// Ranks restart in each group; a group's titles all rank above the next group's.
const GROUP_BASE: Record<TitleGroup, number> = { I: 0, II: 10, III: 20, IV: 30 };

/** One number ordering a whole catalog: 1 is the highest title, equal numbers are equivalent titles. */
export function rankOrder(group: TitleGroup, rank: number): number {
  return GROUP_BASE[group] + rank;
}

/** How title `a` stands against title `b` in the same catalog version. */
export function compareTitles(a: { rankOrder: number }, b: { rankOrder: number }): TitleComparison {
  if (a.rankOrder === b.rankOrder) return 'equivalent';
  return a.rankOrder < b.rankOrder ? 'higher' : 'lower';
}

export const titleId = (catalogId: string, t: { code: string; locality?: string | null }): string =>
  `${catalogId}:${t.code}${t.locality ? `@${t.locality}` : ''}`;

/** The catalog version in force on `date` (validity is [validFrom, validTo)), if any. */
export function catalogInForce<C extends { validFrom: string; validTo: string | null }>(
  catalogs: readonly C[],
  date: string,
): C | undefined {
  return catalogs.find((c) => c.validFrom <= date && (c.validTo === null || date < c.validTo));
}

/**
 * Problems in a catalog file the schema cannot see: duplicate ids, a head or ex-officio code that names no title,
 * versions whose periods overlap. Empty when the catalog is sound.
 */
export function catalogProblems(files: readonly CatalogFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const ids = new Set<string>();
    const codes = new Set(file.titles.map((t) => t.code));
    for (const t of file.titles) {
      const id = titleId(file.id, t);
      if (ids.has(id)) problems.push(`${file.id}: chức danh ${id} bị lặp / duplicate title ${id}`);
      ids.add(id);
      for (const ref of [t.head, ...(t.exOfficio ?? [])])
        if (ref && !codes.has(ref)) problems.push(`${file.id}: ${t.code} tham chiếu mã không có ${ref} / unknown code ${ref}`);
    }
    if (file.validTo !== null && file.validTo <= file.validFrom)
      problems.push(`${file.id}: ngày hết hiệu lực trước ngày hiệu lực / validTo before validFrom`);
  }
  const sorted = [...files].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    if (prev.validTo === null || prev.validTo > sorted[i]!.validFrom)
      problems.push(`${prev.id} và ${sorted[i]!.id} có thời gian hiệu lực chồng nhau / overlapping validity`);
  }
  return problems;
}

/** The head title a deputy row points to: the same locality variant when there is one, else the plain row. */
export function resolveHead(file: CatalogFile, t: CatalogTitle): CatalogTitle | undefined {
  if (!t.head) return undefined;
  const candidates = file.titles.filter((h) => h.code === t.head);
  return candidates.find((h) => h.locality === t.locality) ?? candidates.find((h) => !h.locality) ?? candidates[0];
}
