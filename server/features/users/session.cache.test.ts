import { describe, expect, it } from 'vitest';
import { SessionCache } from './session.cache';
import type { ResolvedSession } from './user.service';

function session(id: string, expiresAt = '2099-01-01T00:00:00.000Z'): ResolvedSession {
  return {
    actor: { userId: id, username: id, grants: [] },
    me: { id, username: id, fullName: id, grants: [], totpEnabled: false } as unknown as ResolvedSession['me'],
    sessionId: id,
    csrfToken: 'csrf',
    expiresAt,
  };
}

describe('SessionCache', () => {
  it('returns a stored session until the time limit, not at it', () => {
    const cache = new SessionCache(1000);
    cache.store('t', session('a'), cache.begin(), 10_000);
    expect(cache.get('t', 10_999)?.sessionId).toBe('a');
    expect(cache.get('t', 11_000)).toBeUndefined();
  });

  it('drops a session at the instant it expires', () => {
    const cache = new SessionCache(60_000);
    const expiry = new Date(20_000).toISOString();
    cache.store('t', session('a', expiry), cache.begin(), 10_000);
    expect(cache.get('t', 19_999)?.sessionId).toBe('a');
    expect(cache.get('t', 20_000)).toBeUndefined();
  });

  it('forgets everything on invalidate', () => {
    const cache = new SessionCache(60_000);
    cache.store('t', session('a'), cache.begin(), 0);
    cache.invalidate();
    expect(cache.get('t', 1)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not store a resolution that started before an invalidation (a read racing a revocation)', () => {
    const cache = new SessionCache(60_000);
    const started = cache.begin();
    cache.invalidate();
    cache.store('t', session('a'), started, 0);
    expect(cache.get('t', 1)).toBeUndefined();
    cache.store('t', session('a'), cache.begin(), 0);
    expect(cache.get('t', 1)?.sessionId).toBe('a');
  });

  it('stores nothing when caching is off', () => {
    const cache = new SessionCache(0);
    cache.store('t', session('a'), cache.begin(), 0);
    expect(cache.size).toBe(0);
  });

  it('evicts the oldest entry when full', () => {
    const cache = new SessionCache(60_000, 2);
    cache.store('a', session('a'), cache.begin(), 0);
    cache.store('b', session('b'), cache.begin(), 0);
    cache.store('c', session('c'), cache.begin(), 0);
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('b', 1)?.sessionId).toBe('b');
    expect(cache.get('c', 1)?.sessionId).toBe('c');
  });
});
