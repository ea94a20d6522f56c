/**
 * What a counter screen reads beyond the live queue (as ../sqlite/ticketDetails.ts): the current
 * ticket's booking details (staff only: name and masked NIK) and the day's no-shows that staff
 * may requeue. Reads only, except the audit entry of a look at personal data.
 */
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { maskNik, maskPhone } from '../../domain/phone';
import { isoInZone, todayIn } from '../../domain/time';
import * as t from './schema';
import type { Priority, TicketStatus } from '../../../shared/types';
import { columnsOf, getRow, nikHash, row, rows, withTx, type Conn, type PgCtx } from './connection';
import { decideHolderCheck, HOLDER_MATCHED, HOLDER_MISMATCHED, typedNik } from '../../domain/holderCheck';
import { audit } from './journal';
import { assertOffice, type Actor } from '../../domain/policy';
import { loadOffice } from './offices';
import type { StaffTicketDetails, NoShowEntry } from '../../../shared/staffTypes';
import type { TicketRow } from './tickets';

const iso = (ms: number | null, zone: string): string | null => (ms === null ? null : isoInZone(ms, zone));

export const ticketDetails = async (c: Conn, ticketId: string, actor: Actor, now: DateTime): Promise<StaffTicketDetails> => {
  const ticket = (await getRow(c, t.tickets, 'WHERE id = ?', ticketId)) ?? fail('NOT_FOUND');
  assertOffice(actor, ticket.officeId);
  const office = await loadOffice(c, ticket.officeId);
  const service = await getRow(c, t.services, 'WHERE id = ?', ticket.serviceId);
  const counter = ticket.counterId === null ? undefined : await getRow(c, t.counters, 'WHERE id = ?', ticket.counterId);
  const booking = ticket.bookingId === null ? undefined : await getRow(c, t.bookings, 'WHERE id = ?', ticket.bookingId);
  const slot = booking ? await getRow(c, t.slots, 'WHERE id = ?', booking.slotId) : undefined;
  // Every look at a holder's personal data by staff is on the record, as for the staff booking view.
  if (booking && booking.erasedAt === null) {
    await audit(c, { officeId: ticket.officeId, userId: actor.userId, action: 'booking.viewed', target: booking.code, detail: { ticket: ticket.number } }, now);
  }
  return {
    id: ticket.id,
    number: ticket.number,
    service: service?.code ?? '?',
    serviceName: service?.nameId ?? '',
    status: ticket.status as TicketStatus,
    source: ticket.source as 'walkin' | 'booking',
    priority: ticket.priority as Priority | null,
    counter: counter?.name ?? null,
    recallCount: ticket.recallCount,
    recallLimit: office.recallLimit,
    issuedAt: isoInZone(ticket.issuedAt, office.timezone),
    calledAt: iso(ticket.lastCalledAt ?? ticket.calledAt, office.timezone),
    startedAt: iso(ticket.startedAt, office.timezone),
    booking: booking
      ? {
          code: booking.code,
          name: booking.erasedAt === null ? booking.name : null,
          nikMasked: booking.nikLast4 ? maskNik(booking.nikLast4) : '',
          phoneMasked: booking.phone ? maskPhone(booking.phone) : '',
          slot: slot ? `${slot.start}–${slot.end}` : '',
        }
      : null,
    requirements: service?.requirementsId ?? '',
    urgentReason: ticket.urgentReason ?? null,
  };
};

/** Today's no-show tickets of an office, latest first (along the office, day and status index). */
const NO_SHOWS_SQL = `SELECT ${columnsOf(t.tickets)}, (SELECT code FROM services WHERE id = tickets.service_id) AS "serviceCode",
  (SELECT name FROM counters WHERE id = tickets.counter_id) AS "counterName"
  FROM tickets WHERE office_id = ? AND date = ? AND status = 'no_show' ORDER BY no_show_at DESC NULLS LAST LIMIT ?`;

/** Today's no-show tickets of an office, latest first: the ones a counter may requeue. */
export const noShowsToday = async (c: Conn, officeId: string, now: DateTime, limit = 50): Promise<NoShowEntry[]> => {
  const office = await loadOffice(c, officeId);
  const found = await rows<TicketRow & { serviceCode: string | null; counterName: string | null }>(c, NO_SHOWS_SQL, officeId, todayIn(office, now), limit);
  return found.map((ticket) => ({
    id: ticket.id,
    number: ticket.number,
    service: ticket.serviceCode!,
    counter: ticket.counterName ?? null,
    noShowAt: isoInZone(ticket.noShowAt ?? ticket.lastCalledAt ?? ticket.issuedAt, office.timezone),
    recallCount: ticket.recallCount,
  }));
};

const MISMATCHES_SQL = 'SELECT count(*)::int AS n FROM audit_log WHERE office_id = ? AND at >= ? AND action = ? AND target = ?';

/**
 * Checks the NIK typed at the counter against the holder of a booked ticket (domain/holderCheck),
 * as ../sqlite/ticketDetails.ts: one transaction under the ticket's own lock, so that the count of
 * its mismatches and the audit entry of this check never interleave with another check's, in any
 * process. The audit names the booking and the ticket, never digits.
 */
export const verifyHolder = async (ctx: PgCtx, ticketId: string, nik: string, actor: Actor, now: DateTime): Promise<{ match: boolean }> => {
  const typedHash = nikHash(ctx, typedNik(nik));
  return withTx(ctx, async (tx) => {
    const ticket = (await getRow(tx, t.tickets, 'WHERE id = ?', ticketId)) ?? fail('NOT_FOUND');
    assertOffice(actor, ticket.officeId);
    const booking = ticket.bookingId === null ? undefined : await getRow(tx, t.bookings, 'WHERE id = ?', ticket.bookingId);
    const mismatches = booking ? ((await row<{ n: number }>(tx, MISMATCHES_SQL, ticket.officeId, ticket.issuedAt, HOLDER_MISMATCHED, booking.code))?.n ?? 0) : 0;
    const answer = decideHolderCheck({ storedHash: booking?.erasedAt === null ? booking.nikHash : null, typedHash, mismatches });
    await audit(tx, { officeId: ticket.officeId, userId: actor.userId, action: answer.match ? HOLDER_MATCHED : HOLDER_MISMATCHED, target: booking!.code, detail: { ticket: ticket.number } }, now);
    return answer;
  }, { locks: [`holder-check:${ticketId}`] });
};
