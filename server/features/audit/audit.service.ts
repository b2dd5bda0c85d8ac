import {
  type AuditCheckpoint,
  type AuditCheckpointCheck,
  type AuditEntry,
  type AuditVerifyResult,
  checkpointLine,
} from '../../../contracts/audit';
import type { Db, Trx } from '../../db/database';
import { forbidden } from '../../http/errors';
import { type Actor, holdsAnywhere, scopePaths } from '../access/access.rules';
import * as repo from './audit.repository';
import { checkCheckpoint, startCursor, verifyBatch, verifyHead } from './audit.rules';
import type { AuditLogRow } from './audit.table';

const BATCH = 5_000;

/** Recomputes the whole chain from the first entry; names the first entry altered, inserted or deleted. */
export async function verifyAuditChain(db: Db): Promise<AuditVerifyResult> {
  // One snapshot, so entries appended during the walk are not mistaken for insertions.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => verifyInSnapshot(trx));
}

/** The chain's head, to be written down outside the database. */
export async function auditCheckpoint(db: Db): Promise<AuditCheckpoint> {
  const head = await repo.readAuditHead(db);
  const at = (await repo.readAuditEntryTime(db, head.lastSeq)) ?? '';
  return { seq: head.lastSeq, hash: head.lastHash, at, line: checkpointLine(head.lastSeq, head.lastHash, at) };
}

/** The chain verified, then each checkpoint held outside the database compared with the entry at its seq. */
export async function verifyAuditCheckpoints(
  db: Db,
  checkpoints: readonly { seq: number; hash: string }[],
): Promise<AuditCheckpointCheck> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const chain = await verifyInSnapshot(trx);
      const stored = await repo.readAuditHashes(
        trx,
        checkpoints.map((c) => c.seq),
      );
      const results = checkpoints.map((c) => ({ seq: c.seq, hash: c.hash, ...checkCheckpoint(c, stored.get(c.seq)) }));
      return { chain, checkpoints: results, ok: chain.ok && results.every((r) => r.status === 'matches') };
    });
}

async function verifyInSnapshot(db: Trx): Promise<AuditVerifyResult> {
  const head = await repo.readAuditHead(db);
  const cursor = startCursor(head.lastSeq);
  let after = 0;
  for (;;) {
    const rows = await repo.readAuditBatch(db, after, BATCH);
    if (rows.length === 0) break;
    const problem = verifyBatch(cursor, rows.map(repo.toStoredEntry));
    if (problem) return { ok: false, checked: cursor.checked, problem };
    after = Number(rows[rows.length - 1]!.seq);
  }
  const problem = verifyHead(cursor, head);
  return { ok: problem === null, checked: cursor.checked, problem };
}

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

function toAuditResponse(row: AuditLogRow & { actor_name: string | null }): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    organizationId: row.organization_id,
    before: parse(row.before_json),
    after: parse(row.after_json),
    hash: row.hash,
  };
}

export async function listAuditEntries(db: Db, actor: Actor, q: { entity?: string; limit: number; offset: number }) {
  if (!holdsAnywhere(actor, 'audit.read')) throw forbidden();
  const { rows, total } = await repo.listAudit(db, {
    scopePaths: scopePaths(actor, 'audit.read'),
    // Entries without an organization (logins, user admin) are system-wide: administrators only.
    includeUnscoped: holdsAnywhere(actor, 'users.manage'),
    entity: q.entity,
    limit: q.limit,
    offset: q.offset,
  });
  return { items: rows.map(toAuditResponse), total };
}
