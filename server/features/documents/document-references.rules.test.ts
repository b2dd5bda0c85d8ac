import { describe, expect, it } from 'vitest';
import { entriesNamedIn } from './document-references.rules';
import { numberKey } from './document-number.rules';

const register = new Map(
  ['96-QĐ/TW', '2-TTr/BTCTU', '12-TTr/BTCTU', '170/2025/NĐ-CP', '45/2019/QH14'].map((n) => [numberKey(n), n]),
);

describe('register entries named in a text', () => {
  it('finds whole numbers in sentences, with punctuation around them', () => {
    expect(entriesNamedIn('Căn cứ Quy định số 96-QĐ/TW, Nghị định 170/2025/NĐ-CP.', register)).toEqual([
      '96-QĐ/TW',
      '170/2025/NĐ-CP',
    ]);
    expect(entriesNamedIn('(45/2019/QH14); Tờ trình 12-TTr/BTCTU:', register)).toEqual(['45/2019/QH14', '12-TTr/BTCTU']);
  });

  it('does not take a number for the one it ends with (12-TTr is not 2-TTr), nor a longer one for a shorter', () => {
    expect(entriesNamedIn('Tờ trình 12-TTr/BTCTU ngày 02/3/2025', register)).toEqual(['12-TTr/BTCTU']);
    expect(entriesNamedIn('Quy định 196-QĐ/TW', register)).toEqual([]);
    expect(entriesNamedIn('Quy định 96-QĐ/TWx', register)).toEqual([]);
  });

  it('matches without diacritics or case, and names each entry once', () => {
    expect(entriesNamedIn('96-qd/tw và 96-QĐ/TW, số96-QĐ/TW', register)).toEqual(['96-QĐ/TW']);
  });

  it('finds nothing in a text without numbers', () => {
    expect(entriesNamedIn('Biên bản hội nghị', register)).toEqual([]);
    expect(entriesNamedIn('', register)).toEqual([]);
  });
});
