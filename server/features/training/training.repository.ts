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
