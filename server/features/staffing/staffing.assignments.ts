import type { JobAssignment } from '../../../contracts/staffing';
import type { Db } from '../../db/database';
import { AppError, notFound } from '../../http/errors';
import { type Actor, mayActOn } from '../access/access.rules';
import { endHolding } from '../positions/holding';
import * as repo from './staffing.repository';
import type { JobPositionAssignmentRow } from './staffing.table';

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');
const jobNotFound = () => notFound('vị trí việc làm', 'Job position');

const toAssignment = (a: JobPositionAssignmentRow): JobAssignment => ({
  id: a.id,
  jobPositionId: a.job_position_id,
  personId: a.person_id,
  personName: a.person_name,
  from: a.from_date,
  to: a.to_date,
});

/** Everyone who held a job position, past and present (newest first), in the actor's scope. */
export async function listAssignments(db: Db, actor: Actor, jobPositionId: string): Promise<{ items: JobAssignment[] }> {
  const job = await repo.findJobPosition(db, jobPositionId);
  if (!job || !mayActOn(actor, 'staffing.read', job.path)) throw jobNotFound();
  const rows = await repo.assignmentsOfAll(db, [job.id]);
  rows.sort((a, b) => b.from_date.localeCompare(a.from_date) || a.person_name.localeCompare(b.person_name, 'vi'));
  return { items: rows.map(toAssignment) };
}

/** Ends a person's assignment to a job position on `to` (exclusive: the first day he no longer holds it). */
export async function endAssignment(db: Db, actor: Actor | null, assignmentId: string, to: string): Promise<JobAssignment> {
  return db.transaction().execute(async (trx) => {
    const row = await repo.findAssignment(trx, assignmentId);
    const job = row ? await repo.findJobPosition(trx, row.job_position_id) : undefined;
    const ended = await endHolding(trx, actor, {
      row,
      unit: job && { organizationId: job.organization_id, path: job.path },
      read: 'staffing.read',
      write: 'staffing.write',
      notFound: () => notFound('người đảm nhiệm vị trí việc làm', 'Job assignment'),
      alreadyEnded: (r) =>
        new AppError(
          'CONFLICT',
          `Việc đảm nhiệm của ${r.person_name} đã kết thúc từ ${ddmmyyyy(r.to_date!)}`,
          `${r.person_name}'s assignment already ended on ${r.to_date}`,
        ),
      setTo: repo.setAssignmentTo,
      audit: { action: 'staffing.job_position.unassign', entity: 'job_position_assignment' },
      to,
    });
    return toAssignment(ended);
  });
}
