// The document register and year summary at size: the service call against the bare SQL it rests on, same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { DOCUMENT_TYPES } from '../contracts/document-numbering';
import { loadDemoIfEmpty } from '../scripts/demo';
import { connect } from '../server/db/connect';
import { migrateToLatest } from '../server/db/migrate';
import type { Actor } from '../server/features/access/access.rules';
import { listDocuments, resolveCitation } from '../server/features/documents/document.service';
import { grantsOf, findUserByUsername } from '../server/features/users/user.repository';
import { yearSummary } from '../server/features/programme/programme.service';
import { newId } from '../server/lib/ids';
import { foldVietnamese } from '../server/lib/text';
import { flag, ratio } from './lib';

const WORDS = [
  'quy hoạch',
  'cán bộ',
  'đánh giá',
  'tuổi nghỉ hưu',
  'luân chuyển',
  'bổ nhiệm',
  'biên chế',
  'tổ chức bộ máy',
  'đảng viên',
];

async function median(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** `npm run bench programme -- --documents=50000 --runs=15` (full national scale: --documents=1000000). */
export async function run(argv: string[]): Promise<void> {
  const documents = flag(argv, 'documents', 50_000);
  const runs = flag(argv, 'runs', 15);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-bench-programme-'));
  const database = connect({ dialect: 'sqlite', file: path.join(dir, 'canbo.db') });
  const db = database.db;
  await migrateToLatest(db);
  await loadDemoIfEmpty(db);
  const orgs = await db.selectFrom('organizations').select(['id', 'path']).execute();
  const t0 = performance.now();
  for (let start = 0; start < documents; start += 500) {
    const rows = Array.from({ length: Math.min(500, documents - start) }, (_, k) => {
      const i = start + k;
      const year = 1996 + (i % 30);
      const title = `Văn bản về ${WORDS[i % WORDS.length]} số ${i}`;
      return {
        id: newId(),
        organization_id: orgs[i % orgs.length]!.id,
        type: DOCUMENT_TYPES[i % 8]!,
        number: `${1000 + i}-QĐ/TU`,
        number_key: `${1000 + i}-QD/TU`,
        issuing_body: 'ban_thuong_vu_tinh_uy' as const,
        issued_on: `${year}-${String((i % 12) + 1).padStart(2, '0')}-15`,
        date_confirmed: 1,
        signer: null,
        title,
        title_folded: foldVietnamese(title),
        summary: null,
        summary_folded: null,
        aliases_folded: null,
        effective_from: null,
        effective_to: null,
        participation: (i % 3 === 0 ? 'issued' : 'advised') as 'issued' | 'advised',
        visibility: (i % 2 === 0 ? 'public' : 'internal') as 'public' | 'internal',
        programme_item_id: null,
        created_at: new Date().toISOString(),
      };
    });
    await db.insertInto('documents').values(rows).execute();
  }
  const loadMs = performance.now() - t0;

  const user = (await findUserByUsername(db, 'officer.tq'))!;
  const actor: Actor = { userId: user.id, username: user.username, grants: (await grantsOf(db, [user.id])).get(user.id)! };
  const tqPath = actor.grants[0]!.path;

  const countBaseline = await median(
    () =>
      sql`select count(*) from documents d join organizations o on o.id = d.organization_id
          where o.path like ${`${tqPath}%`} and d.issued_on between '2020-01-01' and '2020-12-31'`.execute(db),
    runs,
  );
  const summary = await median(() => yearSummary(db, actor, 2020), runs);
  const likeBaseline = await median(
    () => sql`select count(*) from documents where title_folded like ${'%tuoi nghi huu%'}`.execute(db),
    runs,
  );
  const search = await median(() => listDocuments(db, actor, { q: 'tuổi nghỉ hưu', limit: 20, offset: 0 }), runs);
  const keyBaseline = await median(() => sql`select * from documents where number_key = ${'45/2019/QH14'}`.execute(db), runs);
  const resolve = await median(() => resolveCitation(db, actor, 'Bộ luật Lao động 45/2019/QH14'), runs);
  const aliasBaseline = await median(
    () => sql`select * from documents where aliases_folded like ${'%|bo luat lao dong 2019|%'}`.execute(db),
    runs,
  );
  const byAlias = await median(() => resolveCitation(db, actor, 'Bộ luật Lao động 2019'), runs);

  const row = (name: string, ms: number, base: number) =>
    `${name.padEnd(58)} ${ms.toFixed(2).padStart(8)} ms   baseline ${base.toFixed(2).padStart(8)} ms   ${ratio(ms, base)}`;
  console.log(
    `SQLite, ${documents.toLocaleString('en')} register entries (+ demo), loaded in ${(loadMs / 1000).toFixed(1)} s; median of ${runs}`,
  );
  console.log(row('year summary 2020, province scope (vs bare count)', summary, countBaseline));
  console.log(row('search "tuổi nghỉ hưu", page of 20 + total (vs bare LIKE count)', search, likeBaseline));
  console.log(row('resolve "Bộ luật Lao động 45/2019/QH14" (vs key lookup)', resolve, keyBaseline));
  console.log(row('resolve "Bộ luật Lao động 2019" by alias (vs bare alias LIKE)', byAlias, aliasBaseline));
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
