import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { closureOn, planSlots, slotBookability, type SlotTemplate } from '../../server/domain/slots';
import { atLocal, localDate } from '../../server/domain/time';

const templates: SlotTemplate[] = [
  { serviceId: 1, weekday: 2, start: '09:00', end: '10:00', capacity: 20 },
  { serviceId: 1, weekday: 2, start: '08:00', end: '09:00', capacity: 20 },
  { serviceId: 2, weekday: 2, start: '08:00', end: '09:00', capacity: 5 },
];
const rules = { cutoffMinutes: 30, horizonDays: 14 };

describe('slot planning', () => {
  it('makes the weekday template slots of a service, in time order', () => {
    expect(planSlots(templates, [], 1, '2026-11-24').map((s) => s.start)).toEqual(['08:00', '09:00']);
    expect(planSlots(templates, [], 1, '2026-11-25')).toEqual([]);
  });

  it('replaces the templates of a date by its overrides, where capacity 0 drops a slot', () => {
    const overrides = [
      { serviceId: 1, date: '2026-11-24', start: '08:00', end: '09:00', capacity: 5 },
      { serviceId: 1, date: '2026-11-24', start: '09:00', end: '10:00', capacity: 0 },
    ];
    expect(planSlots(templates, overrides, 1, '2026-11-24')).toEqual([{ serviceId: 1, date: '2026-11-24', start: '08:00', end: '09:00', capacity: 5 }]);
    expect(planSlots(templates, overrides, 2, '2026-11-24')).toHaveLength(1);
  });

  it('finds the closure of a date, for the whole office or one service, open-ended or not', () => {
    const closures = [
      { id: 1, serviceId: null, from: '2026-12-01', to: '2026-12-02', reason: 'staf sakit' },
      { id: 2, serviceId: 3, from: '2026-11-30', to: null, reason: 'blanko habis' },
    ];
    expect(closureOn(closures, '2026-12-02', 1)?.id).toBe(1);
    expect(closureOn(closures, '2026-12-03', 1)).toBeUndefined();
    expect(closureOn(closures, '2027-06-01', 3)?.id).toBe(2);
    expect(closureOn(closures, '2026-11-29', 3)).toBeUndefined();
  });
});

describe('whether a slot can still be booked', () => {
  const zone = 'Asia/Jakarta';
  const slot = { date: '2026-11-24', start: '10:00', capacity: 2, booked: 0 };
  it('is bookable before the cut-off', () => {
    expect(slotBookability(slot, DateTime.fromISO('2026-11-24T09:29:00+07:00'), zone, rules)).toBe('ok');
  });
  it('is not after the cut-off, once begun, or when full', () => {
    expect(slotBookability(slot, DateTime.fromISO('2026-11-24T09:30:00+07:00'), zone, rules)).toBe('cutoff');
    expect(slotBookability(slot, DateTime.fromISO('2026-11-24T10:00:00+07:00'), zone, rules)).toBe('started');
    expect(slotBookability({ ...slot, booked: 2 }, DateTime.fromISO('2026-11-24T08:00:00+07:00'), zone, rules)).toBe('full');
  });
  it('is not beyond the booking horizon (today + 13 days is the last)', () => {
    const now = DateTime.fromISO('2026-11-24T08:00:00+07:00');
    expect(slotBookability({ ...slot, date: '2026-12-07' }, now, zone, rules)).toBe('ok');
    expect(slotBookability({ ...slot, date: '2026-12-08' }, now, zone, rules)).toBe('horizon');
  });
  it('compares instants in the office zone: 10:00 WITA begins at 09:00 WIB', () => {
    const wita = 'Asia/Makassar';
    expect(atLocal('2026-11-24', '10:00', wita).toISO()).toBe('2026-11-24T10:00:00.000+08:00');
    expect(slotBookability(slot, DateTime.fromISO('2026-11-24T09:00:00+07:00'), wita, rules)).toBe('started');
  });
});

describe("the office's local day", () => {
  it('rolls over at local midnight, not UTC midnight', () => {
    const justBefore = DateTime.fromISO('2026-11-24T16:59:59Z');
    const justAfter = DateTime.fromISO('2026-11-24T17:00:00Z');
    expect(localDate(justBefore, 'Asia/Jakarta')).toBe('2026-11-24');
    expect(localDate(justAfter, 'Asia/Jakarta')).toBe('2026-11-25');
    expect(localDate(DateTime.fromISO('2026-11-24T16:00:00Z'), 'Asia/Makassar')).toBe('2026-11-25');
    expect(localDate(DateTime.fromISO('2026-11-24T15:00:00Z'), 'Asia/Jayapura')).toBe('2026-11-25');
  });
});
