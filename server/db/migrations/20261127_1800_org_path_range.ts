import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect';

// Subtree filters are index ranges `path >= '/a/b/' AND path < '/a/b0'` (server/db/scope.ts) on both dialects.
// They compare bytes: SQLite's default BINARY collation does; on PostgreSQL the path columns get collation "C"
// (a locale collation may ignore "/" or order it elsewhere), and plain btree indexes, which in "C" also serve the
// remaining `LIKE 'prefix%'` filters, replace the text_pattern_ops ones.
const PATH_COLUMNS = [
  { table: 'organizations', column: 'path', index: 'organizations_path', columns: 'path' },
  { table: 'organization_versions', column: 'path', index: 'organization_versions_path', columns: 'path, valid_from' },
  { table: 'restructuring_events', column: 'anchor_path', index: 'restructuring_events_anchor_path', columns: 'anchor_path' },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') {
    await db.schema.createIndex('restructuring_events_anchor_path').on('restructuring_events').column('anchor_path').execute();
    return;
  }
  for (const p of PATH_COLUMNS) {
    await sql`drop index if exists ${sql.ref(p.index)}`.execute(db);
    await sql`alter table ${sql.table(p.table)} alter column ${sql.ref(p.column)} type varchar(2000) collate "C"`.execute(db);
    await sql`create index ${sql.ref(p.index)} on ${sql.table(p.table)} (${sql.raw(p.columns)})`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') {
    await db.schema.dropIndex('restructuring_events_anchor_path').execute();
    return;
  }
  for (const p of PATH_COLUMNS) {
    await sql`drop index if exists ${sql.ref(p.index)}`.execute(db);
    await sql`alter table ${sql.table(p.table)} alter column ${sql.ref(p.column)} type varchar(2000) collate "default"`.execute(
      db,
    );
  }
  await sql`create index organizations_path on organizations (path text_pattern_ops)`.execute(db);
  await sql`create index organization_versions_path on organization_versions (path text_pattern_ops, valid_from)`.execute(db);
}
