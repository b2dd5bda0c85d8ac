import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import type { CourseRow, EnrolmentRow } from './training.table';

type Q = Db | Trx;
export type CourseWithOrg = CourseRow & { organization_path: string };
export type EnrolmentWithPerson = EnrolmentRow & { person_name: string };

export async function insertCourse(trx: Trx, row: CourseRow): Promise<void> {
  await trx.insertInto('training_courses').values(row).execute();
}

export async function findCourse(db: Q, id: string): Promise<CourseWithOrg | undefined> {
  return db
    .selectFrom('training_courses as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .selectAll('c')
    .select('o.path as organization_path')
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function listCourses(db: Q, scopePaths: readonly string[], year?: number): Promise<CourseRow[]> {
  let q = db
    .selectFrom('training_courses as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .where((eb) => inSubtrees(eb, 'o.path', scopePaths));
  if (year) q = q.where('c.starts_on', '<=', `${year}-12-31`).where('c.ends_on', '>=', `${year}-01-01`);
  return q.selectAll('c').orderBy('c.starts_on', 'desc').limit(500).execute();
}

export async function insertEnrolment(trx: Trx, row: EnrolmentRow): Promise<void> {
  await trx.insertInto('training_enrolments').values(row).execute();
}

export async function findEnrolment(db: Q, id: string): Promise<EnrolmentWithPerson | undefined> {
  return db
    .selectFrom('training_enrolments as e')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .selectAll('e')
    .select('p.full_name as person_name')
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export async function findEnrolmentOf(db: Q, courseId: string, personId: string): Promise<EnrolmentRow | undefined> {
  return db
    .selectFrom('training_enrolments')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function updateEnrolment(trx: Trx, id: string, patch: Partial<Omit<EnrolmentRow, 'id'>>): Promise<void> {
  await trx.updateTable('training_enrolments').set(patch).where('id', '=', id).execute();
}

export async function enrolmentsOfCourses(db: Q, courseIds: readonly string[]): Promise<EnrolmentWithPerson[]> {
  if (courseIds.length === 0) return [];
  return db
    .selectFrom('training_enrolments as e')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .selectAll('e')
    .select('p.full_name as person_name')
    .where('e.course_id', 'in', courseIds)
    .orderBy('e.due_by')
    .orderBy('p.sort_key')
    .execute();
}

/** The organization of an enrolment's course, for its certificate file. */
export async function enrolmentOwner(
  db: Q,
  id: string,
): Promise<{ organization_id: string; organization_path: string } | undefined> {
  return db
    .selectFrom('training_enrolments as e')
    .innerJoin('training_courses as c', 'c.id', 'e.course_id')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select(['c.organization_id', 'o.path as organization_path'])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

/** The latest certificate file of each enrolment (attachments owned by the enrolment). */
export async function certificatesOf(
  db: Q,
  enrolmentIds: readonly string[],
): Promise<{ owner_id: string; id: string; file_name: string }[]> {
  if (enrolmentIds.length === 0) return [];
  return db
    .selectFrom('attachments')
    .select(['owner_id', 'id', 'file_name'])
    .where('owner_kind', '=', 'training_enrolment')
    .where('owner_id', 'in', enrolmentIds)
    .orderBy('created_at')
    .execute();
}

export interface PlanCandidateRow {
  person_id: string;
  full_name: string;
  data_json: string;
  organization_name: string;
  title_code: string | null;
  title_name: string | null;
  managing_authority: string | null;
  group_no: string | null;
}

/** The people still in a planning plan, with the title they are planned for (their own target, else the plan's). */
export async function candidatesOfPlan(db: Q, planId: string): Promise<PlanCandidateRow[]> {
  return db
    .selectFrom('planning_candidates as k')
    .innerJoin('planning_plans as pl', 'pl.id', 'k.plan_id')
    .innerJoin('persons as p', 'p.id', 'k.person_id')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .leftJoin('positions as s', 's.id', 'pl.position_id')
    .leftJoin('titles as t', (j) =>
      j.on((eb) => eb('t.id', '=', eb.fn.coalesce('k.target_title_id', 'pl.title_id', 's.title_id'))),
    )
    .select([
      'k.person_id',
      'p.full_name',
      'p.data_json',
      'o.name as organization_name',
      't.code as title_code',
      't.name as title_name',
      't.managing_authority',
      't.group_no',
    ])
    .where('k.plan_id', '=', planId)
    .where('k.removed_on', 'is', null)
    .orderBy('k.rank')
    .orderBy('k.id')
    .execute();
}

/** Enrolments (any status but withdrawn) of the given people, with the course's kind and name. */
export async function enrolmentsOfPersons(
  db: Q,
  personIds: readonly string[],
): Promise<{ person_id: string; kind: string; course_name: string; status: string; due_by: string | null }[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('training_enrolments as e')
    .innerJoin('training_courses as c', 'c.id', 'e.course_id')
    .select(['e.person_id', 'c.kind', 'c.name as course_name', 'e.status', 'e.due_by'])
    .where('e.person_id', 'in', personIds)
    .where('e.status', '!=', 'withdrawn')
    .orderBy('c.starts_on')
    .execute();
}
