import { describe, expect, it } from 'vitest';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { policyAt } from '../policy/policy.library';
import { exceptionCounts, headNearEnd, relativesPlacement } from './decision.power.rules';
import type { KinPerson } from './decision.rules';

const library = loadPolicyLibrary();
const policy = policyAt(library, '2026-03-02', 'state');

const person = (fullName: string, birthYear: number, family: KinPerson['family'] = []): KinPerson => ({
  fullName,
  birthYear,
  family,
});
const head = (family: KinPerson['family'] = []) => ({
  role: 'head' as const,
  titleName: 'Giám đốc Sở',
  person: person('Trần Văn Hùng', 1968, family),
});

describe("Anti-Corruption Law 2018 art. 20 ('power.relatives-restriction')", () => {
  it.each([
    ['spouse', 'vợ hoặc chồng'],
    ['father', 'con'],
    ['mother', 'con'],
    ['child', 'bố, mẹ'],
    ['sibling', 'anh, chị, em ruột'],
  ] as const)('blocks the candidate whose family table names the head as %s, naming the relation', (relation, asSeen) => {
    const candidate = person('Trần Thị Mai', 1995, [{ relation, fullName: 'Tran Van Hung', birthYear: 1968 }]);
    const [v, ...rest] = relativesPlacement(policy, { postCategory: 'accounting', candidate, leaders: [head()] });
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ ruleId: 'power.relatives-restriction', status: 'failed' });
    expect(v!.citation.text).toContain('Điều 20');
    expect(v!.detail.vi).toContain(asSeen);
    expect(v!.detail.vi).toContain('kế toán');
  });

  it("reads the relation from the head's own family table as well, for a deputy too", () => {
    const candidate = person('Trần Thị Mai', 1995);
    const deputy = {
      role: 'deputy' as const,
      titleName: 'Phó Giám đốc Sở',
      person: person('Lê Văn Phúc', 1970, [{ relation: 'child', fullName: 'Trần Thị Mai', birthYear: 1995 }]),
    };
    const verdicts = relativesPlacement(policy, { postCategory: 'cashier', candidate, leaders: [head(), deputy] });
    expect(verdicts.map((v) => v.status)).toEqual(['failed']);
    // The deputy declared her as his child: she is seen as his child.
    expect(verdicts[0]!.detail.vi).toContain('(con)');
    expect(verdicts[0]!.detail.vi).toContain('cấp phó');
  });

  it('passes an in-law (not named by the article) and an unrelated candidate, and says nothing for an ordinary seat', () => {
    const inLaw = person('Trần Thị Mai', 1995, [{ relation: 'father_in_law', fullName: 'Trần Văn Hùng', birthYear: 1968 }]);
    expect(relativesPlacement(policy, { postCategory: 'personnel', candidate: inLaw, leaders: [head()] })).toMatchObject([
      { status: 'passed' },
    ]);
    const sameNameOtherYear = person('Trần Thị Mai', 1995, [{ relation: 'father', fullName: 'Trần Văn Hùng', birthYear: 1950 }]);
    expect(
      relativesPlacement(policy, { postCategory: 'procurement', candidate: sameNameOtherYear, leaders: [head()] }),
    ).toMatchObject([{ status: 'passed' }]);
    const child = person('Trần Thị Mai', 1995, [{ relation: 'father', fullName: 'Trần Văn Hùng', birthYear: 1968 }]);
    expect(relativesPlacement(policy, { postCategory: null, candidate: child, leaders: [head()] })).toEqual([]);
  });

  it('is not in force before the law (a 2017 placement is not judged by it)', () => {
    const child = person('Trần Thị Mai', 1995, [{ relation: 'father', fullName: 'Trần Văn Hùng', birthYear: 1968 }]);
    const old = policyAt(library, '2017-01-01', 'state');
    expect(relativesPlacement(old, { postCategory: 'storekeeper', candidate: child, leaders: [head()] })).toEqual([]);
  });
});

