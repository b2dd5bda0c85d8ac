import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect';

// Cadre records (Mẫu 2C): the current version of each person with indexed search columns, every earlier
// version kept in person_versions, photos, self-service declarations, and the user ↔ person link.
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';

  await db.schema
    .createTable('persons')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('cccd', 'varchar(12)')
    .addColumn('full_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('name_folded', 'varchar(800)', (c) => c.notNull())
    // Byte order on both dialects: the key itself encodes the Vietnamese order.
    .addColumn('sort_key', 'varchar(400)', (c) => (postgres ? c.notNull().modifyEnd(sql`collate "C"`) : c.notNull()))
    .addColumn('sex', 'varchar(1)', (c) => c.notNull())
    .addColumn('birth_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('birth_year', 'integer', (c) => c.notNull())
    .addColumn('ethnicity', 'varchar(2)', (c) => c.notNull())
    .addColumn('current_title', 'varchar(500)')
    .addColumn('title_folded', 'varchar(500)')
    .addColumn('current_title_code', 'varchar(40)')
    .addColumn('theory_level', 'varchar(20)', (c) => c.notNull())
    .addColumn('professional_level', 'varchar(20)', (c) => c.notNull())
    .addColumn('party_member', 'integer', (c) => c.notNull())
    .addColumn('has_photo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(26)')
    .execute();
  await db.schema.createIndex('persons_cccd').on('persons').column('cccd').unique().execute();
  await db.schema.createIndex('persons_org_sort').on('persons').columns(['organization_id', 'sort_key']).execute();
  await db.schema.createIndex('persons_sort').on('persons').columns(['sort_key', 'id']).execute();
  await db.schema.createIndex('persons_birth').on('persons').column('birth_date').execute();
  await db.schema.createIndex('persons_birth_year').on('persons').column('birth_year').execute();

  if (postgres) {
    // Word-prefix search: ' ' || name_folded LIKE '% duc%' is served by the trigram index.
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index persons_name_trgm on persons using gin ((' ' || name_folded) gin_trgm_ops)`.execute(db);
    await sql`create index persons_title_trgm on persons using gin (title_folded gin_trgm_ops)`.execute(db);
  } else {
    // FTS5 over the folded shadow column (computed in TypeScript), kept in step by triggers.
    await sql`create virtual table persons_fts using fts5(name_folded, content='persons', content_rowid='rowid', tokenize='unicode61', prefix='1 2 3')`.execute(
      db,
    );
    await sql`create trigger persons_fts_ai after insert on persons begin
      insert into persons_fts(rowid, name_folded) values (new.rowid, new.name_folded); end`.execute(db);
    await sql`create trigger persons_fts_ad after delete on persons begin
      insert into persons_fts(persons_fts, rowid, name_folded) values ('delete', old.rowid, old.name_folded); end`.execute(db);
    await sql`create trigger persons_fts_au after update of name_folded on persons begin
      insert into persons_fts(persons_fts, rowid, name_folded) values ('delete', old.rowid, old.name_folded);
      insert into persons_fts(rowid, name_folded) values (new.rowid, new.name_folded); end`.execute(db);
  }

  await db.schema
    .createTable('person_versions')
    .addColumn('person_id', 'varchar(26)', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'varchar(30)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(30)')
    .addColumn('changed_by', 'varchar(26)')
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)')
    .addPrimaryKeyConstraint('person_versions_pk', ['person_id', 'version'])
    .execute();

  await db.schema
    .createTable('person_photos')
    .addColumn('person_id', 'varchar(26)', (c) => c.primaryKey().references('persons.id').onDelete('cascade'))
    .addColumn('mime', 'varchar(20)', (c) => c.notNull())
    .addColumn('data', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('person_declarations')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(26)', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('changes_json', 'text', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('base_version', 'integer', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(26)', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(26)', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(30)')
    .addColumn('decision_note', 'varchar(500)')
    .execute();
  await db.schema.createIndex('person_declarations_person').on('person_declarations').columns(['person_id', 'status']).execute();
  await db.schema
    .createIndex('person_declarations_status')
    .on('person_declarations')
    .columns(['status', 'submitted_at'])
    .execute();

  // A cadre user sees his own record: the link from the account to the person.
  await db.schema
    .alterTable('users')
    .addColumn('person_id', 'varchar(26)', (c) => c.references('persons.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('person_id').execute();
  for (const t of ['person_declarations', 'person_photos', 'person_versions']) await db.schema.dropTable(t).execute();
  if (dialectOf(db) === 'sqlite') await sql`drop table persons_fts`.execute(db);
  await db.schema.dropTable('persons').execute();
}
