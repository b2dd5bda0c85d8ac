import type { PersonRecord } from '../../../contracts/persons';
import type { ConfidenceVoteFact, Track, Verdict } from '../../../contracts/policy';
import { RATING_LEVELS } from '../../../contracts/policy';
import type { Db, Trx } from '../../db/database';
import { ratingsHistory } from '../evaluations/evaluation.history';
import { type OutcomeReader, listVoteOutcomes } from '../votes/vote.outcomes';
import { catalogInForce } from '../titles/title.rules';
import { findTitle, listCatalogs, listTitles } from '../titles/title.repository';
import {
  type BoundedCount,
  type CatalogTitle,
  type HeldSeat,
  type Purpose,
  factsFromRecord,
  listTotal,
  prefilterFor,
} from './eligibility.batch.rules';
import * as repo from './eligibility.repository';
import { type BatchFilters } from './eligibility.repository';
import { evaluateEligibility } from './eligibility.rules';
import { type PolicyLibrary, type ResolvedPolicy, policyAt } from './policy.library';
import { retirementDate, monthsBetween } from './retirement.rules';
import { type ResolvedStandards, standardsFor } from './title-standards';

export type { BatchFilters } from './eligibility.repository';
export type { BoundedCount } from './eligibility.batch.rules';

export interface FindEligibleOptions {
  library: PolicyLibrary;
  /** The rules in force, already resolved (local packs applied); default: the national packs on `onDate` for `track`. */
  policy?: ResolvedPolicy;
  /** The target title: its id (`<catalog>:<code>`) or its catalog code, read in the catalog in force on `onDate`. */
  titleId?: string;
  targetTitleCode?: string;
  /** Subtree roots (materialized paths) the caller may read: nobody outside them is looked at. */
  scopePaths: readonly string[];
  /** Whose view of the published confidence votes the low-vote rule reads; absent: votes not looked up (rule not judged). */
  voteReader?: OutcomeReader;
  onDate: string;
  track?: Track;
  purpose?: Purpose;
  /** HD 45 reference-date key (planning): months before retirement are measured there. */
  referenceKey?: string | null;
  filters?: BatchFilters;
  /** Per list (eligible, one requirement short); default 100, at most 500. */
  limit?: number;
  /** Also look for those one requirement short (default true). */
  oneShort?: boolean;
  /** Also count everyone passing the pushed-down conditions (costs a count over the subtree). */
  count?: boolean;
  /** Where the bounded passing count stops (default PASSING_COUNT_CAP). */
  passingCap?: number;
}

export interface EligibleItem {
  personId: string;
  fullName: string;
  sex: 'M' | 'F';
  birthDate: string;
  ethnicity: string;
  organizationId: string;
  organizationName: string;
  currentTitle: string | null;
  levelsBelow: number | null;
  retirementDate: string;
  monthsLeft: number;
  eligible: boolean;
  /** The failed verdicts: empty when eligible, exactly one when one requirement short. */
  missing: Verdict[];
  warnings: Verdict[];
  verdicts: Verdict[];
}

/** The passing count stops here: beyond it the total says "more than 10,000" (the scan reads at most cap + 1 rows). */
export const PASSING_COUNT_CAP = 10_000;

export interface FindEligibleResult {
  title: { id: string; code: string; name: string; rankOrder: number };
  onDate: string;
  track: Track;
  purpose: Purpose;
  standards: ResolvedStandards;
  /** The rules pushed into SQL as necessary conditions. */
  pushedDown: string[];
  /** People in scope passing every pushed-down condition, when asked (`count`). */
  passingPrefilter: number | null;
  /** People the engine judged. */
  scanned: number;
  eligible: EligibleItem[];
  oneShort: EligibleItem[];
  /** False when a list or a query stopped at its limit (more people may qualify). */
  complete: boolean;
  /**
   * How many in scope: eligible and one short are exact when their list was not cut (else more than the limit, or at
   * least the number found); `passing` counts those passing the database conditions, an upper bound of the eligible,
   * exact up to PASSING_COUNT_CAP.
   */
  totals: { eligible: BoundedCount; oneShort: BoundedCount | null; passing: BoundedCount };
}

