import type { Insertable, Selectable } from 'kysely';
import type { PostCategory } from '../../../contracts/positions';
import type { LocalityClass, ManagingAuthority, TitleGroup } from '../../../contracts/titles';

export interface TitleCatalogTable {
  id: string;
  name: string;
  citation: string;
  valid_from: string;
  /** exclusive: the day the next catalog version took effect */
  valid_to: string | null;
}

export interface TitleTable {
  /** `<catalog id>:<code>` */
  id: string;
  catalog_id: string;
  code: string;
  name: string;
  name_folded: string;
  group_no: TitleGroup;
  rank: number;
  /** 1 = highest in the catalog; equal values are equivalent titles */
  rank_order: number;
  locality_class: LocalityClass | null;
  managing_authority: ManagingAuthority;
  is_leadership: number;
  /** Anti-Corruption Law 2018 art. 20: a sensitive post category (personnel, accounting, …) */
  post_category: PostCategory | null;
  head_title_id: string | null;
  max_deputies: number | null;
  /** JSON array of title ids held ex officio */
  ex_officio_json: string;
  confirmed: number;
  citation: string;
  note: string | null;
}
export type TitleCatalogRow = Selectable<TitleCatalogTable>;
export type TitleRow = Selectable<TitleTable>;
export type NewTitleRow = Insertable<TitleTable>;
