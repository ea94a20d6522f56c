import { describe, expect, it } from 'vitest';
import { afterFailure, lockAfter, lockedUntil, type SignInFailures } from '../../server/domain/signInThrottle';

const T0 = Date.UTC(2026, 10, 24, 2, 30);
const MIN = 60_000;

const failTimes = (n: number, start: SignInFailures | undefined = undefined, at = T0): SignInFailures | undefined => {
  let state = start;
  for (let i = 0; i < n; i++) state = afterFailure(state, at);
  return state;
};

describe('sign-in throttling per account', () => {
  it('lets four wrong passwords pass without a wait', () => {
    expect([1, 2, 3, 4].map(lockAfter)).toEqual([0, 0, 0, 0]);
    expect(lockedUntil(failTimes(4), T0)).toBeNull();
  });

  it('locks for a minute at the fifth failure, then doubles up to fifteen minutes', () => {
    expect([5, 6, 7, 8, 9, 10, 50, 5000].map(lockAfter)).toEqual([1, 2, 4, 8, 15, 15, 15, 15].map((m) => m * MIN));
  });

  it('locks the account until the wait is over, even for the right password', () => {
    const state = failTimes(5);
    expect(lockedUntil(state, T0)).toBe(T0 + MIN);
    expect(lockedUntil(state, T0 + MIN - 1)).toBe(T0 + MIN);
    expect(lockedUntil(state, T0 + MIN)).toBeNull();
  });

  it('forgets failures after a day without one', () => {
    const old = failTimes(4);
    expect(afterFailure(old, T0 + 25 * 3_600_000)).toEqual({ failures: 1, lastFailureAt: T0 + 25 * 3_600_000, lockedUntil: null });
    expect(afterFailure(old, T0 + 3_600_000).lockedUntil).toBe(T0 + 3_600_000 + MIN);
  });

  it('knows no lock for a name without failures', () => {
    expect(lockedUntil(undefined, T0)).toBeNull();
  });
});
