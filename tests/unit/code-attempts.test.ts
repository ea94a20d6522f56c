/** The rule of wrong nik4 answers per booking code (domain/codeAttempts): 5 within 15 minutes lock it for 15 minutes. */
import { describe, expect, it } from 'vitest';
import { afterWrongAnswer, attemptKey, codeLockedUntil, LOCK_MS, WINDOW_MS, type CodeAttempts } from '../../server/domain/codeAttempts';

const T = 1_800_000_000_000;
const MINUTE = 60_000;

const wrongAt = (times: number[]): CodeAttempts | undefined =>
  times.reduce<CodeAttempts | undefined>((state, at) => afterWrongAnswer(state, at), undefined);

describe('wrong answers to a booking code', () => {
  it('lock the code at the fifth within 15 minutes, for 15 minutes from then', () => {
    const four = wrongAt([T, T + MINUTE, T + 2 * MINUTE, T + 3 * MINUTE]);
    expect(four).toEqual({ failures: 4, windowStartedAt: T, lockedUntil: null });
    expect(codeLockedUntil(four, T + 3 * MINUTE)).toBeNull();
    const five = afterWrongAnswer(four, T + 14 * MINUTE);
    expect(five).toEqual({ failures: 5, windowStartedAt: T, lockedUntil: T + 14 * MINUTE + LOCK_MS });
    expect(codeLockedUntil(five, T + 14 * MINUTE + LOCK_MS - 1)).toBe(T + 14 * MINUTE + LOCK_MS);
    expect(codeLockedUntil(five, T + 14 * MINUTE + LOCK_MS)).toBeNull();
  });

  it('start a new window once 15 minutes have passed since its first', () => {
    const four = wrongAt([T, T + MINUTE, T + 2 * MINUTE, T + 3 * MINUTE]);
    expect(afterWrongAnswer(four, T + WINDOW_MS)).toEqual({ failures: 1, windowStartedAt: T + WINDOW_MS, lockedUntil: null });
  });

  it('start afresh after a lock has ended', () => {
    const locked = wrongAt([T, T, T, T, T])!;
    expect(afterWrongAnswer(locked, locked.lockedUntil!)).toEqual({ failures: 1, windowStartedAt: locked.lockedUntil, lockedUntil: null });
  });

  it('are counted under the code as typed, upper-cased', () => {
    expect(attemptKey('ab3d2345')).toBe('AB3D2345');
  });
});
