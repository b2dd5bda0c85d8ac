import type { PersonRecord } from '../../../contracts/persons';
import type { Db, Trx } from '../../db/database';
import * as lookupsRepo from './person.lookups.repository';
import type { RecordIssue } from './person.rules';

/**
 * Work-history rows may name an organization of the tree and a title of the catalog (rows about historic
 * units keep only their text). A link the record did not have before must point at something that exists;
 * links already stored are left alone, so a record stays editable after its catalog changes.
 */
export async function workLinkIssues(db: Db | Trx, record: PersonRecord, previous?: PersonRecord): Promise<RecordIssue[]> {
  const knownOrgs = new Set(previous?.workHistory.map((w) => w.organizationId).filter(Boolean));
  const knownTitles = new Set(previous?.workHistory.map((w) => w.titleCode).filter(Boolean));
  const orgIds = record.workHistory.map((w) => w.organizationId).filter((id): id is string => !!id && !knownOrgs.has(id));
  const titleCodes = record.workHistory.map((w) => w.titleCode).filter((c): c is string => !!c && !knownTitles.has(c));
  if (orgIds.length === 0 && titleCodes.length === 0) return [];
  const [orgs, titles] = await Promise.all([
    lookupsRepo.existingOrganizationIds(db, [...new Set(orgIds)]),
    lookupsRepo.existingTitleCodes(db, [...new Set(titleCodes)]),
  ]);
  const issues: RecordIssue[] = [];
  record.workHistory.forEach((w, i) => {
    if (w.organizationId && !knownOrgs.has(w.organizationId) && !orgs.has(w.organizationId))
      issues.push({
        path: `workHistory.${i}.organizationId`,
        message: `Quá trình công tác, dòng ${i + 1}: đơn vị liên kết không có trong hệ thống`,
        messageEn: `Work history, row ${i + 1}: the linked organization does not exist`,
      });
    if (w.titleCode && !knownTitles.has(w.titleCode) && !titles.has(w.titleCode))
      issues.push({
        path: `workHistory.${i}.titleCode`,
        message: `Quá trình công tác, dòng ${i + 1}: mã chức danh ${w.titleCode} không có trong danh mục`,
        messageEn: `Work history, row ${i + 1}: title code ${w.titleCode} is not in the catalog`,
      });
  });
  return issues;
}
