/** Office-local calendar helpers. Every time is computed in the office's own zone. */
import { DateTime } from 'luxon';

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The local date of an instant. The zone conversion is costly and a booking burst asks
 * thousands of times a second, so each zone remembers the bounds of its current local day.
 */
const dayWindows = new Map<string, { from: number; to: number; date: string }>();
export const localDate = (now: DateTime, zone: string): string => {
  const ms = now.toMillis();
  const window = dayWindows.get(zone);
  if (window && ms >= window.from && ms < window.to) return window.date;
  const local = now.setZone(zone);
  const start = local.startOf('day');
  const date = local.toISODate()!;
  dayWindows.set(zone, { from: start.toMillis(), to: start.plus({ days: 1 }).toMillis(), date });
  return date;
};

/** Today's local date in an office's zone: how every rule asks for "today". */
export const todayIn = (office: { timezone: string }, now: DateTime): string => localDate(now, office.timezone);

const QUARTER_MS = 900_000;
const quarterHours = new Map<string, Map<number, number>>();
/**
 * The local hour (0–23) of an instant in a zone, for counting a day's arrivals by hour. A UTC
 * quarter hour lies within one local hour whenever the zone's offset is a whole number of
 * quarter hours and does not change inside it, so each quarter is converted once (one luxon
 * conversion per quarter instead of one per ticket); any other quarter is converted per instant.
 */
export const localHour = (epochMs: number, zone: string): number => {
  let quarters = quarterHours.get(zone);
  if (!quarters) quarterHours.set(zone, (quarters = new Map()));
  const quarter = Math.floor(epochMs / QUARTER_MS);
  let hour = quarters.get(quarter);
  if (hour === undefined) {
    if (quarters.size > 50_000) quarters.clear();
    const start = DateTime.fromMillis(quarter * QUARTER_MS, { zone });
    const end = DateTime.fromMillis(quarter * QUARTER_MS + QUARTER_MS - 1, { zone });
    hour = start.offset === end.offset && start.offset % 15 === 0 ? start.hour : -1;
    quarters.set(quarter, hour);
  }
  return hour >= 0 ? hour : DateTime.fromMillis(epochMs, { zone }).hour;
};

/** The local 'HH:mm' of an instant in a zone. */
export const localTime = (epochMs: number, zone: string): string => DateTime.fromMillis(epochMs, { zone }).toFormat('HH:mm');

/** The instant at which a local 'HH:mm' on a local date begins, in the office's zone. */
export const atLocal = (date: string, time: string, zone: string): DateTime =>
  DateTime.fromISO(`${date}T${time}`, { zone });

const weekdays = new Map<string, number>();
/** ISO weekday (1 = Monday) of a calendar date; remembered, as a burst asks about the same few dates. */
export const weekdayOf = (date: string): number => {
  let weekday = weekdays.get(date);
  if (weekday === undefined) {
    if (weekdays.size > 1000) weekdays.clear();
    weekdays.set(date, (weekday = DateTime.fromISO(date, { zone: 'UTC' }).weekday));
  }
  return weekday;
};

const shifted = new Map<string, string>();
/** Calendar arithmetic on 'YYYY-MM-DD' (remembered: the same few dates recur all day). */
export const addDays = (date: string, days: number): string => {
  const key = `${date}|${days}`;
  let result = shifted.get(key);
  if (result === undefined) {
    if (shifted.size > 10_000) shifted.clear();
    shifted.set(key, (result = DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!));
  }
  return result;
};

/** Dates from `from` for `days` days, inclusive of `from`. */
export const dateRange = (from: string, days: number): string[] =>
  Array.from({ length: days }, (_, i) => addDays(from, i));

const isoCache = new Map<string, string>();
/**
 * ISO 8601 with the office's offset, e.g. 2026-11-24T08:00:00.000+07:00. Remembered: every
 * live update formats the same tickets' instants again.
 */
export const isoInZone = (epochMs: number, zone: string): string => {
  const key = `${epochMs}|${zone}`;
  let iso = isoCache.get(key);
  if (iso === undefined) {
    if (isoCache.size > 20_000) isoCache.clear();
    isoCache.set(key, (iso = DateTime.fromMillis(epochMs, { zone }).toISO()!));
  }
  return iso;
};

