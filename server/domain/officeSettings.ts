/** An office's own settings as an admin changes them: its zone, its week of opening hours, its blanko stock. */
import { IANAZone } from 'luxon';
import type { OpeningHours } from '../../shared/staffTypes';
import { invalid, type FieldProblem } from './errors';

/** Every time of an office is computed in its zone, so it must be one luxon knows (e.g. Asia/Jakarta). */
export const checkTimezone = (timezone: string): void => {
  if (!IANAZone.isValidZone(timezone)) invalid({ timezone: { key: 'timezone' } });
};

/** A new office opens Monday to Friday 08:00–15:00 until an admin says otherwise: it is usable at once. */
export const DEFAULT_HOURS: readonly OpeningHours[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '15:00' }));

/**
 * A week of opening hours: one row per opening interval, so a day may have several (a lunch
 * break, Friday prayer). Each interval closes after it opens, and the intervals of one weekday do
 * not overlap (touching is allowed: 11:30–11:30 is no gap but no overlap either); a weekday with
 * no interval is a closed day. Field problems are keyed `hours.${index}.close` / `.open`. Answers
 * the week sorted by weekday, then opening.
 */
export const checkOpeningHours = (hours: readonly OpeningHours[]): OpeningHours[] => {
  const fields: Record<string, FieldProblem> = {};
  hours.forEach((h, i) => {
    if (h.close <= h.open) fields[`hours.${i}.close`] = { key: 'time_order' };
    const clash = hours.some((o, j) => j !== i && o.weekday === h.weekday && o.open < h.close && h.open < o.close);
    if (clash && !fields[`hours.${i}.close`]) fields[`hours.${i}.open`] = { key: 'hours_overlap' };
  });
  if (Object.keys(fields).length) invalid(fields);
  return [...hours].sort((a, b) => a.weekday - b.weekday || a.open.localeCompare(b.open));
};

/** The blanko stock after a stock-take (`set`) or a delivery (`add`); never below zero. */
export const nextBlankoStock = (before: number, change: { set: number } | { add: number }): number => {
  const next = 'set' in change ? change.set : before + change.add;
  if (next < 0) invalid({ add: { key: 'out_of_range' } });
  return next;
};

/**
 * A release opens the day `releaseDaysAhead` ahead, which must lie inside the booking horizon
 * (today … today + bookingHorizonDays − 1): otherwise the release would open nothing.
 */
export const checkReleaseSettings = (office: { releaseTime: string | null; releaseDaysAhead: number; bookingHorizonDays: number }): void => {
  if (office.releaseTime && office.releaseDaysAhead > office.bookingHorizonDays - 1) invalid({ releaseDaysAhead: { key: 'out_of_range' } });
};
