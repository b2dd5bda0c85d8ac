import { describe, expect, it } from 'vitest';
import { buildRecord } from './person.fixtures';
import { recordPolicy } from './person.policy';
import {
  addMonths,
  ageOn,
  checkCccd,
  checkRetirementOverride,
  formatPartialDate,
  neutralizeCell,
  parsePartialDate,
  parseVietnameseDate,
  splitName,
  validatePersonRecord,
  vietnameseSortKey,
} from './person.rules';

const policy = recordPolicy();
const TODAY = new Date('2026-11-27T10:00:00Z');

describe('partial dates', () => {
  it('accepts year-only, month-year and full dates that exist', () => {
    expect(parsePartialDate('1970')).toEqual({ year: 1970, month: null, day: null });
    expect(parsePartialDate('1970-05')).toEqual({ year: 1970, month: 5, day: null });
    expect(parsePartialDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
  });
  it('rejects days that do not exist', () => {
    expect(parsePartialDate('1970-02-31')).toBeNull();
    expect(parsePartialDate('1900-02-29')).toBeNull();
    expect(parsePartialDate('1970-13')).toBeNull();
    expect(parsePartialDate('1970-04-31')).toBeNull();
    expect(parsePartialDate('1970-00-10')).toBeNull();
  });
  it('reads Vietnamese dd/mm/yyyy input and refuses 31/02/1970', () => {
    expect(parseVietnameseDate('05/03/1970')).toBe('1970-03-05');
    expect(parseVietnameseDate('5/3/1970')).toBe('1970-03-05');
    expect(parseVietnameseDate('03/1970')).toBe('1970-03');
    expect(parseVietnameseDate('1970')).toBe('1970');
    expect(parseVietnameseDate('31/02/1970')).toBeNull();
    expect(parseVietnameseDate('hôm qua')).toBeNull();
  });
  it('formats like the form: dd/mm/yyyy, mm/yyyy or yyyy', () => {
    expect(formatPartialDate('1970-03-05')).toBe('05/03/1970');
    expect(formatPartialDate('1970-03')).toBe('03/1970');
    expect(formatPartialDate('1970')).toBe('1970');
  });
  it('adds months clamping to the end of the month', () => {
    expect(addMonths('2000-02-29', 12)).toBe('2001-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-03-15', -3)).toBe('2023-12-15');
  });
  it('counts age in completed years, the birthday itself included', () => {
    const b = parsePartialDate('1970-11-27')!;
    expect(ageOn(b, '2026-11-26')).toBe(55);
    expect(ageOn(b, '2026-11-27')).toBe(56);
    expect(ageOn(parsePartialDate('1970')!, '2026-01-01')).toBe(56);
    expect(ageOn(parsePartialDate('1970')!, '2025-12-31')).toBe(55);
  });
});

describe('earlier or later retirement, bounded by the policy (Labour Code 2019 art. 169 cl. 3–4)', () => {
  const man = { sex: 'M' as const, birthDate: '1970-05-15' }; // legal: 62 in 2032 → 31/05/2032
  const woman = { sex: 'F' as const, birthDate: '1980-02-10' }; // legal: 60 in 2040 → 29/02/2040 (leap year)
  const bound = policy.retirementExceptions;
  it('reads the bound from the labour pack, with its rule and citation', () => {
    expect(bound.id).toBe('retirement.exceptions');
    expect(bound.params).toEqual({ earlierMaxYears: 5, laterMaxYears: 5 });
    expect(bound.citation).toContain('Điều 169');
  });
  it('accepts exactly 5 years either way, to the last day of the month', () => {
    expect(checkRetirementOverride(man, 'earlier', '2027-05-31', policy)).toEqual([]);
    expect(checkRetirementOverride(man, 'later', '2037-05-31', policy)).toEqual([]);
    expect(checkRetirementOverride(man, 'earlier', '2032-05-30', policy)).toEqual([]);
    expect(checkRetirementOverride(man, 'later', '2032-06-01', policy)).toEqual([]);
    expect(checkRetirementOverride(woman, 'later', '2045-02-28', policy)).toEqual([]);
    expect(checkRetirementOverride(woman, 'earlier', '2035-02-28', policy)).toEqual([]);
  });
  it('refuses a day beyond the bound, naming the rule and the dates', () => {
    const late = checkRetirementOverride(man, 'later', '2037-06-01', policy);
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ path: 'retirementOverride.date', ruleId: 'retirement.exceptions' });
    expect(late[0]!.message).toContain('không quá 5 năm so với ngày theo luật 31/05/2032 (muộn nhất 31/05/2037)');
    expect(late[0]!.message).toContain('Điều 169');
    const early = checkRetirementOverride(man, 'earlier', '2027-05-30', policy);
    expect(early[0]!.message).toContain('sớm nhất 31/05/2027');
    expect(checkRetirementOverride(woman, 'later', '2045-03-01', policy)).toHaveLength(1);
  });
  it('refuses an "earlier" date that is not earlier and a "later" one that is not later', () => {
    expect(checkRetirementOverride(man, 'earlier', '2032-05-31', policy)[0]!.message).toContain(
      'phải trước ngày nghỉ hưu theo luật',
    );
    expect(checkRetirementOverride(man, 'later', '2032-05-31', policy)[0]!.message).toContain('phải sau ngày nghỉ hưu theo luật');
  });
  it('is checked on every record write', () => {
    const record = buildRecord({
      ...man,
      cccd: null,
      retirementOverride: { kind: 'later', date: '2040-01-31', reason: 'Giáo sư' },
    });
    expect(validatePersonRecord(record, policy, TODAY).map((i) => i.ruleId)).toContain('retirement.exceptions');
  });
});

