/**
 * Pending bookings (domain/confirmation): confirming one with the code sent by WhatsApp, and
 * expiring those whose hold has ended so their places return to their slots. The expiry runs as
 * a job in short batches along the index of pending bookings; a read of one booking expires it
 * on the spot when its hold has ended, so its holder never sees it pending after `holdUntil`.
 */
import type { DateTime } from 'luxon';
import { decideConfirm } from '../../domain/confirmation';
import { fail } from '../../domain/errors';
import { otpHashInput, sameHash } from '../confirmationCodes';
import type { BookingView } from '../../../shared/types';
import { bookingView, findBooking, payloadOf, releasePlace, type BookingRow } from './bookings';
import { recordWrongOtp } from './codeAttempts';
import { nikHash, writeTx, type StoreCtx } from './connection';
import { enqueueNotification } from './journal';
import { loadOffice } from './offices';
import { stmt } from './prepared';
import { nextTurn } from './slices';

/** Pending bookings expired per transaction. */
export const EXPIRE_BATCH = 100;
export const DUE_PENDING_SQL = "SELECT id, slot_id AS slotId FROM bookings WHERE status = 'pending' AND hold_until <= ? ORDER BY hold_until LIMIT ?";

/** Expires one pending booking (if it still is) and gives its place back; true when it did. */
const expireOne = (ctx: StoreCtx, id: number, slotId: number): boolean => {
  const changed = stmt(ctx, "UPDATE bookings SET status = 'expired' WHERE id = ? AND status = 'pending'").run(id).changes === 1;
  if (changed) releasePlace(ctx, slotId);
  return changed;
};

/** Expires a booking whose hold has ended, when it is read; returns the row as it now is. */
export const expireIfDue = (ctx: StoreCtx, booking: BookingRow, now: DateTime): BookingRow => {
  if (booking.status !== 'pending' || booking.holdUntil === null || booking.holdUntil > now.toMillis()) return booking;
  writeTx(ctx, () => expireOne(ctx, booking.id, booking.slotId));
  return { ...booking, status: 'expired' };
};

/** Every pending booking whose hold ended before `now`, in short transactions, yielding between them; returns how many expired. */
export const expirePendingBookings = async (ctx: StoreCtx, now: DateTime, batch = EXPIRE_BATCH): Promise<number> => {
  let expired = 0;
  for (let round = 0; round < 10_000; round++) {
    const due = stmt(ctx, DUE_PENDING_SQL).all(now.toMillis(), batch) as { id: number; slotId: number }[];
    expired += writeTx(ctx, () => due.filter((b) => expireOne(ctx, b.id, b.slotId)).length);
    if (due.length < batch) break;
    await nextTurn();
  }
  return expired;
};

/**
 * Confirms a pending booking with its code: it becomes booked and its holder gets the usual
 * "booked" message. A wrong code is counted like a wrong `nik4` (in its own transaction, committed
 * before the refusal); a booking already confirmed answers as it is to its code (the hash is kept).
 */
export const confirmBooking = (
  ctx: StoreCtx, code: string, nik4: string, otp: string, now: DateTime, address: string, notifyChannel: string,
): BookingView => {
  const booking = expireIfDue(ctx, findBooking(ctx, code, nik4), now);
  const matches = sameHash(booking.otpHash, nikHash(ctx, otpHashInput(booking.code, otp)));
  try {
    if (decideConfirm(booking, matches, now.toMillis()) === 'unchanged') return bookingView(ctx, booking);
  } catch (e) {
    if (!matches && !recordWrongOtp(ctx, booking.code, now, address, notifyChannel)) fail('TOO_MANY_ATTEMPTS');
    throw e;
  }
  return writeTx(ctx, () => {
    const changed = stmt(ctx, "UPDATE bookings SET status = 'booked', hold_until = NULL, confirmed_at = ? WHERE id = ? AND status = 'pending' AND hold_until > ?")
      .run(now.toMillis(), booking.id, now.toMillis()).changes;
    // Expired or cancelled meanwhile (the expiry job, a closure): decided again on the row as it is now.
    const current = findBooking(ctx, code, nik4);
    if (changed !== 1) {
      decideConfirm(current, true, now.toMillis());
      return bookingView(ctx, current);
    }
    const view = bookingView(ctx, current);
    const office = loadOffice(ctx, current.officeId);
    enqueueNotification(ctx, { officeId: office.id, bookingId: current.id, recipient: current.phone!, template: 'booked', payload: payloadOf(view, office) }, notifyChannel, now);
    return view;
  });
};
