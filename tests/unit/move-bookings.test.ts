import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { moveTarget, type MoveContext } from '../../server/domain/moveBookings';
import { atLocal } from '../../server/domain/time';

const zone = 'Asia/Jakarta';
// Kepahiang: on Wednesday 2 December the office closes from Saturday 5 December; it opens every day.
const now = DateTime.fromISO('2026-12-02T09:30', { zone });
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '08:00', close: '15:00' }));

let nextId = 1;
const slot = (date: string, start: string, capacity = 2, booked = 0) => ({
  id: nextId++,
  serviceId: 1,
  date,
  start,
  startAt: atLocal(date, start, zone).toMillis(),
  capacity,
  booked,
});
/** Hourly slots 08:00–14:00 on each day. */
const days = (dates: string[], capacity = 2) => dates.flatMap((d) => [8, 9, 10, 11, 12, 13, 14].map((h) => slot(d, `${String(h).padStart(2, '0')}:00`, capacity)));
const booking = (date: string, start: string) => ({ date, startAt: atLocal(date, start, zone).toMillis() });
const closureSpan = (from: string, to: string | null) => ({ id: 9, serviceId: null, from, to, reason: 'Pegawai terpapar COVID-19' });
const context = (from: string, to: string | null, over: Partial<MoveContext> = {}): MoveContext => ({
  now,
  zone,
  horizonDays: 14,
  closure: { from, to },
  closures: [closureSpan(from, to)],
  hours: EVERY_DAY,
  onePerServicePerDay: true,
  holderDays: new Set(),
  ...over,
});
const where = (s: { date: string; start: string } | undefined) => (s ? `${s.date} ${s.start}` : undefined);

describe('a booking moved by a closure with an end date', () => {
  const slots = days(['2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09']);
  const c = context('2026-12-05', '2026-12-07');

  it('goes to the nearest open day after the closure, at its own time of day: never earlier, before the closure', () => {
    expect(where(moveTarget(booking('2026-12-05', '10:00'), slots, c))).toBe('2026-12-08 10:00');
    expect(where(moveTarget(booking('2026-12-07', '13:00'), slots, c))).toBe('2026-12-08 13:00');
    expect(where(moveTarget(booking('2026-12-06', '08:00'), slots, c))).toBe('2026-12-08 08:00');
  });

  it('takes the free slot nearest its time of day when its own is full (a later one on a tie), before trying another day', () => {
    const full = days(['2026-12-08', '2026-12-09']).map((s) => (s.date === '2026-12-08' && s.start === '10:00' ? { ...s, booked: 2 } : s));
    expect(where(moveTarget(booking('2026-12-05', '10:00'), full, c))).toBe('2026-12-08 11:00');
    const fuller = full.map((s) => (s.date === '2026-12-08' && s.start === '11:00' ? { ...s, booked: 2 } : s));
    expect(where(moveTarget(booking('2026-12-05', '10:00'), fuller, c))).toBe('2026-12-08 09:00');
  });

  it('goes to the next day when the first day after has no place left', () => {
    const full = days(['2026-12-08', '2026-12-09']).map((s) => (s.date === '2026-12-08' ? { ...s, booked: 2 } : s));
    expect(where(moveTarget(booking('2026-12-05', '10:00'), full, c))).toBe('2026-12-09 10:00');
  });

  it('skips days the office does not open and days another closure covers; another service\'s closure does not count', () => {
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '15:00' }));
    // The closure ends on Friday 11 December: Saturday and Sunday are shut, Monday is open.
    const later = days(['2026-12-12', '2026-12-13', '2026-12-14', '2026-12-15']);
    const friday = context('2026-12-07', '2026-12-11', { hours: weekdays });
    expect(where(moveTarget(booking('2026-12-08', '09:00'), later, friday))).toBe('2026-12-14 09:00');
    const mondayShut = { id: 2, serviceId: null, from: '2026-12-14', to: '2026-12-14', reason: 'Cuti bersama' };
    const otherService = { id: 3, serviceId: 2, from: '2026-12-15', to: null, reason: 'Blanko habis' };
    const both = { ...friday, closures: [...friday.closures, mondayShut, otherService] };
    expect(where(moveTarget(booking('2026-12-08', '09:00'), later, both))).toBe('2026-12-15 09:00');
  });

  it('keeps the holder\'s one booking per day only where the office has that rule on', () => {
    const holderDays = new Set(['2026-12-08']);
    expect(where(moveTarget(booking('2026-12-05', '10:00'), slots, { ...c, holderDays }))).toBe('2026-12-09 10:00');
    expect(where(moveTarget(booking('2026-12-05', '10:00'), slots, { ...c, holderDays, onePerServicePerDay: false }))).toBe('2026-12-08 10:00');
  });
});

describe('a booking moved by a closure "until further notice"', () => {
  it('goes to the nearest open day before the closure, since no day after it opens within the horizon', () => {
    const slots = days(['2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(where(moveTarget(booking('2026-12-06', '13:00'), slots, context('2026-12-05', null)))).toBe('2026-12-04 13:00');
  });

  it('goes before the closure also when the days after it lie beyond the booking horizon', () => {
    const slots = days(['2026-12-04', '2026-12-16', '2026-12-17']);
    // Horizon of 14 days from 2 December: the last bookable day is 15 December.
    expect(where(moveTarget(booking('2026-12-10', '09:00'), slots, context('2026-12-05', '2026-12-15')))).toBe('2026-12-04 09:00');
  });

  it('never goes to today, even to a slot later today, nor to a slot that has begun: nothing left means cancelled', () => {
    const today = days(['2026-12-02']);
    expect(moveTarget(booking('2026-12-03', '14:00'), today, context('2026-12-03', null))).toBeUndefined();
    const late = DateTime.fromISO('2026-12-02T23:50', { zone });
    // Past midnight it is another day: the 00:30 slot of 3 December has not begun and the office may move a booking there (no cut-off).
    const midnight = [slot('2026-12-03', '00:30')];
    expect(where(moveTarget(booking('2026-12-05', '00:30'), midnight, context('2026-12-05', null, { now: late })))).toBe('2026-12-03 00:30');
  });
});

describe('twelve bookings moved one after another', () => {
  it('spread over the slots at their own times instead of filling the first slot of the first day', () => {
    let slots = days(['2026-12-03', '2026-12-04', '2026-12-08', '2026-12-09'], 3);
    const c = context('2026-12-05', '2026-12-07');
    const booked = ['08:00', '08:00', '10:00', '10:00', '10:00', '10:00', '13:00', '13:00', '14:00', '09:00', '11:00', '12:00'].map((t, i) =>
      booking(['2026-12-05', '2026-12-06', '2026-12-07'][i % 3]!, t),
    );
    const placed: string[] = [];
    for (const b of booked) {
      const target = moveTarget(b, slots, c)!;
      placed.push(where(target)!);
      slots = slots.map((s) => (s.id === target.id ? { ...s, booked: s.booked + 1 } : s));
    }
    expect(placed).toEqual([
      '2026-12-08 08:00', '2026-12-08 08:00', '2026-12-08 10:00', '2026-12-08 10:00', '2026-12-08 10:00',
      '2026-12-08 11:00', '2026-12-08 13:00', '2026-12-08 13:00', '2026-12-08 14:00', '2026-12-08 09:00', '2026-12-08 11:00', '2026-12-08 12:00',
    ]);
    expect(placed.some((p) => p.startsWith('2026-12-03') || p.startsWith('2026-12-04'))).toBe(false);
  });
});
