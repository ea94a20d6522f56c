/**
 * Closures (penutupan): the office, or one service, closed for a range of local days or "until
 * further notice". What a closure may be, which bookings it affects, what state it is in, and
 * how it ends (where a moved booking goes: moveBookings.ts). Pure: the store loads the rows and applies.
 */
import type { DateTime } from 'luxon';
import type { ClosureView } from '../../shared/staffTypes';
import { invalid } from './errors';
import { closureOn } from './slots';
import { addDays } from './time';

/** A closure's days: `to` is its last closed day, null while it runs "until further notice". */
export type ClosureDays = { from: string; to: string | null };
export type ClosureState = ClosureView['state'];

/**
 * Refuses a new closure in the order the admin reads the form: an unknown service (when one is
 * named), a first day before today, a last day before the first.
 */
export const checkClosureInput = (input: ClosureDays & { service?: string }, serviceFound: boolean, today: string): void => {
  if (input.service && !serviceFound) invalid({ service: { key: 'unknown_service' } });
  if (input.from < today) invalid({ from: { key: 'past_date' } });
  if (input.to !== null && input.to < input.from) invalid({ to: { key: 'date_order' } });
};

/** Withdrawn (ended before its first day), upcoming, ended (its last day is past) or active. */
export const closureState = (closure: ClosureDays, today: string): ClosureState => {
  if (closure.to !== null && closure.to < closure.from) return 'withdrawn';
  if (closure.from > today) return 'upcoming';
  if (closure.to !== null && closure.to < today) return 'ended';
  return 'active';
};

/** Whether a closure still covers today or a later day. */
export const closureCurrent = (closure: ClosureDays, today: string): boolean => {
  const state = closureState(closure, today);
  return state === 'active' || state === 'upcoming';
};

/**
 * The last closed day after ending a closure at `to`. It can be shortened, never extended (an
 * extension would need its bookings handled: that is a new closure), and not ended before
 * yesterday. A `to` before its first day withdraws it: the answer is the day before its first.
 */
export const closureEnd = (closure: ClosureDays, to: string, today: string): string => {
  if (to < addDays(today, -1)) invalid({ to: { key: 'past_date' } });
  if (closure.to !== null && to > closure.to) invalid({ to: { key: 'closure_extend' } });
  return to < closure.from ? addDays(closure.from, -1) : to;
};

/** A booked place as the closure sees it: its day, its service, and when its slot begins and ends. */
export type HeldPlace = { id: number; serviceId: number; date: string; startAt: number; endAt: number };

/**
 * The bookings a new closure takes away, earliest slot first (so that the earliest holders get the
 * earliest free slots when they are moved). A booking whose slot has already ended is history:
 * a no-show is not told the office closed.
 */
export const affectedBookings = <B extends HeldPlace>(
  booked: readonly B[],
  closure: ClosureDays & { serviceId: number | null },
  now: DateTime,
): B[] => {
  const span = [{ id: 0, serviceId: closure.serviceId, from: closure.from, to: closure.to, reason: '' }];
  return booked
    .filter((b) => closureOn(span, b.date, b.serviceId) && b.endAt > now.toMillis())
    .sort((a, b) => a.startAt - b.startAt || a.id - b.id);
};
