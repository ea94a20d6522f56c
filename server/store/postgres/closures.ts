/**
 * Closing the office or one service for a date range or "until further notice", with every
 * affected booking cancelled or moved (`domain/moveBookings`) and its holder notified, all in
 * one transaction (as ../sqlite/closures.ts). Ending an open-ended closure later sets its last
 * day. The rules are `domain/closures`; this file loads the rows, asks, and applies the answer.
 *
 * Locks: the office's (check-in and the other admin writes) and its plan lock exclusively
 * (bookingLocks.ts): no booking or reschedule of the office decides while a closure is made, so
 * the bookings read here are all there are, and the places counted free stay free.
 */
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { affectedBookings, checkClosureInput, closureEnd, closureState } from '../../domain/closures';
import { moveTarget } from '../../domain/moveBookings';
import { bookingLink, closureTemplate, contactFields, reopeningDue, reopeningRecipients, reopensOn } from '../../domain/closureTexts';
import { addDays } from '../../domain/time';
import * as t from './schema';
import { columnsOf, getRow, insertReturning, officeLock, row, rows, withTx, type Conn, type PgCtx, type Tx } from './connection';
import type { Actor } from '../../domain/policy';
import { bookingView, releasePlace, takeSeat, type BookingRow } from './bookings';
import { planLock } from './bookingLocks';
import { audit, enqueueNotification } from './journal';
import { listContacts } from './notices';
import { ensureSlots, loadClosures, loadOffice, loadOpeningHours, serviceByCode, slotsFor, todayIn, type OfficeRow, type SlotRow } from './offices';
import type { ClosureView, ClosureKind } from '../../../shared/staffTypes';
import type { ClosureInput, ClosureResult } from '../store';

export type ClosureRow = typeof t.closures.$inferSelect;

const BOOKING = columnsOf(t.bookings);

/** The locks a closure (or urgent-only mode) works under. */
export const closureLocks = (officeId: string): string[] => [officeLock(officeId), planLock(officeId)];

/**
 * The office's booked bookings on the closure's days (and of its service, if it has one) with
 * their slot's times, locked: a holder cancelling one now is waited for (and then it is no longer
 * booked), before any place is moved. `affectedBookings` decides which of them the closure takes.
 */
// A pending booking (awaiting its WhatsApp code) still holding its place is taken like a booked one.
const bookedIn = (tx: Tx, officeId: string, closure: { from: string; to: string | null; serviceId: number | null }, nowMs: number) =>
  rows<BookingRow & { startAt: number; endAt: number }>(
    tx,
    `SELECT ${BOOKING}, (SELECT start_at FROM slots WHERE slots.id = bookings.slot_id) AS "startAt",
       (SELECT end_at FROM slots WHERE slots.id = bookings.slot_id) AS "endAt"
     FROM bookings WHERE office_id = ? AND (status = 'booked' OR (status = 'pending' AND hold_until > ?)) AND date >= ? AND (?::text IS NULL OR date <= ?::text)
       AND (?::int IS NULL OR service_id = ?::int)
     ORDER BY id FOR UPDATE`,
    officeId, nowMs, closure.from, closure.to, closure.to, closure.serviceId, closure.serviceId,
  );

