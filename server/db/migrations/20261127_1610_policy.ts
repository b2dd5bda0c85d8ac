import type { Kysely } from 'kysely';

// Approvals of local policy packs: a local pack applies only once approved, and only the exact
// content approved (its hash); every approval is also an audit entry.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('policy_local_approvals')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('pack_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('pack_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('approved_by', 'varchar(26)', (c) => c.notNull().references('users.id'))
    .addColumn('approved_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('note', 'varchar(2000)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('policy_local_approvals_pack')
    .on('policy_local_approvals')
    .columns(['pack_id', 'approved_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('policy_local_approvals').execute();
}
