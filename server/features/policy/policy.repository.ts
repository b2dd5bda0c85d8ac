import type { Db, Trx } from '../../db/database';
import type { NewPolicyLocalApprovalRow, PolicyLocalApprovalRow } from './policy.table';

export type ApprovalWithName = PolicyLocalApprovalRow & { approver_name: string | null };

/** Every approval of every local pack, newest first (a handful of rows: one per approved edit). */
export async function listApprovals(db: Db | Trx): Promise<ApprovalWithName[]> {
  return db
    .selectFrom('policy_local_approvals as a')
    .leftJoin('users as u', 'u.id', 'a.approved_by')
    .selectAll('a')
    .select('u.full_name as approver_name')
    .orderBy('a.approved_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

export async function insertApproval(trx: Trx, row: NewPolicyLocalApprovalRow): Promise<void> {
  await trx.insertInto('policy_local_approvals').values(row).execute();
}
