import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect';

// Foundation schema: a minimal dated organization tree, users with scoped grants, sessions, the audit chain.
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('name_folded', 'varchar(300)', (c) => c.notNull())
    .addColumn('short_name', 'varchar(100)')
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('parent_id', 'varchar(26)', (c) => c.references('organizations.id'))
    .addColumn('path', 'varchar(2000)', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organizations_code').on('organizations').column('code').unique().execute();
  await db.schema.createIndex('organizations_parent').on('organizations').column('parent_id').execute();
  if (postgres) {
    // text_pattern_ops lets `path LIKE 'prefix%'` use the index whatever the collation.
    await sql`create index organizations_path on organizations (path text_pattern_ops)`.execute(db);
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index organizations_name_trgm on organizations using gin (name_folded gin_trgm_ops)`.execute(db);
  } else {
    await db.schema.createIndex('organizations_path').on('organizations').column('path').execute();
  }

  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('full_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
    .addColumn('totp_secret', 'varchar(64)')
    .addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'varchar(30)')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_grants')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(26)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .execute();
  await db.schema.createIndex('user_grants_user').on('user_grants').column('user_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(26)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(26)')
    .addColumn('action', 'varchar(60)', (c) => c.notNull())
    .addColumn('entity', 'varchar(60)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(60)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(26)')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();

  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addColumn('last_hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db
    .insertInto('audit_head')
    .values({ id: 1, last_seq: 0, last_hash: '0'.repeat(64) })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['audit_head', 'audit_log', 'sessions', 'user_grants', 'users', 'organizations']) {
    await db.schema.dropTable(t).execute();
  }
}
