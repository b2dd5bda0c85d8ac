import { sql } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createUserBodySchema } from '../contracts/auth';
import { roleSchema } from '../contracts/common';
import { loadConfig } from './config';
import { connect } from './db/connect';
import type { DbContext } from './db/database';
import { migrateToLatest } from './db/migrate';
import { backupSqlite, postgresDumpCommand, restoreSqlite } from './db/backup';
import { parseCheckpoints } from '../contracts/audit';
import { auditCheckpoint, verifyAuditCheckpoints } from './features/audit/audit.service';
import { type BallotAudit, verifyBallotAudit } from './features/votes/belenios/audit';
import { verifyArchiveInThreads } from './features/votes/belenios/verify.threads';
import { importPersonsCommand, progressPrinter } from './features/persons/person.cli';
import { generatePersons } from '../scripts/generate/generate-persons';
import { findOrganizationByCode } from './features/organizations/organization.repository';
import { createRootOrganization } from './features/organizations/organization.service';
import { createUser } from './features/users/user.service';
import { syncTitleCatalog } from './features/titles/title.service';

const USAGE = `canbo — công cụ dòng lệnh / command line

  canbo migrate                         cập nhật lược đồ CSDL / bring the schema up to date
  canbo create-user --username U --full-name "Họ tên" --role admin --org CODE
                    [--org-name "Tên đơn vị gốc"] [--password P]
                                        tạo người dùng (mật khẩu đọc từ CANBO_NEW_PASSWORD hoặc stdin nếu thiếu --password);
                                        với --org-name, tạo đơn vị gốc CODE nếu chưa có
  canbo audit verify [--checkpoints F]  kiểm tra chuỗi băm nhật ký, và đối chiếu các điểm kiểm tra đã lưu trong tệp F /
                                        verify the audit hash chain, and the checkpoints kept in file F
  canbo audit checkpoint                in điểm kiểm tra (đầu chuỗi) để ghi vào biên bản, lưu ngoài hệ thống /
                                        print the chain head to write into minutes, kept outside the system
  canbo vote verify ARCHIVE [--threads N]
                                        kiểm tra toàn bộ hộp phiếu điện tử (tệp .bel Belenios 2.0), chia các phiếu cho N
                                        luồng (mặc định: số lõi, tối đa 4) / verify an election archive on N threads
  canbo vote audit-ballot FILE          kiểm tra một phiếu đã mở để kiểm tra (không bỏ vào hòm) / check an audited ballot
  canbo backup FILE                     sao lưu / back up (SQLite: online backup; PostgreSQL: prints the pg_dump command)
  canbo restore FILE                    khôi phục SQLite từ FILE / restore SQLite from FILE (server stopped)
  canbo import persons FILE [--dry-run] [--mapping M.json]
                                        nhập hồ sơ cán bộ từ .xlsx/.csv (tất cả hoặc không; CCCD là khóa) / import persons
  canbo generate --persons N [--seed S] sinh N hồ sơ giả lập tái lập được từ seed / generate N persons reproducibly

Cấu hình bằng biến môi trường / configured by CANBO_DATABASE_URL, CANBO_DATA_DIR (see README).`;

async function auditVerifyCommand(db: DbContext['db'], checkpointFile: string | undefined): Promise<number> {
  const checkpoints = checkpointFile ? parseCheckpoints(fs.readFileSync(checkpointFile, 'utf8')) : [];
  if (checkpointFile && checkpoints.length === 0) {
    console.error(`Không có điểm kiểm tra nào trong ${checkpointFile} / no checkpoint line (CANBO-AUDIT seq=… hash=…) in it`);
    return 2;
  }
  const result = await verifyAuditCheckpoints(db, checkpoints);
  const { chain } = result;
  if (chain.ok) console.log(`Nhật ký toàn vẹn / audit chain intact: ${chain.checked} mục / entries`);
  else
    console.error(`${chain.problem!.message}\n${chain.problem!.messageEn} (seq ${chain.problem!.seq}, ${chain.problem!.kind})`);
  for (const c of result.checkpoints)
    (c.status === 'matches' ? console.log : console.error)(`${c.message}\n${c.messageEn} (seq ${c.seq}, ${c.status})`);
  return result.ok ? 0 : 1;
}

