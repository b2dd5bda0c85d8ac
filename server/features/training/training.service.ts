import {
  COURSE_KINDS,
  type CompletionBody,
  type Course,
  type CourseKind,
  type CreateCourseBody,
  type Enrolment,
  type PlanNeeds,
  type TrainingPlan,
} from '../../../contracts/training';
import type { Db } from '../../db/database';
import { AppError, forbidden, notFound, validation } from '../../http/errors';
import { newId, nowIso } from '../../lib/ids';
import { type Actor, mayActOn, scopePaths } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import { findOrganization } from '../organizations/organization.repository';
import { parseRecord } from '../persons/person.mapper';
import { findPerson } from '../persons/person.repository';
import { insertDeclaration } from '../persons/person.declarations.repository';
import type { PolicyLibrary } from '../policy/policy.library';
import { policyAt, ruleIn } from '../policy/policy.library';
import * as repo from './training.repository';
import { findPlan } from '../planning/planning.repository';
import { skillStandardsFor, standardsFor } from '../policy/title-standards';
import { type TheoryOrder, completionChanges, skillChecks, standardChecks } from './training.rules';
import type { CourseRow, EnrolmentRow } from './training.table';

const courseNotFound = () => notFound('khóa đào tạo', 'Course');

function toCourse(r: CourseRow): Course {
  return {
    id: r.id,
    organizationId: r.organization_id,
    kind: r.kind,
    name: r.name,
    theoryLevel: r.theory_level,
    stateManagementLevel: r.state_management_level,
    provider: r.provider,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    form: r.form,
  };
}

function toEnrolment(
  r: EnrolmentRow & { person_name: string },
  certificate: { id: string; fileName: string } | null = null,
): Enrolment {
  return {
    id: r.id,
    courseId: r.course_id,
    personId: r.person_id,
    personName: r.person_name,
    status: r.status,
    dueBy: r.due_by,
    completedOn: r.completed_on,
    result: r.result,
    certificateNo: r.certificate_no,
    declarationId: r.declaration_id,
    certificate,
  };
}

function theoryOrder(policy: PolicyLibrary, date: string): { order: TheoryOrder; ruleId: string; citation: string } {
  const rule = ruleIn(policyAt(policy, date, 'party'), 'standards.title-requirements', 'theory-order');
  if (!rule)
    throw validation('date', `không có tiêu chuẩn chức danh có hiệu lực ngày ${date}`, `no title standards in force on ${date}`);
  return { order: rule.params.order, ruleId: rule.id, citation: rule.citation.text };
}

export async function createCourse(db: Db, actor: Actor | null, body: CreateCourseBody): Promise<Course> {
  return db.transaction().execute(async (trx) => {
    const org = await findOrganization(trx, body.organizationId);
    if (!org || (actor && !mayActOn(actor, 'training.read', org.path)))
      throw validation('organizationId', 'đơn vị không tồn tại', 'no such organization');
    if (actor && !mayActOn(actor, 'training.manage', org.path)) throw forbidden();
    if (body.endsOn < body.startsOn) throw validation('endsOn', 'ngày kết thúc trước ngày bắt đầu', 'ends before it starts');
    if (body.theoryLevel && body.kind !== 'political_theory')
      throw validation(
        'theoryLevel',
        'chỉ khóa lý luận chính trị mới cấp trình độ lý luận',
        'only political-theory courses confer a theory level',
      );
    if (body.stateManagementLevel && body.kind !== 'state_management')
      throw validation(
        'stateManagementLevel',
        'chỉ khóa quản lý nhà nước mới cấp ngạch bồi dưỡng',
        'only state-management courses confer that level',
      );
    const row: CourseRow = {
      id: newId(),
      organization_id: org.id,
      kind: body.kind,
      name: body.name,
      theory_level: body.theoryLevel ?? null,
      state_management_level: body.stateManagementLevel ?? null,
      provider: body.provider,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      form: body.form,
      created_at: nowIso(),
    };
    await repo.insertCourse(trx, row);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'training.course.create',
      entity: 'training_course',
      entityId: row.id,
      organizationId: org.id,
      after: row,
    });
    return toCourse(row);
  });
}

