import type { Kysely } from 'kysely';

// Vote sessions for every module: the ballot's shape (three levels, agree/disagree, choice of names), subjects
// linked to person records with the title code they held, and the consequences raised as tasks for planning and
// decisions when a confidence vote's result is published.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('vote_sessions')
    .addColumn('ballot_shape', 'varchar(20)', (c) => c.notNull().defaultTo('levels'))
    .execute();
  await db.schema.alterTable('vote_sessions').addColumn('max_choices', 'integer').execute();
  await db.schema.alterTable('vote_sessions').addColumn('published_at', 'varchar(30)').execute();
  await db.schema.alterTable('vote_subjects').addColumn('title_code', 'varchar(40)').execute();
  await db.schema.createIndex('vote_subjects_person').on('vote_subjects').column('person_id').execute();
  await db.schema.createIndex('vote_sessions_date').on('vote_sessions').columns(['vote_date', 'kind']).execute();

  await db.schema
    .createTable('vote_consequence_tasks')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(26)', (c) => c.notNull().references('vote_sessions.id').onDelete('cascade'))
    .addColumn('subject_id', 'varchar(26)', (c) => c.notNull().references('vote_subjects.id').onDelete('cascade'))
    .addColumn('person_id', 'varchar(40)')
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('rule_id', 'varchar(80)', (c) => c.notNull())
    .addColumn('citation', 'varchar(300)', (c) => c.notNull())
    .addColumn('consequence', 'varchar(40)', (c) => c.notNull())
    .addColumn('detail_vi', 'varchar(1000)', (c) => c.notNull())
    .addColumn('detail_en', 'varchar(1000)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('raised_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('handled_by', 'varchar(26)', (c) => c.references('users.id'))
    .addColumn('handled_at', 'varchar(30)')
    .addColumn('handled_ref', 'varchar(200)')
    .execute();
  await db.schema
    .createIndex('vote_consequence_tasks_unique')
    .on('vote_consequence_tasks')
    .columns(['subject_id', 'rule_id', 'consequence'])
    .unique()
    .execute();
  await db.schema
    .createIndex('vote_consequence_tasks_open')
    .on('vote_consequence_tasks')
    .columns(['status', 'consequence'])
    .execute();
  await db.schema.createIndex('vote_consequence_tasks_person').on('vote_consequence_tasks').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('vote_consequence_tasks').execute();
  await db.schema.dropIndex('vote_sessions_date').execute();
  await db.schema.dropIndex('vote_subjects_person').execute();
  await db.schema.alterTable('vote_subjects').dropColumn('title_code').execute();
  for (const c of ['published_at', 'max_choices', 'ballot_shape'])
    await db.schema.alterTable('vote_sessions').dropColumn(c).execute();
}
