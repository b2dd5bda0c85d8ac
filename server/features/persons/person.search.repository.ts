import { likeEscaped } from '../../db/like';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database, Db, Dialect } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import { escapeLike } from '../../lib/text';
import type { PersonRow, PersonTable } from './person.table';

// Search: the list, the streamed matches (export, print, forecast) and the statistics' counts.

export interface PersonSearch {
  scopePaths: readonly string[];
  /** an extra subtree (the organization filter), intersected with the scope */
  subtreePath?: string;
  /** folded name words, matched as word prefixes */
  nameTokens?: string[];
  cccdPrefix?: string;
  birthYear?: number;
  sex?: 'M' | 'F';
  titleFolded?: string;
  theoryLevel?: string;
  partyMember?: boolean;
  ethnicity?: string;
  /** birth_date strictly after (the person is younger than …) */
  bornAfter?: string;
  /** birth_date on or before (the person is at least … old) */
  bornOnOrBefore?: string;
  /** only this person (a cadre's own record) */
  onlyPersonId?: string;
}

type PersonEb = ExpressionBuilder<Database & { p: PersonTable; o: Database['organizations'] }, 'p' | 'o'>;

function searchConditions(eb: PersonEb, dialect: Dialect, f: PersonSearch): Expression<SqlBool> {
  const and: Expression<SqlBool>[] = [];
  if (f.onlyPersonId) and.push(eb('p.id', '=', f.onlyPersonId));
  else and.push(inSubtrees(eb, 'o.path', f.scopePaths));
  if (f.subtreePath) and.push(inSubtrees(eb, 'o.path', [f.subtreePath]));
  if (f.nameTokens?.length) {
    if (dialect === 'sqlite') {
      const match = f.nameTokens.map((t) => `"${t}"*`).join(' ');
      and.push(sql<SqlBool>`p.rowid in (select rowid from persons_fts where persons_fts match ${match})`);
    } else {
      for (const t of f.nameTokens) and.push(likeEscaped(sql`(' ' || p.name_folded)`, (e) => `% ${e}%`, t));
    }
  }
  if (f.cccdPrefix) and.push(eb.and([eb('p.cccd', '>=', f.cccdPrefix), eb('p.cccd', '<', `${f.cccdPrefix}:`)]));
  if (f.birthYear !== undefined) and.push(eb('p.birth_year', '=', f.birthYear));
  if (f.sex) and.push(eb('p.sex', '=', f.sex));
  if (f.titleFolded) and.push(sql<SqlBool>`p.title_folded like ${`%${escapeLike(f.titleFolded)}%`} escape '\\'`);
  if (f.theoryLevel) and.push(eb('p.theory_level', '=', f.theoryLevel as PersonRow['theory_level']));
  if (f.partyMember !== undefined) and.push(eb('p.party_member', '=', f.partyMember ? 1 : 0));
  if (f.ethnicity) and.push(eb('p.ethnicity', '=', f.ethnicity));
  if (f.bornAfter) and.push(eb('p.birth_date', '>', f.bornAfter));
  if (f.bornOnOrBefore) and.push(eb('p.birth_date', '<=', f.bornOnOrBefore));
  return eb.and(and);
}

export type PersonListRow = Pick<
  PersonRow,
  | 'id'
  | 'full_name'
  | 'sex'
  | 'birth_date'
  | 'cccd'
  | 'ethnicity'
  | 'organization_id'
  | 'current_title'
  | 'theory_level'
  | 'professional_level'
  | 'party_member'
  | 'has_photo'
> & { organization_name: string };

