// The public bulletin board (specification 4.4): an old-style tar archive, append-only, starting with a BELENIOS
// header, then data files and events named by the SHA-256 of their contents; events form a hash chain.
import { sha256HexBytes } from './group';
import type { ArchiveEvent, EventType } from './types';

export interface ArchiveEntry {
  name: string;
  content: Uint8Array;
  mtime: number;
}

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });
export const text = (b: Uint8Array): string => dec.decode(b);

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

/** One v7 tar member exactly as belenios-tool writes it (no ustar magic, no end-of-archive blocks). */
export function tarMember(name: string, content: Uint8Array, mtime: number): Uint8Array {
  const header = new Uint8Array(512);
  const put = (s: string, offset: number) => header.set(enc.encode(s), offset);
  put(name, 0);
  put('0000644\0', 100);
  put('0000000\0', 108);
  put('0000000\0', 116);
  put(octal(content.length, 12), 124);
  put(octal(mtime, 12), 136);
  put('        ', 148);
  put('0', 156);
  const sum = header.reduce((a, b) => a + b, 0);
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  const padded = new Uint8Array(512 + Math.ceil(content.length / 512) * 512);
  padded.set(header, 0);
  padded.set(content, 512);
  return padded;
}

function readOctal(b: Uint8Array, offset: number, length: number): number {
  const s = String.fromCharCode(...b.subarray(offset, offset + length))
    .replace(/[\0 ]+$/g, '')
    .trim();
  if (!/^[0-7]*$/.test(s)) throw new Error('tar header: bad number');
  return s === '' ? 0 : parseInt(s, 8);
}

/** Reads every member; a corrupted header (checksum) or a truncated member is an error naming its offset. */
export function readTar(bytes: Uint8Array): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  let offset = 0;
  while (offset + 512 <= bytes.length) {
    const header = bytes.subarray(offset, offset + 512);
    if (header.every((x) => x === 0)) break;
    const expected = readOctal(header, 148, 8);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
    if (sum !== expected) throw new Error(`tar: header at byte ${offset} is corrupted (checksum)`);
    const nameEnd = header.indexOf(0);
    const name = text(header.subarray(0, nameEnd < 0 || nameEnd > 100 ? 100 : nameEnd));
    const size = readOctal(header, 124, 12);
    const mtime = readOctal(header, 136, 12);
    if (offset + 512 + size > bytes.length) throw new Error(`tar: member ${name} is truncated`);
    entries.push({ name, content: bytes.slice(offset + 512, offset + 512 + size), mtime });
    const end = offset + 512 + Math.ceil(size / 512) * 512;
    if (!bytes.subarray(offset + 512 + size, end).every((x) => x === 0)) throw new Error(`tar: non-zero padding after ${name}`);
    offset = end;
  }
  if (offset < bytes.length && !bytes.subarray(offset).every((x) => x === 0)) throw new Error(`tar: trailing bytes at ${offset}`);
  return entries;
}

/** Builds an archive incrementally; `bytes()` is the bulletin board at this point, `head` its last event hash. */
export class ArchiveWriter {
  private parts: Uint8Array[] = [];
  private height = -1;
  head: string | undefined;
  private readonly mtime: number;

  constructor(timestamp: number) {
    this.mtime = timestamp;
    this.parts.push(tarMember('BELENIOS', enc.encode(JSON.stringify({ version: 1, timestamp: String(timestamp) })), timestamp));
  }

  /** Adds a data file and returns its hash. */
  data(content: string): string {
    const bytes = enc.encode(content);
    const hash = sha256HexBytes(bytes);
    this.parts.push(tarMember(`${hash}.data.json`, bytes, this.mtime));
    return hash;
  }

  event(type: EventType, payload?: string): string {
    this.height += 1;
    const ev: ArchiveEvent = {
      ...(this.head ? { parent: this.head } : {}),
      height: this.height,
      type,
      ...(payload ? { payload } : {}),
    };
    const bytes = enc.encode(JSON.stringify(ev));
    const hash = sha256HexBytes(bytes);
    this.parts.push(tarMember(`${hash}.event.json`, bytes, this.mtime));
    this.head = hash;
    return hash;
  }

  bytes(): Uint8Array {
    const total = this.parts.reduce((a, p) => a + p.length, 0);
    const out = new Uint8Array(total);
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}
