/** Routes beyond API.md for the booking screens: the holder's calendar file and the staff view of a booking. */
import { Router } from 'express';
import { createEvent } from 'ics';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { BookingCalendar } from '../store/ext/booking';
import * as s from './schemas';
import { requireStaff, staffOf } from './auth';
import type { Deps } from './deps';
import { route } from './route';

const ICS_LOCAL = "yyyyLLdd'T'HHmmss";
const INDONESIAN_ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT',
};

/**
 * A VTIMEZONE for one event. Indonesia's zones have no daylight saving, and a file holds a
 * single event, so the offset at the event's start describes the zone for that event exactly.
 */
const vtimezone = (zone: string, at: DateTime): string => {
  const offset = at.setZone(zone).toFormat('ZZZ');
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    `TZNAME:${INDONESIAN_ZONE_NAMES[zone] ?? offset}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
};

/** The .ics text of a booking, with its times in the office's zone (TZID), never the server's. */
export const calendarFile = (cal: BookingCalendar, now: DateTime, publicBaseUrl?: string): string => {
  const zone = cal.office.timezone;
  const start = DateTime.fromISO(cal.booking.start, { setZone: true }).setZone(zone);
  const end = DateTime.fromISO(cal.booking.end, { setZone: true }).setZone(zone);
  const manageUrl = publicBaseUrl ? `${publicBaseUrl.replace(/\/$/, '')}${cal.booking.statusUrl}` : undefined;
  const description = [
    `Kode reservasi / Booking code: ${cal.booking.code}`,
    cal.requirements ? `Yang perlu dibawa: ${cal.requirements}` : '',
    cal.requirementsEn ? `What to bring: ${cal.requirementsEn}` : '',
    'Tunjukkan kode atau QR di kiosk saat tiba. / Show the code or QR at the kiosk when you arrive.',
    manageUrl ? `Cek, ubah atau batalkan / Check, change or cancel: ${manageUrl}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const { error, value } = createEvent({
    uid: `booking-${cal.booking.code}@giliran`,
    // ics passes a string date through unchanged; the TZID is added below.
    start: start.toFormat(ICS_LOCAL),
    end: end.toFormat(ICS_LOCAL),
    title: `${cal.booking.serviceName} — ${cal.office.name}`,
    description,
    location: cal.office.name,
    status: cal.booking.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
    productId: 'giliran/booking',
    alarms: [{ action: 'display', description: `${cal.booking.serviceName} ${start.toFormat('HH:mm')}`, trigger: { hours: 1, before: true } }],
    ...(manageUrl ? { url: manageUrl } : {}),
    // DTSTAMP comes from the injected clock, not the library's Date.now().
    ...({ timestamp: now.toMillis() } as object),
  });
  if (error || !value) throw error ?? new Error('calendar file could not be built');
  return value
    .replace(/^DTSTART:/m, `DTSTART;TZID=${zone}:`)
    .replace(/^DTEND:/m, `DTEND;TZID=${zone}:`)
    .replace('BEGIN:VEVENT', `${vtimezone(zone, start)}\r\nBEGIN:VEVENT`);
};

const staffBookingView = s.bookingView.extend({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  createdByUserId: z.number().nullable(),
  erased: z.boolean(),
});

export const bookingExtraRoutes = (deps: Deps): Router => {
  const router = Router();
  const { store, clock } = deps;

  route(
    router,
    {
      method: 'get', path: '/bookings/{code}/calendar.ics', summary: "A booking as an .ics calendar file (times in the office's zone), given the NIK's last four digits",
      tag: 'public', params: s.codeParams, query: s.nik4Query, errors: ['NOT_FOUND'],
    },
    async ({ params, query }, _req, res) => {
      const cal = await store.bookingCalendar(params.code, query.nik4);
      res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="giliran-${cal.booking.code}.ics"`);
      res.setHeader('Cache-Control', 'no-store');
      res.send(calendarFile(cal, clock.now(), deps.config.publicBaseUrl));
      return undefined;
    },
  );

  route(
    router,
    {
      method: 'get', path: '/offices/{officeId}/bookings/{code}', summary: "Staff view of a booking with the holder's name and full phone number; the reading is audited",
      tag: 'staff', auth: 'session', params: s.officeParams.extend(s.codeParams.shape), response: staffBookingView, errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'],
    },
    ({ params }, _req, res) => store.staffBooking(params.officeId, params.code, staffOf(res), clock.now()),
    requireStaff(deps),
  );

  return router;
};
