import { createHmac, randomBytes } from 'node:crypto';

// RFC 6238 TOTP (SHA-1, 30 s, 6 digits): what every authenticator app speaks.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = ALPHABET.indexOf(ch);
    if (idx < 0) throw new Error(`invalid base32 character ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

export const newTotpSecret = (): string => base32Encode(randomBytes(20));

export function hotp(secret: string, counter: number): string {
  const buf = Buffer.alloc(8);
  buf.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', base32Decode(secret)).update(buf).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return code.toString().padStart(6, '0');
}

export function totpAt(secret: string, unixMs: number): string {
  return hotp(secret, Math.floor(unixMs / 30_000));
}

/** Accepts the current step and one step either side, for clock drift. */
export function verifyTotp(secret: string, code: string, unixMs: number): boolean {
  const step = Math.floor(unixMs / 30_000);
  return [step - 1, step, step + 1].some((s) => hotp(secret, s) === code);
}

export function otpauthUri(secret: string, username: string): string {
  return `otpauth://totp/CanBo:${encodeURIComponent(username)}?secret=${secret}&issuer=CanBo&algorithm=SHA1&digits=6&period=30`;
}
