/**
 * Dates and times for the booking pages, without a date library: a slot's instants already
 * carry the office's offset ("2026-11-25T09:00:00.000+07:00"), so its local time is read off
 * the string, and a local date is formatted as a calendar date (UTC noon), never in the phone's zone.
 */
import type { Lang } from './texts';

const ZONE_NAMES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

export const zoneName = (timezone: string): string => ZONE_NAMES[timezone] ?? timezone;

/** "2026-11-25T09:00:00.000+07:00" → "09.00" (Indonesian) or "09:00". */
export const localTime = (iso: string, lang: Lang): string => {
  const hhmm = iso.slice(11, 16);
  return lang === 'id' ? hhmm.replace(':', '.') : hhmm;
};

export const timeRange = (start: string, end: string, lang: Lang): string => `${localTime(start, lang)}–${localTime(end, lang)}`;

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');
const calendarDate = (date: string): Date => new Date(`${date}T12:00:00Z`);

/** "Rab, 25 Nov" */
export const shortDate = (date: string, lang: Lang): string =>
  new Intl.DateTimeFormat(locale(lang), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(calendarDate(date));

/** "Rabu, 25 November 2026" */
export const longDate = (date: string, lang: Lang): string =>
  new Intl.DateTimeFormat(locale(lang), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(calendarDate(date));

export const weekdayName = (weekday: number, lang: Lang): string =>
  // 2026-11-23 is a Monday (ISO weekday 1).
  new Intl.DateTimeFormat(locale(lang), { weekday: 'long', timeZone: 'UTC' }).format(calendarDate(`2026-11-${String(22 + weekday).padStart(2, '0')}`));

/** "Rabu, 25 November 2026, 09.00–10.00 WIB" */
export const slotWhen = (date: string, start: string, end: string, timezone: string, lang: Lang): string =>
  `${longDate(date, lang)}, ${timeRange(start, end, lang)} ${zoneName(timezone)}`;

/** "+6281234567890" → "+62 812-3456-7890", easier to check at a glance. */
export const prettyPhone = (e164: string): string => {
  const national = e164.replace(/^\+62/, '');
  const groups = [national.slice(0, 3), national.slice(3, 7), national.slice(7)].filter(Boolean);
  return `+62 ${groups.join('-')}`;
};
