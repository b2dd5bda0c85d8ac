// Tally (specification 4.15–4.19): last ballot per credential, homomorphic aggregation, partial decryptions with
// proofs, Lagrange combination for Pedersen trustees, and the result as discrete logarithms.
import { g, invert, isGroupElement, mod, mulp, parseNumber, pow, q } from './group';
import { decryptionProve, decryptionVerify, proofFromJson, proofToJson } from './proofs';
import type { Ballot, EncryptedTally, PartialDecryption, Trustees } from './types';

/** last(B): only the last ballot of each credential counts, in order of first appearance of the survivor. */
export function lastBallots<T extends { credential: string }>(ballots: T[]): T[] {
  const out: T[] = [];
  for (const b of ballots) {
    const i = out.findIndex((x) => x.credential === b.credential);
    if (i >= 0) out.splice(i, 1);
    out.push(b);
  }
  return out;
}

/** Pointwise product of the ciphertexts of all ballots, each raised to its weight. */
export function encryptedTally(nQuestions: number[], ballots: { ballot: Ballot; weight: bigint }[]): EncryptedTally {
  const acc = nQuestions.map((n) => Array.from({ length: n }, () => ({ alpha: 1n, beta: 1n })));
  for (const { ballot, weight } of ballots) {
    ballot.answers.forEach((a, i) =>
      a.choices.forEach((c, j) => {
        const cell = acc[i]![j]!;
        const alpha = weight === 1n ? BigInt(c.alpha) : pow(BigInt(c.alpha), weight);
        const beta = weight === 1n ? BigInt(c.beta) : pow(BigInt(c.beta), weight);
        cell.alpha = mulp(cell.alpha, alpha);
        cell.beta = mulp(cell.beta, beta);
      }),
    );
  }
  return acc.map((row) => row.map((c) => ({ alpha: c.alpha.toString(), beta: c.beta.toString() })));
}

/** A trustee's partial decryption of the encrypted tally with its key share x. */
export function partialDecrypt(tally: EncryptedTally, x: bigint, fingerprint: string): PartialDecryption {
  const X = pow(g, x, true);
  const factors: string[][] = [];
  const proofs: PartialDecryption['decryption_proofs'] = [];
  for (const row of tally) {
    const fs: string[] = [];
    const ps: PartialDecryption['decryption_proofs'][number] = [];
    for (const c of row) {
      const { factor, proof } = decryptionProve(x, X, BigInt(c.alpha), fingerprint);
      fs.push(factor.toString());
      ps.push(proofToJson(proof));
    }
    factors.push(fs);
    proofs.push(ps);
  }
  return { decryption_factors: factors, decryption_proofs: proofs };
}

export function checkPartialDecryption(
  tally: EncryptedTally,
  X: bigint,
  pd: PartialDecryption,
  fingerprint: string,
  what: string,
): void {
  if (pd.decryption_factors?.length !== tally.length || pd.decryption_proofs?.length !== tally.length)
    throw new Error(`${what}: wrong shape`);
  tally.forEach((row, i) => {
    if (pd.decryption_factors[i]!.length !== row.length || pd.decryption_proofs[i]!.length !== row.length)
      throw new Error(`${what}: wrong shape`);
    row.forEach((c, j) => {
      const f = parseNumber(pd.decryption_factors[i]![j], `${what}.decryption_factors[${i}][${j}]`);
      if (!isGroupElement(f)) throw new Error(`${what}.decryption_factors[${i}][${j}]: not a group element`);
      const proof = proofFromJson(pd.decryption_proofs[i]![j]!, `${what}.decryption_proofs[${i}][${j}]`);
      if (!decryptionVerify(X, BigInt(c.alpha), f, proof, fingerprint))
        throw new Error(`${what}.decryption_proofs[${i}][${j}]: decryption proof fails`);
    });
  });
}

function lagrange(indexes: number[], j: number): bigint {
  let acc = 1n;
  for (const k of indexes) {
    if (k === j) continue;
    acc = mod(acc * BigInt(k) * invert(BigInt(k - j), q), q);
  }
  return acc;
}

/**
 * Combines the partial decryptions (owner = 1-based index in the flattened trustees) into the synthetic factors.
 * Every Single trustee is needed; for a Pedersen item, the first `threshold` owners present are used.
 */
export function combineFactors(trustees: Trustees, tally: EncryptedTally, pds: Map<number, PartialDecryption>): bigint[][] {
  let owner = 0;
  let F = tally.map((row) => row.map(() => 1n));
  const mulInto = (pd: PartialDecryption, exponent: bigint) => {
    F = F.map((row, i) => row.map((f, j) => mulp(f, pow(BigInt(pd.decryption_factors[i]![j]!), exponent))));
  };
  trustees.forEach((t, item) => {
    if (t[0] === 'Single') {
      owner++;
      const pd = pds.get(owner);
      if (!pd)
        throw new Error(
          `thiếu giải mã thành phần của thành viên ${owner} / missing partial decryption of trustee ${owner} (item ${item})`,
        );
      mulInto(pd, 1n);
      return;
    }
    const first = owner + 1;
    const n = t[1].verification_keys.length;
    owner += n;
    const present = Array.from({ length: n }, (_, k) => k + 1).filter((k) => pds.has(first + k - 1));
    if (present.length < t[1].threshold) {
      throw new Error(
        `cần ít nhất ${t[1].threshold} trong ${n} thành viên ban kiểm phiếu, mới có ${present.length} / not enough partial decryptions (${present.length} of ${t[1].threshold})`,
      );
    }
    const used = present.slice(0, t[1].threshold);
    for (const k of used) mulInto(pds.get(first + k - 1)!, lagrange(used, k));
  });
  return F;
}

/** Discrete logarithm of g^m for 0 ≤ m ≤ bound (baby-step giant-step). */
export function smallLog(x: bigint, bound: number): number {
  const m = Math.ceil(Math.sqrt(bound + 1));
  const table = new Map<bigint, number>();
  let cur = 1n;
  for (let j = 0; j < m; j++) {
    table.set(cur, j);
    cur = mulp(cur, g);
  }
  const step = invert(pow(g, BigInt(m)));
  let y = x;
  for (let i = 0; i <= m; i++) {
    const j = table.get(y);
    if (j !== undefined && i * m + j <= bound) return i * m + j;
    y = mulp(y, step);
  }
  throw new Error('kết quả vượt quá tổng trọng số / result exceeds the total weight');
}

export function computeResult(tally: EncryptedTally, factors: bigint[][], totalWeight: number): number[][] {
  return tally.map((row, i) => row.map((c, j) => smallLog(mulp(BigInt(c.beta), invert(factors[i]![j]!)), totalWeight)));
}
