/**
 * Booking use cases: book a place, read, cancel, reschedule. Each is one transaction: the rows
 * are loaded, domain/booking decides, and the place is taken by compare-and-set.
 */
import { eq, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { holdFacts, newOtp, otpPayload } from '../confirmationCodes';
import { expireIfDue } from './confirmations';
import { initialBookingState, type ConfirmationPolicy } from '../../domain/confirmation';
import { checkCancellable, checkChangeable, decideBooking, decideHolder, decideMove, holderCancelReason, type HolderBookings, type SlotOnDay } from '../../domain/booking';
import { DomainError, fail } from '../../domain/errors';
import { maskNik, maskPhone } from '../../domain/phone';
import { requirementsOf } from '../../domain/requirements';
import { isoInZone, todayIn } from '../../domain/time';
import * as t from './schema';
import type { BookingView } from '../../../shared/types';
import { randomCode } from '../../security/tokens';
import type Database from 'better-sqlite3';
import { changeStamp } from './changeStamp';
import { nikHash, readTx, writeTx, type StoreCtx } from './connection';
import { audit, enqueueNotification } from './journal';
import { dayFacts, loadOffice, officeRules, serviceByCode, type OfficeRow, type ServiceRow, type SlotRow } from './offices';
import { getRow, insertReturning, stmt } from './prepared';
import type { BookInput } from '../store';
import { markUrgentBooking } from './urgentBookings';
import { assistedDetail } from '../../domain/assisted';
import { admissionGate, useAdmission } from './waitingRoom';

export type BookingRow = typeof t.bookings.$inferSelect;
export type BookOptions = { createdByUserId?: number; notifyChannel: string; confirmation: ConfirmationPolicy | null };

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
    ...holdFacts(booking, office.timezone),
    statusUrl: `/booking/?code=${booking.code}`,
    nikMasked: booking.nikLast4 ? maskNik(booking.nikLast4) : '',
    phoneMasked: booking.phone ? maskPhone(booking.phone) : '',
    ...(booking.cancelReason ? { cancelReason: booking.cancelReason } : {}),
    ...(ticketId ? { ticketId } : {}),
    ...requirementsOf(service),
  };
};

/** A booking that holds its place at the instant bound to its `?`. */
const HOLDS_PLACE = "(status IN ('booked', 'checked_in') OR (status = 'pending' AND hold_until > ?))";

/**
 * Whose bookings the holder rules count: the NIK's hash and the phone number as stored (E.164; null
 * once erased, or when it is an assisting helper's: such bookings are outside the per-phone rule).
 */
type HolderKeys = { nikHash: string; phone: string | null };

/**
 * The holder's other active bookings, as decideHolder asks: one prepared read on the NIK index
 * and the phone index, on every booking of a burst.
 */
const holderBookings = (ctx: StoreCtx, officeId: string, holder: HolderKeys, slot: SlotRow, now: DateTime, today: string, ignoreBookingId = -1): HolderBookings => {
  const nowMs = now.toMillis();
  // A pending booking counts while it holds its place (domain/confirmation holdsPlace).
  // INDEXED BY: without statistics the planner took the office's date index for the phone count,
  // and read every booking from today on (all of a quota day's bookings, for each new one).
  const row = stmt(
    ctx,
    `SELECT coalesce(max(service_id = ? AND date = ?), 0) AS same, coalesce(sum(date >= ?), 0) AS active,
       (SELECT count(*) FROM bookings INDEXED BY bookings_phone WHERE office_id = ? AND phone = ? AND contact_is_helper = 0 AND ${HOLDS_PLACE} AND date >= ? AND id <> ?) AS phoneActive
     FROM bookings INDEXED BY bookings_nik WHERE office_id = ? AND nik_hash = ? AND ${HOLDS_PLACE} AND id <> ?`,
  ).get(slot.serviceId, slot.date, today, officeId, holder.phone, nowMs, today, ignoreBookingId, officeId, holder.nikHash, nowMs, ignoreBookingId) as {
    same: number; active: number; phoneActive: number;
  };
  return { sameServiceSameDay: row.same === 1, activeFromToday: row.active, phoneActiveFromToday: row.phoneActive };
};

/** Places the booking in a slot the domain has accepted, after the holder's own rules; call inside the write transaction. */
const takePlace = (ctx: StoreCtx, office: OfficeRow, slot: SlotRow, holder: HolderKeys, now: DateTime, ignoreBookingId?: number): void => {
  decideHolder(office, holderBookings(ctx, office.id, holder, slot, now, todayIn(office, now), ignoreBookingId));
  // The capacity check and the increment are one statement inside the write transaction.
  const taken = stmt(ctx, 'UPDATE slots SET booked = booked + 1 WHERE id = ? AND booked < capacity').run(slot.id);
  if (taken.changes !== 1) fail('SLOT_FULL');
};

const releasePlace = (ctx: StoreCtx, slotId: number): void => {
  ctx.db.update(t.slots).set({ booked: sql`max(${t.slots.booked} - 1, 0)` }).where(eq(t.slots.id, slotId)).run();
};

