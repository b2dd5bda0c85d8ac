// The bulletin board kept as rows: each row is one archive member (BELENIOS header, data file or event), in order.
import { tarMember } from './belenios/archive';
import { sha256Hex } from './belenios/group';
import type { ArchiveEvent, EventType } from './belenios/types';
import type { VoteBoardRow } from './vote.table';

/** Appends data files and events to a board, returning the new rows and the resulting head. */
export class BoardAppender {
  readonly rows: VoteBoardRow[] = [];
  private seq: number;
  private height: number;
  head: string | null;

  constructor(
    private readonly sessionId: string,
    existing: VoteBoardRow[],
  ) {
    const events = existing.filter((r) => r.name.endsWith('.event.json'));
    const last = events[events.length - 1];
    this.seq = existing.length;
    this.head = last ? last.name.slice(0, 64) : null;
    this.height = last ? (JSON.parse(last.content) as ArchiveEvent).height : -1;
  }

  /** Appends after a board known only by its tail (row count and last event), without reading it whole. */
  static after(sessionId: string, tail: { rows: number; lastEvent: { name: string; content: string } | null }): BoardAppender {
    const a = new BoardAppender(sessionId, []);
    a.seq = tail.rows;
    a.head = tail.lastEvent ? tail.lastEvent.name.slice(0, 64) : null;
    a.height = tail.lastEvent ? (JSON.parse(tail.lastEvent.content) as ArchiveEvent).height : -1;
    return a;
  }

  /** The row number the last event was written at (after event()). */
  get lastSeq(): number {
    return this.seq - 1;
  }

  header(timestamp: number): void {
    this.push('BELENIOS', JSON.stringify({ version: 1, timestamp: String(timestamp) }));
  }

  data(content: string): string {
    const hash = sha256Hex(content);
    this.push(`${hash}.data.json`, content);
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
    const content = JSON.stringify(ev);
    const hash = sha256Hex(content);
    this.push(`${hash}.event.json`, content);
    this.head = hash;
    return hash;
  }

  private push(name: string, content: string): void {
    this.rows.push({ session_id: this.sessionId, seq: this.seq++, name, content });
  }
}

/** The archive file (.bel) from the board rows. */
export function boardArchive(rows: VoteBoardRow[]): Uint8Array {
  const header = rows[0];
  const timestamp = header ? Number((JSON.parse(header.content) as { timestamp: string }).timestamp) : 0;
  const enc = new TextEncoder();
  const parts = rows.map((r) => tarMember(r.name, enc.encode(r.content), timestamp));
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Event rows with their payload, in order. */
export function boardEvents(rows: VoteBoardRow[]): { event: ArchiveEvent; hash: string; payload: string | null }[] {
  const data = new Map(rows.filter((r) => r.name.endsWith('.data.json')).map((r) => [r.name.slice(0, 64), r.content]));
  return rows
    .filter((r) => r.name.endsWith('.event.json'))
    .map((r) => {
      const event = JSON.parse(r.content) as ArchiveEvent;
      return { event, hash: r.name.slice(0, 64), payload: event.payload ? (data.get(event.payload) ?? null) : null };
    });
}
