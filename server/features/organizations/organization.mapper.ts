import type { Organization } from '../../../contracts/organizations';
import type { OrganizationRow } from './organization.table';

export function toOrganizationResponse(row: OrganizationRow): Organization {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    level: row.level,
    parentId: row.parent_id,
    depth: Number(row.depth),
  };
}
