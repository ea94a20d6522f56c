import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkOverrideDate, checkSlotCapacity, checkSlotPlan, decideReplan, replanDates, type MadeSlot, type ReplanInput } from '../../server/domain/slotPlan';
import { atLocal } from '../../server/domain/time';
import { refusalOf } from './refusal';

const zone = 'Asia/Jakarta';
const TUESDAY = '2026-11-24';
const WEDNESDAY = '2026-11-25';
const now = DateTime.fromISO('2026-11-24T09:30', { zone });

describe('a slot plan', () => {
  it('accepts slots that start before they end and touch without overlapping', () => {
    expect(() => checkSlotPlan([{ start: '08:00', end: '09:00', capacity: 5 }, { start: '09:00', end: '10:00', capacity: 5 }], () => 'day', 'slots')).not.toThrow();
  });

  it('names each slot that ends before it starts, and each that overlaps another slot of its day', () => {
    const slots = [
      { weekday: 1, start: '09:00', end: '08:00', capacity: 2 },
      { weekday: 1, start: '08:30', end: '09:30', capacity: 2 },
      { weekday: 1, start: '09:00', end: '10:00', capacity: 2 },
      { weekday: 2, start: '09:00', end: '10:00', capacity: 2 },
    ];
    expect(refusalOf(() => checkSlotPlan(slots, (s) => s.weekday, 'slots'))?.fields).toEqual({
      'slots.0.end': { key: 'time_order' },
      'slots.1.start': { key: 'overlap' },
      'slots.2.start': { key: 'overlap' },
    });
  });

  it('overrides a date from today on, never a past one', () => {
    expect(() => checkOverrideDate(TUESDAY, TUESDAY)).not.toThrow();
    expect(refusalOf(() => checkOverrideDate('2026-11-23', TUESDAY))?.fields).toEqual({ date: { key: 'past_date' } });
  });

  it('changes one slot\'s capacity down to its bookings, not below', () => {
    expect(() => checkSlotCapacity({ booked: 3 }, 3)).not.toThrow();
    expect(refusalOf(() => checkSlotCapacity({ booked: 3 }, 2))).toEqual({ code: 'CAPACITY_BELOW_BOOKED', params: { booked: 3 }, fields: {} });
  });
});

describe('the dates a re-plan covers', () => {
  it('run from today to the end of the booking horizon', () => {
    expect(replanDates(TUESDAY, 3, null)).toEqual([TUESDAY, WEDNESDAY, '2026-11-26']);
  });

  it('run to the last slot already made when that is later', () => {
    expect(replanDates(TUESDAY, 2, '2026-11-27')).toEqual([TUESDAY, WEDNESDAY, '2026-11-26', '2026-11-27']);
  });
});

describe('re-planning the slots already made', () => {
  let nextId = 1;
  const made = (date: string, start: string, end: string, capacity: number, booked = 0): MadeSlot => ({
    id: nextId++, date, start, end, startAt: atLocal(date, start, zone).toMillis(), capacity, booked,
  });
  // Wednesday is weekday 3.
  const template = (start: string, end: string, capacity: number) => ({ serviceId: 1, weekday: 3, start, end, capacity });
  const input = (over: Partial<ReplanInput>): ReplanInput => ({
    serviceId: 1, dates: [WEDNESDAY], templates: [], overrides: [], rows: [], referenced: new Set(), now, zone, ...over,
  });

  it('makes the slots the plan adds, changes the ones it changes, and leaves equal ones alone', () => {
    const same = made(WEDNESDAY, '08:00', '09:00', 5);
    const bigger = made(WEDNESDAY, '09:00', '10:00', 5, 2);
    const steps = decideReplan(input({
      templates: [template('08:00', '09:00', 5), template('09:00', '10:00', 8), template('10:00', '11:00', 5)],
      rows: [same, bigger],
    }));
    expect(steps).toEqual([
      { kind: 'update', id: bigger.id, capacity: 8, end: '10:00', endAt: atLocal(WEDNESDAY, '10:00', zone).toMillis() },
      { kind: 'insert', date: WEDNESDAY, start: '10:00', end: '11:00', startAt: atLocal(WEDNESDAY, '10:00', zone).toMillis(), endAt: atLocal(WEDNESDAY, '11:00', zone).toMillis(), capacity: 5 },
    ]);
  });

  it('deletes a dropped slot, but only empties one a cancelled booking still points at', () => {
    const unused = made(WEDNESDAY, '08:00', '09:00', 5);
    const cancelledIn = made(WEDNESDAY, '09:00', '10:00', 5);
    expect(decideReplan(input({ rows: [unused, cancelledIn], referenced: new Set([cancelledIn.id]) }))).toEqual([
      { kind: 'delete', id: unused.id },
      { kind: 'empty', id: cancelledIn.id },
    ]);
  });

  it('leaves slots that have begun as they are, and makes none in the past', () => {
    const begun = made(TUESDAY, '09:00', '10:00', 5);
    expect(decideReplan(input({ dates: [TUESDAY], rows: [begun], templates: [{ ...template('08:00', '09:00', 5), weekday: 2 }] }))).toEqual([]);
  });

  it('refuses to remove, move the end of, or shrink below its bookings a slot that holds bookings', () => {
    const booked = made(WEDNESDAY, '09:00', '10:00', 5, 3);
    const problem = { code: 'CAPACITY_BELOW_BOOKED', params: { booked: 3 }, fields: { slots: { key: 'slot_has_bookings', params: { date: WEDNESDAY, start: '09:00', booked: 3 } } } };
    expect(refusalOf(() => decideReplan(input({ rows: [booked] })))).toEqual(problem);
    expect(refusalOf(() => decideReplan(input({ rows: [booked], templates: [template('09:00', '09:45', 5)] })))).toEqual(problem);
    expect(refusalOf(() => decideReplan(input({ rows: [booked], templates: [template('09:00', '10:00', 2)] })))).toEqual(problem);
    expect(decideReplan(input({ rows: [booked], templates: [template('09:00', '10:00', 3)] }))).toHaveLength(1);
  });

  it('takes a date\'s overrides instead of its template', () => {
    const steps = decideReplan(input({
      templates: [template('08:00', '09:00', 5)],
      overrides: [{ serviceId: 1, date: WEDNESDAY, start: '08:00', end: '10:00', capacity: 3 }],
    }));
    expect(steps).toMatchObject([{ kind: 'insert', start: '08:00', end: '10:00', capacity: 3 }]);
  });
});
