import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { decideCheckIn, type CheckInFacts } from '../../server/domain/checkIn';
import { refusalOf } from './refusal';

const at = (time: string, date = '2026-11-24') => DateTime.fromISO(`${date}T${time}:00+07:00`);
const facts = (over: Partial<CheckInFacts> = {}): CheckInFacts => ({
  booking: { status: 'booked', date: '2026-11-24' },
  slot: { startAt: at('10:00').toMillis(), endAt: at('11:00').toMillis() },
  office: { timezone: 'Asia/Jakarta', checkInEarlyMinutes: 30 },
  now: at('09:45'),
  ...over,
});

describe('checking in a booking at the kiosk', () => {
  it("accepts a booked place of today from the window's opening to the slot's end", () => {
    expect(refusalOf(() => decideCheckIn(facts({ now: at('09:30') })))).toBeNull();
    expect(refusalOf(() => decideCheckIn(facts({ now: at('11:00') })))).toBeNull();
  });

  it('refuses before the window opens and after the slot ends, naming the window in local time', () => {
    const window = { code: 'OUTSIDE_WINDOW', params: { from: '09:30', to: '11:00' }, fields: {} };
    expect(refusalOf(() => decideCheckIn(facts({ now: at('09:29') })))).toEqual(window);
    expect(refusalOf(() => decideCheckIn(facts({ now: at('11:01') })))).toEqual(window);
  });

  it("names the window in the office's zone", () => {
    const wita = facts({ office: { timezone: 'Asia/Makassar', checkInEarlyMinutes: 30 }, now: at('08:00') });
    expect(refusalOf(() => decideCheckIn(wita))?.params).toEqual({ from: '10:30', to: '12:00' });
  });

  it("refuses another day's booking with its date", () => {
    expect(refusalOf(() => decideCheckIn(facts({ booking: { status: 'booked', date: '2026-11-25' } })))).toMatchObject({
      code: 'WRONG_DAY', params: { date: '2026-11-25' },
    });
  });

  it('refuses a cancelled booking, then one already checked in, before looking at the day', () => {
    expect(refusalOf(() => decideCheckIn(facts({ booking: { status: 'cancelled', date: '2026-11-20' } })))?.code).toBe('BOOKING_CANCELLED');
    expect(refusalOf(() => decideCheckIn(facts({ booking: { status: 'checked_in', date: '2026-11-20' } })))?.code).toBe('ALREADY_CHECKED_IN');
  });
});
