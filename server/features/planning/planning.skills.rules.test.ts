import { describe, expect, it } from 'vitest';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { skillStandardsFor } from '../policy/title-standards';
import { informaticsLevelOf, languageLevelOf, skillVerdicts } from './planning.skills.rules';

const library = loadPolicyLibrary();
const director = { code: 'GIAM_DOC_SO', managingAuthority: 'provincial_standing_committee', group: 'IV' };
const commune = { code: 'BI_THU_DANG_UY_XA', managingAuthority: 'commune_standing_committee', group: 'IV' };

describe('reading the foreign-language level a record states', () => {
  it.each([
    ['Bậc 3 (B1)', 3],
    ['bậc 2', 2],
    ['B2', 4],
    ['Trình độ C1', 5],
    ['A1', 1],
    ['Chứng chỉ B', 2],
    ['Chứng chỉ C', 3],
    ['Cử nhân ngôn ngữ Anh', 5],
    ['Đại học', 5],
    ['Giao tiếp được', null],
    ['IELTS 6.5', null],
  ])('%s → %s', (text, level) => {
    expect(languageLevelOf(text)).toBe(level);
  });
});

describe('reading the IT level a record states', () => {
  it.each([
    ['Ứng dụng CNTT cơ bản', 'co_ban'],
    ['Ứng dụng công nghệ thông tin nâng cao', 'nang_cao'],
    ['Chứng chỉ tin học B', 'co_ban'],
    ['Tin học A', 'co_ban'],
    ['Kỹ sư Công nghệ thông tin', 'nang_cao'],
    ['Tin học văn phòng', null],
  ])('%s → %s', (text, level) => {
    expect(informaticsLevelOf(text)).toBe(level);
  });
});

describe('the language and IT standards of a title', () => {
  const standards = skillStandardsFor(library.standards, director, '2026-03-01');
  it('resolve from policy/standards with their entry and citation (provincial level 3 and basic IT; commune level 2)', () => {
    expect(standards.foreignLanguage).toMatchObject({ level: 3, entryId: 'language-it.provincial', confirmed: false });
    expect(standards.informatics).toMatchObject({ level: 'co_ban', entryId: 'language-it.provincial' });
    expect(standards.foreignLanguage!.citation.text).toContain('89-QĐ/TW');
    expect(skillStandardsFor(library.standards, commune, '2026-03-01').foreignLanguage!.level).toBe(2);
    expect(skillStandardsFor(library.standards, director, '2017-08-03')).toEqual({ foreignLanguage: null, informatics: null });
  });

  const judge = (languages: { language: string; level: string }[], itLevel?: string) =>
    skillVerdicts({ languages, itLevel }, standards);

  it('exactly the required level passes, one level less is a training need naming the standard', () => {
    const [lang, it] = judge([{ language: 'Tiếng Anh', level: 'Bậc 3 (B1)' }], 'Ứng dụng CNTT cơ bản');
    expect(lang).toMatchObject({ ruleId: 'standards.language-it.provincial', status: 'passed' });
    expect(lang!.detail.vi).toBe('Ngoại ngữ: Tiếng Anh Bậc 3 (B1) (bậc 3), đạt bậc 3.');
    expect(it).toMatchObject({ ruleId: 'standards.language-it.provincial', status: 'passed' });
    const [short] = judge([{ language: 'Tiếng Anh', level: 'Bậc 2 (A2)' }], 'Ứng dụng CNTT cơ bản');
    expect(short).toMatchObject({ status: 'warning', ruleUnconfirmed: true, inputs: { required: 3 } });
    expect(short!.detail.vi).toMatch(/^Cần bồi dưỡng ngoại ngữ: Tiếng Anh Bậc 2 \(A2\) \(bậc 2\), cần bậc 3\./);
    expect(short!.citation.text).toContain('89-QĐ/TW');
  });

  it('the best of several languages counts', () => {
    const [lang] = judge([
      { language: 'Tiếng Trung', level: 'A2' },
      { language: 'Tiếng Anh', level: 'B2' },
    ]);
    expect(lang).toMatchObject({ status: 'passed' });
    expect(lang!.detail.vi).toContain('Tiếng Anh B2 (bậc 4)');
  });

  it('nothing on the record, or nothing readable, asks the officer to complete it', () => {
    const [lang, it] = judge([]);
    expect(lang).toMatchObject({ status: 'warning' });
    expect(lang!.detail.vi).toContain('Hồ sơ chưa ghi ngoại ngữ; cần bậc 3');
    expect(it!.detail.vi).toContain('Hồ sơ chưa ghi trình độ tin học');
    const [unread, itUnread] = judge([{ language: 'Tiếng Pháp', level: 'Giao tiếp' }], 'Tin học văn phòng');
    expect(unread!.detail.vi).toContain('không đọc được bậc');
    expect(itUnread!.detail.vi).toContain('"Tin học văn phòng" không đọc được trình độ');
  });

  it('advanced IT meets basic; basic does not meet advanced', () => {
    const need = (level: 'co_ban' | 'nang_cao') => ({
      foreignLanguage: null,
      informatics: { ...standards.informatics!, level },
    });
    expect(skillVerdicts({ languages: [], itLevel: 'Ứng dụng CNTT nâng cao' }, need('co_ban'))[0]!.status).toBe('passed');
    expect(skillVerdicts({ languages: [], itLevel: 'Ứng dụng CNTT cơ bản' }, need('nang_cao'))[0]!.status).toBe('warning');
  });

  it('judges nothing for a title without skill standards', () => {
    expect(skillVerdicts({ languages: [] }, { foreignLanguage: null, informatics: null })).toEqual([]);
  });
});
