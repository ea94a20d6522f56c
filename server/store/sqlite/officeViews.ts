/** Public read models of an office: its detail page data and the availability calendar. */
import { screenNoticesFor } from './notices';
import { and, asc, eq, gte, isNull, or } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { slotOpenForBooking } from '../../domain/booking';
import { contactForService } from '../../domain/contacts';
import { invalid } from '../../domain/errors';
import { lastBookableDay, serviceClosedOn } from '../../domain/slots';
import { addDays, dateRange, isoInZone, todayIn } from '../../domain/time';
import * as t from './schema';
import type { OfficeDetail, OfficeSummary, ServiceInfo, SlotDay } from '../../../shared/types';
import { writeTx, type StoreCtx } from './connection';
import { insertSlots, loadClosures, loadOffice, loadOpeningHours, loadServices, serviceByCode, slotsFor, unmadeSlots, type ServiceRow } from './offices';
import { walkInNow } from './tickets';

/** Every office, drafts too (`published` false): visitors are shown only the published ones (the public route filters). */
export const listOffices = (ctx: StoreCtx): (OfficeSummary & { published: boolean })[] =>
  ctx.db.select({ id: t.offices.id, name: t.offices.name, timezone: t.offices.timezone, publishedAt: t.offices.publishedAt }).from(t.offices)
    .orderBy(asc(t.offices.name)).all()
    .map(({ publishedAt, ...o }) => ({ ...o, published: publishedAt !== null }));

/** A service as visitors see it; `contacts`: the office's WhatsApp contacts, to name the one of the service's group. */
export const serviceInfo = (s: ServiceRow, contacts: readonly { label: string; phone: string; serviceGroup: string }[] = []): ServiceInfo => ({
  code: s.code,
  name: s.nameId,
  nameEn: s.nameEn,
  bookable: s.bookable,
  walkIn: s.walkIn,
  requirements: s.requirementsId,
  requirementsEn: s.requirementsEn,
  typicalMinutes: s.typicalMinutes,
  walkInQuota: s.walkInQuota,
  needsBlanko: s.needsBlanko,
  serviceGroup: s.serviceGroup,
  whatsapp: whatsappOf(s.serviceGroup, contacts),
});

const whatsappOf = (group: string, contacts: readonly { label: string; phone: string; serviceGroup: string }[]) => {
  const c = contactForService(group, contacts);
  return c ? { label: c.label, phone: c.phone } : null;
};

export const officeDetail = (ctx: StoreCtx, officeId: string, now: DateTime): OfficeDetail & { services: (ServiceInfo & { walkInRemaining: number | null })[] } => {
  const office = loadOffice(ctx, officeId);
  const today = todayIn(office, now);
  const openingHours = loadOpeningHours(ctx, officeId);
  const day = { closures: loadClosures(ctx, officeId), hours: openingHours };
  const serviceRows = loadServices(ctx, officeId);
  const contacts = ctx.db
    .select({ id: t.whatsappContacts.id, label: t.whatsappContacts.label, phone: t.whatsappContacts.phone, serviceGroup: t.whatsappContacts.serviceGroup })
    .from(t.whatsappContacts)
    .where(eq(t.whatsappContacts.officeId, officeId))
    .orderBy(asc(t.whatsappContacts.id))
    .all();
  const services = serviceRows.map((s) => {
    const { closedToday, remaining } = walkInNow(ctx, office, s, day, now);
    return { ...serviceInfo(s, contacts), ...(closedToday ? { closedToday } : {}), walkInRemaining: remaining };
  });
  const codeOf = new Map(serviceRows.map((s) => [s.id, s.code]));
  return {
    id: office.id,
    name: office.name,
    timezone: office.timezone,
    services,
    openingHours,
    // The booking page's notices: scheduled for today and targeted at it (domain/notices).
    notices: screenNoticesFor(ctx, officeId, 'booking', today),
    whatsappContacts: contacts,
    closures: ctx.db
      .select()
      .from(t.closures)
      .where(and(eq(t.closures.officeId, officeId), or(isNull(t.closures.toDate), gte(t.closures.toDate, today))))
      .all()
      // A closure ended before its first day was withdrawn.
      .filter((c) => c.toDate === null || c.toDate >= c.fromDate)
      .map((c) => ({ id: c.id, service: c.serviceId === null ? null : (codeOf.get(c.serviceId) ?? null), from: c.fromDate, to: c.toDate, reason: c.reason })),
    roomCapacity: office.roomCapacity,
    bookingHorizonDays: office.bookingHorizonDays,
    checkInEarlyMinutes: office.checkInEarlyMinutes,
    published: office.publishedAt !== null,
    blankoStock: office.blankoStock,
  };
};

export const availability = (ctx: StoreCtx, officeId: string, serviceCode: string, from: string, days: number, now: DateTime): SlotDay[] => {
  const office = loadOffice(ctx, officeId);
  const service = serviceByCode(ctx, officeId, serviceCode) ?? invalid({ service: { key: 'unknown_service' } });
  const to = addDays(from, days - 1);
  let rows = slotsFor(ctx, service.id, from, to);
  // The slot job makes the coming days' slots ahead, and every change of plan re-plans them, so
  // this read takes no write lock. A day the job has not reached yet is made here, once (only
  // within the booking horizon: past it there is nothing to book yet).
  const horizonEnd = lastBookableDay(todayIn(office, now), office.bookingHorizonDays);
  const dates = dateRange(from, days).filter((d) => d <= horizonEnd);
  if (unmadeSlots(ctx, office, service.id, dates, rows).length) {
    writeTx(ctx, () => insertSlots(ctx, unmadeSlots(ctx, office, service.id, dates)));
    rows = slotsFor(ctx, service.id, from, to);
  }
  const day = { closures: loadClosures(ctx, officeId), hours: loadOpeningHours(ctx, officeId) };
  return dateRange(from, days).map((date) => {
    const reason = serviceClosedOn(day, office, service, date);
    const slots = reason
      ? []
      : rows
          // A slot dropped from the plan keeps its row (with no places) while a cancelled booking points at it.
          .filter((r) => r.date === date && (r.capacity > 0 || r.booked > 0))
          .map((r) => ({
            id: r.id,
            start: isoInZone(r.startAt, office.timezone),
            end: isoInZone(r.endAt, office.timezone),
            capacity: r.capacity,
            booked: r.booked,
            remaining: Math.max(0, r.capacity - r.booked),
            // A booked slot the opening hours no longer hold is kept for its bookings, not offered.
            bookable: slotOpenForBooking(office, service, r, now, day.hours),
          }));
    return reason ? { date, closed: true, reason, slots } : { date, closed: false, slots };
  });
};