describe('art. 20 the other way: a head or deputy appointed beside a relative in a sensitive seat', () => {
  const accountant = (family: KinPerson['family'] = []) => ({
    postCategory: 'accounting' as const,
    titleName: 'Kế toán trưởng',
    person: person('Trần Thị Mai', 1995, family),
  });
  const asHead = { role: 'head' as const, titleName: 'Giám đốc Sở' };

  it.each([
    ['child', 'con'],
    ['spouse', 'vợ hoặc chồng'],
    ['sibling', 'anh, chị, em ruột'],
    ['father', 'bố, mẹ'],
  ] as const)(
    "blocks the new head whose family table names the unit's accountant as %s, saying the relative must move first",
    (relation, asSeen) => {
      const candidate = person('Trần Văn Hùng', 1968, [{ relation, fullName: 'Trần Thị Mai', birthYear: 1995 }]);
      const verdicts = relativesPlacement(policy, {
        postCategory: null,
        candidate,
        leaders: [],
        target: asHead,
        sensitiveHolders: [accountant()],
      });
      expect(verdicts).toHaveLength(1);
      expect(verdicts[0]).toMatchObject({ ruleId: 'power.relatives-restriction', status: 'failed' });
      expect(verdicts[0]!.detail.vi).toContain(`(${asSeen})`);
      expect(verdicts[0]!.detail.vi).toContain('kế toán (Kế toán trưởng)');
      expect(verdicts[0]!.detail.vi).toContain('phải bố trí người thân sang vị trí khác trước');
      expect(verdicts[0]!.citation.text).toContain('Điều 20');
    },
  );

  it("reads the holder's own family table too, and blocks a deputy the same way", () => {
    const verdicts = relativesPlacement(policy, {
      postCategory: null,
      candidate: person('Trần Văn Hùng', 1968),
      leaders: [],
      target: { role: 'deputy', titleName: 'Phó Giám đốc Sở' },
      sensitiveHolders: [accountant([{ relation: 'father', fullName: 'Trần Văn Hùng', birthYear: 1968 }])],
    });
    // She declared him as her father: she is his child.
    expect(verdicts.map((v) => [v.status, v.detail.vi.includes('(con)'), v.detail.vi.includes('cấp phó')])).toEqual([
      ['failed', true, true],
    ]);
  });

  it('passes an in-law or an unrelated holder, and says nothing for a seat that is neither a leader nor sensitive', () => {
    const inLaw = person('Trần Văn Hùng', 1968, [{ relation: 'mother_in_law', fullName: 'Trần Thị Mai', birthYear: 1995 }]);
    const q = { postCategory: null, leaders: [], target: asHead, sensitiveHolders: [accountant()] };
    expect(relativesPlacement(policy, { ...q, candidate: inLaw })).toMatchObject([{ status: 'passed' }]);
    expect(relativesPlacement(policy, { ...q, candidate: person('Đỗ Minh Khoa', 1985) })).toMatchObject([{ status: 'passed' }]);
    const child = person('Trần Văn Hùng', 1968, [{ relation: 'child', fullName: 'Trần Thị Mai', birthYear: 1995 }]);
    expect(relativesPlacement(policy, { ...q, candidate: child, target: null })).toEqual([]);
  });

  it('checks both directions at once for a seat that is a head and a sensitive post', () => {
    // The head of a personnel office: his wife heads the unit above in the same organization, his son is its cashier.
    const candidate = person('Lê Văn Tâm', 1975, [
      { relation: 'spouse', fullName: 'Phạm Thị Hoa', birthYear: 1976 },
      { relation: 'child', fullName: 'Lê Văn Minh', birthYear: 2000 },
    ]);
    const verdicts = relativesPlacement(policy, {
      postCategory: 'personnel',
      candidate,
      leaders: [{ role: 'head', titleName: 'Giám đốc', person: person('Phạm Thị Hoa', 1976) }],
      target: asHead,
      sensitiveHolders: [{ postCategory: 'cashier', titleName: 'Thủ quỹ', person: person('Lê Văn Minh', 2000) }],
    });
    expect(verdicts.map((v) => v.status)).toEqual(['failed', 'failed']);
    expect(verdicts[1]!.inputs).toMatchObject({ direction: 'leader', postCategory: 'cashier', relation: 'child' });
  });
});

describe("a head near retirement or term end starting appointments ('appointment.head-near-retirement')", () => {
  const h = (retirementDate: string | null, termEnd: string | null) => ({
    fullName: 'Trần Văn Hùng',
    titleName: 'Giám đốc Sở',
    retirementDate,
    termEnd,
  });

  it('warns (never blocks: the rule is unconfirmed) when retirement falls exactly on the end of the 6-month window', () => {
    const [v] = headNearEnd(policy, [h('2026-09-02', null)], '2026-03-02');
    expect(v).toMatchObject({ ruleId: 'appointment.head-near-retirement', status: 'warning', ruleUnconfirmed: true });
    expect(v!.detail.vi).toContain('nghỉ hưu ngày 02/09/2026');
    expect(v!.detail.vi).toContain('chưa được xác minh');
  });

  it('passes one day later, and warns for a term that ends inside the window', () => {
    expect(headNearEnd(policy, [h('2026-09-03', null)], '2026-03-02')).toMatchObject([{ status: 'passed' }]);
    const [v] = headNearEnd(policy, [h('2031-01-31', '2026-06-30')], '2026-03-02');
    expect(v).toMatchObject({ status: 'warning' });
    expect(v!.detail.vi).toContain('hết nhiệm kỳ ngày 30/06/2026');
  });

  it('says nothing when the unit has no head in office', () => {
    expect(headNearEnd(policy, [], '2026-03-02')).toEqual([]);
  });
});

describe("exceptions per authority and year ('power.exceptions-per-authority')", () => {
  const entries = (n: number, authority = 'Ban Thường vụ Tỉnh ủy', year = 2026) =>
    Array.from({ length: n }, (_, i) => ({
      authority,
      year,
      kind: i % 2 ? ('override' as const) : ('outside-plan' as const),
      processId: `p${i}`,
    }));

  it('passes exactly the maximum of 3 and flags the 4th, as a warning of an unconfirmed threshold', () => {
    expect(exceptionCounts(policy, entries(3))[0]).toMatchObject({ total: 3, overrides: 1, outsidePlan: 2 });
    expect(exceptionCounts(policy, entries(3))[0]!.verdict).toMatchObject({ status: 'passed' });
    const [over] = exceptionCounts(policy, entries(4));
    expect(over!.verdict).toMatchObject({ ruleId: 'power.exceptions-per-authority', status: 'warning' });
    expect(over!.processIds).toEqual(['p0', 'p1', 'p2', 'p3']);
  });

  it('counts each authority and each year apart, the latest year first', () => {
    const rows = exceptionCounts(policy, [...entries(2, 'A', 2025), ...entries(3, 'B', 2026), ...entries(1, 'A', 2026)]);
    expect(rows.map((r) => [r.authority, r.year, r.total])).toEqual([
      ['B', 2026, 3],
      ['A', 2026, 1],
      ['A', 2025, 2],
    ]);
  });
});
