import type { Title, TitleCatalog } from '../../../contracts/titles';
import type { TitleCatalogRow, TitleRow } from './title.table';

export function toTitleResponse(row: TitleRow): Title {
  return {
    id: row.id,
    catalogId: row.catalog_id,
    code: row.code,
    name: row.name,
    group: row.group_no,
    rank: Number(row.rank),
    rankOrder: Number(row.rank_order),
    localityClass: row.locality_class,
    managingAuthority: row.managing_authority,
    isLeadership: Boolean(Number(row.is_leadership)),
    headTitleId: row.head_title_id,
    maxDeputies: row.max_deputies === null ? null : Number(row.max_deputies),
    exOfficio: JSON.parse(row.ex_officio_json) as string[],
    confirmed: Boolean(Number(row.confirmed)),
    citation: row.citation,
    note: row.note,
  };
}

export function toCatalogResponse(row: TitleCatalogRow & { title_count: number }): TitleCatalog {
  return {
    id: row.id,
    name: row.name,
    citation: row.citation,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    titleCount: row.title_count,
  };
}