/** Closes and handles the bookings; call inside a transaction holding `closureLocks` (urgent-only mode makes several at once). */
export const closeInTx = async (
  tx: Tx,
  office: OfficeRow,
  input: ClosureInput,
  actor: Actor,
  now: DateTime,
  notifyChannel: string,
  kind: ClosureKind = 'closure',
): Promise<ClosureResult> => {
  const officeId = office.id;
  const service = input.service ? await serviceByCode(tx, officeId, input.service) : undefined;
  checkClosureInput(input, service !== undefined, todayIn(office, now));
  const closure = await insertReturning(
    tx, t.closures,
    'INSERT INTO closures (office_id, service_id, from_date, to_date, reason, action, kind, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    officeId, service?.id ?? null, input.from, input.to, input.reason, input.action, kind, actor.userId, now.toMillis(),
  );
  const span = { ...input, serviceId: service?.id ?? null };
  const affected = affectedBookings(await bookedIn(tx, officeId, span, now.toMillis()), span, now);
  const search = await moveSearch(tx, office, input, now);
  const told = await holderFacts(tx, office);
  let moved = 0;
  for (const booking of affected) {
    const before = await bookingView(tx, booking);
    const target = input.action === 'move' ? await search(booking, booking.startAt) : undefined;
    // The plan lock keeps bookings out, so the target's place is free; taken by compare-and-set all the same.
    const movedTo = target && (await takeSeat(tx, target.id)) ? target : undefined;
    await releasePlace(tx, booking.slotId);
    let updated: BookingRow;
    if (movedTo) {
      updated = (await row<BookingRow>(tx, `UPDATE bookings SET slot_id = ?, date = ? WHERE id = ? RETURNING ${BOOKING}`, movedTo.id, movedTo.date, booking.id))!;
      moved++;
    } else {
      updated = (await row<BookingRow>(
        tx, `UPDATE bookings SET status = 'cancelled', cancelled_at = ?, cancel_reason = ? WHERE id = ? RETURNING ${BOOKING}`,
        now.toMillis(), input.reason, booking.id,
      ))!;
    }
    const view = await bookingView(tx, updated);
    if (booking.phone) {
      await enqueueNotification(
        tx,
        {
          officeId,
          bookingId: booking.id,
          recipient: booking.phone,
          template: movedTo ? 'moved' : closureTemplate(input),
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
  await audit(
    tx,
    { officeId, userId: actor.userId, action: kind === 'closure' ? 'closure.create' : 'urgent_only.closure', target: String(closure.id), detail: { ...input, affected: affected.length, moved } },
    now,
  );
  return { id: closure.id, affectedBookings: affected.length, moved, cancelled: affected.length - moved };
};

export const createClosure = (ctx: PgCtx, officeId: string, input: ClosureInput, actor: Actor, now: DateTime, notifyChannel: string): Promise<ClosureResult> =>
  withTx(ctx, async (tx) => closeInTx(tx, await loadOffice(tx, officeId), input, actor, now, notifyChannel), { locks: closureLocks(officeId) });

/**
 * What every message to a holder names besides the booking (domain/closureTexts): the booking
 * page's link and the WhatsApp contact of the booking's service's group. Read once per closure.
 */
const holderFacts = async (tx: Tx, office: OfficeRow) => {
  const contacts = await listContacts(tx, office.id);
  const groups = new Map(
    (await rows<{ id: number; group: string }>(tx, 'SELECT id, service_group AS "group" FROM services WHERE office_id = ?', office.id)).map((r) => [r.id, r.group]),
  );
  const link = bookingLink(tx.publicBaseUrl, office.id);
  const facts = (serviceId: number) => ({ ...(link ? { link } : {}), ...contactFields(groups.get(serviceId) ?? '', contacts) });
  return Object.assign(facts, { closures: await loadClosures(tx, office.id), hours: await loadOpeningHours(tx, office.id) });
};

/**
 * Finds each moved booking its target slot (`domain/moveBookings` `moveTarget`) among the slots of its
 * service within the horizon, read again for each booking (the ones moved before it took places).
 * The holder's other days are read only where the office keeps one booking per service and day.
 */
const moveSearch = async (tx: Tx, office: OfficeRow, closure: ClosureInput, now: DateTime) => {
  const today = todayIn(office, now);
  const tomorrow = addDays(today, 1);
  const closures = await loadClosures(tx, office.id);
  const hours = await loadOpeningHours(tx, office.id);
  return async (booking: BookingRow, startAt: number): Promise<SlotRow | undefined> => {
    await ensureSlots(tx, office, [booking.serviceId], tomorrow, office.bookingHorizonDays);
    const slots = await slotsFor(tx, booking.serviceId, tomorrow, addDays(today, office.bookingHorizonDays - 1));
    const holderDays = booking.nikHash && office.onePerServicePerDay
      ? (await rows<{ date: string }>(
          tx,
          `SELECT date FROM bookings WHERE office_id = ? AND nik_hash = ? AND service_id = ? AND status IN ('booked', 'checked_in') AND id <> ?`,
          office.id, booking.nikHash, booking.serviceId, booking.id,
        )).map((b) => b.date)
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
export const endInTx = async (tx: Tx, office: OfficeRow, closureId: number, to: string, actor: Actor, now: DateTime, notifyChannel?: string): Promise<ClosureRow> => {
  const closure = (await getRow(tx, t.closures, 'WHERE id = ? AND office_id = ?', closureId, office.id)) ?? fail('NOT_FOUND');
  const lastDay = closureEnd({ from: closure.fromDate, to: closure.toDate }, to, todayIn(office, now));
  const updated = (await row<ClosureRow>(
    tx, `UPDATE closures SET to_date = ?, ended_at = ?, ended_by = ? WHERE id = ? RETURNING ${columnsOf(t.closures)}`,
    lastDay, now.toMillis(), actor.userId, closureId,
  ))!;
  await audit(tx, { officeId: office.id, userId: actor.userId, action: 'closure.end', target: String(closureId), detail: { to: lastDay, previous: closure.toDate } }, now);
  if (notifyChannel && reopeningDue({ from: closure.fromDate, to: closure.toDate, reopenNotifiedAt: closure.reopenNotifiedAt }, lastDay)) {
    return tellReopening(tx, office, closure, updated, notifyChannel, now);
  }
  return updated;
};

export const endClosure = (ctx: PgCtx, officeId: string, closureId: number, to: string, actor: Actor, now: DateTime, notifyChannel?: string): Promise<ClosureRow> =>
  withTx(ctx, async (tx) => endInTx(tx, await loadOffice(tx, officeId), closureId, to, actor, now, notifyChannel), { locks: [officeLock(officeId)] });

/**
 * A closure ended early: the holders of the bookings it cancelled (those it cancelled when it was
 * made: same instant, same reason, on its days) are told once that they can book again
 * (domain/closureTexts); the closure remembers that they were told.
 */
const tellReopening = async (tx: Tx, office: OfficeRow, before: ClosureRow, after: ClosureRow, notifyChannel: string, now: DateTime): Promise<ClosureRow> => {
  const cancelled = await rows<{ id: number; code: string; phone: string | null; serviceId: number; serviceName: string }>(
    tx,
    `SELECT b.id, b.code, b.phone, b.service_id AS "serviceId", v.name_id AS "serviceName"
     FROM bookings b JOIN services v ON v.id = b.service_id
     WHERE b.office_id = ? AND b.status = 'cancelled' AND b.cancelled_at = ? AND b.cancel_reason = ? AND b.date >= ?
       AND (?::text IS NULL OR b.date <= ?::text) AND (?::int IS NULL OR b.service_id = ?::int)
     ORDER BY b.id`,
    office.id, before.createdAt, before.reason, before.fromDate, before.toDate, before.toDate, before.serviceId, before.serviceId,
  );
  const told = await holderFacts(tx, office);
  const lastDay = after.toDate ?? before.fromDate;
  for (const b of reopeningRecipients(cancelled)) {
    await enqueueNotification(
      tx,
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
  return (await row<ClosureRow>(tx, `UPDATE closures SET reopen_notified_at = ? WHERE id = ? RETURNING ${columnsOf(t.closures)}`, now.toMillis(), after.id))!;
};

export const listClosures = async (c: Conn, officeId: string, now: DateTime, limit = 200): Promise<ClosureView[]> => {
  const office = await loadOffice(c, officeId);
  const today = todayIn(office, now);
  const found = await rows<ClosureRow & { serviceCode: string | null; username: string | null }>(
    c,
    `SELECT ${columnsOf(t.closures)}, (SELECT code FROM services WHERE id = closures.service_id) AS "serviceCode",
       (SELECT username FROM users WHERE id = closures.created_by) AS "username"
     FROM closures WHERE office_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
    office.id, limit,
  );
  return found.map((r) => ({
    id: r.id,
    service: r.serviceCode ?? null,
    from: r.fromDate,
    to: r.toDate,
    reason: r.reason,
    action: r.action as ClosureView['action'],
    kind: r.kind as ClosureKind,
    state: closureState({ from: r.fromDate, to: r.toDate }, today),
    createdAt: r.createdAt,
    createdBy: r.username ?? null,
    endedAt: r.endedAt,
  }));
};
