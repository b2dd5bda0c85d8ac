// Trustees (specification 4.5–4.7): "Single" keys and the Pedersen threshold key ceremony, verification of the
// published trustees structure and the election public key it yields.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  GROUP_NAME,
  gPow,
  invert,
  isGroupElement,
  mod,
  mulp,
  parseNumber,
  pow,
  q,
  randomBase58,
  randomZq,
  sha256Hex,
} from './group';
import { proofFromJson, proofToJson, schnorrProve, schnorrVerify } from './proofs';
import type { SignedMsg, ThresholdParameters, TrusteePublicKey, Trustees } from './types';

const pokPrefix = (X: bigint): string => `pok|${GROUP_NAME}|${X}|`;

/** A trustee_public_key for private key x, with its proof of knowledge. */
export function trusteePublicKey(x: bigint): TrusteePublicKey {
  const X = gPow(x);
  return { pok: proofToJson(schnorrProve(x, pokPrefix(X))), public_key: X.toString() };
}
export function checkTrusteePublicKey(k: TrusteePublicKey, what: string): bigint {
  const X = parseNumber(k?.public_key, `${what}.public_key`);
  if (!isGroupElement(X)) throw new Error(`${what}: public key is not a group element`);
  if (!schnorrVerify(X, proofFromJson(k.pok, `${what}.pok`), pokPrefix(X)))
    throw new Error(`${what}: proof of knowledge of the private key fails`);
  return X;
}

// --- PKI of the threshold ceremony (4.6.1) ---
export const deriveSigningKey = (seed: string): bigint => BigInt('0x' + sha256Hex(`sk|${seed}`));
export const deriveDecryptionKey = (seed: string): bigint => BigInt('0x' + sha256Hex(`dk|${seed}`));

export function signMessage(sk: bigint, message: string): SignedMsg {
  return { message, signature: proofToJson(schnorrProve(sk, `sigmsg|${message}|`)) };
}
export function verifySignedMessage(vk: bigint, m: SignedMsg, what: string): boolean {
  return schnorrVerify(vk, proofFromJson(m?.signature, `${what}.signature`), `sigmsg|${m.message}|`);
}