/** The titles of the catalog in force on a date (a code ranked by locality read as the other provinces' row). */
export async function catalogAt(db: Db | Trx, date: string): Promise<CatalogTitle[]> {
  const catalogs = (await listCatalogs(db)).map((c) => ({ ...c, validFrom: c.valid_from, validTo: c.valid_to }));
  const inForce = catalogInForce(catalogs, date);
  if (!inForce) return [];
  const rows = await listTitles(db, { catalogId: inForce.id });
  // A code ranked by locality (Hà Nội, TP HCM one step higher) reads as the other provinces' row.
  const byCode = new Map<string, (typeof rows)[number]>();
  for (const t of rows) if (!byCode.has(t.code) || t.locality_class === 'other_provinces') byCode.set(t.code, t);
  return [...byCode.values()].map((t) => ({
    id: t.id,
    code: t.code,
    name: t.name,
    rankOrder: Number(t.rank_order),
    managingAuthority: t.managing_authority,
    group: t.group_no,
  }));
}

/** The target title in the catalog in force, or undefined. */
export async function targetTitle(
  db: Db | Trx,
  o: { titleId?: string; targetTitleCode?: string; onDate: string },
): Promise<{ target: CatalogTitle; catalog: CatalogTitle[] } | undefined> {
  const catalog = await catalogAt(db, o.onDate);
  const code = o.targetTitleCode ?? (o.titleId ? (await findTitle(db, o.titleId))?.code : undefined);
  const target = code ? catalog.find((t) => t.code === code) : undefined;
  return target ? { target, catalog } : undefined;
}

/**
 * The published confidence votes (three levels) on each person up to `onDate`, as the low-vote rule reads them
 * (`person.confidenceVotes` of the facts), as `reader` may see them (narrowed to `organizationPaths` when given).
 */
export async function confidenceVoteFacts(
  db: Db | Trx,
  reader: OutcomeReader,
  o: { personIds: readonly string[]; onDate: string; organizationPaths?: readonly string[] },
): Promise<Map<string, ConfidenceVoteFact[]>> {
  const votes = new Map<string, ConfidenceVoteFact[]>(o.personIds.map((id) => [id, []]));
  const outcomes = await listVoteOutcomes(db, reader, {
    personIds: o.personIds,
    ...(o.organizationPaths ? { organizationPaths: o.organizationPaths } : {}),
    to: o.onDate,
    kinds: ['confidence'],
  });
  for (const v of outcomes)
    if ('low' in v.counts)
      votes.get(v.personId)?.push({
        voteDate: v.voteDate,
        low: v.counts.low,
        collected: v.collected,
        summoned: v.summoned,
        sessionId: v.sessionId,
      });
  return votes;
}

/** Everything the engine needs about a set of stored people besides the record itself. */
export async function contextOf(
  db: Db | Trx,
  o: {
    personIds: string[];
    catalog: CatalogTitle[];
    target: CatalogTitle;
    onDate: string;
    purpose: Purpose;
    /** Read the published confidence votes (the low-vote rule) as this reader, under these roots; absent: not looked up. */
    votes?: { reader: OutcomeReader; organizationPaths?: readonly string[] };
  },
) {
  const rank = new Map(o.catalog.map((t) => [t.code, t.rankOrder]));
  const seats = new Map<string, HeldSeat[]>();
  for (const s of await repo.seatsOf(db, o.personIds)) {
    const r = rank.get(s.code);
    if (r === undefined) continue;
    seats.set(s.person_id, [...(seats.get(s.person_id) ?? []), { code: s.code, rankOrder: r, from: s.from_date, to: s.to_date }]);
  }
  const year = Number(o.onDate.slice(0, 4));
  let ratings = new Map<string, { year: number; level: (typeof RATING_LEVELS)[number] }[]>();
  const inPlan = new Set<string>();
  if (o.purpose === 'appointment') {
    // The years before the judgement year; when both tracks rated a year, the lower rating counts.
    ratings = await ratingsHistory(db, o.personIds, year - 1, { years: 5 });
    for (const id of await repo.inPlanFor(db, o.personIds, o.target.code, o.onDate)) inPlan.add(id);
  }
  const votes = o.votes
    ? await confidenceVoteFacts(db, o.votes.reader, { personIds: o.personIds, onDate: o.onDate, ...o.votes })
    : null;
  return { seats, ratings, inPlan, votes };
}