function baseSearch(db: Db, dialect: Dialect, f: PersonSearch) {
  return db
    .selectFrom('persons as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .where((eb) => searchConditions(eb as unknown as PersonEb, dialect, f));
}

const LIST_COLUMNS = [
  'p.id',
  'p.full_name',
  'p.sex',
  'p.birth_date',
  'p.cccd',
  'p.ethnicity',
  'p.organization_id',
  'p.current_title',
  'p.theory_level',
  'p.professional_level',
  'p.party_member',
  'p.has_photo',
  'o.name as organization_name',
] as const;

/**
 * At most this many people per word are counted when choosing the word that drives a name search; a query whose every
 * word is more frequent than this in the subtree (a country-wide "nguyen van") is driven by the full-text index.
 */
const DRIVER_CAP = 20_000;

/**
 * The ids of the organizations of the search's scope ∩ its subtree filter, read once per search: each name word is
 * then one index range per organization (organization, word) of the name index, on both dialects.
 */
async function organizationIdsInScope(db: Db, f: PersonSearch): Promise<string[]> {
  let q = db
    .selectFrom('organizations as o2')
    .select('o2.id')
    .where((eb) => inSubtrees(eb, 'o2.path', f.scopePaths));
  if (f.subtreePath) q = q.where((eb) => inSubtrees(eb, 'o2.path', [f.subtreePath!]));
  return (await q.execute()).map((r) => r.id);
}

/**
 * Name-index rows of these organizations whose word starts with `word` (word < word + "{": only a–z, 0–9 are indexed).
 * PostgreSQL gets the organizations as one array parameter (a list of thousands of parameters costs more to plan
 * than to run).
 */
function wordMatches(db: Db, dialect: Dialect, orgIds: readonly string[], word: string) {
  return db
    .selectFrom('person_name_tokens as k')
    .where((eb) =>
      dialect === 'postgres'
        ? sql<SqlBool>`${eb.ref('k.organization_id')} = any(${[...orgIds]}::varchar[])`
        : eb('k.organization_id', 'in', orgIds),
    )
    .where('k.token', '>=', word)
    .where('k.token', '<', `${word}{`);
}

/** A second word is joined (read and intersected) rather than probed per candidate when it has at most this many times the driver's people. */
const JOIN_FACTOR = 4;

/**
 * How the name words will be matched: the driver (the word with the fewest people in the subtree, fewer than
 * DRIVER_CAP), an optional second word cheap enough to read and intersect, and the remaining words, probed per
 * candidate. None when every word has DRIVER_CAP or more people — then the full-text index and the name order drive.
 * The given name (the last word, the rarest in Vietnamese names) is counted first; the other words only up to
 * JOIN_FACTOR times the fewest found so far, so a frequent family name stops early. Called with at least one word.
 */
async function planWords(
  db: Db,
  dialect: Dialect,
  orgIds: readonly string[],
  words: readonly string[],
  cap: number,
): Promise<{ driver: string; joined: string | null; probed: string[] } | null> {
  const unique = [...new Set(words)];
  const known: { word: string; n: number }[] = [];
  const count = async (word: string, limit: number) => {
    const r: { n: number | string } = await db
      .selectFrom(wordMatches(db, dialect, orgIds, word).select('k.person_id').limit(limit).as('x'))
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const n: number = Number(r.n);
    if (n < limit) known.push({ word, n });
  };
  const limitNow = () => {
    const fewest = known.length ? Math.min(...known.map((k) => k.n)) : null;
    return fewest === null ? cap : Math.min(cap, Math.max(1, fewest * JOIN_FACTOR));
  };
  const order = [...unique].reverse();
  const [given, ...others] = order;
  await count(given!, cap);
  // PostgreSQL counts the other words at once on separate connections, each up to JOIN_FACTOR times the given name's
  // count (the search's p95 was its sequential counts); SQLite has one connection, so each word's count there also
  // bounds the next. Either way the driver is the rarest word, and every word still filters the result.
  if (dialect === 'postgres') {
    const limit = limitNow();
    await Promise.all(others.map((w) => count(w, limit)));
  } else for (const word of others) await count(word, limitNow());
  if (known.length === 0) return null;
  // Ties go to the word counted first in the sequential order (the given name): parallel counts finish in any order.
  known.sort((x, y) => x.n - y.n || order.indexOf(x.word) - order.indexOf(y.word));
  const driver = known[0]!;
  const second = known[1];
  const joined = second && second.n <= Math.max(1, driver.n) * JOIN_FACTOR ? second.word : null;
  return { driver: driver.word, joined, probed: unique.filter((w) => w !== driver.word && w !== joined) };
}

/**
 * The person of the name-index row `k` also carries a word starting with `w`: the exact word is one index seek
 * (organization, word, person); the longer words starting with `w` ("an" → "anh") are a second, usually empty, range.
 * A single range probe would walk every row of the word in the organization for each candidate.
 */
function hasWord(eb: ExpressionBuilder<Database & { k: Database['person_name_tokens'] }, 'k'>, w: string) {
  const probe = (exact: boolean) =>
    eb.exists(
      eb
        .selectFrom('person_name_tokens as k2')
        .select(sql.lit(1).as('one'))
        .whereRef('k2.organization_id', '=', 'k.organization_id')
        .where((e) => (exact ? e('k2.token', '=', w) : e.and([e('k2.token', '>', w), e('k2.token', '<', `${w}{`)])))
        .whereRef('k2.person_id', '=', 'k.person_id'),
    );
  return eb.or([probe(true), probe(false)]);
}

/** Filters other than scope, subtree and name, which need the persons row itself. */
function hasRowFilters(f: PersonSearch): boolean {
  return (
    f.cccdPrefix !== undefined ||
    f.birthYear !== undefined ||
    f.sex !== undefined ||
    f.titleFolded !== undefined ||
    f.theoryLevel !== undefined ||
    f.partyMember !== undefined ||
    f.ethnicity !== undefined ||
    f.bornAfter !== undefined ||
    f.bornOnOrBefore !== undefined
  );
}

/**
 * A name search through the name index: the rows of the subtree carrying the driver word, intersected with those of
 * the joined word (a hash or an ephemeral index, read once), the remaining words probed on what is left (same
 * organization, same person); the page and the count taken in name order from the index alone. The persons rows
 * are read for the page only (and for the other filters when there are any).
 */
async function searchByNameIndex(
  db: Db,
  dialect: Dialect,
  f: PersonSearch,
  orgIds: readonly string[],
  plan: { driver: string; joined: string | null; probed: string[] },
  page: { limit: number; offset: number },
): Promise<{ rows: PersonListRow[]; total: number }> {
  const rest: PersonSearch = { ...f, nameTokens: undefined, subtreePath: undefined };
  let pairs = wordMatches(db, dialect, orgIds, plan.driver).select(['k.organization_id', 'k.person_id', 'k.sort_key']);
  if (plan.joined)
    pairs = pairs.where('k.person_id', 'in', (eb) =>
      eb.selectFrom(wordMatches(db, dialect, orgIds, plan.joined!).select('k.person_id').as('j')).select('j.person_id'),
    );
  const withCand = db
    .with(
      (cte) => cte('pairs').materialized(),
      () => pairs,
    )
    .with(
      (cte) => cte('cand').materialized(),
      (qb) => {
        let cand = qb
          .selectFrom('pairs as k')
          .select(['k.person_id', 'k.sort_key'])
          .distinct()
          .where((eb) => eb.and(plan.probed.map((w) => hasWord(eb as never, w))));
        if (hasRowFilters(f))
          cand = cand
            .innerJoin('persons as p', 'p.id', 'k.person_id')
            .innerJoin('organizations as o', 'o.id', 'p.organization_id')
            .where((eb) => searchConditions(eb as unknown as PersonEb, dialect, rest));
        return cand;
      },
    );
  const hits = await withCand
    .selectFrom('cand')
    // The total once (a scalar over the materialized candidates), the page by a top-N sort: no window over all.
    .select([
      'cand.person_id',
      (eb) => eb.selectFrom('cand as c').select(eb.fn.countAll<number | string>().as('n')).as('total_count'),
    ])
    .orderBy('cand.sort_key')
    .orderBy('cand.person_id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  if (hits.length === 0 && page.offset > 0) {
    const n = await withCand
      .selectFrom('cand')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return { rows: [], total: Number(n.n) };
  }
  const ids = hits.map((h) => h.person_id);
  const rows = ids.length
    ? await db
        .selectFrom('persons as p')
        .innerJoin('organizations as o', 'o.id', 'p.organization_id')
        .select(LIST_COLUMNS)
        .where('p.id', 'in', ids)
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: ids.map((id) => byId.get(id)!).filter(Boolean), total: hits.length ? Number(hits[0]!.total_count) : 0 };
}

