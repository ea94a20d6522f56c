/**
 * Where a booking moved by a closure goes. Pure: the store loads the candidate slots and applies.
 *
 * Kepahiang's closure from 5 December moved every booking of 5–7 December into the first slots of
 * 3 December: earlier than booked, all into 08:00. The rule now:
 * 1. the day: the nearest day after the closure on which the service opens and a place is free;
 *    only when none within the booking horizon, the nearest such day before the closure;
 * 2. the time: the slot of that day starting at the booking's own time of day when it has a
 *    place, otherwise the free slot nearest to that time (a later one on a tie), so that moved
 *    bookings spread over the day as they were spread before;
 * 3. never today or a past day (a day that has begun), never a slot that has begun, never beyond
 *    the horizon; the holder's one-booking-per-day rule only where the office has it on.
 * The office moves the booking, so the visitors' booking cut-off does not apply.
 */
import type { DateTime } from 'luxon';
import type { ClosureDays } from './closures';
import { closedReasonOn, slotBookability, slotFitsHours, type ClosureSpan, type OpeningHours } from './slots';
import { localDate, localTime } from './time';

/** A slot that could take a moved booking; with `end`, one outside the day's opening intervals takes none. */
export type MoveCandidate = { serviceId: number; date: string; start: string; end?: string; startAt: number; capacity: number; booked: number };

/** The moved booking: its day and when its slot begins. */
export type MovedPlace = { date: string; startAt: number };

export type MoveContext = {
  now: DateTime;
  zone: string;
  horizonDays: number;
  /** The closure moving the booking (its days are closed even before it is stored). */
  closure: ClosureDays;
  /** The office's closures (the new one among them) and its week of opening hours: a closed day takes nobody. */
  closures: readonly ClosureSpan[];
  hours: readonly OpeningHours[];
  /** The office's rule: one active booking per NIK, service and day. */
  onePerServicePerDay: boolean;
  /** Days on which the holder already has another active booking of this service. */
  holderDays: ReadonlySet<string>;
};

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether a slot could take the booking at all, whatever its day and time. */
const usable = (s: MoveCandidate, c: MoveContext, today: string): boolean =>
  s.date > today &&
  slotBookability(s, c.now, c.zone, { cutoffMinutes: 0, horizonDays: c.horizonDays }) === 'ok' &&
  !(c.onePerServicePerDay && c.holderDays.has(s.date)) &&
  closedReasonOn(c.closures, c.hours, s.serviceId, s.date) === undefined &&
  (s.end === undefined || slotFitsHours(c.hours, { date: s.date, start: s.start, end: s.end }));

/**
 * The target slot of one moved booking, or undefined when none exists (the booking is then
 * cancelled). Ask again for each booking: the ones moved before it took places.
 */
export const moveTarget = <S extends MoveCandidate>(booking: MovedPlace, slots: readonly S[], c: MoveContext): S | undefined => {
  const today = localDate(c.now, c.zone);
  const free = slots.filter((s) => usable(s, c, today));
  const after = free.filter((s) => c.closure.to !== null && s.date > c.closure.to);
  const before = free.filter((s) => s.date < c.closure.from);
  const days = after.length
    ? [...new Set(after.map((s) => s.date))].sort()
    : [...new Set(before.map((s) => s.date))].sort().reverse();
  const day = days[0];
  if (day === undefined) return undefined;
  const wanted = minutesOf(localTime(booking.startAt, c.zone));
  const distance = (s: S) => Math.abs(minutesOf(s.start) - wanted);
  return free
    .filter((s) => s.date === day)
    .sort((a, b) => distance(a) - distance(b) || b.startAt - a.startAt)[0];
};