/**
 * Batch eligibility over the database: who in the subtrees is eligible for a title on a date, and who is one
 * requirement short (and which). The hard conditions of confirmed rules run in SQL as necessary conditions (so SQL
 * never drops someone the engine would accept); the pure engine judges the short list, youngest first.
 */
export async function findEligible(db: Db | Trx, o: FindEligibleOptions): Promise<FindEligibleResult> {
  const track = o.track ?? 'party';
  const purpose = o.purpose ?? 'planning';
  const limit = Math.min(500, Math.max(1, o.limit ?? 100));
  const found = await targetTitle(db, o);
  if (!found) throw new RangeError(`no title ${o.titleId ?? o.targetTitleCode} in the catalog in force on ${o.onDate}`);
  const { target, catalog } = found;
  const policy = o.policy ?? policyAt(o.library, o.onDate, track);
  const standards = standardsFor(o.library.standards, target, o.onDate);
  const prefilter = prefilterFor({ policy, purpose, target, catalog, standards, referenceKey: o.referenceKey ?? null });
  const filters = o.filters ?? {};
  const refs = o.referenceKey ? policy.rules.get('planning.reference-dates') : undefined;
  const refMonth =
    refs && refs.kind === 'reference-dates' ? refs.params.dates.find((d) => d.key === o.referenceKey)?.month : undefined;
  const measureAt = purpose === 'planning' && refMonth ? `${refMonth}-01` : o.onDate;

  const eligible: EligibleItem[] = [];
  let scanned = 0;
  let complete = true;

  const judge = async (rows: repo.CandidateRow[]) => {
    const ctx = await contextOf(db, {
      personIds: rows.map((r) => r.id),
      catalog,
      target,
      onDate: o.onDate,
      purpose,
      ...(o.voteReader ? { votes: { reader: o.voteReader } } : {}),
    });
    return rows.map((row) => {
      const record = JSON.parse(row.data_json) as PersonRecord;
      const { facts, levelsBelow } = factsFromRecord({
        record,
        birthDate: row.birth_date,
        sex: row.sex,
        currentTitleCode: row.current_title_code,
        seats: ctx.seats.get(row.id) ?? [],
        catalog,
        target,
        standards,
        date: o.onDate,
        purpose,
        ratings: ctx.ratings.get(row.id) ?? [],
        inPlanForTitle: ctx.inPlan.has(row.id),
        referenceKey: o.referenceKey ?? null,
        ...(ctx.votes ? { confidenceVotes: ctx.votes.get(row.id) ?? [] } : {}),
      });
      scanned++;
      const r = evaluateEligibility(facts, policy);
      const retirement = retirementDate(
        { sex: row.sex, birth: row.birth_date, femaleLeaderTo60: facts.person.femaleLeaderTo60 },
        policy,
      );
      const failed = r.verdicts.filter((v) => v.status === 'failed');
      const item: EligibleItem = {
        personId: row.id,
        fullName: row.full_name,
        sex: row.sex,
        birthDate: row.birth_date,
        ethnicity: row.ethnicity,
        organizationId: row.organization_id,
        organizationName: row.organization_name,
        currentTitle: row.current_title,
        levelsBelow,
        retirementDate: retirement.retirementDate,
        monthsLeft: Math.max(0, monthsBetween(measureAt, retirement.pensionFrom)),
        eligible: r.eligible,
        missing: failed,
        warnings: r.verdicts.filter((v) => v.status === 'warning'),
        verdicts: r.verdicts,
      };
      return { item, failedRules: new Set(failed.map((v) => v.ruleId)).size };
    });
  };

  // Each query first fetches twice the limit and widens (up to a cap) only when the engine rejected so many that the
  // list is short; a fetch that stops full means more people may exist.
  const cap = Math.min(2500, limit * 5);
  /** Returns true when every row of the query was judged (the query was not cut). */
  const fetch = async (
    mode: repo.Mode,
    enough: () => boolean,
    take: (judged: Awaited<ReturnType<typeof judge>>) => void,
  ): Promise<boolean> => {
    const seen = new Set<string>();
    for (let size = Math.min(cap, limit * 2); ; size = Math.min(cap, size * 3)) {
      const rows = await repo.candidates(db, { prefilter, roots: o.scopePaths, filters, mode, limit: size });
      const fresh = rows.filter((r) => !seen.has(r.id));
      for (const r of fresh) seen.add(r.id);
      take(await judge(fresh));
      if (rows.length < size) return true;
      if (enough() || size >= cap) {
        complete = false;
        return false;
      }
    }
  };
  const byService = (a: EligibleItem, b: EligibleItem) =>
    b.monthsLeft - a.monthsLeft || a.fullName.localeCompare(b.fullName, 'vi') || a.personId.localeCompare(b.personId);

  // Nobody certainly fails a pushed rule: the engine sorts them into eligible and one short (by a rule judged in
  // TypeScript only). Then, per pushed rule, those certainly failing it and no other: one short if the engine agrees.
  const shorts = new Map<string, EligibleItem>();
  const wantShort = o.oneShort !== false;
  const eligibleQueryWhole = await fetch(
    'pass',
    () => eligible.length >= limit,
    (judged) => {
      for (const { item, failedRules } of judged) {
        if (failedRules === 0) eligible.push(item);
        else if (failedRules === 1 && wantShort) shorts.set(item.personId, item);
      }
    },
  );
  let shortQueriesWhole = true;
  if (wantShort)
    for (let g = 0; g < repo.groupCount(prefilter); g++)
      if (
        !(await fetch(
          g,
          () => shorts.size >= limit,
          (judged) => {
            for (const { item, failedRules } of judged) if (failedRules === 1) shorts.set(item.personId, item);
          },
        ))
      )
        shortQueriesWhole = false;
  eligible.sort(byService);
  const oneShort = [...shorts.values()].sort(byService);
  if (eligible.length > limit || oneShort.length > limit) complete = false;
  const passingPrefilter = o.count ? await repo.countPassing(db, { prefilter, roots: o.scopePaths, filters }) : null;
  const passing = await repo.countPassingUpTo(db, { prefilter, roots: o.scopePaths, filters }, o.passingCap ?? PASSING_COUNT_CAP);
  // The one-short list also takes people of the eligible query (one rule judged only in TypeScript failed).
  const totals = {
    eligible: listTotal(eligible.length, limit, eligibleQueryWhole),
    oneShort: wantShort ? listTotal(oneShort.length, limit, eligibleQueryWhole && shortQueriesWhole) : null,
    passing: { value: passing.value, relation: passing.exact ? 'exact' : 'more-than' } as BoundedCount,
  };
  return {
    title: { id: target.id, code: target.code, name: target.name, rankOrder: target.rankOrder },
    onDate: o.onDate,
    track,
    purpose,
    standards,
    pushedDown: prefilter.ruleIds,
    passingPrefilter,
    scanned,
    eligible: eligible.slice(0, limit),
    oneShort: oneShort.slice(0, limit),
    complete,
    totals,
  };
}
