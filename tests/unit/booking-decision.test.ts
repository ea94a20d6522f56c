import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  checkChangeable, decideBooking, decideHolder, decideMove, holderCancelReason, slotOpenForBooking,
  type BookingFacts, type BookingOffice, type SlotOnDay,
} from '../../server/domain/booking';
import { refusalOf } from './refusal';

const ZONE = 'Asia/Jakarta';
// Tuesday 24 November 2026, 08:00 WIB.
const NOW = DateTime.fromISO('2026-11-24T08:00:00+07:00');
const office: BookingOffice = {
  timezone: ZONE, bookingCutoffMinutes: 30, bookingHorizonDays: 14, blankoStock: 10, onePerServicePerDay: true, maxActiveBookingsPerNik: 2,
  maxActiveBookingsPerPhone: 2,
};
const openWeek = [2, 3, 4].map((weekday) => ({ weekday, open: '08:00', close: '15:00' }));
const slotOn = (date: string, over: Partial<SlotOnDay['slot']> = {}): SlotOnDay => ({
  slot: { serviceId: 1, date, start: '10:00', capacity: 20, booked: 0, ...over },
  day: { closures: [], hours: openWeek },
});
const person = { nik: '3174011708900001', name: 'Siti Aminah', phone: '0812-3456-7890' };
const facts = (over: Partial<BookingFacts> = {}): BookingFacts => ({
  office, service: { bookable: true, needsBlanko: false }, person, target: slotOn('2026-11-25'), now: NOW, ...over,
});

