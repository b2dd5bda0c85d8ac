import { z } from 'zod';
import { LIMITS, pageQuerySchema } from './common';
import {
  ACADEMIC_RANK_CODES,
  DISCIPLINE_LEVEL_CODES,
  FAMILY_RELATIONS,
  ETHNICITY_CODES,
  FAMILY_RELATION_CODES,
  PROFESSIONAL_LEVEL_CODES,
  RELIGION_CODES,
  STATE_MANAGEMENT_CODES,
  THEORY_LEVEL_CODES,
  TRAINING_FORM_CODES,
  TRAINING_FORMS,
} from './person-catalogs';

export const PERSON_LIMITS = {
  textMax: 500,
  longTextMax: 4000,
  rowsMax: 100,
  photoMaxBytes: 512 * 1024,
  importMaxBytes: 50 * 1024 * 1024,
  exportMaxRows: 100_000,
  batchPrintMax: 200,
} as const;

/** A date possibly known only to the year or the month: YYYY, YYYY-MM or YYYY-MM-DD (the rules check it exists). */
export const partialDateSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY[-MM[-DD]]');
/** A full calendar date, YYYY-MM-DD. */
export const fullDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

const text = z.string().trim().max(PERSON_LIMITS.textMax);
const longText = z.string().trim().max(PERSON_LIMITS.longTextMax);
const opt = <T extends z.ZodType>(s: T) => s.nullable().default(null);

export const trainingRowSchema = z.strictObject({
  school: text.min(1),
  major: opt(text),
  from: opt(partialDateSchema),
  to: opt(partialDateSchema),
  form: z.enum(TRAINING_FORM_CODES).default('chinh_quy'),
  qualification: opt(text),
});
export const workRowSchema = z.strictObject({
  from: partialDateSchema,
  to: opt(partialDateSchema),
  organizationId: opt(z.string().max(40)),
  organizationName: text.min(1),
  titleCode: opt(z.string().max(40)),
  titleName: text.min(1),
});
export const familyRowSchema = z.strictObject({
  side: z.enum(['own', 'spouse']),
  relation: z.enum(FAMILY_RELATION_CODES),
  fullName: text.min(1),
  birthYear: opt(z.number().int().min(1850).max(2100)),
  occupation: opt(text),
  notes: opt(longText),
});
export const salaryRowSchema = z.strictObject({
  from: partialDateSchema,
  rankCode: opt(z.string().trim().max(20)),
  rankName: text.min(1),
  grade: z.number().int().min(1).max(20),
  coefficient: z.number().min(1).max(15),
});
export const rewardRowSchema = z.strictObject({
  date: partialDateSchema,
  form: text.min(1),
  issuer: opt(text),
});
export const disciplineRowSchema = z.strictObject({
  level: z.enum(DISCIPLINE_LEVEL_CODES),
  date: partialDateSchema,
  durationMonths: opt(z.number().int().min(0).max(120)),
  issuer: text.min(1),
  reason: opt(longText),
});
export const languageRowSchema = z.strictObject({ language: text.min(1), level: text.min(1) });

