import type { ResolvedSession } from './user.service';

/**
 * Resolved sessions kept for a few seconds, so an authenticated read costs no session, user and grant queries.
 *
 * Correctness rests on two rules: every completed write request clears the cache (`invalidate`), and a
 * resolution that started before an invalidation is not stored (the epoch check), so a read racing a grant
 * revocation cannot cache what the revocation removed. The time limit bounds staleness for changes made by
 * another process (the command line, a second server on the same PostgreSQL).
 */
export class SessionCache {
  private readonly entries = new Map<string, { session: ResolvedSession; storedAt: number }>();
  private epoch = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The epoch to pass to `store` once the resolution from the database is done. */
  begin(): number {
    return this.epoch;
  }

  get(key: string, nowMs: number): ResolvedSession | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (nowMs - entry.storedAt >= this.ttlMs || new Date(nowMs).toISOString() >= entry.session.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.session;
  }

  store(key: string, session: ResolvedSession, startedEpoch: number, nowMs: number): void {
    if (startedEpoch !== this.epoch || this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { session, storedAt: nowMs });
  }

  invalidate(): void {
    this.epoch += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
