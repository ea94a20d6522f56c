/**
 * Model-based test: random sequences of operations, under random call and recall settings, run
 * through the `Store` interface (the SQLite engine on a real file). Every answer is compared
 * with a small model of PRODUCT.md written here, and so is what the store shows afterwards
 * (availability, bookings, tickets, counters): capacity, the per-NIK rules, ticket numbers, the
 * ticket life and the call order. The model shares no code with `server/`: its call order is
 * its own reading of rule 3, a ranking rather than the domain's queue walk.
 */
import fc from 'fast-check';
import type { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../server/store/records';
import type { Store } from '../../server/store/store';
import { at, bookingOf, counterId, nik4, OFFICE, officeSetup, outcome, setUpOffice, slotAt, TUESDAY, WEDNESDAY } from '../contract/contractOffice';
import { makeSqliteStore } from '../contract/sqliteEngine';

/** The office's call and recall settings, drawn for each run. */
type Rules = { walkInEvery: number; recallLimit: number; roomCapacity: number | null };
const rulesArb: fc.Arbitrary<Rules> = fc.record({
  walkInEvery: fc.integer({ min: 1, max: 3 }),
  recallLimit: fc.integer({ min: 1, max: 3 }),
  // The room (PRODUCT.md rule 8): none, or a small one that fills.
  roomCapacity: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
});
const NIK_LIMIT = 3;
const CUTOFF_MINUTES = 30;
const CHECK_IN_EARLY_MINUTES = 30;
/** Counter name → the services it serves, in its order. */
const COUNTERS: Record<string, string[]> = { '1': ['A', 'B'], '2': ['B', 'A'], '3': ['C', 'A'] };
const COUNTER_NAMES = Object.keys(COUNTERS);
const SLOT_CAPACITY = 4;
/** The slots the operations book: [service, date, start]. Today's begin while tickets are called. */
const SLOTS = [
  ['A', TUESDAY, '09:00'], ['A', TUESDAY, '10:00'], ['B', TUESDAY, '09:00'], ['A', WEDNESDAY, '09:00'], ['B', WEDNESDAY, '10:00'],
] as const;
const PEOPLE = 10;
/** The model covers one day of tickets: the clock stops short of midnight. */
const LAST_INSTANT = at(`${TUESDAY}T23:00`);

type Op =
  | { kind: 'book'; who: number; slot: number }
  | { kind: 'cancel'; booking: number }
  /** `today`: one of today's bookings not yet checked in (most check-ins at a kiosk are), else any booking. */
  | { kind: 'checkIn'; booking: number; today: boolean }
  | { kind: 'walkIn'; service: string; priority: boolean }
  /** `finishFirst`: the counter first completes the ticket it has, as staff do before calling the next. */
  | { kind: 'call'; counter: string; finishFirst: boolean }
  | { kind: 'step'; ticket: number; action: 'recall' | 'start' | 'complete' | 'no_show' | 'requeue' }
  | { kind: 'transfer'; ticket: number; service: string }
  | { kind: 'closeTomorrow'; service: string | null }
  | { kind: 'capacity'; slot: number; capacity: number }
  | { kind: 'tick'; minutes: number };

/** True one time in four. */
const rarely = fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 });
/** True three times in four. */
const usually = fc.oneof({ arbitrary: fc.constant(false), weight: 1 }, { arbitrary: fc.constant(true), weight: 3 });
/** Mostly the services that are also booked, so that walk-ins and bookings meet in one queue. */
const walkInService = fc.oneof({ arbitrary: fc.constant('A'), weight: 3 }, { arbitrary: fc.constant('B'), weight: 2 }, { arbitrary: fc.constant('C'), weight: 1 });

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('book' as const), who: fc.nat(PEOPLE - 1), slot: fc.nat(SLOTS.length - 1) }), weight: 3 },
  fc.record({ kind: fc.constant('cancel' as const), booking: fc.nat(20) }),
  { arbitrary: fc.record({ kind: fc.constant('checkIn' as const), booking: fc.nat(20), today: fc.boolean() }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('walkIn' as const), service: walkInService, priority: rarely }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('call' as const), counter: fc.constantFrom(...COUNTER_NAMES), finishFirst: usually }), weight: 8 },
  { arbitrary: fc.record({ kind: fc.constant('step' as const), ticket: fc.nat(30), action: fc.constantFrom('recall', 'start', 'complete', 'no_show', 'requeue') }), weight: 4 },
  fc.record({ kind: fc.constant('transfer' as const), ticket: fc.nat(30), service: fc.constantFrom('A', 'B', 'C') }),
  fc.record({ kind: fc.constant('closeTomorrow' as const), service: fc.constantFrom(null, 'A', 'B') }),
  fc.record({ kind: fc.constant('capacity' as const), slot: fc.nat(SLOTS.length - 1), capacity: fc.nat(5) }),
  { arbitrary: fc.record({ kind: fc.constant('tick' as const), minutes: fc.integer({ min: 1, max: 30 }) }), weight: 2 },
);
const bookingArb: fc.Arbitrary<Op> = fc.record({ kind: fc.constant('book' as const), who: fc.nat(PEOPLE - 1), slot: fc.nat(SLOTS.length - 1) });

