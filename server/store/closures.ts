/**
 * Closing the office or one service for a date range or "until further notice", with every
 * affected booking cancelled or moved to the first free slot and its holder notified, all in
 * one transaction. Ending an open-ended closure later sets its last day.
 */
import { and, asc, desc, eq, gt, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail, invalid } from '../domain/errors';
import type { ClosureSpan } from '../domain/slots';
import { addDays } from '../domain/time';
import * as t from '../db/schema';
import { writeTx, type StoreCtx } from './context';
import { assertOffice, assertRole, type Actor } from './actor';
import { bookingView, releasePlace, type BookingRow } from './bookings';
import { audit, enqueueNotification } from './notify';
import { closedReason, ensureSlots, loadClosures, loadOffice, serviceByCode, todayIn, type OfficeRow, type SlotRow } from './offices';

export type ClosureInput = { from: string; to: string | null; service?: string; reason: string; action: 'cancel' | 'move' };
export type ClosureKind = 'closure' | 'urgent_only';
export type ClosureResult = { id: number; affectedBookings: number; moved: number; cancelled: number };

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
  const service = input.service ? (serviceByCode(ctx, officeId, input.service) ?? invalid({ service: { key: 'unknown_service' } })) : null;
  if (input.from < todayIn(office, now)) invalid({ from: { key: 'past_date' } });
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
      kind,
      createdBy: actor.userId,
      createdAt: now.toMillis(),
    })
    .returning()
    .get();
  // Bookings whose slot has already ended are history (a no-show is not told the office closed).
  const affected = ctx.db
    .select({ booking: t.bookings })
    .from(t.bookings)
    .innerJoin(t.slots, eq(t.slots.id, t.bookings.slotId))
    .where(
      and(
        eq(t.bookings.officeId, officeId),
        eq(t.bookings.status, 'booked'),
        gte(t.bookings.date, input.from),
        input.to === null ? undefined : lte(t.bookings.date, input.to),
        service ? eq(t.bookings.serviceId, service.id) : undefined,
        gt(t.slots.endAt, now.toMillis()),
      ),
    )
    .orderBy(asc(t.slots.startAt), asc(t.bookings.id))
    .all()
    .map((r) => r.booking);
  const closures = loadClosures(ctx, officeId);
  let moved = 0;
  for (const booking of affected) {
    const before = bookingView(ctx, booking);
    const target = input.action === 'move' ? firstFreeSlot(ctx, office, booking, closures, now) : undefined;
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
    assertRole(actor, 'admin');
    assertOffice(actor, officeId);
    return closeInTx(ctx, loadOffice(ctx, officeId), input, actor, now, notifyChannel);
  });

/**
 * The earliest slot of the same service, from tomorrow, on an open day outside every closure,
 * with a free place, on a day where the holder has no other booking for that service.
 */
const firstFreeSlot = (ctx: StoreCtx, office: OfficeRow, booking: BookingRow, closures: ClosureSpan[], now: DateTime): SlotRow | undefined => {
  const from = addDays(todayIn(office, now), 1);
  ensureSlots(ctx, office, [booking.serviceId], from, office.bookingHorizonDays);
  const candidates = ctx.db
    .select()
    .from(t.slots)
    .where(
      and(
        eq(t.slots.serviceId, booking.serviceId),
        gte(t.slots.date, from),
        lte(t.slots.date, addDays(todayIn(office, now), office.bookingHorizonDays - 1)),
        gt(t.slots.startAt, now.toMillis()),
        sql`${t.slots.booked} < ${t.slots.capacity}`,
      ),
    )
    .orderBy(asc(t.slots.startAt))
    .all();
  const busyDates = new Set(
    booking.nikHash
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
      : [],
  );
  const openDay = new Map<string, boolean>();
  return candidates.find((s) => {
    if (busyDates.has(s.date)) return false;
    if (!openDay.has(s.date)) openDay.set(s.date, closedReason(ctx, office, s.serviceId, s.date, closures) === undefined);
    return openDay.get(s.date);
  });
};

/**
 * Ends a closure: `to` becomes its last closed day. It can be shortened, never extended here
 * (an extension would need its bookings handled: make a new closure). A `to` before its first
 * day withdraws it altogether. Bookings it already cancelled stay cancelled.
 */
export const endInTx = (ctx: StoreCtx, office: OfficeRow, closureId: number, to: string, actor: Actor, now: DateTime) => {
  const closure =
    ctx.db.select().from(t.closures).where(and(eq(t.closures.id, closureId), eq(t.closures.officeId, office.id))).get() ?? fail('NOT_FOUND');
  const yesterday = addDays(todayIn(office, now), -1);
  if (to < yesterday) invalid({ to: { key: 'past_date' } });
  if (closure.toDate !== null && to > closure.toDate) invalid({ to: { key: 'closure_extend' } });
  const lastDay = to < closure.fromDate ? addDays(closure.fromDate, -1) : to;
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
    assertRole(actor, 'admin');
    assertOffice(actor, officeId);
    return endInTx(ctx, loadOffice(ctx, officeId), closureId, to, actor, now);
  });

export type ClosureView = {
  id: number;
  service: string | null;
  from: string;
  to: string | null;
  reason: string;
  action: 'cancel' | 'move';
  kind: ClosureKind;
  /** upcoming | active (covers today) | ended (its last day has passed) | withdrawn (ended before it began) */
  state: 'upcoming' | 'active' | 'ended' | 'withdrawn';
  createdAt: number;
  createdBy: string | null;
  endedAt: number | null;
};

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
    state: c.toDate !== null && c.toDate < c.fromDate ? 'withdrawn' : c.fromDate > today ? 'upcoming' : c.toDate !== null && c.toDate < today ? 'ended' : 'active',
    createdAt: c.createdAt,
    createdBy: username ?? null,
    endedAt: c.endedAt,
  }));
};
