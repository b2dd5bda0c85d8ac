import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { ATTACHMENT_MEDIA_TYPES, DOCUMENT_LIMITS } from '../../../contracts/documents';

export interface AcceptedAttachment {
  ok: true;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}
export interface RejectedAttachment {
  ok: false;
  code: 'too-large' | 'empty' | 'wrong-type' | 'bad-name';
  message: string;
  messageEn: string;
}

const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1).replace('.', ',');

/** Cleans a file name to its last path segment without control characters. */
export function cleanFileName(name: string): string {
  const last = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  return [...last]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && c !== '"')
    .join('')
    .trim();
}

/**
 * Accepts a PDF or DOCX up to the size limit: the extension, the declared type and the content must agree
 * (a PDF starts with "%PDF-"; a DOCX is a ZIP package holding word/document.xml). Returns its SHA-256.
 */
export async function inspectAttachment(
  fileNameRaw: string,
  bytes: Uint8Array,
  limit: number = DOCUMENT_LIMITS.attachmentMaxBytes,
): Promise<AcceptedAttachment | RejectedAttachment> {
  const fileName = cleanFileName(fileNameRaw);
  if (!fileName || fileName.length > DOCUMENT_LIMITS.fileNameMax)
    return { ok: false, code: 'bad-name', message: 'Tên tệp không hợp lệ', messageEn: 'Invalid file name' };
  if (bytes.length === 0) return { ok: false, code: 'empty', message: 'Tệp rỗng', messageEn: 'The file is empty' };
  if (bytes.length > limit)
    return {
      ok: false,
      code: 'too-large',
      message: `Tệp "${fileName}" có dung lượng ${mib(bytes.length)} MB, vượt giới hạn ${mib(limit)} MB`,
      messageEn: `File "${fileName}" is ${mib(bytes.length)} MB, over the ${mib(limit)} MB limit`,
    };
  const extension = fileName.toLowerCase().split('.').pop();
  const wrongType = (why: string, whyEn: string): RejectedAttachment => ({
    ok: false,
    code: 'wrong-type',
    message: `Chỉ nhận tệp PDF hoặc DOCX: ${why}`,
    messageEn: `Only PDF or DOCX files are accepted: ${whyEn}`,
  });
  let mediaType: string;
  if (extension === 'pdf') {
    if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-')
      return wrongType(`"${fileName}" không phải tệp PDF thật`, `"${fileName}" is not really a PDF`);
    mediaType = ATTACHMENT_MEDIA_TYPES.pdf;
  } else if (extension === 'docx') {
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04))
      return wrongType(`"${fileName}" không phải tệp DOCX thật`, `"${fileName}" is not really a DOCX`);
    const zip = await JSZip.loadAsync(bytes).catch(() => null);
    if (!zip?.file('word/document.xml'))
      return wrongType(`"${fileName}" không phải tài liệu Word (DOCX)`, `"${fileName}" is not a Word (DOCX) document`);
    mediaType = ATTACHMENT_MEDIA_TYPES.docx;
  } else {
    return wrongType(`"${fileName}" có đuôi .${extension ?? ''}`, `"${fileName}" has the extension .${extension ?? ''}`);
  }
  return { ok: true, fileName, mediaType, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
