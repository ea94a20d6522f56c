/** The clock is a parameter: production passes systemClock, tests a fixed or stepping clock. */
import { DateTime } from 'luxon';

export type Clock = { now: () => DateTime };

export const systemClock: Clock = { now: () => DateTime.utc() };

/** A clock that stands still until told to move; for tests and scripted days. */
export const manualClock = (start: DateTime | string) => {
  let current = typeof start === 'string' ? DateTime.fromISO(start, { setZone: true }) : start;
  return {
    now: () => current,
    set: (to: DateTime | string) => {
      current = typeof to === 'string' ? DateTime.fromISO(to, { setZone: true }) : to;
    },
    advance: (duration: { minutes?: number; hours?: number; days?: number; seconds?: number }) => {
      current = current.plus(duration);
    },
  };
};
export type ManualClock = ReturnType<typeof manualClock>;