describe('deciding a new booking', () => {
  it('accepts a well-formed request for a free slot and gives the holder to store (phone in E.164, name trimmed)', () => {
    expect(decideBooking(facts({ person: { ...person, name: '  Siti Aminah ' } }))).toEqual({
      nik: '3174011708900001', name: 'Siti Aminah', phone: '+6281234567890',
    });
  });

  it('refuses an unknown service before looking at the person', () => {
    expect(refusalOf(() => decideBooking(facts({ service: undefined, person: { ...person, nik: '12' } })))).toMatchObject({
      code: 'VALIDATION', fields: { service: { key: 'unknown_service' } },
    });
  });

  it('refuses every bad field of the person at once', () => {
    expect(refusalOf(() => decideBooking(facts({ person: { nik: '0000011708900001', name: 'S', phone: '12345' } })))).toEqual({
      code: 'VALIDATION',
      params: {},
      fields: { nik: { key: 'nik_province' }, phone: { key: 'phone' }, name: { key: 'too_short', params: { min: 2 } } },
    });
  });

  it('checks the person before whether the service is booked online, and that before blanko and the slot', () => {
    const closedToBooking = { bookable: false, needsBlanko: true };
    expect(refusalOf(() => decideBooking(facts({ service: closedToBooking, person: { ...person, phone: 'x' } })))?.code).toBe('VALIDATION');
    expect(refusalOf(() => decideBooking(facts({ service: closedToBooking, office: { ...office, blankoStock: 0 } })))?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('refuses a service that needs blanko while the stock is empty, and not while some is left', () => {
    const needsBlanko = { bookable: true, needsBlanko: true };
    expect(refusalOf(() => decideBooking(facts({ service: needsBlanko, office: { ...office, blankoStock: 0 } })))?.code).toBe('BLANKO_EMPTY');
    expect(refusalOf(() => decideBooking(facts({ service: needsBlanko, office: { ...office, blankoStock: 1 } })))).toBeNull();
  });

  it('refuses a slot the service does not have with NOT_FOUND', () => {
    expect(refusalOf(() => decideBooking(facts({ target: undefined })))?.code).toBe('NOT_FOUND');
  });

  it("refuses a slot on a closed day with the closure's reason, even when the slot is also full", () => {
    const target = slotOn('2026-11-25', { booked: 20 });
    const closed = { ...target, day: { ...target.day, closures: [{ id: 1, serviceId: null, from: '2026-11-25', to: null, reason: 'Petugas sakit / Staff ill' }] } };
    expect(refusalOf(() => decideBooking(facts({ target: closed })))).toMatchObject({ code: 'CLOSED', params: { reason: 'Petugas sakit / Staff ill' } });
  });

  it('refuses a slot on a weekday without opening hours with the catalogue reason', () => {
    // 2026-11-28 is a Saturday.
    expect(refusalOf(() => decideBooking(facts({ target: slotOn('2026-11-28') })))).toMatchObject({
      code: 'CLOSED', params: { reason: 'Kantor tutup pada hari ini / The office is closed on this day' },
    });
  });

  it('refuses a full slot with SLOT_FULL, and a begun, too late or too far one with SLOT_NOT_BOOKABLE', () => {
    expect(refusalOf(() => decideBooking(facts({ target: slotOn('2026-11-25', { booked: 20 }) })))?.code).toBe('SLOT_FULL');
    expect(refusalOf(() => decideBooking(facts({ target: slotOn('2026-11-24', { start: '08:00' }) })))?.code).toBe('SLOT_NOT_BOOKABLE');
    expect(refusalOf(() => decideBooking(facts({ target: slotOn('2026-11-24', { start: '08:29' }) })))?.code).toBe('SLOT_NOT_BOOKABLE');
    expect(refusalOf(() => decideBooking(facts({ target: slotOn('2026-12-08') })))?.code).toBe('SLOT_NOT_BOOKABLE');
  });
});

describe("one NIK's bookings", () => {
  it('refuses a second active booking of the same service on the same day where the office has that rule', () => {
    expect(refusalOf(() => decideHolder(office, { sameServiceSameDay: true, activeFromToday: 1, phoneActiveFromToday: 0 }))?.code).toBe('DUPLICATE_BOOKING');
    expect(refusalOf(() => decideHolder({ ...office, onePerServicePerDay: false }, { sameServiceSameDay: true, activeFromToday: 1, phoneActiveFromToday: 0 }))).toBeNull();
  });

  it("refuses past the office's limit of active bookings, naming the limit", () => {
    expect(refusalOf(() => decideHolder(office, { sameServiceSameDay: false, activeFromToday: 1, phoneActiveFromToday: 0 }))).toBeNull();
    expect(refusalOf(() => decideHolder(office, { sameServiceSameDay: false, activeFromToday: 2, phoneActiveFromToday: 0 }))).toEqual({
      code: 'BOOKING_LIMIT', params: { limit: 2 }, fields: {},
    });
  });

  it('names the duplicate before the limit', () => {
    expect(refusalOf(() => decideHolder(office, { sameServiceSameDay: true, activeFromToday: 5, phoneActiveFromToday: 0 }))?.code).toBe('DUPLICATE_BOOKING');
  });

  it("refuses past the office's limit of active bookings per phone number, whatever the NIK, naming that limit", () => {
    expect(refusalOf(() => decideHolder(office, { sameServiceSameDay: false, activeFromToday: 0, phoneActiveFromToday: 1 }))).toBeNull();
    expect(refusalOf(() => decideHolder(office, { sameServiceSameDay: false, activeFromToday: 0, phoneActiveFromToday: 2 }))).toEqual({
      code: 'BOOKING_LIMIT', params: { limit: 2, variant: 'phone' }, fields: {},
    });
    expect(refusalOf(() => decideHolder({ ...office, maxActiveBookingsPerPhone: 3 }, { sameServiceSameDay: false, activeFromToday: 0, phoneActiveFromToday: 2 }))).toBeNull();
  });
});

describe('a holder changing a booking', () => {
  it('may cancel or move only a booking that is still booked', () => {
    expect(refusalOf(() => checkChangeable({ status: 'booked' }))).toBeNull();
    expect(refusalOf(() => checkChangeable({ status: 'checked_in' }))).toMatchObject({ code: 'INVALID_STATE', params: { status: 'checked_in' } });
    expect(refusalOf(() => checkChangeable({ status: 'cancelled' }))).toMatchObject({ code: 'INVALID_STATE', params: { status: 'cancelled' } });
  });

  it('leaves the reason of a cancel by the holder in both languages', () => {
    expect(holderCancelReason()).toBe('Dibatalkan oleh pemesan / Cancelled by the holder');
  });

  it('moves only within a service still booked online, to a slot that exists and can be booked', () => {
    const held = { slotId: 7, targetSlotId: 8 };
    expect(decideMove(office, { bookable: true }, slotOn('2026-11-26'), held, NOW)).toBe('move');
    expect(refusalOf(() => decideMove(office, { bookable: false }, slotOn('2026-11-26'), held, NOW))?.code).toBe('SERVICE_UNAVAILABLE');
    expect(refusalOf(() => decideMove(office, undefined, slotOn('2026-11-26'), held, NOW))?.code).toBe('SERVICE_UNAVAILABLE');
    expect(refusalOf(() => decideMove(office, { bookable: true }, undefined, held, NOW))?.code).toBe('NOT_FOUND');
    expect(refusalOf(() => decideMove(office, { bookable: true }, slotOn('2026-11-26', { booked: 20 }), held, NOW))?.code).toBe('SLOT_FULL');
  });

  it('leaves a booking unchanged when moved to the slot it holds, even when that slot is full', () => {
    expect(decideMove(office, { bookable: true }, slotOn('2026-11-26', { booked: 20 }), { slotId: 7, targetSlotId: 7 }, NOW)).toBe('unchanged');
  });
});

describe('a slot in the availability calendar', () => {
  const slot = { date: '2026-11-25', start: '10:00', capacity: 20, booked: 3 };
  it('is bookable when its service is booked online and the slot could be booked now', () => {
    expect(slotOpenForBooking(office, { bookable: true }, slot, NOW)).toBe(true);
    expect(slotOpenForBooking(office, { bookable: false }, slot, NOW)).toBe(false);
    expect(slotOpenForBooking(office, { bookable: true }, { ...slot, booked: 20 }, NOW)).toBe(false);
  });
});
