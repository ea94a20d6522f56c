/**
 * Booking use cases: book a place, read, cancel, reschedule (as ../sqlite/bookings.ts). Each
 * change is one transaction holding the holder's lock (the per-NIK rules) and, to book or move,
 * the office's plan lock shared (bookingLocks.ts); the place is taken by compare-and-set, so the
 * bookings of one office run in parallel and never overfill a slot.
 */
import type { DateTime } from 'luxon';
import { holdFacts, newOtp, otpPayload } from '../confirmationCodes';
import { initialBookingState, type ConfirmationPolicy } from '../../domain/confirmation';
import { expireIfDue } from './confirmations';
import { checkCancellable, checkChangeable, decideBooking, decideHolder, decideMove, holderCancelReason, type HolderBookings, type SlotOnDay } from '../../domain/booking';
import { DomainError, fail } from '../../domain/errors';
import { maskNik, maskPhone } from '../../domain/phone';
import { requirementsOf } from '../../domain/requirements';
import { isoInZone, todayIn } from '../../domain/time';
import * as t from './schema';
import type { BookingView } from '../../../shared/types';
import { randomCode } from '../../security/tokens';
import { columnsOf, exec, getRow, nikHash, row, withTx, type Conn, type PgCtx, type Tx } from './connection';
import { holderLock, phoneLock, sharePlan } from './bookingLocks';
import { audit, enqueueNotification } from './journal';
import { dayFacts, loadOffice, officeRules, serviceByCode, type OfficeRow, type ServiceRow, type SlotRow } from './offices';
import type { ClosureSpan, OpeningHours } from '../../domain/slots';
import type { BookInput } from '../store';
import { markUrgentBooking } from './urgentBookings';
import { assistedDetail } from '../../domain/assisted';
import { admissionGate, useAdmission } from './waitingRoom';

export type BookingRow = typeof t.bookings.$inferSelect;
export type BookOptions = { createdByUserId?: number; notifyChannel: string; confirmation: ConfirmationPolicy | null };

const BOOKING = columnsOf(t.bookings);

export const bookingView = async (c: Conn, booking: BookingRow): Promise<BookingView> => {
  const office = await loadOffice(c, booking.officeId);
  const slot = (await getRow(c, t.slots, 'WHERE id = ?', booking.slotId))!;
  const service = (await getRow(c, t.services, 'WHERE id = ?', booking.serviceId))!;
  const ticket = await row<{ id: string }>(c, 'SELECT id FROM tickets WHERE booking_id = ?', booking.id);
  return viewOf(booking, office, slot, service, ticket?.id);
};

/** The public shape of a booking from rows already in hand. */
const viewOf = (booking: BookingRow, office: OfficeRow, slot: SlotRow, service: ServiceRow, ticketId?: string): BookingView => ({
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
});

/** A booking that holds its place at the instant bound to its `?` (domain/confirmation holdsPlace). */
const HOLDS_PLACE = "(status IN ('booked', 'checked_in') OR (status = 'pending' AND hold_until > ?))";

/**
 * Whose bookings the holder rules count: the NIK's hash and the phone number as stored (E.164; null
 * once erased, or when it is an assisting helper's: such bookings are outside the per-phone rule).
 */
type HolderKeys = { nikHash: string; phone: string | null };

/** The holder's other active bookings, as decideHolder asks; read under the holder's and the phone's locks. */
const holderBookings = async (tx: Tx, officeId: string, holder: HolderKeys, slot: SlotRow, now: DateTime, today: string, ignoreBookingId = -1): Promise<HolderBookings> => {
  const nowMs = now.toMillis();
  const r = (await row<{ same: boolean; active: number; phoneActive: number }>(
    tx,
    `SELECT coalesce(bool_or(service_id = ? AND date = ?), false) AS same, count(*) FILTER (WHERE date >= ?) AS active,
       (SELECT count(*) FROM bookings WHERE office_id = ? AND phone = ? AND NOT contact_is_helper AND ${HOLDS_PLACE} AND date >= ? AND id <> ?) AS "phoneActive"
     FROM bookings WHERE office_id = ? AND nik_hash = ? AND ${HOLDS_PLACE} AND id <> ?`,
    slot.serviceId, slot.date, today, officeId, holder.phone, nowMs, today, ignoreBookingId, officeId, holder.nikHash, nowMs, ignoreBookingId,
  ))!;
  return { sameServiceSameDay: r.same, activeFromToday: r.active, phoneActiveFromToday: r.phoneActive };
};

