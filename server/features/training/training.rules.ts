import {
  STATE_MANAGEMENT_CODES,
  STATE_MANAGEMENT_LEVELS,
  THEORY_LEVELS,
  type StateManagementLevel,
  type TheoryLevel,
} from '../../../contracts/person-catalogs';
import type { PersonRecord } from '../../../contracts/persons';
import type { CompletionBody, Course, CourseKind, Standards } from '../../../contracts/training';

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

/** What a person lacks against a title's standards, as training needs (political theory, state management). */
export function trainingGaps(
  person: Pick<PersonRecord, 'theoryLevel' | 'stateManagement'>,
  standards: Standards,
  order: TheoryOrder,
): Gap[] {
  const gaps: Gap[] = [];
  if (theoryRank(order, person.theoryLevel) < theoryRank(order, standards.theory))
    gaps.push({
      kind: 'political_theory',
      has: person.theoryLevel,
      needs: standards.theory,
      detail: {
        vi: `Lý luận chính trị: có ${THEORY_LEVELS[person.theoryLevel].vi.toLowerCase()}, cần ${THEORY_LEVELS[standards.theory].vi.toLowerCase()}`,
        en: `Political theory: has ${THEORY_LEVELS[person.theoryLevel].en.toLowerCase()}, needs ${THEORY_LEVELS[standards.theory].en.toLowerCase()}`,
      },
    });
  if (smRank(person.stateManagement) < smRank(standards.stateManagement))
    gaps.push({
      kind: 'state_management',
      has: person.stateManagement,
      needs: standards.stateManagement,
      detail: {
        vi: `Quản lý nhà nước: có ${STATE_MANAGEMENT_LEVELS[person.stateManagement].vi.toLowerCase()}, cần ${STATE_MANAGEMENT_LEVELS[standards.stateManagement].vi.toLowerCase()}`,
        en: `State management: has ${STATE_MANAGEMENT_LEVELS[person.stateManagement].en.toLowerCase()}, needs ${STATE_MANAGEMENT_LEVELS[standards.stateManagement].en.toLowerCase()}`,
      },
    });
  return gaps;
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

export interface TitleStandardsVersion {
  id: string;
  validFrom: string;
  validTo: string | null;
  byAuthority: Record<string, StandardWithSource>;
  titles: (StandardWithSource & { code: string })[];
}
export interface StandardWithSource extends Standards {
  status: 'confirmed' | 'unconfirmed';
  citation: string;
  note?: string;
}

/**
 * The standards a title holds on a date: the version in force, the title's own row by catalog code, else the row of
 * the body that manages it. Undefined when no version is in force or the title is unknown.
 */
export function standardsForTitle(
  versions: readonly TitleStandardsVersion[],
  title: { code: string; managingAuthority: string },
  on: string,
): (StandardWithSource & { version: string }) | undefined {
  const v = versions.find((x) => x.validFrom <= on && (x.validTo === null || on < x.validTo));
  if (!v) return undefined;
  const own = v.titles.find((t) => t.code === title.code);
  const row = own ?? v.byAuthority[title.managingAuthority];
  if (!row) return undefined;
  const { theory, stateManagement, status, citation, note } = row;
  return { theory, stateManagement, status, citation, ...(note ? { note } : {}), version: v.id };
}