export async function enrol(
  db: Db,
  actor: Actor | null,
  courseId: string,
  body: { personId: string; dueBy?: string },
): Promise<Enrolment> {
  return db.transaction().execute(async (trx) => {
    const course = await repo.findCourse(trx, courseId);
    if (!course || (actor && !mayActOn(actor, 'training.read', course.organization_path))) throw courseNotFound();
    if (actor && !mayActOn(actor, 'training.manage', course.organization_path)) throw forbidden();
    const person = await findPerson(trx, body.personId);
    if (!person || (actor && !mayActOn(actor, 'persons.read', person.organization_path)))
      throw validation('personId', 'không tìm thấy hồ sơ cán bộ', 'no such cadre record');
    if (await repo.findEnrolmentOf(trx, courseId, person.id))
      throw new AppError('CONFLICT', `${person.full_name} đã có tên trong khóa này`, `${person.full_name} is already enrolled`);
    const row: EnrolmentRow = {
      id: newId(),
      course_id: courseId,
      person_id: person.id,
      status: 'enrolled',
      due_by: body.dueBy ?? null,
      completed_on: null,
      result: null,
      certificate_no: null,
      declaration_id: null,
      created_at: nowIso(),
    };
    await repo.insertEnrolment(trx, row);
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'training.enrol',
      entity: 'training_enrolment',
      entityId: row.id,
      organizationId: course.organization_id,
      after: row,
    });
    return toEnrolment({ ...row, person_name: person.full_name });
  });
}

/**
 * Records the end of a course. A pass proposes the record update as a pending person declaration: the record itself
 * changes only when an approver of the records feature approves it (and never the officer who proposed it).
 */
export async function complete(
  db: Db,
  policy: PolicyLibrary,
  actor: Actor,
  enrolmentId: string,
  body: CompletionBody,
): Promise<Enrolment> {
  return db.transaction().execute(async (trx) => {
    const e = await repo.findEnrolment(trx, enrolmentId);
    const course = e ? await repo.findCourse(trx, e.course_id) : undefined;
    if (!e || !course || !mayActOn(actor, 'training.read', course.organization_path)) throw notFound('người học', 'Enrolment');
    if (!mayActOn(actor, 'training.manage', course.organization_path)) throw forbidden();
    if (e.status !== 'enrolled')
      throw new AppError('CONFLICT', 'Kết quả khóa học đã được ghi', 'The result was already recorded');
    let declarationId: string | null = null;
    if (body.passed) {
      const person = (await findPerson(trx, e.person_id))!;
      const record = parseRecord(person.data_json);
      const changes = completionChanges(record, toCourse(course), body, theoryOrder(policy, body.completedOn).order);
      declarationId = newId();
      await insertDeclaration(trx, {
        id: declarationId,
        person_id: person.id,
        status: 'pending',
        changes_json: JSON.stringify(changes),
        note: `Hoàn thành khóa "${course.name}" (${course.provider})`,
        base_version: person.version,
        submitted_by: actor.userId,
        submitted_at: nowIso(),
        decided_by: null,
        decided_at: null,
        decision_note: null,
      });
      await appendAudit(trx, {
        actorId: actor.userId,
        action: 'person.declaration.submit',
        entity: 'person_declaration',
        entityId: declarationId,
        organizationId: person.organization_id,
        after: { personId: person.id, changes, source: 'training', enrolmentId },
      });
    }
    const patch = {
      status: body.passed ? ('completed' as const) : ('failed' as const),
      completed_on: body.completedOn,
      result: body.result ?? null,
      certificate_no: body.certificateNo ?? null,
      declaration_id: declarationId,
    };
    await repo.updateEnrolment(trx, enrolmentId, patch);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'training.complete',
      entity: 'training_enrolment',
      entityId: enrolmentId,
      organizationId: course.organization_id,
      before: { status: e.status },
      after: patch,
    });
    const certificate = (await repo.certificatesOf(trx, [e.id])).pop();
    return toEnrolment({ ...e, ...patch }, certificate ? { id: certificate.id, fileName: certificate.file_name } : null);
  });
}

export async function listCourses(db: Db, actor: Actor, year?: number): Promise<Course[]> {
  return (await repo.listCourses(db, scopePaths(actor, 'training.read'), year)).map(toCourse);
}

export async function listEnrolments(db: Db, actor: Actor, courseId: string): Promise<Enrolment[]> {
  const course = await repo.findCourse(db, courseId);
  if (!course || !mayActOn(actor, 'training.read', course.organization_path)) throw courseNotFound();
  const rows = await repo.enrolmentsOfCourses(db, [courseId]);
  const certificates = new Map(
    (
      await repo.certificatesOf(
        db,
        rows.map((r) => r.id),
      )
    ).map((c) => [c.owner_id, { id: c.id, fileName: c.file_name }]),
  );
  return rows.map((r) => toEnrolment(r, certificates.get(r.id) ?? null));
}

