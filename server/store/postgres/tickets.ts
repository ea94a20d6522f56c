/**
 * Issuing tickets: a walk-in at the kiosk, or a booking's check-in (as ../sqlite/tickets.ts).
 * Each is one transaction under the office's lock: load, ask the domain, apply. The number comes
 * from the day's `ticket_sequences` row, whose upsert also queues concurrent issuers behind its row lock.
 */
import type { DateTime } from 'luxon';
import { decideCheckIn } from '../../domain/checkIn';
import { fail, invalid } from '../../domain/errors';
import { formatTicketNumber, nextSequence } from '../../domain/numbering';
import type { DayFacts } from '../../domain/slots';
import { todayIn } from '../../domain/time';
import { checkWalkIn, walkInAvailability, type WalkInAvailability } from '../../domain/walkIn';
import * as t from './schema';
import type { Priority } from '../../../shared/types';
import { randomTicketId } from '../../security/tokens';
import { exec, getRow, insertReturning, officeLock, row, withTx, type Conn, type PgCtx, type Tx } from './connection';
import { holderLock } from './bookingLocks';
import { closedReason, dayFacts, loadOffice, serviceByCode, type OfficeRow, type ServiceRow } from './offices';
import { audit } from './journal';
import type { Actor } from '../../domain/policy';
import { decideUrgentIssue, URGENT_AUDIT } from '../../domain/urgentCase';

export type TicketRow = typeof t.tickets.$inferSelect;

/**
 * The next sequence of a service's numbers today. The first of the day inserts the row with
 * nextSequence(null); each later one moves `last` on by one, as nextSequence(last) does.
 */
const SEQUENCE_SQL = `INSERT INTO ticket_sequences (office_id, date, service_id, last) VALUES (?, ?, ?, ?)
  ON CONFLICT (office_id, date, service_id) DO UPDATE SET last = ticket_sequences.last + 1 RETURNING last`;

const takeSequence = async (tx: Tx, officeId: string, date: string, serviceId: number): Promise<number> =>
  (await row<{ last: number }>(tx, SEQUENCE_SQL, officeId, date, serviceId, nextSequence(null)))!.last;

const INSERT_TICKET_SQL = `INSERT INTO tickets (id, office_id, date, sequence, number, issued_service_id, service_id, source, booking_id,
  slot_start_at, priority, status, issued_at, queued_at, urgent_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?)`;

const insertTicket = async (
  tx: Tx,
  office: OfficeRow,
  service: ServiceRow,
  fields: { source: 'walkin' | 'booking'; priority: Priority | null; bookingId: number | null; slotStartAt: number | null; urgentReason?: string | null },
  now: DateTime,
): Promise<TicketRow> => {
  const date = todayIn(office, now);
  const sequence = await takeSequence(tx, office.id, date, service.id);
  const ms = now.toMillis();
  const ticket = await insertReturning(
    tx, t.tickets, INSERT_TICKET_SQL,
    randomTicketId(), office.id, date, sequence, formatTicketNumber(service.code, sequence), service.id, service.id, fields.source,
    fields.bookingId, fields.slotStartAt, fields.priority, ms, ms, fields.urgentReason ?? null,
  );
  await exec(tx, "INSERT INTO ticket_events (office_id, ticket_id, type, at, service_id) VALUES (?, ?, 'issued', ?, ?)", office.id, ticket.id, ms, service.id);
  return ticket;
};

export const WALK_INS_TODAY_SQL = "SELECT count(*) AS n FROM tickets WHERE office_id = ? AND date = ? AND issued_service_id = ? AND source = 'walkin'";

export const walkInsIssuedToday = async (c: Conn, office: OfficeRow, serviceId: number, now: DateTime): Promise<number> =>
  (await row<{ n: number }>(c, WALK_INS_TODAY_SQL, office.id, todayIn(office, now), serviceId))?.n ?? 0;

/**
 * Walk-in availability of a service now (domain/walkIn), from today's facts: `day` from
 * dayFacts(office, today), which the kiosk and the office page read once for all services.
 * Tickets issued today are counted only where the service has a quota.
 */
