// Validated import of persons from CSV (parse, map, validate every field, CCCD lookups, write with history and
// FTS) against the raw insert of the same rows in the same run: a prepared statement in one transaction on SQLite,
// COPY on PostgreSQL (--postgres or --dialect=postgres, an embedded server). `--persons=N` (or `--rows=N`; default
// 20,000); `--full` = 1,000,000.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { PersonRecord } from '../contracts/persons';
import { ETHNICITY_NAMES } from '../contracts/person-catalogs';
import { generatePersons } from '../scripts/generate/generate-persons';
import { CccdAllocator, generatePerson, rng, seatFor } from '../scripts/generate/person-generator';
import { connect } from '../server/db/connect';
import type { DbContext } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { importPersons, parseImportFile } from '../server/features/persons/person.import.service';
import { suggestMapping } from '../server/features/persons/person.import.rules';
import { columnsOf } from '../server/features/persons/person.mapper';
import { formatPartialDate } from '../server/features/persons/person.rules';
import { newId } from '../server/lib/ids';
import { flag, ratio } from './lib';
import { startBenchPostgres } from './postgres';

const HEADER = [
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Dân tộc',
  'Số CCCD',
  'Mã đơn vị',
  'Chức vụ hiện tại',
  'Ngày tuyển dụng',
  'Ngày vào Đảng',
  'Ngày chính thức',
  'Nơi thường trú',
];

async function freshDatabase(
  kind: 'sqlite' | 'postgres',
  dir: string,
  name: string,
  pgAdmin?: (sql: string) => Promise<void>,
  pgUrl?: (db: string) => string,
): Promise<DbContext> {
  let ctx: DbContext;
  if (kind === 'sqlite') ctx = connect({ dialect: 'sqlite', file: path.join(dir, `${name}.db`) });
  else {
    await pgAdmin!(`create database ${name}`);
    ctx = connect({ dialect: 'postgres', url: pgUrl!(name) });
  }
  await migrateToLatest(ctx.db);
  await generatePersons(ctx.db, { count: 0, seed: 1 }); // the organization tree only
  return ctx;
}

