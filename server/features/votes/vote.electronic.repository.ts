import type { Db, Trx } from '../../db/database';
import { dialectOf } from '../../db/dialect';
import type { VoteBoardRow, VoteTrusteeRow } from './vote.table';

export async function findUsersByUsernames(db: Db | Trx, usernames: readonly string[]) {
  if (usernames.length === 0) return [];
  return db.selectFrom('users').select(['id', 'username', 'full_name']).where('username', 'in', usernames).execute();
}

export async function insertRoster(trx: Trx, sessionId: string, voterIds: string[], trusteeIds: string[]): Promise<void> {
  await trx
    .insertInto('vote_voters')
    .values(voterIds.map((user_id) => ({ session_id: sessionId, user_id, public_credential: null })))
    .execute();
  await trx
    .insertInto('vote_trustees')
    .values(
      trusteeIds.map((user_id, i) => ({
        session_id: sessionId,
        ordinal: i + 1,
        user_id,
        cert_json: null,
        polynomial_json: null,
        voutput_json: null,
      })),
    )
    .execute();
}

export async function listVoters(db: Db | Trx, sessionId: string) {
  return db
    .selectFrom('vote_voters')
    .innerJoin('users', 'users.id', 'vote_voters.user_id')
    .select(['vote_voters.user_id', 'vote_voters.public_credential', 'users.full_name', 'users.username'])
    .where('session_id', '=', sessionId)
    .orderBy('users.full_name')
    .execute();
}

export async function setPublicCredentials(
  trx: Trx,
  sessionId: string,
  creds: { userId: string; publicCredential: string }[],
): Promise<void> {
  for (const c of creds) {
    await trx
      .updateTable('vote_voters')
      .set({ public_credential: c.publicCredential })
      .where('session_id', '=', sessionId)
      .where('user_id', '=', c.userId)
      .execute();
  }
}

export async function listTrustees(db: Db | Trx, sessionId: string): Promise<(VoteTrusteeRow & { full_name: string })[]> {
  return db
    .selectFrom('vote_trustees')
    .innerJoin('users', 'users.id', 'vote_trustees.user_id')
    .selectAll('vote_trustees')
    .select('users.full_name')
    .where('session_id', '=', sessionId)
    .orderBy('ordinal')
    .execute();
}

export async function updateTrustee(
  trx: Trx,
  sessionId: string,
  ordinal: number,
  set: Partial<Pick<VoteTrusteeRow, 'cert_json' | 'polynomial_json' | 'voutput_json'>>,
): Promise<void> {
  await trx.updateTable('vote_trustees').set(set).where('session_id', '=', sessionId).where('ordinal', '=', ordinal).execute();
}

export async function boardRows(db: Db | Trx, sessionId: string): Promise<VoteBoardRow[]> {
  return db.selectFrom('vote_board').selectAll().where('session_id', '=', sessionId).orderBy('seq').execute();
}

export async function appendBoardRows(trx: Trx, rows: VoteBoardRow[]): Promise<void> {
  if (rows.length) await trx.insertInto('vote_board').values(rows).execute();
}

export async function updateElectronicSession(
  trx: Trx,
  id: string,
  set: { election_uuid?: string; raw_election?: string; threshold?: number; trustees_json?: string },
): Promise<void> {
  await trx.updateTable('vote_sessions').set(set).where('id', '=', id).execute();
}

/** Where the board ends: the next row number, and the last event's hash and height (for the next event). */
export async function boardTail(
  db: Db | Trx,
  sessionId: string,
): Promise<{ rows: number; lastEvent: { name: string; content: string } | null }> {
  const n = await db
    .selectFrom('vote_board')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  const last = await db
    .selectFrom('vote_board')
    .select(['name', 'content'])
    .where('session_id', '=', sessionId)
    .where('name', 'like', '%.event.json')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { rows: Number(n.n), lastEvent: last ?? null };
}

/** Serializes appends to one session's board (PostgreSQL; SQLite serializes writers already). */
export async function lockBoard(trx: Trx, sessionId: string): Promise<void> {
  if (dialectOf(trx) === 'postgres')
    await trx.selectFrom('vote_sessions').select('id').where('id', '=', sessionId).forUpdate().executeTakeFirst();
}

export async function knownCiphertexts(db: Db | Trx, sessionId: string, alphaHashes: readonly string[]): Promise<number> {
  if (alphaHashes.length === 0) return 0;
  const r = await db
    .selectFrom('vote_board_ciphertexts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('alpha_hash', 'in', alphaHashes)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function hasBallotFrom(db: Db | Trx, sessionId: string, credentialHash: string): Promise<boolean> {
  const r = await db
    .selectFrom('vote_board_ballots')
    .select('seq')
    .where('session_id', '=', sessionId)
    .where('credential_hash', '=', credentialHash)
    .limit(1)
    .executeTakeFirst();
  return !!r;
}

export async function indexBallot(
  trx: Trx,
  row: { session_id: string; seq: number; tracker: string; credential_hash: string },
  alphaHashes: readonly string[],
): Promise<void> {
  await trx.insertInto('vote_board_ballots').values(row).execute();
  if (alphaHashes.length)
    await trx
      .insertInto('vote_board_ciphertexts')
      .values(alphaHashes.map((alpha_hash) => ({ session_id: row.session_id, alpha_hash })))
      .execute();
}

/** How many of these ciphertexts belong to ballots opened for checking (never to be cast). */
export async function auditedCiphertexts(db: Db | Trx, sessionId: string, alphaHashes: readonly string[]): Promise<number> {
  if (alphaHashes.length === 0) return 0;
  const r = await db
    .selectFrom('vote_audited_ciphertexts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('alpha_hash', 'in', alphaHashes)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function markAudited(trx: Trx, sessionId: string, alphaHashes: readonly string[]): Promise<void> {
  if (alphaHashes.length === 0) return;
  await trx
    .insertInto('vote_audited_ciphertexts')
    .values(alphaHashes.map((alpha_hash) => ({ session_id: sessionId, alpha_hash })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
