/**
 * The `Store` contract: what every engine must do, driven through the interface alone (no SQL,
 * no driver). An engine's test file calls `describeStoreContract(name, makeStore)`; `makeStore`
 * gives each test a fresh, empty database and a store on it.
 *
 * The rules held here are PRODUCT.md's: capacity (1), one booking per NIK per service and day
 * and a NIK's structure (2), call order (3), recalls and no-shows (4), the office's own
 * calendar (6), closures, and the room (8). Every operation runs at an injected instant.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DateTime } from 'luxon';
import type { ConfirmationPolicy } from '../../server/domain/confirmation';
import type { Actor } from '../../server/store/records';
import type { Store } from '../../server/store/store';
import type { BookingView, PublicTicket } from '../../shared/types';
import {
  at, bookingOf, citizen, counterId, FRIDAY, nik, nik4, OFFICE, officeSetup, outcome, refusal, setUpOffice, slotAt, THURSDAY, TUESDAY,
  WEDNESDAY, WIB, WITA,
} from './contractOffice';
import { bookInSecondProcess, sleepUntil, type BookingAttempt, type SecondProcessAccess } from './secondProcess';

export type { SecondProcessAccess };

export type StoreUnderTest = {
  store: Store;
  /** Closes the store and throws its database away. */
  dispose: () => Promise<void>;
  /**
   * How another OS process opens this same database (for SQLite: the file and the NIK secret),
   * or why this engine cannot offer that. Absent: the two-process test is skipped as unavailable.
   */
  secondProcess?: SecondProcessAccess | { unavailable: string };
};

/** Settings a store is opened with (the defaults where absent). */
export type StoreSettings = { confirmation?: ConfirmationPolicy | null };
/** A fresh, empty database and a store on it; called once for every test (and by tests that need other settings). */
export type MakeStore = (settings?: StoreSettings) => Promise<StoreUnderTest>;

/** Set up at 07:00 on Tuesday, so that the day's first slots can still be booked. */
const SET_UP_AT = at('2026-11-24T07:00');
const OPEN = at('2026-11-24T09:30');

