import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import type { EvaluationStatus, RatingLevel } from '../../../contracts/evaluations';
import type {
  CycleRow,
  EvaluationRow,
  EvaluationUpdate,
  GroupRow,
  NewCycleRow,
  NewEvaluationRow,
  StepRow,
  TaskRow,
} from './evaluation.table';

type Q = Db | Trx;

export type CycleWithOrg = CycleRow & { organization_name: string; organization_path: string };
export type EvaluationWithOrg = EvaluationRow & { organization_name: string; organization_path: string };

export async function insertCycle(trx: Trx, row: NewCycleRow): Promise<void> {
  await trx.insertInto('evaluation_cycles').values(row).execute();
}

export async function findCycle(db: Q, id: string): Promise<CycleWithOrg | undefined> {
  return db
    .selectFrom('evaluation_cycles as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .selectAll('c')
    .select(['o.name as organization_name', 'o.path as organization_path'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function listCycles(
  db: Q,
  scopePaths: readonly string[],
  limit: number,
  offset: number,
): Promise<{ rows: CycleWithOrg[]; total: number }> {
  const q = db
    .selectFrom('evaluation_cycles as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .where((eb) => inSubtrees(eb, 'o.path', scopePaths));
  const [rows, count] = await Promise.all([
    q
      .selectAll('c')
      .select(['o.name as organization_name', 'o.path as organization_path'])
      .orderBy('c.year', 'desc')
      .orderBy('c.created_at', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Evaluations per status in each cycle, counting only those in the actor's scope. */
export async function statusCounts(
  db: Q,
  cycleIds: readonly string[],
  scopePaths: readonly string[],
): Promise<{ cycle_id: string; status: EvaluationStatus; n: number }[]> {
  if (cycleIds.length === 0) return [];
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .where('e.cycle_id', 'in', cycleIds)
    .where((eb) => inSubtrees(eb, 'o.path', scopePaths))
    .select(['e.cycle_id', 'e.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['e.cycle_id', 'e.status'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function insertGroup(trx: Trx, row: GroupRow): Promise<void> {
  await trx.insertInto('evaluation_groups').values(row).execute();
}

export async function findGroup(db: Q, id: string): Promise<GroupRow | undefined> {
  return db.selectFrom('evaluation_groups').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listGroups(db: Q, cycleId: string): Promise<(GroupRow & { member_count: number })[]> {
  const rows = await db
    .selectFrom('evaluation_groups as g')
    .leftJoin('evaluations as e', 'e.group_id', 'g.id')
    .selectAll('g')
    .select((eb) => eb.fn.count<number>('e.id').as('member_count'))
    .where('g.cycle_id', '=', cycleId)
    .groupBy(['g.id', 'g.cycle_id', 'g.name', 'g.definition', 'g.outstanding_unit', 'g.created_at'])
    .orderBy('g.name')
    .execute();
  return rows.map((r) => ({ ...r, member_count: Number(r.member_count) }));
}

export async function insertEvaluation(trx: Trx, row: NewEvaluationRow): Promise<void> {
  await trx.insertInto('evaluations').values(row).execute();
}

export async function findEvaluation(db: Q, id: string): Promise<EvaluationWithOrg | undefined> {
  return db
    .selectFrom('evaluations as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .selectAll('e')
    .select(['o.name as organization_name', 'o.path as organization_path'])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export async function findEvaluationOfPerson(db: Q, cycleId: string, personId: string): Promise<EvaluationRow | undefined> {
  return db
    .selectFrom('evaluations')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** Lock the evaluation row for the rest of the transaction (PostgreSQL); SQLite transactions are serialized. */
export async function updateEvaluation(trx: Trx, id: string, patch: EvaluationUpdate): Promise<void> {
  await trx.updateTable('evaluations').set(patch).where('id', '=', id).execute();
}

export interface EvaluationFilter {
  scopePaths: readonly string[];
  cycleId?: string;
  groupId?: string;
  status?: EvaluationStatus;
  limit: number;
  offset: number;
}

export async function listEvaluations(db: Q, f: EvaluationFilter): Promise<{ rows: EvaluationWithOrg[]; total: number }> {
  let q = db
    .selectFrom('evaluations as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .where((eb) => inSubtrees(eb, 'o.path', f.scopePaths));
  if (f.cycleId) q = q.where('e.cycle_id', '=', f.cycleId);
  if (f.groupId) q = q.where('e.group_id', '=', f.groupId);
  if (f.status) q = q.where('e.status', '=', f.status);
  const [rows, count] = await Promise.all([
    q
      .selectAll('e')
      .select(['o.name as organization_name', 'o.path as organization_path'])
      .orderBy('p.sort_key')
      .orderBy('e.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every member of a group, whatever the reader's scope: the quota is a property of the whole group. */
export async function groupMembers(db: Q, groupId: string): Promise<EvaluationWithOrg[]> {
  return db
    .selectFrom('evaluations as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .selectAll('e')
    .select(['o.name as organization_name', 'o.path as organization_path'])
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .where('e.group_id', '=', groupId)
    .orderBy('p.sort_key')
    .execute();
}

export async function insertTask(trx: Trx, row: TaskRow): Promise<void> {
  await trx.insertInto('evaluation_tasks').values(row).execute();
}

export async function findTask(db: Q, id: string): Promise<TaskRow | undefined> {
  return db.selectFrom('evaluation_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateTask(trx: Trx, id: string, patch: Partial<Omit<TaskRow, 'id'>>): Promise<void> {
  await trx.updateTable('evaluation_tasks').set(patch).where('id', '=', id).execute();
}

export async function listTasks(db: Q, evaluationId: string): Promise<TaskRow[]> {
  return db
    .selectFrom('evaluation_tasks')
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .orderBy('due_on')
    .orderBy('id')
    .execute();
}

export async function insertStep(trx: Trx, row: StepRow): Promise<void> {
  await trx.insertInto('evaluation_steps').values(row).execute();
}

export async function listSteps(db: Q, evaluationId: string): Promise<(StepRow & { actor_name: string | null })[]> {
  return db
    .selectFrom('evaluation_steps as s')
    .leftJoin('users as u', 'u.id', 's.actor_id')
    .selectAll('s')
    .select('u.full_name as actor_name')
    .where('s.evaluation_id', '=', evaluationId)
    .orderBy('s.at')
    .orderBy('s.id')
    .execute();
}

/** Decided annual ratings of one person, newest first, in the given subtrees. */
export async function annualRatings(
  db: Q,
  personId: string,
  scopePaths: readonly string[],
  fromYear: number,
  toYear: number,
): Promise<{ year: number; level: RatingLevel; cycle_id: string }[]> {
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('evaluation_cycles as c', 'c.id', 'e.cycle_id')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .where('e.person_id', '=', personId)
    .where('c.kind', '=', 'annual')
    .where('c.year', '>=', fromYear)
    .where('c.year', '<=', toYear)
    .where('e.decided_level', 'is not', null)
    .where((eb) => inSubtrees(eb, 'o.path', scopePaths))
    .select(['c.year', 'e.decided_level', 'e.cycle_id'])
    .orderBy('c.year', 'desc')
    .execute();
  return rows.map((r) => ({ year: Number(r.year), level: r.decided_level!, cycle_id: r.cycle_id }));
}

/** Decided annual ratings per organization for two years (the year and the one before), in scope. */
export async function distribution(
  db: Q,
  scopePaths: readonly string[],
  years: readonly number[],
): Promise<{ organization_id: string; organization_name: string; year: number; level: RatingLevel; n: number }[]> {
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('evaluation_cycles as c', 'c.id', 'e.cycle_id')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .where('c.kind', '=', 'annual')
    .where('c.year', 'in', years)
    .where('e.decided_level', 'is not', null)
    .where((eb) => inSubtrees(eb, 'o.path', scopePaths))
    .select([
      'o.id as organization_id',
      'o.name as organization_name',
      'c.year',
      'e.decided_level',
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['o.id', 'o.name', 'c.year', 'e.decided_level'])
    .execute();
  return rows.map((r) => ({ ...r, year: Number(r.year), level: r.decided_level!, n: Number(r.n) }));
}

export async function notCompleteInYear(db: Q, scopePaths: readonly string[], year: number): Promise<EvaluationWithOrg[]> {
  return db
    .selectFrom('evaluations as e')
    .innerJoin('evaluation_cycles as c', 'c.id', 'e.cycle_id')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .where('c.kind', '=', 'annual')
    .where('c.year', '=', year)
    .where('e.decided_level', '=', 'not_complete')
    .where((eb) => inSubtrees(eb, 'o.path', scopePaths))
    .selectAll('e')
    .select(['o.name as organization_name', 'o.path as organization_path'])
    .orderBy('e.person_name')
    .execute();
}

export async function evaluationsOfPerson(db: Q, personId: string): Promise<EvaluationWithOrg[]> {
  return db
    .selectFrom('evaluations as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .selectAll('e')
    .select(['o.name as organization_name', 'o.path as organization_path'])
    .where('e.person_id', '=', personId)
    .orderBy('e.created_at', 'desc')
    .execute();
}

/** Decided annual ratings of many people between two years (both tracks), unscoped: callers scope the people. */
export async function annualRatingsOf(
  db: Q,
  personIds: readonly string[],
  fromYear: number,
  toYear: number,
): Promise<{ person_id: string; year: number; level: RatingLevel }[]> {
  const out: { person_id: string; year: number; level: RatingLevel }[] = [];
  // Chunks keep the parameter count under SQLite's and PostgreSQL's limits at national scale.
  for (let i = 0; i < personIds.length; i += 1000) {
    const rows = await db
      .selectFrom('evaluations as e')
      .innerJoin('evaluation_cycles as c', 'c.id', 'e.cycle_id')
      .where('e.person_id', 'in', personIds.slice(i, i + 1000))
      .where('c.kind', '=', 'annual')
      .where('c.year', '>=', fromYear)
      .where('c.year', '<=', toYear)
      .where('e.decided_level', 'is not', null)
      .select(['e.person_id', 'c.year', 'e.decided_level'])
      .execute();
    for (const r of rows) out.push({ person_id: r.person_id, year: Number(r.year), level: r.decided_level! });
  }
  return out;
}
