import type { Kysely } from 'kysely';

// Evaluation cycles, quota groups, evaluations with their tasks and step history. Points are stored in tenths
// (integers) so 89.9 stays 89.9 on both dialects. person_id is the cadre record (persons).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evaluation_cycles')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('track', 'varchar(10)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer')
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('policy_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'varchar(26)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evaluation_cycles_org').on('evaluation_cycles').columns(['organization_id', 'year']).execute();

  await db.schema
    .createTable('evaluation_groups')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('cycle_id', 'varchar(26)', (c) => c.notNull().references('evaluation_cycles.id'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('definition', 'varchar(2000)', (c) => c.notNull())
    .addColumn('outstanding_unit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evaluation_groups_cycle').on('evaluation_groups').column('cycle_id').execute();

  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('cycle_id', 'varchar(26)', (c) => c.notNull().references('evaluation_cycles.id'))
    .addColumn('group_id', 'varchar(26)', (c) => c.references('evaluation_groups.id'))
    .addColumn('person_id', 'varchar(26)', (c) => c.notNull().references('persons.id'))
    .addColumn('person_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('subject_group', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('self_score_json', 'text')
    .addColumn('self_points_tenths', 'integer')
    .addColumn('appraisal_score_json', 'text')
    .addColumn('appraisal_points_tenths', 'integer')
    .addColumn('facts_json', 'text')
    .addColumn('proposed_level', 'varchar(20)')
    .addColumn('verdicts_json', 'text')
    .addColumn('decided_level', 'varchar(20)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evaluations_cycle_person').on('evaluations').columns(['cycle_id', 'person_id']).unique().execute();
  await db.schema.createIndex('evaluations_group').on('evaluations').column('group_id').execute();
  await db.schema.createIndex('evaluations_person').on('evaluations').column('person_id').execute();
  await db.schema.createIndex('evaluations_org').on('evaluations').column('organization_id').execute();

  await db.schema
    .createTable('evaluation_tasks')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'varchar(26)', (c) => c.notNull().references('evaluations.id'))
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('done_on', 'varchar(10)')
    .addColumn('outcome', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evaluation_tasks_evaluation').on('evaluation_tasks').column('evaluation_id').execute();

  await db.schema
    .createTable('evaluation_steps')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'varchar(26)', (c) => c.notNull().references('evaluations.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(26)')
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('comment', 'varchar(4000)')
    .addColumn('points_tenths', 'integer')
    .addColumn('level', 'varchar(20)')
    .execute();
  await db.schema.createIndex('evaluation_steps_evaluation').on('evaluation_steps').column('evaluation_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['evaluation_steps', 'evaluation_tasks', 'evaluations', 'evaluation_groups', 'evaluation_cycles'])
    await db.schema.dropTable(t).execute();
}
