/**
 * Changing a service's slot plan (weekly templates, per-date overrides, one slot's capacity) and
 * re-planning the slot rows already made from it. A slot that holds bookings is never removed,
 * moved or shrunk below its bookings (CAPACITY_BELOW_BOOKED): the whole change is refused.
 */
import { DateTime } from 'luxon';
import type { DaySlot } from '../../shared/staffTypes';
import { DomainError, fail, invalid, type FieldProblem } from './errors';
import { planSlots, type SlotOverride, type SlotTemplate } from './slots';
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
  | { kind: 'delete'; id: number };

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
};

/**
 * What brings the slot rows of one service in line with its plan on `dates`: new slots made,
 * changed ones updated, dropped ones deleted (or emptied when a booking still points at them).
 * Slots that have begun are history and stay as they are. Throws CAPACITY_BELOW_BOOKED at the
 * first slot whose bookings the plan would remove, move or not fit.
 */
export const decideReplan = (r: ReplanInput): ReplanStep[] => {
  const nowMs = r.now.toMillis();
  const rows = r.rows.filter((row) => row.startAt > nowMs);
  const steps: ReplanStep[] = [];
  for (const date of r.dates) {
    const plan = planSlots(r.templates, r.overrides, r.serviceId, date)
      .map((p) => ({ ...p, startAt: atLocal(date, p.start, r.zone).toMillis() }))
      .filter((p) => p.startAt > nowMs);
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
      if (row.booked > 0) slotHasBookings(row);
      if (!r.referenced.has(row.id)) steps.push({ kind: 'delete', id: row.id });
      else if (row.capacity !== 0) steps.push({ kind: 'empty', id: row.id });
    }
  }
  return steps;
};
