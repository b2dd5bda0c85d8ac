import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Attachment } from '../../../contracts/documents';
import type { Db, Trx } from '../../db/database';
import { AppError, forbidden, notFound } from '../../http/errors';
import { newId, nowIso } from '../../lib/ids';
import { type Actor, type Permission, mayActOn } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import * as items from '../programme/programme.repository';
import { enrolmentOwner } from '../training/training.repository';
import { inspectAttachment } from './attachment.rules';
import { toAttachmentResponse } from './document.mapper';
import * as repo from './document.repository';

/** What an attachment hangs on: a register document, a programme item, or a training enrolment (its certificate). */
export type OwnerKind = 'document' | 'programme_item' | 'training_enrolment';

/** The owner's organization and whether it is public, or undefined when it does not exist. */
async function ownerOf(
  db: Db | Trx,
  kind: OwnerKind,
  id: string,
): Promise<{ organizationId: string; path: string; isPublic: boolean } | undefined> {
  if (kind === 'document') {
    const doc = await repo.findDocument(db, id);
    return doc && { organizationId: doc.organization_id, path: doc.organization_path, isPublic: doc.visibility === 'public' };
  }
  if (kind === 'training_enrolment') {
    const e = await enrolmentOwner(db, id);
    return e && { organizationId: e.organization_id, path: e.organization_path, isPublic: false };
  }
  const item = await items.findItem(db, id);
  return item && { organizationId: item.organization_id, path: item.organization_path, isPublic: false };
}

const permissions: Record<OwnerKind, { read: Permission; write: Permission }> = {
  document: { read: 'documents.read', write: 'documents.write' },
  programme_item: { read: 'programme.read', write: 'programme.write' },
  training_enrolment: { read: 'training.read', write: 'training.manage' },
};

/** Stores a PDF or DOCX (size limit, type from name and content, SHA-256) on a document or programme item. */
export async function addAttachment(
  db: Db,
  actor: Actor | null,
  owner: { kind: OwnerKind; id: string },
  fileName: string,
  bytes: Uint8Array,
): Promise<Attachment> {
  return db.transaction().execute(async (trx) => {
    const found = await ownerOf(trx, owner.kind, owner.id);
    const { read, write } = permissions[owner.kind];
    if (!found || (actor && !(found.isPublic || mayActOn(actor, read, found.path))))
      throw notFound('hồ sơ cần đính kèm', 'Attachment owner');
    if (actor && !mayActOn(actor, write, found.path)) throw forbidden();
    const verdict = await inspectAttachment(fileName, bytes);
    if (!verdict.ok)
      throw new AppError(verdict.code === 'too-large' ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION', verdict.message, verdict.messageEn, [
        { path: 'file', message: verdict.message, messageEn: verdict.messageEn },
      ]);
    const row = {
      id: newId(),
      owner_kind: owner.kind,
      owner_id: owner.id,
      file_name: verdict.fileName,
      media_type: verdict.mediaType,
      size_bytes: verdict.sizeBytes,
      sha256: verdict.sha256,
      content: bytes,
      created_by: actor?.userId ?? null,
      created_at: nowIso(),
    };
    await repo.insertAttachment(trx, row);
    const { content: _content, ...meta } = row;
    await appendAudit(trx, {
      actorId: actor?.userId ?? null,
      action: 'attachment.add',
      entity: owner.kind,
      entityId: owner.id,
      organizationId: found.organizationId,
      after: meta,
    });
    return toAttachmentResponse(meta);
  });
}

/** Bytes read from the database at a time when an attachment is streamed. */
export const CHUNK_BYTES = 256 * 1024;

const altered = (fileName: string) =>
  new AppError(
    'INTERNAL',
    `Tệp "${fileName}" không khớp mã kiểm tra SHA-256 ghi khi tải lên: tệp đã bị thay đổi, không cung cấp.`,
    `File "${fileName}" does not match the SHA-256 recorded at upload: it was altered and is not served.`,
  );

/** The file's chunks in order, as the database returns them. */
async function* chunksOf(db: Db, id: string, size: number): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < size; offset += CHUNK_BYTES) yield await repo.attachmentChunk(db, id, offset, CHUNK_BYTES);
}

/**
 * An attachment for download, answering 404 when its owner is out of the reader's scope. The bytes are never held
 * whole: the checksum recorded at upload is verified chunk by chunk before anything is sent (a file altered in the
 * database answers a clear error), then again while streaming; a change in between aborts the download with that
 * error instead of the last chunk.
 */
export async function openAttachment(
  db: Db,
  actor: Actor,
  id: string,
  chunks: (db: Db, id: string, size: number) => AsyncIterable<Buffer> = chunksOf,
): Promise<{ fileName: string; mediaType: string; sha256: string; sizeBytes: number; stream: Readable }> {
  const row = await repo.findAttachmentMeta(db, id);
  const found = row && (await ownerOf(db, row.owner_kind, row.owner_id));
  if (!row || !found || !(found.isPublic || mayActOn(actor, permissions[row.owner_kind].read, found.path)))
    throw notFound('tệp đính kèm', 'Attachment');
  const first = createHash('sha256');
  let size = 0;
  for await (const chunk of chunks(db, id, row.size_bytes)) {
    first.update(chunk);
    size += chunk.length;
  }
  if (size !== row.size_bytes || first.digest('hex') !== row.sha256) throw altered(row.file_name);

  async function* verified(): AsyncGenerator<Buffer> {
    const hash = createHash('sha256');
    let held: Buffer | null = null;
    for await (const chunk of chunks(db, id, row!.size_bytes)) {
      hash.update(chunk);
      if (held) yield held;
      held = chunk;
    }
    // The last chunk goes out only once the whole file matched.
    if (hash.digest('hex') !== row!.sha256) throw altered(row!.file_name);
    if (held) yield held;
  }
  return {
    fileName: row.file_name,
    mediaType: row.media_type,
    sha256: row.sha256,
    sizeBytes: row.size_bytes,
    stream: Readable.from(verified(), { objectMode: false }),
  };
}

/** Removes an attachment added by mistake (the file is gone; the audit entry keeps its name, size and SHA-256). */
export async function removeAttachment(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await repo.findAttachment(trx, id);
    const found = row && (await ownerOf(trx, row.owner_kind, row.owner_id));
    if (!row || !found || !(found.isPublic || mayActOn(actor, permissions[row.owner_kind].read, found.path)))
      throw notFound('tệp đính kèm', 'Attachment');
    if (!mayActOn(actor, permissions[row.owner_kind].write, found.path)) throw forbidden();
    await repo.deleteAttachment(trx, id);
    const { content: _content, ...meta } = row;
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'attachment.remove',
      entity: row.owner_kind,
      entityId: row.owner_id,
      organizationId: found.organizationId,
      before: meta,
    });
  });
}
