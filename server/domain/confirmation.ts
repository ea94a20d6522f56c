/**
 * Confirming a booking by a code sent to the holder's phone (API.md "Confirmation"): a new online
 * booking is `pending` and holds its place until `holdUntil`; the holder sends back the 6-digit
 * code to make it `booked`; unconfirmed, it expires and its place returns to the slot. A pending
 * booking counts against capacity and the per-NIK and per-phone rules until then. Staff
 * (assisted) bookings are never pending. Pure: the store keeps the rows and the code's hash.
 */
import { fail, invalid } from './errors';

/** Digits of the confirmation code. */
export const OTP_DIGITS = 6;

export type ConfirmationPolicy = { holdMinutes: number };

/** A new booking's status and hold: pending only where confirmation is on and a visitor (not staff) booked. */
export const initialBookingState = (
  policy: ConfirmationPolicy | null,
  bookedByStaff: boolean,
  nowMs: number,
): { status: 'pending'; holdUntil: number } | { status: 'booked'; holdUntil: null } =>
  policy && !bookedByStaff ? { status: 'pending', holdUntil: nowMs + policy.holdMinutes * 60_000 } : { status: 'booked', holdUntil: null };

/** The status a holder sees: a pending booking past its hold is expired, whether or not the expiry job has run yet. */
export const effectiveStatus = (booking: { status: string; holdUntil: number | null }, nowMs: number): string =>
  booking.status === 'pending' && booking.holdUntil !== null && booking.holdUntil <= nowMs ? 'expired' : booking.status;

/** Whether a booking holds its place and counts for its holder's limits at `nowMs`. */
export const holdsPlace = (booking: { status: string; holdUntil: number | null }, nowMs: number): boolean => {
  const status = effectiveStatus(booking, nowMs);
  return status === 'pending' || status === 'booked' || status === 'checked_in';
};

/**
 * What confirming asks of a booking, given whether the code sent matches: a booked one answers as
 * it is (a repeated confirmation changes nothing); an expired one is refused; a wrong code is a
 * field error (and counted as a wrong try by the caller); otherwise the booking becomes booked.
 */
export const decideConfirm = (
  booking: { status: string; holdUntil: number | null },
  otpMatches: boolean,
  nowMs: number,
): 'confirm' | 'unchanged' => {
  const status = effectiveStatus(booking, nowMs);
  if (status === 'booked' && otpMatches) return 'unchanged';
  if (status === 'expired') fail('BOOKING_EXPIRED');
  if (status !== 'pending' && status !== 'booked') fail('INVALID_STATE', { status });
  if (!otpMatches) invalid({ otp: { key: 'otp_wrong' } });
  return status === 'pending' ? 'confirm' : 'unchanged';
};

/** A well-formed code: exactly six digits. */
export const isOtpShape = (otp: string): boolean => new RegExp(`^\\d{${OTP_DIGITS}}$`).test(otp);
