import type { Insertable, Selectable, Updateable } from 'kysely';
import type { OrganizationKind, OrganizationLevel } from '../../../contracts/organizations';

export interface OrganizationTable {
  id: string;
  code: string;
  name: string;
  /** name folded (no diacritics, đ→d, lower case) for search on both dialects */
  name_folded: string;
  short_name: string | null;
  kind: OrganizationKind;
  level: OrganizationLevel;
  parent_id: string | null;
  /** materialized path of ids: `/root/…/self/`; a subtree is `path LIKE '<path>%'` */
  path: string;
  depth: number;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
  /** code of the administrative unit (province or commune/ward, NQ 202/2025) the unit governs, if any */
  admin_unit_code: string | null;
}
export type OrganizationRow = Selectable<OrganizationTable>;
export type NewOrganizationRow = Insertable<OrganizationTable>;
export type OrganizationUpdate = Updateable<OrganizationTable>;

/** A period [valid_from, valid_to) in which a unit kept one name, parent and path; the as-of tree is built from these. */
export interface OrganizationVersionTable {
  id: string;
  organization_id: string;
  name: string;
  name_folded: string;
  short_name: string | null;
  kind: OrganizationKind;
  level: OrganizationLevel;
  parent_id: string | null;
  path: string;
  depth: number;
  admin_unit_code: string | null;
  valid_from: string;
  valid_to: string | null;
  /** the restructuring event that opened this version (null for a unit's first version made by hand) */
  event_id: string | null;
}
export type OrganizationVersionRow = Selectable<OrganizationVersionTable>;
export type NewOrganizationVersionRow = Insertable<OrganizationVersionTable>;

/** A closed unit lives on in its successors (merge, split, dissolve into a receiving unit). */
export interface OrganizationSuccessionTable {
  id: string;
  predecessor_id: string;
  successor_id: string;
  event_id: string;
}
