import type { Db } from '../../server/db/database';
import type { Actor } from '../../server/features/access/access.rules';
import { findUserByUsername, grantsOf } from '../../server/features/users/user.repository';

/** The actor of a demo user, as a session would resolve it (the demo acts in people's names). */
export async function resolveActorByUsername(db: Db, username: string): Promise<Actor | null> {
  const user = await findUserByUsername(db, username);
  if (!user) return null;
  const grants = (await grantsOf(db, [user.id])).get(user.id) ?? [];
  return { userId: user.id, username: user.username, grants };
}
