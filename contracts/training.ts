import { z } from 'zod';
import { LIMITS, isoDateSchema } from './common';
import { STATE_MANAGEMENT_CODES, THEORY_LEVEL_CODES, TRAINING_FORM_CODES } from './person-catalogs';
import { EDUCATION_LEVELS, bilingualSchema } from './policy';

type Bilingual = { vi: string; en: string };

/** Kinds of courses and programmes (issue: political theory, state management, degrees, languages, IT, defence). */
export const COURSE_KINDS = [
  'political_theory',
  'state_management',
  'professional_degree',
  'language',
  'it',
  'defence_security',
] as const;
export const courseKindSchema = z.enum(COURSE_KINDS);
export type CourseKind = z.infer<typeof courseKindSchema>;
export const COURSE_KIND_LABELS: Record<CourseKind, Bilingual> = {
  political_theory: { vi: 'Lý luận chính trị', en: 'Political theory' },
  state_management: { vi: 'Quản lý nhà nước', en: 'State management' },
  professional_degree: { vi: 'Chuyên môn (văn bằng)', en: 'Professional degree' },
  language: { vi: 'Ngoại ngữ', en: 'Foreign language' },
  it: { vi: 'Tin học', en: 'IT' },
  defence_security: { vi: 'Kiến thức quốc phòng, an ninh', en: 'National defence and security' },
};

export const ENROLMENT_STATUSES = ['enrolled', 'completed', 'failed', 'withdrawn'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, Bilingual> = {
  enrolled: { vi: 'Đang học', en: 'Enrolled' },
  completed: { vi: 'Đã hoàn thành', en: 'Completed' },
  failed: { vi: 'Không đạt', en: 'Failed' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
};

export const courseSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  kind: courseKindSchema,
  name: z.string(),
  /** the political-theory or state-management level the course confers, when it confers one */
  theoryLevel: z.enum(THEORY_LEVEL_CODES).nullable(),
  stateManagementLevel: z.enum(STATE_MANAGEMENT_CODES).nullable(),
  provider: z.string(),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
  form: z.enum(TRAINING_FORM_CODES),
});
export type Course = z.infer<typeof courseSchema>;

export const createCourseBodySchema = z.strictObject({
  organizationId: z.string(),
  kind: courseKindSchema,
  name: z.string().trim().min(1).max(LIMITS.nameMax),
  theoryLevel: z.enum(THEORY_LEVEL_CODES).optional(),
  stateManagementLevel: z.enum(STATE_MANAGEMENT_CODES).optional(),
  provider: z.string().trim().min(1).max(LIMITS.nameMax),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
  form: z.enum(TRAINING_FORM_CODES).default('boi_duong'),
});
export type CreateCourseBody = z.infer<typeof createCourseBodySchema>;

export const enrolmentSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  personId: z.string(),
  personName: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  /** who must finish by when (a training need's deadline) */
  dueBy: isoDateSchema.nullable(),
  completedOn: isoDateSchema.nullable(),
  result: z.string().nullable(),
  certificateNo: z.string().nullable(),
  /** the record update proposed through the records approval flow */
  declarationId: z.string().nullable(),
  /** the certificate's scanned file (PDF/DOCX in the attachments store), the latest one when several */
  certificate: z.object({ id: z.string(), fileName: z.string() }).nullable(),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

export const enrolBodySchema = z.strictObject({ personId: z.string().max(40), dueBy: isoDateSchema.optional() });
export const completionBodySchema = z.strictObject({
  completedOn: isoDateSchema,
  passed: z.boolean(),
  result: z.string().trim().max(200).optional(),
  certificateNo: z.string().trim().max(100).optional(),
});
export type CompletionBody = z.infer<typeof completionBodySchema>;

/** A title's qualification standards (policy/training and policy/standards), as the eligibility engine resolves them. */
export const standardsSchema = z.strictObject({
  theory: z.enum(THEORY_LEVEL_CODES),
  education: z.enum(EDUCATION_LEVELS),
  stateManagement: z.enum(STATE_MANAGEMENT_CODES),
  priorPostMonths: z.number().nullable(),
});
export type Standards = z.infer<typeof standardsSchema>;

