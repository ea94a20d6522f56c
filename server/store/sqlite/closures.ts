/**
 * Closing the office or one service for a date range or "until further notice", with every
 * affected booking cancelled or moved (`domain/moveBookings`) and its holder notified, all in
 * one transaction. Ending an open-ended closure later sets its last day. The rules are
 * `domain/closures`; this file loads the rows, asks, and applies the answer.
 */
import { and, asc, desc, eq, gt, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { affectedBookings, checkClosureInput, closureEnd, closureState } from '../../domain/closures';
import { moveTarget } from '../../domain/moveBookings';
import { bookingLink, closureTemplate, contactFields, reopeningDue, reopeningRecipients, reopensOn } from '../../domain/closureTexts';
import { addDays } from '../../domain/time';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { bookingView, releasePlace, type BookingRow } from './bookings';
import { audit, enqueueNotification } from './journal';
import { listContacts } from './notices';
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
    // A pending booking (awaiting its WhatsApp code) still holding its place is taken like a booked one.
    .where(and(
      eq(t.bookings.officeId, officeId),
      or(eq(t.bookings.status, 'booked'), and(eq(t.bookings.status, 'pending'), gt(t.bookings.holdUntil, now.toMillis()))),
      gte(t.bookings.date, input.from),
    ))
    .all()
    .map((r) => ({ ...r.booking, startAt: r.startAt, endAt: r.endAt }));
  const affected = affectedBookings(booked, { ...input, serviceId: service?.id ?? null }, now);
  const search = moveSearch(ctx, office, input, now);
  const told = holderFacts(ctx, office);
  let moved = 0;
  for (const booking of affected) {
    const before = bookingView(ctx, booking);
    const target = input.action === 'move' ? search(booking, booking.startAt) : undefined;
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
          template: target ? 'moved' : closureTemplate(input),
          payload: {
            ...told(booking.serviceId),
            rebookFrom: input.to === null ? undefined : reopensOn(input, booking.serviceId, told.closures, told.hours),
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
 * What every message to a holder names besides the booking (domain/closureTexts): the booking
 * page's link and the WhatsApp contact of the booking's service's group. Read once per closure.
 */
const holderFacts = (ctx: StoreCtx, office: OfficeRow) => {
  const contacts = listContacts(ctx, office.id);
  const groups = new Map(ctx.db.select({ id: t.services.id, group: t.services.serviceGroup }).from(t.services).where(eq(t.services.officeId, office.id)).all().map((r) => [r.id, r.group]));
  const link = bookingLink(ctx.publicBaseUrl, office.id);
  const facts = (serviceId: number) => ({ ...(link ? { link } : {}), ...contactFields(groups.get(serviceId) ?? '', contacts) });
  return Object.assign(facts, { closures: loadClosures(ctx, office.id), hours: loadOpeningHours(ctx, office.id) });
};

/**
 * Finds each moved booking its target slot (`domain/moveBookings` `moveTarget`) among the slots of its
 * service within the horizon, read again for each booking (the ones moved before it took places).
 * The holder's other days are read only where the office keeps one booking per service and day.
 */
const moveSearch = (ctx: StoreCtx, office: OfficeRow, closure: ClosureInput, now: DateTime) => {
  const today = todayIn(office, now);
  const tomorrow = addDays(today, 1);
  const closures = loadClosures(ctx, office.id);
  const hours = loadOpeningHours(ctx, office.id);
  return (booking: BookingRow, startAt: number): SlotRow | undefined => {
    ensureSlots(ctx, office, [booking.serviceId], tomorrow, office.bookingHorizonDays);
    const slots = slotsFor(ctx, booking.serviceId, tomorrow, addDays(today, office.bookingHorizonDays - 1));
    const holderDays = booking.nikHash && office.onePerServicePerDay
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
    return moveTarget({ date: booking.date, startAt }, slots, {
      now, zone: office.timezone, horizonDays: office.bookingHorizonDays, closure, closures, hours,
      onePerServicePerDay: office.onePerServicePerDay, holderDays: new Set(holderDays),
    });
  };
};

/**
 * Ends a closure: `to` becomes its last closed day (`domain/closures` `closureEnd`: shortened,
 * never extended, withdrawn when before its first day). Bookings it already cancelled stay cancelled.
 */
export const endInTx = (ctx: StoreCtx, office: OfficeRow, closureId: number, to: string, actor: Actor, now: DateTime, notifyChannel?: string) => {
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
  if (notifyChannel && reopeningDue({ from: closure.fromDate, to: closure.toDate, reopenNotifiedAt: closure.reopenNotifiedAt }, lastDay)) {
    return tellReopening(ctx, office, closure, updated, notifyChannel, now);
  }
  return updated;
};

export const endClosure = (ctx: StoreCtx, officeId: string, closureId: number, to: string, actor: Actor, now: DateTime, notifyChannel?: string) =>
  writeTx(ctx, () => {
    return endInTx(ctx, loadOffice(ctx, officeId), closureId, to, actor, now, notifyChannel);
  });

type ClosureRow = typeof t.closures.$inferSelect;

/**
 * A closure ended early: the holders of the bookings it cancelled (those it cancelled when it was
 * made: same instant, same reason, on its days) are told once that they can book again
 * (domain/closureTexts); the closure remembers that they were told.
 */
const tellReopening = (ctx: StoreCtx, office: OfficeRow, before: ClosureRow, after: ClosureRow, notifyChannel: string, now: DateTime): ClosureRow => {
  const cancelled = ctx.db
    .select({ id: t.bookings.id, code: t.bookings.code, phone: t.bookings.phone, serviceId: t.bookings.serviceId, serviceName: t.services.nameId })
    .from(t.bookings)
    .innerJoin(t.services, eq(t.services.id, t.bookings.serviceId))
    .where(
      and(
        eq(t.bookings.officeId, office.id),
        eq(t.bookings.status, 'cancelled'),
        eq(t.bookings.cancelledAt, before.createdAt),
        eq(t.bookings.cancelReason, before.reason),
        gte(t.bookings.date, before.fromDate),
        before.toDate === null ? undefined : lte(t.bookings.date, before.toDate),
        before.serviceId === null ? undefined : eq(t.bookings.serviceId, before.serviceId),
      ),
    )
    .orderBy(asc(t.bookings.id))
    .all();
  const told = holderFacts(ctx, office);
  const lastDay = after.toDate ?? before.fromDate;
  for (const b of reopeningRecipients(cancelled)) {
    enqueueNotification(
      ctx,
      {
        officeId: office.id,
        bookingId: b.id,
        recipient: b.phone,
        template: 'reopened',
        payload: {
          ...told(b.serviceId),
          code: b.code,
          office: office.name,
          service: b.serviceName,
          scope: before.serviceId === null ? 'office' : 'service',
          reopenFrom: reopensOn({ from: before.fromDate, to: lastDay }, b.serviceId, told.closures, told.hours) ?? undefined,
        },
      },
      notifyChannel,
      now,
    );
  }
  return ctx.db.update(t.closures).set({ reopenNotifiedAt: now.toMillis() }).where(eq(t.closures.id, after.id)).returning().get();
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
    state: closureState({ from: c.fromDate, to: c.toDate }, today),
    createdAt: c.createdAt,
    createdBy: username ?? null,
    endedAt: c.endedAt,
  }));
};
