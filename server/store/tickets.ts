/** Issuing tickets: a walk-in at the kiosk, or a booking's check-in. Each is one transaction. */
import { and, count, eq, max } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { fail, invalid } from '../domain/errors';
import { formatTicketNumber, nextSequence } from '../domain/numbering';
import { atLocal } from '../domain/time';
import * as t from '../db/schema';
import type { Priority } from '../../shared/types';
import { randomTicketId, writeTx, type StoreCtx } from './context';
import { closedReason, loadOffice, serviceByCode, todayIn, type OfficeRow, type ServiceRow } from './offices';
import { blankoEmpty } from './admin/blanko';

export type TicketRow = typeof t.tickets.$inferSelect;

const insertTicket = (
  ctx: StoreCtx,
  office: OfficeRow,
  service: ServiceRow,
  fields: { source: 'walkin' | 'booking'; priority: Priority | null; bookingId: number | null; slotStartAt: number | null },
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

/** Why the office takes no visitor in person right now, or undefined when it does. */
export const closedNow = (ctx: StoreCtx, office: OfficeRow, service: ServiceRow, now: DateTime): string | undefined => {
  const date = todayIn(office, now);
  const reason = closedReason(ctx, office, service.id, date);
  if (reason) return reason;
  const local = now.setZone(office.timezone);
  const hours = ctx.db
    .select()
    .from(t.openingHours)
    .where(and(eq(t.openingHours.officeId, office.id), eq(t.openingHours.weekday, local.weekday)))
    .get();
  if (!hours) return 'Kantor tutup pada hari ini / The office is closed today';
  if (now < atLocal(date, hours.open, office.timezone) || now >= atLocal(date, hours.close, office.timezone)) {
    return `Jam layanan ${hours.open}–${hours.close} / Service hours ${hours.open}–${hours.close}`;
  }
  return undefined;
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

export const issueWalkIn = (
  ctx: StoreCtx,
  officeId: string,
  input: { service: string; priority?: Priority | null },
  now: DateTime,
): TicketRow =>
  writeTx(ctx, () => {
    const office = loadOffice(ctx, officeId);
    const service = serviceByCode(ctx, officeId, input.service) ?? invalid({ service: { key: 'unknown_service' } });
    if (!service.walkIn) fail('SERVICE_UNAVAILABLE');
    const reason = closedNow(ctx, office, service, now);
    if (reason) fail('CLOSED', { reason });
    if (blankoEmpty(office, service)) fail('BLANKO_EMPTY');
    if (service.walkInQuota !== null && walkInsIssuedToday(ctx, office, service.id, now) >= service.walkInQuota) {
      fail('QUOTA_EXHAUSTED');
    }
    return insertTicket(ctx, office, service, { source: 'walkin', priority: input.priority ?? null, bookingId: null, slotStartAt: null }, now);
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
    if (booking.status === 'cancelled') fail('BOOKING_CANCELLED');
    if (booking.status === 'checked_in') fail('ALREADY_CHECKED_IN');
    const today = todayIn(office, now);
    if (booking.date !== today) fail('WRONG_DAY', { date: booking.date });
    const slot = ctx.db.select().from(t.slots).where(eq(t.slots.id, booking.slotId)).get()!;
    const opensAt = slot.startAt - office.checkInEarlyMinutes * 60_000;
    if (now.toMillis() < opensAt || now.toMillis() > slot.endAt) {
      const fmt = (ms: number) => DateTime.fromMillis(ms, { zone: office.timezone }).toFormat('HH:mm');
      fail('OUTSIDE_WINDOW', { from: fmt(opensAt), to: fmt(slot.endAt) });
    }
    const service = ctx.db.select().from(t.services).where(eq(t.services.id, booking.serviceId)).get()!;
    const ticket = insertTicket(ctx, office, service, { source: 'booking', priority: null, bookingId: booking.id, slotStartAt: slot.startAt }, now);
    ctx.db.update(t.bookings).set({ status: 'checked_in', checkedInAt: now.toMillis() }).where(eq(t.bookings.id, booking.id)).run();
    return ticket;
  });

