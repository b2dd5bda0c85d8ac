import { describe, expect, it } from 'vitest';
import type { Course } from '../../../contracts/training';
import { buildRecord } from '../persons/person.fixtures';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { policyAt, ruleIn } from '../policy/policy.library';
import { skillStandardsFor, standardsFor } from '../policy/title-standards';
import { completionChanges, skillChecks, standardChecks } from './training.rules';

const order = ruleIn(policyAt(loadPolicyLibrary(), '2026-01-01', 'party'), 'standards.title-requirements', 'theory-order')!.params
  .order;
const course = (over: Partial<Course> = {}): Course => ({
  id: 'C',
  organizationId: 'O',
  kind: 'political_theory',
  name: 'Cao cấp lý luận chính trị hệ không tập trung',
  theoryLevel: 'cao_cap',
  stateManagementLevel: null,
  provider: 'Học viện Chính trị khu vực I',
  startsOn: '2025-03-01',
  endsOn: '2026-06-30',
  form: 'tai_chuc',
  ...over,
});

const library = loadPolicyLibrary();
const directorOfDepartment = { code: 'GIAM_DOC_SO', managingAuthority: 'provincial_standing_committee', group: 'II' };
const resolved = standardsFor(library.standards, directorOfDepartment, '2026-01-01');

describe('training needs against every requirement of a title', () => {
  it('checks political theory, education, state management and months in post of a director of department', () => {
    expect(resolved).toMatchObject({
      theory: 'cao_cap',
      education: 'dai_hoc',
      stateManagement: 'chuyen_vien_chinh',
      priorPostMonths: 12,
    });
    const { checks, gaps } = standardChecks(
      buildRecord({ theoryLevel: 'trung_cap', stateManagement: 'chuyen_vien', professionalLevel: 'cao_dang' }),
      resolved,
      order,
    );
    expect(checks.map((c) => [c.requirement, c.status])).toEqual([
      ['theory', 'gap'],
      ['education', 'gap'],
      ['stateManagement', 'gap'],
      ['priorPostMonths', 'not_training'],
    ]);
    expect(gaps.map((g) => [g.kind, g.has, g.needs])).toEqual([
      ['political_theory', 'trung_cap', 'cao_cap'],
      ['professional_degree', 'cao_dang', 'dai_hoc'],
      ['state_management', 'chuyen_vien', 'chuyen_vien_chinh'],
    ]);
    expect(gaps[0]!.detail.vi).toBe('Lý luận chính trị: có trung cấp, cần cao cấp');
    expect(gaps[1]!.detail.vi).toBe('Trình độ chuyên môn: có cao đẳng, cần đại học');
    // Every check names its entry and citation; the months in post say why no course closes them.
    expect(checks.every((c) => c.entryId && c.citation.includes('89-QĐ/TW'))).toBe(true);
    expect(checks.find((c) => c.requirement === 'education')).toMatchObject({
      entryId: 'provincial.education',
      confirmed: false,
      required: { vi: 'đại học' },
      has: { vi: 'cao đẳng' },
    });
    expect(checks[3]).toMatchObject({
      required: { vi: '12 tháng' },
      has: null,
      reason: { vi: expect.stringContaining('không bù được bằng đào tạo') },
    });
  });

  it('counts the degree at the edge: đại học meets đại học, tiến sĩ khoa học counts as tiến sĩ, sơ cấp as none', () => {
    const statusOf = (professionalLevel: 'dai_hoc' | 'tien_si_khoa_hoc' | 'so_cap' | 'trung_cap') =>
      standardChecks(
        buildRecord({ theoryLevel: 'cao_cap', stateManagement: 'chuyen_vien_chinh', professionalLevel }),
        resolved,
        order,
      ).checks.find((c) => c.requirement === 'education')!.status;
    expect(statusOf('dai_hoc')).toBe('met');
    expect(statusOf('tien_si_khoa_hoc')).toBe('met');
    expect(statusOf('so_cap')).toBe('gap');
    expect(statusOf('trung_cap')).toBe('gap');
  });

  it('counts cử nhân chính trị as cao cấp and a higher level as no gap', () => {
    const { checks, gaps } = standardChecks(
      buildRecord({ theoryLevel: 'cu_nhan', stateManagement: 'chuyen_vien_cao_cap', professionalLevel: 'thac_si' }),
      resolved,
      order,
    );
    expect(gaps).toEqual([]);
    expect(checks.filter((c) => c.status === 'met').map((c) => c.requirement)).toEqual([
      'theory',
      'education',
      'stateManagement',
    ]);
  });

  it('checks only what the standards in force require: a commune title has no months in post', () => {
    const commune = standardsFor(
      library.standards,
      { code: 'PHO_CHU_TICH_UBND_XA', managingAuthority: 'commune_standing_committee', group: 'IV' },
      '2026-01-01',
    );
    const { checks } = standardChecks(buildRecord({ theoryLevel: 'so_cap', professionalLevel: 'dai_hoc' }), commune, order);
    expect(checks.map((c) => [c.requirement, c.status])).toEqual([
      ['theory', 'gap'],
      ['education', 'met'],
      ['stateManagement', expect.any(String)],
    ]);
  });
});

