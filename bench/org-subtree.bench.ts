// Subtree queries over the dated organization tree at national scale (default 100,000 units on SQLite), each timed
// against a plain primary-key lookup measured in the same run. `npm run bench org-subtree -- --orgs=20000 --repeat=50`;
// `--explain` prints the plan of the province subtree query first. `--postgres` runs the same on PostgreSQL (CANBO_TEST_POSTGRES_URL's server, else a throwaway embedded one).
// The scope filter is timed both ways in the same run: the index range `inSubtrees` uses now and the former LIKE prefix.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery, type SqlBool, sql } from 'kysely';
import pg from 'pg';
import { connect } from '../server/db/connect';
import type { Db, DbContext } from '../server/db/database';
import { inSubtrees } from '../server/db/scope';
import { migrateToLatest } from '../server/db/migrate';
import { newId, nowIso } from '../server/lib/ids';
import * as repo from '../server/features/organizations/organization.repository';
import type { OrganizationRow } from '../server/features/organizations/organization.table';
import { flag, ratio } from './lib';
import { startBenchPostgres } from './postgres';

const CUTOVER = '2025-07-01';

/** Centre → 34 provinces → provincial organs (each with sub-units) and communes (each with 4 bodies). */
async function buildTree(
  db: Db,
  target: number,
): Promise<{ provinces: OrganizationRow[]; communes: OrganizationRow[]; all: string[] }> {
  const perProvince = Math.max(10, Math.floor((target - 35) / 34));
  const organs = Math.max(1, Math.round(perProvince * 0.08));
  const communes = Math.max(1, Math.floor((perProvince - organs * 6) / 5));
  const provinces: OrganizationRow[] = [];
  const communeRows: OrganizationRow[] = [];
  const all: string[] = [];
  let seq = 0;
  const make = (parent: OrganizationRow | null, level: OrganizationRow['level'], renamed: boolean): OrganizationRow => {
    const id = newId();
    const name = `Đơn vị ${++seq}`;
    all.push(id);
    return {
      id,
      code: `B${seq}`,
      name,
      name_folded: name.toLowerCase(),
      short_name: null,
      kind: 'party_committee',
      level,
      parent_id: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? Number(parent.depth) + 1 : 0,
      valid_from: renamed ? '2000-01-01' : CUTOVER,
      valid_to: null,
      created_at: nowIso(),
      admin_unit_code: null,
    };
  };
  await db.transaction().execute(async (trx) => {
    // Every tenth unit has a renamed earlier version, so as-of queries must pick one version of two.
    const insert = async (row: OrganizationRow) => {
      await repo.insertOrganization(trx, row);
      if (seq % 10 === 0) {
        const [first] = await repo.versionsOf(trx, row.id);
        await repo.setVersionValidTo(trx, first!.id, CUTOVER);
        await repo.insertVersion(trx, { ...first!, id: newId(), name: `${row.name} (mới)`, valid_from: CUTOVER, valid_to: null });
      }
    };
    const root = make(null, 'central', true);
    await insert(root);
    for (let p = 0; p < 34; p++) {
      const province = make(root, 'provincial', true);
      await insert(province);
      provinces.push(province);
      for (let o = 0; o < organs; o++) {
        const organ = make(province, 'provincial', true);
        await insert(organ);
        for (let s = 0; s < 5; s++) await insert(make(organ, 'provincial', true));
      }
      for (let c = 0; c < communes; c++) {
        const commune = make(province, 'commune', false);
        await insert(commune);
        communeRows.push(commune);
        for (let b = 0; b < 4; b++) await insert(make(commune, 'commune', false));
      }
    }
  });
  return { provinces, communes: communeRows, all };
}

/** Open units under the roots, with the scope filter written as `inSubtrees` writes it now or as it did before. */
async function countUnder(db: Db, roots: string | string[], how: 'range' | 'like'): Promise<number> {
  const list = Array.isArray(roots) ? roots : [roots];
  const r = await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) =>
      how === 'range'
        ? inSubtrees(eb, 'path', list)
        : eb.or(list.map((root) => sql<SqlBool>`${sql.ref('path')} like ${`${root}%`}`)),
    )
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function time(repeat: number, fn: (i: number) => Promise<unknown>): Promise<{ medianMs: number; rows: number }> {
  await fn(repeat); // warm the page cache and the statement cache
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    const r = await fn(i);
    samples.push(performance.now() - t0);
    rows = Array.isArray(r) ? r.length : r && typeof r === 'object' && 'rows' in r && Array.isArray(r.rows) ? r.rows.length : 1;
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)]!, rows };
}

