import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkDocumentNumber as check, citationKeys, normalizeNumber, numberKey } from './document-number.rules';
import { NUMBERING_FILE, loadNumberingPolicy } from './numbering.policy';

const policy = loadNumberingPolicy();
const checkDocumentNumber = (input: Parameters<typeof check>[1]) => check(policy, input);

describe('document numbers in the official patterns', () => {
  it.each([
    ['quy_dinh', 'bo_chinh_tri', '96-QĐ/TW', '2023-02-02'],
    ['quy_dinh', 'bo_chinh_tri', '377-QĐ/TW', '2025-10-08'],
    ['quyet_dinh', 'ban_bi_thu', '906-QĐ/TW', '2022-01-10'],
    ['ket_luan', 'bo_chinh_tri', '35-KL/TW', '2022-05-05'],
    ['nghi_quyet', 'ban_chap_hanh_tw', '21-NQ/TW', '2022-06-16'],
    ['huong_dan', 'ban_to_chuc_tw', '45-HD/BTCTW', undefined],
    ['huong_dan', 'ban_to_chuc_tinh_uy', '05-HD/BTCTU', '2026-04-15'],
    ['thong_bao', 'ban_bi_thu', '901-TB/TW', '2022-03-01'],
    ['ke_hoach', 'bo_chinh_tri', '902-KH/TW', '2022-03-01'],
    ['cong_van', 'ban_to_chuc_tw', '1234-CV/BTCTW', '2022-03-01'],
    ['nghi_dinh', 'chinh_phu', '170/2025/NĐ-CP', '2025-06-30'],
    ['nghi_dinh', 'chinh_phu', '01/2021/NĐ-CP', '2021-01-04'],
    ['nghi_quyet', 'quoc_hoi', '202/2025/QH15', '2025-06-12'],
    ['luat', 'quoc_hoi', '45/2019/QH14', '2019-11-20'],
    ['quyet_dinh', 'thu_tuong', '12/2025/QĐ-TTg', '2025-03-01'],
    ['thong_tu', 'bo_noi_vu', '01/2025/TT-BNV', '2025-01-15'],
    ['quyet_dinh', 'ubnd_tinh', '1234/QĐ-UBND', '2026-05-01'],
    ['nghi_quyet', 'hdnd_tinh', '15/2025/NQ-HĐND', '2025-07-10'],
    ['cong_van', 'bo_noi_vu', '5678/BNV-TCBC', '2025-07-10'],
    ['dieu_le', 'dai_hoi_dang', 'Điều lệ Đảng (2011)', '2011-01-19'],
  ] as const)('accepts a %s of %s numbered %s', (type, issuingBody, number, issuedOn) => {
    expect(checkDocumentNumber({ type, issuingBody, number, issuedOn })).toMatchObject({ valid: true, normalized: number });
  });

  it.each([
    ['ket_luan', 'bo_chinh_tri', '35-QĐ/TW', 'số-KL/TW'],
    ['quy_dinh', 'bo_chinh_tri', '96-QĐ/BTCTW', 'số-QĐ/TW'],
    ['quy_dinh', 'bo_chinh_tri', '96/QĐ-TW', 'số-QĐ/TW'],
    ['huong_dan', 'ban_to_chuc_tinh_uy', '5-HD/BTCTU', 'số-HD/BTCTU'],
    ['huong_dan', 'ban_to_chuc_tw', '0-HD/BTCTW', 'số-HD/BTCTW'],
    ['nghi_dinh', 'chinh_phu', '170/NĐ-CP', 'số/năm/NĐ-CP'],
    ['nghi_dinh', 'chinh_phu', '170/2025/ND-CP', 'số/năm/NĐ-CP'],
    ['nghi_quyet', 'quoc_hoi', '202/2025/NQ-QH15', 'số/năm/QH<khóa>'],
  ] as const)('rejects a %s of %s numbered %s and shows the pattern %s', (type, issuingBody, number, pattern) => {
    const check = checkDocumentNumber({ type, issuingBody, number, issuedOn: '2025-06-12' });
    expect(check.valid).toBe(false);
    expect(check.message).toContain(pattern);
    expect(check.messageEn).toBeTruthy();
  });

  it('requires the year in a normative number to be the year of issue', () => {
    const check = checkDocumentNumber({
      type: 'nghi_dinh',
      issuingBody: 'chinh_phu',
      number: '170/2025/NĐ-CP',
      issuedOn: '2024-12-31',
    });
    expect(check).toMatchObject({ valid: false, scheme: 'state-normative' });
    expect(check.message).toBe('Năm trong số hiệu (2025) phải là năm ban hành (2024)');
    expect(
      checkDocumentNumber({ type: 'nghi_dinh', issuingBody: 'chinh_phu', number: '170/2025/NĐ-CP', issuedOn: '2025-01-01' })
        .valid,
    ).toBe(true);
  });

  it('says when a body does not issue a type at all', () => {
    const check = checkDocumentNumber({ type: 'nghi_dinh', issuingBody: 'bo_chinh_tri', number: '1/2025/NĐ-CP' });
    expect(check.valid).toBe(false);
    expect(check.message).toBe('Bộ Chính trị không ban hành loại văn bản "Nghị định" theo thể thức hiện hành');
  });

  it('normalizes spacing, dashes and a leading "Số:"', () => {
    expect(normalizeNumber(' Số: 96 – QĐ / TW ')).toBe('96-QĐ/TW');
    expect(normalizeNumber('96-Q\u0110/TW'.normalize('NFD'))).toBe('96-QĐ/TW');
  });

  it('keeps the words of an unnumbered document and drops only the spaces around its separators', () => {
    expect(normalizeNumber('  Điều lệ   Đảng (2011) ')).toBe('Điều lệ Đảng (2011)');
    expect(numberKey('Điều lệ Đảng (2011)')).toBe('DIEULEDANG(2011)');
    expect(
      checkDocumentNumber({ type: 'dieu_le', issuingBody: 'dai_hoi_dang', number: 'Điều lệ Đảng (2011)', issuedOn: '2016-01-28' })
        .message,
    ).toBe('Năm trong số hiệu (2011) phải là năm ban hành (2016)');
  });

  it('every scheme cites its legal source and numbers at least one type', () => {
    for (const s of policy.schemes) {
      expect(s.citation.length).toBeGreaterThan(20);
      expect(Object.keys(s.types).length).toBeGreaterThan(0);
    }
  });
});