describe('the record change a completion proposes', () => {
  it('adds the training row and raises the political-theory level', () => {
    const record = buildRecord({ theoryLevel: 'trung_cap' });
    const changes = completionChanges(
      record,
      course(),
      { completedOn: '2026-06-30', passed: true, result: 'Khá', certificateNo: 'CC-123' },
      order,
    );
    expect(changes.theoryLevel).toBe('cao_cap');
    expect(changes.training!.at(-1)).toEqual({
      school: 'Học viện Chính trị khu vực I',
      major: 'Cao cấp lý luận chính trị hệ không tập trung',
      from: '2025-03-01',
      to: '2026-06-30',
      form: 'tai_chuc',
      qualification: 'Khá — số CC-123',
    });
  });
  it('never lowers a level: a trung cấp course leaves cử nhân as it is', () => {
    const changes = completionChanges(
      buildRecord({ theoryLevel: 'cu_nhan' }),
      course({ theoryLevel: 'trung_cap' }),
      { completedOn: '2026-01-01', passed: true },
      order,
    );
    expect(changes.theoryLevel).toBeUndefined();
    const cao = completionChanges(
      buildRecord({ theoryLevel: 'cu_nhan' }),
      course({ theoryLevel: 'cao_cap' }),
      { completedOn: '2026-01-01', passed: true },
      order,
    );
    expect(cao.theoryLevel).toBeUndefined();
  });
  it('raises state management from a state-management course', () => {
    const changes = completionChanges(
      buildRecord({ stateManagement: 'chuyen_vien' }),
      course({ kind: 'state_management', theoryLevel: null, stateManagementLevel: 'chuyen_vien_chinh' }),
      { completedOn: '2026-01-01', passed: true },
      order,
    );
    expect(changes.stateManagement).toBe('chuyen_vien_chinh');
  });
});