// Channels: ElGamal key transport as 4.6.1; the symmetric layer is AES-256-GCM from WebCrypto (present in browsers
// and Node) instead of the reference's AES-CCM, so only CanBo trustees can talk to each other during a ceremony.
// Nothing encrypted is published: the trustees structure that results is exactly the specification's.
async function aes(key: string, iv: string, data: Uint8Array, encrypt: boolean): Promise<Uint8Array> {
  const own = (b: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(b);
  const k = await globalThis.crypto.subtle.importKey('raw', own(sha256(utf8ToBytes(key))), 'AES-GCM', false, [
    encrypt ? 'encrypt' : 'decrypt',
  ]);
  const params = { name: 'AES-GCM', iv: own(sha256(utf8ToBytes(iv)).slice(0, 12)) };
  const out = encrypt
    ? await globalThis.crypto.subtle.encrypt(params, k, own(data))
    : await globalThis.crypto.subtle.decrypt(params, k, own(data));
  return new Uint8Array(out);
}
async function encryptTo(ek: bigint, plaintext: string): Promise<string> {
  const r = randomZq();
  const key = gPow(randomZq());
  const alpha = gPow(r);
  const beta = mulp(pow(ek, r), key);
  const data = await aes(`key|${key}`, `iv|${alpha}`, utf8ToBytes(plaintext), true);
  return JSON.stringify({ alpha: alpha.toString(), beta: beta.toString(), data: bytesToHex(data) });
}
async function decryptWith(dk: bigint, msg: string): Promise<string> {
  const m = JSON.parse(msg) as { alpha: string; beta: string; data: string };
  const alpha = BigInt(m.alpha);
  const key = mulp(BigInt(m.beta), invert(pow(alpha, dk)));
  return new TextDecoder().decode(await aes(`key|${key}`, `iv|${alpha}`, hexToBytes(m.data), false));
}
async function send(sk: bigint, recipient: bigint, message: string): Promise<string> {
  const signed = signMessage(sk, JSON.stringify({ recipient: recipient.toString(), message }));
  return encryptTo(recipient, JSON.stringify(signed));
}
async function receive(dk: bigint, senderVk: bigint, msg: string): Promise<string> {
  const signed = JSON.parse(await decryptWith(dk, msg)) as SignedMsg;
  if (!verifySignedMessage(senderVk, signed, 'channel'))
    throw new Error('chữ ký tin nhắn không hợp lệ / invalid signature on received message');
  const inner = JSON.parse(signed.message) as { recipient: string; message: string };
  if (BigInt(inner.recipient) !== gPow(dk)) throw new Error('sai người nhận / invalid recipient');
  return inner.message;
}

export interface CertKeys {
  verification: bigint;
  encryption: bigint;
}
export function certKeys(cert: SignedMsg, what = 'cert'): CertKeys {
  const k = JSON.parse(cert.message) as { verification: string; encryption: string };
  const keys = {
    verification: parseNumber(k.verification, `${what}.verification`),
    encryption: parseNumber(k.encryption, `${what}.encryption`),
  };
  if (!isGroupElement(keys.verification) || !isGroupElement(keys.encryption))
    throw new Error(`${what}: keys are not group elements`);
  if (!verifySignedMessage(keys.verification, cert, what)) throw new Error(`${what}: certificate signature fails`);
  return keys;
}

/** Step 1: a fresh seed (kept by the trustee only) and the certificate sent to the server. */
export function ceremonyStep1(): { seed: string; cert: SignedMsg } {
  const seed = randomBase58(22);
  const sk = deriveSigningKey(seed);
  const dk = deriveDecryptionKey(seed);
  const message = JSON.stringify({ verification: gPow(sk).toString(), encryption: gPow(dk).toString() });
  return { seed, cert: signMessage(sk, message) };
}

function myIndex(certs: SignedMsg[], seed: string): number {
  const vk = gPow(deriveSigningKey(seed));
  const ek = gPow(deriveDecryptionKey(seed));
  const i = certs.map((c, k) => certKeys(c, `certs[${k}]`)).findIndex((k) => k.verification === vk && k.encryption === ek);
  if (i < 0) throw new Error('không tìm thấy chứng thư của mình / could not find my certificate');
  return i;
}

export interface Polynomial {
  polynomial: string;
  secrets: string[];
  coefexps: SignedMsg;
}
/** Step 3: a random polynomial of degree threshold−1; its shares go to each trustee through the channels. */
export async function ceremonyStep3(certs: SignedMsg[], seed: string, threshold: number): Promise<Polynomial> {
  myIndex(certs, seed);
  const sk = deriveSigningKey(seed);
  const ek = gPow(deriveDecryptionKey(seed));
  const coefficients = Array.from({ length: threshold }, () => randomZq());
  const evalAt = (x: bigint) => coefficients.reduceRight((acc, a) => mod(acc * x + a, q), 0n);
  const polynomial = await send(sk, ek, JSON.stringify({ polynomial: coefficients.map(String) }));
  const secrets: string[] = [];
  for (const [j, cert] of certs.entries()) {
    secrets.push(await send(sk, certKeys(cert).encryption, JSON.stringify({ secret: evalAt(BigInt(j + 1)).toString() })));
  }
  const coefexps = signMessage(sk, JSON.stringify({ coefexps: coefficients.map((a) => gPow(a).toString()) }));
  return { polynomial, secrets, coefexps };
}

export interface Vinput {
  polynomial: string;
  secrets: string[];
  coefexps: SignedMsg[];
}
/** Step 4 (server): routes each trustee's shares to it, after checking every coefexps signature. */
export function ceremonyStep4(certs: SignedMsg[], polynomials: Polynomial[]): Vinput[] {
  const keys = certs.map((c, i) => certKeys(c, `certs[${i}]`));
  polynomials.forEach((pol, i) => {
    if (!verifySignedMessage(keys[i]!.verification, pol.coefexps, `coefexps[${i}]`))
      throw new Error(`coefexps ${i + 1} does not validate`);
  });
  return certs.map((_, j) => ({
    polynomial: polynomials[j]!.polynomial,
    secrets: polynomials.map((pol) => pol.secrets[j]!),
    coefexps: polynomials.map((pol) => pol.coefexps),
  }));
}

const coefexpsOf = (m: SignedMsg): bigint[] =>
  (JSON.parse(m.message) as { coefexps: string[] }).coefexps.map((x, k) => parseNumber(x, `coefexps[${k}]`));
/** g^(Σ_i f_i(j)) recomputed from the public coefficient commitments, for trustee j (1-based). */
export function expectedVerificationKey(coefexps: bigint[][], j: number): bigint {
  const jj = BigInt(j);
  let vk = 1n;
  for (const c of coefexps) {
    let jk = 1n;
    for (const a of c) {
      vk = mulp(vk, pow(a, jk));
      jk = mod(jk * jj, q);
    }
  }
  return vk;
}

export interface Voutput {
  private_key: string;
  public_key: TrusteePublicKey;
}
/** Step 5: the trustee checks every share against the commitments and derives its decryption key share. */
export async function ceremonyStep5(certs: SignedMsg[], seed: string, vinput: Vinput): Promise<Voutput> {
  const j = myIndex(certs, seed) + 1;
  const sk = deriveSigningKey(seed);
  const dk = deriveDecryptionKey(seed);
  const keys = certs.map((c, i) => certKeys(c, `certs[${i}]`));
  let share = 0n;
  for (const [i, enc] of vinput.secrets.entries()) {
    const s = BigInt((JSON.parse(await receive(dk, keys[i]!.verification, enc)) as { secret: string }).secret);
    if (!verifySignedMessage(keys[i]!.verification, vinput.coefexps[i]!, `coefexps[${i}]`))
      throw new Error(`coefexps ${i + 1} does not validate`);
    const A = coefexpsOf(vinput.coefexps[i]!);
    if (gPow(s) !== expectedVerificationKey([A], j))
      throw new Error(`phần khóa từ thành viên ${i + 1} không khớp cam kết / share from trustee ${i + 1} is inconsistent`);
    share = mod(share + s, q);
  }
  return {
    private_key: await send(sk, gPow(dk), JSON.stringify({ private_key: share.toString() })),
    public_key: trusteePublicKey(share),
  };
}

/** Step 6 (server): checks the voutputs and assembles the threshold parameters published in the election. */
export function ceremonyStep6(certs: SignedMsg[], polynomials: Polynomial[], voutputs: Voutput[]): ThresholdParameters {
  const coefexps = polynomials.map((pol) => pol.coefexps);
  const commitments = coefexps.map(coefexpsOf);
  voutputs.forEach((vo, i) => {
    const X = checkTrusteePublicKey(vo.public_key, `voutputs[${i}]`);
    if (X !== expectedVerificationKey(commitments, i + 1))
      throw new Error(`khóa công khai của thành viên ${i + 1} sai / voutput ${i + 1} does not match the commitments`);
  });
  return { threshold: commitments[0]!.length, certs, coefexps, verification_keys: voutputs.map((v) => v.public_key) };
}

/** The trustee's decryption key share, recovered with its seed from the encrypted private_key kept by the server. */
export async function recoverKeyShare(seed: string, encryptedPrivateKey: string): Promise<bigint> {
  const dk = deriveDecryptionKey(seed);
  const msg = await receive(dk, gPow(deriveSigningKey(seed)), encryptedPrivateKey);
  return BigInt((JSON.parse(msg) as { private_key: string }).private_key);
}

/** Checks the trustees structure (every proof, every commitment) and returns the election public key y. */
export function verifyTrustees(trustees: Trustees): bigint {
  if (!Array.isArray(trustees) || trustees.length === 0) throw new Error('trustees: empty');
  let y = 1n;
  trustees.forEach((t, i) => {
    const where = `trustees[${i}]`;
    if (t[0] === 'Single') {
      y = mulp(y, checkTrusteePublicKey(t[1], where));
      return;
    }
    if (t[0] !== 'Pedersen') throw new Error(`${where}: unknown kind`);
    const params = t[1];
    const n = params.certs.length;
    if (params.coefexps.length !== n || params.verification_keys.length !== n)
      throw new Error(`${where}: certs, coefexps and verification keys differ in number`);
    const keys = params.certs.map((c, k) => certKeys(c, `${where}.certs[${k}]`));
    const commitments = params.coefexps.map((c, k) => {
      if (!verifySignedMessage(keys[k]!.verification, c, `${where}.coefexps[${k}]`))
        throw new Error(`${where}.coefexps[${k}]: signature fails`);
      return coefexpsOf(c);
    });
    if (commitments.some((c) => c.length !== params.threshold))
      throw new Error(`${where}: threshold does not match the polynomials' degree`);
    params.verification_keys.forEach((vk, k) => {
      const X = checkTrusteePublicKey(vk, `${where}.verification_keys[${k}]`);
      if (X !== expectedVerificationKey(commitments, k + 1))
        throw new Error(`${where}.verification_keys[${k}]: does not match the commitments`);
    });
    y = commitments.reduce((acc, c) => mulp(acc, c[0]!), y);
  });
  return y;
}

/** The flat list of trustee verification keys in owner order (owner = index + 1). */
export function trusteeKeys(trustees: Trustees): { key: bigint; item: number }[] {
  return trustees.flatMap((t, item) =>
    t[0] === 'Single'
      ? [{ key: BigInt(t[1].public_key), item }]
      : t[1].verification_keys.map((k) => ({ key: BigInt(k.public_key), item })),
  );
}
