import { type Kysely, sql } from 'kysely';

// A job position's head count (vị trí việc làm: số lượng người làm việc) keeps its history like seats and quotas: the
// count over [valid_from, valid_to), so that job positions can be read as of a date. The `job_positions` row keeps the
// latest count; every change goes through the repository, which keeps both in step. Each existing job position gets
// its first version (id: the job position's own).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_position_versions')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('job_position_id', 'varchar(26)', (c) => c.notNull().references('job_positions.id'))
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)')
    .addColumn('decision_ref', 'varchar(100)')
    .addColumn('event_id', 'varchar(26)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('job_position_versions_job')
    .on('job_position_versions')
    .columns(['job_position_id', 'valid_from'])
    .unique()
    .execute();
  await sql`insert into job_position_versions (id, job_position_id, count, valid_from, valid_to, decision_ref, event_id, created_at)
    select id, id, count, valid_from, valid_to, null, opened_by_event_id, created_at from job_positions`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_position_versions').execute();
}