describe('CCCD structure', () => {
  it('accepts a number whose province, century/sex digit and year match the person', () => {
    expect(checkCccd('008075001234', { sex: 'M', birthYear: 1975 }, policy)).toEqual([]);
    expect(checkCccd('008175001234', { sex: 'F', birthYear: 1975 }, policy)).toEqual([]);
    expect(checkCccd('001200000001', { sex: 'M', birthYear: 2000 }, policy)).toEqual([]);
    expect(checkCccd('001399000001', { sex: 'F', birthYear: 2099 }, policy)).toEqual([]);
  });
  it('refuses wrong length and non-digits', () => {
    for (const bad of ['00807500123', '0080750012345', '00807500123a', ''])
      expect(checkCccd(bad, {}, policy)[0]?.message).toContain('12 chữ số');
  });
  it('refuses a province code that does not exist (003 was never assigned)', () => {
    expect(checkCccd('003075001234', {}, policy)[0]?.message).toContain('mã tỉnh 003');
  });
  it('refuses a century/sex digit that contradicts the sex', () => {
    const issues = checkCccd('008075001234', { sex: 'F', birthYear: 1975 }, policy);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.ruleId).toBe('records.cccd.structure');
  });
  it('refuses year digits or a century that contradict the birth year', () => {
    expect(checkCccd('008076001234', { sex: 'M', birthYear: 1975 }, policy)).toHaveLength(1);
    expect(checkCccd('008275001234', { sex: 'M', birthYear: 1975 }, policy)).toHaveLength(1);
  });
});

describe('Vietnamese names', () => {
  it('splits family, middle and given names', () => {
    expect(splitName('Nguyễn Văn Đức')).toEqual({ family: 'Nguyễn', middle: 'Văn', given: 'Đức' });
    expect(splitName('Tôn Nữ Thị Ninh')).toEqual({ family: 'Tôn', middle: 'Nữ Thị', given: 'Ninh' });
    expect(splitName('Lò Páo')).toEqual({ family: 'Lò', middle: '', given: 'Páo' });
  });
  it('sorts by given name, then middle, then family, in the Vietnamese alphabet', () => {
    const names = [
      'Trần Văn Bình',
      'Nguyễn Thị Anh',
      'Lê Văn An',
      'Phạm Văn Ân',
      'Hoàng Văn Đức',
      'Nguyễn Văn Dũng',
      'Bùi Thị Ánh',
      'Vũ Văn An',
      'Lê Thị Ơn',
      'Lê Thị Ông',
    ];
    const sorted = [...names].sort((a, b) => (vietnameseSortKey(a) < vietnameseSortKey(b) ? -1 : 1));
    expect(sorted).toEqual([
      'Lê Văn An',
      'Vũ Văn An',
      // tones only break ties after given, middle and family names: Bùi Thị Ánh before Nguyễn Thị Anh
      'Bùi Thị Ánh',
      'Nguyễn Thị Anh',
      // â is a letter of its own, after a: Anh < Ân
      'Phạm Văn Ân',
      'Trần Văn Bình',
      'Nguyễn Văn Dũng',
      'Hoàng Văn Đức',
      'Lê Thị Ông',
      'Lê Thị Ơn',
    ]);
  });
  it('puts đ after every d and breaks ties between tones in dictionary order', () => {
    expect(vietnameseSortKey('A Văn Dương') < vietnameseSortKey('A Văn Đa')).toBe(true);
    const tones = ['A Ma', 'A Mà', 'A Má', 'A Mả', 'A Mã', 'A Mạ'];
    expect([...tones].reverse().sort((a, b) => (vietnameseSortKey(a) < vietnameseSortKey(b) ? -1 : 1))).toEqual(tones);
  });
});

