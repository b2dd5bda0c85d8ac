import { RATING_RANK, type RatingLevel } from '../../../contracts/evaluations';
import type { Db, Trx } from '../../db/database';
import { annualRatingsOf } from './evaluation.repository';

export interface YearRating {
  year: number;
  level: RatingLevel;
}

/**
 * The decided annual ratings of each person for the `years` years up to and including `untilYear` (3 by default),
 * oldest first, in the shape the eligibility engine takes (`person.ratings`). A person rated on both tracks in one
 * year (Party and civil-service) keeps the lower rating of that year. People with no rating map to an empty list.
 * Not scoped: the caller has already limited `personIds` to the actor's subtree.
 */
export async function ratingsHistory(
  db: Db | Trx,
  personIds: readonly string[],
  untilYear: number,
  options: { years?: number } = {},
): Promise<Map<string, YearRating[]>> {
  const years = options.years ?? 3;
  const out = new Map<string, YearRating[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return out;
  const rows = await annualRatingsOf(db, [...new Set(personIds)], untilYear - years + 1, untilYear);
  for (const r of rows) {
    const list = out.get(r.person_id)!;
    const same = list.find((x) => x.year === r.year);
    if (!same) list.push({ year: r.year, level: r.level });
    else if (RATING_RANK[r.level] < RATING_RANK[same.level]) same.level = r.level;
  }
  for (const list of out.values()) list.sort((a, b) => a.year - b.year);
  return out;
}
