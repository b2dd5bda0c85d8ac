// Zero-knowledge proofs of the specification: disjunctive (interval) proofs 4.12, blank proofs 4.13, proofs of
// knowledge 4.5, decryption proofs 4.18 and Schnorr signatures 4.6.1/4.14. Every challenge hashes the statement and
// its context (the prefix S, the ciphertext, the keys), not only the commitments.
import { g, gPow, hashToZq, invert, mod, mulp, p, parseNumber, pow, powMany, q, randomZq } from './group';
import type { Proof } from './types';

export interface Ct {
  alpha: bigint;
  beta: bigint;
}
export interface Zkp {
  challenge: bigint;
  response: bigint;
}

export const proofToJson = (x: Zkp): Proof => ({ challenge: x.challenge.toString(), response: x.response.toString() });
export function proofFromJson(x: Proof, what: string): Zkp {
  const challenge = parseNumber(x?.challenge, `${what}.challenge`);
  const response = parseNumber(x?.response, `${what}.response`);
  if (challenge >= q || response >= q) throw new Error(`${what}: challenge or response not reduced modulo q`);
  return { challenge, response };
}

const invg = invert(g);
/** g^(-m) for small m (m may be negative). */
const gInvPow = (m: number): bigint => (m >= 0 ? pow(invg, BigInt(m)) : pow(g, BigInt(-m)));

/** g^a · base^b with g's precomputed table. */
const gTimes = (a: bigint, base: bigint, b: bigint): bigint => mulp(gPow(a), pow(base, b));
const yTimes = (y: bigint, a: bigint, base: bigint, b: bigint): bigint => mulp(pow(y, a, true), pow(base, b));

/** iprove(S, r, index, M0..Mk): (alpha, beta) = (g^r, y^r g^M_index). */
export function iprove(S: string, y: bigint, ct: Ct, r: bigint, index: number, ms: number[]): Zkp[] {
  const proofs: Zkp[] = [];
  const commitments: bigint[] = [];
  let sum = 0n;
  const w = randomZq();
  ms.forEach((m, j) => {
    if (j === index) {
      commitments.push(gPow(w), pow(y, w, true));
      proofs.push({ challenge: 0n, response: 0n });
      return;
    }
    const challenge = randomZq();
    const response = randomZq();
    proofs.push({ challenge, response });
    // The prover knows r (alpha = g^r, beta = y^r·g^M), so the simulated commitments g^response·alpha^challenge and
    // y^response·(beta/g^m)^challenge equal g^s and y^s·g^((M−m)·challenge) with s = response + r·challenge: the
    // same numbers, from the precomputed tables of g and y only (no variable-base exponentiation in the booth).
    const s = mod(response + r * challenge, q);
    commitments.push(gPow(s), mulp(pow(y, s, true), gPow(mod(BigInt(ms[index]! - m) * challenge, q))));
    sum += challenge;
  });
  const h = hashToZq(`prove|${S}|${ct.alpha},${ct.beta}|`, commitments);
  const challenge = mod(h - sum, q);
  proofs[index] = { challenge, response: mod(w - r * challenge, q) };
  return proofs;
}

/**
 * The commitments of a disjunctive proof: g^response·alpha^challenge and y^response·(beta/g^m)^challenge for each m,
 * written y^response·beta^challenge·g^(−m·challenge) (the same number in Z*p) so that alpha's and beta's powers come
 * from one shared pass each (powMany), with x^q as well when membership is checked along (`extra`).
 */
function icommitments(y: bigint, ct: Ct, proofs: Zkp[], ms: number[], extra: bigint[]) {
  const exps = proofs.map((x) => x.challenge);
  const alphas = powMany(ct.alpha, [...extra, ...exps]);
  const betas = powMany(ct.beta, [...extra, ...exps]);
  const commitments: bigint[] = [];
  let sum = 0n;
  ms.forEach((m, j) => {
    const { challenge, response } = proofs[j]!;
    const k = extra.length + j;
    commitments.push(
      mulp(gPow(response), alphas[k]!),
      mulp(mulp(pow(y, response, true), betas[k]!), m ? gPow(mod(-BigInt(m) * challenge, q)) : 1n),
    );
    sum += challenge;
  });
  return { commitments, sum, alphaExtra: alphas.slice(0, extra.length), betaExtra: betas.slice(0, extra.length) };
}

