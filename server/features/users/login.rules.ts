import { LIMITS } from '../../../contracts/common';

/** Lockout after repeated failures: returns when the account unlocks, or null while it stays open. */
export function lockAfterFailure(failedLogins: number, now: Date): string | null {
  if (failedLogins < LIMITS.loginFailuresBeforeLock) return null;
  return new Date(now.getTime() + LIMITS.lockMinutes * 60_000).toISOString();
}

export function isLocked(lockedUntil: string | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil > now.toISOString();
}

export function minutesUntil(iso: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(iso) - now.getTime()) / 60_000));
}
