/** Office-local calendar helpers. Every time is computed in the office's own zone. */
import { DateTime } from 'luxon';

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

export const localDate = (now: DateTime, zone: string): string => now.setZone(zone).toISODate()!;

/** The instant at which a local 'HH:mm' on a local date begins, in the office's zone. */
export const atLocal = (date: string, time: string, zone: string): DateTime =>
  DateTime.fromISO(`${date}T${time}`, { zone });

export const weekdayOf = (date: string): number => DateTime.fromISO(date, { zone: 'UTC' }).weekday;

export const addDays = (date: string, days: number): string =>
  DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;

export const isValidDate = (date: string): boolean =>
  DATE_RE.test(date) && DateTime.fromISO(date, { zone: 'UTC' }).isValid;

/** Dates from `from` for `days` days, inclusive of `from`. */
export const dateRange = (from: string, days: number): string[] =>
  Array.from({ length: days }, (_, i) => addDays(from, i));

/** ISO 8601 with the office's offset, e.g. 2026-11-24T08:00:00.000+07:00. */
export const isoInZone = (epochMs: number, zone: string): string =>
  DateTime.fromMillis(epochMs, { zone }).toISO()!;

export const minutesBetween = (fromMs: number, toMs: number): number => (toMs - fromMs) / 60_000;
