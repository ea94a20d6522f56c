/**
 * Booking operations beyond the core ones (as ../sqlite/bookingRecords.ts): the holder's calendar
 * entry, the staff view of a booking (the only place with the full phone number), and the
 * retention erasure of personal data.
 */
import type { DateTime } from 'luxon';
import { DomainError } from '../../domain/errors';
import { maskPhone } from '../../domain/phone';
import { addDays, todayIn } from '../../domain/time';
import * as t from './schema';
import { assertOffice, type Actor } from '../../domain/policy';
import { bookingView, findBooking, type BookingRow } from './bookings';
import { forgetCodeAttempts } from './codeAttempts';
import { allRows, columnsOf, exec, getRow, row, rows, withTx, type Conn, type PgCtx } from './connection';
import { audit } from './journal';
import { loadOffice } from './offices';
import type { BookingCalendar, StaffBookingView } from '../../../shared/staffTypes';

export const bookingCalendar = async (c: Conn, code: string, nik4: string): Promise<BookingCalendar> => {
  const booking = await findBooking(c, code, nik4);
  const office = await loadOffice(c, booking.officeId);
  const service = (await getRow(c, t.services, 'WHERE id = ?', booking.serviceId))!;
  return {
    booking: await bookingView(c, booking),
    office: { id: office.id, name: office.name, timezone: office.timezone },
    requirements: service.requirementsId,
    requirementsEn: service.requirementsEn,
  };
};

/** Reading a holder's personal data is itself recorded: who looked, at which booking. */
export const staffBooking = (ctx: PgCtx, officeId: string, code: string, actor: Actor, now: DateTime): Promise<StaffBookingView> =>
  withTx(ctx, async (tx) => {
    assertOffice(actor, officeId);
    const booking = await row<BookingRow>(tx, `SELECT ${columnsOf(t.bookings)} FROM bookings WHERE office_id = ? AND code = ?`, officeId, code.trim().toUpperCase());
    if (!booking) throw new DomainError('NOT_FOUND');
    await audit(tx, { officeId, userId: actor.userId, action: 'booking.viewed', target: booking.code }, now);
    return { ...(await bookingView(tx, booking)), name: booking.name, phone: booking.phone, createdByUserId: booking.createdByUserId, erased: booking.erasedAt !== null };
  });

/** Bookings erased per transaction: a short one. */
export const ERASE_BATCH = 50;

/**
 * Erases up to `limit` expired bookings of one office in one transaction; returns how many.
 * Along the index of bookings not erased yet; rows another process is erasing (or a holder
 * changing) right now are skipped, not waited for.
 */
const eraseBatch = (ctx: PgCtx, officeId: string, keepFrom: string, now: DateTime, limit: number): Promise<number> =>
  withTx(ctx, async (tx) => {
    const ids = (await rows<{ id: number }>(
      tx, 'SELECT id FROM bookings WHERE office_id = ? AND erased_at IS NULL AND date < ? LIMIT ? FOR UPDATE SKIP LOCKED', officeId, keepFrom, limit,
    )).map((r) => r.id);
    for (const id of ids) {
      await exec(tx, 'UPDATE bookings SET name = NULL, phone = NULL, nik_hash = NULL, nik_last4 = NULL, otp_hash = NULL, erased_at = ? WHERE id = ?', now.toMillis(), id);
      for (const m of await rows<{ id: number; recipient: string; status: string }>(tx, 'SELECT id, recipient, status FROM notifications WHERE booking_id = ?', id)) {
        const recipient = m.recipient.includes('•') ? m.recipient : maskPhone(m.recipient);
        // A message still waiting after the retention period has no reader any more.
        if (m.status === 'pending') {
          await exec(tx, "UPDATE notifications SET recipient = ?, status = 'failed', last_error = 'personal data erased (retention)' WHERE id = ?", recipient, m.id);
        } else {
          await exec(tx, 'UPDATE notifications SET recipient = ? WHERE id = ?', recipient, m.id);
        }
      }
    }
    return ids.length;
  });

/**
 * Erases name, phone and NIK (hash and last four digits) of bookings whose local date lies more
 * than `retentionDays` days before today in their office's calendar. The rows stay, so the
 * counts in reports do not change. Notification rows of those bookings keep only a masked number.
 * In batches of `batch` bookings, each its own short transaction. (Unlike SQLite's WAL, nothing
 * needs checkpointing: old row versions go with PostgreSQL's vacuum.)
 */
export const eraseExpiredPersonalData = async (ctx: PgCtx, now: DateTime, retentionDays: number, batch = ERASE_BATCH): Promise<{ erased: number }> => {
  let erased = 0;
  for (const office of await allRows(ctx, t.offices, 'ORDER BY id')) {
    const keepFrom = addDays(todayIn(office, now), -retentionDays);
    for (;;) {
      const n = await eraseBatch(ctx, office.id, keepFrom, now, batch);
      erased += n;
      if (n < batch) break;
    }
  }
  await forgetCodeAttempts(ctx, now);
  return { erased };
};
