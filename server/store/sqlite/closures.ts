/**
 * Closing the office or one service for a date range or "until further notice", with every
 * affected booking cancelled or moved to the first free slot and its holder notified, all in
 * one transaction. Ending an open-ended closure later sets its last day. The rules are
 * `domain/closures`; this file loads the rows, asks, and applies the answer.
 */
import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { affectedBookings, checkClosureInput, closureEnd, closureState, moveTarget } from '../../domain/closures';
import { addDays } from '../../domain/time';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { bookingView, releasePlace, type BookingRow } from './bookings';
import { audit, enqueueNotification } from './journal';
import { ensureSlots, loadClosures, loadOffice, loadOpeningHours, serviceByCode, slotsFor, todayIn, type OfficeRow, type SlotRow } from './offices';
import type { ClosureView, ClosureKind } from '../../../shared/staffTypes';
import type { ClosureInput, ClosureResult } from '../store';


/** Closes and handles the bookings; call inside a write transaction (urgent-only mode makes several at once). */
export const closeInTx = (
  ctx: StoreCtx,
  office: OfficeRow,
  input: ClosureInput,
  actor: Actor,
  now: DateTime,
  notifyChannel: string,
  kind: ClosureKind = 'closure',
): ClosureResult => {
  const officeId = office.id;
  const service = input.service ? serviceByCode(ctx, officeId, input.service) : undefined;
  checkClosureInput(input, service !== undefined, todayIn(office, now));
  const closure = ctx.db
    .insert(t.closures)
    .values({
      officeId,
      serviceId: service?.id ?? null,
      fromDate: input.from,
      toDate: input.to,
      reason: input.reason,
      action: input.action,
      kind,
      createdBy: actor.userId,
      createdAt: now.toMillis(),
    })
    .returning()
    .get();
  const booked = ctx.db
    .select({ booking: t.bookings, startAt: t.slots.startAt, endAt: t.slots.endAt })
    .from(t.bookings)
    .innerJoin(t.slots, eq(t.slots.id, t.bookings.slotId))
    .where(and(eq(t.bookings.officeId, officeId), eq(t.bookings.status, 'booked'), gte(t.bookings.date, input.from)))
    .all()
    .map((r) => ({ ...r.booking, startAt: r.startAt, endAt: r.endAt }));
  const affected = affectedBookings(booked, { ...input, serviceId: service?.id ?? null }, now);
  const search = moveSearch(ctx, office, now);
  let moved = 0;
  for (const booking of affected) {
    const before = bookingView(ctx, booking);
    const target = input.action === 'move' ? search(booking) : undefined;
    releasePlace(ctx, booking.slotId);
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
    if (booking.phone) {
      enqueueNotification(
        ctx,
        {
          officeId,
          bookingId: booking.id,
          recipient: booking.phone,
          template: target ? 'moved' : 'closure',
          payload: {
            code: view.code,
            office: office.name,
            service: view.serviceName,
            date: view.date,
            start: view.start,
            end: view.end,
            previousStart: before.start,
            previousEnd: before.end,
            reason: input.reason,
            scope: service ? 'service' : 'office',
          },
        },
        notifyChannel,
        now,
      );
    }
  }
  audit(
    ctx,
    { officeId, userId: actor.userId, action: kind === 'closure' ? 'closure.create' : 'urgent_only.closure', target: String(closure.id), detail: { ...input, affected: affected.length, moved } },
    now,
  );
  return { id: closure.id, affectedBookings: affected.length, moved, cancelled: affected.length - moved };
};

export const createClosure = (ctx: StoreCtx, officeId: string, input: ClosureInput, actor: Actor, now: DateTime, notifyChannel: string): ClosureResult =>
  writeTx(ctx, () => {
    return closeInTx(ctx, loadOffice(ctx, officeId), input, actor, now, notifyChannel);
  });

/**
 * Finds each moved booking its target slot (`domain/closures` `moveTarget`) among the slots of its
 * service within the horizon, read again for each booking (the ones moved before it took places).
 */
const moveSearch = (ctx: StoreCtx, office: OfficeRow, now: DateTime) => {
  const today = todayIn(office, now);
  const tomorrow = addDays(today, 1);
  const closures = loadClosures(ctx, office.id);
  const hours = loadOpeningHours(ctx, office.id);
  return (booking: BookingRow): SlotRow | undefined => {
    ensureSlots(ctx, office, [booking.serviceId], tomorrow, office.bookingHorizonDays);
    const slots = slotsFor(ctx, booking.serviceId, tomorrow, addDays(today, office.bookingHorizonDays - 1));
    const holderDays = booking.nikHash
      ? ctx.db
          .select({ date: t.bookings.date })
          .from(t.bookings)
          .where(
            and(
              eq(t.bookings.officeId, office.id),
              eq(t.bookings.nikHash, booking.nikHash),
              eq(t.bookings.serviceId, booking.serviceId),
              inArray(t.bookings.status, ['booked', 'checked_in']),
              sql`${t.bookings.id} <> ${booking.id}`,
            ),
          )
          .all()
          .map((b) => b.date)
      : [];
    return moveTarget(slots, { now, zone: office.timezone, horizonDays: office.bookingHorizonDays, holderDays: new Set(holderDays), closures, hours });
  };
};

/**
 * Ends a closure: `to` becomes its last closed day (`domain/closures` `closureEnd`: shortened,
 * never extended, withdrawn when before its first day). Bookings it already cancelled stay cancelled.
 */
export const endInTx = (ctx: StoreCtx, office: OfficeRow, closureId: number, to: string, actor: Actor, now: DateTime) => {
  const closure =
    ctx.db.select().from(t.closures).where(and(eq(t.closures.id, closureId), eq(t.closures.officeId, office.id))).get() ?? fail('NOT_FOUND');
  const lastDay = closureEnd({ from: closure.fromDate, to: closure.toDate }, to, todayIn(office, now));
  const updated = ctx.db
    .update(t.closures)
    .set({ toDate: lastDay, endedAt: now.toMillis(), endedBy: actor.userId })
    .where(eq(t.closures.id, closureId))
    .returning()
    .get();
  audit(ctx, { officeId: office.id, userId: actor.userId, action: 'closure.end', target: String(closureId), detail: { to: lastDay, previous: closure.toDate } }, now);
  return updated;
};

export const endClosure = (ctx: StoreCtx, officeId: string, closureId: number, to: string, actor: Actor, now: DateTime) =>
  writeTx(ctx, () => {
    return endInTx(ctx, loadOffice(ctx, officeId), closureId, to, actor, now);
  });


export const listClosures = (ctx: StoreCtx, office: OfficeRow, now: DateTime, limit = 200): ClosureView[] => {
  const today = todayIn(office, now);
  const rows = ctx.db
    .select({ c: t.closures, serviceCode: t.services.code, username: t.users.username })
    .from(t.closures)
    .leftJoin(t.services, eq(t.services.id, t.closures.serviceId))
    .leftJoin(t.users, eq(t.users.id, t.closures.createdBy))
    .where(eq(t.closures.officeId, office.id))
    .orderBy(desc(t.closures.createdAt), desc(t.closures.id))
    .limit(limit)
    .all();
  return rows.map(({ c, serviceCode, username }) => ({
    id: c.id,
    service: serviceCode ?? null,
    from: c.fromDate,
    to: c.toDate,
    reason: c.reason,
    action: c.action as ClosureView['action'],
    kind: c.kind as ClosureKind,
    state: closureState({ from: c.fromDate, to: c.toDate }, today),
    createdAt: c.createdAt,
    createdBy: username ?? null,
    endedAt: c.endedAt,
  }));
};
