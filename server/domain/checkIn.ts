/**
 * Checking in a booking at the kiosk: a booking that is still booked, for today, inside its
 * check-in window (from `checkInEarlyMinutes` before its slot begins until the slot ends).
 */
import type { DateTime } from 'luxon';
import { effectiveStatus } from './confirmation';
import { fail } from './errors';
import { localTime, todayIn } from './time';

export type CheckInFacts = {
  booking: { status: string; date: string; holdUntil?: number | null };
  slot: { startAt: number; endAt: number };
  office: { timezone: string; checkInEarlyMinutes: number };
  now: DateTime;
};

/** Refuses a cancelled or already checked-in booking, another day's booking, or a moment outside the window. */
export const decideCheckIn = ({ booking, slot, office, now }: CheckInFacts): void => {
  if (booking.status === 'cancelled') fail('BOOKING_CANCELLED');
  if (booking.status === 'checked_in') fail('ALREADY_CHECKED_IN');
  const status = effectiveStatus({ status: booking.status, holdUntil: booking.holdUntil ?? null }, now.toMillis());
  if (status === 'expired') fail('BOOKING_EXPIRED');
  if (status === 'pending') fail('BOOKING_NOT_CONFIRMED');
  if (booking.date !== todayIn(office, now)) fail('WRONG_DAY', { date: booking.date });
  const opensAt = slot.startAt - office.checkInEarlyMinutes * 60_000;
  const nowMs = now.toMillis();
  if (nowMs < opensAt || nowMs > slot.endAt) {
    fail('OUTSIDE_WINDOW', { from: localTime(opensAt, office.timezone), to: localTime(slot.endAt, office.timezone) });
  }
};
