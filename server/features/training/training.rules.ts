import {
  PROFESSIONAL_LEVELS,
  STATE_MANAGEMENT_CODES,
  STATE_MANAGEMENT_LEVELS,
  THEORY_LEVELS,
  type StateManagementLevel,
  type TheoryLevel,
} from '../../../contracts/person-catalogs';
import type { PersonRecord } from '../../../contracts/persons';
import { EDUCATION_LABELS, EDUCATION_LEVELS } from '../../../contracts/policy';
import type { CompletionBody, Course, CourseKind, RequirementCheck } from '../../../contracts/training';
import { EDUCATION_OF } from '../policy/eligibility.batch.rules';
import type { ResolvedStandards } from '../policy/title-standards';

/** The political-theory order of the policy (`standards.title-requirements`): levels in one group are equivalent. */
export type TheoryOrder = readonly (readonly string[])[];

const theoryRank = (order: TheoryOrder, level: string): number => order.findIndex((g) => g.includes(level));
const smRank = (level: StateManagementLevel): number => STATE_MANAGEMENT_CODES.indexOf(level);

export interface Gap {
  kind: CourseKind;
  has: string;
  needs: string;
  detail: { vi: string; en: string };
}

/** What a title requires (policy/training and policy/standards, resolved by `standardsFor`), each with its source. */
export type Requirements = Pick<ResolvedStandards, 'theory' | 'education' | 'stateManagement' | 'priorPostMonths' | 'sources'>;

const lower = (b: { vi: string; en: string }) => ({ vi: b.vi.toLowerCase(), en: b.en.toLowerCase() });

/**
 * Every requirement of the title's standards checked against the record: met, a gap a course can close (political
 * theory, state management, a professional degree), or one no course closes (months in a post one level below), which
 * is named with the reason and left to the eligibility check. Gaps are the training needs.
 */
export function standardChecks(
  person: Pick<PersonRecord, 'theoryLevel' | 'stateManagement' | 'professionalLevel'>,
  standards: Requirements,
  order: TheoryOrder,
): { checks: RequirementCheck[]; gaps: Gap[] } {
  const checks: RequirementCheck[] = [];
  const gaps: Gap[] = [];
  for (const source of standards.sources) {
    const base = {
      requirement: source.requirement,
      entryId: source.entryId,
      citation: source.citation.text,
      confirmed: source.confirmed,
      text: source.text,
    };
    switch (source.requirement) {
      case 'theory': {
        const short = theoryRank(order, person.theoryLevel) < theoryRank(order, standards.theory);
        const has = lower(THEORY_LEVELS[person.theoryLevel]);
        const needs = lower(THEORY_LEVELS[standards.theory]);
        checks.push({ ...base, required: needs, has, status: short ? 'gap' : 'met', reason: null });
        if (short)
          gaps.push({
            kind: 'political_theory',
            has: person.theoryLevel,
            needs: standards.theory,
            detail: {
              vi: `Lý luận chính trị: có ${has.vi}, cần ${needs.vi}`,
              en: `Political theory: has ${has.en}, needs ${needs.en}`,
            },
          });
        break;
      }
      case 'stateManagement': {
        const short = smRank(person.stateManagement) < smRank(standards.stateManagement);
        const has = lower(STATE_MANAGEMENT_LEVELS[person.stateManagement]);
        const needs = lower(STATE_MANAGEMENT_LEVELS[standards.stateManagement]);
        checks.push({ ...base, required: needs, has, status: short ? 'gap' : 'met', reason: null });
        if (short)
          gaps.push({
            kind: 'state_management',
            has: person.stateManagement,
            needs: standards.stateManagement,
            detail: {
              vi: `Quản lý nhà nước: có ${has.vi}, cần ${needs.vi}`,
              en: `State management: has ${has.en}, needs ${needs.en}`,
            },
          });
        break;
      }
      case 'education': {
        const held = EDUCATION_OF[person.professionalLevel];
        const short = EDUCATION_LEVELS.indexOf(held) < EDUCATION_LEVELS.indexOf(standards.education);
        const has = lower(PROFESSIONAL_LEVELS[person.professionalLevel]);
        const needs = lower(EDUCATION_LABELS[standards.education]);
        checks.push({ ...base, required: needs, has, status: short ? 'gap' : 'met', reason: null });
        if (short)
          gaps.push({
            kind: 'professional_degree',
            has: person.professionalLevel,
            needs: standards.education,
            detail: {
              vi: `Trình độ chuyên môn: có ${has.vi}, cần ${needs.vi}`,
              en: `Professional education: has ${has.en}, needs ${needs.en}`,
            },
          });
        break;
      }
      case 'priorPostMonths':
        checks.push({
          ...base,
          required: { vi: `${standards.priorPostMonths} tháng`, en: `${standards.priorPostMonths} months` },
          has: null,
          status: 'not_training',
          reason: {
            vi: 'Thời gian giữ chức vụ thấp hơn một cấp không bù được bằng đào tạo: được kiểm tra khi xét điều kiện bổ nhiệm (Quy định, tiêu chuẩn › Kiểm tra một cán bộ).',
            en: 'Time in a post one level below is not closed by training: it is checked with the appointment conditions (Rules › Check a cadre).',
          },
        });
        break;
    }
  }
  return { checks, gaps };
}

/**
 * The record change a passed course proposes: a new row in the training table and, when the course confers a
 * higher political-theory or state-management level than the record holds, that level. Never lowers a level.
 */
export function completionChanges(
  record: PersonRecord,
  course: Course,
  completion: CompletionBody,
  order: TheoryOrder,
): Partial<PersonRecord> {
  const row = {
    school: course.provider,
    major: course.name,
    from: course.startsOn,
    to: completion.completedOn,
    form: course.form,
    qualification: completion.certificateNo
      ? `${completion.result ?? 'Hoàn thành'} — số ${completion.certificateNo}`
      : (completion.result ?? 'Hoàn thành'),
  };
  const changes: Partial<PersonRecord> = { training: [...record.training, row] };
  const theory: TheoryLevel | null = course.theoryLevel;
  if (theory && theoryRank(order, theory) > theoryRank(order, record.theoryLevel)) changes.theoryLevel = theory;
  const sm = course.stateManagementLevel;
  if (sm && smRank(sm) > smRank(record.stateManagement)) changes.stateManagement = sm;
  return changes;
}
