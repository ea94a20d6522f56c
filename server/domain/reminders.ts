/**
 * Reminders the day before a booking: from `reminderTime` (office-local) on, each booking of
 * tomorrow that can be reached gets one, once for each day it is booked on.
 */
import type { DateTime } from 'luxon';
import { closureOn, type ClosureSpan } from './slots';
import { addDays, localDate } from './time';

/** The local day whose bookings are reminded now: tomorrow once the office's clock reads `reminderTime`, else null. */
export const reminderDay = (now: DateTime, zone: string, reminderTime: string): string | null => {
  const local = now.setZone(zone);
  if (local.toFormat('HH:mm') < reminderTime) return null;
  return addDays(localDate(now, zone), 1);
};

/**
 * Whether a booking of `date` gets a reminder: its holder has a number to reach, and the day is
 * not closed for its service (those holders hear about the closure instead).
 */
export const wantsReminder = <B extends { phone: string | null; serviceId: number }>(
  booking: B,
  date: string,
  closures: readonly ClosureSpan[],
): booking is B & { phone: string } =>
  !!booking.phone && !closureOn(closures, date, booking.serviceId);

/** One reminder per booking and day: a booking moved to another day is reminded of its new day. */
export const reminderKey = (bookingId: number, date: string): string => `reminder:${bookingId}:${date}`;
