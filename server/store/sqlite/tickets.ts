/** Issuing tickets: a walk-in at the kiosk, or a booking's check-in. Each is one transaction: load, ask the domain, apply. */
import { and, count, eq, max } from 'drizzle-orm';
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
import { writeTx, type StoreCtx } from './connection';
import { closedReason, dayFacts, loadOffice, serviceByCode, type OfficeRow, type ServiceRow } from './offices';
import { audit } from './journal';
import type { Actor } from '../../domain/policy';
import { decideUrgentIssue, URGENT_AUDIT } from '../../domain/urgentCase';

export type TicketRow = typeof t.tickets.$inferSelect;

const insertTicket = (
  ctx: StoreCtx,
  office: OfficeRow,
  service: ServiceRow,
  fields: { source: 'walkin' | 'booking'; priority: Priority | null; bookingId: number | null; slotStartAt: number | null; urgentReason?: string | null },
  now: DateTime,
): TicketRow => {
  const date = todayIn(office, now);
  const [last] = ctx.db
    .select({ seq: max(t.tickets.sequence) })
    .from(t.tickets)
    .where(and(eq(t.tickets.officeId, office.id), eq(t.tickets.date, date), eq(t.tickets.issuedServiceId, service.id)))
    .all();
  const sequence = nextSequence(last?.seq ?? null);
  const ticket = ctx.db
    .insert(t.tickets)
    .values({
      id: randomTicketId(),
      officeId: office.id,
      date,
      sequence,
      number: formatTicketNumber(service.code, sequence),
      issuedServiceId: service.id,
      serviceId: service.id,
      source: fields.source,
      bookingId: fields.bookingId,
      slotStartAt: fields.slotStartAt,
      priority: fields.priority,
      urgentReason: fields.urgentReason ?? null,
      status: 'waiting',
      issuedAt: now.toMillis(),
      queuedAt: now.toMillis(),
    })
    .returning()
    .get();
  ctx.db
    .insert(t.ticketEvents)
    .values({ officeId: office.id, ticketId: ticket.id, type: 'issued', at: now.toMillis(), serviceId: service.id })
    .run();
  return ticket;
};

export const walkInsIssuedToday = (ctx: StoreCtx, office: OfficeRow, serviceId: number, now: DateTime): number =>
  ctx.db
    .select({ n: count() })
    .from(t.tickets)
    .where(
      and(
        eq(t.tickets.officeId, office.id),
        eq(t.tickets.date, todayIn(office, now)),
        eq(t.tickets.issuedServiceId, serviceId),
        eq(t.tickets.source, 'walkin'),
      ),
    )
    .all()[0]?.n ?? 0;

/**
 * Walk-in availability of a service now (domain/walkIn), from today's facts: `day` from
 * dayFacts(office, today), which the kiosk and the office page read once for all services.
 * Tickets issued today are counted only where the service has a quota.
 */
export const walkInNow = (ctx: StoreCtx, office: OfficeRow, service: ServiceRow, day: DayFacts, now: DateTime): WalkInAvailability =>
  walkInAvailability({
    office,
    service,
    issuedToday: service.walkInQuota === null ? 0 : walkInsIssuedToday(ctx, office, service.id, now),
    day,
    now,
  });

export const issueWalkIn = (
  ctx: StoreCtx,
  officeId: string,
  input: { service: string; priority?: Priority | null },
  now: DateTime,
): TicketRow =>
  writeTx(ctx, () => {
    const office = loadOffice(ctx, officeId);
    const service = serviceByCode(ctx, officeId, input.service) ?? invalid({ service: { key: 'unknown_service' } });
    checkWalkIn(walkInNow(ctx, office, service, dayFacts(ctx, office.id, todayIn(office, now)), now));
    return insertTicket(ctx, office, service, { source: 'walkin', priority: input.priority ?? null, bookingId: null, slotStartAt: null }, now);
  });

/**
 * Staff issue a ticket for a service closed today, for an urgent case (domain/urgentCase): no
 * closure, hours or quota refuses it, the reason stays on the ticket and in the audit log.
 */
export const issueUrgent = (
  ctx: StoreCtx,
  officeId: string,
  input: { service: string; reason: string; priority?: Priority | null },
  actor: Actor,
  now: DateTime,
): TicketRow =>
  writeTx(ctx, () => {
    const office = loadOffice(ctx, officeId);
    const service = serviceByCode(ctx, officeId, input.service) ?? invalid({ service: { key: 'unknown_service' } });
    const reason = decideUrgentIssue({ actor, officeId, closedReason: closedReason(ctx, office, service.id, todayIn(office, now)), reason: input.reason });
    const ticket = insertTicket(ctx, office, service, { source: 'walkin', priority: input.priority ?? null, bookingId: null, slotStartAt: null, urgentReason: reason }, now);
    audit(ctx, { officeId, userId: actor.userId, action: URGENT_AUDIT, target: ticket.number, detail: { via: 'issue', service: service.code, reason } }, now);
    return ticket;
  });

export const checkIn = (ctx: StoreCtx, officeId: string, code: string, now: DateTime): TicketRow =>
  writeTx(ctx, () => {
    const office = loadOffice(ctx, officeId);
    const booking =
      ctx.db
        .select()
        .from(t.bookings)
        .where(and(eq(t.bookings.code, code.trim().toUpperCase()), eq(t.bookings.officeId, officeId)))
        .get() ?? fail('NOT_FOUND');
    const slot = ctx.db.select().from(t.slots).where(eq(t.slots.id, booking.slotId)).get()!;
    decideCheckIn({ booking, slot, office, now });
    const service = ctx.db.select().from(t.services).where(eq(t.services.id, booking.serviceId)).get()!;
    // An urgent booking's ticket stays an urgent case at the counter and in the reports.
    const ticket = insertTicket(ctx, office, service, { source: 'booking', priority: null, bookingId: booking.id, slotStartAt: slot.startAt, urgentReason: booking.urgentReason }, now);
    ctx.db.update(t.bookings).set({ status: 'checked_in', checkedInAt: now.toMillis() }).where(eq(t.bookings.id, booking.id)).run();
    return ticket;
  });

