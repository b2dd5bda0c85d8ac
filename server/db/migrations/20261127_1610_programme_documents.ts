import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect';

// Work programme (items, coordinators, responsible people, milestones) and the document register
// (documents, relations, attachments stored in the database so backups carry them).
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';

  await db.schema
    .createTable('programme_items')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('title_folded', 'varchar(500)', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('summary_folded', 'text')
    .addColumn('assigning_body', 'varchar(40)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('completed_on', 'varchar(10)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('programme_items_org_code')
    .on('programme_items')
    .columns(['organization_id', 'code'])
    .unique()
    .execute();
  await db.schema.createIndex('programme_items_year').on('programme_items').columns(['year', 'due_on']).execute();

  await db.schema
    .createTable('programme_item_coordinators')
    .addColumn('item_id', 'varchar(26)', (c) => c.notNull().references('programme_items.id').onDelete('cascade'))
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addPrimaryKeyConstraint('programme_item_coordinators_pk', ['item_id', 'organization_id'])
    .execute();
  await db.schema
    .createTable('programme_item_responsible')
    .addColumn('item_id', 'varchar(26)', (c) => c.notNull().references('programme_items.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(26)', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('programme_item_responsible_pk', ['item_id', 'user_id'])
    .execute();
  await db.schema.createIndex('programme_item_responsible_user').on('programme_item_responsible').column('user_id').execute();
  await db.schema
    .createTable('programme_milestones')
    .addColumn('item_id', 'varchar(26)', (c) => c.notNull().references('programme_items.id').onDelete('cascade'))
    .addColumn('stage', 'varchar(20)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('done_on', 'varchar(10)')
    .addPrimaryKeyConstraint('programme_milestones_pk', ['item_id', 'stage'])
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('number', 'varchar(40)', (c) => c.notNull())
    .addColumn('number_key', 'varchar(60)', (c) => c.notNull())
    .addColumn('issuing_body', 'varchar(40)', (c) => c.notNull())
    .addColumn('issued_on', 'varchar(10)')
    .addColumn('date_confirmed', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('signer', 'varchar(200)')
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('title_folded', 'varchar(500)', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('summary_folded', 'text')
    .addColumn('aliases_folded', 'varchar(1000)')
    .addColumn('effective_from', 'varchar(10)')
    .addColumn('effective_to', 'varchar(10)')
    .addColumn('participation', 'varchar(12)', (c) => c.notNull())
    .addColumn('visibility', 'varchar(10)', (c) => c.notNull())
    .addColumn('programme_item_id', 'varchar(26)', (c) => c.references('programme_items.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_number_key').on('documents').column('number_key').execute();
  await db.schema.createIndex('documents_issued').on('documents').columns(['issued_on']).execute();
  await db.schema.createIndex('documents_item').on('documents').column('programme_item_id').execute();
  if (postgres) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index documents_title_trgm on documents using gin (title_folded gin_trgm_ops)`.execute(db);
    await sql`create index programme_items_title_trgm on programme_items using gin (title_folded gin_trgm_ops)`.execute(db);
  }

  await db.schema
    .createTable('document_relations')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('from_id', 'varchar(26)', (c) => c.notNull().references('documents.id'))
    .addColumn('to_id', 'varchar(26)', (c) => c.notNull().references('documents.id'))
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('effective_on', 'varchar(10)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_relations_unique')
    .on('document_relations')
    .columns(['from_id', 'to_id', 'kind'])
    .unique()
    .execute();
  await db.schema.createIndex('document_relations_to').on('document_relations').column('to_id').execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('owner_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner_id', 'varchar(26)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('media_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('content', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_by', 'varchar(26)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_owner').on('attachments').columns(['owner_kind', 'owner_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'attachments',
    'document_relations',
    'documents',
    'programme_milestones',
    'programme_item_responsible',
    'programme_item_coordinators',
    'programme_items',
  ])
    await db.schema.dropTable(t).execute();
}