export function iverify(S: string, y: bigint, ct: Ct, proofs: Zkp[], ms: number[]): boolean {
  if (proofs.length !== ms.length) return false;
  const { commitments, sum } = icommitments(y, ct, proofs, ms, []);
  return hashToZq(`prove|${S}|${ct.alpha},${ct.beta}|`, commitments) === mod(sum, q);
}

/**
 * A ciphertext of a ballot: alpha and beta in the order-q subgroup (1 < x < p, x^q = 1) and its disjunctive proof,
 * the membership powers taken in the same pass as the proof's. 'not-member' is said before any proof verdict.
 */
export function iverifyMember(S: string, y: bigint, ct: Ct, proofs: Zkp[], ms: number[]): 'not-member' | boolean {
  if (!(ct.alpha > 1n && ct.alpha < p && ct.beta > 1n && ct.beta < p)) return 'not-member';
  if (proofs.length !== ms.length) {
    return powMany(ct.alpha, [q])[0] === 1n && powMany(ct.beta, [q])[0] === 1n ? false : 'not-member';
  }
  const { commitments, sum, alphaExtra, betaExtra } = icommitments(y, ct, proofs, ms, [q]);
  if (alphaExtra[0] !== 1n || betaExtra[0] !== 1n) return 'not-member';
  return hashToZq(`prove|${S}|${ct.alpha},${ct.beta}|`, commitments) === mod(sum, q);
}

/** Verification of blank_proof (m0 = 0 ∨ mΣ = 0) and overall_proof (m0 = 1 ∨ mΣ ∈ [min..max]), 4.13.3. */
export function verifyBlankProofs(
  S: string,
  y: bigint,
  c0: Ct,
  cS: Ct,
  overall: Zkp[],
  blank: Zkp[],
  min: number,
  max: number,
): boolean {
  if (blank.length !== 2 || overall.length !== max - min + 2) return false;
  const [b0, bS] = blank as [Zkp, Zkp];
  const blankCommitments = [
    gTimes(b0.response, c0.alpha, b0.challenge),
    yTimes(y, b0.response, c0.beta, b0.challenge),
    gTimes(bS.response, cS.alpha, bS.challenge),
    yTimes(y, bS.response, cS.beta, bS.challenge),
  ];
  if (hashToZq(`bproof0|${S}|`, blankCommitments) !== mod(b0.challenge + bS.challenge, q)) return false;
  const o0 = overall[0]!;
  const commitments = [gTimes(o0.response, c0.alpha, o0.challenge), yTimes(y, o0.response, mulp(c0.beta, invg), o0.challenge)];
  let sum = o0.challenge;
  for (let i = 1; i < overall.length; i++) {
    const { challenge, response } = overall[i]!;
    commitments.push(gTimes(response, cS.alpha, challenge), yTimes(y, response, mulp(cS.beta, gInvPow(min + i - 1)), challenge));
    sum += challenge;
  }
  return hashToZq(`bproof1|${S}|`, commitments) === mod(sum, q);
}

/** Fiat–Shamir proof of knowledge of x with X = g^x, challenge = H(prefix, g^w). */
export function schnorrProve(x: bigint, prefix: string): Zkp {
  const w = randomZq();
  const challenge = hashToZq(prefix, [gPow(w)]);
  return { challenge, response: mod(w - x * challenge, q) };
}
export function schnorrVerify(X: bigint, proof: Zkp, prefix: string): boolean {
  return hashToZq(prefix, [gTimes(proof.response, X, proof.challenge)]) === proof.challenge;
}

/** Decryption factor alpha^x with its proof (4.18): challenge = H(decrypt|φ|X|, g^w, alpha^w). */
export function decryptionProve(x: bigint, X: bigint, alpha: bigint, fingerprint: string): { factor: bigint; proof: Zkp } {
  const w = randomZq();
  const challenge = hashToZq(`decrypt|${fingerprint}|${X}|`, [gPow(w), pow(alpha, w)]);
  return { factor: pow(alpha, x), proof: { challenge, response: mod(w - x * challenge, q) } };
}
export function decryptionVerify(X: bigint, alpha: bigint, factor: bigint, proof: Zkp, fingerprint: string): boolean {
  const A = gTimes(proof.response, X, proof.challenge);
  const B = mulp(pow(alpha, proof.response), pow(factor, proof.challenge));
  return hashToZq(`decrypt|${fingerprint}|${X}|`, [A, B]) === proof.challenge;
}
