// The BELENIOS-2048 group (Belenios specification 2.0, section 5.1), modular arithmetic on bigint, hashing and
// randomness. Pure: no Node-only APIs, so the browser booth runs the same code as the server.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export const GROUP_NAME = 'BELENIOS-2048';
export const p =
  20694785691422546401013643657505008064922989295751104097100884787057374219242717401922237254497684338129066633138078958404960054389636289796393038773905722803605973749427671376777618898589872735865049081167099310535867780980030790491654063777173764198678527273474476341835600035698305193144284561701911000786737307333564123971732897913240474578834468260652327974647951137672658693582180046317922073668860052627186363386088796882120769432366149491002923444346373222145884100586421050242120365433561201320481118852408731077014151666200162313177169372189248078507711827842317498073276598828825169183103125680162072880719n;
export const g =
  2402352677501852209227687703532399932712287657378364916510075318787663274146353219320285676155269678799694668298749389095083896573425601900601068477164491735474137283104610458681314511781646755400527402889846139864532661215055797097162016168270312886432456663834863635782106154918419982534315189740658186868651151358576410138882215396016043228843603930989333662772848406593138406010231675095763777982665103606822406635076697764025346253773085133173495194248967754052573659049492477631475991575198775177711481490920456600205478127054728238140972518639858334115700568353695553423781475582491896050296680037745308460627n;
export const q = 78571733251071885079927659812671450121821421258408794611510081919805623223441n;

export const mod = (a: bigint, m: bigint): bigint => {
  const r = a % m;
  return r < 0n ? r + m : r;
};
export const mulp = (a: bigint, b: bigint): bigint => (a * b) % p;

/** Sliding 4-bit window exponentiation modulo p. */
export function powWindow(base: bigint, e: bigint): bigint {
  if (e === 0n) return 1n;
  const b = mod(base, p);
  const table: bigint[] = [1n, b];
  for (let i = 2; i < 16; i++) table[i] = (table[i - 1]! * b) % p;
  let r = 1n;
  for (const ch of e.toString(16)) {
    r = (r * r) % p;
    r = (r * r) % p;
    r = (r * r) % p;
    r = (r * r) % p;
    const d = parseInt(ch, 16);
    if (d) r = (r * table[d]!) % p;
  }
  return r;
}

/**
 * base^e for several exponents of one base (each 0 ≤ e < 2^256, not reduced: x^q tests membership), Yao's method:
 * the 252 squarings base^(16^i) are made once and shared, then each exponent costs one multiplication per non-zero
 * hex digit plus 30 to combine the digit buckets. Three exponents cost ~540 multiplications instead of ~990.
 */
export function powMany(base: bigint, exps: readonly bigint[]): bigint[] {
  const b = mod(base, p);
  const digits = exps.map((e) => {
    if (e < 0n) throw new Error('negative exponent');
    return e === 0n ? [] : [...e.toString(16)].reverse().map((c) => parseInt(c, 16));
  });
  const len = Math.max(0, ...digits.map((d) => d.length));
  const powers: bigint[] = [b];
  for (let i = 1; i < len; i++) {
    let x = powers[i - 1]!;
    x = (x * x) % p;
    x = (x * x) % p;
    x = (x * x) % p;
    x = (x * x) % p;
    powers.push(x);
  }
  return digits.map((ds) => {
    const buckets: (bigint | undefined)[] = [];
    ds.forEach((d, i) => {
      if (d) buckets[d] = buckets[d] === undefined ? powers[i]! : (buckets[d] * powers[i]!) % p;
    });
    let acc: bigint | undefined;
    let result = 1n;
    for (let d = 15; d >= 1; d--) {
      const bucket = buckets[d];
      if (bucket !== undefined) acc = acc === undefined ? bucket : (acc * bucket) % p;
      if (acc !== undefined) result = (result * acc) % p;
    }
    return result;
  });
}