/** The slot a request names, with the facts of its day; undefined when the service has no such slot. */
const slotOnDay = (ctx: StoreCtx, officeId: string, serviceId: number, slotId: number): (SlotOnDay & { slot: SlotRow }) | undefined => {
  const slot = getRow(ctx, t.slots, 'WHERE id = ? AND office_id = ? AND service_id = ?', slotId, officeId, serviceId);
  return slot && { slot, day: dayFacts(ctx, officeId, slot.date) };
};

export const payloadOf = (view: BookingView, office: OfficeRow) =>
  ({
    code: view.code, office: office.name, service: view.serviceName, date: view.date, start: view.start, end: view.end,
    checkInMinutes: String(office.checkInEarlyMinutes), ...(view.requirements ? { requirements: view.requirements } : {}),
  });

/** Queues the holder's message about a changed booking (sent after commit) and answers with the booking's view. */
const tellHolder = (ctx: StoreCtx, booking: BookingRow, template: 'cancelled' | 'moved', notifyChannel: string, now: DateTime): BookingView => {
  const view = bookingView(ctx, booking);
  const payload = payloadOf(view, loadOffice(ctx, booking.officeId));
  enqueueNotification(ctx, { officeId: booking.officeId, bookingId: booking.id, recipient: booking.phone!, template, payload }, notifyChannel, now);
  return view;
};

