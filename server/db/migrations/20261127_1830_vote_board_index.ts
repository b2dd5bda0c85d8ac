import type { Kysely } from 'kysely';
import { ballotTracker } from '../../features/votes/belenios/ballot';
import { sha256Hex } from '../../features/votes/belenios/group';

// An index of the bulletin board's ballots, so that casting one checks duplicates and revotes with two indexed
// look-ups instead of rereading and parsing the whole board. Nothing here is secret: every value is on the public board.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vote_board_ballots')
    .addColumn('session_id', 'varchar(26)', (c) => c.notNull().references('vote_sessions.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('tracker', 'varchar(64)', (c) => c.notNull())
    .addColumn('credential_hash', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('vote_board_ballots_pk', ['session_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('vote_board_ballots_credential')
    .on('vote_board_ballots')
    .columns(['session_id', 'credential_hash'])
    .execute();
  await db.schema
    .createTable('vote_board_ciphertexts')
    .addColumn('session_id', 'varchar(26)', (c) => c.notNull().references('vote_sessions.id').onDelete('cascade'))
    .addColumn('alpha_hash', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('vote_board_ciphertexts_pk', ['session_id', 'alpha_hash'])
    .execute();

  // Boards written before the index: index their ballots.
  const rows = (await db
    .selectFrom('vote_board')
    .select(['session_id', 'seq', 'name', 'content'])
    .orderBy('session_id')
    .orderBy('seq')
    .execute()) as { session_id: string; seq: number; name: string; content: string }[];
  const data = new Map(
    rows.filter((r) => r.name.endsWith('.data.json')).map((r) => [`${r.session_id}/${r.name.slice(0, 64)}`, r.content]),
  );
  for (const r of rows) {
    if (!r.name.endsWith('.event.json')) continue;
    const event = JSON.parse(r.content) as { type: string; payload?: string };
    if (event.type !== 'Ballot' || !event.payload) continue;
    const raw = data.get(`${r.session_id}/${event.payload}`)!;
    const ballot = JSON.parse(raw) as { credential: string; answers: { choices: { alpha: string }[] }[] };
    await db
      .insertInto('vote_board_ballots')
      .values({
        session_id: r.session_id,
        seq: r.seq,
        tracker: ballotTracker(raw),
        credential_hash: sha256Hex(ballot.credential),
      })
      .execute();
    const alphas = [...new Set(ballot.answers.flatMap((a) => a.choices.map((c) => sha256Hex(c.alpha))))];
    for (const alpha_hash of alphas)
      await db
        .insertInto('vote_board_ciphertexts')
        .values({ session_id: r.session_id, alpha_hash })
        .onConflict((oc) => oc.doNothing())
        .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('vote_board_ciphertexts').execute();
  await db.schema.dropTable('vote_board_ballots').execute();
}