describe('record validation', () => {
  it('accepts a consistent record', () => {
    expect(validatePersonRecord(buildRecord(), policy, TODAY)).toEqual([]);
  });
  it('refuses a birth date that does not exist or lies in the future', () => {
    expect(validatePersonRecord(buildRecord({ birthDate: '1970-02-31' }), policy, TODAY)[0]?.path).toBe('birthDate');
    expect(
      validatePersonRecord(buildRecord({ birthDate: '2027-01-01', cccd: null }), policy, TODAY).map((i) => i.path),
    ).toContain('birthDate');
  });
  it('admits to the Party on the 18th birthday but not the day before', () => {
    const base = { birthDate: '1980-06-15', cccd: '008080001234', partyOfficialDate: null };
    expect(validatePersonRecord(buildRecord({ ...base, partyAdmissionDate: '1998-06-15' }), policy, TODAY)).toEqual([]);
    const early = validatePersonRecord(buildRecord({ ...base, partyAdmissionDate: '1998-06-14' }), policy, TODAY);
    expect(early.map((i) => i.ruleId)).toEqual(['records.party.min-age']);
  });
  it('gives a year-only birth date the benefit of the doubt (counted from 1 January)', () => {
    const r = buildRecord({ birthDate: '1980', cccd: '008080001234', partyAdmissionDate: '1998', partyOfficialDate: null });
    expect(validatePersonRecord(r, policy, TODAY)).toEqual([]);
    const r2 = buildRecord({
      birthDate: '1980',
      cccd: '008080001234',
      partyAdmissionDate: '1997-12-31',
      partyOfficialDate: null,
    });
    expect(validatePersonRecord(r2, policy, TODAY).map((i) => i.ruleId)).toEqual(['records.party.min-age']);
  });
  it('refuses an age outside the plausible range (15–100) at its edges', () => {
    const ids = (birthDate: string) =>
      validatePersonRecord(
        buildRecord({ birthDate, cccd: null, partyAdmissionDate: null, partyOfficialDate: null, recruitmentDate: null }),
        policy,
        TODAY,
      ).map((i) => i.ruleId);
    expect(ids('2011-11-27')).toEqual([]); // 15 today
    expect(ids('2011-11-28')).toEqual(['records.age.plausible']); // 15 tomorrow
    expect(ids('1925-11-28')).toEqual([]); // 100, turning 101 tomorrow
    expect(ids('1925-11-27')).toEqual(['records.age.plausible']); // 101 today
  });
  it('makes a member official exactly 12 months after admission, not a day sooner', () => {
    const base = { partyAdmissionDate: '2001-05-19' };
    expect(validatePersonRecord(buildRecord({ ...base, partyOfficialDate: '2002-05-19' }), policy, TODAY)).toEqual([]);
    expect(
      validatePersonRecord(buildRecord({ ...base, partyOfficialDate: '2002-05-18' }), policy, TODAY).map((i) => i.ruleId),
    ).toEqual(['records.party.probation']);
  });
  it('refuses recruitment before 18 and work periods that end before they start', () => {
    expect(validatePersonRecord(buildRecord({ recruitmentDate: '1990-01-01' }), policy, TODAY).map((i) => i.ruleId)).toContain(
      'records.recruitment.min-age',
    );
    const r = buildRecord();
    r.workHistory = [
      {
        from: '2010-01',
        to: '2009-12',
        organizationId: null,
        organizationName: 'Sở Nội vụ',
        titleCode: null,
        titleName: 'Chuyên viên',
      },
    ];
    expect(validatePersonRecord(r, policy, TODAY).map((i) => i.path)).toEqual(['workHistory.0.to']);
  });
  it('asks for the year of an academic rank', () => {
    expect(validatePersonRecord(buildRecord({ academicRank: 'pho_giao_su' }), policy, TODAY).map((i) => i.path)).toEqual([
      'academicRankYear',
    ]);
  });
});

describe('formula injection', () => {
  it('neutralizes cells that start with = + - @ tab or CR and leaves others alone', () => {
    for (const v of ['=1+1', '+84', '-2', '@SUM(A1)', '\t=x', '\r=x']) expect(neutralizeCell(v)).toBe(`'${v}`);
    expect(neutralizeCell('Nguyễn Văn Đức')).toBe('Nguyễn Văn Đức');
    expect(neutralizeCell('1+1')).toBe('1+1');
  });
});
