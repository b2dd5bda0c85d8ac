import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entriesFromTrainingStandards, standardsFor } from '../policy/title-standards';
import { loadTitleStandards } from './title-standards';

const shipped = loadTitleStandards();

/** The theory and state-management rows a title takes from the training standards, or undefined when none is in force. */
function standardsForTitle(files: typeof shipped, title: { code: string; managingAuthority: string }, on: string) {
  const s = standardsFor(entriesFromTrainingStandards(files), { ...title, group: 'none' }, on);
  if (s.sources.length === 0) return undefined;
  const theory = s.sources.find((x) => x.requirement === 'theory')!;
  return {
    theory: s.theory,
    stateManagement: s.stateManagement,
    status: theory.confirmed ? 'confirmed' : 'unconfirmed',
    citation: theory.citation.text,
  };
}

function dirWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standards-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
const shippedText = fs.readFileSync(path.resolve(__dirname, '../../../policy/training/title-standards.yaml'), 'utf8');

describe('title standards (policy/training)', () => {
  it('gives a title its own row, else the row of the body that manages it', () => {
    expect(
      standardsForTitle(shipped, { code: 'GIAM_DOC_SO', managingAuthority: 'provincial_standing_committee' }, '2026-01-01'),
    ).toMatchObject({ theory: 'cao_cap', stateManagement: 'chuyen_vien_chinh', status: 'unconfirmed' });
    expect(
      standardsForTitle(shipped, { code: 'TONG_BI_THU', managingAuthority: 'central_committee' }, '2026-01-01'),
    ).toMatchObject({
      theory: 'cao_cap',
      stateManagement: 'chuyen_vien_cao_cap',
      status: 'confirmed',
      citation: expect.stringContaining('214-QĐ/TW'),
    });
    expect(
      standardsForTitle(shipped, { code: 'PHO_CHU_TICH_UBND_XA', managingAuthority: 'commune_standing_committee' }, '2026-01-01'),
    ).toMatchObject({ theory: 'trung_cap', stateManagement: 'chuyen_vien' });
  });

  it('has no standards before the version in force begins (02/01/2020) and from the day it ends', () => {
    const title = { code: 'GIAM_DOC_SO', managingAuthority: 'provincial_standing_committee' };
    expect(standardsForTitle(shipped, title, '2020-01-01')).toBeUndefined();
    expect(standardsForTitle(shipped, title, '2020-01-02')).toBeDefined();
    const ended = [{ ...shipped[0]!, validTo: '2030-01-01' }];
    expect(standardsForTitle(ended, title, '2029-12-31')).toBeDefined();
    expect(standardsForTitle(ended, title, '2030-01-01')).toBeUndefined();
  });

  it('refuses to start on a malformed file, naming the file and the field', () => {
    expect(() => loadTitleStandards(dirWith({ 'x.yaml': shippedText.replace('theory: trung_cap', 'theory: tien_si') }))).toThrow(
      /policy\/training\/x\.yaml: byAuthority\.commune_standing_committee\.theory/,
    );
    expect(() =>
      loadTitleStandards(
        dirWith({ 'a.yaml': shippedText, 'b.yaml': shippedText.replace('id: title-standards-2025', 'id: other') }),
      ),
    ).toThrow(/overlap/);
    expect(() => loadTitleStandards(dirWith({}))).toThrow(/no title standards file/);
  });
});
