/**
 * Wrong answers to a booking code's question (the NIK's last four digits), counted per code:
 * after MAX_WRONG_ANSWERS wrong answers within WINDOW_MS the code is locked for LOCK_MS, and
 * every try on it (right or wrong, from any address) is refused until then. Four digits are only
 * 10,000 possibilities: without this, anyone who has seen a code finds them in seconds.
 *
 * A code that does not exist is counted the same way (under the code as typed, upper-cased), so
 * that a lock does not tell which codes exist. A right answer clears nothing: the count runs out
 * with its window.
 */
export const MAX_WRONG_ANSWERS = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export type CodeAttempts = { failures: number; windowStartedAt: number; lockedUntil: number | null };

/** The key a code is counted under: as typed, upper-cased, as bookings are looked up. */
export const attemptKey = (code: string): string => code.toUpperCase();

/** Whether a try on the code is refused now: the instant the lock ends, or null when there is none. */
export const codeLockedUntil = (state: CodeAttempts | undefined, nowMs: number): number | null =>
  state?.lockedUntil != null && state.lockedUntil > nowMs ? state.lockedUntil : null;

/**
 * The code's count after one more wrong answer at `nowMs` (asked only while it is not locked).
 * A wrong answer after the window has passed starts a new window; the answer that reaches the
 * limit locks the code (`lockedUntil` set: the caller tells the holder).
 */
export const afterWrongAnswer = (state: CodeAttempts | undefined, nowMs: number): CodeAttempts => {
  const inWindow = state !== undefined && nowMs - state.windowStartedAt < WINDOW_MS;
  const failures = inWindow ? state.failures + 1 : 1;
  return {
    failures,
    windowStartedAt: inWindow ? state.windowStartedAt : nowMs,
    lockedUntil: failures >= MAX_WRONG_ANSWERS ? nowMs + LOCK_MS : null,
  };
};