/** Takes one place in a slot if it has one left: the check and the increment are one statement. */
export const takeSeat = async (c: Conn, slotId: number): Promise<boolean> =>
  (await exec(c, 'UPDATE slots SET booked = booked + 1 WHERE id = ? AND booked < capacity', slotId)) === 1;

/** Places the booking in a slot the domain has accepted, after the holder's own rules; call under the holder's and the phone's locks. */
const takePlace = async (tx: Tx, office: OfficeRow, slot: SlotRow, holder: HolderKeys, now: DateTime, ignoreBookingId?: number): Promise<void> => {
  decideHolder(office, await holderBookings(tx, office.id, holder, slot, now, todayIn(office, now), ignoreBookingId));
  if (!(await takeSeat(tx, slot.id))) fail('SLOT_FULL');
};

export const releasePlace = async (c: Conn, slotId: number): Promise<void> => {
  await exec(c, 'UPDATE slots SET booked = greatest(booked - 1, 0) WHERE id = ?', slotId);
};

/**
 * The precheck's reads in one round trip: the office's number in `office_versions` (its rules then
 * come from officeRules' cache), and the slot the request names, of the service it names, with the
 * closures covering its day and the opening hours of its weekday (ISO: Monday 1, as weekdayOf).
 * With no such slot the row still comes, with a null id.
 */
const PRECHECK_SQL = `SELECT (SELECT version FROM office_versions WHERE office_id = ?) AS "officeVersion", ${columnsOf(t.slots)},
  (SELECT coalesce(json_agg(json_build_object('id', c.id, 'serviceId', c.service_id, 'from', c.from_date, 'to', c.to_date, 'reason', c.reason) ORDER BY c.id), '[]'::json)
     FROM closures c WHERE c.office_id = slots.office_id AND c.from_date <= slots.date AND (c.to_date IS NULL OR c.to_date >= slots.date)) AS "dayClosures",
  (SELECT coalesce(json_agg(json_build_object('weekday', h.weekday, 'open', h.open, 'close', h.close) ORDER BY h.open), '[]'::json)
     FROM opening_hours h WHERE h.office_id = slots.office_id AND h.weekday = extract(isodow FROM slots.date::date)) AS "dayHours"
  FROM (SELECT 1) AS one
  LEFT JOIN slots ON slots.id = ? AND slots.office_id = ? AND slots.service_id = (SELECT id FROM services WHERE office_id = ? AND code = ? AND active)`;

type PrecheckRow = { [K in keyof SlotRow]: SlotRow[K] | null } & { officeVersion: number | null; dayClosures: ClosureSpan[] | null; dayHours: OpeningHours[] | null };

/**
 * When a day's places open most attempts meet a full slot: those (and every refusal the request or
 * the slot alone decides) are answered from one read, without a transaction or a lock (bookPlace
 * then decides again on committed rows under its locks). Returns the holder as the domain reads it.
 */
const precheckBooking = async (ctx: PgCtx, officeId: string, input: BookInput, now: DateTime) => {
  const facts = (await row<PrecheckRow>(ctx, PRECHECK_SQL, officeId, input.slotId, officeId, officeId, input.service))!;
  const { office, services } = await officeRules(ctx, officeId, facts.officeVersion);
  const { officeVersion: _version, dayClosures, dayHours, ...slot } = facts;
  const target = slot.id === null ? undefined : { slot: slot as SlotRow, day: { closures: dayClosures ?? [], hours: dayHours ?? [] } };
  return (await decideOn(ctx, { office, service: services.get(input.service), target }, input, now)).holder;
};

/** The slot a request names, with the facts of its day; undefined when the service has no such slot. */
const slotOnDay = async (c: Conn, officeId: string, serviceId: number, slotId: number): Promise<(SlotOnDay & { slot: SlotRow }) | undefined> => {
  const slot = await getRow(c, t.slots, 'WHERE id = ? AND office_id = ? AND service_id = ?', slotId, officeId, serviceId);
  return slot && { slot, day: await dayFacts(c, officeId, slot.date) };
};

export const payloadOf = (view: BookingView, office: OfficeRow) =>
  ({
    code: view.code, office: office.name, service: view.serviceName, date: view.date, start: view.start, end: view.end,
    checkInMinutes: String(office.checkInEarlyMinutes), ...(view.requirements ? { requirements: view.requirements } : {}),
  });