/** Every field of the Mẫu 2C CV (2C/TCTW-98 and 2C-BNV/2008) that a person record holds. */
export const personRecordSchema = z.strictObject({
  // 1–6 identity
  fullName: z.string().trim().min(2).max(LIMITS.nameMax),
  otherNames: opt(text),
  sex: z.enum(['M', 'F']),
  birthDate: partialDateSchema,
  birthPlace: opt(text),
  homeTown: opt(text),
  ethnicity: z.enum(ETHNICITY_CODES),
  religion: z.enum(RELIGION_CODES).default('none'),
  cccd: opt(z.string().trim()),
  cccdIssuedOn: opt(fullDateSchema),
  // 7–8 residence
  permanentAddress: opt(text),
  currentAddress: opt(text),
  // 9–13 recruitment and current post
  occupationBeforeRecruitment: opt(text),
  recruitmentDate: opt(partialDateSchema),
  recruitingAgency: opt(text),
  organizationId: z.string().max(40),
  currentTitleCode: opt(z.string().max(40)),
  currentTitle: opt(text),
  concurrentTitles: opt(text),
  mainDuties: opt(longText),
  // 14–19 qualifications
  generalEducation: opt(z.string().regex(/^\d{1,2}\/(10|12)$/, 'n/10 | n/12')),
  professionalLevel: z.enum(PROFESSIONAL_LEVEL_CODES).default('none'),
  professionalMajor: opt(text),
  academicRank: z.enum(ACADEMIC_RANK_CODES).default('none'),
  academicRankYear: opt(z.number().int().min(1950).max(2100)),
  theoryLevel: z.enum(THEORY_LEVEL_CODES).default('none'),
  stateManagement: z.enum(STATE_MANAGEMENT_CODES).default('none'),
  languages: z.array(languageRowSchema).max(10).default([]),
  itLevel: opt(text),
  // 20–22 party and organizations
  partyAdmissionDate: opt(partialDateSchema),
  partyOfficialDate: opt(partialDateSchema),
  socioPoliticalJoinDate: opt(partialDateSchema),
  // 23–26 civil-service rank, salary
  civilServiceRankCode: opt(z.string().trim().max(20)),
  civilServiceRank: opt(text),
  salaryGrade: opt(z.number().int().min(1).max(20)),
  salaryCoefficient: opt(z.number().min(1).max(15)),
  salarySince: opt(partialDateSchema),
  // 27–33 military, rewards, discipline, health, policy
  militaryEnlistedOn: opt(partialDateSchema),
  militaryDischargedOn: opt(partialDateSchema),
  militaryRank: opt(text),
  highestHonour: opt(text),
  healthStatus: opt(text),
  heightCm: opt(z.number().int().min(100).max(230)),
  weightKg: opt(z.number().int().min(30).max(200)),
  bloodType: opt(z.enum(['A', 'B', 'AB', 'O'])),
  warInvalidGrade: opt(text),
  policyFamily: opt(text),
  rewards: z.array(rewardRowSchema).max(PERSON_LIMITS.rowsMax).default([]),
  discipline: z.array(disciplineRowSchema).max(PERSON_LIMITS.rowsMax).default([]),
  // 34–36 history and relations
  personalHistoryNotes: opt(longText),
  foreignRelations: opt(longText),
  economicSituation: opt(longText),
  // Retirement other than the legal date (NĐ 135/2020 art. 5–6: earlier or later; NĐ 83/2022: listed female leaders to 60)
  retirementOverride: opt(
    z.strictObject({
      kind: z.enum(['earlier', 'later', 'female_leader_60']),
      date: fullDateSchema.nullable().default(null),
      reason: text.min(1),
    }),
  ),
  // tables
  training: z.array(trainingRowSchema).max(PERSON_LIMITS.rowsMax).default([]),
  workHistory: z.array(workRowSchema).max(PERSON_LIMITS.rowsMax).default([]),
  family: z.array(familyRowSchema).max(PERSON_LIMITS.rowsMax).default([]),
  salaryHistory: z.array(salaryRowSchema).max(PERSON_LIMITS.rowsMax).default([]),
});
export type PersonRecord = z.infer<typeof personRecordSchema>;
export type PersonRecordInput = z.input<typeof personRecordSchema>;
export type TrainingRow = z.infer<typeof trainingRowSchema>;
export type WorkRow = z.infer<typeof workRowSchema>;
export type FamilyRow = z.infer<typeof familyRowSchema>;
export type SalaryRow = z.infer<typeof salaryRowSchema>;

export const createPersonBodySchema = personRecordSchema;
export const updatePersonBodySchema = z.strictObject({
  /** The version the editor started from: a stale edit is refused instead of silently overwriting. */
  baseVersion: z.number().int().min(1),
  record: personRecordSchema,
  reason: opt(text),
});
export type UpdatePersonBody = z.infer<typeof updatePersonBodySchema>;