/** The requirements of a title's standards, each checked by training needs. */
export const STANDARD_REQUIREMENTS = [
  'theory',
  'education',
  'stateManagement',
  'priorPostMonths',
  'foreignLanguage',
  'informatics',
] as const;
export const STANDARD_REQUIREMENT_LABELS: Record<(typeof STANDARD_REQUIREMENTS)[number], Bilingual> = {
  theory: { vi: 'Lý luận chính trị', en: 'Political theory' },
  education: { vi: 'Trình độ chuyên môn (văn bằng)', en: 'Professional education (degree)' },
  stateManagement: { vi: 'Quản lý nhà nước', en: 'State management' },
  priorPostMonths: { vi: 'Thời gian giữ chức vụ thấp hơn một cấp', en: 'Time in a post one level below' },
  foreignLanguage: { vi: 'Ngoại ngữ', en: 'Foreign language' },
  informatics: { vi: 'Tin học (ứng dụng công nghệ thông tin)', en: 'IT skills' },
};
/** met; gap (a course closes it); not_training (no course closes it: checked by the eligibility engine, reason given) */
export const REQUIREMENT_STATUSES = ['met', 'gap', 'not_training'] as const;
export const requirementCheckSchema = z.object({
  requirement: z.enum(STANDARD_REQUIREMENTS),
  /** the standard's entry (policy/training or policy/standards) and its citation */
  entryId: z.string(),
  citation: z.string(),
  /** false: not checked against the published text, a gap is a prompt, not a verdict */
  confirmed: z.boolean(),
  text: bilingualSchema,
  required: bilingualSchema,
  has: bilingualSchema.nullable(),
  status: z.enum(REQUIREMENT_STATUSES),
  /** why a requirement is not a training need */
  reason: bilingualSchema.nullable(),
});
export type RequirementCheck = z.infer<typeof requirementCheckSchema>;

export const gapSchema = z.object({
  kind: courseKindSchema,
  has: z.string(),
  needs: z.string(),
  detail: z.object({ vi: z.string(), en: z.string() }),
});
export const planSchema = z.object({
  organizationId: z.string(),
  year: z.number(),
  byKind: z.record(courseKindSchema, z.object({ courses: z.number(), enrolled: z.number(), completed: z.number() })),
  due: z.array(
    z.object({
      personName: z.string(),
      courseName: z.string(),
      kind: courseKindSchema,
      dueBy: isoDateSchema.nullable(),
      status: z.enum(ENROLMENT_STATUSES),
    }),
  ),
});
export type TrainingPlan = z.infer<typeof planSchema>;

/** Training needs of the people in a planning plan, against the standards of the title each is planned for. */
export const planNeedsQuerySchema = z.object({ dueBy: isoDateSchema });
export const planNeedsSchema = z.object({
  planId: z.string(),
  planName: z.string(),
  dueBy: isoDateSchema,
  /** the standards version in force on the due date (policy/training) */
  standardsVersion: z.string().nullable(),
  people: z.array(
    z.object({
      personId: z.string(),
      personName: z.string(),
      organizationName: z.string(),
      targetTitleName: z.string().nullable(),
      standards: standardsSchema.nullable(),
      citation: z.string().nullable(),
      /** some standard was not checked against the published text: its gap is a prompt, not a verdict */
      unconfirmed: z.boolean(),
      /** every requirement of the title's standards, with its source and verdict */
      checks: z.array(requirementCheckSchema),
      gaps: z.array(gapSchema),
      /** courses the person is already enrolled in or has finished, of the kinds of the gaps */
      courses: z.array(
        z.object({
          courseName: z.string(),
          kind: courseKindSchema,
          status: z.enum(ENROLMENT_STATUSES),
          dueBy: isoDateSchema.nullable(),
        }),
      ),
    }),
  ),
  /** people who still need a course of each kind (gap and no course enrolled or completed) */
  stillNeeded: z.record(courseKindSchema, z.number()),
});
export type PlanNeeds = z.infer<typeof planNeedsSchema>;
