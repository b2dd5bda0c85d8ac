import type { Kysely } from 'kysely';

// Cadre planning, part two: recommendation rounds with their vote per candidate, and the yearly reviews
// (what was kept, added and removed, with the reasons and the lists before and after).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('planning_rounds')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('cycle_id', 'varchar(26)', (c) => c.notNull().references('planning_cycles.id'))
    .addColumn('plan_id', 'varchar(26)', (c) => c.notNull().references('planning_plans.id'))
    .addColumn('step', 'varchar(40)', (c) => c.notNull())
    .addColumn('held_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('vote_session_id', 'varchar(26)')
    .addColumn('summoned', 'integer', (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('participants', 'varchar(2000)', (c) => c.notNull())
    .addColumn('documents_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(26)', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('planning_rounds_plan').on('planning_rounds').columns(['plan_id', 'held_on']).execute();
  await db.schema.createIndex('planning_rounds_cycle').on('planning_rounds').column('cycle_id').execute();

  await db.schema
    .createTable('planning_round_results')
    .addColumn('round_id', 'varchar(26)', (c) => c.notNull().references('planning_rounds.id'))
    .addColumn('person_id', 'varchar(26)', (c) => c.notNull().references('persons.id'))
    .addColumn('agree', 'integer', (c) => c.notNull())
    .addColumn('disagree', 'integer', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('planning_round_results_pk', ['round_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('planning_reviews')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('cycle_id', 'varchar(26)', (c) => c.notNull().references('planning_cycles.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('reviewed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'varchar(2000)')
    .addColumn('before_json', 'text', (c) => c.notNull())
    .addColumn('after_json', 'text', (c) => c.notNull())
    .addColumn('changes_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(26)', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('planning_reviews_cycle').on('planning_reviews').columns(['cycle_id', 'year']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('planning_reviews').execute();
  await db.schema.dropTable('planning_round_results').execute();
  await db.schema.dropTable('planning_rounds').execute();
}
