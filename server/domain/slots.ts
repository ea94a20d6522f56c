/**
 * Slot planning: which slots a service has on a date (weekly templates, replaced
 * by per-date overrides), whether a date is closed, and whether a slot can still
 * be booked.
 */
import type { DateTime } from 'luxon';
import { blankoEmpty, blankoEmptyReason } from './blanko';
import { bilingualText } from './messages';
import { addDays, atLocal, localDate, weekdayOf } from './time';

export type SlotTemplate = { serviceId: number; weekday: number; start: string; end: string; capacity: number };
/** A per-date override replaces all template slots of that service on that date. Capacity 0 drops a slot. */
export type SlotOverride = { serviceId: number; date: string; start: string; end: string; capacity: number };
export type PlannedSlot = { serviceId: number; date: string; start: string; end: string; capacity: number };
export type ClosureSpan = { id: number; serviceId: number | null; from: string; to: string | null; reason: string };
export type OpeningHours = { weekday: number; open: string; close: string };

/**
 * The slots of a service on a date. With `hours` (the office's week, or at least that weekday's
 * intervals), a slot that starts or ends outside every opening interval of the day is not made:
 * a 11:00–12:00 template slot on a Friday open 08:00–11:30 and 13:30–15:00 is left out rather
 * than clipped to 11:00–11:30, since its capacity was set for an hour's work, and a clipped slot
 * would silently promise the same places in half the time. The slot editor shows it; the admin
 * decides.
 */
export const planSlots = (
  templates: readonly SlotTemplate[],
  overrides: readonly SlotOverride[],
  serviceId: number,
  date: string,
  hours?: readonly OpeningHours[],
): PlannedSlot[] => {
  const dayOverrides = overrides.filter((o) => o.serviceId === serviceId && o.date === date);
  const source = dayOverrides.length
    ? dayOverrides
    : templates.filter((t) => t.serviceId === serviceId && t.weekday === weekdayOf(date));
  const intervals = hours && hoursOn(hours, date);
  return source
    .filter((s) => s.capacity > 0 && (!intervals || fitsIntervals(intervals, s.start, s.end)))
    .map((s) => ({ serviceId, date, start: s.start, end: s.end, capacity: s.capacity }))
    .sort((a, b) => a.start.localeCompare(b.start));
};

/** The closure covering a date for a service (a whole-office closure covers every service). */
export const closureOn = (
  closures: readonly ClosureSpan[],
  date: string,
  serviceId: number | null,
): ClosureSpan | undefined =>
  closures.find(
    (c) => (c.serviceId === null || c.serviceId === serviceId) && c.from <= date && (c.to === null || date <= c.to),
  );

/**
 * The opening intervals of a date's weekday, earliest first; none: the office is closed that day.
 * A day may have several (a lunch break, Friday prayer: 08:00–11:30 and 13:30–15:00).
 */
export const hoursOn = (hours: readonly OpeningHours[], date: string): OpeningHours[] => {
  const weekday = weekdayOf(date);
  return hours.filter((h) => h.weekday === weekday).sort((a, b) => a.open.localeCompare(b.open));
};

/** Whether a time window ('HH:mm') lies wholly inside one of a day's opening intervals. */
export const fitsIntervals = (intervals: readonly OpeningHours[], start: string, end: string): boolean =>
  intervals.some((h) => h.open <= start && end <= h.close);

/** Whether a slot starts and ends inside one opening interval of its day. */
export const slotFitsHours = (hours: readonly OpeningHours[], slot: { date: string; start: string; end: string }): boolean =>
  fitsIntervals(hoursOn(hours, slot.date), slot.start, slot.end);

/**
 * Why a service takes nobody on a date: the closure that covers it, or the office having no
 * opening hours on that weekday. Undefined when the day is open. `hours`: the office's week, or
 * at least the rows of that weekday.
 */
export const closedReasonOn = (
  closures: readonly ClosureSpan[],
  hours: readonly OpeningHours[],
  serviceId: number | null,
  date: string,
): string | undefined => {
  const closure = closureOn(closures, date, serviceId);
  if (closure) return closure.reason;
  const weekday = weekdayOf(date);
  return hours.some((h) => h.weekday === weekday) ? undefined : bilingualText('office_closed_on_day');
};

/** A day's closures (those covering it are enough) and the office's opening hours. */
export type DayFacts = { closures: readonly ClosureSpan[]; hours: readonly OpeningHours[] };

/**
 * Why a service is closed for a whole day: its closure, no opening hours, or no blanko for a
 * service that needs it (the visitor is offered a suket). What the availability calendar shows
 * for a day and the office page shows as `closedToday`.
 */
export const serviceClosedOn = (
  day: DayFacts,
  office: { blankoStock: number },
  service: { id: number; needsBlanko: boolean },
  date: string,
): string | undefined =>
  closedReasonOn(day.closures, day.hours, service.id, date) ?? (blankoEmpty(office, service) ? blankoEmptyReason() : undefined);

export type BookingRules = { cutoffMinutes: number; horizonDays: number };

/** The last local day that can be booked: a horizon of N days runs from today to today + N − 1. */
export const lastBookableDay = (today: string, horizonDays: number): string => addDays(today, horizonDays - 1);
export type Bookability = 'ok' | 'started' | 'cutoff' | 'horizon' | 'full';

export const slotBookability = (
  /** `startAt`: the start instant when already known (a stored slot row), which saves a zone conversion per attempt. */
  slot: { date: string; start: string; capacity: number; booked: number; startAt?: number },
  now: DateTime,
  zone: string,
  rules: BookingRules,
): Bookability => {
  const startsAt = slot.startAt ?? atLocal(slot.date, slot.start, zone).toMillis();
  const nowMs = now.toMillis();
  if (nowMs >= startsAt) return 'started';
  if (slot.date > lastBookableDay(localDate(now, zone), rules.horizonDays)) return 'horizon';
  if (nowMs >= startsAt - rules.cutoffMinutes * 60_000) return 'cutoff';
  if (slot.booked >= slot.capacity) return 'full';
  return 'ok';
};
