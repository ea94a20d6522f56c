/**
 * Extension point for the counter use cases: what a counter screen reads beyond the live
 * queue. The current ticket's booking details (staff only: name and masked NIK) and the
 * day's no-shows that staff may requeue. Reads only; every change goes through the core.
 */
import { and, count, desc, eq, gte } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { maskNik, maskPhone } from '../../domain/phone';
import { isoInZone, todayIn } from '../../domain/time';
import * as t from './schema';
import type { Priority, TicketStatus } from '../../../shared/types';
import { nikHash, writeTx, type StoreCtx } from './connection';
import { decideHolderCheck, HOLDER_MATCHED, HOLDER_MISMATCHED, typedNik } from '../../domain/holderCheck';
import { audit } from './journal';
import { assertOffice, type Actor } from '../../domain/policy';
import { loadOffice } from './offices';
import type { StaffBookingDetails, StaffTicketDetails, NoShowEntry } from '../../../shared/staffTypes';

const iso = (ms: number | null, zone: string): string | null => (ms === null ? null : isoInZone(ms, zone));

export const ticketDetails = (ctx: StoreCtx, ticketId: string, actor: Actor, now: DateTime): StaffTicketDetails => {
  const ticket = ctx.db.select().from(t.tickets).where(eq(t.tickets.id, ticketId)).get() ?? fail('NOT_FOUND');
  assertOffice(actor, ticket.officeId);
  const office = loadOffice(ctx, ticket.officeId);
  const service = ctx.db.select().from(t.services).where(eq(t.services.id, ticket.serviceId)).get();
  const counter = ticket.counterId === null ? undefined : ctx.db.select().from(t.counters).where(eq(t.counters.id, ticket.counterId)).get();
  const booking = ticket.bookingId === null ? undefined : ctx.db.select().from(t.bookings).where(eq(t.bookings.id, ticket.bookingId)).get();
  const slot = booking ? ctx.db.select().from(t.slots).where(eq(t.slots.id, booking.slotId)).get() : undefined;
  // Every look at a holder's personal data by staff is on the record, as for the staff booking view.
  if (booking && booking.erasedAt === null) {
    audit(ctx, { officeId: ticket.officeId, userId: actor.userId, action: 'booking.viewed', target: booking.code, detail: { ticket: ticket.number } }, now);
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

/** Today's no-show tickets of an office, latest first: the ones a counter may requeue. */
export const noShowsToday = (ctx: StoreCtx, officeId: string, now: DateTime, limit = 50): NoShowEntry[] => {
  const office = loadOffice(ctx, officeId);
  const rows = ctx.db
    .select({ ticket: t.tickets, service: t.services.code, counter: t.counters.name })
    .from(t.tickets)
    .innerJoin(t.services, eq(t.services.id, t.tickets.serviceId))
    .leftJoin(t.counters, eq(t.counters.id, t.tickets.counterId))
    .where(and(eq(t.tickets.officeId, officeId), eq(t.tickets.date, todayIn(office, now)), eq(t.tickets.status, 'no_show')))
    .orderBy(desc(t.tickets.noShowAt))
    .limit(limit)
    .all();
  return rows.map(({ ticket, service, counter }) => ({
    id: ticket.id,
    number: ticket.number,
    service,
    counter: counter ?? null,
    noShowAt: isoInZone(ticket.noShowAt ?? ticket.lastCalledAt ?? ticket.issuedAt, office.timezone),
    recallCount: ticket.recallCount,
  }));
};


/**
 * Checks the NIK typed at the counter against the holder of a booked ticket (domain/holderCheck):
 * one write transaction, so that the count of the ticket's mismatches and the audit entry of this
 * check cannot interleave with another check's. The audit names the booking and the ticket, never digits.
 */
export const verifyHolder = (ctx: StoreCtx, ticketId: string, nik: string, actor: Actor, now: DateTime): { match: boolean } => {
  const typedHash = nikHash(ctx, typedNik(nik));
  return writeTx(ctx, () => {
    const ticket = ctx.db.select().from(t.tickets).where(eq(t.tickets.id, ticketId)).get() ?? fail('NOT_FOUND');
    assertOffice(actor, ticket.officeId);
    const booking = ticket.bookingId === null ? undefined : ctx.db.select().from(t.bookings).where(eq(t.bookings.id, ticket.bookingId)).get();
    const mismatches = booking
      ? ctx.db
          .select({ n: count() })
          .from(t.auditLog)
          .where(and(eq(t.auditLog.officeId, ticket.officeId), gte(t.auditLog.at, ticket.issuedAt), eq(t.auditLog.action, HOLDER_MISMATCHED), eq(t.auditLog.target, booking.code)))
          .get()?.n ?? 0
      : 0;
    const answer = decideHolderCheck({ storedHash: booking?.erasedAt === null ? booking.nikHash : null, typedHash, mismatches });
    audit(ctx, { officeId: ticket.officeId, userId: actor.userId, action: answer.match ? HOLDER_MATCHED : HOLDER_MISMATCHED, target: booking!.code, detail: { ticket: ticket.number } }, now);
    return answer;
  });
};