/** The unit's training plan for a year: courses and people by kind, and who must finish what by when. */
export async function trainingPlan(db: Db, actor: Actor, organizationId: string, year: number): Promise<TrainingPlan> {
  const org = await findOrganization(db, organizationId);
  if (!org || !mayActOn(actor, 'training.read', org.path)) throw notFound('đơn vị', 'Organization');
  const courses = await repo.listCourses(db, [org.path], year);
  const enrolments = await repo.enrolmentsOfCourses(
    db,
    courses.map((c) => c.id),
  );
  const byKind = Object.fromEntries(
    COURSE_KINDS.map((k) => [k, { courses: 0, enrolled: 0, completed: 0 }]),
  ) as TrainingPlan['byKind'];
  const kindOf = new Map(courses.map((c) => [c.id, c.kind as CourseKind]));
  for (const c of courses) byKind[c.kind].courses++;
  for (const e of enrolments) {
    const k = kindOf.get(e.course_id)!;
    byKind[k].enrolled++;
    if (e.status === 'completed') byKind[k].completed++;
  }
  const nameOf = new Map(courses.map((c) => [c.id, c.name]));
  return {
    organizationId: org.id,
    year,
    byKind,
    due: enrolments.map((e) => ({
      personName: e.person_name,
      courseName: nameOf.get(e.course_id)!,
      kind: kindOf.get(e.course_id)!,
      dueBy: e.due_by,
      status: e.status,
    })),
  };
}

/**
 * For each person still in a planning plan: the title he is planned for, every requirement of that title's standards
 * in force on `dueBy` (policy/training and policy/standards) checked against his record, the gaps a course closes,
 * and the courses he already has of those kinds.
 */
export async function planNeeds(db: Db, policy: PolicyLibrary, actor: Actor, planId: string, dueBy: string): Promise<PlanNeeds> {
  const plan = await findPlan(db, planId);
  if (!plan || !mayActOn(actor, 'planning.read', plan.organization_path)) throw notFound('phương án quy hoạch', 'Plan');
  const { order } = theoryOrder(policy, dueBy);
  const rows = await repo.candidatesOfPlan(db, planId);
  const courses = await repo.enrolmentsOfPersons(
    db,
    rows.map((r) => r.person_id),
  );
  const stillNeeded = Object.fromEntries(COURSE_KINDS.map((k) => [k, 0])) as PlanNeeds['stillNeeded'];
  let version: string | null = null;
  const people = rows.map((r) => {
    const resolved =
      r.title_code && r.managing_authority && r.group_no
        ? standardsFor(
            policy.standards,
            { code: r.title_code, managingAuthority: r.managing_authority, group: r.group_no },
            dueBy,
          )
        : undefined;
    const std = resolved && resolved.sources.length > 0 ? resolved : undefined;
    // Language and IT (policy/standards) are judged from the record's free text, as the plan's verdicts judge them.
    const skills =
      r.title_code && r.managing_authority && r.group_no
        ? skillStandardsFor(
            policy.standards,
            { code: r.title_code, managingAuthority: r.managing_authority, group: r.group_no },
            dueBy,
          )
        : { foreignLanguage: null, informatics: null };
    const skillSources = [skills.foreignLanguage, skills.informatics].filter((x) => x !== null);
    // Training standards' entries are named training:<version>:<row> (entriesFromTrainingStandards).
    const trainingEntry = std?.sources.find((s) => s.entryId.startsWith('training:'));
    if (trainingEntry) version = trainingEntry.entryId.split(':')[1]!;
    const record = std || skillSources.length ? parseRecord(r.data_json) : null;
    const qualification = std && record ? standardChecks(record, std, order) : { checks: [], gaps: [] };
    const skill = record ? skillChecks(record, skills) : { checks: [], gaps: [] };
    const checks = [...qualification.checks, ...skill.checks];
    const gaps = [...qualification.gaps, ...skill.gaps];
    const own = courses
      .filter((c) => c.person_id === r.person_id && gaps.some((g) => g.kind === c.kind))
      .map((c) => ({
        courseName: c.course_name,
        kind: c.kind as CourseKind,
        status: c.status as Enrolment['status'],
        dueBy: c.due_by,
      }));
    for (const g of gaps) if (!own.some((c) => c.kind === g.kind && c.status !== 'failed')) stillNeeded[g.kind]++;
    return {
      personId: r.person_id,
      personName: r.full_name,
      organizationName: r.organization_name,
      targetTitleName: r.title_name,
      standards: std
        ? {
            theory: std.theory,
            education: std.education,
            stateManagement: std.stateManagement,
            priorPostMonths: std.priorPostMonths,
          }
        : null,
      citation:
        std || skillSources.length
          ? [...new Set([...(std?.sources ?? []), ...skillSources].map((s) => s.citation.text))].join('; ')
          : null,
      unconfirmed: (std?.sources.some((s) => !s.confirmed) ?? false) || skillSources.some((s) => !s.confirmed),
      checks,
      gaps,
      courses: own,
    };
  });
  const planName = [plan.title_name, plan.organization_name].filter(Boolean).join(' — ');
  return { planId, planName, dueBy, standardsVersion: version, people, stillNeeded };
}