describe('language and IT needs against the skill standards of a title', () => {
  const skills = skillStandardsFor(library.standards, directorOfDepartment, '2026-01-01');
  const commune = skillStandardsFor(
    library.standards,
    { code: 'BI_THU_DANG_UY_XA', managingAuthority: 'commune_standing_committee', group: 'III' },
    '2026-01-01',
  );
  const check = (languages: { language: string; level: string }[], itLevel: string | null, s = skills) =>
    skillChecks(buildRecord({ languages, itLevel }), s);

  it('reads the provincial standard: foreign language level 3 and basic IT, unconfirmed', () => {
    expect(skills.foreignLanguage).toMatchObject({ level: 3, entryId: 'language-it.provincial', confirmed: false });
    expect(skills.informatics).toMatchObject({ level: 'co_ban', confirmed: false });
    expect(commune.foreignLanguage).toMatchObject({ level: 2 });
  });

  it('meets exactly the level asked (B1 = level 3), one level less is a language gap', () => {
    const met = check([{ language: 'Tiếng Anh', level: 'B1' }], 'Chứng chỉ ứng dụng CNTT cơ bản');
    expect(met.checks.map((c) => [c.requirement, c.status])).toEqual([
      ['foreignLanguage', 'met'],
      ['informatics', 'met'],
    ]);
    expect(met.gaps).toEqual([]);
    expect(met.checks[0]!.has).toEqual({ vi: 'Tiếng Anh B1 (bậc 3)', en: 'Tiếng Anh B1 (level 3)' });
    const short = check([{ language: 'Tiếng Anh', level: 'A2' }], 'Chứng chỉ ứng dụng CNTT cơ bản');
    expect(short.gaps).toEqual([
      {
        kind: 'language',
        has: '2',
        needs: '3',
        detail: {
          vi: 'Ngoại ngữ: có Tiếng Anh A2 (bậc 2), cần bậc 3',
          en: 'Foreign language: has Tiếng Anh A2 (level 2), needs level 3',
        },
      },
    ]);
    // The same A2 meets a commune title's level 2.
    expect(check([{ language: 'Tiếng Anh', level: 'A2' }], 'Tin học cơ bản', commune).gaps).toEqual([]);
  });

  it('takes the best of several languages, and counts an unreadable or missing one as a gap to complete', () => {
    expect(
      check(
        [
          { language: 'Tiếng Pháp', level: 'A1' },
          { language: 'Tiếng Anh', level: 'Bậc 4' },
        ],
        'Cơ bản',
      ).gaps,
    ).toEqual([]);
    const unreadable = check([{ language: 'Tiếng Anh', level: 'giao tiếp tốt' }], null);
    expect(unreadable.checks[0]).toMatchObject({
      status: 'gap',
      has: { vi: 'Tiếng Anh giao tiếp tốt (không đọc được bậc)' },
      citation: expect.stringContaining('89-QĐ/TW'),
      confirmed: false,
    });
    expect(unreadable.gaps.map((g) => [g.kind, g.has, g.detail.vi])).toEqual([
      ['language', '', 'Ngoại ngữ: có Tiếng Anh giao tiếp tốt (không đọc được bậc), cần bậc 3'],
      ['it', '', 'Tin học: hồ sơ chưa ghi, cần ứng dụng công nghệ thông tin cơ bản'],
    ]);
    expect(check([], null).checks.map((c) => [c.requirement, c.status, c.has])).toEqual([
      ['foreignLanguage', 'gap', null],
      ['informatics', 'gap', null],
    ]);
  });

  it('ranks IT: advanced meets basic, basic falls short of advanced, an unreadable text is a gap', () => {
    expect(check([{ language: 'Tiếng Anh', level: 'B2' }], 'Ứng dụng CNTT nâng cao').gaps).toEqual([]);
    const advanced = { ...skills, informatics: { ...skills.informatics!, level: 'nang_cao' as const } };
    const basic = check([{ language: 'Tiếng Anh', level: 'B2' }], 'Ứng dụng CNTT cơ bản', advanced);
    expect(basic.gaps.map((g) => [g.kind, g.has, g.needs])).toEqual([['it', 'co_ban', 'nang_cao']]);
    expect(check([{ language: 'Tiếng Anh', level: 'B2' }], 'biết dùng máy', skills).checks[1]).toMatchObject({
      status: 'gap',
      has: { vi: 'biết dùng máy (không đọc được trình độ)' },
    });
  });

  it('judges nothing when the title has no skill standard', () => {
    expect(check([], null, { foreignLanguage: null, informatics: null })).toEqual({ checks: [], gaps: [] });
  });
});
