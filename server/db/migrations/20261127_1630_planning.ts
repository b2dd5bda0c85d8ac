import type { Kysely } from 'kysely';

// Cadre planning: cycles, plans per seat or committee, candidates (removal kept, never deleted), exceptions.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('planning_cycles')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('term_from', 'integer', (c) => c.notNull())
    .addColumn('term_to', 'integer', (c) => c.notNull())
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('track', 'varchar(10)', (c) => c.notNull())
    .addColumn('approving_authority', 'varchar(300)', (c) => c.notNull())
    .addColumn('policy_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('reference_key', 'varchar(60)')
    .addColumn('reference_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(26)', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('planning_cycles_org').on('planning_cycles').column('organization_id').execute();

  await db.schema
    .createTable('planning_plans')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('cycle_id', 'varchar(26)', (c) => c.notNull().references('planning_cycles.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('position_id', 'varchar(26)', (c) => c.references('positions.id'))
    .addColumn('title_id', 'varchar(80)', (c) => c.references('titles.id'))
    .addColumn('committee_kind', 'varchar(20)')
    .addColumn('statutory_size', 'integer')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('planning_plans_cycle').on('planning_plans').column('cycle_id').execute();

  await db.schema
    .createTable('planning_candidates')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('plan_id', 'varchar(26)', (c) => c.notNull().references('planning_plans.id'))
    .addColumn('cycle_id', 'varchar(26)', (c) => c.notNull().references('planning_cycles.id'))
    .addColumn('person_id', 'varchar(26)', (c) => c.notNull().references('persons.id'))
    .addColumn('target_title_id', 'varchar(80)', (c) => c.references('titles.id'))
    .addColumn('readiness', 'varchar(20)', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('emergency', 'integer', (c) => c.notNull())
    .addColumn('proposed_for_appointment', 'integer', (c) => c.notNull())
    .addColumn('notes', 'varchar(2000)')
    .addColumn('added_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('removed_on', 'varchar(10)')
    .addColumn('removal_reason', 'varchar(2000)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('planning_candidates_plan').on('planning_candidates').columns(['plan_id', 'person_id']).execute();
  await db.schema.createIndex('planning_candidates_cycle').on('planning_candidates').column('cycle_id').execute();

  await db.schema
    .createTable('planning_exceptions')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('cycle_id', 'varchar(26)', (c) => c.notNull().references('planning_cycles.id'))
    .addColumn('plan_id', 'varchar(26)', (c) => c.references('planning_plans.id'))
    .addColumn('rule_id', 'varchar(80)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(26)', (c) => c.references('persons.id'))
    .addColumn('decision_ref', 'varchar(300)', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(300)', (c) => c.notNull())
    .addColumn('decided_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('reason', 'varchar(2000)', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(26)', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('planning_exceptions_cycle').on('planning_exceptions').column('cycle_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['planning_exceptions', 'planning_candidates', 'planning_plans', 'planning_cycles'])
    await db.schema.dropTable(t).execute();
}