export async function run(argv: string[]): Promise<void> {
  const rows = argv.includes('--full') ? 1_000_000 : flag(argv, 'persons', flag(argv, 'rows', 20_000));
  const kind = argv.includes('--dialect=postgres') || argv.includes('--postgres') ? 'postgres' : 'sqlite';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-bench-import-'));
  const pg = kind === 'postgres' ? await startBenchPostgres(dir) : null;
  try {
    const first = await freshDatabase(kind, dir, 'raw', pg?.admin, pg?.url);
    const units = await first.db
      .selectFrom('organizations')
      .select(['id', 'code', 'name'])
      .where('code', 'like', 'GEN.%')
      .execute();
    // The same people for both runs: generated once, written as CSV for the import, as table rows for the raw insert.
    const r = rng(99);
    const cccd = new CccdAllocator(123);
    const today = new Date().toISOString().slice(0, 10);
    const records: { record: PersonRecord; code: string }[] = [];
    for (let i = 0; i < rows; i++) {
      const u = units[i % units.length]!;
      records.push({
        record: generatePerson(
          {
            r,
            today,
            orgs: [{ id: u.id, name: u.name, head: 'Thủ trưởng', deputy: 'Phó Thủ trưởng' }],
            provinceCode: '08',
            cccdProvinces: ['001', '008', '079'],
            cccd,
          },
          seatFor(i % 50, 50),
        ),
        code: u.code,
      });
    }
    const csvFile = path.join(dir, 'persons.csv');
    const q = (s: string | null) => (s && /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : (s ?? ''));
    fs.writeFileSync(
      csvFile,
      [
        HEADER.join(','),
        ...records.map(({ record: p, code }) =>
          [
            p.fullName,
            p.sex === 'M' ? 'Nam' : 'Nữ',
            formatPartialDate(p.birthDate),
            ETHNICITY_NAMES[p.ethnicity]!,
            p.cccd!,
            code,
            p.currentTitle,
            formatPartialDate(p.recruitmentDate),
            formatPartialDate(p.partyAdmissionDate),
            formatPartialDate(p.partyOfficialDate),
            p.permanentAddress,
          ]
            .map(q)
            .join(','),
        ),
      ].join('\n'),
    );
    console.log(`${rows} dòng / rows, ${(fs.statSync(csvFile).size / 1e6).toFixed(1)} MB CSV, ${kind}`);

    // Baseline: the rows the import ends up writing (persons + their first version), inserted raw.
    const at = new Date().toISOString();
    const tuples = records.map(({ record }) => {
      const id = newId();
      return {
        person: {
          id,
          ...columnsOf(record),
          version: 1,
          created_at: at,
          updated_at: at,
          updated_by: null,
          has_photo: 0,
        },
        version: {
          person_id: id,
          version: 1,
          data_json: JSON.stringify(record),
          valid_from: at,
          valid_to: null,
          changed_by: null,
          source: 'import',
          reason: null,
        },
      };
    });
    const t0 = performance.now();
    if (kind === 'sqlite') {
      const raw = new SQLite(path.join(dir, 'raw.db'));
      const cols = Object.keys(tuples[0]!.person);
      const vcols = Object.keys(tuples[0]!.version);
      const ins = raw.prepare(`insert into persons (${cols.join(',')}) values (${cols.map((c) => `@${c}`).join(',')})`);
      const insV = raw.prepare(
        `insert into person_versions (${vcols.join(',')}) values (${vcols.map((c) => `@${c}`).join(',')})`,
      );
      raw.transaction(() => {
        for (const t of tuples) {
          ins.run(t.person);
          insV.run(t.version);
        }
      })();
      raw.close();
    } else {
      const toCsv = (o: Record<string, unknown>) =>
        Object.values(o)
          .map((v) => (v === null ? '' : q(String(v))))
          .join(',');
      const pFile = path.join(dir, 'p.csv');
      const vFile = path.join(dir, 'v.csv');
      fs.writeFileSync(pFile, tuples.map((t) => toCsv(t.person)).join('\n'));
      fs.writeFileSync(vFile, tuples.map((t) => toCsv(t.version)).join('\n'));
      await pg!.query('raw', [
        `begin`,
        `copy persons (${Object.keys(tuples[0]!.person).join(',')}) from '${pFile}' with (format csv)`,
        `copy person_versions (${Object.keys(tuples[0]!.version).join(',')}) from '${vFile}' with (format csv)`,
        `commit`,
      ]);
    }
    const rawSeconds = (performance.now() - t0) / 1000;
    await first.close();

    const second = await freshDatabase(kind, dir, 'validated', pg?.admin, pg?.url);
    const t1 = performance.now();
    const data = fs.readFileSync(csvFile);
    const parsed = await parseImportFile('persons.csv', data);
    const out = await importPersons(second.db, null, parsed, suggestMapping(parsed.headers), {
      dryRun: false,
      fileName: 'persons.csv',
    });
    const importSeconds = (performance.now() - t1) / 1000;
    await second.close();
    if (out.problemCount || out.created !== rows)
      throw new Error(
        `import wrote ${out.created}/${rows} with ${out.problemCount} problems: ${JSON.stringify(out.problems.slice(0, 3))}`,
      );

    const rawRate = rows / rawSeconds;
    const rate = rows / importSeconds;
    console.log(
      `raw insert (${kind === 'sqlite' ? 'prepared statement, one transaction' : 'COPY'})`.padEnd(52),
      `${rawRate.toFixed(0).padStart(8)} rows/s  ${rawSeconds.toFixed(1)} s`,
    );
    console.log(
      'validated import (parse, map, validate, write, audit)'.padEnd(52),
      `${rate.toFixed(0).padStart(8)} rows/s  ${importSeconds.toFixed(1)} s  ${ratio(rate, rawRate)} of raw (target ≥ 0.40×)`,
    );
  } finally {
    await pg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
