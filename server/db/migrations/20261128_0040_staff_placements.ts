import { type Kysely, sql } from 'kysely';

// Who was staff of which unit when: one dated row per seat incumbency and per job-position assignment
// (person ↔ unit over [valid_from, valid_to)), kept in step by the repositories that write those rows — so also by
// restructuring events, which end the old rows and open new ones — so that "staffing on date D" finds the people a
// unit had on D even when they have since left it. Existing incumbencies and assignments are copied in (their row id
// is the placement id: ULIDs of two tables do not collide).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_placements')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(26)', (c) => c.notNull())
    .addColumn('person_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('source_id', 'varchar(26)', (c) => c.notNull())
    .addColumn('how', 'varchar(20)')
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('staff_placements_source')
    .on('staff_placements')
    .columns(['source', 'source_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('staff_placements_unit')
    .on('staff_placements')
    .columns(['organization_id', 'valid_from'])
    .execute();
  await db.schema.createIndex('staff_placements_person').on('staff_placements').columns(['person_id', 'valid_from']).execute();
  await sql`insert into staff_placements (id, person_id, person_name, organization_id, source, source_id, how, valid_from, valid_to, created_at)
    select i.id, i.person_id, i.person_name, p.organization_id, 'seat', i.id, i.how, i.from_date, i.to_date, i.created_at
    from position_incumbents i join positions p on p.id = i.position_id`.execute(db);
  await sql`insert into staff_placements (id, person_id, person_name, organization_id, source, source_id, how, valid_from, valid_to, created_at)
    select a.id, a.person_id, a.person_name, j.organization_id, 'job_position', a.id, null, a.from_date, a.to_date, a.created_at
    from job_position_assignments a join job_positions j on j.id = a.job_position_id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_placements').execute();
}
