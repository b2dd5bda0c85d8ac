import type { Kysely } from 'kysely';

// Personnel decisions, second part: post categories on titles and seats (Anti-Corruption Law 2018 art. 20), the
// verdicts taken when a process starts (a head near retirement or term end), the approved local packs it runs
// under, and cancellation with its reason.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('titles').addColumn('post_category', 'varchar(20)').execute();
  await db.schema.alterTable('positions').addColumn('post_category', 'varchar(20)').execute();
  await db.schema
    .alterTable('decision_processes')
    .addColumn('start_verdicts_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('decision_processes')
    .addColumn('local_pack_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('decision_processes').addColumn('cancel_reason', 'text').execute();
  await db.schema.alterTable('decision_processes').addColumn('cancelled_on', 'varchar(10)').execute();
  await db.schema
    .alterTable('decision_processes')
    .addColumn('cancelled_by', 'varchar(26)', (c) => c.references('users.id'))
    .execute();
}