// Fixed-base tables for bases used thousands of times (g, the election key): table[i][d] = base^(d·2^(W·i)), W-bit
// digits, so base^e costs one multiplication per non-zero digit of e and no squaring. Wider digits cost more to
// build than they save on one ballot (measured: 6 bits is slower in the booth), so 4.
const W = 4;
const DIGITS = Math.ceil(256 / W);
const MASK = BigInt((1 << W) - 1);
const fixedTables = new Map<bigint, bigint[][]>();
function fixedTable(base: bigint): bigint[][] {
  let t = fixedTables.get(base);
  if (t) return t;
  t = [];
  let cur = base;
  for (let i = 0; i < DIGITS; i++) {
    const row: bigint[] = [1n, cur];
    for (let d = 2; d < 1 << W; d++) row[d] = (row[d - 1]! * cur) % p;
    t.push(row);
    cur = (row[(1 << W) - 1]! * cur) % p;
  }
  if (fixedTables.size > 8) fixedTables.delete(fixedTables.keys().next().value!);
  fixedTables.set(base, t);
  return t;
}

/** base^e mod p; exponents are reduced modulo q (every base is in the order-q subgroup or checked to be). */
export function pow(base: bigint, e: bigint, fixed = false): bigint {
  const x = mod(e, q);
  if (!fixed) return powWindow(base, x);
  const t = fixedTable(base);
  let r = 1n;
  let i = 0;
  let v = x;
  while (v > 0n) {
    const d = Number(v & MASK);
    if (d) r = (r * t[i]![d]!) % p;
    v >>= BigInt(W);
    i++;
  }
  return r;
}

export const gPow = (e: bigint): bigint => pow(g, e, true);

/** Modular inverse modulo m (extended Euclid). */
export function invert(a: bigint, m: bigint = p): bigint {
  let [oldR, r] = [mod(a, m), m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const quotient = oldR / r;
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  if (oldR !== 1n) throw new Error('not invertible');
  return mod(oldS, m);
}

/** Membership in the order-q subgroup: 1 < x < p and x^q = 1. */
export function isGroupElement(x: bigint): boolean {
  return x > 1n && x < p && powWindow(x, q) === 1n;
}

const DECIMAL = /^(0|[1-9][0-9]*)$/;
/** Parses a decimal string as the specification writes numbers; throws on anything else. */
export function parseNumber(s: unknown, what: string): bigint {
  if (typeof s !== 'string' || !DECIMAL.test(s)) throw new Error(`${what}: not a decimal number`);
  return BigInt(s);
}

export const sha256Hex = (s: string): string => bytesToHex(sha256(utf8ToBytes(s)));
export const sha256HexBytes = (b: Uint8Array): string => bytesToHex(sha256(b));

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Base64 without padding, as HJSON and Base64Compact in the specification. */
export function base64NoPad(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}
/** HJSON(J) = BASE64(SHA256(J)) without padding: election fingerprint, ballot hash and smart ballot tracker. */
export const hashJson = (s: string): string => base64NoPad(sha256(utf8ToBytes(s)));

/** SHA256(prefix ‖ elements joined by commas) mod q, the challenge of every proof. */
export function hashToZq(prefix: string, elements: bigint[]): bigint {
  return mod(BigInt('0x' + sha256Hex(prefix + elements.map((x) => x.toString()).join(','))), q);
}

function randomBytes(n: number): Uint8Array {
  const b = new Uint8Array(n);
  globalThis.crypto.getRandomValues(b);
  return b;
}
/** Uniform random element of Zq (rejection sampling on 256 bits). */
export function randomZq(): bigint {
  for (;;) {
    const x = BigInt('0x' + bytesToHex(randomBytes(32)));
    if (x < q) return x;
  }
}

export const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** Random string over the Base58 alphabet (uuids, trustee seeds). */
export function randomBase58(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < 58 * 4 && out.length < length) out += BASE58[byte % 58];
    }
  }
  return out;
}