/** A database for the run: a SQLite file, or a fresh database on the given or a throwaway PostgreSQL. */
async function openDatabase(
  postgres: boolean,
  dir: string,
): Promise<{ database: DbContext; label: string; cleanup: () => Promise<void> }> {
  if (!postgres) {
    const database = connect({ dialect: 'sqlite', file: path.join(dir, 'canbo.db') });
    return { database, label: 'SQLite', cleanup: async () => {} };
  }
  const name = `canbo_bench_org_${process.pid}`;
  const given = process.env.CANBO_TEST_POSTGRES_URL;
  const server = given ? null : await startBenchPostgres(dir);
  const adminUrl = given ?? server!.url('postgres');
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = connect({ dialect: 'postgres', url: url.toString() });
  return {
    database,
    label: `PostgreSQL${given ? ' (CANBO_TEST_POSTGRES_URL)' : ' (embedded)'}`,
    cleanup: async () => {
      await admin(`drop database if exists ${name} with (force)`);
      await server?.stop();
    },
  };
}

/** The plan of the province subtree as of today, with its run time (EXPLAIN ANALYZE on PostgreSQL). */
async function explain(database: DbContext, provincePath: string): Promise<void> {
  const compiled = repo.versionNodesQuery(database.db, '2026-01-01', { pathPrefix: provincePath }).compile();
  const prefix = database.dialect === 'postgres' ? 'explain (analyze, buffers)' : 'explain query plan';
  const plan = await database.db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(`${prefix} ${compiled.sql}`, [...compiled.parameters]),
  );
  console.log(`--- plan: province subtree today ---`);
  for (const row of plan.rows) console.log(Object.values(row).join(' | '));
}

export async function run(argv: string[]): Promise<void> {
  const target = flag(argv, 'orgs', 100_000);
  const repeat = flag(argv, 'repeat', 30);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-bench-org-'));
  const { database, label, cleanup } = await openDatabase(argv.includes('--postgres'), dir);
  try {
    await migrateToLatest(database.db);
    const t0 = performance.now();
    const { provinces, communes, all } = await buildTree(database.db, target);
    if (database.dialect === 'postgres') await sql`analyze`.execute(database.db);
    console.log(
      `${label}, ${all.length} organizations (${all.length + Math.floor(all.length / 10)} dated versions), built in ${((performance.now() - t0) / 1000).toFixed(1)} s; median of ${repeat} runs each`,
    );
    const db = database.db;
    const pick = <T>(list: readonly T[], i: number) => list[(i * 7919) % list.length]!;

    const baseline = await time(repeat * 10, (i) => repo.findOrganization(db, pick(all, i)));
    const rows: [string, { medianMs: number; rows: number }][] = [
      [
        'province subtree today (as-of versions, child counts)',
        await time(repeat, (i) => repo.subtreeAsOf(db, pick(provinces, i).path, '2026-01-01', ['/'])),
      ],
      [
        'province subtree on 30/06/2025 (other versions)',
        await time(repeat, (i) => repo.subtreeAsOf(db, pick(provinces, i).path, '2025-06-30', ['/'])),
      ],
      ['commune subtree today', await time(repeat, (i) => repo.subtreeAsOf(db, pick(communes, i).path, '2026-01-01', ['/']))],
      [
        'one level of children (tree browser)',
        await time(repeat, (i) => repo.childrenAsOf(db, pick(provinces, i).id, '2026-01-01', ['/'])),
      ],
      [
        "same province, today's tree only (organizations, index range)",
        await time(repeat, (i) => repo.openSubtree(db, pick(provinces, i).path)),
      ],
      [
        'scoped list, 50 rows (index range)',
        await time(repeat, (i) => repo.listOrganizations(db, { scopePaths: [pick(provinces, i).path], limit: 50, offset: 0 })),
      ],
      [
        'count a province subtree: index range (inSubtrees now)',
        await time(repeat, (i) => countUnder(db, pick(provinces, i).path, 'range')),
      ],
      [
        'count a province subtree: LIKE prefix (inSubtrees before)',
        await time(repeat, (i) => countUnder(db, pick(provinces, i).path, 'like')),
      ],
      [
        'count 3 commune subtrees (scope of 3 roots): index range',
        await time(repeat, (i) =>
          countUnder(
            db,
            [0, 1, 2].map((k) => pick(communes, i + k).path),
            'range',
          ),
        ),
      ],
      [
        'count 3 commune subtrees (scope of 3 roots): LIKE prefix',
        await time(repeat, (i) =>
          countUnder(
            db,
            [0, 1, 2].map((k) => pick(communes, i + k).path),
            'like',
          ),
        ),
      ],
    ];
    if (argv.includes('--explain')) await explain(database, pick(provinces, 0).path);
    const line = (name: string, r: { medianMs: number; rows: number }) =>
      `${name.padEnd(62)} ${r.medianMs.toFixed(3).padStart(9)} ms  ${String(r.rows).padStart(5)} rows  ${ratio(r.medianMs, baseline.medianMs).padStart(9)} of baseline`;
    console.log(line('baseline: one organization by primary key', baseline));
    for (const [name, r] of rows) console.log(line(name, r));
  } finally {
    await database.close();
    await cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
