/**
 * Pending bookings (domain/confirmation), as ../sqlite/confirmations.ts: confirming one with the
 * code sent by WhatsApp, and expiring those whose hold has ended so their places return. Each
 * expiry is one statement (the booking's status and its slot's count change together); the job
 * claims due bookings with SKIP LOCKED, so several processes expire each booking once, and a
 * closure or a confirmation holding a booking's row is left to finish first.
 */
import type { DateTime } from 'luxon';
import { decideConfirm } from '../../domain/confirmation';
import { fail } from '../../domain/errors';
import { otpHashInput, sameHash } from '../confirmationCodes';
import type { BookingView } from '../../../shared/types';
import { bookingView, findBooking, payloadOf, type BookingRow } from './bookings';
import { recordWrongOtp } from './codeAttempts';
import { exec, nikHash, row, withTx, type Conn, type PgCtx } from './connection';
import { enqueueNotification } from './journal';
import { loadOffice } from './offices';
import { nextTurn } from './slices';

/** Pending bookings expired per statement. */
export const EXPIRE_BATCH = 100;

const EXPIRE_ONE = `WITH e AS (UPDATE bookings SET status = 'expired' WHERE id = ? AND status = 'pending' AND hold_until <= ? RETURNING slot_id)
  UPDATE slots SET booked = greatest(booked - 1, 0) WHERE id IN (SELECT slot_id FROM e)`;

export const EXPIRE_DUE = `WITH due AS (
    SELECT id FROM bookings WHERE status = 'pending' AND hold_until <= ? ORDER BY hold_until LIMIT ? FOR UPDATE SKIP LOCKED
  ), e AS (
    UPDATE bookings b SET status = 'expired' FROM due WHERE b.id = due.id AND b.status = 'pending' RETURNING b.slot_id
  ), s AS (
    UPDATE slots SET booked = greatest(booked - x.n, 0)
    FROM (SELECT slot_id, count(*)::int AS n FROM e GROUP BY slot_id) x WHERE slots.id = x.slot_id RETURNING 1
  )
  SELECT count(*)::int AS n FROM e`;

/** Expires a booking whose hold has ended, when it is read; returns the row as it now is. */
export const expireIfDue = async (c: Conn, booking: BookingRow, now: DateTime): Promise<BookingRow> => {
  if (booking.status !== 'pending' || booking.holdUntil === null || booking.holdUntil > now.toMillis()) return booking;
  await exec(c, EXPIRE_ONE, booking.id, now.toMillis());
  return { ...booking, status: 'expired' };
};

/** Every pending booking whose hold ended before `now`, in short statements, yielding between them; returns how many expired. */
export const expirePendingBookings = async (ctx: PgCtx, now: DateTime, batch = EXPIRE_BATCH): Promise<number> => {
  let expired = 0;
  for (let round = 0; round < 10_000; round++) {
    const n = (await row<{ n: number }>(ctx, EXPIRE_DUE, now.toMillis(), batch))!.n;
    expired += n;
    if (n < batch) break;
    await nextTurn();
  }
  return expired;
};

/**
 * Confirms a pending booking with its code: it becomes booked (only while its hold lasts) and its
 * holder gets the usual "booked" message. A wrong code is counted like a wrong `nik4`; a booking
 * already confirmed answers as it is to its code (the hash is kept).
 */
export const confirmBooking = async (
  ctx: PgCtx, code: string, nik4: string, otp: string, now: DateTime, address: string, notifyChannel: string,
): Promise<BookingView> => {
  const booking = await expireIfDue(ctx, await findBooking(ctx, code, nik4), now);
  const matches = sameHash(booking.otpHash, nikHash(ctx, otpHashInput(booking.code, otp)));
  try {
    if (decideConfirm(booking, matches, now.toMillis()) === 'unchanged') return await bookingView(ctx, booking);
  } catch (e) {
    if (!matches && !(await recordWrongOtp(ctx, booking.code, now, address, notifyChannel))) fail('TOO_MANY_ATTEMPTS');
    throw e;
  }
  return withTx(ctx, async (tx) => {
    const changed = await exec(
      tx, "UPDATE bookings SET status = 'booked', hold_until = NULL, confirmed_at = ? WHERE id = ? AND status = 'pending' AND hold_until > ?",
      now.toMillis(), booking.id, now.toMillis(),
    );
    // Expired or cancelled meanwhile (the expiry job, a closure): decided again on the row as it is now.
    const current = await findBooking(tx, code, nik4);
    if (changed !== 1) {
      decideConfirm(current, true, now.toMillis());
      return bookingView(tx, current);
    }
    const view = await bookingView(tx, current);
    const office = await loadOffice(tx, current.officeId);
    await enqueueNotification(tx, { officeId: office.id, bookingId: current.id, recipient: current.phone!, template: 'booked', payload: payloadOf(view, office) }, notifyChannel, now);
    return view;
  });
};
