import { describe, expect, it } from 'vitest';
import { g, gPow, mulp, p, pow, powMany, powWindow, q, randomZq } from './group';
import { iprove, iverify, iverifyMember } from './proofs';

// The booth computes the simulated branches' commitments from g's and y's tables only (it knows r); the verifier
// computes them the textbook way. Every branch of every interval must agree, or the proof would not verify.
describe('interval proofs made in the booth', () => {
  const y = gPow(randomZq());
  const encrypt = (m: number, r: bigint) => ({ alpha: gPow(r), beta: mulp(pow(y, r, true), pow(g, BigInt(m))) });

  it.each([
    { ms: [0, 1], index: 0 },
    { ms: [0, 1], index: 1 },
    { ms: [0, 1, 2, 3], index: 0 },
    { ms: [0, 1, 2, 3], index: 2 },
    { ms: [0, 1, 2, 3], index: 3 },
  ])('verify for the true value at position $index of $ms', ({ ms, index }) => {
    const r = randomZq();
    const ct = encrypt(ms[index]!, r);
    expect(iverify('S', y, ct, iprove('S', y, ct, r, index, ms), ms)).toBe(true);
  });

  it('do not verify when the ciphertext holds a value outside the interval', () => {
    const r = randomZq();
    const ct = encrypt(2, r);
    expect(iverify('S', y, ct, iprove('S', y, ct, r, 1, [0, 1]), [0, 1])).toBe(false);
  });

  it('do not verify under another context string', () => {
    const r = randomZq();
    const ct = encrypt(1, r);
    expect(iverify('T', y, ct, iprove('S', y, ct, r, 1, [0, 1]), [0, 1])).toBe(false);
  });
});

describe('several powers of one base with shared squarings (powMany)', () => {
  it('equals one exponentiation per exponent, at the edges of the exponents', () => {
    const base = gPow(randomZq());
    const exps = [0n, 1n, 15n, 16n, 255n, q - 1n, q, (1n << 256n) - 1n, randomZq(), randomZq()];
    expect(powMany(base, exps)).toEqual(exps.map((e) => powWindow(base, e)));
    expect(powMany(base, [])).toEqual([]);
  });

  it('tests membership: x^q is 1 inside the order-q subgroup and not for p − 1', () => {
    expect(powMany(gPow(randomZq()), [q])).toEqual([1n]);
    expect(powMany(p - 1n, [q])[0]).not.toBe(1n);
  });
});

describe('a ballot ciphertext checked with its membership (iverifyMember)', () => {
  const y = gPow(randomZq());
  const r = randomZq();
  const ct = { alpha: gPow(r), beta: mulp(pow(y, r, true), g) };
  const proofs = iprove('S', y, ct, r, 1, [0, 1]);

  it('accepts an honest encryption of 1 and its proof', () => {
    expect(iverifyMember('S', y, ct, proofs, [0, 1])).toBe(true);
  });
  it('says the proof fails when the ciphertext is in the group but the proof is for another one', () => {
    expect(iverifyMember('S', y, { ...ct, beta: mulp(ct.beta, g) }, proofs, [0, 1])).toBe(false);
    expect(iverifyMember('S', y, ct, proofs.slice(0, 1), [0, 1])).toBe(false);
  });
  it('says "not a member" for an element outside the subgroup, 1, p and beyond', () => {
    expect(iverifyMember('S', y, { ...ct, beta: p - ct.beta }, proofs, [0, 1])).toBe('not-member');
    expect(iverifyMember('S', y, { ...ct, alpha: p - ct.alpha }, proofs.slice(0, 1), [0, 1])).toBe('not-member');
    expect(iverifyMember('S', y, { ...ct, alpha: 1n }, proofs, [0, 1])).toBe('not-member');
    expect(iverifyMember('S', y, { ...ct, beta: p }, proofs, [0, 1])).toBe('not-member');
    expect(iverifyMember('S', y, { ...ct, beta: ct.beta + p }, proofs, [0, 1])).toBe('not-member');
  });
});
