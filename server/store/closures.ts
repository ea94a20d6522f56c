/** Closing the office or one service for a date range, with its bookings cancelled or moved, in one transaction. */
import { and, asc, eq, gt, gte, lte, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { invalid } from '../domain/errors';
import { closureOn } from '../domain/slots';
import { addDays } from '../domain/time';
import * as t from '../db/schema';
import { writeTx, type StoreCtx } from './context';
import { assertOffice, type Actor } from './actor';
import { bookingView, type BookingRow } from './bookings';
import { audit, enqueueNotification } from './notify';
import { ensureSlots, loadClosures, loadOffice, serviceByCode, todayIn } from './offices';

export type ClosureInput = { from: string; to: string | null; service?: string; reason: string; action: 'cancel' | 'move' };

export const createClosure = (ctx: StoreCtx, officeId: string, input: ClosureInput, actor: Actor, now: DateTime, notifyChannel: string) =>
  writeTx(ctx, () => {
    assertOffice(actor, officeId);
    const office = loadOffice(ctx, officeId);
    const service = input.service ? (serviceByCode(ctx, officeId, input.service) ?? invalid({ service: { key: 'unknown_service' } })) : null;
    if (input.to !== null && input.to < input.from) invalid({ to: { key: 'date_order' } });
    const closure = ctx.db
      .insert(t.closures)
      .values({
        officeId,
        serviceId: service?.id ?? null,
        fromDate: input.from,
        toDate: input.to,
        reason: input.reason,
        action: input.action,
        createdBy: actor.userId,
        createdAt: now.toMillis(),
      })
      .returning()
      .get();
    const affected = ctx.db
      .select()
      .from(t.bookings)
      .where(
        and(
          eq(t.bookings.officeId, officeId),
          eq(t.bookings.status, 'booked'),
          gte(t.bookings.date, input.from),
          input.to === null ? undefined : lte(t.bookings.date, input.to),
          service ? eq(t.bookings.serviceId, service.id) : undefined,
        ),
      )
      .all();
    const closures = loadClosures(ctx, officeId);
    let moved = 0;
    for (const booking of affected) {
      const target = input.action === 'move' ? firstFreeSlot(ctx, officeId, booking, closures, now) : undefined;
      ctx.db.update(t.slots).set({ booked: sql`max(${t.slots.booked} - 1, 0)` }).where(eq(t.slots.id, booking.slotId)).run();
      let updated: BookingRow;
      if (target) {
        ctx.db.update(t.slots).set({ booked: sql`${t.slots.booked} + 1` }).where(eq(t.slots.id, target.id)).run();
        updated = ctx.db.update(t.bookings).set({ slotId: target.id, date: target.date }).where(eq(t.bookings.id, booking.id)).returning().get();
        moved++;
      } else {
        updated = ctx.db
          .update(t.bookings)
          .set({ status: 'cancelled', cancelledAt: now.toMillis(), cancelReason: input.reason })
          .where(eq(t.bookings.id, booking.id))
          .returning()
          .get();
      }
      const view = bookingView(ctx, updated);
      enqueueNotification(
        ctx,
        {
          officeId,
          bookingId: booking.id,
          recipient: booking.phone ?? '',
          template: target ? 'moved' : 'closure',
          payload: { code: view.code, office: office.name, service: view.serviceName, date: view.date, start: view.start, end: view.end, reason: input.reason },
        },
        notifyChannel,
        now,
      );
    }
    audit(ctx, { officeId, userId: actor.userId, action: 'closure.create', target: String(closure.id), detail: { ...input, affected: affected.length, moved } }, now);
    return { id: closure.id, affectedBookings: affected.length, moved, cancelled: affected.length - moved };
  });

/** The earliest slot of the same service, after today and outside every closure, with a free place. */
const firstFreeSlot = (
  ctx: StoreCtx,
  officeId: string,
  booking: BookingRow,
  closures: ReturnType<typeof loadClosures>,
  now: DateTime,
) => {
  const office = loadOffice(ctx, officeId);
  const from = addDays(todayIn(office, now), 1);
  ensureSlots(ctx, office, [booking.serviceId], from, office.bookingHorizonDays);
  const candidates = ctx.db
    .select()
    .from(t.slots)
    .where(and(eq(t.slots.serviceId, booking.serviceId), gte(t.slots.date, from), gt(t.slots.startAt, now.toMillis()), sql`${t.slots.booked} < ${t.slots.capacity}`))
    .orderBy(asc(t.slots.startAt))
    .all();
  return candidates.find((s) => !closureOn(closures, s.date, s.serviceId));
};

export const endClosure = (ctx: StoreCtx, officeId: string, closureId: number, to: string, actor: Actor, now: DateTime) =>
  writeTx(ctx, () => {
    assertOffice(actor, officeId);
    const updated = ctx.db
      .update(t.closures)
      .set({ toDate: to })
      .where(and(eq(t.closures.id, closureId), eq(t.closures.officeId, officeId)))
      .returning()
      .get();
    if (!updated) invalid({ id: { key: 'invalid' } });
    audit(ctx, { officeId, userId: actor.userId, action: 'closure.end', target: String(closureId), detail: { to } }, now);
    return updated!;
  });

