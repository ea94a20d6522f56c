/** Booking use cases: book a place, read, cancel, reschedule. Each is one transaction. */
import { eq, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { DomainError, fail, invalid } from '../domain/errors';
import { checkNik } from '../domain/nik';
import { maskNik, maskPhone, normalisePhone } from '../domain/phone';
import { slotBookability } from '../domain/slots';
import { isoInZone } from '../domain/time';
import * as t from '../db/schema';
import type { BookingView } from '../../shared/types';
import { nikHash, randomCode, writeTx, type StoreCtx } from './context';
import { audit, enqueueNotification } from './notify';
import { blankoEmpty } from './admin/blanko';
import { closedReason, loadOffice, serviceByCode, todayIn, type OfficeRow, type ServiceRow, type SlotRow } from './offices';
import { getRow, insertReturning, stmt } from './prepared';

export type BookingRow = typeof t.bookings.$inferSelect;
export type BookInput = { service: string; slotId: number; nik: string; name: string; phone: string };
export type BookOptions = { createdByUserId?: number; notifyChannel: string };

const ACTIVE = ['booked', 'checked_in'];

export const bookingView = (ctx: StoreCtx, booking: BookingRow): BookingView => {
  const office = loadOffice(ctx, booking.officeId);
  const slot = getRow(ctx, t.slots, 'WHERE id = ?', booking.slotId)!;
  const service = getRow(ctx, t.services, 'WHERE id = ?', booking.serviceId)!;
  const ticket = stmt(ctx, 'SELECT id FROM tickets WHERE booking_id = ?').get(booking.id) as { id: string } | undefined;
  return viewOf(booking, office, slot, service, ticket?.id);
};

/** The public shape of a booking from rows already in hand. */
const viewOf = (booking: BookingRow, office: OfficeRow, slot: SlotRow, service: ServiceRow, ticketId?: string): BookingView => {
  return {
    code: booking.code,
    office: office.id,
    service: service.code,
    serviceName: service.nameId,
    date: booking.date,
    start: isoInZone(slot.startAt, office.timezone),
    end: isoInZone(slot.endAt, office.timezone),
    slotId: slot.id,
    status: booking.status as BookingView['status'],
    statusUrl: `/booking/?code=${booking.code}`,
    nikMasked: booking.nikLast4 ? maskNik(booking.nikLast4) : '',
    phoneMasked: booking.phone ? maskPhone(booking.phone) : '',
    ...(booking.cancelReason ? { cancelReason: booking.cancelReason } : {}),
    ...(ticketId ? { ticketId } : {}),
  };
};

const checkPerson = (input: BookInput, today: string): { nik: string; phone: string; name: string } => {
  const fields: Record<string, { key: string; params?: Record<string, number> }> = {};
  const nik = checkNik(input.nik, today);
  if (!nik.ok) fields.nik = { key: nik.problem };
  const phone = normalisePhone(input.phone);
  if (!phone) fields.phone = { key: 'phone' };
  const name = input.name.trim();
  if (name.length < 2) fields.name = { key: 'too_short', params: { min: 2 } };
  if (Object.keys(fields).length) invalid(fields);
  return { nik: input.nik, phone: phone!, name };
};

/** Refusals that depend on the slot alone: its service closed that day, begun, past the cut-off, or full. */
const slotRefusal = (ctx: StoreCtx, office: OfficeRow, slot: SlotRow, now: DateTime): void => {
  const reason = closedReason(ctx, office, slot.serviceId, slot.date);
  if (reason) fail('CLOSED', { reason });
  const state = slotBookability(slot, now, office.timezone, {
    cutoffMinutes: office.bookingCutoffMinutes,
    horizonDays: office.bookingHorizonDays,
  });
  if (state === 'full') fail('SLOT_FULL');
  if (state !== 'ok') fail('SLOT_NOT_BOOKABLE');
};

/** Places the booking in `slot` after every per-NIK and capacity rule; call inside a transaction. */
const takePlace = (
  ctx: StoreCtx,
  office: OfficeRow,
  slot: SlotRow,
  /** The holder's NIK hash, computed only once the slot itself can take the booking. */
  nikHashOf: () => string,
  now: DateTime,
  ignoreBookingId?: number,
): void => {
  slotRefusal(ctx, office, slot, now);

  // The same person's other active bookings (prepared statements: this runs on every attempt of a burst).
  const others = `FROM bookings WHERE office_id = ? AND nik_hash = ? AND status IN (${ACTIVE.map((a) => `'${a}'`).join(', ')}) AND id <> ?`;
  const mine = [office.id, nikHashOf(), ignoreBookingId ?? -1];
  if (office.onePerServicePerDay) {
    const same = stmt(ctx, `SELECT 1 ${others} AND service_id = ? AND date = ?`).get(...mine, slot.serviceId, slot.date);
    if (same) fail('DUPLICATE_BOOKING');
  }
  const active = stmt(ctx, `SELECT count(*) AS n ${others} AND date >= ?`).get(...mine, todayIn(office, now)) as { n: number };
  if (active.n >= office.maxActiveBookingsPerNik) fail('BOOKING_LIMIT', { limit: office.maxActiveBookingsPerNik });

  // The capacity check and the increment are one statement inside the write transaction.
  const taken = stmt(ctx, 'UPDATE slots SET booked = booked + 1 WHERE id = ? AND booked < capacity').run(slot.id);
  if (taken.changes !== 1) fail('SLOT_FULL');
};

const releasePlace = (ctx: StoreCtx, slotId: number): void => {
  ctx.db.update(t.slots).set({ booked: sql`max(${t.slots.booked} - 1, 0)` }).where(eq(t.slots.id, slotId)).run();
};

const loadSlot = (ctx: StoreCtx, officeId: string, serviceId: number, slotId: number): SlotRow =>
  getRow(ctx, t.slots, 'WHERE id = ? AND office_id = ? AND service_id = ?', slotId, officeId, serviceId) ?? fail('NOT_FOUND');

const payloadOf = (view: BookingView, office: OfficeRow) =>
  ({ code: view.code, office: office.name, service: view.serviceName, date: view.date, start: view.start, end: view.end });

const notificationPayload = (ctx: StoreCtx, booking: BookingRow) => payloadOf(bookingView(ctx, booking), loadOffice(ctx, booking.officeId));

const INSERT_BOOKING = `INSERT INTO bookings (office_id, code, service_id, slot_id, date, nik_hash, nik_last4, name, phone, status, created_at, created_by_user_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?)`;

/** What a booking request names, read and checked in the order its refusals are given. */
const bookingParts = (ctx: StoreCtx, officeId: string, input: BookInput, now: DateTime) => {
  const office = loadOffice(ctx, officeId);
  const service = serviceByCode(ctx, officeId, input.service) ?? invalid({ service: { key: 'unknown_service' } });
  const person = checkPerson(input, todayIn(office, now));
  if (!service.bookable) fail('SERVICE_UNAVAILABLE');
  if (blankoEmpty(office, service)) fail('BLANKO_EMPTY');
  const slot = loadSlot(ctx, officeId, service.id, input.slotId);
  return { office, service, person, slot };
};

export const bookPlace = (ctx: StoreCtx, officeId: string, input: BookInput, now: DateTime, opts: BookOptions): BookingView => {
  // When a day's places open, most attempts meet a full slot. Those (and every other refusal the
  // request or the slot alone decides) are answered from plain reads, without taking the write
  // lock; what passes is read and checked again, and taken, inside the write transaction.
  // One read transaction for these reads: one snapshot and one WAL read lock instead of one each.
  ctx.sqlite
    .transaction(() => {
      const seen = bookingParts(ctx, officeId, input, now);
      slotRefusal(ctx, seen.office, seen.slot, now);
    })
    .deferred();
  return writeTx(ctx, () => {
    const { office, service, person, slot } = bookingParts(ctx, officeId, input, now);
    let hash: string | undefined;
    const hashOf = () => (hash ??= nikHash(ctx, person.nik));
    takePlace(ctx, office, slot, hashOf, now);

    let booking: BookingRow | undefined;
    for (let attempt = 0; !booking; attempt++) {
      try {
        booking = insertReturning(
          ctx, t.bookings, INSERT_BOOKING,
          officeId, randomCode(8), service.id, slot.id, slot.date, hashOf(), person.nik.slice(-4), person.name, person.phone,
          now.toMillis(), opts.createdByUserId ?? null,
        );
      } catch (e) {
        // A code collision (1 in 10^12) is retried; anything else is a real error.
        if (attempt > 3 || !String(e).includes('bookings.code')) throw e;
      }
    }
    // A new booking has no ticket yet; the office, slot and service are already in hand.
    const view = viewOf(booking, office, slot, service);
    enqueueNotification(
      ctx,
      { officeId, bookingId: booking.id, recipient: person.phone, template: 'booked', payload: payloadOf(view, office) },
      opts.notifyChannel,
      now,
    );
    if (opts.createdByUserId !== undefined) {
      audit(ctx, { officeId, userId: opts.createdByUserId, action: 'booking.assisted', target: booking.code }, now);
    }
    return view;
  });
};

/** A wrong nik4 and an unknown code give the same NOT_FOUND, so codes cannot be probed. */
export const findBooking = (ctx: StoreCtx, code: string, nik4: string): BookingRow => {
  const booking = ctx.db.select().from(t.bookings).where(eq(t.bookings.code, code.toUpperCase())).get();
  if (!booking || !booking.nikLast4 || booking.nikLast4 !== nik4) throw new DomainError('NOT_FOUND');
  return booking;
};

export const getBooking = (ctx: StoreCtx, code: string, nik4: string): BookingView => bookingView(ctx, findBooking(ctx, code, nik4));

export const cancelBooking = (ctx: StoreCtx, code: string, nik4: string, now: DateTime, notifyChannel: string): BookingView =>
  writeTx(ctx, () => {
    const booking = findBooking(ctx, code, nik4);
    if (booking.status !== 'booked') fail('INVALID_STATE', { status: booking.status });
    const updated = ctx.db
      .update(t.bookings)
      .set({ status: 'cancelled', cancelledAt: now.toMillis(), cancelReason: 'Dibatalkan oleh pemesan / Cancelled by the holder' })
      .where(eq(t.bookings.id, booking.id))
      .returning()
      .get();
    releasePlace(ctx, booking.slotId);
    enqueueNotification(
      ctx,
      { officeId: booking.officeId, bookingId: booking.id, recipient: booking.phone!, template: 'cancelled', payload: notificationPayload(ctx, updated) },
      notifyChannel,
      now,
    );
    return bookingView(ctx, updated);
  });

/** Moves a booking to another slot of the same service: the old place is released only once the new one is secured. */
export const rescheduleBooking = (
  ctx: StoreCtx,
  code: string,
  nik4: string,
  newSlotId: number,
  now: DateTime,
  notifyChannel: string,
): BookingView =>
  writeTx(ctx, () => {
    const booking = findBooking(ctx, code, nik4);
    if (booking.status !== 'booked') fail('INVALID_STATE', { status: booking.status });
    const office = loadOffice(ctx, booking.officeId);
    // The rule behind availability's `bookable`: a service closed to online booking takes no moves either.
    const service = ctx.db.select().from(t.services).where(eq(t.services.id, booking.serviceId)).get();
    if (!service?.bookable) fail('SERVICE_UNAVAILABLE');
    const slot = loadSlot(ctx, office.id, booking.serviceId, newSlotId);
    if (slot.id === booking.slotId) return bookingView(ctx, booking);
    takePlace(ctx, office, slot, () => booking.nikHash!, now, booking.id);
    releasePlace(ctx, booking.slotId);
    const updated = ctx.db
      .update(t.bookings)
      .set({ slotId: slot.id, date: slot.date })
      .where(eq(t.bookings.id, booking.id))
      .returning()
      .get();
    enqueueNotification(
      ctx,
      { officeId: office.id, bookingId: booking.id, recipient: booking.phone!, template: 'moved', payload: notificationPayload(ctx, updated) },
      notifyChannel,
      now,
    );
    return bookingView(ctx, updated);
  });

export { releasePlace, takePlace };
