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
}
export type OrganizationRow = Selectable<OrganizationTable>;
export type NewOrganizationRow = Insertable<OrganizationTable>;
export type OrganizationUpdate = Updateable<OrganizationTable>;
