import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../contracts/common';
import { isLocked, lockAfterFailure, minutesUntil } from './login.rules';

const now = new Date('2026-11-27T10:00:00.000Z');

describe('login lockout', () => {
  it('stays open one failure before the limit', () => {
    expect(lockAfterFailure(LIMITS.loginFailuresBeforeLock - 1, now)).toBeNull();
  });
  it('locks exactly at the limit, for the configured minutes', () => {
    expect(lockAfterFailure(LIMITS.loginFailuresBeforeLock, now)).toBe(
      new Date(now.getTime() + LIMITS.lockMinutes * 60_000).toISOString(),
    );
  });
  it('is locked until the instant it unlocks, not after', () => {
    expect(isLocked('2026-11-27T10:00:00.001Z', now)).toBe(true);
    expect(isLocked('2026-11-27T10:00:00.000Z', now)).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });
  it('rounds the remaining minutes up', () => {
    expect(minutesUntil('2026-11-27T10:14:01.000Z', now)).toBe(15);
  });
});
