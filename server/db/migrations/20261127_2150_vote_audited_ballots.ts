import type { Kysely } from 'kysely';

// Ballots a voter opened to check (Benaloh audit): their randomness is revealed, so they must never be cast. Only the
// digests of their ciphertexts are kept (public data; nothing of the choices), so that casting one is refused.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vote_audited_ciphertexts')
    .addColumn('session_id', 'varchar(26)', (c) => c.notNull().references('vote_sessions.id').onDelete('cascade'))
    .addColumn('alpha_hash', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('vote_audited_ciphertexts_pk', ['session_id', 'alpha_hash'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('vote_audited_ciphertexts').execute();
}
