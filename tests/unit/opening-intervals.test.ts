/**
 * Several opening intervals a day (issue "the lobby and the counter as a real office runs them",
 * item 2): a lunch break, Friday prayer. Friday 27 November 2026 opens 08:00–11:30 and 13:30–15:00.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { decideSlot, slotOpenForBooking, type BookingOffice } from '../../server/domain/booking';
import { moveTarget } from '../../server/domain/moveBookings';
import { checkOpeningHours } from '../../server/domain/officeSettings';
import { decideHoursReplan, decideReplan, type MadeSlot } from '../../server/domain/slotPlan';
import { closedReasonOn, hoursOn, planSlots, slotFitsHours, type SlotTemplate } from '../../server/domain/slots';
import { atLocal } from '../../server/domain/time';
import { walkInAvailability, type WalkInFacts } from '../../server/domain/walkIn';
import { intervalsText } from '../../shared/timeText';
import { refusalOf } from './refusal';

const zone = 'Asia/Jakarta';
const FRIDAY = '2026-11-27';
const at = (time: string, date = FRIDAY) => DateTime.fromISO(`${date}T${time}:00+07:00`);
const FRIDAY_HOURS = [
  { weekday: 5, open: '13:30', close: '15:00' },
  { weekday: 5, open: '08:00', close: '11:30' },
];
const WEEK = [...[1, 2, 3, 4].map((weekday) => ({ weekday, open: '08:00', close: '15:00' })), ...FRIDAY_HOURS];
const hourly: SlotTemplate[] = [1, 2, 3, 4, 5].flatMap((weekday) =>
  [8, 9, 10, 11, 12, 13, 14].map((h) => ({ serviceId: 1, weekday, start: `${String(h).padStart(2, '0')}:00`, end: `${String(h + 1).padStart(2, '0')}:00`, capacity: 5 })),
);

describe('a week of opening intervals', () => {
  it('accepts several intervals a day, touching ones too, and answers them by weekday then opening', () => {
    const week = checkOpeningHours([...FRIDAY_HOURS, { weekday: 1, open: '12:00', close: '15:00' }, { weekday: 1, open: '08:00', close: '12:00' }]);
    expect(week.map((h) => `${h.weekday} ${h.open}`)).toEqual(['1 08:00', '1 12:00', '5 08:00', '5 13:30']);
  });

  it('refuses intervals of one day that overlap, and one that closes before it opens, field by field', () => {
    const refusal = refusalOf(() =>
      checkOpeningHours([
        { weekday: 5, open: '08:00', close: '11:30' },
        { weekday: 5, open: '11:00', close: '15:00' },
        { weekday: 4, open: '11:00', close: '15:00' },
        { weekday: 3, open: '12:00', close: '08:00' },
      ]),
    );
    expect(refusal?.fields).toEqual({ 'hours.0.open': { key: 'hours_overlap' }, 'hours.1.open': { key: 'hours_overlap' }, 'hours.3.close': { key: 'time_order' } });
  });

  it("gives a date's intervals earliest first, and a day without any is closed", () => {
    expect(hoursOn(WEEK, FRIDAY).map((h) => h.open)).toEqual(['08:00', '13:30']);
    expect(intervalsText(hoursOn(WEEK, FRIDAY))).toBe('08.00–11.30, 13.30–15.00');
    expect(closedReasonOn([], WEEK, 1, FRIDAY)).toBeUndefined();
    expect(closedReasonOn([], WEEK, 1, '2026-11-28')).toMatch(/Kantor tutup/);
  });
});

describe('slots inside the opening intervals only', () => {
  it('makes no Friday slot that starts or ends outside every interval (not clipped)', () => {
    expect(planSlots(hourly, [], 1, FRIDAY, WEEK).map((s) => `${s.start}–${s.end}`)).toEqual(['08:00–09:00', '09:00–10:00', '10:00–11:00', '14:00–15:00']);
    expect(planSlots(hourly, [], 1, '2026-11-26', WEEK)).toHaveLength(7);
    // Without hours, the plan as before.
    expect(planSlots(hourly, [], 1, FRIDAY)).toHaveLength(7);
    expect(slotFitsHours(WEEK, { date: FRIDAY, start: '11:00', end: '11:30' })).toBe(true);
    expect(slotFitsHours(WEEK, { date: FRIDAY, start: '11:00', end: '12:00' })).toBe(false);
  });

  it('applies the intervals to a per-date override too', () => {
    const overrides = [
      { serviceId: 1, date: FRIDAY, start: '11:00', end: '11:30', capacity: 3 },
      { serviceId: 1, date: FRIDAY, start: '12:00', end: '13:00', capacity: 3 },
    ];
    expect(planSlots(hourly, overrides, 1, FRIDAY, WEEK).map((s) => s.start)).toEqual(['11:00']);
  });
});

describe('walk-in tickets around a break', () => {
  const facts = (now: DateTime, issueEarlyMinutes = 0): WalkInFacts => ({
    office: { timezone: zone, blankoStock: 10, issueEarlyMinutes },
    service: { id: 1, walkIn: true, walkInQuota: null, needsBlanko: false },
    issuedToday: 0,
    day: { closures: [], hours: WEEK },
    now,
  });

  it('issues inside each interval and refuses in the break, saying when it opens again', () => {
    expect(walkInAvailability(facts(at('11:29'))).refusal).toBeUndefined();
    expect(walkInAvailability(facts(at('12:00'))).refusal).toEqual({ code: 'CLOSED', reason: 'Istirahat; buka lagi pukul 13.30 / Break; open again at 13.30' });
    expect(walkInAvailability(facts(at('11:30'))).refusal?.code).toBe('CLOSED');
    expect(walkInAvailability(facts(at('13:30'))).refusal).toBeUndefined();
    expect(walkInAvailability(facts(at('12:00'))).closedToday).toBeUndefined();
  });

  it('names every interval before the first and after the last', () => {
    expect(walkInAvailability(facts(at('07:00'))).refusal).toEqual({ code: 'CLOSED', reason: 'Jam layanan 08.00–11.30, 13.30–15.00 / Service hours 08.00–11.30, 13.30–15.00' });
    expect(walkInAvailability(facts(at('15:00'))).refusal).toMatchObject({ code: 'CLOSED', reason: expect.stringContaining('08.00–11.30, 13.30–15.00') });
    // A day with one interval reads as before.
    expect(walkInAvailability(facts(at('07:00', '2026-11-26'))).refusal).toEqual({ code: 'CLOSED', reason: 'Jam layanan 08.00–15.00 / Service hours 08.00–15.00' });
  });

  it('issues early before the first interval only, with calling from its opening; the break takes none', () => {
    expect(walkInAvailability(facts(at('07:10'), 60))).toMatchObject({ refusal: undefined, callingFrom: '08:00' });
    expect(walkInAvailability(facts(at('06:30'), 60)).refusal).toMatchObject({ reason: expect.stringContaining('Nomor antrean dibagikan mulai pukul 07.00; jam layanan 08.00–11.30, 13.30–15.00') });
    expect(walkInAvailability(facts(at('12:45'), 60)).refusal).toMatchObject({ reason: expect.stringContaining('buka lagi pukul 13.30') });
    expect(walkInAvailability(facts(at('13:45'), 60)).callingFrom).toBeUndefined();
  });
});

describe('booking and moving into a slot the hours no longer hold', () => {
  const office: BookingOffice = {
    timezone: zone, bookingCutoffMinutes: 30, bookingHorizonDays: 14, blankoStock: 10,
    onePerServicePerDay: true, maxActiveBookingsPerNik: 3, maxActiveBookingsPerPhone: 3,
  };
  const now = at('09:00', '2026-11-24');
  const slot = (start: string, end: string) => ({ serviceId: 1, date: FRIDAY, start, end, capacity: 5, booked: 1 });

  it('refuses a new booking in a kept slot outside the intervals, and availability does not offer it', () => {
    const day = { closures: [], hours: WEEK };
    expect(refusalOf(() => decideSlot(office, { slot: slot('11:00', '12:00'), day }, now))?.code).toBe('SLOT_NOT_BOOKABLE');
    expect(refusalOf(() => decideSlot(office, { slot: slot('10:00', '11:00'), day }, now))).toBeNull();
    expect(slotOpenForBooking(office, { bookable: true }, slot('11:00', '12:00'), now, WEEK)).toBe(false);
    expect(slotOpenForBooking(office, { bookable: true }, slot('14:00', '15:00'), now, WEEK)).toBe(true);
  });

  it('moves a closed day\'s booking into a slot inside the hours only', () => {
    const cand = (start: string, end: string) => ({ id: start.length, serviceId: 1, date: FRIDAY, start, end, startAt: atLocal(FRIDAY, start, zone).toMillis(), capacity: 5, booked: 0 });
    const target = moveTarget({ date: '2026-11-26', startAt: atLocal('2026-11-26', '12:00', zone).toMillis() }, [cand('12:00', '13:00'), cand('10:00', '11:00')], {
      now, zone, horizonDays: 14, closure: { from: '2026-11-26', to: '2026-11-26' }, closures: [{ id: 1, serviceId: null, from: '2026-11-26', to: '2026-11-26', reason: 'Tutup' }],
      hours: WEEK, onePerServicePerDay: true, holderDays: new Set(),
    });
    expect(target?.start).toBe('10:00');
  });
});

describe('re-planning the slots already made when the hours change', () => {
  const now = at('09:30', '2026-11-24');
  let id = 1;
  const made = (date: string, start: string, end: string, booked = 0, capacity = 5): MadeSlot => ({
    id: id++, date, start, end, startAt: atLocal(date, start, zone).toMillis(), capacity, booked,
  });

  it('removes the empty slots outside them, empties one a cancelled booking points at, keeps and reports booked ones', () => {
    const empty = made(FRIDAY, '12:00', '13:00');
    const referenced = made(FRIDAY, '13:00', '14:00');
    const booked = made(FRIDAY, '11:00', '12:00', 2);
    const inside = made(FRIDAY, '10:00', '11:00', 1);
    const begun = made('2026-11-24', '08:00', '09:00');
    const steps = decideHoursReplan([empty, referenced, booked, inside, begun], WEEK, new Set([referenced.id]), now);
    expect(steps).toEqual([
      { kind: 'delete', id: empty.id },
      { kind: 'empty', id: referenced.id },
      { kind: 'conflict', id: booked.id, date: FRIDAY, start: '11:00', end: '12:00', booked: 2 },
    ]);
  });

  it('re-planning the templates keeps a booked slot outside the hours rather than refusing', () => {
    const booked = made(FRIDAY, '11:00', '12:00', 2);
    const steps = decideReplan({
      serviceId: 1, dates: [FRIDAY], templates: hourly, overrides: [], rows: [booked], referenced: new Set([booked.id]), now, zone, hours: WEEK,
    });
    expect(steps.find((s) => s.kind === 'conflict')).toMatchObject({ id: booked.id, booked: 2 });
    expect(steps.filter((s) => s.kind === 'insert').map((s) => (s.kind === 'insert' ? s.start : ''))).toEqual(['08:00', '09:00', '10:00', '14:00']);
  });
});

describe('the booking page shows a day with its intervals together', () => {
  it('writes one line a day, "08.00–11.30, 13.30–15.00", Indonesian style', async () => {
    const { hoursHtml } = await import('../../booking/parts');
    const office = { timezone: zone, openingHours: checkOpeningHours(WEEK) } as unknown as Parameters<typeof hoursHtml>[0];
    const html = hoursHtml(office, 'id');
    expect(html.match(/<li>/g)).toHaveLength(5);
    expect(html).toContain('Jumat</span><span>08.00–11.30, 13.30–15.00 WIB');
    expect(html).toContain('Senin</span><span>08.00–15.00 WIB');
  });
});
