import type { Kysely } from 'kysely';

// Training courses and enrolments; a completion proposes the record change as a person declaration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('training_courses')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('theory_level', 'varchar(20)')
    .addColumn('state_management_level', 'varchar(30)')
    .addColumn('provider', 'varchar(300)', (c) => c.notNull())
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('form', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_courses_org').on('training_courses').columns(['organization_id', 'starts_on']).execute();

  await db.schema
    .createTable('training_enrolments')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('course_id', 'varchar(26)', (c) => c.notNull().references('training_courses.id'))
    .addColumn('person_id', 'varchar(26)', (c) => c.notNull().references('persons.id'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('due_by', 'varchar(10)')
    .addColumn('completed_on', 'varchar(10)')
    .addColumn('result', 'varchar(200)')
    .addColumn('certificate_no', 'varchar(100)')
    .addColumn('declaration_id', 'varchar(26)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_enrolments_course_person')
    .on('training_enrolments')
    .columns(['course_id', 'person_id'])
    .unique()
    .execute();
  await db.schema.createIndex('training_enrolments_person').on('training_enrolments').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('training_enrolments').execute();
  await db.schema.dropTable('training_courses').execute();
}
