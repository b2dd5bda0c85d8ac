import type { Selectable } from 'kysely';
import type { IncumbencyKind } from '../../../contracts/positions';

/** What put a person on a unit's staff: a seat incumbency or a job-position assignment. */
export type PlacementSource = 'seat' | 'job_position';

/** A person on a unit's staff over [valid_from, valid_to), mirrored from the incumbency or assignment `source_id`. */
export interface StaffPlacementTable {
  id: string;
  person_id: string;
  person_name: string;
  organization_id: string;
  source: PlacementSource;
  source_id: string;
  /** how the seat is held (a concurrent seat does not move the person's staff unit); null for a job position */
  how: IncumbencyKind | null;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
}
export type StaffPlacementRow = Selectable<StaffPlacementTable>;
