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
    // The same people for both runs, generated in chunks (1,000,000 records at once do not fit a default heap):
    // each chunk is appended to the CSV for the import and written as table rows for the raw insert; only the
    // inserts are timed.
    const r = rng(99);
    const cccd = new CccdAllocator(123);
    const today = new Date().toISOString().slice(0, 10);
    const q = (s: string | null) => (s && /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : (s ?? ''));
    const csvFile = path.join(dir, 'persons.csv');
    fs.writeFileSync(csvFile, HEADER.join(','));
    const at = new Date().toISOString();
    const CHUNK = 20_000;
    let rawMs = 0;
    const raw = kind === 'sqlite' ? new SQLite(path.join(dir, 'raw.db')) : null;
    const pFile = path.join(dir, 'p.csv');
    const vFile = path.join(dir, 'v.csv');
    const toCsv = (o: Record<string, unknown>) =>
      Object.values(o)
        .map((v) => (v === null ? '' : q(String(v))))
        .join(',');
    let personCols: string[] = [];
    let versionCols: string[] = [];
    let insert: ((tuples: { person: Record<string, unknown>; version: Record<string, unknown> }[]) => void) | null = null;
    raw?.exec('begin');
    for (let start = 0; start < rows; start += CHUNK) {
      const records: { record: PersonRecord; code: string }[] = [];
      for (let i = start; i < Math.min(rows, start + CHUNK); i++) {
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
      fs.appendFileSync(
        csvFile,
        '\n' +
          records
            .map(({ record: p, code }) =>
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
            )
            .join('\n'),
      );
      // Baseline: the rows the import ends up writing (persons + their first version), inserted raw.
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
          } as Record<string, unknown>,
          version: {
            person_id: id,
            version: 1,
            data_json: JSON.stringify(record),
            valid_from: at,
            valid_to: null,
            changed_by: null,
            source: 'import',
            reason: null,
          } as Record<string, unknown>,
        };
      });
      if (!insert) {
        personCols = Object.keys(tuples[0]!.person);
        versionCols = Object.keys(tuples[0]!.version);
        if (raw) {
          const ins = raw.prepare(
            `insert into persons (${personCols.join(',')}) values (${personCols.map((c) => `@${c}`).join(',')})`,
          );
          const insV = raw.prepare(
            `insert into person_versions (${versionCols.join(',')}) values (${versionCols.map((c) => `@${c}`).join(',')})`,
          );
          insert = (ts) => {
            for (const t of ts) {
              ins.run(t.person);
              insV.run(t.version);
            }
          };
        } else {
          fs.writeFileSync(pFile, '');
          fs.writeFileSync(vFile, '');
          insert = (ts) => {
            fs.appendFileSync(pFile, ts.map((t) => toCsv(t.person)).join('\n') + '\n');
            fs.appendFileSync(vFile, ts.map((t) => toCsv(t.version)).join('\n') + '\n');
          };
        }
      }
      // SQLite: the inserts are timed; PostgreSQL: these are the files COPY reads (written untimed, COPY timed below).
      const t = performance.now();
      insert(tuples);
      if (raw) rawMs += performance.now() - t;
    }
    if (raw) {
      const t = performance.now();
      raw.exec('commit');
      raw.close();
      rawMs += performance.now() - t;
    } else {
      // The server runs as the 'postgres' user: it must be able to enter the (private) bench folder to read the files.
      fs.chmodSync(dir, 0o755);
      const t = performance.now();
      await pg!.query('raw', [
        `begin`,
        `copy persons (${personCols.join(',')}) from '${pFile}' with (format csv)`,
        `copy person_versions (${versionCols.join(',')}) from '${vFile}' with (format csv)`,
        `commit`,
      ]);
      rawMs += performance.now() - t;
    }
    console.log(`${rows} dòng / rows, ${(fs.statSync(csvFile).size / 1e6).toFixed(1)} MB CSV, ${kind}`);
    const rawSeconds = rawMs / 1000;
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
