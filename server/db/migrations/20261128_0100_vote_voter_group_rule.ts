import type { Kysely } from 'kysely';

// The voter-group verdict a confidence vote was set up under (policy/votes/voter-groups.yaml): the rule, its
// version and citation, as judged on the vote's date; null for sessions made before the rule was data.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('vote_sessions').addColumn('voter_group_rule_json', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('vote_sessions').dropColumn('voter_group_rule_json').execute();
}
