import { describe, expect, it } from 'vitest';
import type { Course } from '../../../contracts/training';
import { buildRecord } from '../persons/person.fixtures';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { policyAt, ruleIn } from '../policy/policy.library';
import { completionChanges, trainingGaps } from './training.rules';

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

describe('training gaps against a title', () => {
  it('names political theory and state management below the standard', () => {
    const gaps = trainingGaps(
      buildRecord({ theoryLevel: 'trung_cap', stateManagement: 'chuyen_vien' }),
      { theory: 'cao_cap', stateManagement: 'chuyen_vien_chinh' },
      order,
    );
    expect(gaps.map((g) => [g.kind, g.has, g.needs])).toEqual([
      ['political_theory', 'trung_cap', 'cao_cap'],
      ['state_management', 'chuyen_vien', 'chuyen_vien_chinh'],
    ]);
    expect(gaps[0]!.detail.vi).toBe('Lý luận chính trị: có trung cấp, cần cao cấp');
  });
  it('counts cử nhân chính trị as cao cấp and a higher level as no gap', () => {
    expect(
      trainingGaps(
        buildRecord({ theoryLevel: 'cu_nhan', stateManagement: 'chuyen_vien_cao_cap' }),
        { theory: 'cao_cap', stateManagement: 'chuyen_vien_chinh' },
        order,
      ),
    ).toEqual([]);
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
