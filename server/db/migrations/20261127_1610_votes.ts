import type { Kysely } from 'kysely';

// Vote sessions: subjects (with exemptions), paper counts entered twice by different tally members.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vote_sessions')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('mode', 'varchar(20)', (c) => c.notNull())
    .addColumn('track', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('vote_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('voter_group', 'varchar(500)', (c) => c.notNull())
    .addColumn('summoned_count', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('confirmed_count_json', 'text')
    .addColumn('board_hash', 'varchar(64)')
    .addColumn('created_by', 'varchar(26)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vote_sessions_org').on('vote_sessions').column('organization_id').execute();

  await db.schema
    .createTable('vote_subjects')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(26)', (c) => c.notNull().references('vote_sessions.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('full_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('title_text', 'varchar(300)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(40)')
    .addColumn('exemption_reason', 'varchar(40)')
    .addColumn('exemption_note', 'varchar(500)')
    .execute();
  await db.schema.createIndex('vote_subjects_session').on('vote_subjects').columns(['session_id', 'ordinal']).unique().execute();

  await db.schema
    .createTable('vote_paper_entries')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(26)', (c) => c.notNull().references('vote_sessions.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(26)', (c) => c.notNull().references('users.id'))
    .addColumn('entered_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('count_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('vote_paper_entries_user')
    .on('vote_paper_entries')
    .columns(['session_id', 'user_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['vote_paper_entries', 'vote_subjects', 'vote_sessions']) await db.schema.dropTable(t).execute();
}
