import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { closedReasonOn, lastBookableDay, serviceClosedOn } from '../../server/domain/slots';
import { localTime, todayIn, weekdayOf } from '../../server/domain/time';

// Monday to Friday, 08:00–15:00.
const week = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '15:00' }));
const officeClosure = { id: 1, serviceId: null, from: '2026-12-01', to: '2026-12-02', reason: 'Staf sakit / Staff ill' };
const serviceClosure = { id: 2, serviceId: 3, from: '2026-11-30', to: null, reason: 'Perekaman dihentikan / Recording suspended' };
const CLOSED_DAY = 'Kantor tutup pada hari ini / The office is closed on this day';

describe('whether a service is open on a date', () => {
  it('is open on a weekday with opening hours and no closure', () => {
    expect(closedReasonOn([officeClosure, serviceClosure], week, 1, '2026-11-30')).toBeUndefined();
  });

  it("is closed on a closure's days with its reason, for the office or for one service", () => {
    expect(closedReasonOn([officeClosure], week, 1, '2026-12-02')).toBe(officeClosure.reason);
    expect(closedReasonOn([serviceClosure], week, 3, '2027-01-04')).toBe(serviceClosure.reason);
    expect(closedReasonOn([serviceClosure], week, 1, '2027-01-04')).toBeUndefined();
  });

  it('is closed on a weekday without opening hours', () => {
    expect(closedReasonOn([], week, 1, '2026-11-28')).toBe(CLOSED_DAY);
  });

  it("names a closure's reason before the closed weekday", () => {
    expect(closedReasonOn([{ ...officeClosure, from: '2026-11-28' }], week, 1, '2026-11-28')).toBe(officeClosure.reason);
  });
});

describe('a whole day closed for a service, as the calendar and the office page show it', () => {
  const day = { closures: [officeClosure], hours: week };
  const card = { id: 1, needsBlanko: true };
  it('is closed by a closure or a weekday without hours first', () => {
    expect(serviceClosedOn(day, { blankoStock: 0 }, card, '2026-12-01')).toBe(officeClosure.reason);
    expect(serviceClosedOn(day, { blankoStock: 0 }, card, '2026-11-29')).toBe(CLOSED_DAY);
  });

  it('is closed for a service that needs blanko while the stock is empty, offering the suket', () => {
    expect(serviceClosedOn(day, { blankoStock: 0 }, card, '2026-11-30')).toMatch(/^Blanko KTP-el habis: .*\(suket\)/);
    expect(serviceClosedOn(day, { blankoStock: 1 }, card, '2026-11-30')).toBeUndefined();
    expect(serviceClosedOn(day, { blankoStock: 0 }, { id: 1, needsBlanko: false }, '2026-11-30')).toBeUndefined();
  });
});

describe("today and the time of day in an office's zone", () => {
  const instant = DateTime.fromISO('2026-11-24T16:30:00Z');
  it('is the next day in WITA and WIT while still the same day in WIB', () => {
    expect(todayIn({ timezone: 'Asia/Jakarta' }, instant)).toBe('2026-11-24');
    expect(todayIn({ timezone: 'Asia/Makassar' }, instant)).toBe('2026-11-25');
    expect(todayIn({ timezone: 'Asia/Jayapura' }, instant)).toBe('2026-11-25');
  });

  it('reads the local time of an instant', () => {
    expect(localTime(instant.toMillis(), 'Asia/Jakarta')).toBe('23:30');
    expect(localTime(instant.toMillis(), 'Asia/Jayapura')).toBe('01:30');
  });

  it('knows the weekday of a date, Monday being 1', () => {
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
  });
});

describe('the booking horizon', () => {
  it('runs from today: a horizon of 14 days ends 13 days later, one of 1 day is today alone', () => {
    expect(lastBookableDay('2026-11-24', 14)).toBe('2026-12-07');
    expect(lastBookableDay('2026-11-24', 1)).toBe('2026-11-24');
  });
});