/** Queues the holder's message about a changed booking (sent after commit) and answers with the booking's view. */
const tellHolder = async (tx: Tx, booking: BookingRow, template: 'cancelled' | 'moved', notifyChannel: string, now: DateTime): Promise<BookingView> => {
  const view = await bookingView(tx, booking);
  const payload = payloadOf(view, await loadOffice(tx, booking.officeId));
  await enqueueNotification(tx, { officeId: booking.officeId, bookingId: booking.id, recipient: booking.phone!, template, payload }, notifyChannel, now);
  return view;
};

// A code already taken (1 in 10^12) inserts nothing, and another code is drawn: a unique
// violation would abort the whole transaction.
const INSERT_BOOKING = `INSERT INTO bookings (office_id, code, service_id, slot_id, date, nik_hash, nik_last4, name, phone, status, hold_until, created_at, created_by_user_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING RETURNING ${BOOKING}`;

/** What a booking request names, and the domain's answer to it (decideBooking). */
/** What a booking request names: the office, the service it names, and the slot it names with its day. */
type RequestFacts = { office: OfficeRow; service: ServiceRow | undefined; target: (SlotOnDay & { slot: SlotRow }) | undefined };

/** The domain's answer to a request (decideBooking), and the admission it needs, from its facts. */
const decideOn = async (c: Conn, { office, service, target }: RequestFacts, input: BookInput, now: DateTime) => {
  const holder = decideBooking({ office, service, person: input, target, now, urgent: input.urgentReason !== undefined, byStaff: input.actorRole !== undefined });
  // A day not yet released, or whose waiting room is active, takes bookings only with an admission.
  const admission = await admissionGate(c, office, target!.slot.date, input.admission, now);
  return { office, service: service!, slot: target!.slot, holder, admission };
};

/** The request's facts as the database holds them now (under the booking's locks), and the domain's answer. */
const decideRequest = async (c: Conn, officeId: string, input: BookInput, now: DateTime) => {
  const office = await loadOffice(c, officeId);
  const service = await serviceByCode(c, officeId, input.service);
  return decideOn(c, { office, service, target: service && (await slotOnDay(c, officeId, service.id, input.slotId)) }, input, now);
};

/**
 * Books a place: under the holder's and the phone's locks (taken first, from the NIK as given and
 * the phone as normalised: the holder stored is that NIK and that phone) and the shared plan lock,
 * the request is decided on committed rows, then the place taken by compare-and-set.
 */
export const bookPlace = async (ctx: PgCtx, officeId: string, input: BookInput, now: DateTime, opts: BookOptions): Promise<BookingView> => {
  const { phone } = await precheckBooking(ctx, officeId, input, now);
  const hash = nikHash(ctx, input.nik);
  return withTx(ctx, async (tx) => {
    await sharePlan(tx, officeId);
    const { office, service, slot, holder, admission } = await decideRequest(tx, officeId, input, now);
    // A helper's number (a citizen without a phone) is not the holder's: the per-phone rule skips it.
    await takePlace(tx, office, slot, { nikHash: hash, phone: input.contactIsHelper ? null : holder.phone }, now);
    const state = initialBookingState(opts.confirmation, opts.createdByUserId !== undefined, now.toMillis());

    let booking: BookingRow | undefined;
    for (let attempt = 0; !booking; attempt++) {
      if (attempt > 3) throw new Error('no free booking code');
      booking = await row<BookingRow>(
        tx, INSERT_BOOKING,
        officeId, randomCode(8), service.id, slot.id, slot.date, hash, holder.nik.slice(-4), holder.name, holder.phone,
        state.status, state.holdUntil, now.toMillis(), opts.createdByUserId ?? null,
      );
    }
    if (input.contactIsHelper) await exec(tx, 'UPDATE bookings SET contact_is_helper = true WHERE id = ?', booking.id);
    await useAdmission(tx, admission, booking.id, now);
    if (input.urgentReason !== undefined) await markUrgentBooking(tx, booking, input.urgentReason, opts.createdByUserId ?? null, now);
    // A new booking has no ticket yet; the office, slot and service are already in hand.
    const view = viewOf(booking, office, slot, service);
    // A pending booking gets its confirmation code now and the "booked" message once confirmed.
    let message: { template: 'booking_otp' | 'booked'; payload: Record<string, string> };
    if (state.status === 'pending') {
      const otp = newOtp();
      await exec(tx, 'UPDATE bookings SET otp_hash = ? WHERE id = ?', nikHash(ctx, otp.hashInput(booking.code)), booking.id);
      message = { template: 'booking_otp', payload: otpPayload(view, office, otp.code) };
    } else {
      message = { template: 'booked', payload: payloadOf(view, office) };
    }
    await enqueueNotification(tx, { officeId, bookingId: booking.id, recipient: holder.phone, ...message }, opts.notifyChannel, now);
    if (opts.createdByUserId !== undefined) {
      await audit(tx, { officeId, userId: opts.createdByUserId, action: 'booking.assisted', target: booking.code, detail: assistedDetail(input) }, now);
    }
    return view;
  }, { locks: [holderLock(officeId, hash), phoneLock(officeId, phone)] });
};

