import { type Kysely, sql } from 'kysely';

// Seats and staffing quotas keep their history: a seat's number of places and term length, and a quota's figure,
// are versions over [valid_from, valid_to), so that the org chart and the staffing table can be read as of a date.
// The `positions` and `staffing_quotas` rows keep the latest figure (other modules read them); every change goes
// through the repositories, which keep the versions and the row in step.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('position_versions')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('position_id', 'varchar(26)', (c) => c.notNull().references('positions.id'))
    .addColumn('seat_count', 'integer', (c) => c.notNull())
    .addColumn('term_years', 'integer')
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)')
    .addColumn('decision_ref', 'varchar(100)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('position_versions_position')
    .on('position_versions')
    .columns(['position_id', 'valid_from'])
    .unique()
    .execute();
  // Every existing seat gets its first version (ids: the seat's own, unique in this table).
  await sql`insert into position_versions (id, position_id, seat_count, term_years, valid_from, valid_to, decision_ref, created_at)
    select id, id, seat_count, term_years, valid_from, valid_to, null, created_at from positions`.execute(db);

  await db.schema
    .createTable('staffing_quota_versions')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('quota_id', 'varchar(26)', (c) => c.notNull().references('staffing_quotas.id'))
    .addColumn('quota', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)')
    .addColumn('decision_ref', 'varchar(100)')
    .addColumn('event_id', 'varchar(26)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('staffing_quota_versions_quota')
    .on('staffing_quota_versions')
    .columns(['quota_id', 'valid_from'])
    .unique()
    .execute();
  // An existing quota was given for its whole year.
  await sql`insert into staffing_quota_versions (id, quota_id, quota, valid_from, valid_to, decision_ref, event_id, created_at)
    select id, id, quota, ${sql.raw("cast(year as varchar(4)) || '-01-01'")}, null, null, event_id, created_at from staffing_quotas`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staffing_quota_versions').execute();
  await db.schema.dropTable('position_versions').execute();
}
