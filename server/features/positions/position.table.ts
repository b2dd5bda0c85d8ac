import type { Insertable, Selectable, Updateable } from 'kysely';
import type { IncumbencyKind, PostCategory } from '../../../contracts/positions';

/** A seat: organization × title with a seat count, valid over [valid_from, valid_to). */
export interface PositionTable {
  id: string;
  organization_id: string;
  title_id: string;
  seat_count: number;
  /** the seat's own sensitive post category (art. 20), else the title's */
  post_category: PostCategory | null;
  term_years: number | null;
  valid_from: string;
  valid_to: string | null;
  opened_by_event_id: string | null;
  created_at: string;
}

/** A person in a seat over [from_date, to_date). */
export interface PositionIncumbentTable {
  id: string;
  position_id: string;
  /** ULID of the person; no foreign key until the persons table exists (issue 4) */
  person_id: string;
  person_name: string;
  how: IncumbencyKind;
  from_date: string;
  to_date: string | null;
  term_end: string | null;
  decision_ref: string | null;
  opened_by_event_id: string | null;
  created_at: string;
}
export type PositionRow = Selectable<PositionTable>;
export type NewPositionRow = Insertable<PositionTable>;
export type PositionUpdate = Updateable<PositionTable>;
export type IncumbentRow = Selectable<PositionIncumbentTable>;
export type NewIncumbentRow = Insertable<PositionIncumbentTable>;

/** A seat's number of places and term length over [valid_from, valid_to); the seat row holds the latest. */
export interface PositionVersionTable {
  id: string;
  position_id: string;
  seat_count: number;
  term_years: number | null;
  valid_from: string;
  valid_to: string | null;
  decision_ref: string | null;
  created_at: string;
}
export type PositionVersionRow = Selectable<PositionVersionTable>;
