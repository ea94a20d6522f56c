/**
 * Times as Indonesian visitors read them: hours and minutes with a dot (`08.00`, `08.00–09.00`),
 * always in the office's time zone, with the zone's Indonesian name (WIB, WITA, WIT).
 * Pure: no DOM. The kiosk screen and the printed ticket write every time through these.
 */
import { DateTime } from 'luxon';

const ZONE_NAMES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** WIB, WITA or WIT for an Indonesian zone; the zone's own name otherwise. */
export const zoneName = (zone: string): string => ZONE_NAMES[zone] ?? zone;

const inZone = (at: string | number, zone: string): DateTime =>
  (typeof at === 'number' ? DateTime.fromMillis(at) : DateTime.fromISO(at, { setZone: true })).setZone(zone).setLocale('id');

/** `08.00`: the hour and minute of an instant (ISO string or epoch milliseconds) in the office's zone. */
export const clockTime = (at: string | number, zone: string): string => inZone(at, zone).toFormat('HH.mm');

/** `08.00–09.00`: a time window, such as a booking's session. */
export const clockRange = (start: string | number, end: string | number, zone: string): string =>
  `${clockTime(start, zone)}–${clockTime(end, zone)}`;

/** `Selasa, 24 November 2026`. */
export const longDate = (at: string | number, zone: string): string => inZone(at, zone).toFormat('cccc, d LLLL yyyy');

/**
 * Rewrites the `HH:MM` times inside a text (a server message such as "dibuka pukul 10:30 sampai
 * 12:00") as `10.30`; other colons ("Catatan: …", "12:3") stay as they are.
 */
export const dottedTimes = (text: string): string => text.replace(/(?<![\d:.])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])/g, '$1.$2');

/**
 * `08.00–11.30, 13.30–15.00`: a day's opening intervals (local 'HH:mm', as stored), earliest
 * first. A day with a lunch break or Friday prayer has several.
 */
export const intervalsText = (intervals: readonly { open: string; close: string }[]): string =>
  [...intervals]
    .sort((a, b) => a.open.localeCompare(b.open))
    .map((h) => `${h.open.replace(':', '.')}–${h.close.replace(':', '.')}`)
    .join(', ');
