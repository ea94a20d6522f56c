/** Public read models of an office: its detail page data and the availability calendar (as ../sqlite/officeViews.ts). */
import { screenNoticesFor } from './notices';
import type { DateTime } from 'luxon';
import { slotOpenForBooking } from '../../domain/booking';
import { contactForService } from '../../domain/contacts';
import { invalid } from '../../domain/errors';
import { lastBookableDay, serviceClosedOn, type DayFacts } from '../../domain/slots';
import { addDays, dateRange, isoInZone, todayIn } from '../../domain/time';
import { walkInAvailability } from '../../domain/walkIn';
import * as t from './schema';
import type { OfficeDetail, OfficeSummary, ServiceInfo, SlotDay } from '../../../shared/types';
import { allRows, row, rows, withTx, type Conn, type PgCtx } from './connection';
import { sharePlan } from './bookingLocks';
import { insertSlots, loadClosures, loadOffice, loadOpeningHours, loadServices, serviceByCode, slotsFor, unmadeSlots, type OfficeRow, type ServiceRow } from './offices';

/** Every office, drafts too (`published` false): visitors are shown only the published ones (the public route filters). */
export const listOffices = (c: Conn): Promise<(OfficeSummary & { published: boolean })[]> =>
  rows<OfficeSummary & { published: boolean }>(c, 'SELECT id, name, timezone, published_at IS NOT NULL AS published FROM offices ORDER BY name');

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

/** Walk-in availability of a service now (domain/walkIn); today's walk-in tickets are counted only where there is a quota. */
const walkInNow = async (c: Conn, office: OfficeRow, service: ServiceRow, day: DayFacts, now: DateTime) => {
  const issued = service.walkInQuota === null
    ? 0
    : (await row<{ n: number }>(
        c,
        "SELECT count(*) AS n FROM tickets WHERE office_id = ? AND date = ? AND issued_service_id = ? AND source = 'walkin'",
        office.id, todayIn(office, now), service.id,
      ))!.n;
  return walkInAvailability({ office, service, issuedToday: issued, day, now });
};

export const officeDetail = (ctx: PgCtx, officeId: string, now: DateTime): Promise<OfficeDetail & { services: (ServiceInfo & { walkInRemaining: number | null })[] }> =>
  // One snapshot for the whole page.
  withTx(ctx, async (tx) => {
    const office = await loadOffice(tx, officeId);
    const today = todayIn(office, now);
    const openingHours = await loadOpeningHours(tx, officeId);
    const day = { closures: await loadClosures(tx, officeId), hours: openingHours };
    const serviceRows = await loadServices(tx, officeId);
    const contacts = await rows<{ id: number; label: string; phone: string; serviceGroup: string }>(
      tx, 'SELECT id, label, phone, service_group AS "serviceGroup" FROM whatsapp_contacts WHERE office_id = ? ORDER BY id', officeId,
    );
    const services = [];
    for (const s of serviceRows) {
      const { closedToday, remaining } = await walkInNow(tx, office, s, day, now);
      services.push({ ...serviceInfo(s, contacts), ...(closedToday ? { closedToday } : {}), walkInRemaining: remaining });
    }
    const codeOf = new Map(serviceRows.map((s) => [s.id, s.code]));
    const closures = await allRows(tx, t.closures, 'WHERE office_id = ? AND (to_date IS NULL OR to_date >= ?) ORDER BY id', officeId, today);
    return {
      id: office.id,
      name: office.name,
      timezone: office.timezone,
      services,
      openingHours,
      // The booking page's notices: scheduled for today and targeted at it (domain/notices).
      notices: await screenNoticesFor(tx, officeId, 'booking', today),
      whatsappContacts: contacts,
      closures: closures
        // A closure ended before its first day was withdrawn.
        .filter((c) => c.toDate === null || c.toDate >= c.fromDate)
        .map((c) => ({ id: c.id, service: c.serviceId === null ? null : (codeOf.get(c.serviceId) ?? null), from: c.fromDate, to: c.toDate, reason: c.reason })),
      roomCapacity: office.roomCapacity,
      bookingHorizonDays: office.bookingHorizonDays,
      checkInEarlyMinutes: office.checkInEarlyMinutes,
      published: office.publishedAt !== null,
      blankoStock: office.blankoStock,
    };
  }, { readOnly: true });

export const availability = async (ctx: PgCtx, officeId: string, serviceCode: string, from: string, days: number, now: DateTime): Promise<SlotDay[]> => {
  const office = await loadOffice(ctx, officeId);
  const service = (await serviceByCode(ctx, officeId, serviceCode)) ?? invalid({ service: { key: 'unknown_service' } });
  const to = addDays(from, days - 1);
  let slotRows = await slotsFor(ctx, service.id, from, to);
  // The slot job makes the coming days' slots ahead, and every change of plan re-plans them, so
  // this read writes nothing. A day the job has not reached yet is made here, once (only within
  // the booking horizon: past it there is nothing to book yet), under the shared plan lock so that
  // no re-plan runs meanwhile; the insert skips rows another process made first.
  const horizonEnd = lastBookableDay(todayIn(office, now), office.bookingHorizonDays);
  const dates = dateRange(from, days).filter((d) => d <= horizonEnd);
  if ((await unmadeSlots(ctx, office, service.id, dates, slotRows)).length) {
    await withTx(ctx, async (tx) => {
      await sharePlan(tx, officeId);
      await insertSlots(tx, await unmadeSlots(tx, office, service.id, dates));
    });
    slotRows = await slotsFor(ctx, service.id, from, to);
  }
  const day = { closures: await loadClosures(ctx, officeId), hours: await loadOpeningHours(ctx, officeId) };
  return dateRange(from, days).map((date) => {
    const reason = serviceClosedOn(day, office, service, date);
    const slots = reason
      ? []
      : slotRows
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
