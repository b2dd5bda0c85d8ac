import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVoterGroups } from './vote.policy';
import { voterGroupFor, voterGroupText, voterGroupsFileSchema } from './voter-group.rules';

const file = loadVoterGroups();
const director = { name: 'Giám đốc A', titleCode: 'GIAM_DOC_SO' };
const deputy = { name: 'Phó Giám đốc B', titleCode: 'PHO_GIAM_DOC_SO' };
const secretary = { name: 'Phó Bí thư C', titleCode: 'PHO_BI_THU_TINH_UY' };
const handWritten = { name: 'Người D', titleCode: null };

describe("the policy's voter groups ('vote.voter-groups')", () => {
  it('give one conference to a department leadership and name the rule and its version', () => {
    const sut = voterGroupFor(file, '2026-11-20', [director, deputy]);
    expect(sut).toMatchObject({
      ruleId: 'vote.voter-groups',
      versionId: 'voter-groups.96-2025',
      status: 'matched',
      unconfirmed: true,
    });
    expect(sut.citation).toBe(
      '96-QĐ/TW ngày 02/02/2023, Điều 6; Phụ lục 1 — áp dụng theo mô hình chính quyền địa phương hai cấp từ 01/07/2025',
    );
    expect(sut.group!.id).toBe('department');
    expect(sut.group!.parts.find((p) => p.key === 'department-leaders')!.titles).toEqual(['GIAM_DOC_SO', 'PHO_GIAM_DOC_SO']);
    expect(voterGroupText(sut.group!)).toMatch(/^Hội nghị lấy phiếu tại sở, ban, ngành: Tập thể lãnh đạo sở; /);
  });

  it('take the version in force on the vote date: 30/06/2025 is the three-tier one, 01/07/2025 the two-tier one', () => {
    expect(voterGroupFor(file, '2025-06-30', [director]).versionId).toBe('voter-groups.96-2023');
    expect(voterGroupFor(file, '2025-07-01', [director]).versionId).toBe('voter-groups.96-2025');
    expect(voterGroupFor(file, '2023-02-02', [director]).versionId).toBe('voter-groups.96-2023');
  });

  it('know the district conference only while districts existed', () => {
    const district = { name: 'Bí thư huyện', titleCode: 'BI_THU_HUYEN_UY' };
    expect(voterGroupFor(file, '2024-11-20', [district]).group?.id).toBe('district-committee');
    expect(voterGroupFor(file, '2025-11-20', [district]).status).toBe('none');
  });

  it('have no version before 96-QĐ/TW took effect', () => {
    const sut = voterGroupFor(file, '2023-02-01', [director]);
    expect(sut).toMatchObject({ status: 'no-version', versionId: null, group: null, outside: ['Giám đốc A'] });
  });

  it('say which conference each subject belongs to when a session mixes them, proposing the larger group', () => {
    const sut = voterGroupFor(file, '2026-11-20', [director, deputy, secretary]);
    expect(sut.status).toBe('mixed');
    expect(sut.group!.id).toBe('department');
    expect(sut.otherGroups).toEqual([
      { conference: expect.objectContaining({ vi: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh' }), subjects: ['Phó Bí thư C'] },
    ]);
    expect(sut.message.vi).toContain('Hội nghị Ban Chấp hành Đảng bộ tỉnh (Phó Bí thư C)');
  });

  it('break a tie between groups by the order of the version', () => {
    expect(voterGroupFor(file, '2026-11-20', [secretary, director]).group!.id).toBe('province-committee');
  });

  it('name the subjects whose title is written by hand or outside every group', () => {
    const sut = voterGroupFor(file, '2026-11-20', [director, handWritten]);
    expect(sut).toMatchObject({ status: 'partial', outside: ['Người D'] });
    expect(voterGroupFor(file, '2026-11-20', [handWritten]).status).toBe('none');
  });

  it('refuse a file where a title sits in two groups or two versions overlap', () => {
    const bad = structuredClone(file);
    bad.versions[1]!.groups[0]!.subjects.push('GIAM_DOC_SO');
    expect(voterGroupsFileSchema.safeParse(bad).success).toBe(false);
    const overlap = structuredClone(file);
    overlap.versions[0]!.effectiveTo = '2025-07-01';
    expect(voterGroupsFileSchema.safeParse(overlap).error?.issues[0]?.message).toMatch(/overlaps voter-groups.96-2025/);
  });

  it('load a file naming the field at fault', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'voter-groups-'));
    const f = path.join(dir, 'voter-groups.yaml');
    fs.writeFileSync(f, 'versions:\n  - id: x\n    groups: []\n');
    expect(() => loadVoterGroups(f)).toThrow(/voter-groups\.yaml: versions\.0\.title/);
    fs.rmSync(dir, { recursive: true });
  });
});
