import type { Person, PersonRecord, PersonSummary } from '../../../contracts/persons';
import { personRecordSchema } from '../../../contracts/persons';
import { foldVietnamese } from '../../lib/text';
import { isPartyMember, parsePartialDate, personSearchText, vietnameseSortKey } from './person.rules';
import type { PersonListRow } from './person.search.repository';
import type { PersonWithOrg } from './person.repository';
import type { NewPersonRow } from './person.table';

/** The indexed columns of a person row, all derived from the record (the record is the truth). */
export function columnsOf(
  record: PersonRecord,
): Omit<NewPersonRow, 'id' | 'version' | 'created_at' | 'updated_at' | 'updated_by'> {
  return {
    organization_id: record.organizationId,
    cccd: record.cccd,
    full_name: record.fullName,
    name_folded: personSearchText(record),
    sort_key: vietnameseSortKey(record.fullName),
    sex: record.sex,
    birth_date: record.birthDate,
    birth_year: parsePartialDate(record.birthDate)?.year ?? Number(record.birthDate.slice(0, 4)),
    ethnicity: record.ethnicity,
    current_title: record.currentTitle,
    title_folded: record.currentTitle ? foldVietnamese(record.currentTitle) : null,
    current_title_code: record.currentTitleCode,
    theory_level: record.theoryLevel,
    professional_level: record.professionalLevel,
    party_member: isPartyMember(record) ? 1 : 0,
    data_json: JSON.stringify(record),
  };
}

export function parseRecord(json: string): PersonRecord {
  return personRecordSchema.parse(JSON.parse(json));
}

export function toPersonSummary(row: PersonListRow): PersonSummary {
  return {
    id: row.id,
    fullName: row.full_name,
    sex: row.sex,
    birthDate: row.birth_date,
    cccd: row.cccd,
    ethnicity: row.ethnicity,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    currentTitle: row.current_title,
    theoryLevel: row.theory_level,
    professionalLevel: row.professional_level,
    partyMember: Number(row.party_member) === 1,
    hasPhoto: Number(row.has_photo) === 1,
  };
}

export function toPersonResponse(
  row: PersonWithOrg,
  asOf: { record: PersonRecord; version: number; at: string } | null = null,
): Person {
  return {
    id: row.id,
    version: asOf?.version ?? row.version,
    record: asOf?.record ?? parseRecord(row.data_json),
    retirement: null,
    organizationName: row.organization_name,
    hasPhoto: Number(row.has_photo) === 1,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    asOf: asOf?.at ?? null,
  };
}
