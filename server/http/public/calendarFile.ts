/** A booking as an .ics calendar file, with its times in the office's zone (TZID), never the server's. */
import { createEvent } from 'ics';
import { DateTime } from 'luxon';
import type { BookingCalendar } from '../../../shared/staffTypes';

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
