import { describe, expect, it } from 'vitest';
import { escapeLike, foldVietnamese } from './text';

describe('foldVietnamese', () => {
  it.each([
    ['Nguyễn Văn Đức', 'nguyen van duc'],
    ['ĐẶNG THỊ ĐÀO', 'dang thi dao'],
    ['  Hà   Giang ', 'ha giang'],
    ['Phường Hà Giang 1', 'phuong ha giang 1'],
  ])('folds %s to %s', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });
  it('folds precomposed and decomposed input identically', () => {
    expect(foldVietnamese('Nguyễn'.normalize('NFD'))).toBe(foldVietnamese('Nguyễn'.normalize('NFC')));
  });
});

describe('escapeLike', () => {
  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
