import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import type {
  DecisionDossierItemTable,
  DecisionOverrideTable,
  DecisionProcessRow,
  DecisionProcessTable,
  DecisionRecusalTable,
  DecisionStepRow,
  DecisionStepTable,
} from './decision.table';

export type ProcessWithNames = DecisionProcessRow & {
  organization_name: string;
  organization_path: string;
  position_name: string;
};

const withNames = (db: Db | Trx) =>
  db
    .selectFrom('decision_processes as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .innerJoin('positions as s', 's.id', 'p.position_id')
    .innerJoin('titles as t', 't.id', 's.title_id')
    .selectAll('p')
    .select(['o.name as organization_name', 'o.path as organization_path', 't.name as position_name']);

export async function findProcess(db: Db | Trx, id: string): Promise<ProcessWithNames | undefined> {
  return withNames(db).where('p.id', '=', id).executeTakeFirst();
}

export async function listProcesses(
  db: Db,
  q: { scopePaths: string[]; status?: DecisionProcessRow['status']; limit: number; offset: number },
): Promise<{ rows: ProcessWithNames[]; total: number }> {
  let base = withNames(db).where((eb) => inSubtrees(eb, 'o.path', q.scopePaths));
  if (q.status) base = base.where('p.status', '=', q.status);
  const rows = await base.orderBy('p.started_on', 'desc').orderBy('p.id').limit(q.limit).offset(q.offset).execute();
  let count = db
    .selectFrom('decision_processes as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .where((eb) => inSubtrees(eb, 'o.path', q.scopePaths));
  if (q.status) count = count.where('p.status', '=', q.status);
  const { n } = await count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

/** Every process in the subtrees (for the inspector's flag list): bounded by the caller. */
export async function listAllInScope(db: Db, scopePaths: string[], limit: number): Promise<ProcessWithNames[]> {
  return withNames(db)
    .where((eb) => inSubtrees(eb, 'o.path', scopePaths))
    .orderBy('p.started_on', 'desc')
    .limit(limit)
    .execute();
}

export async function insertProcess(trx: Trx, row: DecisionProcessTable, steps: DecisionStepTable[]): Promise<void> {
  await trx.insertInto('decision_processes').values(row).execute();
  await trx.insertInto('decision_steps').values(steps).execute();
}

export async function updateProcess(trx: Trx, id: string, patch: Partial<DecisionProcessTable>): Promise<void> {
  await trx.updateTable('decision_processes').set(patch).where('id', '=', id).execute();
}

export async function listSteps(db: Db | Trx, processId: string): Promise<DecisionStepRow[]> {
  return db.selectFrom('decision_steps').selectAll().where('process_id', '=', processId).orderBy('ordinal').execute();
}

export async function listStepsOf(db: Db | Trx, processIds: readonly string[]): Promise<DecisionStepRow[]> {
  if (processIds.length === 0) return [];
  return db.selectFrom('decision_steps').selectAll().where('process_id', 'in', processIds).orderBy('ordinal').execute();
}

export async function updateStep(trx: Trx, id: string, patch: Partial<DecisionStepTable>): Promise<void> {
  await trx.updateTable('decision_steps').set(patch).where('id', '=', id).execute();
}

export async function insertDossierItem(trx: Trx, row: DecisionDossierItemTable): Promise<void> {
  await trx.insertInto('decision_dossier_items').values(row).execute();
}

export async function listDossier(db: Db | Trx, processId: string) {
  return db.selectFrom('decision_dossier_items').selectAll().where('process_id', '=', processId).orderBy('recorded_at').execute();
}

export async function insertRecusal(trx: Trx, row: DecisionRecusalTable): Promise<void> {
  await trx.insertInto('decision_recusals').values(row).execute();
}

export async function listRecusals(db: Db | Trx, processIds: readonly string[]) {
  if (processIds.length === 0) return [];
  return db.selectFrom('decision_recusals').selectAll().where('process_id', 'in', processIds).orderBy('recorded_at').execute();
}

export async function insertOverride(trx: Trx, row: DecisionOverrideTable): Promise<void> {
  await trx.insertInto('decision_overrides').values(row).execute();
}

export async function listOverrides(db: Db | Trx, processIds: readonly string[]) {
  if (processIds.length === 0) return [];
  return db.selectFrom('decision_overrides').selectAll().where('process_id', 'in', processIds).orderBy('recorded_at').execute();
}

/** Open incumbencies of a person on a day (to be ended by a decision). */
export async function openIncumbencies(db: Db | Trx, personId: string, onDate: string) {
  return db
    .selectFrom('position_incumbents as i')
    .innerJoin('positions as s', 's.id', 'i.position_id')
    .innerJoin('titles as t', 't.id', 's.title_id')
    .select(['i.id', 'i.position_id', 'i.from_date', 'i.term_end', 't.rank_order', 't.name as title_name'])
    .where('i.person_id', '=', personId)
    .where('i.from_date', '<=', onDate)
    .where((eb) => eb.or([eb('i.to_date', 'is', null), eb('i.to_date', '>', onDate)]))
    .execute();
}

/** The seat with its organization and title facts. */
export async function findSeat(db: Db | Trx, positionId: string) {
  return db
    .selectFrom('positions as s')
    .innerJoin('titles as t', 't.id', 's.title_id')
    .innerJoin('organizations as o', 'o.id', 's.organization_id')
    .select([
      's.id',
      's.organization_id',
      's.term_years',
      't.id as title_id',
      't.code as title_code',
      't.name as title_name',
      't.rank_order',
      'o.name as organization_name',
      'o.path as organization_path',
    ])
    .where('s.id', '=', positionId)
    .executeTakeFirst();
}

export async function findOrganizationPath(db: Db | Trx, id: string) {
  return db.selectFrom('organizations').select(['id', 'path', 'name']).where('id', '=', id).executeTakeFirst();
}
