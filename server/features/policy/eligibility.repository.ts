import { containsText } from '../../db/like';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import { dialectOf } from '../../db/dialect';
import type { Prefilter } from './eligibility.batch.rules';

type Q = Db | Trx;

export interface BatchFilters {
  sex?: 'M' | 'F';
  /** Any ethnicity other than Kinh (code 01). */
  ethnicMinority?: boolean;
  partyMember?: boolean;
  /** Born on or after (earliest-day form), e.g. for "young" cadres. */
  bornFrom?: string;
  /** Folded name fragment, as typed (escaped where it is used). */
  nameFolded?: string;
  excludePersonIds?: readonly string[];
  /** Only holders of these catalog codes (e.g. the titles one or two levels below the target). */
  currentTitleCodes?: readonly string[];
}

export interface CandidateRow {
  id: string;
  full_name: string;
  sex: 'M' | 'F';
  birth_date: string;
  ethnicity: string;
  current_title: string | null;
  current_title_code: string | null;
  organization_id: string;
  organization_name: string;
  data_json: string;
}

const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`));

/** One rule group of a prefilter: `fail` when the person certainly fails that rule, `pass` its (index-friendly) negation. */
interface Group {
  fail: Expression<SqlBool>;
  pass: Expression<SqlBool>;
}

function groups(p: Prefilter): Group[] {
  const out: Group[] = [];
  if (p.bornFrom) {
    const min = p.bornFrom.M < p.bornFrom.F ? p.bornFrom.M : p.bornFrom.F;
    out.push({
      fail: sql<SqlBool>`((e.sex = 'M' and e.birth_date < ${p.bornFrom.M}) or (e.sex = 'F' and e.birth_date < ${p.bornFrom.F}))`,
      // The plain lower bound lets the birth-date index serve the range.
      pass: sql<SqlBool>`(e.birth_date >= ${min} and ((e.sex = 'M' and e.birth_date >= ${p.bornFrom.M}) or (e.sex = 'F' and e.birth_date >= ${p.bornFrom.F})))`,
    });
  }
  const std: { fail: Expression<SqlBool>; pass: Expression<SqlBool> }[] = [];
  if (p.theoryOk && !p.theoryCodes)
    std.push({
      fail: sql<SqlBool>`e.theory_level not in (${list(p.theoryOk)})`,
      pass: sql<SqlBool>`e.theory_level in (${list(p.theoryOk)})`,
    });
  if (p.educationOk)
    std.push({
      fail: sql<SqlBool>`e.professional_level not in (${list(p.educationOk)})`,
      pass: sql<SqlBool>`e.professional_level in (${list(p.educationOk)})`,
    });
  if (p.stateManagementOk)
    std.push({
      fail: sql<SqlBool>`e.state_management not in (${list(p.stateManagementOk)})`,
      pass: sql<SqlBool>`e.state_management in (${list(p.stateManagementOk)})`,
    });
  if (std.length)
    out.push({
      fail: sql<SqlBool>`(${sql.join(
        std.map((x) => x.fail),
        sql` or `,
      )})`,
      pass: sql<SqlBool>`(${sql.join(
        std.map((x) => x.pass),
        sql` and `,
      )})`,
    });
  if (p.theoryOk && p.theoryCodes) {
    // As a filter, `code in (…)` uses the title index (null is simply not in); its negation must treat null as passing.
    const fail = p.theoryCodes.length
      ? sql<SqlBool>`(e.theory_level not in (${list(p.theoryOk)}) and e.current_title_code in (${list(p.theoryCodes)}))`
      : sql<SqlBool>`1 = 0`;
    const pass = p.theoryCodes.length
      ? sql<SqlBool>`not (e.theory_level not in (${list(p.theoryOk)}) and coalesce(e.current_title_code, '') in (${list(p.theoryCodes)}))`
      : sql<SqlBool>`1 = 1`;
    out.push({ fail, pass });
  }
  if (p.notLowerCodes) {
    const codes = p.notLowerCodes.length ? p.notLowerCodes : [''];
    out.push({
      fail: p.notLowerCodes.length ? sql<SqlBool>`e.current_title_code in (${list(codes)})` : sql<SqlBool>`1 = 0`,
      pass: p.notLowerCodes.length
        ? sql<SqlBool>`coalesce(e.current_title_code, '') not in (${list(codes)})`
        : sql<SqlBool>`1 = 1`,
    });
  }
  if (p.disciplineSince) {
    const parts = Object.entries(p.disciplineSince).map(
      ([level, since]) =>
        sql<SqlBool>`(${sql.ref(`e.discipline_${level}`)} >= ${since} and ${sql.ref(`e.discipline_${level}`)} <= ${p.date})`,
    );
    if (parts.length) {
      const fail = sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
      out.push({ fail, pass: sql<SqlBool>`not coalesce(${fail}, false)` });
    }
  }
  if (p.inPlanCode) {
    // Driven from the (small) set of people in an approved plan for the title.
    const inPlan = sql`(select c.person_id from planning_candidates c
      join planning_plans pl on pl.id = c.plan_id
      join planning_cycles cy on cy.id = c.cycle_id
      left join titles tc on tc.id = c.target_title_id
      left join titles tp on tp.id = pl.title_id
      where cy.status in ('approved', 'reviewed') and c.added_on <= ${p.date}
        and (c.removed_on is null or c.removed_on > ${p.date})
        and (tc.code = ${p.inPlanCode} or (c.target_title_id is null and tp.code = ${p.inPlanCode})))`;
    out.push({ fail: sql<SqlBool>`e.person_id not in ${inPlan}`, pass: sql<SqlBool>`e.person_id in ${inPlan}` });
  }
  return out;
}

/** How many rule groups the prefilter has (the one-short search runs one query per group). */
export const groupCount = (p: Prefilter): number => groups(p).length;

function base(db: Q, roots: readonly string[], f: BatchFilters) {
  let q = db
    .selectFrom('eligibility_facts as e')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .where((eb) => inSubtrees(eb, 'o.path', roots));
  if (f.sex) q = q.where('e.sex', '=', f.sex);
  if (f.ethnicMinority) q = q.where('p.ethnicity', '<>', '01');
  if (f.partyMember) q = q.where('e.party_member', '=', 1);
  if (f.bornFrom) q = q.where('e.birth_date', '>=', f.bornFrom);
  if (f.nameFolded) q = q.where(containsText('p.name_folded', f.nameFolded));
  if (f.excludePersonIds?.length) q = q.where('e.person_id', 'not in', [...f.excludePersonIds]);
  if (f.currentTitleCodes) {
    const codes = f.currentTitleCodes.length ? [...f.currentTitleCodes] : [''];
    // The holders of a few titles are few. SQLite's planner only knows that from STAT4 samples; with plain
    // statistics (an ANALYZE run by a CLI built without STAT4) it took the title column for one value shared by
    // everyone and walked the whole subtree instead: 35 s instead of 0.1 s at 2.5 million. The hint keeps the index.
    q =
      dialectOf(db) === 'sqlite'
        ? q.where(sql<SqlBool>`likelihood(${sql.ref('e.current_title_code')} in (${sql.join(codes)}), 0.001)`)
        : q.where('e.current_title_code', 'in', codes);
  }
  return q;
}

/** `pass`: no group certainly failed; a group number: that group certainly failed and no other did. */
export type Mode = 'pass' | number;

function withMode(q: ReturnType<typeof base>, p: Prefilter, mode: Mode) {
  const all = groups(p);
  let out = q;
  all.forEach((g, i) => {
    out = out.where(i === mode ? g.fail : g.pass);
  });
  return out;
}

/**
 * Up to `limit` people of the short list in one mode. No order is asked of the database, so it can start from the most
 * selective index (the plan's people, a theory level, a title, a discipline date); the caller orders what it keeps.
 */
export async function candidates(
  db: Q,
  o: { prefilter: Prefilter; roots: readonly string[]; filters: BatchFilters; mode: Mode; limit: number },
): Promise<CandidateRow[]> {
  return candidatesQuery(db, o).execute();
}

/** The candidates query itself, for `candidates` and for the benchmark's EXPLAIN ANALYZE. */
export function candidatesQuery(
  db: Q,
  o: { prefilter: Prefilter; roots: readonly string[]; filters: BatchFilters; mode: Mode; limit: number },
) {
  return withMode(base(db, o.roots, o.filters), o.prefilter, o.mode)
    .select([
      'p.id',
      'p.full_name',
      'p.sex',
      'p.birth_date',
      'p.ethnicity',
      'p.current_title',
      'p.current_title_code',
      'p.organization_id',
      'o.name as organization_name',
      'p.data_json',
    ])
    .limit(o.limit);
}

/** How many people in scope pass every pushed-down condition (the engine then judges them). */
export async function countPassing(
  db: Q,
  o: { prefilter: Prefilter; roots: readonly string[]; filters: BatchFilters },
): Promise<number> {
  const row = await countPassingQuery(db, o).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * How many people in scope pass every pushed-down condition, counted up to `cap`: the scan stops at `cap + 1` rows, so
 * the answer costs at most that many rows however many qualify. `exact: false` means more than `value` (= cap).
 */
export async function countPassingUpTo(
  db: Q,
  o: { prefilter: Prefilter; roots: readonly string[]; filters: BatchFilters },
  cap: number,
): Promise<{ value: number; exact: boolean }> {
  const capped = withMode(base(db, o.roots, o.filters), o.prefilter, 'pass')
    .select(sql<number>`1`.as('one'))
    .limit(cap + 1);
  const row = await db
    .selectFrom(capped.as('t'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n > cap ? { value: cap, exact: false } : { value: n, exact: true };
}

export function countPassingQuery(db: Q, o: { prefilter: Prefilter; roots: readonly string[]; filters: BatchFilters }) {
  return withMode(base(db, o.roots, o.filters), o.prefilter, 'pass').select((eb) => eb.fn.countAll<number>().as('n'));
}

/** Seats held at any time by the people, with the title code (ranked by the caller in the catalog in force). */
export async function seatsOf(
  db: Q,
  personIds: readonly string[],
): Promise<{ person_id: string; code: string; from_date: string; to_date: string | null }[]> {
  const out: { person_id: string; code: string; from_date: string; to_date: string | null }[] = [];
  const ids = [...new Set(personIds)];
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('position_incumbents as i')
        .innerJoin('positions as s', 's.id', 'i.position_id')
        .innerJoin('titles as t', 't.id', 's.title_id')
        .select(['i.person_id', 't.code', 'i.from_date', 'i.to_date'])
        .where('i.person_id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  return out;
}

/** People in an active plan (not removed on `date`) for a title of this code, in any catalog version. */
export async function inPlanFor(db: Q, personIds: readonly string[], titleCode: string, date: string): Promise<Set<string>> {
  const found = new Set<string>();
  const ids = [...new Set(personIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('planning_candidates as c')
      .innerJoin('planning_plans as pl', 'pl.id', 'c.plan_id')
      .innerJoin('planning_cycles as cy', 'cy.id', 'c.cycle_id')
      .leftJoin('titles as tc', 'tc.id', 'c.target_title_id')
      .leftJoin('titles as tp', 'tp.id', 'pl.title_id')
      .select('c.person_id')
      .where('c.person_id', 'in', ids.slice(i, i + 500))
      .where('cy.status', 'in', ['approved', 'reviewed'])
      .where('c.added_on', '<=', date)
      .where((eb) => eb.or([eb('c.removed_on', 'is', null), eb('c.removed_on', '>', date)]))
      .where((eb) =>
        eb.or([eb('tc.code', '=', titleCode), eb.and([eb('c.target_title_id', 'is', null), eb('tp.code', '=', titleCode)])]),
      )
      .execute();
    for (const r of rows) found.add(r.person_id);
  }
  return found;
}

/** One person with the organization's path and name (scope is checked by the caller). */
export async function personForCheck(db: Q, id: string) {
  return db
    .selectFrom('persons as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select([
      'p.id',
      'p.full_name',
      'p.sex',
      'p.birth_date',
      'p.current_title',
      'p.current_title_code',
      'p.data_json',
      'o.path as organization_path',
      'o.name as organization_name',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
}
