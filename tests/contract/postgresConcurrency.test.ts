/**
 * The PostgreSQL engine's booking guarantees under real concurrency inside one process: many
 * bookings at once on one store (a pool of 10 connections, so many transactions overlap), where
 * only the database's locks and compare-and-set keep the rules.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/store/records';
import { createPostgresStore } from '../../server/store/postgres/index';
import type { Store } from '../../server/store/store';
import type { BookingView } from '../../shared/types';
import { at, bookingOf, citizen, nik4, OFFICE, outcome, setUpOffice, slotAt, THURSDAY, TUESDAY, WEDNESDAY } from './contractOffice';
import { freshDatabase } from './postgresEngine';

const SET_UP_AT = at('2026-11-24T07:00');
const OPEN = at('2026-11-24T09:30');

const openOn = (url: string, poolSize: number): Promise<Store> =>
  createPostgresStore({ connectionString: url, nikSecret: 'concurrency-test-nik-secret', notifyChannel: 'log', poolSize });

/**
 * Opens the pool's ten connections (and prepares their statements) with refused bookings, so that
 * the attempts under test start together rather than one by one as connections open.
 */
const warmUp = async (store: Store, slotId: number): Promise<void> => {
  const codes = await Promise.all(Array.from({ length: 10 }, () => outcome(() => store.bookPlace(OFFICE, { ...citizen(0), nik: '0', service: 'A', slotId }, OPEN))));
  expect(new Set(codes)).toEqual(new Set(['VALIDATION']));
};

/** How many times each outcome came back. */
const tally = (codes: string[]): Record<string, number> => codes.reduce<Record<string, number>>((n, c) => ({ ...n, [c]: (n[c] ?? 0) + 1 }), {});

describe('the postgres store under concurrent bookings', () => {
  let database: { url: string; drop: () => Promise<void> };
  let store: Store;
  let admin: Actor;

  beforeEach(async () => {
    database = await freshDatabase();
    // One store with the production pool of 10 connections (the contract's stores have 5).
    store = await openOn(database.url, 10);
    admin = await setUpOffice(store, SET_UP_AT);
  }, 30_000);
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('takes exactly the capacity of a slot when 200 people book it at once, and SLOT_FULL for the rest', async () => {
    const slot = await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00');
    await store.setSlotCapacity(slot.id, 5, admin, OPEN);
    await warmUp(store, slot.id);
    const codes = await Promise.all(Array.from({ length: 200 }, (_, i) => outcome(() => store.bookPlace(OFFICE, bookingOf(1000 + i, 'A', slot.id), OPEN))));
    expect(tally(codes)).toEqual({ OK: 5, SLOT_FULL: 195 });
    expect(await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00')).toMatchObject({ capacity: 5, booked: 5, remaining: 0 });
  }, 60_000);

  it('gives one NIK one booking of a service on a day when it books 20 slots of that day at once', async () => {
    // Thursday: twenty 20-minute slots of service C.
    const daySlots = Array.from({ length: 20 }, (_, i) => {
      const time = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      return { start: time(8 * 60 + 20 * i), end: time(8 * 60 + 20 * (i + 1)), capacity: 20 };
    });
    await store.setOverride(OFFICE, 'C', THURSDAY, daySlots, admin, OPEN);
    const [day] = await store.availability(OFFICE, 'C', THURSDAY, 1, OPEN);
    expect(day!.slots).toHaveLength(20);
    await warmUp(store, (await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00')).id);
    const codes = await Promise.all(day!.slots.map((slot) => outcome(() => store.bookPlace(OFFICE, { ...citizen(7), service: 'C', slotId: slot.id }, OPEN))));
    expect(tally(codes)).toEqual({ OK: 1, DUPLICATE_BOOKING: 19 });
    const [after] = await store.availability(OFFICE, 'C', THURSDAY, 1, OPEN);
    expect(after!.slots.reduce((sum, s) => sum + s.booked, 0)).toBe(1);
  }, 60_000);

  it('leaves no booking on a day a closure closes while people are booking it', async () => {
    const slots = (await store.availability(OFFICE, 'C', WEDNESDAY, 1, OPEN))[0]!.slots;
    await warmUp(store, (await slotAt(store, OPEN, 'A', WEDNESDAY, '10:00')).id);
    const adminStore = await openOn(database.url, 1);
    const made: { view: BookingView; n: number }[] = [];
    const book = async (n: number) => made.push({ view: await store.bookPlace(OFFICE, bookingOf(n, 'C', slots[n % slots.length]!.id), OPEN), n });
    const bookings = Array.from({ length: 60 }, (_, i) => outcome(() => book(3000 + i)));
    // The closure comes in the middle of the bookings, from another store on the database (as
    // from another process: in this one it would wait for a connection behind the bookings).
    // It starts once the first bookings are in (not after a fixed delay: a loaded machine may be slower to start them).
    const firstBookingsIn = async () => {
      while (made.length < 3) await new Promise((resolve) => setTimeout(resolve, 1));
    };
    const closure = firstBookingsIn()
      .then(() => adminStore.createClosure(OFFICE, { from: WEDNESDAY, to: WEDNESDAY, service: 'C', reason: 'Listrik padam', action: 'cancel' }, admin, OPEN))
      .finally(() => adminStore.close());
    const [codes, result] = await Promise.all([Promise.all(bookings), closure]);
    expect(codes.filter((c) => c !== 'OK' && c !== 'CLOSED')).toEqual([]);
    // Every booking made is cancelled: those made before the closure by it, none after it.
    expect(result.affectedBookings).toBe(made.length);
    expect(made.length).toBeGreaterThan(0);
    for (const { view, n } of made) expect((await store.getBooking(view.code, nik4(n), OPEN, 'test')).status).toBe('cancelled');
    await store.endClosure(OFFICE, result.id, TUESDAY, admin, OPEN);
    const after = (await store.availability(OFFICE, 'C', WEDNESDAY, 1, OPEN))[0]!.slots;
    expect(after.reduce((sum, s) => sum + s.booked, 0)).toBe(0);
  }, 60_000);
});