export const personSummarySchema = z.object({
  id: z.string(),
  fullName: z.string(),
  sex: z.enum(['M', 'F']),
  birthDate: z.string(),
  cccd: z.string().nullable(),
  ethnicity: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  currentTitle: z.string().nullable(),
  theoryLevel: z.enum(THEORY_LEVEL_CODES),
  professionalLevel: z.enum(PROFESSIONAL_LEVEL_CODES),
  partyMember: z.boolean(),
  hasPhoto: z.boolean(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const personRetirementSchema = z.object({
  legalDate: z.string(),
  pensionFrom: z.string(),
  age: z.object({ years: z.number(), months: z.number() }),
  ruleId: z.string(),
  citation: z.string(),
  /** the date that applies: the override's when there is one */
  effectiveDate: z.string(),
  override: z.object({ kind: z.string(), reason: z.string() }).nullable(),
});
export type PersonRetirement = z.infer<typeof personRetirementSchema>;

export const personSchema = z.object({
  id: z.string(),
  version: z.number(),
  record: personRecordSchema,
  retirement: personRetirementSchema.nullable(),
  organizationName: z.string(),
  hasPhoto: z.boolean(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  /** set when the record is shown as of a past moment */
  asOf: z.string().nullable(),
});
export type Person = z.infer<typeof personSchema>;

export const AGE_BANDS = ['under30', '30to39', '40to49', '50to59', '60plus'] as const;
export const AGE_BAND_LABELS: Record<(typeof AGE_BANDS)[number], { vi: string; en: string }> = {
  under30: { vi: 'Dưới 30', en: 'Under 30' },
  '30to39': { vi: '30–39', en: '30–39' },
  '40to49': { vi: '40–49', en: '40–49' },
  '50to59': { vi: '50–59', en: '50–59' },
  '60plus': { vi: 'Từ 60', en: '60 and over' },
};

export const personListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(LIMITS.searchMax).optional(),
  organizationId: z.string().max(40).optional(),
  birthYear: z.coerce.number().int().min(1900).max(2100).optional(),
  sex: z.enum(['M', 'F']).optional(),
  title: z.string().trim().max(200).optional(),
  theoryLevel: z.enum(THEORY_LEVEL_CODES).optional(),
  partyMember: z.enum(['true', 'false']).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  ethnicity: z.enum(ETHNICITY_CODES).optional(),
});
export type PersonListQuery = z.infer<typeof personListQuerySchema>;
export const personListSchema = z.object({ items: z.array(personSummarySchema), total: z.number() });

export const personVersionSchema = z.object({
  version: z.number(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  changedBy: z.string().nullable(),
  changedByName: z.string().nullable(),
  source: z.enum(['create', 'edit', 'import', 'declaration']),
  reason: z.string().nullable(),
  /** fields (top-level names of the record) that differ from the previous version */
  changedFields: z.array(z.string()),
});
export const personHistorySchema = z.object({ items: z.array(personVersionSchema) });

export const fieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export const personChangesSchema = z.object({
  since: z.string(),
  fromVersion: z.number().nullable(),
  toVersion: z.number(),
  changes: z.array(fieldChangeSchema),
});

export const declarationBodySchema = z.strictObject({
  /** only the fields being declared; the rest of the record stays as it is */
  changes: personRecordSchema.partial().omit({ organizationId: true }),
  note: opt(text),
});
export const DECLARATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const declarationSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  status: z.enum(DECLARATION_STATUSES),
  changes: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type Declaration = z.infer<typeof declarationSchema>;
export const declarationListSchema = z.object({ items: z.array(declarationSchema), total: z.number() });
export const declarationDecisionSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  note: opt(text),
});

/** Which column of the file holds which field; keys are import field names, values are column headers. */
export const IMPORT_FIELDS = [
  'fullName',
  'otherNames',
  'sex',
  'birthDate',
  'birthPlace',
  'homeTown',
  'ethnicity',
  'religion',
  'cccd',
  'cccdIssuedOn',
  'permanentAddress',
  'currentAddress',
  'organizationCode',
  'currentTitle',
  'recruitmentDate',
  'generalEducation',
  'professionalLevel',
  'professionalMajor',
  'theoryLevel',
  'stateManagement',
  'partyAdmissionDate',
  'partyOfficialDate',
  'civilServiceRankCode',
  'civilServiceRank',
  'salaryGrade',
  'salaryCoefficient',
  'itLevel',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const IMPORT_REQUIRED: readonly ImportField[] = ['fullName', 'sex', 'birthDate', 'ethnicity', 'cccd', 'organizationCode'];
export const IMPORT_FIELD_LABELS: Record<ImportField, { vi: string; en: string }> = {
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  otherNames: { vi: 'Tên gọi khác', en: 'Other names' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  birthDate: { vi: 'Ngày sinh', en: 'Birth date' },
  birthPlace: { vi: 'Nơi sinh', en: 'Birth place' },
  homeTown: { vi: 'Quê quán', en: 'Home town' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  religion: { vi: 'Tôn giáo', en: 'Religion' },
  cccd: { vi: 'Số CCCD', en: 'Citizen ID' },
  cccdIssuedOn: { vi: 'Ngày cấp CCCD', en: 'ID issued on' },
  permanentAddress: { vi: 'Nơi thường trú', en: 'Permanent address' },
  currentAddress: { vi: 'Nơi ở hiện nay', en: 'Current address' },
  organizationCode: { vi: 'Mã đơn vị', en: 'Organization code' },
  currentTitle: { vi: 'Chức vụ hiện tại', en: 'Current title' },
  recruitmentDate: { vi: 'Ngày tuyển dụng', en: 'Recruitment date' },
  generalEducation: { vi: 'Giáo dục phổ thông', en: 'General education' },
  professionalLevel: { vi: 'Trình độ chuyên môn', en: 'Professional level' },
  professionalMajor: { vi: 'Chuyên ngành', en: 'Major' },
  theoryLevel: { vi: 'Lý luận chính trị', en: 'Political theory' },
  stateManagement: { vi: 'Quản lý nhà nước', en: 'State management' },
  partyAdmissionDate: { vi: 'Ngày vào Đảng', en: 'Party admission' },
  partyOfficialDate: { vi: 'Ngày chính thức', en: 'Party official' },
  civilServiceRankCode: { vi: 'Mã ngạch', en: 'Rank code' },
  civilServiceRank: { vi: 'Ngạch công chức', en: 'Civil-service rank' },
  salaryGrade: { vi: 'Bậc lương', en: 'Salary grade' },
  salaryCoefficient: { vi: 'Hệ số lương', en: 'Salary coefficient' },
  itLevel: { vi: 'Tin học', en: 'IT' },
};
export const importMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200));
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const importProblemSchema = z.object({
  row: z.number(),
  column: z.string(),
  field: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;
export const importStatusSchema = z.object({
  id: z.string(),
  state: z.enum(['analysed', 'running', 'done', 'failed']),
  fileName: z.string(),
  headers: z.array(z.string()),
  suggestedMapping: importMappingSchema,
  mapping: importMappingSchema.nullable(),
  rows: z.number(),
  processed: z.number(),
  created: z.number(),
  updated: z.number(),
  rowsPerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  problems: z.array(importProblemSchema),
  problemCount: z.number(),
  message: z.string().nullable(),
});
export type ImportStatus = z.infer<typeof importStatusSchema>;
export const importRunBodySchema = z.strictObject({ mapping: importMappingSchema, dryRun: z.boolean() });

export const EXPORT_COLUMNS = [
  'fullName',
  'sex',
  'birthDate',
  'cccd',
  'ethnicity',
  'religion',
  'organization',
  'currentTitle',
  'professionalLevel',
  'theoryLevel',
  'stateManagement',
  'partyAdmissionDate',
  'civilServiceRank',
  'salaryCoefficient',
  'homeTown',
  'permanentAddress',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export const EXPORT_COLUMN_LABELS: Record<ExportColumn, { vi: string; en: string }> = {
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  birthDate: { vi: 'Ngày sinh', en: 'Birth date' },
  cccd: { vi: 'Số CCCD', en: 'Citizen ID' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  religion: { vi: 'Tôn giáo', en: 'Religion' },
  organization: { vi: 'Đơn vị', en: 'Organization' },
  currentTitle: { vi: 'Chức vụ', en: 'Title' },
  professionalLevel: { vi: 'Trình độ chuyên môn', en: 'Professional level' },
  theoryLevel: { vi: 'Lý luận chính trị', en: 'Political theory' },
  stateManagement: { vi: 'Quản lý nhà nước', en: 'State management' },
  partyAdmissionDate: { vi: 'Ngày vào Đảng', en: 'Party admission' },
  civilServiceRank: { vi: 'Ngạch', en: 'Rank' },
  salaryCoefficient: { vi: 'Hệ số lương', en: 'Salary coefficient' },
  homeTown: { vi: 'Quê quán', en: 'Home town' },
  permanentAddress: { vi: 'Nơi thường trú', en: 'Permanent address' },
};
export const exportQuerySchema = personListQuerySchema.omit({ limit: true, offset: true }).extend({
  columns: z.string().max(1000).optional(),
});

export const bucketSchema = z.object({ key: z.string(), label: z.string(), labelEn: z.string(), count: z.number() });
export const personStatisticsSchema = z.object({
  total: z.number(),
  agePyramid: z.array(z.object({ band: z.string(), male: z.number(), female: z.number() })),
  ethnicity: z.array(bucketSchema),
  professionalLevel: z.array(bucketSchema),
  theoryLevel: z.array(bucketSchema),
  partyMembership: z.array(bucketSchema),
});
export type PersonStatistics = z.infer<typeof personStatisticsSchema>;

export const retirementForecastSchema = z.object({
  asOf: z.string(),
  byYear: z.array(z.object({ year: z.number(), male: z.number(), female: z.number() })),
  /** who retires in the next 24 months, month by month, and the seat each leaves vacant */
  upcoming: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      organizationName: z.string(),
      currentTitle: z.string().nullable(),
      retirementDate: z.string(),
      overridden: z.boolean(),
      seats: z.array(z.object({ positionId: z.string(), titleName: z.string(), organizationName: z.string() })),
    }),
  ),
});
export type RetirementForecast = z.infer<typeof retirementForecastSchema>;

/**
 * The table sections of a record imported from an .xlsx workbook: one sheet per section, one line per table row,
 * the person named by CCCD. The rows of a person in a sheet replace that section of his record (re-running the same
 * file changes nothing).
 */
export const SECTION_KEYS = ['workHistory', 'training', 'family', 'salaryHistory'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export interface SectionColumn {
  key: string;
  label: { vi: string; en: string };
  required: boolean;
  type: 'text' | 'date' | 'int' | 'number' | 'enum';
  /** for enum columns: code → label */
  values?: Record<string, { vi: string; en: string }>;
}
export const SECTION_SHEETS: Record<SectionKey, { sheet: { vi: string; en: string }; columns: SectionColumn[] }> = {
  workHistory: {
    sheet: { vi: 'Quá trình công tác', en: 'Work history' },
    columns: [
      { key: 'from', label: { vi: 'Từ', en: 'From' }, required: true, type: 'date' },
      { key: 'to', label: { vi: 'Đến', en: 'To' }, required: false, type: 'date' },
      { key: 'titleName', label: { vi: 'Chức danh, chức vụ', en: 'Title' }, required: true, type: 'text' },
      { key: 'organizationName', label: { vi: 'Cơ quan, đơn vị', en: 'Organization' }, required: true, type: 'text' },
      // Optional links: the unit's code in the tree and the title's code in the catalog, when known.
      { key: 'organizationCode', label: { vi: 'Mã đơn vị', en: 'Unit code' }, required: false, type: 'text' },
      { key: 'titleCode', label: { vi: 'Mã chức danh', en: 'Title code' }, required: false, type: 'text' },
    ],
  },
  training: {
    sheet: { vi: 'Đào tạo, bồi dưỡng', en: 'Training' },
    columns: [
      { key: 'school', label: { vi: 'Tên trường', en: 'School' }, required: true, type: 'text' },
      { key: 'major', label: { vi: 'Chuyên ngành', en: 'Major' }, required: false, type: 'text' },
      { key: 'from', label: { vi: 'Từ', en: 'From' }, required: false, type: 'date' },
      { key: 'to', label: { vi: 'Đến', en: 'To' }, required: false, type: 'date' },
      { key: 'form', label: { vi: 'Hình thức', en: 'Form' }, required: false, type: 'enum', values: TRAINING_FORMS },
      { key: 'qualification', label: { vi: 'Văn bằng, chứng chỉ', en: 'Qualification' }, required: false, type: 'text' },
    ],
  },
  family: {
    sheet: { vi: 'Quan hệ gia đình', en: 'Family' },
    columns: [
      {
        key: 'side',
        label: { vi: 'Bên', en: 'Side' },
        required: true,
        type: 'enum',
        values: { own: { vi: 'Bản thân', en: 'Own' }, spouse: { vi: 'Vợ/chồng', en: 'Spouse' } },
      },
      { key: 'relation', label: { vi: 'Quan hệ', en: 'Relation' }, required: true, type: 'enum', values: FAMILY_RELATIONS },
      { key: 'fullName', label: { vi: 'Họ và tên', en: 'Full name' }, required: true, type: 'text' },
      { key: 'birthYear', label: { vi: 'Năm sinh', en: 'Birth year' }, required: false, type: 'int' },
      { key: 'occupation', label: { vi: 'Nghề nghiệp, nơi làm việc', en: 'Occupation' }, required: false, type: 'text' },
      { key: 'notes', label: { vi: 'Đặc điểm chính trị', en: 'Political history' }, required: false, type: 'text' },
    ],
  },
  salaryHistory: {
    sheet: { vi: 'Diễn biến lương', en: 'Salary history' },
    columns: [
      { key: 'from', label: { vi: 'Từ', en: 'From' }, required: true, type: 'date' },
      { key: 'rankCode', label: { vi: 'Mã ngạch', en: 'Rank code' }, required: false, type: 'text' },
      { key: 'rankName', label: { vi: 'Ngạch', en: 'Rank' }, required: true, type: 'text' },
      { key: 'grade', label: { vi: 'Bậc', en: 'Grade' }, required: true, type: 'int' },
      { key: 'coefficient', label: { vi: 'Hệ số', en: 'Coefficient' }, required: true, type: 'number' },
    ],
  },
};
export const SECTION_CCCD_COLUMN = { vi: 'Số CCCD', en: 'Citizen ID' } as const;

export const sectionImportProblemSchema = importProblemSchema.extend({ sheet: z.string() });
export type SectionImportProblem = z.infer<typeof sectionImportProblemSchema>;
export const sectionImportResultSchema = z.object({
  dryRun: z.boolean(),
  /** per sheet read: its section and the number of data rows */
  sheets: z.array(z.object({ sheet: z.string(), section: z.enum(SECTION_KEYS), rows: z.number() })),
  persons: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  problems: z.array(sectionImportProblemSchema),
  problemCount: z.number(),
});
export type SectionImportResult = z.infer<typeof sectionImportResultSchema>;
