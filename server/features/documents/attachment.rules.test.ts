import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoDocx, demoPdf } from '../../../scripts/demo/programme.demo';
import { cleanFileName, inspectAttachment } from './attachment.rules';

describe('attachments', () => {
  it('accepts a PDF and reports its SHA-256', async () => {
    const bytes = demoPdf('Quy dinh');
    const verdict = await inspectAttachment('377-QD-TW.pdf', bytes);
    expect(verdict).toMatchObject({ ok: true, mediaType: 'application/pdf', sizeBytes: bytes.length });
    expect(verdict.ok && verdict.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
  it('accepts a real DOCX', async () => {
    expect(await inspectAttachment('Dự thảo.docx', await demoDocx('Dự thảo'))).toMatchObject({ ok: true });
  });
  it('accepts exactly the limit and refuses one byte more', async () => {
    const atLimit = new Uint8Array(1000).fill(0x20);
    atLimit.set(new TextEncoder().encode('%PDF-1.4'));
    expect((await inspectAttachment('a.pdf', atLimit, 1000)).ok).toBe(true);
    const over = new Uint8Array(1001).fill(0x20);
    over.set(new TextEncoder().encode('%PDF-1.4'));
    const verdict = await inspectAttachment('a.pdf', over, 1000);
    expect(verdict).toMatchObject({ ok: false, code: 'too-large' });
  });
  it('refuses other types, disguised files and ZIPs that are not Word documents', async () => {
    expect(await inspectAttachment('bang-luong.xlsx', demoPdf('x'))).toMatchObject({ ok: false, code: 'wrong-type' });
    expect(await inspectAttachment('gia.pdf', new TextEncoder().encode('MZ not a pdf'))).toMatchObject({
      ok: false,
      code: 'wrong-type',
    });
    expect(await inspectAttachment('gia.docx', demoPdf('x'))).toMatchObject({ ok: false, code: 'wrong-type' });
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('hello.txt', 'not word');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(await inspectAttachment('zip.docx', bytes)).toMatchObject({ ok: false, code: 'wrong-type' });
  });
  it('refuses an empty file', async () => {
    expect(await inspectAttachment('a.pdf', new Uint8Array())).toMatchObject({ ok: false, code: 'empty' });
  });
  it('keeps only the last segment of a path as the name', () => {
    expect(cleanFileName('C:\\Users\\a\\..\\Quyết định.pdf')).toBe('Quyết định.pdf');
    expect(cleanFileName('../../etc/passwd\u0000.pdf')).toBe('passwd.pdf');
  });
});
