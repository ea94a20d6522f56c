/**
 * Changing a service's slot plan (weekly templates, per-date overrides, one slot's capacity) and
 * re-planning the slot rows already made from it. A slot that holds bookings is never removed,
 * moved or shrunk below its bookings (CAPACITY_BELOW_BOOKED): the whole change is refused.
 */
import { DateTime } from 'luxon';
import type { DaySlot } from '../../shared/staffTypes';
import { DomainError, fail, invalid, type FieldProblem } from './errors';
import { fitsIntervals, hoursOn, planSlots, type OpeningHours, type SlotOverride, type SlotTemplate } from './slots';
import { addDays, atLocal, dateRange } from './time';

/**
 * Start before end, and no two slots of one day overlapping: field problems keyed
 * `${field}.${index}.end` / `.start`. `dayOf` groups the slots into days (a weekday, a date).
 */
export const checkSlotPlan = <S extends DaySlot>(slots: readonly S[], dayOf: (s: S) => string | number, field: string): void => {
  const fields: Record<string, FieldProblem> = {};
  slots.forEach((s, i) => {
    if (s.end <= s.start) fields[`${field}.${i}.end`] = { key: 'time_order' };
    const clash = slots.findIndex((o, j) => j !== i && dayOf(o) === dayOf(s) && o.start < s.end && s.start < o.end);
    if (clash !== -1 && !fields[`${field}.${i}.start`]) fields[`${field}.${i}.start`] = { key: 'overlap' };
  });
  if (Object.keys(fields).length) invalid(fields);
};

/** A day's own slots replace the template from today on, never in the past. */
export const checkOverrideDate = (date: string, today: string): void => {
  if (date < today) invalid({ date: { key: 'past_date' } });
};

/** One slot's capacity may change, never below the places already booked in it. */
export const checkSlotCapacity = (slot: { booked: number }, capacity: number): void => {
  if (capacity < slot.booked) fail('CAPACITY_BELOW_BOOKED', { booked: slot.booked });
};

/** A slot row as made earlier from the plan. */
export type MadeSlot = { id: number; date: string; start: string; end: string; startAt: number; capacity: number; booked: number };

export type ReplanStep =
  | { kind: 'insert'; date: string; start: string; end: string; startAt: number; endAt: number; capacity: number }
  | { kind: 'update'; id: number; capacity: number; end: string; endAt: number }
  /** A cancelled booking still points at the slot: the row stays, with no places. */
  | { kind: 'empty'; id: number }
  | { kind: 'delete'; id: number }
  /**
   * A slot of the plan that holds bookings but no longer fits the opening hours: it stays as it
   * is (its bookings stand) and is reported, for the admin to move them or change the hours back.
   */
  | { kind: 'conflict'; id: number; date: string; start: string; end: string; booked: number };

/**
 * The dates to re-plan: from today to the end of the booking horizon, or to the last slot already
 * made if that is later.
 */
export const replanDates = (today: string, horizonDays: number, lastMade: string | null | undefined): string[] => {
  const horizonEnd = addDays(today, horizonDays - 1);
  const lastDate = lastMade && lastMade > horizonEnd ? lastMade : horizonEnd;
  const span = Math.round(DateTime.fromISO(lastDate, { zone: 'UTC' }).diff(DateTime.fromISO(today, { zone: 'UTC' }), 'days').days) + 1;
  return dateRange(today, Math.max(span, 0));
};

const slotHasBookings = (row: MadeSlot): never => {
  throw new DomainError('CAPACITY_BELOW_BOOKED', { booked: row.booked }, {
    slots: { key: 'slot_has_bookings', params: { date: row.date, start: row.start, booked: row.booked } },
  });
};

export type ReplanInput = {
  serviceId: number;
  dates: readonly string[];
  templates: readonly SlotTemplate[];
  overrides: readonly SlotOverride[];
  /** The service's slot rows from today on. */
  rows: readonly MadeSlot[];
  /** Ids of those rows that some booking (of any status) points at. */
  referenced: ReadonlySet<number>;
  now: DateTime;
  zone: string;
  /** The office's week of opening hours: a slot outside every interval of its day is not made. Left out: no such rule. */
  hours?: readonly OpeningHours[];
};

