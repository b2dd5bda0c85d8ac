import type { Db, Trx } from '../../db/database';
import { inSubtrees } from '../../db/scope';
import type { PersonDeclarationRow, PersonDeclarationTable } from './person.table';

// Self-service declarations

export async function insertDeclaration(trx: Trx, row: PersonDeclarationTable): Promise<void> {
  await trx.insertInto('person_declarations').values(row).execute();
}

export type DeclarationWithPerson = PersonDeclarationRow & { person_name: string; organization_path: string };

export async function findDeclaration(db: Db | Trx, id: string): Promise<DeclarationWithPerson | undefined> {
  return db
    .selectFrom('person_declarations as d')
    .innerJoin('persons as p', 'p.id', 'd.person_id')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .selectAll('d')
    .select(['p.full_name as person_name', 'o.path as organization_path'])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export async function listDeclarations(
  db: Db,
  f: { scopePaths: readonly string[]; personId?: string; status?: string; limit: number; offset: number },
): Promise<{ rows: DeclarationWithPerson[]; total: number }> {
  let q = db
    .selectFrom('person_declarations as d')
    .innerJoin('persons as p', 'p.id', 'd.person_id')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id');
  q = f.personId ? q.where('d.person_id', '=', f.personId) : q.where((eb) => inSubtrees(eb, 'o.path', f.scopePaths));
  if (f.status) q = q.where('d.status', '=', f.status as PersonDeclarationRow['status']);
  const [rows, count] = await Promise.all([
    q
      .selectAll('d')
      .select(['p.full_name as person_name', 'o.path as organization_path'])
      .orderBy('d.submitted_at', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function decideDeclaration(
  trx: Trx,
  id: string,
  d: { status: 'approved' | 'rejected'; decided_by: string; decided_at: string; decision_note: string | null },
): Promise<void> {
  await trx.updateTable('person_declarations').set(d).where('id', '=', id).execute();
}
