import type { RuleVerdict } from '../../../contracts/positions';

/** A seat as the rules see it: its title, seat count and how many people sit in it on the date checked. */
export interface SeatFacts {
  positionId: string;
  organizationId: string;
  titleId: string;
  titleName: string;
  seatCount: number;
  incumbentCount: number;
}

/** What the rules need of a title: its deputy/head link and the deputy cap where the policy sets one. */
export interface TitleFacts {
  id: string;
  name: string;
  headTitleId: string | null;
  maxDeputies: number | null;
  citation: string;
}

export const SEAT_COUNT_RULE = {
  ruleId: 'positions.seat-count',
  citation: 'Số lượng của vị trí theo quyết định thành lập vị trí / seat count set when the seat was created',
} as const;
export const DEPUTY_CAP_RULE_ID = 'positions.deputy-cap';

/**
 * Seats holding more people than they have places, and head titles with more deputies (summed over the deputy
 * seats of one organization) than the catalog allows. Only failures are returned, each naming the seat or title.
 */
export function seatProblems(seats: readonly SeatFacts[], titles: ReadonlyMap<string, TitleFacts>): RuleVerdict[] {
  const problems: RuleVerdict[] = [];
  for (const s of seats) {
    if (s.incumbentCount > s.seatCount)
      problems.push({
        ...SEAT_COUNT_RULE,
        passed: false,
        subjectId: s.positionId,
        detail: `${s.titleName}: ${s.incumbentCount} người cho ${s.seatCount} vị trí`,
        detailEn: `${s.titleName}: ${s.incumbentCount} people for ${s.seatCount} seat(s)`,
      });
  }
  const deputies = new Map<string, { organizationId: string; head: TitleFacts; count: number }>();
  for (const s of seats) {
    const title = titles.get(s.titleId);
    const head = title?.headTitleId ? titles.get(title.headTitleId) : undefined;
    if (!head || head.maxDeputies === null) continue;
    const key = `${s.organizationId}|${head.id}`;
    const entry = deputies.get(key) ?? { organizationId: s.organizationId, head, count: 0 };
    entry.count += s.incumbentCount;
    deputies.set(key, entry);
  }
  for (const { organizationId, head, count } of deputies.values()) {
    if (count > head.maxDeputies!)
      problems.push({
        ruleId: DEPUTY_CAP_RULE_ID,
        citation: head.citation,
        passed: false,
        subjectId: organizationId,
        detail: `${head.name}: ${count} cấp phó, tối đa ${head.maxDeputies}`,
        detailEn: `${head.name}: ${count} deputies, at most ${head.maxDeputies}`,
      });
  }
  return problems;
}

/** Whether [aFrom, aTo) and [bFrom, bTo) share a day (null = open-ended). */
export function periodsOverlap(aFrom: string, aTo: string | null, bFrom: string, bTo: string | null): boolean {
  return (bTo === null || aFrom < bTo) && (aTo === null || bFrom < aTo);
}

/** The day a term of `years` started on `from` ends (same calendar day, `years` later; 29/02 → 28/02). */
export function termEndFrom(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** `date` plus `months` calendar months, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Whether an incumbency with this term end ends within `months` of `asOf` (and not before it). */
export function termEndsWithin(termEnd: string | null, asOf: string, months: number): boolean {
  return termEnd !== null && termEnd >= asOf && termEnd <= addMonths(asOf, months);
}

/**
 * The most people holding a seat at once on any day from `from` on, given its incumbencies ([from, to)): the fewest
 * places the seat may have from that day. Counted at `from` and at every later start, where the number can only rise.
 */
export function maxSeatedFrom(history: readonly { from: string; to: string | null }[], from: string): number {
  const points = [from, ...history.map((h) => h.from).filter((d) => d > from)];
  let max = 0;
  for (const day of points) {
    const n = history.filter((h) => h.from <= day && (h.to === null || h.to > day)).length;
    if (n > max) max = n;
  }
  return max;
}
