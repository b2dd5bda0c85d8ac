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
import type { InformaticsLevel, ResolvedStandards, SkillStandard, SkillStandards } from '../policy/title-standards';
import { informaticsLevelOf, languageLevelOf } from '../planning/planning.skills.rules';

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

const IT_LEVELS: Record<InformaticsLevel, { rank: number; label: { vi: string; en: string } }> = {
  co_ban: { rank: 1, label: { vi: 'ứng dụng công nghệ thông tin cơ bản', en: 'basic IT' } },
  nang_cao: { rank: 2, label: { vi: 'ứng dụng công nghệ thông tin nâng cao', en: 'advanced IT' } },
};

/**
 * The title's foreign-language and IT standards (policy/standards) against the record's free-text items, read as the
 * plan's verdicts read them: met, or a gap a language or IT course closes. A record that states nothing readable is a
 * gap too (the officer completes the record or enrols the person); an unconfirmed standard's gap is a prompt only.
 */
export function skillChecks(
  person: Pick<PersonRecord, 'languages' | 'itLevel'>,
  skills: SkillStandards,
): { checks: RequirementCheck[]; gaps: Gap[] } {
  const checks: RequirementCheck[] = [];
  const gaps: Gap[] = [];
  const base = (requirement: 'foreignLanguage' | 'informatics', s: SkillStandard<unknown>) => ({
    requirement,
    entryId: s.entryId,
    citation: s.citation.text,
    confirmed: s.confirmed,
    text: s.text,
  });
  const lang = skills.foreignLanguage;
  if (lang) {
    const read = person.languages.map((l) => ({ text: `${l.language} ${l.level}`.trim(), bac: languageLevelOf(l.level) }));
    const best = read.filter((l) => l.bac !== null).sort((a, b) => b.bac! - a.bac!)[0];
    const has = best
      ? { vi: `${best.text} (bậc ${best.bac})`, en: `${best.text} (level ${best.bac})` }
      : read.length
        ? {
            vi: `${read.map((l) => l.text).join(', ')} (không đọc được bậc)`,
            en: `${read.map((l) => l.text).join(', ')} (no readable level)`,
          }
        : null;
    const needs = { vi: `bậc ${lang.level}`, en: `level ${lang.level}` };
    const short = !best || best.bac! < lang.level;
    checks.push({ ...base('foreignLanguage', lang), required: needs, has, status: short ? 'gap' : 'met', reason: null });
    if (short)
      gaps.push({
        kind: 'language',
        has: best ? String(best.bac) : '',
        needs: String(lang.level),
        detail: {
          vi: has ? `Ngoại ngữ: có ${has.vi}, cần ${needs.vi}` : `Ngoại ngữ: hồ sơ chưa ghi, cần ${needs.vi}`,
          en: has ? `Foreign language: has ${has.en}, needs ${needs.en}` : `Foreign language: none recorded, needs ${needs.en}`,
        },
      });
  }
  const it = skills.informatics;
  if (it) {
    const text = person.itLevel?.trim() ?? '';
    const level = text ? informaticsLevelOf(text) : null;
    const has = text
      ? level
        ? { vi: `${text} (${IT_LEVELS[level].label.vi})`, en: `${text} (${IT_LEVELS[level].label.en})` }
        : { vi: `${text} (không đọc được trình độ)`, en: `${text} (no readable level)` }
      : null;
    const needs = IT_LEVELS[it.level].label;
    const short = level === null || IT_LEVELS[level].rank < IT_LEVELS[it.level].rank;
    checks.push({ ...base('informatics', it), required: needs, has, status: short ? 'gap' : 'met', reason: null });
    if (short)
      gaps.push({
        kind: 'it',
        has: level ?? '',
        needs: it.level,
        detail: {
          vi: has ? `Tin học: có ${has.vi}, cần ${needs.vi}` : `Tin học: hồ sơ chưa ghi, cần ${needs.vi}`,
          en: has ? `IT: has ${has.en}, needs ${needs.en}` : `IT: none recorded, needs ${needs.en}`,
        },
      });
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