async function withDatabase<T>(fn: (ctx: DbContext) => Promise<T>): Promise<T> {
  const ctx = connect(loadConfig().database);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

async function readPassword(given: string | undefined): Promise<string> {
  if (given) return given;
  if (process.env.CANBO_NEW_PASSWORD) return process.env.CANBO_NEW_PASSWORD;
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split('\n')[0]!.trim();
}

async function createUserCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      username: { type: 'string' },
      'full-name': { type: 'string' },
      role: { type: 'string', default: 'admin' },
      org: { type: 'string' },
      'org-name': { type: 'string' },
      password: { type: 'string' },
    },
  });
  const role = roleSchema.safeParse(values.role);
  if (!role.success || !values.org) {
    console.error(`--role phải là một trong / must be one of: ${roleSchema.options.join(', ')}; --org là bắt buộc / is required`);
    return 2;
  }
  const password = await readPassword(values.password);
  return withDatabase(async ({ db }) => {
    await migrateToLatest(db);
    let org = await findOrganizationByCode(db, values.org!);
    if (!org && values['org-name']) {
      await createRootOrganization(db, {
        code: values.org!,
        name: values['org-name'],
        kind: 'party_committee',
        level: 'central',
      });
      org = await findOrganizationByCode(db, values.org!);
    }
    if (!org) {
      console.error(`Không có đơn vị mã ${values.org} (thêm --org-name để tạo đơn vị gốc) / no organization ${values.org}`);
      return 2;
    }
    const body = createUserBodySchema.safeParse({
      username: values.username,
      fullName: values['full-name'],
      password,
      grants: [{ role: role.data, organizationId: org.id }],
    });
    if (!body.success) {
      for (const i of body.error.issues) console.error(`  ${i.path.join('.')}: ${i.message}`);
      return 2;
    }
    const me = await createUser(db, null, body.data);
    console.log(`Đã tạo / created ${me.username} (${role.data} @ ${org.name})`);
    return 0;
  });
}