describe('the numbering patterns are policy data (policy/documents/numbering.yaml), checked when the server starts', () => {
  const shipped = fs.readFileSync(NUMBERING_FILE, 'utf8');
  const withText = (text: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'numbering-'));
    const file = path.join(dir, 'numbering.yaml');
    fs.writeFileSync(file, text);
    return () => loadNumberingPolicy(file);
  };

  it('loads the shipped file: every scheme with its citation, its examples fitting', () => {
    expect(policy.schemes.map((s) => s.id)).toEqual([
      'party',
      'party-statute',
      'state-law',
      'state-normative',
      'state-administrative',
      'state-letter',
    ]);
  });
  it('refuses a pattern that does not compile, naming the scheme', () => {
    expect(
      withText(
        shipped.replace(
          "pattern: '^(?<so>{so})-(?<loai>{loai})/(?<coquan>{coquan})$'",
          () => "pattern: '^(?<so>{so}-(?<loai>{loai})$'",
        ),
      ),
    ).toThrow(/numbering\.yaml:\n {2}- schemes\[0\] \(party\)\.pattern/);
  });
  it('refuses an example that does not fit its scheme', () => {
    expect(withText(shipped.replace("number: '377-QĐ/TW'", "number: '377/QĐ-TW'"))).toThrow(
      /schemes\[0\] \(party\)\.examples\[0\]: "377\/QĐ-TW" does not fit/,
    );
  });
  it('refuses an unknown document type or a body without its issuer, naming the field', () => {
    expect(withText(shipped.replace('types: { luat:', 'types: { bo_luat:'))).toThrow(/schemes\.2\.types/);
    expect(withText(shipped.replace("  ubnd_tinh: 'UBND'\n", ''))).toThrow(/issuers\.ubnd_tinh/);
    expect(withText(shipped.replace(/citation: 'Luật Ban hành[^\n]*/, "citation: 'x'"))).toThrow(/schemes\.2\.citation/);
  });
});

describe('citation keys', () => {
  it('folds a number so that typing without diacritics finds it', () => {
    expect(numberKey('96-QĐ/TW')).toBe('96-QD/TW');
    expect(numberKey('96-qd/tw')).toBe('96-QD/TW');
  });
  it.each([
    ['377-QĐ/TW', '377-QD/TW'],
    ['NĐ 170/2025', '170/2025/ND-CP'],
    ['Nghị định 138/2020', '138/2020/ND-CP'],
    ['Kết luận 35', '35-KL/TW'],
    ['KL 40', '40-KL/TW'],
    ['NQ 202/2025/QH15', '202/2025/QH15'],
    ['Quy định 96', '96-QD/TW'],
    ['HD 45-HD/BTCTW', '45-HD/BTCTW'],
    ['Bộ luật Lao động 45/2019/QH14', '45/2019/QH14'],
    ['Luật Phòng, chống tham nhũng 36/2018/QH14', '36/2018/QH14'],
    ['Kết luận số 35-KL/TW ngày 05/05/2022 của Bộ Chính trị', '35-KL/TW'],
    ['Nghị định 83/2022/NĐ-CP', '83/2022/ND-CP'],
    ['Quyết định 1234/QĐ-UBND', '1234/QD-UBND'],
  ])('reads %s as %s', (citation, key) => {
    expect(citationKeys(citation)).toContain(key);
  });
});
