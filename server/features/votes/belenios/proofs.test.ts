import { describe, expect, it } from 'vitest';
import { g, gPow, mulp, pow, randomZq } from './group';
import { iprove, iverify } from './proofs';

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