/**
 * What brings the slot rows of one service in line with its plan on `dates`: new slots made,
 * changed ones updated, dropped ones deleted (or emptied when a booking still points at them).
 * Slots that have begun are history and stay as they are. Throws CAPACITY_BELOW_BOOKED at the
 * first slot whose bookings the plan would remove, move or not fit. A slot dropped only because
 * it lies outside the opening hours is not the plan's change: when it holds bookings it stays and
 * is reported (`conflict`), so that changing the hours never fails on the bookings it strands.
 */
export const decideReplan = (r: ReplanInput): ReplanStep[] => {
  const nowMs = r.now.toMillis();
  const rows = r.rows.filter((row) => row.startAt > nowMs);
  const steps: ReplanStep[] = [];
  for (const date of r.dates) {
    const planned = planSlots(r.templates, r.overrides, r.serviceId, date)
      .map((p) => ({ ...p, startAt: atLocal(date, p.start, r.zone).toMillis() }))
      .filter((p) => p.startAt > nowMs);
    const intervals = r.hours && hoursOn(r.hours, date);
    const fits = (s: { start: string; end: string }) => !intervals || fitsIntervals(intervals, s.start, s.end);
    const plan = planned.filter(fits);
    const existing = rows.filter((row) => row.date === date);
    for (const p of plan) {
      const endAt = atLocal(date, p.end, r.zone).toMillis();
      const row = existing.find((e) => e.start === p.start);
      if (!row) {
        steps.push({ kind: 'insert', date, start: p.start, end: p.end, startAt: p.startAt, endAt, capacity: p.capacity });
        continue;
      }
      if (p.capacity < row.booked || (row.end !== p.end && row.booked > 0)) slotHasBookings(row);
      if (row.capacity !== p.capacity || row.end !== p.end) steps.push({ kind: 'update', id: row.id, capacity: p.capacity, end: p.end, endAt });
    }
    for (const row of existing.filter((e) => !plan.some((p) => p.start === e.start))) {
      const outsideHours = !fits(row) && planned.some((p) => p.start === row.start && p.end === row.end && p.capacity >= row.booked);
      if (row.booked > 0 && outsideHours) {
        steps.push({ kind: 'conflict', id: row.id, date: row.date, start: row.start, end: row.end, booked: row.booked });
        continue;
      }
      if (row.booked > 0) slotHasBookings(row);
      if (!r.referenced.has(row.id)) steps.push({ kind: 'delete', id: row.id });
      else if (row.capacity !== 0) steps.push({ kind: 'empty', id: row.id });
    }
  }
  return steps;
};

/**
 * What new opening hours do to the slot rows already made for a service: a slot that has not
 * begun and lies outside every interval of its day goes (or is emptied while a cancelled booking
 * still points at it); one holding bookings stays and is reported (`conflict`): its bookings
 * stand until the admin moves them or changes the hours back. Slots inside the hours are left as
 * they are (their capacity may have been changed by hand); the missing ones are made as usual
 * (`planSlots` with the hours).
 */
export const decideHoursReplan = (
  rows: readonly MadeSlot[],
  hours: readonly OpeningHours[],
  referenced: ReadonlySet<number>,
  now: DateTime,
): ReplanStep[] => {
  const nowMs = now.toMillis();
  return rows
    .filter((row) => row.startAt > nowMs && (row.capacity > 0 || row.booked > 0) && !fitsIntervals(hoursOn(hours, row.date), row.start, row.end))
    .map((row): ReplanStep =>
      row.booked > 0
        ? { kind: 'conflict', id: row.id, date: row.date, start: row.start, end: row.end, booked: row.booked }
        : referenced.has(row.id)
          ? { kind: 'empty', id: row.id }
          : { kind: 'delete', id: row.id },
    );
};
