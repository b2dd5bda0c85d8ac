import { describe, expect, it } from 'vitest';
import type { Course } from '../../../contracts/training';
import { buildRecord } from '../persons/person.fixtures';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { policyAt, ruleIn } from '../policy/policy.library';
import { standardsFor } from '../policy/title-standards';
import { completionChanges, standardChecks } from './training.rules';

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