export const walkInNow = async (c: Conn, office: OfficeRow, service: ServiceRow, day: DayFacts, now: DateTime): Promise<WalkInAvailability> =>
  walkInAvailability({
    office,
    service,
    issuedToday: service.walkInQuota === null ? 0 : await walkInsIssuedToday(c, office, service.id, now),
    day,
    now,
  });

export const issueWalkIn = (
  ctx: PgCtx,
  officeId: string,
  input: { service: string; priority?: Priority | null },
  now: DateTime,
): Promise<TicketRow> =>
  withTx(ctx, async (tx) => {
    const office = await loadOffice(tx, officeId);
    const service = (await serviceByCode(tx, officeId, input.service)) ?? invalid({ service: { key: 'unknown_service' } });
    checkWalkIn(await walkInNow(tx, office, service, await dayFacts(tx, office.id, todayIn(office, now)), now));
    return insertTicket(tx, office, service, { source: 'walkin', priority: input.priority ?? null, bookingId: null, slotStartAt: null }, now);
  }, { locks: [officeLock(officeId)] });

/**
 * Staff issue a ticket for a service closed today, for an urgent case (domain/urgentCase): no
 * closure, hours or quota refuses it, the reason stays on the ticket and in the audit log.
 */
export const issueUrgent = (
  ctx: PgCtx,
  officeId: string,
  input: { service: string; reason: string; priority?: Priority | null },
  actor: Actor,
  now: DateTime,
): Promise<TicketRow> =>
  withTx(ctx, async (tx) => {
    const office = await loadOffice(tx, officeId);
    const service = (await serviceByCode(tx, officeId, input.service)) ?? invalid({ service: { key: 'unknown_service' } });
    const reason = decideUrgentIssue({ actor, officeId, closedReason: await closedReason(tx, office, service.id, todayIn(office, now)), reason: input.reason });
    const ticket = await insertTicket(tx, office, service, { source: 'walkin', priority: input.priority ?? null, bookingId: null, slotStartAt: null, urgentReason: reason }, now);
    await audit(tx, { officeId, userId: actor.userId, action: URGENT_AUDIT, target: ticket.number, detail: { via: 'issue', service: service.code, reason } }, now);
    return ticket;
  }, { locks: [officeLock(officeId)] });

const BOOKING_BY_CODE = 'WHERE code = ? AND office_id = ?';

/**
 * Under the office's lock and the holder's (the one cancelling and rescheduling take), so that a
 * booking is never checked in and cancelled or moved at once.
 */
export const checkIn = async (ctx: PgCtx, officeId: string, code: string, now: DateTime): Promise<TicketRow> => {
  const bookingCode = code.trim().toUpperCase();
  const holder = (await row<{ nikHash: string | null }>(ctx, 'SELECT nik_hash AS "nikHash" FROM bookings WHERE code = ? AND office_id = ?', bookingCode, officeId))?.nikHash;
  const locks = [officeLock(officeId), ...(holder ? [holderLock(officeId, holder)] : [])];
  return withTx(ctx, async (tx) => {
    const office = await loadOffice(tx, officeId);
    const booking = (await getRow(tx, t.bookings, BOOKING_BY_CODE, bookingCode, officeId)) ?? fail('NOT_FOUND');
    const slot = (await getRow(tx, t.slots, 'WHERE id = ?', booking.slotId))!;
    decideCheckIn({ booking, slot, office, now });
    const service = (await getRow(tx, t.services, 'WHERE id = ?', booking.serviceId))!;
    // An urgent booking's ticket stays an urgent case at the counter and in the reports.
    const ticket = await insertTicket(tx, office, service, { source: 'booking', priority: null, bookingId: booking.id, slotStartAt: slot.startAt, urgentReason: booking.urgentReason }, now);
    await exec(tx, "UPDATE bookings SET status = 'checked_in', checked_in_at = ? WHERE id = ?", now.toMillis(), booking.id);
    return ticket;
  }, { locks });
};
