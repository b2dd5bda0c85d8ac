import { createHash } from 'node:crypto';
import type { AuditVerifyResult } from '../../../contracts/audit';

export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers: everything but the hash itself. */
export interface AuditContent {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  organizationId: string | null;
  before: string | null;
  after: string | null;
}

/** JSON with keys sorted at every depth, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 over the previous hash and this entry's canonical content. */
export function chainHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

export interface StoredAuditEntry extends AuditContent {
  prevHash: string;
  hash: string;
}

export function contentOf(e: StoredAuditEntry): AuditContent {
  const { seq, at, actorId, action, entity, entityId, organizationId, before, after } = e;
  return { seq, at, actorId, action, entity, entityId, organizationId, before, after };
}

/** Running state of a verification, so the chain can be checked in batches of any size. */
export interface ChainCursor {
  expectedSeq: number;
  prevHash: string;
  checked: number;
  /** The head's last seq when read before the walk: any entry past it was added behind the application. */
  headSeq: number;
}

export const startCursor = (headSeq = Number.POSITIVE_INFINITY): ChainCursor => ({
  expectedSeq: 1,
  prevHash: GENESIS_HASH,
  checked: 0,
  headSeq,
});

type Problem = NonNullable<AuditVerifyResult['problem']>;

const problem = (seq: number, kind: Problem['kind'], vi: string, en: string): Problem => ({
  seq,
  kind,
  message: vi,
  messageEn: en,
});

/** Checks the next batch (in seq order); returns the first problem or null, advancing the cursor. */
export function verifyBatch(cursor: ChainCursor, batch: readonly StoredAuditEntry[]): Problem | null {
  for (const e of batch) {
    if (e.seq > cursor.expectedSeq)
      return problem(
        cursor.expectedSeq,
        'deleted',
        `Mục nhật ký số ${cursor.expectedSeq} đã bị xóa`,
        `Audit entry ${cursor.expectedSeq} was deleted`,
      );
    if (e.seq < cursor.expectedSeq)
      return problem(
        e.seq,
        'reordered',
        `Mục nhật ký số ${e.seq} bị trùng hoặc sai thứ tự`,
        `Audit entry ${e.seq} is out of order`,
      );
    if (e.seq > cursor.headSeq)
      return problem(
        e.seq,
        'inserted',
        `Mục nhật ký số ${e.seq} được chèn ngoài ứng dụng`,
        `Audit entry ${e.seq} was inserted outside the application`,
      );
    if (chainHash(e.prevHash, contentOf(e)) !== e.hash)
      return problem(e.seq, 'altered', `Mục nhật ký số ${e.seq} đã bị sửa`, `Audit entry ${e.seq} was altered`);
    if (e.prevHash !== cursor.prevHash) {
      const seq = e.seq - 1;
      return problem(
        seq,
        'altered',
        `Mục nhật ký số ${seq} đã bị sửa hoặc thay thế (mục ${e.seq} không còn nối với nó)`,
        `Audit entry ${seq} was altered or replaced (entry ${e.seq} no longer links to it)`,
      );
    }
    cursor.expectedSeq = e.seq + 1;
    cursor.prevHash = e.hash;
    cursor.checked += 1;
  }
  return null;
}

/** After the last batch: the chain must end where the head says it ends. */
export function verifyHead(cursor: ChainCursor, head: { lastSeq: number; lastHash: string }): Problem | null {
  const lastSeq = cursor.expectedSeq - 1;
  if (head.lastSeq > lastSeq)
    return problem(
      lastSeq + 1,
      'deleted',
      `Mục nhật ký số ${lastSeq + 1} trở đi đã bị xóa`,
      `Audit entries from ${lastSeq + 1} on were deleted`,
    );
  if (head.lastSeq < lastSeq)
    return problem(
      head.lastSeq + 1,
      'inserted',
      `Mục nhật ký số ${head.lastSeq + 1} được chèn ngoài ứng dụng`,
      `Audit entry ${head.lastSeq + 1} was inserted outside the application`,
    );
  if (head.lastHash !== cursor.prevHash)
    return problem(lastSeq, 'altered', `Mục nhật ký số ${lastSeq} đã bị sửa`, `Audit entry ${lastSeq} was altered`);
  return null;
}

export type CheckpointStatus = 'matches' | 'differs' | 'missing';

/** A checkpoint against the hash stored today at its seq (undefined when no such entry exists any more). */
export function checkCheckpoint(
  checkpoint: { seq: number; hash: string },
  storedHash: string | undefined,
): { status: CheckpointStatus; message: string; messageEn: string } {
  const { seq } = checkpoint;
  if (storedHash === undefined)
    return {
      status: 'missing',
      message: `Mục nhật ký số ${seq} ghi trong điểm kiểm tra không còn trong cơ sở dữ liệu`,
      messageEn: `Audit entry ${seq} named by the checkpoint is no longer in the database`,
    };
  if (storedHash !== checkpoint.hash)
    return {
      status: 'differs',
      message: `Mục nhật ký số ${seq} không còn khớp với điểm kiểm tra: nhật ký đã bị viết lại từ mục này trở về trước`,
      messageEn: `Audit entry ${seq} no longer matches the checkpoint: the trail was rewritten at or before this entry`,
    };
  return {
    status: 'matches',
    message: `Mục nhật ký số ${seq} khớp với điểm kiểm tra`,
    messageEn: `Audit entry ${seq} matches the checkpoint`,
  };
}
