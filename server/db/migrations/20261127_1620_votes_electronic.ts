import type { Kysely } from 'kysely';

// Electronic votes (Belenios 2.0). Nothing here is secret: trustees' messages are public or encrypted to a trustee,
// voters' credentials are public ones, ballots are ciphertexts; private keys and credentials never reach the server.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('vote_sessions').addColumn('election_uuid', 'varchar(30)').execute();
  await db.schema.alterTable('vote_sessions').addColumn('raw_election', 'text').execute();
  await db.schema.alterTable('vote_sessions').addColumn('threshold', 'integer').execute();
  await db.schema.alterTable('vote_sessions').addColumn('trustees_json', 'text').execute();

  await db.schema
    .createTable('vote_voters')
    .addColumn('session_id', 'varchar(26)', (c) => c.notNull().references('vote_sessions.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(26)', (c) => c.notNull().references('users.id'))
    .addColumn('public_credential', 'text')
    .addPrimaryKeyConstraint('vote_voters_pk', ['session_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('vote_trustees')
    .addColumn('session_id', 'varchar(26)', (c) => c.notNull().references('vote_sessions.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'varchar(26)', (c) => c.notNull().references('users.id'))
    .addColumn('cert_json', 'text')
    .addColumn('polynomial_json', 'text')
    .addColumn('voutput_json', 'text')
    .addPrimaryKeyConstraint('vote_trustees_pk', ['session_id', 'ordinal'])
    .execute();

  // The bulletin board: the archive's members in order; append-only.
  await db.schema
    .createTable('vote_board')
    .addColumn('session_id', 'varchar(26)', (c) => c.notNull().references('vote_sessions.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vote_board_pk', ['session_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['vote_board', 'vote_trustees', 'vote_voters']) await db.schema.dropTable(t).execute();
  for (const c of ['trustees_json', 'threshold', 'raw_election', 'election_uuid'])
    await db.schema.alterTable('vote_sessions').dropColumn(c).execute();
}