/** One page of matching persons in Vietnamese name order, and the total count. */
export async function searchPersons(
  db: Db,
  dialect: Dialect,
  f: PersonSearch,
  page: { limit: number; offset: number },
  opts: { driverCap?: number } = {},
): Promise<{ rows: PersonListRow[]; total: number }> {
  if (f.nameTokens?.length && !f.onlyPersonId) {
    const orgIds = await organizationIdsInScope(db, f);
    if (orgIds.length === 0) return { rows: [], total: 0 };
    const plan = await planWords(db, dialect, orgIds, f.nameTokens, opts.driverCap ?? DRIVER_CAP);
    if (plan) return searchByNameIndex(db, dialect, f, orgIds, plan, page);
  }
  const q = baseSearch(db, dialect, f);
  // One pass over the matches: the page and the total (a window count) together, instead of matching twice.
  const page1 = await q
    .select(LIST_COLUMNS)
    .select(sql<number | string>`count(*) over ()`.as('total_count'))
    .orderBy('p.sort_key')
    .orderBy('p.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const rows = page1.map(({ total_count: _, ...r }) => r);
  if (page1.length > 0) return { rows, total: Number(page1[0]!.total_count) };
  if (page.offset === 0) return { rows, total: 0 };
  // A page past the end carries no window count: count on its own.
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export type MatchingRecord = { id: string; data_json: string; organization_name: string; has_photo: number };

/** Every matching person with the whole record, in name order, read in keyset pages (for export and print). */
export async function* iterateMatchingPages(
  db: Db,
  dialect: Dialect,
  f: PersonSearch,
  max: number,
  pageSize = 1000,
): AsyncGenerator<MatchingRecord[]> {
  let sent = 0;
  let after: { key: string; id: string } | null = null;
  while (sent < max) {
    let q = baseSearch(db, dialect, f).select([
      'p.id',
      'p.sort_key',
      'p.data_json',
      'p.has_photo',
      'o.name as organization_name',
    ]);
    if (after) {
      const a = after;
      q = q.where((eb) => eb.or([eb('p.sort_key', '>', a.key), eb.and([eb('p.sort_key', '=', a.key), eb('p.id', '>', a.id)])]));
    }
    const rows = await q
      .orderBy('p.sort_key')
      .orderBy('p.id')
      .limit(Math.min(pageSize, max - sent))
      .execute();
    if (rows.length === 0) return;
    yield rows;
    sent += rows.length;
    const last = rows[rows.length - 1]!;
    after = { key: last.sort_key, id: last.id };
  }
}

/** The same, one record at a time. */
export async function* iterateMatchingRecords(
  db: Db,
  dialect: Dialect,
  f: PersonSearch,
  max: number,
): AsyncGenerator<MatchingRecord> {
  for await (const page of iterateMatchingPages(db, dialect, f, max)) yield* page;
}

export async function countBy(
  db: Db,
  dialect: Dialect,
  f: PersonSearch,
  column: 'p.ethnicity' | 'p.professional_level' | 'p.theory_level' | 'p.party_member',
): Promise<{ key: string; n: number }[]> {
  const rows = await baseSearch(db, dialect, f)
    .select([sql<string>`${sql.ref(column)}`.as('key'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(column)
    .execute();
  return rows.map((r) => ({ key: String(r.key), n: Number(r.n) }));
}

export async function countBySexAndBirthYear(
  db: Db,
  dialect: Dialect,
  f: PersonSearch,
): Promise<{ sex: 'M' | 'F'; birth_year: number; n: number }[]> {
  const rows = await baseSearch(db, dialect, f)
    .select(['p.sex', 'p.birth_year', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['p.sex', 'p.birth_year'])
    .execute();
  return rows.map((r) => ({ sex: r.sex, birth_year: Number(r.birth_year), n: Number(r.n) }));
}