async function verifyVoteArchive(file: string, threads: number | undefined): Promise<number> {
  try {
    const v = await verifyArchiveInThreads(new Uint8Array(fs.readFileSync(file)), threads);
    console.log(`Hộp phiếu hợp lệ / archive verified: ${v.name} (${v.uuid})`);
    console.log(`  mã bầu cử / fingerprint: ${v.fingerprint}`);
    console.log(
      `  phiếu đã nộp / ballots cast: ${v.ballotsCast}; được kiểm / tallied: ${v.ballotsTallied}; mã bỏ phiếu / credentials: ${v.credentials}`,
    );
    if (v.result) {
      v.questions.forEach((q, i) =>
        console.log(`  ${q.question}: ${q.answers.map((a, j) => `${a} ${v.result![i]![j]}`).join(' · ')}`),
      );
    } else console.log(`  chưa có kết quả / no result yet (phase: ${v.phase})`);
    console.log(`  băm sự kiện cuối / last event hash: ${v.head}`);
    return 0;
  } catch (e) {
    console.error(`Hộp phiếu KHÔNG hợp lệ / archive verification FAILED: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

function auditBallotCommand(file: string): number {
  let record: BallotAudit;
  try {
    record = JSON.parse(fs.readFileSync(file, 'utf8')) as BallotAudit;
  } catch (e) {
    console.error(`Không đọc được tệp / cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const r = verifyBallotAudit(record);
  if (!r.ok) {
    console.error(`Phiếu kiểm tra KHÔNG khớp / ballot audit FAILED: ${r.error}`);
    return 1;
  }
  console.log('Phiếu được mã hóa đúng các lựa chọn sau / the ballot encrypts exactly these choices:');
  for (const c of r.choices!) console.log(`  ${c.question}: ${c.chosen.join(', ') || '—'}`);
  console.log(`  mã theo dõi / tracker: ${r.tracker}`);
  console.log(`  mã bầu cử / election fingerprint: ${r.fingerprint} (đối chiếu với bảng tin / compare with the board)`);
  console.log('Phiếu này đã bị hủy, không được bỏ vào hòm / this ballot was discarded and can never be cast.');
  return 0;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate':
      return withDatabase(async ({ db }) => {
        const applied = await migrateToLatest(db);
        console.log(applied.length ? `Đã áp dụng / applied: ${applied.join(', ')}` : 'Lược đồ đã mới nhất / schema up to date');
        // The title catalog ships with the release like the schema: a database migrated here is ready for every command.
        const titles = await syncTitleCatalog(db);
        if (titles > 0) console.log(`Danh mục chức danh / title catalog: ${titles} thay đổi / changes`);
        return 0;
      });
    case 'create-user':
      return createUserCommand(rest);
    case 'audit': {
      if (rest[0] === 'checkpoint')
        return withDatabase(async ({ db }) => {
          console.log((await auditCheckpoint(db)).line);
          return 0;
        });
      if (rest[0] !== 'verify') break;
      const { values } = parseArgs({ args: rest.slice(1), options: { checkpoints: { type: 'string' } } });
      return withDatabase(async ({ db }) => auditVerifyCommand(db, values.checkpoints));
    }
    case 'vote': {
      if (rest[0] === 'verify') {
        const { values, positionals } = parseArgs({
          args: rest.slice(1),
          options: { threads: { type: 'string' } },
          allowPositionals: true,
        });
        const threads = values.threads === undefined ? undefined : Number(values.threads);
        if (!positionals[0] || (threads !== undefined && !(Number.isInteger(threads) && threads >= 1))) break;
        return verifyVoteArchive(positionals[0], threads);
      }
      const file = rest[1];
      if (!file) break;
      if (rest[0] === 'audit-ballot') return auditBallotCommand(file);
      break;
    }
    case 'backup':
    case 'restore': {
      const file = rest[0];
      if (!file) break;
      const target = loadConfig().database;
      if (target.dialect === 'postgres') {
        console.log(postgresDumpCommand(target.url, file, command));
        return 0;
      }
      if (command === 'backup') {
        await backupSqlite(target.file, path.resolve(file));
        console.log(`Đã sao lưu / backed up to ${file} (${fs.statSync(file).size} bytes)`);
      } else {
        await restoreSqlite(path.resolve(file), target.file);
        console.log(`Đã khôi phục / restored ${target.file} from ${file}`);
      }
      return 0;
    }
    case 'import': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { 'dry-run': { type: 'boolean', default: false }, mapping: { type: 'string' } },
      });
      if (positionals[0] !== 'persons' || !positionals[1]) break;
      return withDatabase(async ({ db }) => {
        await migrateToLatest(db);
        return importPersonsCommand(db, positionals[1]!, { dryRun: values['dry-run']!, mappingFile: values.mapping });
      });
    }
    case 'generate': {
      const { values } = parseArgs({
        args: rest,
        options: { persons: { type: 'string' }, seed: { type: 'string', default: '2026' } },
      });
      const count = Number(values.persons);
      if (!Number.isInteger(count) || count < 1) break;
      return withDatabase(async ({ db }) => {
        await migrateToLatest(db);
        // Generated people hold catalog titles: the catalog is loaded first, as the server does at start.
        await syncTitleCatalog(db);
        const started = Date.now();
        const out = await generatePersons(db, {
          count,
          seed: Number(values.seed),
          onProgress: progressPrinter('Đang sinh / generating'),
        });
        // Statistics for the planner: without them a data set this size gets poor plans for its first queries.
        await sql`analyze`.execute(db);
        console.log(
          `\nĐã sinh / generated ${out.persons} hồ sơ / persons, ${out.organizations} đơn vị / organizations trong / in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
        return 0;
      });
    }
    default:
      break;
  }
  console.error(USAGE);
  return 2;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
