/**
 * Booking operations beyond the core ones: the holder's calendar entry, the staff view of a
 * booking (the only place with the full phone number), and the retention erasure of
 * personal data. Each is one transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { DomainError } from '../../domain/errors';
import { maskPhone } from '../../domain/phone';
import { addDays, todayIn } from '../../domain/time';
import * as t from './schema';
import type { BookingView } from '../../../shared/types';
import { assertOffice, type Actor } from '../../domain/policy';
import { bookingView, findBooking } from './bookings';
import { forgetCodeAttempts } from './codeAttempts';
import { writeTx, type StoreCtx } from './connection';
import { audit } from './journal';
import { loadOffice } from './offices';
import { allRows, stmt } from './prepared';
import { nextTurn } from './slices';
import type { BookingCalendar, StaffBookingView } from '../../../shared/staffTypes';

export const bookingCalendar = (ctx: StoreCtx, code: string, nik4: string): BookingCalendar => {
  const row = findBooking(ctx, code, nik4);
  const office = loadOffice(ctx, row.officeId);
  const service = ctx.db.select().from(t.services).where(eq(t.services.id, row.serviceId)).get()!;
  return {
    booking: bookingView(ctx, row),
    office: { id: office.id, name: office.name, timezone: office.timezone },
    requirements: service.requirementsId,
    requirementsEn: service.requirementsEn,
  };
};

/** Reading a holder's personal data is itself recorded: who looked, at which booking. */
export const staffBooking = (ctx: StoreCtx, officeId: string, code: string, actor: Actor, now: DateTime): StaffBookingView =>
  writeTx(ctx, () => {
    assertOffice(actor, officeId);
    const row = ctx.db
      .select()
      .from(t.bookings)
      .where(and(eq(t.bookings.officeId, officeId), eq(t.bookings.code, code.trim().toUpperCase())))
      .get();
    if (!row) throw new DomainError('NOT_FOUND');
    audit(ctx, { officeId, userId: actor.userId, action: 'booking.viewed', target: row.code }, now);
    return { ...bookingView(ctx, row), name: row.name, phone: row.phone, createdByUserId: row.createdByUserId, erased: row.erasedAt !== null };
  });

/** Bookings erased per transaction: a short one, with the event loop given back between two. */
export const ERASE_BATCH = 50;
export const EXPIRED_BOOKINGS_SQL = 'SELECT id FROM bookings WHERE office_id = ? AND erased_at IS NULL AND date < ? LIMIT ?';
export const BOOKING_MESSAGES_SQL = 'SELECT id, recipient, status FROM notifications WHERE booking_id = ?';

/** Erases up to `limit` expired bookings of one office in one write transaction; returns how many. */
const eraseBatch = (ctx: StoreCtx, officeId: string, keepFrom: string, now: DateTime, limit: number): number =>
  writeTx(ctx, () => {
    // Along the index of bookings not erased yet: erased ones are not even looked at again.
    const ids = (stmt(ctx, EXPIRED_BOOKINGS_SQL).all(officeId, keepFrom, limit) as { id: number }[]).map((r) => r.id);
    const erase = stmt(ctx, 'UPDATE bookings SET name = NULL, phone = NULL, nik_hash = NULL, nik_last4 = NULL, otp_hash = NULL, erased_at = ? WHERE id = ?');
    const mask = stmt(ctx, 'UPDATE notifications SET recipient = ? WHERE id = ?');
    const drop = stmt(ctx, "UPDATE notifications SET recipient = ?, status = 'failed', last_error = 'personal data erased (retention)' WHERE id = ?");
    for (const id of ids) {
      erase.run(now.toMillis(), id);
      for (const m of stmt(ctx, BOOKING_MESSAGES_SQL).all(id) as { id: number; recipient: string; status: string }[]) {
        const recipient = m.recipient.includes('•') ? m.recipient : maskPhone(m.recipient);
        // A message still waiting after the retention period has no reader any more.
        (m.status === 'pending' ? drop : mask).run(recipient, m.id);
      }
    }
    return ids.length;
  });

/**
 * Erases name, phone and NIK (hash and last four digits) of bookings whose local date lies more
 * than `retentionDays` days before today in their office's calendar. The rows stay, so the
 * counts in reports do not change. Notification rows of those bookings keep only a masked number.
 * In batches of `batch` bookings, each its own short transaction, with the event loop given
 * back between two: a first run over years of bookings holds neither the write lock nor the
 * server for long. Then the WAL is checkpointed and truncated (see below).
 */
export const eraseExpiredPersonalData = async (ctx: StoreCtx, now: DateTime, retentionDays: number, batch = ERASE_BATCH): Promise<{ erased: number }> => {
  let erased = 0;
  for (const office of allRows(ctx, t.offices, 'ORDER BY id')) {
    const keepFrom = addDays(todayIn(office, now), -retentionDays);
    for (;;) {
      const n = eraseBatch(ctx, office.id, keepFrom, now, batch);
      erased += n;
      if (n < batch) break;
      await nextTurn();
    }
  }
  forgetCodeAttempts(ctx, now);
  // Copy the WAL into the database file (whose freed space secure_delete zeroes) and empty it,
  // so that the erased values are gone from the bytes of both files. Best effort: a reader that
  // holds an old snapshot keeps the WAL for now; the next run tries again.
  ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { erased };
};
