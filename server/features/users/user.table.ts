import type { Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../../../contracts/common';

export interface UserTable {
  id: string;
  username: string;
  full_name: string;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  disabled: Generated<number>;
  created_at: string;
  /** the person record of a cadre account (self-service), if linked */
  person_id: string | null;
}
export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;

export interface UserGrantTable {
  id: string;
  user_id: string;
  role: Role;
  organization_id: string;
}
export type UserGrantRow = Selectable<UserGrantTable>;

export interface SessionTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}
export type SessionRow = Selectable<SessionTable>;
