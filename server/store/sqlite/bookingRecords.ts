/**
 * Booking operations beyond the core ones: the holder's calendar entry, the staff view of a
 * booking (the only place with the full phone number), and the retention erasure of
 * personal data. Each is one transaction.
 */
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { DomainError } from '../../domain/errors';
import { maskPhone } from '../../domain/phone';
import { addDays, todayIn } from '../../domain/time';
import * as t from './schema';
import type { BookingView } from '../../../shared/types';
import { assertOffice, type Actor } from '../../domain/policy';
import { bookingView, findBooking } from './bookings';
import { writeTx, type StoreCtx } from './connection';
import { audit } from './journal';
import { loadOffice } from './offices';
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

/**
 * Erases name, phone and NIK (hash and last four digits) of bookings whose local date lies more
 * than `retentionDays` days before today in their office's calendar. The rows stay, so the
 * counts in reports do not change. Notification rows of those bookings keep only a masked number.
 */
export const eraseExpiredPersonalData = (ctx: StoreCtx, now: DateTime, retentionDays: number): { erased: number } =>
  writeTx(ctx, () => {
    let erased = 0;
    for (const office of ctx.db.select().from(t.offices).all()) {
      const keepFrom = addDays(todayIn(office, now), -retentionDays);
      const expired = and(eq(t.bookings.officeId, office.id), lt(t.bookings.date, keepFrom), isNull(t.bookings.erasedAt));
      const ids = ctx.db.select({ id: t.bookings.id }).from(t.bookings).where(expired).all().map((r) => r.id);
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        ctx.db
          .update(t.bookings)
          .set({ name: null, phone: null, nikHash: null, nikLast4: null, erasedAt: now.toMillis() })
          .where(inArray(t.bookings.id, chunk))
          .run();
        const messages = ctx.db
          .select({ id: t.notifications.id, recipient: t.notifications.recipient, status: t.notifications.status })
          .from(t.notifications)
          .where(inArray(t.notifications.bookingId, chunk))
          .all();
        for (const m of messages) {
          ctx.db
            .update(t.notifications)
            .set({
              recipient: m.recipient.includes('•') ? m.recipient : maskPhone(m.recipient),
              // A message still waiting after the retention period has no reader any more.
              ...(m.status === 'pending' ? { status: 'failed', lastError: 'personal data erased (retention)' } : {}),
            })
            .where(eq(t.notifications.id, m.id))
            .run();
        }
      }
      erased += ids.length;
    }
    return { erased };
  });

