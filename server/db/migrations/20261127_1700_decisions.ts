import type { Kysely } from 'kysely';

// Personnel decision processes: steps (with their vote sessions), dossier documents, recusals, overrides.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('decision_processes')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('action', 'varchar(20)', (c) => c.notNull())
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('track', 'varchar(10)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(26)', (c) => c.notNull().references('persons.id'))
    .addColumn('person_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('position_id', 'varchar(26)', (c) => c.notNull().references('positions.id'))
    .addColumn('rule_id', 'varchar(120)', (c) => c.notNull())
    .addColumn('started_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('in_plan', 'integer', (c) => c.notNull())
    .addColumn('ratings_json', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('policy_deadline', 'varchar(10)')
    .addColumn('process_deadline', 'varchar(10)', (c) => c.notNull())
    .addColumn('last_activity_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('prepared_by', 'varchar(26)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('decision_number', 'varchar(300)')
    .addColumn('decision_date', 'varchar(10)')
    .addColumn('effective_date', 'varchar(10)')
    .addColumn('signer_name', 'varchar(300)')
    .addColumn('decided_by', 'varchar(26)', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('decision_processes_org').on('decision_processes').columns(['organization_id', 'status']).execute();
  await db.schema.createIndex('decision_processes_person').on('decision_processes').column('person_id').execute();

  await db.schema
    .createTable('decision_steps')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('process_id', 'varchar(26)', (c) => c.notNull().references('decision_processes.id'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('key', 'varchar(60)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('vote_session_id', 'varchar(26)', (c) => c.references('vote_sessions.id'))
    .addColumn('summoned', 'integer')
    .addColumn('outcome', 'varchar(20)')
    .addColumn('verdicts_json', 'text', (c) => c.notNull())
    .addColumn('minutes_ref', 'varchar(300)')
    .addColumn('documents_json', 'text', (c) => c.notNull())
    .addColumn('head_choice', 'varchar(300)')
    .addColumn('completed_on', 'varchar(10)')
    .addColumn('completed_by', 'varchar(26)', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('decision_steps_process')
    .on('decision_steps')
    .columns(['process_id', 'ordinal'])
    .unique()
    .execute();

  await db.schema
    .createTable('decision_dossier_items')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('process_id', 'varchar(26)', (c) => c.notNull().references('decision_processes.id'))
    .addColumn('key', 'varchar(60)', (c) => c.notNull())
    .addColumn('document_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('reference', 'varchar(300)', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(26)', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decision_dossier_process').on('decision_dossier_items').column('process_id').execute();

  await db.schema
    .createTable('decision_recusals')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('process_id', 'varchar(26)', (c) => c.notNull().references('decision_processes.id'))
    .addColumn('role', 'varchar(10)', (c) => c.notNull())
    .addColumn('step_key', 'varchar(60)')
    .addColumn('person_id', 'varchar(26)')
    .addColumn('full_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('relation', 'varchar(30)')
    .addColumn('reason', 'text')
    .addColumn('recorded_by', 'varchar(26)', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decision_recusals_process').on('decision_recusals').column('process_id').execute();

  await db.schema
    .createTable('decision_overrides')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('process_id', 'varchar(26)', (c) => c.notNull().references('decision_processes.id'))
    .addColumn('rule_id', 'varchar(120)', (c) => c.notNull())
    .addColumn('authority', 'varchar(300)', (c) => c.notNull())
    .addColumn('decision_ref', 'varchar(300)', (c) => c.notNull())
    .addColumn('decided_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(26)', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decision_overrides_process').on('decision_overrides').column('process_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['decision_overrides', 'decision_recusals', 'decision_dossier_items', 'decision_steps', 'decision_processes'])
    await db.schema.dropTable(t).execute();
}