/** A wrong nik4 and an unknown code give the same NOT_FOUND, so codes cannot be probed. */
export const findBooking = async (c: Conn, code: string, nik4: string, forUpdate = false): Promise<BookingRow> => {
  const booking = await row<BookingRow>(c, `SELECT ${BOOKING} FROM bookings WHERE code = ?${forUpdate ? ' FOR UPDATE' : ''}`, code.toUpperCase());
  if (!booking || !booking.nikLast4 || booking.nikLast4 !== nik4) throw new DomainError('NOT_FOUND');
  return booking;
};

/** Read by its holder: a pending booking whose hold has ended is expired on the spot. */
export const getBooking = async (ctx: PgCtx, code: string, nik4: string, now: DateTime): Promise<BookingView> =>
  bookingView(ctx, await expireIfDue(ctx, await findBooking(ctx, code, nik4), now));

/**
 * Runs a change of one booking by its holder: the booking is found, its holder's lock taken (and,
 * to move it, its phone's lock, and the plan lock shared, before any row lock: a closure holds the
 * plan lock while it locks the bookings it takes), then the booking read again and locked, as a
 * closure or the erasure job may have changed it meanwhile.
 */
const changeBooking = async <T>(
  ctx: PgCtx, code: string, nik4: string, now: DateTime, options: { moves: boolean }, fn: (tx: Tx, booking: BookingRow) => Promise<T>,
): Promise<T> => {
  const found = await findBooking(ctx, code, nik4);
  return withTx(ctx, async (tx) => {
    if (options.moves) await sharePlan(tx, found.officeId);
    // A pending booking whose hold has ended is expired first (its place back), then the change decided on it.
    return fn(tx, await expireIfDue(tx, await findBooking(tx, code, nik4, true), now));
  }, { locks: [holderLock(found.officeId, found.nikHash ?? ''), ...(options.moves && found.phone ? [phoneLock(found.officeId, found.phone)] : [])] });
};

const CANCEL = `UPDATE bookings SET status = 'cancelled', cancelled_at = ?, cancel_reason = ? WHERE id = ? RETURNING ${BOOKING}`;

export const cancelBooking = (ctx: PgCtx, code: string, nik4: string, now: DateTime, notifyChannel: string): Promise<BookingView> =>
  changeBooking(ctx, code, nik4, now, { moves: false }, async (tx, booking) => {
    checkCancellable(booking);
    const updated = (await row<BookingRow>(tx, CANCEL, now.toMillis(), holderCancelReason(), booking.id))!;
    await releasePlace(tx, booking.slotId);
    return tellHolder(tx, updated, 'cancelled', notifyChannel, now);
  });

/** Moves a booking to another slot of the same service: the old place is released only once the new one is secured. */
export const rescheduleBooking = (ctx: PgCtx, code: string, nik4: string, newSlotId: number, now: DateTime, notifyChannel: string): Promise<BookingView> =>
  changeBooking(ctx, code, nik4, now, { moves: true }, async (tx, booking) => {
    checkChangeable(booking);
    const office = await loadOffice(tx, booking.officeId);
    const service = await getRow(tx, t.services, 'WHERE id = ?', booking.serviceId);
    const target = service?.bookable ? await slotOnDay(tx, office.id, booking.serviceId, newSlotId) : undefined;
    const move = decideMove(office, service, target, { slotId: booking.slotId, targetSlotId: newSlotId }, now);
    if (move === 'unchanged') return bookingView(tx, booking);
    const slot = target!.slot;
    // Moving into another day passes that day's release and waiting room like a new booking (without an admission).
    if (slot.date !== booking.date) await admissionGate(tx, office, slot.date, undefined, now);
    await takePlace(tx, office, slot, { nikHash: booking.nikHash!, phone: booking.contactIsHelper ? null : booking.phone }, now, booking.id);
    await releasePlace(tx, booking.slotId);
    const updated = (await row<BookingRow>(tx, `UPDATE bookings SET slot_id = ?, date = ? WHERE id = ? RETURNING ${BOOKING}`, slot.id, slot.date, booking.id))!;
    return tellHolder(tx, updated, 'moved', notifyChannel, now);
  });
