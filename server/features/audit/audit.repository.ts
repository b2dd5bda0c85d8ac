import type { Db, Trx } from '../../db/database';
import { dialectOf } from '../../db/dialect';
import { inSubtrees } from '../../db/scope';
import { nowIso } from '../../lib/ids';
import { type StoredAuditEntry, chainHash } from './audit.rules';
import type { AuditLogRow } from './audit.table';

export interface AuditInput {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  organizationId: string | null;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/** Appends one chained entry inside the caller's transaction; the head row serializes concurrent appends. */
export async function appendAudit(trx: Trx, input: AuditInput): Promise<void> {
  const headQuery = trx.selectFrom('audit_head').select(['last_seq', 'last_hash']).where('id', '=', 1);
  const head = await (dialectOf(trx) === 'postgres' ? headQuery.forUpdate() : headQuery).executeTakeFirstOrThrow();
  const content = {
    seq: Number(head.last_seq) + 1,
    at: nowIso(),
    actorId: input.actorId,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    organizationId: input.organizationId,
    before: json(input.before),
    after: json(input.after),
  };
  const hash = chainHash(head.last_hash, content);
  await trx
    .insertInto('audit_log')
    .values({
      seq: content.seq,
      at: content.at,
      actor_id: content.actorId,
      action: content.action,
      entity: content.entity,
      entity_id: content.entityId,
      organization_id: content.organizationId,
      before_json: content.before,
      after_json: content.after,
      prev_hash: head.last_hash,
      hash,
    })
    .execute();
  await trx.updateTable('audit_head').set({ last_seq: content.seq, last_hash: hash }).where('id', '=', 1).execute();
}

export function toStoredEntry(row: AuditLogRow): StoredAuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actorId: row.actor_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    organizationId: row.organization_id,
    before: row.before_json,
    after: row.after_json,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export async function readAuditBatch(db: Db | Trx, afterSeq: number, size: number): Promise<AuditLogRow[]> {
  return db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(size).execute();
}

export async function readAuditHead(db: Db | Trx): Promise<{ lastSeq: number; lastHash: string }> {
  const head = await db.selectFrom('audit_head').select(['last_seq', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { lastSeq: Number(head.last_seq), lastHash: head.last_hash };
}

export async function readAuditHashes(db: Db | Trx, seqs: readonly number[]): Promise<Map<number, string>> {
  if (seqs.length === 0) return new Map();
  const rows = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('seq', 'in', [...seqs])
    .execute();
  return new Map(rows.map((r) => [Number(r.seq), r.hash]));
}

export async function readAuditEntryTime(db: Db | Trx, seq: number): Promise<string | undefined> {
  const row = await db.selectFrom('audit_log').select('at').where('seq', '=', seq).executeTakeFirst();
  return row?.at;
}

/** Entries whose organization lies in one of the subtrees (entries without organization: admins only). */
export async function listAudit(
  db: Db,
  opts: { scopePaths: string[]; includeUnscoped: boolean; entity?: string; limit: number; offset: number },
): Promise<{ rows: (AuditLogRow & { actor_name: string | null })[]; total: number }> {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('organizations as o', 'o.id', 'audit_log.organization_id')
    .leftJoin('users as u', 'u.id', 'audit_log.actor_id');
  q = q.where((eb) =>
    opts.includeUnscoped
      ? eb.or([inSubtrees(eb, 'o.path', opts.scopePaths), eb('audit_log.organization_id', 'is', null)])
      : inSubtrees(eb, 'o.path', opts.scopePaths),
  );
  if (opts.entity) q = q.where('audit_log.entity', '=', opts.entity);
  const [rows, count] = await Promise.all([
    q
      .selectAll('audit_log')
      .select('u.full_name as actor_name')
      .orderBy('audit_log.seq', 'desc')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function countAuditSince(db: Db, scopePaths: string[], sinceIso: string): Promise<number> {
  const r = await db
    .selectFrom('audit_log')
    .leftJoin('organizations as o', 'o.id', 'audit_log.organization_id')
    .where('audit_log.at', '>=', sinceIso)
    .where((eb) => inSubtrees(eb, 'o.path', scopePaths))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
