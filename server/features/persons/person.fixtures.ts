import type { PersonRecord } from '../../../contracts/persons';
import { personRecordSchema } from '../../../contracts/persons';

/** A valid record (Nguyễn Văn Đức, born 12/03/1975, party member since 2001) with the given fields changed. */
export function buildRecord(over: Partial<PersonRecord> = {}): PersonRecord {
  return personRecordSchema.parse({
    fullName: 'Nguyễn Văn Đức',
    sex: 'M',
    birthDate: '1975-03-12',
    birthPlace: 'Phường Minh Xuân, tỉnh Tuyên Quang',
    homeTown: 'Xã Yên Sơn, tỉnh Tuyên Quang',
    ethnicity: '01',
    cccd: '008075001234',
    organizationId: 'ORG',
    currentTitle: 'Phó Giám đốc Sở',
    recruitmentDate: '1998-08-01',
    professionalLevel: 'thac_si',
    theoryLevel: 'cao_cap',
    partyAdmissionDate: '2001-05-19',
    partyOfficialDate: '2002-05-19',
    ...over,
  });
}
