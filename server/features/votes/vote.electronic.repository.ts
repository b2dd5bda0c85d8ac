import type { Db, Trx } from '../../db/database';
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
