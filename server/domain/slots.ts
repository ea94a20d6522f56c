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

export const planSlots = (
  templates: readonly SlotTemplate[],
  overrides: readonly SlotOverride[],
  serviceId: number,
  date: string,
): PlannedSlot[] => {
  const dayOverrides = overrides.filter((o) => o.serviceId === serviceId && o.date === date);
  const source = dayOverrides.length
    ? dayOverrides
    : templates.filter((t) => t.serviceId === serviceId && t.weekday === weekdayOf(date));
  return source
    .filter((s) => s.capacity > 0)
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

export const hoursOn = (hours: readonly OpeningHours[], date: string): OpeningHours | undefined =>
  hours.find((h) => h.weekday === weekdayOf(date));

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
  return hoursOn(hours, date) ? undefined : bilingualText('office_closed_on_day');
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