const INSERT_BOOKING = `INSERT INTO bookings (office_id, code, service_id, slot_id, date, nik_hash, nik_last4, name, phone, status, hold_until, created_at, created_by_user_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** What a booking request names: the office, the service it names, and the slot it names with its day. */
type RequestFacts = { office: OfficeRow; service: ServiceRow | undefined; target: (SlotOnDay & { slot: SlotRow }) | undefined };

/** The domain's answer to a request (decideBooking), and the admission it needs, from its facts. */
const decideOn = (ctx: StoreCtx, { office, service, target }: RequestFacts, input: BookInput, now: DateTime) => {
  const holder = decideBooking({ office, service, person: input, target, now, urgent: input.urgentReason !== undefined, byStaff: input.actorRole !== undefined });
  // A day not yet released, or whose waiting room is active, takes bookings only with an admission.
  const admission = admissionGate(ctx, office, target!.slot.date, input.admission, now);
  return { office, service: service!, slot: target!.slot, holder, admission };
};

/** The request's facts as the database holds them now, and the domain's answer. */
const decideRequest = (ctx: StoreCtx, officeId: string, input: BookInput, now: DateTime) => {
  const office = loadOffice(ctx, officeId);
  const service = serviceByCode(ctx, officeId, input.service);
  return decideOn(ctx, { office, service, target: service && slotOnDay(ctx, officeId, service.id, input.slotId) }, input, now);
};

/**
 * The facts of the requests prechecked since the database last changed (changeStamp.ts), by office,
 * service and slot: while nothing is written, as when every place of a released day is taken and
 * the attempts keep coming, each is decided without reading SQLite at all. Any write, by any
 * connection, starts a new memo. Bounded: a burst over more distinct slots starts it again.
 */
const factsMemo = new WeakMap<Database.Database, { stamp: string; facts: Map<string, RequestFacts> }>();
const MEMO_LIMIT = 10_000;

const requestFacts = (ctx: StoreCtx, officeId: string, input: BookInput): RequestFacts => {
  // The stamp is read before the rows: a change committed in between only makes the next call read again.
  const stamp = changeStamp(ctx);
  let memo = factsMemo.get(ctx.sqlite);
  if (!memo || memo.stamp !== stamp) factsMemo.set(ctx.sqlite, (memo = { stamp, facts: new Map() }));
  const key = `${officeId}\n${input.service}\n${input.slotId}`;
  let facts = memo.facts.get(key);
  if (!facts) {
    // One read transaction: one snapshot and one WAL read lock; the office's rules from its cache (offices.ts officeRules).
    facts = readTx(ctx, () => {
      const { office, services } = officeRules(ctx, officeId);
      const service = services.get(input.service);
      return { office, service, target: service && slotOnDay(ctx, office.id, service.id, input.slotId) };
    });
    if (memo.facts.size >= MEMO_LIMIT) memo.facts.clear();
    memo.facts.set(key, facts);
  }
  return facts;
};

/**
 * When a day's places open, most attempts meet a full slot. Those (and every other refusal the
 * request or the slot alone decides) are answered from plain reads, without taking the write
 * lock; what passes is read and decided again, and taken, inside the write transaction (takeBooking).
 */
export const precheckBooking = (ctx: StoreCtx, officeId: string, input: BookInput, now: DateTime): void => {
  // Inside a transaction its own writes may still be rolled back: no memo there.
  if (ctx.sqlite.inTransaction) decideRequest(ctx, officeId, input, now);
  else decideOn(ctx, requestFacts(ctx, officeId, input), input, now);
};

/** Decides the request again inside the write transaction and takes the place. */
export const takeBooking = (ctx: StoreCtx, officeId: string, input: BookInput, now: DateTime, opts: BookOptions): BookingView =>
  writeTx(ctx, () => {
    const { office, service, slot, holder, admission } = decideRequest(ctx, officeId, input, now);
    const hash = nikHash(ctx, holder.nik);
    // A helper's number (a citizen without a phone) is not the holder's: the per-phone rule skips it.
    takePlace(ctx, office, slot, { nikHash: hash, phone: input.contactIsHelper ? null : holder.phone }, now);
    const state = initialBookingState(opts.confirmation, opts.createdByUserId !== undefined, now.toMillis());

    let booking: BookingRow | undefined;
    for (let attempt = 0; !booking; attempt++) {
      try {
        booking = insertReturning(
          ctx, t.bookings, INSERT_BOOKING,
          officeId, randomCode(8), service.id, slot.id, slot.date, hash, holder.nik.slice(-4), holder.name, holder.phone,
          state.status, state.holdUntil, now.toMillis(), opts.createdByUserId ?? null,
        );
      } catch (e) {
        // A code collision (1 in 10^12) is retried; anything else is a real error.
        if (attempt > 3 || !String(e).includes('bookings.code')) throw e;
      }
    }
    if (input.contactIsHelper) stmt(ctx, 'UPDATE bookings SET contact_is_helper = 1 WHERE id = ?').run(booking.id);
    useAdmission(ctx, admission, booking.id, now);
    if (input.urgentReason !== undefined) markUrgentBooking(ctx, booking, input.urgentReason, opts.createdByUserId ?? null, now);
    // A new booking has no ticket yet; the office, slot and service are already in hand.
    const view = viewOf(booking, office, slot, service);
    // A pending booking gets its confirmation code now and the "booked" message once confirmed.
    const message = state.status === 'pending'
      ? (() => {
          const otp = newOtp();
          stmt(ctx, 'UPDATE bookings SET otp_hash = ? WHERE id = ?').run(nikHash(ctx, otp.hashInput(booking.code)), booking.id);
          return { template: 'booking_otp' as const, payload: otpPayload(view, office, otp.code) };
        })()
      : { template: 'booked' as const, payload: payloadOf(view, office) };
    enqueueNotification(ctx, { officeId, bookingId: booking.id, recipient: holder.phone, ...message }, opts.notifyChannel, now);
    if (opts.createdByUserId !== undefined) {
      audit(ctx, { officeId, userId: opts.createdByUserId, action: 'booking.assisted', target: booking.code, detail: assistedDetail(input) }, now);
    }
    return view;
  });

/** A wrong nik4 and an unknown code give the same NOT_FOUND, so codes cannot be probed. */
export const findBooking = (ctx: StoreCtx, code: string, nik4: string): BookingRow => {
  const booking = ctx.db.select().from(t.bookings).where(eq(t.bookings.code, code.toUpperCase())).get();
  if (!booking || !booking.nikLast4 || booking.nikLast4 !== nik4) throw new DomainError('NOT_FOUND');
  return booking;
};

/** Read by its holder: a pending booking whose hold has ended is expired on the spot. */
export const getBooking = (ctx: StoreCtx, code: string, nik4: string, now: DateTime): BookingView =>
  bookingView(ctx, expireIfDue(ctx, findBooking(ctx, code, nik4), now));

export const cancelBooking = (ctx: StoreCtx, code: string, nik4: string, now: DateTime, notifyChannel: string): BookingView =>
  writeTx(ctx, () => {
    const booking = expireIfDue(ctx, findBooking(ctx, code, nik4), now);
    checkCancellable(booking);
    const updated = ctx.db
      .update(t.bookings)
      .set({ status: 'cancelled', cancelledAt: now.toMillis(), cancelReason: holderCancelReason() })
      .where(eq(t.bookings.id, booking.id))
      .returning()
      .get();
    releasePlace(ctx, booking.slotId);
    return tellHolder(ctx, updated, 'cancelled', notifyChannel, now);
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
    const booking = expireIfDue(ctx, findBooking(ctx, code, nik4), now);
    checkChangeable(booking);
    const office = loadOffice(ctx, booking.officeId);
    const service = ctx.db.select().from(t.services).where(eq(t.services.id, booking.serviceId)).get();
    const target = service?.bookable ? slotOnDay(ctx, office.id, booking.serviceId, newSlotId) : undefined;
    const move = decideMove(office, service, target, { slotId: booking.slotId, targetSlotId: newSlotId }, now);
    if (move === 'unchanged') return bookingView(ctx, booking);
    const slot = target!.slot;
    // Moving into another day passes that day's release and waiting room like a new booking (without an admission).
    if (slot.date !== booking.date) admissionGate(ctx, office, slot.date, undefined, now);
    takePlace(ctx, office, slot, { nikHash: booking.nikHash!, phone: booking.contactIsHelper ? null : booking.phone }, now, booking.id);
    releasePlace(ctx, booking.slotId);
    const updated = ctx.db
      .update(t.bookings)
      .set({ slotId: slot.id, date: slot.date })
      .where(eq(t.bookings.id, booking.id))
      .returning()
      .get();
    return tellHolder(ctx, updated, 'moved', notifyChannel, now);
  });

export { releasePlace };
