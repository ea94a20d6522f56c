/**
 * Per-account sign-in throttling: after FREE_FAILURES wrong passwords in a row an account (or an
 * unknown name, so that a lock does not tell which names exist) waits before the next try, one
 * minute at first, doubling with each further failure, never more than fifteen minutes. A
 * successful sign-in forgets the failures; so does a day without one.
 */
export const FREE_FAILURES = 4;
export const FIRST_LOCK_MS = 60_000;
export const MAX_LOCK_MS = 15 * 60_000;
/** Failures this long ago no longer count. */
export const FORGET_AFTER_MS = 24 * 3_600_000;

export type SignInFailures = { failures: number; lastFailureAt: number; lockedUntil: number | null };

/** How long an account waits after its `failures`-th failure in a row (0: not at all). */
export const lockAfter = (failures: number): number =>
  failures <= FREE_FAILURES ? 0 : Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(failures - FREE_FAILURES - 1, 20));

/** Whether a sign-in may be tried now: the instant the lock ends, or null when there is none. */
export const lockedUntil = (state: SignInFailures | undefined, nowMs: number): number | null =>
  state?.lockedUntil != null && state.lockedUntil > nowMs ? state.lockedUntil : null;

/** The account's state after one more wrong password at `nowMs`. */
export const afterFailure = (state: SignInFailures | undefined, nowMs: number): SignInFailures => {
  const previous = state && nowMs - state.lastFailureAt < FORGET_AFTER_MS ? state.failures : 0;
  const failures = previous + 1;
  const wait = lockAfter(failures);
  return { failures, lastFailureAt: nowMs, lockedUntil: wait > 0 ? nowMs + wait : null };
};
