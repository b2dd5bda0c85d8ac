import type { Kysely } from 'kysely';

// Restructuring events move job positions (vị trí việc làm) and their people: the rows an event opened carry its id,
// so that reverting the event can remove them and telling them from rows added by hand afterwards.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('job_positions').addColumn('opened_by_event_id', 'varchar(26)').execute();
  await db.schema.alterTable('job_position_assignments').addColumn('opened_by_event_id', 'varchar(26)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('job_position_assignments').dropColumn('opened_by_event_id').execute();
  await db.schema.alterTable('job_positions').dropColumn('opened_by_event_id').execute();
}
