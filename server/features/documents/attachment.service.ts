import { createHash } from 'node:crypto';
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

/** An attachment's bytes for download, answering 404 when its owner is out of the reader's scope. */
export async function readAttachment(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ fileName: string; mediaType: string; sha256: string; content: Buffer }> {
  const row = await repo.findAttachment(db, id);
  const found = row && (await ownerOf(db, row.owner_kind, row.owner_id));
  if (!row || !found || !(found.isPublic || mayActOn(actor, permissions[row.owner_kind].read, found.path)))
    throw notFound('tệp đính kèm', 'Attachment');
  const content = Buffer.from(row.content);
  // The checksum recorded at upload is checked on every read: a file altered in the database is never served.
  if (createHash('sha256').update(content).digest('hex') !== row.sha256)
    throw new AppError(
      'INTERNAL',
      `Tệp "${row.file_name}" không khớp mã kiểm tra SHA-256 ghi khi tải lên: tệp đã bị thay đổi, không cung cấp.`,
      `File "${row.file_name}" does not match the SHA-256 recorded at upload: it was altered and is not served.`,
    );
  return { fileName: row.file_name, mediaType: row.media_type, sha256: row.sha256, content };
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
