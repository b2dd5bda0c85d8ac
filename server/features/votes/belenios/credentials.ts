// Voter credentials (specification 4.8): XXX-XXX-XXX-XXX-XXX over Base58 with a mod-53 checksum; the secret exponent
// is PBKDF2-HMAC-SHA256(credential, uuid, 1000 iterations, one block) mod q; the public credential is g^secret.
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { BASE58, gPow, mod, q, randomBase58 } from './group';

function base58Value(chars: string): bigint {
  let n = 0n;
  for (const ch of chars) {
    const d = BASE58.indexOf(ch);
    if (d < 0) throw new Error(`ký tự không hợp lệ trong mã bỏ phiếu / invalid credential character '${ch}'`);
    n = n * 58n + BigInt(d);
  }
  return n;
}

/**
 * The specification's "53 − c1 mod 53" is 53 − (c1 mod 53), from 1 to 53: a body divisible by 53 takes the digit 53
 * ('v'), not 0 ('1'). Reducing the whole expression mod 53 made one credential in 53 disagree with belenios-tool.
 */
export function checksumChar(first14: string): string {
  return BASE58[53 - Number(mod(base58Value(first14), 53n))]!;
}

/** A fresh secret credential, formatted with dashes. */
export function generateCredential(): string {
  const body = randomBase58(14);
  const raw = body + checksumChar(body);
  return raw.match(/.{3}/g)!.join('-');
}

/** Checks format and checksum; returns the credential as typed (dashes kept: the secret is derived from the string). */
export function checkCredential(credential: string): boolean {
  const raw = credential.replace(/-/g, '');
  if (!/^[1-9A-HJ-NP-Za-km-z]{15}$/.test(raw)) return false;
  if (credential.includes('-') && !/^(.{3}-){4}.{3}$/.test(credential)) return false;
  return checksumChar(raw.slice(0, 14)) === raw[14];
}

export function credentialSecret(credential: string, uuid: string): bigint {
  const out = pbkdf2(sha256, credential, uuid, { c: 1000, dkLen: 32 });
  return mod(BigInt('0x' + bytesToHex(out)), q);
}

export const publicCredential = (credential: string, uuid: string): bigint => gPow(credentialSecret(credential, uuid));