export const describeStoreContract = (engineName: string, makeStore: MakeStore): void => {
  describe(`the ${engineName} store keeps the Store contract`, () => {
    let subject: StoreUnderTest | undefined;
    let store: Store;
    let admin: Actor;

    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
      admin = await setUpOffice(store, SET_UP_AT);
    });
    afterEach(async () => {
      await subject?.dispose();
    });

    const book = (n: number, service: string, slotId: number, now: DateTime = OPEN) => store.bookPlace(OFFICE, bookingOf(n, service, slotId), now);
    const walkIn = (service: string, now: DateTime, priority: 'elderly' | null = null) => store.issueWalkIn(OFFICE, { service, priority }, now);
    const ticket = async (id: string, now: DateTime) => (await store.publicTicket(id, now))!;
    /** Calls the next ticket at a counter, serves it and finishes it; returns its number (null: nobody waiting). */
    const serveNext = async (counter: number, now: DateTime): Promise<string | null> => {
      const called = await store.callNext(counter, admin, now);
      if (!called) return null;
      await store.stepTicket(called.ticket.id, 'start', admin, now);
      await store.stepTicket(called.ticket.id, 'complete', admin, now);
      return called.ticket.number;
    };

    describe('opening intervals (a Friday prayer break)', () => {
      const prayer = [
        ...[1, 2, 3, 4].map((weekday) => ({ weekday, open: '08:00', close: '15:00' })),
        { weekday: 5, open: '08:00', close: '11:30' },
        { weekday: 5, open: '13:30', close: '15:00' },
      ];
      const starts = async (date: string, now: DateTime = OPEN) =>
        (await store.availability(OFFICE, 'A', date, 1, now))[0]!.slots.map((x) => x.start.slice(11, 16));

      it('re-plans the made slots at once, answers the booked ones left outside, and makes later days without the break', async () => {
        const held = await slotAt(store, OPEN, 'A', FRIDAY, '11:00');
        await book(1, 'A', held.id);
        const change = await store.setOpeningHours(OFFICE, prayer, admin, OPEN);
        expect(change).toEqual({ hours: prayer, conflicts: [{ date: FRIDAY, service: 'A', start: '11:00', end: '12:00', booked: 1 }] });
        expect(await starts(FRIDAY)).toEqual(['08:00', '09:00', '10:00', '11:00', '14:00']);
        expect(await slotAt(store, OPEN, 'A', FRIDAY, '11:00')).toMatchObject({ booked: 1, bookable: false });
        expect(await outcome(() => book(2, 'A', held.id))).toBe('SLOT_NOT_BOOKABLE');
        // Two weeks on, the slot job makes the new Fridays inside the intervals only.
        const later = OPEN.plus({ weeks: 2 });
        await store.materialiseSlots(later);
        expect(await starts('2026-12-11', later)).toEqual(['08:00', '09:00', '10:00', '14:00']);
      });
    });

    describe('the quick refusals of a booking burst (decided before the write transaction)', () => {
      it('refuses as the full decision does: an unknown office, an unknown service, a slot of another service, a closed service', async () => {
        const slotA = await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00');
        const slotB = await slotAt(store, OPEN, 'B', WEDNESDAY, '10:00');
        expect(await outcome(() => store.bookPlace('tidak-ada', bookingOf(1, 'A', slotA.id), OPEN))).toBe('NOT_FOUND');
        expect((await refusal(() => book(1, 'Z', slotA.id))).fields).toHaveProperty('service');
        expect(await outcome(() => book(1, 'A', slotB.id))).toBe('NOT_FOUND');
        expect(await outcome(() => book(1, 'A', 999_999))).toBe('NOT_FOUND');
        await store.createClosure(OFFICE, { from: WEDNESDAY, to: WEDNESDAY, service: 'B', reason: 'Blanko habis', action: 'cancel' }, admin, OPEN);
        expect(await outcome(() => book(2, 'B', slotB.id))).toBe('CLOSED');
        expect(await outcome(() => book(2, 'A', slotA.id))).toBe('OK');
      });

      // A refusal decided from stale office rules would refuse an attempt that the rules now allow.
      it("sees a change to the office's rules or to a service at the very next attempt", async () => {
        const slot = await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00');
        const other = await slotAt(store, OPEN, 'A', THURSDAY, '10:00');
        // Each refusal first reads the rules that refuse; the change back must then be seen.
        await store.updateService(OFFICE, 'A', { bookable: false }, admin, OPEN);
        expect(await outcome(() => book(2, 'A', slot.id))).toBe('SERVICE_UNAVAILABLE');
        await store.updateService(OFFICE, 'A', { bookable: true }, admin, OPEN);
        expect(await outcome(() => book(2, 'A', slot.id))).toBe('OK');
        // Thursday lies beyond a horizon of two days (today and tomorrow), and within one of fourteen.
        await store.updateOffice(OFFICE, { bookingHorizonDays: 2 }, admin, OPEN);
        expect(await outcome(() => book(3, 'A', other.id))).toBe('SLOT_NOT_BOOKABLE');
        await store.updateOffice(OFFICE, { bookingHorizonDays: 14 }, admin, OPEN);
        expect(await outcome(() => book(3, 'A', other.id))).toBe('OK');
      });
    });

    describe('capacity', () => {
      it('books a slot up to its capacity, then refuses with SLOT_FULL and changes nothing', async () => {
        const slot = await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00');
        expect(slot).toMatchObject({ capacity: 3, booked: 0, remaining: 3, bookable: true });
        const booked = [await book(1, 'A', slot.id), await book(2, 'A', slot.id), await book(3, 'A', slot.id)];
        for (const view of booked) expect(view).toMatchObject({ office: OFFICE, service: 'A', date: WEDNESDAY, slotId: slot.id, status: 'booked' });
        expect(new Set(booked.map((b) => b.code)).size).toBe(3);

        expect(await outcome(() => book(4, 'A', slot.id))).toBe('SLOT_FULL');
        expect(await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00')).toMatchObject({ capacity: 3, booked: 3, remaining: 0, bookable: false });
        // The refused citizen holds nothing: another slot of the same service and day is still theirs to take.
        expect(await outcome(async () => book(4, 'A', (await slotAt(store, OPEN, 'A', WEDNESDAY, '11:00')).id))).toBe('OK');
      });
    });

    describe('per-NIK rules', () => {
      it('refuses a second booking of one NIK for the same service on the same day with DUPLICATE_BOOKING, but not another service or day', async () => {
        const wedA10 = await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00');
        const wedA11 = await slotAt(store, OPEN, 'A', WEDNESDAY, '11:00');
        await book(1, 'A', wedA10.id);
        expect(await outcome(() => book(1, 'A', wedA11.id))).toBe('DUPLICATE_BOOKING');
        expect((await slotAt(store, OPEN, 'A', WEDNESDAY, '11:00')).booked).toBe(0);
        expect(await outcome(async () => book(1, 'B', (await slotAt(store, OPEN, 'B', WEDNESDAY, '11:00')).id))).toBe('OK');
        expect(await outcome(async () => book(1, 'A', (await slotAt(store, OPEN, 'A', THURSDAY, '10:00')).id))).toBe('OK');
      });

      it('refuses a fourth active booking of one NIK with BOOKING_LIMIT, and takes it once one of the three is cancelled', async () => {
        const days = [WEDNESDAY, THURSDAY, FRIDAY];
        const held: BookingView[] = [];
        for (const date of days) held.push(await book(1, 'A', (await slotAt(store, OPEN, 'A', date, '10:00')).id));
        const monday = await slotAt(store, OPEN, 'A', '2026-11-30', '10:00');
        expect(await outcome(() => book(1, 'A', monday.id))).toBe('BOOKING_LIMIT');
        expect((await slotAt(store, OPEN, 'A', '2026-11-30', '10:00')).booked).toBe(0);

        await store.cancelBooking(held[0]!.code, nik4(1), OPEN, 'test');
        expect(await outcome(() => book(1, 'A', monday.id))).toBe('OK');
      });

      it('refuses a NIK of the wrong structure with VALIDATION on the nik field, and books nothing', async () => {
        const slot = await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00');
        const malformed = {
          'province 20 does not exist': '2074011708900001',
          'regency 00': '3100011708900001',
          'district 00': '3174001708900001',
          'day 32': '3174013208900001',
          'day 72 (a woman born on the 32nd)': '3174017208900001',
          'month 13': '3174011713900001',
          'born after today (17-12-2026)': '3174011712260001',
          'serial 0000': '3174011708900000',
          'fifteen digits': '317401170890001',
          'a letter': '31740117089O0001',
        };
        for (const [why, bad] of Object.entries(malformed)) {
          const error = await refusal(() => store.bookPlace(OFFICE, { ...bookingOf(1, 'A', slot.id), nik: bad }, OPEN));
          expect({ why, code: error.code, nikField: 'nik' in error.fields }).toEqual({ why, code: 'VALIDATION', nikField: true });
        }
        expect((await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00')).booked).toBe(0);
        // A woman's NIK (day + 40) is well formed.
        expect(await outcome(() => store.bookPlace(OFFICE, { ...bookingOf(1, 'A', slot.id), nik: nik(1, true) }, OPEN))).toBe('OK');
        expect((await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00')).booked).toBe(1);
      });
    });

    describe('cancelling and rescheduling', () => {
      it("gives a cancelled booking's place back to its slot, and refuses a second cancel with INVALID_STATE", async () => {
        const slot = await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00');
        await book(1, 'A', slot.id);
        const second = await book(2, 'A', slot.id);
        await book(3, 'A', slot.id);
        expect(await outcome(() => book(4, 'A', slot.id))).toBe('SLOT_FULL');

        // The code with someone else's last four NIK digits finds nothing.
        expect(await outcome(() => store.cancelBooking(second.code, nik4(3), OPEN, 'test'))).toBe('NOT_FOUND');
        expect(await store.cancelBooking(second.code, nik4(2), OPEN, 'test')).toMatchObject({ code: second.code, status: 'cancelled' });
        expect(await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00')).toMatchObject({ booked: 2, remaining: 1, bookable: true });
        expect((await store.getBooking(second.code, nik4(2), OPEN, 'test')).status).toBe('cancelled');
        expect(await outcome(() => store.cancelBooking(second.code, nik4(2), OPEN, 'test'))).toBe('INVALID_STATE');

        expect(await outcome(() => book(4, 'A', slot.id))).toBe('OK');
        expect((await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00')).remaining).toBe(0);
      });

      it('moves a rescheduled place from the old slot to the new one, and leaves it where it was when the new slot is full', async () => {
        const from = await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00');
        const to = await slotAt(store, OPEN, 'A', WEDNESDAY, '11:00');
        const full = await slotAt(store, OPEN, 'A', WEDNESDAY, '12:00');
        const mine = await book(1, 'A', from.id);

        expect(await store.rescheduleBooking(mine.code, nik4(1), to.id, OPEN, 'test')).toMatchObject({ code: mine.code, slotId: to.id, status: 'booked' });
        expect((await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00')).booked).toBe(0);
        expect((await slotAt(store, OPEN, 'A', WEDNESDAY, '11:00')).booked).toBe(1);

        for (const n of [2, 3, 4]) await book(n, 'A', full.id);
        expect(await outcome(() => store.rescheduleBooking(mine.code, nik4(1), full.id, OPEN, 'test'))).toBe('SLOT_FULL');
        expect((await store.getBooking(mine.code, nik4(1), OPEN, 'test')).slotId).toBe(to.id);
        expect((await slotAt(store, OPEN, 'A', WEDNESDAY, '11:00')).booked).toBe(1);
        expect((await slotAt(store, OPEN, 'A', WEDNESDAY, '12:00')).booked).toBe(3);
      });
    });

    describe('ticket numbers', () => {
      it('numbers tickets per service per day (A001, A002, B001), a check-in taking the next number of its service', async () => {
        const slot = await slotAt(store, SET_UP_AT, 'A', TUESDAY, '10:00');
        const booking = await book(1, 'A', slot.id, SET_UP_AT);
        const issued = [
          await walkIn('A', OPEN),
          await walkIn('A', OPEN.plus({ seconds: 10 })),
          await walkIn('B', OPEN.plus({ seconds: 20 })),
          await store.checkIn(OFFICE, booking.code, OPEN.plus({ seconds: 30 })),
        ];
        expect(issued.map((t) => [t.number, t.service, t.date])).toEqual([
          ['A001', 'A', TUESDAY], ['A002', 'A', TUESDAY], ['B001', 'B', TUESDAY], ['A003', 'A', TUESDAY],
        ]);
        expect(new Set(issued.map((t) => t.id)).size).toBe(4);
        expect((await store.getBooking(booking.code, nik4(1), OPEN, 'test')).status).toBe('checked_in');
      });

      it("starts the numbers again at each office's own midnight (WIB and WITA), not at UTC's", async () => {
        // Two offices open round the clock; the same instants fall on different local days.
        const roundTheClock = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '00:00', close: '23:59' }));
        await setUpOffice(store, SET_UP_AT, { setup: officeSetup({ id: 'barat', timezone: WIB, hours: roundTheClock }) });
        await setUpOffice(store, SET_UP_AT, { setup: officeSetup({ id: 'tengah', timezone: WITA, hours: roundTheClock }) });
        // Instants in UTC, as a server's system clock gives them: it is Tuesday in UTC throughout.
        const utc = (iso: string) => at(iso, 'utc');
        const take = async (officeId: string, now: DateTime) => {
          const t = await store.issueWalkIn(officeId, { service: 'A' }, now);
          return `${t.number} ${t.date}`;
        };
        // 22:50 WIB, 23:50 WITA
        expect(await take('barat', utc('2026-11-24T15:50'))).toBe(`A001 ${TUESDAY}`);
        expect(await take('tengah', utc('2026-11-24T15:50'))).toBe(`A001 ${TUESDAY}`);
        expect(await take('tengah', utc('2026-11-24T15:55'))).toBe(`A002 ${TUESDAY}`);
        // 23:10 WIB, 00:10 WITA: the WITA office has begun Wednesday.
        expect(await take('barat', utc('2026-11-24T16:10'))).toBe(`A002 ${TUESDAY}`);
        expect(await take('tengah', utc('2026-11-24T16:10'))).toBe(`A001 ${WEDNESDAY}`);
        // 00:10 WIB: now the WIB office has too.
        expect(await take('barat', utc('2026-11-24T17:10'))).toBe(`A001 ${WEDNESDAY}`);
        expect(await take('tengah', utc('2026-11-24T17:10'))).toBe(`A002 ${WEDNESDAY}`);
      });

      it('starts the numbers again the next morning in the office', async () => {
        expect((await walkIn('A', OPEN)).number).toBe('A001');
        expect((await walkIn('A', OPEN.plus({ minutes: 1 }))).number).toBe('A002');
        const wednesday = await walkIn('A', at('2026-11-25T08:05'));
        expect([wednesday.number, wednesday.date]).toEqual(['A001', WEDNESDAY]);
      });
    });

    describe('call order', () => {
      it('calls priority visitors first, then checked-in bookings whose slot has begun, one walk-in after every two of them, then early bookings', async () => {
        // Booked at 07:00: three places at 09:00 (begun by 09:30) and one at 10:00 (not yet begun).
        const nine = await slotAt(store, SET_UP_AT, 'A', TUESDAY, '09:00');
        const ten = await slotAt(store, SET_UP_AT, 'A', TUESDAY, '10:00');
        const b1 = await book(1, 'A', nine.id, SET_UP_AT);
        const b2 = await book(2, 'A', nine.id, SET_UP_AT);
        const b3 = await book(3, 'A', nine.id, SET_UP_AT);
        const early = await book(4, 'A', ten.id, SET_UP_AT);

        let now = OPEN;
        const next = () => (now = now.plus({ seconds: 10 }));
        // Issued in this order, ten seconds apart (object properties are evaluated in order).
        const n = {
          legalisation: (await walkIn('B', next())).number,
          walkIn1: (await walkIn('A', next())).number,
          walkIn2: (await walkIn('A', next())).number,
          walkIn3: (await walkIn('A', next())).number,
          early: (await store.checkIn(OFFICE, early.code, next())).number,
          booking1: (await store.checkIn(OFFICE, b1.code, next())).number,
          booking2: (await store.checkIn(OFFICE, b2.code, next())).number,
          booking3: (await store.checkIn(OFFICE, b3.code, next())).number,
          elderly: (await walkIn('A', next(), 'elderly')).number,
        };

        // Counter 1 serves A, then B; office setting: a walk-in after every 2 bookings.
        const counter = await counterId(store, OPEN, '1');
        const order: (string | null)[] = [];
        for (let i = 0; i < 10; i++) order.push(await serveNext(counter, next()));
        expect(now < at('2026-11-24T10:00')).toBe(true);
        expect(order).toEqual([n.elderly, n.booking1, n.booking2, n.walkIn1, n.booking3, n.walkIn2, n.walkIn3, n.early, n.legalisation, null]);
      });

      it('calls the booking whose slot began first, whichever checked in first', async () => {
        const nine = await book(1, 'A', (await slotAt(store, SET_UP_AT, 'A', TUESDAY, '09:00')).id, SET_UP_AT);
        const ten = await book(2, 'A', (await slotAt(store, SET_UP_AT, 'A', TUESDAY, '10:00')).id, SET_UP_AT);
        const tenTicket = await store.checkIn(OFFICE, ten.code, at('2026-11-24T09:40'));
        const nineTicket = await store.checkIn(OFFICE, nine.code, at('2026-11-24T09:45'));
        const counter = await counterId(store, OPEN, '1');
        expect(await serveNext(counter, at('2026-11-24T10:05'))).toBe(nineTicket.number);
        expect(await serveNext(counter, at('2026-11-24T10:06'))).toBe(tenTicket.number);
      });

      it('calls the services of a counter in that counter\'s own order', async () => {
        await walkIn('A', OPEN);
        await walkIn('B', OPEN.plus({ seconds: 10 }));
        // Counter 2 serves B before A, counter 1 A before B.
        expect((await store.callNext(await counterId(store, OPEN, '2'), admin, OPEN.plus({ minutes: 1 })))?.ticket.number).toBe('B001');
        expect((await store.callNext(await counterId(store, OPEN, '1'), admin, OPEN.plus({ minutes: 1 })))?.ticket.number).toBe('A001');
      });

      it('calls a booking whose slot has begun only after it is checked in', async () => {
        const nine = await slotAt(store, SET_UP_AT, 'A', TUESDAY, '09:00');
        await book(1, 'A', nine.id, SET_UP_AT);
        const counter = await counterId(store, OPEN, '1');
        expect(await store.callNext(counter, admin, OPEN)).toBeNull();
      });
    });

    describe('ticket steps', () => {
      it('makes a ticket recalled past the limit a no-show, frees its counter, and lets staff requeue it', async () => {
        const issued = await walkIn('A', OPEN);
        const counter = await counterId(store, OPEN, '1');
        const called = (await store.callNext(counter, admin, OPEN.plus({ minutes: 1 })))!;
        expect(called).toMatchObject({ event: 'called', counterId: counter, ticket: { id: issued.id, status: 'called', counter: '1' } });

        // Office setting: at most 2 recalls.
        const recalls = [];
        for (let i = 1; i <= 3; i++) recalls.push(await store.stepTicket(issued.id, 'recall', admin, OPEN.plus({ minutes: 1 + i })));
        expect(recalls.map((r) => [r.event, r.ticket.status])).toEqual([['recalled', 'called'], ['recalled', 'called'], ['no_show', 'no_show']]);
        expect((await ticket(issued.id, OPEN.plus({ minutes: 5 }))).status).toBe('no_show');
        expect(await store.callNext(counter, admin, OPEN.plus({ minutes: 5 }))).toBeNull();

        const requeued = await store.stepTicket(issued.id, 'requeue', admin, OPEN.plus({ minutes: 6 }));
        expect(requeued.ticket).toMatchObject({ status: 'waiting', number: 'A001', position: 1 });
        expect((await store.callNext(counter, admin, OPEN.plus({ minutes: 7 })))?.ticket.id).toBe(issued.id);
        expect((await store.stepTicket(issued.id, 'start', admin, OPEN.plus({ minutes: 8 }))).ticket.status).toBe('serving');
        expect((await store.stepTicket(issued.id, 'complete', admin, OPEN.plus({ minutes: 9 }))).ticket.status).toBe('done');
        expect((await ticket(issued.id, OPEN.plus({ minutes: 9 }))).status).toBe('done');
      });

      it('transfers a ticket to another service under the same number, for a counter of that service to call', async () => {
        const issued = await walkIn('A', OPEN);
        const first = await counterId(store, OPEN, '1');
        await store.callNext(first, admin, OPEN.plus({ minutes: 1 }));
        const moved = await store.stepTicket(issued.id, 'transfer', admin, OPEN.plus({ minutes: 2 }), { service: 'C' });
        expect(moved.ticket).toMatchObject({ id: issued.id, number: 'A001', service: 'C', status: 'waiting' });
        expect(await store.callNext(first, admin, OPEN.plus({ minutes: 3 }))).toBeNull();
        expect((await store.callNext(await counterId(store, OPEN, '3'), admin, OPEN.plus({ minutes: 3 })))?.ticket).toMatchObject({
          id: issued.id, number: 'A001', service: 'C', status: 'called', counter: '3',
        });
      });

      it('refuses a step that the ticket\'s state does not allow with INVALID_STATE, and changes nothing', async () => {
        const issued = await walkIn('A', OPEN);
        for (const action of ['recall', 'start', 'complete', 'no_show', 'requeue'] as const) {
          expect([action, await outcome(() => store.stepTicket(issued.id, action, admin, OPEN))]).toEqual([action, 'INVALID_STATE']);
        }
        expect(await ticket(issued.id, OPEN)).toMatchObject({ status: 'waiting', position: 1 });

        await serveNext(await counterId(store, OPEN, '1'), OPEN.plus({ minutes: 1 }));
        for (const action of ['recall', 'start', 'complete', 'no_show', 'requeue', 'transfer'] as const) {
          const step = () => store.stepTicket(issued.id, action, admin, OPEN.plus({ minutes: 2 }), action === 'transfer' ? { service: 'B' } : {});
          expect([action, await outcome(step)]).toEqual([action, 'INVALID_STATE']);
        }
        expect((await ticket(issued.id, OPEN.plus({ minutes: 2 }))).status).toBe('done');
      });

      it('refuses to call at a counter whose ticket is still called or being served with COUNTER_BUSY', async () => {
        const first = await walkIn('A', OPEN);
        const second = await walkIn('A', OPEN.plus({ seconds: 10 }));
        const counter = await counterId(store, OPEN, '1');
        const later = OPEN.plus({ minutes: 1 });
        await store.callNext(counter, admin, later);
        expect(await outcome(() => store.callNext(counter, admin, later))).toBe('COUNTER_BUSY');
        await store.stepTicket(first.id, 'start', admin, later);
        expect(await outcome(() => store.callNext(counter, admin, later))).toBe('COUNTER_BUSY');
        expect((await ticket(second.id, later)).status).toBe('waiting');

        await store.stepTicket(first.id, 'complete', admin, later);
        expect((await store.callNext(counter, admin, later))?.ticket.id).toBe(second.id);
      });
    });

    describe('closures', () => {
      it('cancels the bookings a whole-office closure covers, gives their places back, and refuses new ones with CLOSED', async () => {
        const wedA = await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00');
        const wedB = await slotAt(store, OPEN, 'B', WEDNESDAY, '10:00');
        const thuA = await slotAt(store, OPEN, 'A', THURSDAY, '10:00');
        const [a, b, c] = [await book(1, 'A', wedA.id), await book(2, 'B', wedB.id), await book(3, 'A', thuA.id)];

        const result = await store.createClosure(OFFICE, { from: WEDNESDAY, to: WEDNESDAY, reason: 'Petugas terpapar', action: 'cancel' }, admin, OPEN);
        expect(result).toMatchObject({ affectedBookings: 2, moved: 0, cancelled: 2 });
        expect(await store.getBooking(a.code, nik4(1), OPEN, 'test')).toMatchObject({ status: 'cancelled', cancelReason: 'Petugas terpapar' });
        expect((await store.getBooking(b.code, nik4(2), OPEN, 'test')).status).toBe('cancelled');
        expect(await store.getBooking(c.code, nik4(3), OPEN, 'test')).toMatchObject({ status: 'booked', date: THURSDAY });

        const [wednesday] = await store.availability(OFFICE, 'A', WEDNESDAY, 1, OPEN);
        expect(wednesday).toMatchObject({ date: WEDNESDAY, closed: true, reason: 'Petugas terpapar' });
        expect(await outcome(() => book(4, 'A', wedA.id))).toBe('CLOSED');
        expect((await slotAt(store, OPEN, 'A', THURSDAY, '10:00')).booked).toBe(1);

        // Withdrawn, the closure leaves Wednesday's places free again.
        await store.endClosure(OFFICE, result.id, TUESDAY, admin, OPEN);
        expect(await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00')).toMatchObject({ booked: 0, remaining: 3 });
        expect(await slotAt(store, OPEN, 'B', WEDNESDAY, '10:00')).toMatchObject({ booked: 0, remaining: 3 });
      });

      it('moves the bookings a service closure covers to the next open day, at their own time of day, else the nearest free time', async () => {
        const wedA = await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00');
        const wedB = await slotAt(store, OPEN, 'B', WEDNESDAY, '10:00');
        const thuA10 = await slotAt(store, OPEN, 'A', THURSDAY, '10:00');
        const thuA11 = await slotAt(store, OPEN, 'A', THURSDAY, '11:00');
        const [a1, a2, other] = [await book(1, 'A', wedA.id), await book(2, 'A', wedA.id), await book(3, 'B', wedB.id)];
        for (const n of [4, 5]) await book(n, 'A', thuA10.id); // Thursday 10:00 has one place left.

        const result = await store.createClosure(OFFICE, { from: WEDNESDAY, to: WEDNESDAY, service: 'A', reason: 'Blanko habis', action: 'move' }, admin, OPEN);
        expect(result).toMatchObject({ affectedBookings: 2, moved: 2, cancelled: 0 });
        // The first keeps its 10:00; the second takes the nearest free hour (09:00 and 11:00 are as near: the later one).
        expect(await store.getBooking(a1.code, nik4(1), OPEN, 'test')).toMatchObject({ status: 'booked', date: THURSDAY, slotId: thuA10.id });
        expect(await store.getBooking(a2.code, nik4(2), OPEN, 'test')).toMatchObject({ status: 'booked', date: THURSDAY, slotId: thuA11.id });
        expect(await store.getBooking(other.code, nik4(3), OPEN, 'test')).toMatchObject({ status: 'booked', date: WEDNESDAY, slotId: wedB.id });
        expect(await slotAt(store, OPEN, 'A', THURSDAY, '10:00')).toMatchObject({ booked: 3, remaining: 0 });
        expect(await slotAt(store, OPEN, 'A', THURSDAY, '11:00')).toMatchObject({ booked: 1 });
        expect(await slotAt(store, OPEN, 'A', THURSDAY, '08:00')).toMatchObject({ booked: 0 });
        expect((await store.availability(OFFICE, 'A', WEDNESDAY, 1, OPEN))[0]).toMatchObject({ closed: true, reason: 'Blanko habis' });
        expect((await store.availability(OFFICE, 'B', WEDNESDAY, 1, OPEN))[0]).toMatchObject({ closed: false });
      });

      it('tells the holders of the bookings it cancelled, once, when a closure "until further notice" ends', async () => {
        const wedA = await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00');
        await book(1, 'A', wedA.id);
        const result = await store.createClosure(OFFICE, { from: WEDNESDAY, to: null, reason: 'Pegawai terpapar', action: 'cancel' }, admin, OPEN);
        const ended = await store.endClosure(OFFICE, result.id, THURSDAY, admin, OPEN);
        expect(ended).toMatchObject({ toDate: THURSDAY, reopenNotifiedAt: OPEN.toMillis() });
        const again = await store.endClosure(OFFICE, result.id, WEDNESDAY, admin, OPEN);
        expect(again.reopenNotifiedAt).toBe(OPEN.toMillis());
      });
    });

    describe('the room', () => {
      it('lets only room-capacity visitors wait inside, and admits the next one when a visitor is done', async () => {
        await store.updateOffice(OFFICE, { roomCapacity: 3 }, admin, OPEN);
        const issued: PublicTicket[] = [];
        for (let i = 0; i < 4; i++) issued.push(await walkIn('A', OPEN.plus({ seconds: 10 * i })));
        const later = OPEN.plus({ minutes: 1 });
        const outside = async () => Promise.all(issued.map(async (t) => (await ticket(t.id, later)).waitOutside));
        expect(issued.map((t) => t.waitOutside)).toEqual([false, false, false, true]);
        expect(await outside()).toEqual([false, false, false, true]);
        expect((await store.boardState(OFFICE, later)).admitted).toEqual(['A001', 'A002', 'A003']);

        // Called, the first visitor is still inside: the fourth still waits outside.
        const counter = await counterId(store, OPEN, '1');
        await store.callNext(counter, admin, later);
        await store.stepTicket(issued[0]!.id, 'start', admin, later);
        expect(await outside()).toEqual([false, false, false, true]);

        await store.stepTicket(issued[0]!.id, 'complete', admin, later);
        expect((await outside()).slice(1)).toEqual([false, false, false]);
        expect((await store.boardState(OFFICE, later)).admitted).toEqual(['A002', 'A003', 'A004']);
      });
    });

    describe('sign-in throttling and sessions', () => {
      const MINUTE = 60_000;
      it('locks a name (known or not) at its fifth failure in a row for a minute, and a sign-in forgets its failures', async () => {
        const user = await store.createUser({ username: 'rina', displayName: 'Rina', passwordHash: 'x', role: 'counter', officeId: OFFICE }, OPEN);
        for (const name of ['rina', 'nobody']) {
          for (let i = 1; i <= 4; i++) expect(await store.recordSignInFailure(name, `10.0.0.${i}`, OPEN)).toBeNull();
          expect(await store.recordSignInFailure(name, '10.0.0.5', OPEN)).toBe(OPEN.toMillis() + MINUTE);
          expect(await store.signInLock(name, '10.0.0.6', OPEN.plus({ seconds: 59 }))).toBe(OPEN.toMillis() + MINUTE);
          expect(await store.signInLock(name, '10.0.0.6', OPEN.plus({ minutes: 1 }))).toBeNull();
        }
        await store.startSession(user.id, OPEN.plus({ minutes: 1 }));
        expect(await store.recordSignInFailure('rina', '10.0.0.7', OPEN.plus({ minutes: 2 }))).toBeNull();
      });

      it('ends the older sessions at a sign-in only when asked to', async () => {
        const user = await store.createUser({ username: 'rina', displayName: 'Rina', passwordHash: 'x', role: 'counter', officeId: OFFICE }, OPEN);
        const limits = { idleMinutes: 120, absoluteHours: 12 };
        const first = await store.startSession(user.id, OPEN);
        const second = await store.startSession(user.id, OPEN);
        expect(await store.resolveSession(first, OPEN, limits)).toBeDefined();
        const third = await store.startSession(user.id, OPEN, { endOlderSessions: true });
        expect(await store.resolveSession(first, OPEN, limits)).toBeUndefined();
        expect(await store.resolveSession(second, OPEN, limits)).toBeUndefined();
        expect(await store.resolveSession(third, OPEN, limits)).toBeDefined();
      });
    });

    describe('reports and the jobs that work ahead', () => {
      const THURSDAY_0800 = at('2026-11-26T08:00');

      it('reports the same before and after the report job keeps the past days, and follows a later change to a past day', async () => {
        const counter = await counterId(store, OPEN, '1');
        await walkIn('A', OPEN);
        await serveNext(counter, OPEN.plus({ minutes: 5 }));
        // Still being served when Tuesday ends; and a Tuesday booking its holder never came for.
        const lingering = await walkIn('B', OPEN.plus({ minutes: 10 }));
        await store.callNext(counter, admin, OPEN.plus({ minutes: 20 }));
        await store.stepTicket(lingering.id, 'start', admin, OPEN.plus({ minutes: 21 }));
        const unused = await book(1, 'B', (await slotAt(store, OPEN, 'B', TUESDAY, '14:00')).id);
        const cancelled = await book(2, 'A', (await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00')).id);
        await store.cancelBooking(cancelled.code, nik4(2), OPEN.plus({ minutes: 30 }), 'test');
        await walkIn('A', at('2026-11-25T09:00'));

        const before = await store.rangeReport(OFFICE, TUESDAY, THURSDAY);
        expect(before.days.map((d) => [d.date, d.issued, d.served, d.cancelledBookings])).toEqual([[TUESDAY, 2, 1, 0], [WEDNESDAY, 1, 0, 1]]);
        // (An engine may have kept some days already while reporting.)
        await store.fillReportDays(THURSDAY_0800);
        expect(await store.fillReportDays(THURSDAY_0800)).toBe(0);
        expect(await store.rangeReport(OFFICE, TUESDAY, THURSDAY)).toEqual(before);
        expect(await store.dailyReport(OFFICE, TUESDAY)).toEqual((await store.rangeReport(OFFICE, TUESDAY, TUESDAY)).services);

        // On Thursday the lingering visitor is finished, then the unused booking cancelled: Tuesday's figures follow each.
        await store.stepTicket(lingering.id, 'complete', admin, THURSDAY_0800);
        const finished = await store.rangeReport(OFFICE, TUESDAY, THURSDAY);
        expect(finished.days.map((d) => [d.date, d.issued, d.served, d.cancelledBookings])).toEqual([[TUESDAY, 2, 2, 0], [WEDNESDAY, 1, 0, 1]]);
        expect(finished.total.averageServiceMinutes).not.toBe(before.total.averageServiceMinutes);
        await store.fillReportDays(THURSDAY_0800);
        await store.cancelBooking(unused.code, nik4(1), THURSDAY_0800, 'test');
        const after = await store.rangeReport(OFFICE, TUESDAY, THURSDAY);
        expect(after.days.map((d) => [d.date, d.issued, d.served, d.cancelledBookings])).toEqual([[TUESDAY, 2, 2, 1], [WEDNESDAY, 1, 0, 1]]);
        expect(after.total).toMatchObject({ served: before.total.served + 1, cancelledBookings: 2 });
        await store.fillReportDays(THURSDAY_0800);
        expect(await store.rangeReport(OFFICE, TUESDAY, THURSDAY)).toEqual(after);
      });

      it('makes the slots of the day that comes into the booking horizon, once, and availability shows them', async () => {
        // Set up with the 14 days of the horizon: nothing is missing.
        expect(await store.materialiseSlots(SET_UP_AT)).toBe(0);
        // A day later the horizon reaches Tuesday 8 December.
        const wednesday = at('2026-11-25T07:00');
        expect(await store.materialiseSlots(wednesday)).toBe(21);
        expect(await store.materialiseSlots(wednesday)).toBe(0);
        const [day] = await store.availability(OFFICE, 'A', '2026-12-08', 1, wednesday);
        expect(day!.slots.map((slot) => slot.remaining)).toEqual([3, 3, 3, 3, 3, 3, 3]);
      });

      it('lets availability make a day the slot job has not reached yet, once', async () => {
        const wednesday = at('2026-11-25T07:00');
        const [day] = await store.availability(OFFICE, 'B', '2026-12-08', 1, wednesday);
        expect(day!.slots).toHaveLength(7);
        expect(await store.availability(OFFICE, 'B', '2026-12-08', 1, wednesday)).toEqual([day]);
        // Only the services nobody asked about are left for the job.
        expect(await store.materialiseSlots(wednesday)).toBe(14);
      });
    });

    describe('two processes', () => {
      it('never puts more bookings in a slot than its capacity while two processes book it at once', async ({ skip, annotate, onTestFinished }) => {
        const access = subject!.secondProcess;
        if (!access || 'unavailable' in access) return skip(access?.unavailable ?? `${engineName} offers no second process on its database`);
        const slot = await slotAt(store, OPEN, 'C', WEDNESDAY, '10:00');
        expect(slot.capacity).toBe(20);
        const attempts = 40;
        const theirRequests = Array.from({ length: attempts }, (_, i) => bookingOf(10_000 + i, 'C', slot.id));
        const child = await bookInSecondProcess(access, { officeId: OFFICE, now: OPEN, requests: theirRequests });
        onTestFinished(() => child.stop());

        const ourRequests = Array.from({ length: attempts }, (_, i) => bookingOf(20_000 + i, 'C', slot.id));
        const ours = async () => {
          const results: BookingAttempt[] = [];
          for (const request of ourRequests) {
            let bookingCode: string | undefined;
            const code = await outcome(async () => (bookingCode = (await store.bookPlace(OFFICE, request, OPEN)).code));
            results.push(bookingCode ? { code, bookingCode } : { code });
          }
          return results;
        };
        const startAt = Date.now() + 200;
        const [theirs, mine] = await Promise.all([child.startAt(startAt), sleepUntil(startAt).then(ours)]);
        const attemptsMade = [...theirs.map((r, i) => ({ ...r, request: theirRequests[i]! })), ...mine.map((r, i) => ({ ...r, request: ourRequests[i]! }))];
        expect(attemptsMade).toHaveLength(2 * attempts);
        expect(attemptsMade.filter((r) => r.code !== 'OK' && r.code !== 'SLOT_FULL').map((r) => r.code)).toEqual([]);
        const made = attemptsMade.filter((r) => r.code === 'OK');
        expect(made).toHaveLength(20);
        expect(new Set(made.map((r) => r.bookingCode)).size).toBe(20);
        expect(await slotAt(store, OPEN, 'C', WEDNESDAY, '10:00')).toMatchObject({ capacity: 20, booked: 20, remaining: 0 });
        const taken = (answers: BookingAttempt[]) => answers.filter((r) => r.code === 'OK').length;
        await annotate(`places taken: ${taken(mine)} by this process, ${taken(theirs)} by the second`);
        // Every confirmed booking is there, whichever process made it.
        for (const r of made) {
          expect(await store.getBooking(r.bookingCode!, r.request.nik.slice(-4), OPEN, 'test')).toMatchObject({ slotId: slot.id, status: 'booked' });
        }
      });
    });

    describe('used proof-of-work challenges', () => {
      const now = OPEN.toMillis();
      const minutes = (n: number) => now + n * 60_000;

      it('spends a challenge signature once: a replay is refused, another signature is not', async () => {
        expect(await store.useChallenge('sig-a', minutes(10), now)).toBe(true);
        expect(await store.useChallenge('sig-a', minutes(10), now)).toBe(false);
        expect(await store.useChallenge('sig-a', minutes(10), minutes(5))).toBe(false);
        expect(await store.useChallenge('sig-b', minutes(10), now)).toBe(true);
      });

      it('refuses a challenge that has expired, and keeps nothing of it', async () => {
        expect(await store.useChallenge('sig-late', now, now)).toBe(false);
        expect(await store.useChallenge('sig-late', minutes(-1), now)).toBe(false);
        // Nothing was stored: the same signature with an expiry ahead is still unspent.
        expect(await store.useChallenge('sig-late', minutes(10), now)).toBe(true);
      });

      it('forgets only the expired ones, in batches', async () => {
        for (let i = 0; i < 7; i++) expect(await store.useChallenge(`old-${i}`, minutes(10), now)).toBe(true);
        expect(await store.useChallenge('young', minutes(30), now)).toBe(true);
        expect(await store.forgetUsedChallenges(minutes(5), 3)).toBe(0);
        expect(await store.forgetUsedChallenges(minutes(20), 3)).toBe(7);
        // The young one is still spent; a forgotten one could be stored again (its challenge has expired, so a real replay is refused by its expiry).
        expect(await store.useChallenge('young', minutes(30), minutes(20))).toBe(false);
        expect(await store.useChallenge('old-0', minutes(40), minutes(20))).toBe(true);
        expect(await store.forgetUsedChallenges(minutes(35))).toBe(1);
      });
    });

    describe('fair booking: one phone, and guessing a code', () => {
      it('holds one phone number to maxActiveBookingsPerPhone active bookings, whatever the NIK; a move does not count itself, a cancel frees one', async () => {
        await store.updateOffice(OFFICE, { maxActiveBookingsPerPhone: 2 }, admin, OPEN);
        // One number, typed two ways: compared normalised.
        const withSharedPhone = (n: number, slotId: number, phone = '0812-9999-0000') => store.bookPlace(OFFICE, { ...bookingOf(n, 'A', slotId), phone }, OPEN);
        const slot = (day: string, time: string) => slotAt(store, OPEN, 'A', day, time);
        const first = await withSharedPhone(1, (await slot(WEDNESDAY, '10:00')).id);
        const second = await withSharedPhone(2, (await slot(WEDNESDAY, '11:00')).id, '+62 812 9999 0000');
        expect(await refusal(async () => withSharedPhone(3, (await slot(THURSDAY, '10:00')).id))).toMatchObject({ code: 'BOOKING_LIMIT', params: { limit: 2 } });
        expect((await slot(THURSDAY, '10:00')).booked).toBe(0);
        expect(await outcome(async () => store.rescheduleBooking(first.code, nik4(1), (await slot(FRIDAY, '10:00')).id, OPEN, 'test'))).toBe('OK');
        expect(await outcome(async () => book(4, 'A', (await slot(THURSDAY, '10:00')).id))).toBe('OK');
        await store.cancelBooking(second.code, nik4(2), OPEN, 'test');
        expect(await outcome(async () => withSharedPhone(3, (await slot(THURSDAY, '11:00')).id))).toBe('OK');
      });

      it('locks a code after five wrong nik4 within 15 minutes, for the right digits too, until the lock ends; tells the holder once and audits without the digits', async () => {
        const mine = await book(1, 'A', (await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00')).id);
        const target = (await slotAt(store, OPEN, 'A', THURSDAY, '10:00')).id;
        const wrong = nik4(1) === '7391' ? '8264' : '7391';
        for (let i = 0; i < 5; i++) expect(await outcome(() => store.getBooking(mine.code, wrong, OPEN.plus({ minutes: i }), `10.0.0.${i}`))).toBe('NOT_FOUND');
        const during = OPEN.plus({ minutes: 10 });
        expect(await outcome(() => store.getBooking(mine.code, nik4(1), during, 'other'))).toBe('TOO_MANY_ATTEMPTS');
        expect(await outcome(() => store.bookingCalendar(mine.code.toLowerCase(), nik4(1), during, 'other'))).toBe('TOO_MANY_ATTEMPTS');
        expect(await outcome(() => store.cancelBooking(mine.code, nik4(1), during, 'other'))).toBe('TOO_MANY_ATTEMPTS');
        expect(await outcome(() => store.rescheduleBooking(mine.code, nik4(1), target, during, 'other'))).toBe('TOO_MANY_ATTEMPTS');
        // The lock runs 15 minutes from the fifth wrong answer (OPEN + 4 minutes).
        expect(await outcome(() => store.getBooking(mine.code, nik4(1), OPEN.plus({ minutes: 18, seconds: 59 }), 'x'))).toBe('TOO_MANY_ATTEMPTS');
        expect(await store.getBooking(mine.code, nik4(1), OPEN.plus({ minutes: 19 }), 'x')).toMatchObject({ code: mine.code, status: 'booked' });
        // The retention job forgets the spent count; a wrong answer then starts a new one.
        await store.eraseExpiredPersonalData(OPEN.plus({ minutes: 19 }), 30);
        expect(await outcome(() => store.getBooking(mine.code, wrong, OPEN.plus({ minutes: 20 }), 'again'))).toBe('NOT_FOUND');

        const messages = (await store.claimDueNotifications(OPEN.plus({ hours: 1 }).toMillis(), 50, 60_000)).filter((m) => m.template === 'code_locked');
        expect(messages.map((m) => m.recipient)).toEqual([`+62${citizen(1).phone.slice(1)}`]);
        const { entries } = await store.readAudit(OFFICE, { from: TUESDAY, to: TUESDAY, limit: 50, offset: 0, kind: 'all' });
        const wrongTries = entries.filter((e) => e.action === 'booking.wrong_nik4');
        expect(wrongTries.map((e) => [e.detail.address, e.detail.failures]).sort()).toEqual([['10.0.0.0', 1], ['10.0.0.1', 2], ['10.0.0.2', 3], ['10.0.0.3', 4], ['10.0.0.4', 5], ['again', 1]]);
        expect(wrongTries.every((e) => e.target === mine.code && e.officeId === OFFICE)).toBe(true);
        expect(JSON.stringify(entries)).not.toContain(wrong);

        // An unknown code is counted the same way.
        for (let i = 0; i < 5; i++) expect(await outcome(() => store.getBooking('NOPE2345', '1234', OPEN, 'y'))).toBe('NOT_FOUND');
        expect(await outcome(() => store.getBooking('nope2345', '1234', OPEN, 'y'))).toBe('TOO_MANY_ATTEMPTS');
      });

      it('decides tries and bookings sent at once exactly: five wrong answers counted, two bookings for one phone', async () => {
        const mine = await book(1, 'A', (await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00')).id);
        const wrong = nik4(1) === '7391' ? '8264' : '7391';
        const answers = await Promise.all(Array.from({ length: 12 }, () => outcome(() => store.getBooking(mine.code, wrong, OPEN, 'z'))));
        expect(answers.filter((a) => a === 'NOT_FOUND')).toHaveLength(5);
        expect(answers.filter((a) => a === 'TOO_MANY_ATTEMPTS')).toHaveLength(7);
        const messages = (await store.claimDueNotifications(OPEN.plus({ hours: 1 }).toMillis(), 50, 60_000)).filter((m) => m.template === 'code_locked');
        expect(messages).toHaveLength(1);

        await store.updateOffice(OFFICE, { maxActiveBookingsPerPhone: 2 }, admin, OPEN);
        const slot = await slotAt(store, OPEN, 'B', THURSDAY, '10:00');
        const booked = await Promise.all(
          Array.from({ length: 6 }, (_, i) => outcome(() => store.bookPlace(OFFICE, { ...bookingOf(20 + i, 'B', slot.id), phone: '081277776666' }, OPEN))),
        );
        expect(booked.filter((a) => a === 'OK')).toHaveLength(2);
        expect(booked.filter((a) => a === 'BOOKING_LIMIT')).toHaveLength(4);
        expect((await slotAt(store, OPEN, 'B', THURSDAY, '10:00')).booked).toBe(2);
      });
    });

    describe('fair booking: confirmation by a code', () => {
      /** A second store on its own database with confirmation on (10 minutes' hold). */
      const withConfirmation = async <T>(fn: (confirming: Store, staff: Actor) => Promise<T>): Promise<T> => {
        const other = await makeStore({ confirmation: { holdMinutes: 10 } });
        try {
          return await fn(other.store, await setUpOffice(other.store, SET_UP_AT));
        } finally {
          await other.dispose();
        }
      };
      const otpSent = async (s: Store, code: string): Promise<string> => {
        const sent = await s.claimDueNotifications(OPEN.plus({ hours: 2 }).toMillis(), 100, 60_000);
        const payloads = sent.filter((m) => m.template === 'booking_otp').map((m) => JSON.parse(m.payload) as { code: string; otp: string });
        return payloads.find((p) => p.code === code)!.otp;
      };

      it("holds a pending booking's place for its hold, confirms it with the code, and expires an unconfirmed one (its place back)", () =>
        withConfirmation(async (s, staff) => {
          const slot = await slotAt(s, OPEN, 'A', WEDNESDAY, '10:00');
          const pending = await s.bookPlace(OFFICE, bookingOf(1, 'A', slot.id), OPEN);
          expect(pending).toMatchObject({ status: 'pending', holdUntil: '2026-11-24T09:40:00.000+07:00' });
          const other = await s.bookPlace(OFFICE, bookingOf(2, 'A', slot.id), OPEN);
          expect((await slotAt(s, OPEN, 'A', WEDNESDAY, '10:00')).booked).toBe(2);
          const otp = await otpSent(s, pending.code);
          const wrong = otp === '123456' ? '654321' : '123456';
          expect(await refusal(() => s.confirmBooking(pending.code, nik4(1), wrong, OPEN, 'a'))).toMatchObject({ code: 'VALIDATION', fields: { otp: { key: 'otp_wrong' } } });
          expect(await s.confirmBooking(pending.code, nik4(1), otp, OPEN.plus({ minutes: 5 }), 'a')).toMatchObject({ status: 'booked' });
          // The other one is never confirmed: after its hold the job expires it and its place returns.
          expect(await s.expirePendingBookings(OPEN.plus({ minutes: 9 }))).toBe(0);
          expect(await s.expirePendingBookings(OPEN.plus({ minutes: 10 }))).toBe(1);
          expect((await slotAt(s, OPEN, 'A', WEDNESDAY, '10:00')).booked).toBe(1);
          expect(await s.getBooking(other.code, nik4(2), OPEN.plus({ minutes: 11 }), 'a')).toMatchObject({ status: 'expired' });
          expect(await outcome(() => s.confirmBooking(other.code, nik4(2), otp, OPEN.plus({ minutes: 11 }), 'a'))).toBe('BOOKING_EXPIRED');
          // Staff bookings are booked at once.
          expect(await s.bookPlace(OFFICE, bookingOf(3, 'A', slot.id), OPEN, staff.userId)).toMatchObject({ status: 'booked' });
        }));

      it('expires each due booking once when two expiry runs and a read race', () =>
        withConfirmation(async (s, staff) => {
          const slot = await slotAt(s, OPEN, 'C', THURSDAY, '10:00');
          // One confirmed booking stays: a place given back twice would show as a count below 1.
          await s.bookPlace(OFFICE, bookingOf(9, 'C', slot.id), OPEN, staff.userId);
          const made = await Promise.all([1, 2, 3, 4].map((n) => s.bookPlace(OFFICE, bookingOf(n, 'C', slot.id), OPEN)));
          const later = OPEN.plus({ minutes: 15 });
          const [a, b, read] = await Promise.all([
            s.expirePendingBookings(later), s.expirePendingBookings(later), s.getBooking(made[0]!.code, nik4(1), later, 'r'),
          ]);
          expect(read.status).toBe('expired');
          expect((await slotAt(s, OPEN, 'C', THURSDAY, '10:00')).booked).toBe(1);
          expect(a + b).toBeGreaterThanOrEqual(3);
          expect(a + b).toBeLessThanOrEqual(4);
          expect(await s.expirePendingBookings(later)).toBe(0);
        }));
    });
  });
};
