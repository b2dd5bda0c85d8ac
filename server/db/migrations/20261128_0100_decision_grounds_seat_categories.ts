import { type Kysely, sql } from 'kysely';

// Grounds and postponement cases recorded on a personnel process, and the dated history of a seat's own sensitive post
// category (Anti-Corruption Law 2018 art. 20) over [valid_from, valid_to): `positions.post_category` keeps the latest.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('decision_circumstances')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('process_id', 'varchar(26)', (c) => c.notNull().references('decision_processes.id'))
    .addColumn('key', 'varchar(60)', (c) => c.notNull())
    .addColumn('from_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_date', 'varchar(10)')
    .addColumn('reference', 'varchar(300)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'varchar(26)', (c) => c.notNull())
    .addColumn('recorded_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decision_circumstances_process').on('decision_circumstances').column('process_id').execute();

  await db.schema
    .createTable('position_category_versions')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('position_id', 'varchar(26)', (c) => c.notNull().references('positions.id'))
    .addColumn('post_category', 'varchar(20)')
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)')
    .addColumn('reason', 'text')
    .addColumn('set_by', 'varchar(26)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('position_category_versions_position')
    .on('position_category_versions')
    .columns(['position_id', 'valid_from'])
    .unique()
    .execute();
  // A seat that already has its own category gets its first version from the seat's start (ids: the seat's own).
  await sql`insert into position_category_versions (id, position_id, post_category, valid_from, valid_to, reason, set_by, created_at)
    select id, id, post_category, valid_from, null, null, null, created_at from positions where post_category is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('position_category_versions').execute();
  await db.schema.dropTable('decision_circumstances').execute();
}
