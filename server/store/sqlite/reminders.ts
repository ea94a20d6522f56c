/**
 * Reminders the day before: from `reminderTime` (office-local) on, every booking of tomorrow
 * that is still booked gets one reminder in the outbox. The dedupe key (booking and date)
 * makes this safe to run any number of times, from any number of processes; a booking moved
 * to another day gets a reminder for its new day.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { reminderDay, reminderKey, wantsReminder } from '../../domain/reminders';
import { isoInZone } from '../../domain/time';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import { loadClosures } from './offices';

/** Queues the reminders now due in every office; returns how many were added. */
export const enqueueReminders = (ctx: StoreCtx, now: DateTime, channel: string, reminderTime: string): number =>
  writeTx(ctx, () => {
    let added = 0;
    for (const office of ctx.db.select().from(t.offices).all()) {
      const tomorrow = reminderDay(now, office.timezone, reminderTime);
      if (tomorrow === null) continue;
      const closures = loadClosures(ctx, office.id);
      const rows = ctx.db
        .select({ booking: t.bookings, slot: t.slots, service: t.services })
        .from(t.bookings)
        .innerJoin(t.slots, eq(t.slots.id, t.bookings.slotId))
        .innerJoin(t.services, eq(t.services.id, t.bookings.serviceId))
        .where(and(eq(t.bookings.officeId, office.id), eq(t.bookings.date, tomorrow), eq(t.bookings.status, 'booked'), isNull(t.bookings.erasedAt)))
        .orderBy(asc(t.slots.startAt), asc(t.bookings.id))
        .all();
      for (const { booking, slot, service } of rows) {
        if (!wantsReminder(booking, tomorrow, closures)) continue;
        const inserted = ctx.db
          .insert(t.notifications)
          .values({
            officeId: office.id,
            bookingId: booking.id,
            channel,
            recipient: booking.phone,
            template: 'reminder',
            payload: JSON.stringify({
              code: booking.code,
              office: office.name,
              service: service.nameId,
              date: booking.date,
              start: isoInZone(slot.startAt, office.timezone),
              end: isoInZone(slot.endAt, office.timezone),
            }),
            nextAttemptAt: now.toMillis(),
            createdAt: now.toMillis(),
            dedupeKey: reminderKey(booking.id, booking.date),
          })
          .onConflictDoNothing()
          .run();
        added += inserted.changes;
      }
    }
    return added;
  });