type ModelSlot = { id: number; service: string; date: string; startMs: number; endMs: number; capacity: number };
type ModelBooking = { code: string; who: number; slot: number; status: 'booked' | 'checked_in' | 'cancelled' };
type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show';
type ModelTicket = {
  id: string;
  service: string;
  status: TicketStatus;
  priority: boolean;
  source: 'walkin' | 'booking';
  slotStartMs: number | null;
  /** The ticket's place in the order of joining the queue (issue, check-in, requeue); a transfer keeps it. */
  joined: number;
  counter: string | null;
  recalls: number;
};

/** A rank compared element by element: the smaller calls first. */
type Rank = number[];
const before = (a: Rank, b: Rank): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
};

/**
 * Rule 3 as a ranking of the waiting tickets a counter serves. Priority visitors come first,
 * in the order they joined. Everyone else is ranked by the counter's order of services, then
 * within a service: checked-in bookings whose slot has begun (earliest slot first), walk-ins in
 * the order they came, bookings whose slot has not begun; except that once `walkInEvery`
 * begun bookings in a row have been called at this counter, a waiting walk-in goes first.
 * Returns the ticket to call and whether it counts towards that run of bookings.
 */
const modelNextCall = (waiting: ModelTicket[], services: string[], nowMs: number, bookingRun: number, walkInEvery: number) => {
  const served = waiting.filter((t) => services.includes(t.service));
  const walkInsWaiting = new Set(served.filter((t) => !t.priority && t.source === 'walkin').map((t) => t.service));
  const rank = (t: ModelTicket): { rank: Rank; begunBooking: boolean } => {
    if (t.priority) return { rank: [0, 0, 0, 0, t.joined], begunBooking: false };
    const begun = t.source === 'booking' && t.slotStartMs! <= nowMs;
    const walkInsTurn = bookingRun >= walkInEvery && walkInsWaiting.has(t.service);
    const kind = begun ? (walkInsTurn ? 1 : 0) : t.source === 'walkin' ? (walkInsTurn ? 0 : 1) : 2;
    return { rank: [1, services.indexOf(t.service), kind, t.slotStartMs ?? 0, t.joined], begunBooking: begun };
  };
  let best: { ticket: ModelTicket; rank: Rank; begunBooking: boolean } | null = null;
  for (const ticket of served) {
    const r = rank(ticket);
    if (!best || before(r.rank, best.rank)) best = { ticket, ...r };
  }
  if (!best) return null;
  const nextRun = best.ticket.priority ? bookingRun : best.begunBooking ? bookingRun + 1 : 0;
  return { ticket: best.ticket, bookingRun: nextRun };
};

/** Which step each state allows (PRODUCT.md's ticket life). */
const ALLOWED: Record<string, TicketStatus[]> = {
  recall: ['called'], start: ['called'], complete: ['serving'], no_show: ['called'], requeue: ['no_show'], transfer: ['waiting', 'called', 'serving'],
};

