/**
 * Slot planning: which slots a service has on a date (weekly templates, replaced
 * by per-date overrides), whether a date is closed, and whether a slot can still
 * be booked.
 */
import type { DateTime } from 'luxon';
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

export type BookingRules = { cutoffMinutes: number; horizonDays: number };
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
  if (slot.date > addDays(localDate(now, zone), rules.horizonDays - 1)) return 'horizon';
  if (nowMs >= startsAt - rules.cutoffMinutes * 60_000) return 'cutoff';
  if (slot.booked >= slot.capacity) return 'full';
  return 'ok';
};