const runScenario = async (rules: Rules, ops: Op[]) => {
  const subject = await makeSqliteStore();
  const store: Store = subject.store;
  try {
    let now: DateTime = at(`${TUESDAY}T07:00`);
    const setup = { ...officeSetup(), counters: COUNTER_NAMES.map((name) => ({ name, services: COUNTERS[name]! })) };
    const admin: Actor = await setUpOffice(store, now, {
      setup,
      // Each person books with a phone of their own: the per-phone limit, set as high, never binds before the per-NIK one.
      settings: { ...rules, maxActiveBookingsPerNik: NIK_LIMIT, maxActiveBookingsPerPhone: NIK_LIMIT, bookingCutoffMinutes: CUTOFF_MINUTES, checkInEarlyMinutes: CHECK_IN_EARLY_MINUTES },
    });
    const counterIds: Record<string, number> = {};
    for (const name of COUNTER_NAMES) counterIds[name] = await counterId(store, now, name);
    const slots: ModelSlot[] = [];
    for (const [service, date, start] of SLOTS) {
      const found = await slotAt(store, now, service, date, start);
      await store.setSlotCapacity(found.id, SLOT_CAPACITY, admin, now);
      const startMs = at(`${date}T${start}`).toMillis();
      slots.push({ id: found.id, service, date, startMs, endMs: startMs + 60 * 60_000, capacity: SLOT_CAPACITY });
    }

    const closed = new Set<string>(); // `${service}|${date}`, or `*|${date}` for the whole office
    const bookings: ModelBooking[] = [];
    const tickets: ModelTicket[] = [];
    const bookingRuns: Record<string, number> = Object.fromEntries(COUNTER_NAMES.map((n) => [n, 0]));
    const atCounter: Record<string, string | null> = Object.fromEntries(COUNTER_NAMES.map((n) => [n, null]));
    const lastNumber: Record<string, number> = {};
    let joined = 0;

    const nowMs = () => now.toMillis();
    const active = (b: ModelBooking) => b.status !== 'cancelled';
    const isClosed = (service: string, date: string) => closed.has(`*|${date}`) || closed.has(`${service}|${date}`);
    const openNow = () => {
      const local = now.setZone('Asia/Jakarta');
      return local.toISODate() === TUESDAY && local.hour >= 8 && local.hour < 15;
    };
    const expectNumber = (number: string, service: string) => {
      lastNumber[service] = (lastNumber[service] ?? 0) + 1;
      expect(number).toBe(`${service}${String(lastNumber[service]).padStart(3, '0')}`);
    };
    const leaveCounter = (t: ModelTicket) => {
      if (t.counter !== null && atCounter[t.counter] === t.id) atCounter[t.counter] = null;
    };
    const pick = <T,>(list: T[], n: number): T | undefined => list[n % Math.max(1, list.length)];

    /** The store's slots and bookings against the model's. */
    const compareBookings = async () => {
      const days = {
        A: await store.availability(OFFICE, 'A', TUESDAY, 2, now),
        B: await store.availability(OFFICE, 'B', TUESDAY, 2, now),
      };
      for (const [i, slot] of slots.entries()) {
        const day = days[slot.service as 'A' | 'B'].find((d) => d.date === slot.date)!;
        const booked = bookings.filter((b) => b.slot === i && active(b)).length;
        expect(day.closed).toBe(isClosed(slot.service, slot.date));
        if (day.closed) continue;
        const shown = day.slots.find((x) => x.id === slot.id);
        // A slot with no places and nobody booked is not offered at all.
        if (!shown) {
          expect({ capacity: slot.capacity, booked }).toEqual({ capacity: 0, booked: 0 });
          continue;
        }
        expect(shown.booked).toBeLessThanOrEqual(shown.capacity);
        expect({ capacity: shown.capacity, booked: shown.booked, remaining: shown.remaining }).toEqual({ capacity: slot.capacity, booked, remaining: slot.capacity - booked });
      }
      for (const b of bookings) {
        expect(await store.getBooking(b.code, nik4(b.who), now, 'test')).toMatchObject({ status: b.status, slotId: slots[b.slot]!.id });
      }
    };
    /**
     * The room (issue 14, item 3): never more waiting inside than the places the visitors at the
     * counters leave; nobody told to wait outside while a place is free; no room, nobody outside.
     */
    const checkRoom = async () => {
      const staff = await store.staffState(OFFICE, now);
      const atCounters = tickets.filter((t) => t.status === 'called' || t.status === 'serving').length;
      const inside = staff.waiting.filter((w) => !w.waitOutside).length;
      const outside = staff.waiting.length - inside;
      if (rules.roomCapacity === null) {
        expect(outside).toBe(0);
        return;
      }
      const free = Math.max(0, rules.roomCapacity - atCounters);
      expect(inside).toBeLessThanOrEqual(free);
      if (outside > 0) expect(inside).toBe(free);
      for (const t of tickets.filter((x) => x.status === 'waiting')) {
        const shown = await store.publicTicket(t.id, now);
        expect(shown?.waitOutside).toBe(staff.waiting.find((w) => w.id === t.id)?.waitOutside);
      }
    };
    /** The store's tickets and counters against the model's. */
    const compareTickets = async () => {
      for (const t of tickets) {
        expect(await store.publicTicket(t.id, now)).toMatchObject({ status: t.status, service: t.service });
      }
      const counters = await store.listCounters(OFFICE, now);
      for (const name of COUNTER_NAMES) {
        expect(counters.find((c) => c.name === name)?.current?.id ?? null).toBe(atCounter[name]);
      }
    };
    /** Starts (if need be) and completes the ticket at a counter, if it has one. */
    const finish = async (counter: string) => {
      const t = tickets.find((x) => x.id === atCounter[counter]);
      if (!t) return;
      if (t.status === 'called') {
        expect(await outcome(() => store.stepTicket(t.id, 'start', admin, now))).toBe('OK');
        t.status = 'serving';
      }
      expect(await outcome(() => store.stepTicket(t.id, 'complete', admin, now))).toBe('OK');
      t.status = 'done';
      leaveCounter(t);
    };
    const call = async (counter: string) => {
      const busy = atCounter[counter] !== null;
      const expected = busy ? null : modelNextCall(tickets.filter((t) => t.status === 'waiting'), COUNTERS[counter]!, nowMs(), bookingRuns[counter]!, rules.walkInEvery);
      let calledId: string | null = null;
      const got = await outcome(async () => (calledId = (await store.callNext(counterIds[counter]!, admin, now))?.ticket.id ?? null));
      if (busy) {
        expect(got).toBe('COUNTER_BUSY');
        return;
      }
      expect(got).toBe('OK');
      expect(calledId).toBe(expected?.ticket.id ?? null);
      if (expected) {
        Object.assign(expected.ticket, { status: 'called', counter, recalls: 0 });
        bookingRuns[counter] = expected.bookingRun;
        atCounter[counter] = expected.ticket.id;
      }
    };

    for (const op of ops) {
      // No two operations share an instant, as at a real office: "the order they came" is unambiguous.
      now = now.plus({ seconds: 1 });
      switch (op.kind) {
        case 'book': {
          const slot = slots[op.slot]!;
          const booked = bookings.filter((b) => b.slot === op.slot && active(b)).length;
          const mine = bookings.filter((b) => b.who === op.who && active(b));
          const expected = isClosed(slot.service, slot.date)
            ? 'CLOSED'
            : nowMs() >= slot.startMs - CUTOFF_MINUTES * 60_000
              ? 'SLOT_NOT_BOOKABLE'
              : booked >= slot.capacity
                ? 'SLOT_FULL'
                : mine.some((b) => slots[b.slot]!.service === slot.service && slots[b.slot]!.date === slot.date)
                  ? 'DUPLICATE_BOOKING'
                  : mine.length >= NIK_LIMIT
                    ? 'BOOKING_LIMIT'
                    : 'OK';
          let code = '';
          const got = await outcome(async () => (code = (await store.bookPlace(OFFICE, bookingOf(op.who, slot.service, slot.id), now)).code));
          expect(got).toBe(expected);
          if (got === 'OK') bookings.push({ code, who: op.who, slot: op.slot, status: 'booked' });
          break;
        }
        case 'cancel': {
          const b = pick(bookings, op.booking);
          if (!b) break;
          const got = await outcome(() => store.cancelBooking(b.code, nik4(b.who), now, 'test'));
          expect(got).toBe(b.status === 'booked' ? 'OK' : 'INVALID_STATE');
          if (got === 'OK') b.status = 'cancelled';
          break;
        }
        case 'checkIn': {
          const b = pick(op.today ? bookings.filter((x) => x.status === 'booked' && slots[x.slot]!.date === TUESDAY) : bookings, op.booking);
          if (!b) break;
          const slot = slots[b.slot]!;
          const expected =
            b.status === 'cancelled' ? 'BOOKING_CANCELLED'
            : b.status === 'checked_in' ? 'ALREADY_CHECKED_IN'
            : slot.date !== TUESDAY ? 'WRONG_DAY'
            : nowMs() < slot.startMs - CHECK_IN_EARLY_MINUTES * 60_000 || nowMs() > slot.endMs ? 'OUTSIDE_WINDOW'
            : 'OK';
          let issued: { id: string; number: string } | undefined;
          const got = await outcome(async () => (issued = await store.checkIn(OFFICE, b.code, now)));
          expect(got).toBe(expected);
          if (got === 'OK') {
            b.status = 'checked_in';
            expectNumber(issued!.number, slot.service);
            tickets.push({
              id: issued!.id, service: slot.service, status: 'waiting', priority: false, source: 'booking', slotStartMs: slot.startMs, joined: joined++, counter: null, recalls: 0,
            });
          }
          break;
        }
        case 'walkIn': {
          let issued: { id: string; number: string } | undefined;
          const got = await outcome(async () => (issued = await store.issueWalkIn(OFFICE, { service: op.service, priority: op.priority ? 'elderly' : null }, now)));
          expect(got).toBe(openNow() ? 'OK' : 'CLOSED');
          if (got === 'OK') {
            expectNumber(issued!.number, op.service);
            tickets.push({
              id: issued!.id, service: op.service, status: 'waiting', priority: op.priority, source: 'walkin', slotStartMs: null, joined: joined++, counter: null, recalls: 0,
            });
          }
          break;
        }
        case 'call':
          if (op.finishFirst) await finish(op.counter);
          await call(op.counter);
          break;
        case 'step':
        case 'transfer': {
          const t = pick(tickets, op.ticket);
          if (!t) break;
          const action = op.kind === 'transfer' ? 'transfer' : op.action;
          const got = await outcome(() => store.stepTicket(t.id, action, admin, now, op.kind === 'transfer' ? { service: op.service } : {}));
          expect(got).toBe(ALLOWED[action]!.includes(t.status) ? 'OK' : 'INVALID_STATE');
          if (got !== 'OK') break;
          if (action === 'recall') {
            if (t.recalls < rules.recallLimit) t.recalls++;
            else {
              t.status = 'no_show';
              leaveCounter(t);
            }
          } else if (action === 'start') t.status = 'serving';
          else if (action === 'complete' || action === 'no_show') {
            t.status = action === 'complete' ? 'done' : 'no_show';
            leaveCounter(t);
          } else if (action === 'requeue') Object.assign(t, { status: 'waiting', joined: joined++, counter: null, recalls: 0 });
          else if (op.kind === 'transfer') {
            leaveCounter(t);
            Object.assign(t, { status: 'waiting', service: op.service, counter: null, recalls: 0 });
          }
          break;
        }
        case 'closeTomorrow': {
          const input = { from: WEDNESDAY, to: WEDNESDAY, reason: 'Penutupan uji', action: 'cancel' as const, ...(op.service ? { service: op.service } : {}) };
          const result = await store.createClosure(OFFICE, input, admin, now);
          closed.add(`${op.service ?? '*'}|${WEDNESDAY}`);
          const affected = bookings.filter((b) => b.status === 'booked' && slots[b.slot]!.date === WEDNESDAY && (op.service === null || slots[b.slot]!.service === op.service));
          expect(result).toMatchObject({ affectedBookings: affected.length, cancelled: affected.length, moved: 0 });
          for (const b of affected) b.status = 'cancelled';
          break;
        }
        case 'capacity': {
          const slot = slots[op.slot]!;
          const booked = bookings.filter((b) => b.slot === op.slot && active(b)).length;
          const got = await outcome(() => store.setSlotCapacity(slot.id, op.capacity, admin, now));
          expect(got).toBe(op.capacity < booked ? 'CAPACITY_BELOW_BOOKED' : 'OK');
          if (got === 'OK') slot.capacity = op.capacity;
          break;
        }
        case 'tick': {
          const later = now.plus({ minutes: op.minutes });
          now = later < LAST_INSTANT ? later : LAST_INSTANT;
          break;
        }
      }

      // Availability and bookings are read after the operations that change them (reading
      // availability is the slow part of a step), tickets and counters after every step.
      if (['book', 'cancel', 'checkIn', 'closeTomorrow', 'capacity'].includes(op.kind)) await compareBookings();
      await compareTickets();
      await checkRoom();
    }
    await compareBookings();
  } finally {
    await subject.dispose();
  }
};

describe('the store against a model of PRODUCT.md', () => {
  it('keeps capacity, numbering, ticket states and call order right for any sequence of operations', async () => {
    await fc.assert(
      fc.asyncProperty(
        rulesArb,
        // A burst of bookings at 07:00, then anything from 09:05, when the 09:00 slots have begun.
        fc.array(bookingArb, { minLength: 6, maxLength: 24 }),
        fc.array(opArb, { minLength: 40, maxLength: 100 }),
        async (rules, burst, ops) => runScenario(rules, [...burst, { kind: 'tick', minutes: 125 }, ...ops]),
      ),
      { numRuns: Number(process.env.MODEL_RUNS ?? 20) },
    );
  }, 120_000);
});
