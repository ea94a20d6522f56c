/**
 * Model-based test: random sequences of every operation run against the real store on a real
 * SQLite file, and after each step the database is compared with a simple model of PRODUCT.md:
 * no slot over capacity, no ticket called twice at once, unique numbers, and the call order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/domain/errors';
import type { Actor } from '../../server/store/actor';
import { person } from '../support/factories';
import { startServer, type TestServer } from '../support/server';

const ADMIN: Actor = { userId: 1, role: 'admin', officeId: null };
const ZONE = 'Asia/Jakarta';
const TODAY = '2026-11-24';
const TOMORROW = '2026-11-25';
const WALK_IN_EVERY = 3;
const RECALL_LIMIT = 3;
const COUNTERS: Record<number, string[]> = { 1: ['A', 'B'], 2: ['B', 'A'], 3: ['C', 'A'] };

type Op =
  | { kind: 'book'; who: number; slot: number }
  | { kind: 'cancel'; booking: number }
  | { kind: 'checkIn'; booking: number }
  | { kind: 'walkIn'; service: string; priority: boolean }
  | { kind: 'call'; counter: number }
  | { kind: 'step'; ticket: number; action: 'recall' | 'start' | 'complete' | 'no_show' | 'requeue' }
  | { kind: 'transfer'; ticket: number; service: string }
  | { kind: 'closeTomorrow'; service: string | null }
  | { kind: 'capacity'; slot: number; capacity: number }
  | { kind: 'tick'; minutes: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('book' as const), who: fc.nat(5), slot: fc.nat(3) }), weight: 4 },
  fc.record({ kind: fc.constant('cancel' as const), booking: fc.nat(20) }),
  { arbitrary: fc.record({ kind: fc.constant('checkIn' as const), booking: fc.nat(20) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('walkIn' as const), service: fc.constantFrom('A', 'B', 'C'), priority: fc.boolean() }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('call' as const), counter: fc.constantFrom(1, 2, 3) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('step' as const), ticket: fc.nat(30), action: fc.constantFrom('recall', 'start', 'complete', 'no_show', 'requeue') }), weight: 5 },
  fc.record({ kind: fc.constant('transfer' as const), ticket: fc.nat(30), service: fc.constantFrom('A', 'B', 'C') }),
  fc.record({ kind: fc.constant('closeTomorrow' as const), service: fc.constantFrom(null, 'A', 'B') }),
  fc.record({ kind: fc.constant('capacity' as const), slot: fc.nat(3), capacity: fc.nat(4) }),
  fc.record({ kind: fc.constant('tick' as const), minutes: fc.integer({ min: 1, max: 40 }) }),
);

type MSlot = { id: number; service: string; date: string; start: number; end: number; capacity: number };
type MBooking = { code: string; nik4: string; who: number; slot: number; status: 'booked' | 'checked_in' | 'cancelled' };
type MTicket = {
  id: string; number: string; service: string; status: string; priority: boolean; source: 'walkin' | 'booking';
  slotStart: number | null; queuedAt: number; seq: number; counter: number | null; recalls: number;
};

const codeOf = (fn: () => unknown): Promise<string> =>
  Promise.resolve()
    .then(fn)
    .then(() => 'OK', (e) => (e instanceof DomainError ? e.code : Promise.reject(e)));

/** The expected next ticket for a counter, written from PRODUCT.md rule 3. */
const expectedCall = (tickets: MTicket[], counter: number, now: number, streak: number): { id: string; streak: number } | null => {
  const services = COUNTERS[counter]!;
  const waiting = tickets.filter((t) => t.status === 'waiting' && services.includes(t.service));
  const byQueue = (a: MTicket, b: MTicket) => a.queuedAt - b.queuedAt || a.seq - b.seq || a.id.localeCompare(b.id);
  const prio = waiting.filter((t) => t.priority).sort(byQueue)[0];
  if (prio) return { id: prio.id, streak };
  for (const service of services) {
    const mine = waiting.filter((t) => t.service === service && !t.priority);
    const due = mine.filter((t) => t.source === 'booking' && t.slotStart! <= now).sort((a, b) => a.slotStart! - b.slotStart! || byQueue(a, b));
    const walk = mine.filter((t) => t.source === 'walkin').sort(byQueue);
    const early = mine.filter((t) => t.source === 'booking' && t.slotStart! > now).sort((a, b) => a.slotStart! - b.slotStart! || byQueue(a, b));
    if (due[0] && !(walk.length > 0 && streak >= WALK_IN_EVERY)) return { id: due[0].id, streak: streak + 1 };
    const next = walk[0] ?? early[0];
    if (next) return { id: next.id, streak: 0 };
  }
  return null;
};

const runScenario = async (ops: Op[]) => {
  const s: TestServer = await startServer({ listen: false, now: '2026-11-24T07:00:00+07:00' });
  try {
    const { store, ctx, clock } = s;
    ctx.sqlite.prepare('update offices set walk_in_every = ?, recall_limit = ?, room_capacity = null').run(WALK_IN_EVERY, RECALL_LIMIT);
    const pick = (service: string, date: string, start: string) => {
      const row = ctx.sqlite
        .prepare("select s.id, s.start_at, s.end_at from slots s join services v on v.id = s.service_id where v.code = ? and s.date = ? and s.start = ?")
        .get(service, date, start) as { id: number; start_at: number; end_at: number };
      ctx.sqlite.prepare('update slots set capacity = 2 where id = ?').run(row.id);
      return { id: row.id, service, date, start: row.start_at, end: row.end_at, capacity: 2 };
    };
    await store.availability('demo', 'A', TODAY, 2, clock.now());
    await store.availability('demo', 'B', TODAY, 2, clock.now());
    const slots: MSlot[] = [pick('A', TODAY, '09:00'), pick('A', TODAY, '11:00'), pick('A', TOMORROW, '09:00'), pick('B', TOMORROW, '10:00')];
    const closed = new Set<string>(); // `${service}|${date}` or `*|${date}`
    const bookings: MBooking[] = [];
    const tickets: MTicket[] = [];
    const streaks: Record<number, number> = { 1: 0, 2: 0, 3: 0 };
    const current: Record<number, string | null> = { 1: null, 2: null, 3: null };
    const seqs: Record<string, number> = {};
    const nowMs = () => clock.now().toMillis();
    const active = (b: MBooking) => b.status !== 'cancelled';
    const isClosed = (service: string, date: string) => closed.has(`*|${date}`) || closed.has(`${service}|${date}`);
    const openNow = () => {
      const local = clock.now().setZone(ZONE);
      return local.toISODate() === TODAY && local.hour >= 8 && local.hour < 15;
    };

    for (const op of ops) {
      switch (op.kind) {
        case 'book': {
          const slot = slots[op.slot]!;
          const booked = bookings.filter((b) => b.slot === op.slot && active(b)).length;
          const mine = bookings.filter((b) => b.who === op.who && active(b));
          const expected = isClosed(slot.service, slot.date)
            ? 'CLOSED'
            : nowMs() >= slot.start - 30 * 60_000
              ? 'SLOT_NOT_BOOKABLE'
              : booked >= slot.capacity
                ? 'SLOT_FULL'
                : mine.some((b) => slots[b.slot]!.service === slot.service && slots[b.slot]!.date === slot.date)
                  ? 'DUPLICATE_BOOKING'
                  : mine.length >= 3
                    ? 'BOOKING_LIMIT'
                    : 'OK';
          let code = '';
          const got = await codeOf(async () => {
            code = (await store.bookPlace('demo', { service: slot.service, slotId: slot.id, ...person(op.who) }, clock.now())).code;
          });
          expect(got).toBe(expected);
          if (got === 'OK') bookings.push({ code, nik4: person(op.who).nik.slice(-4), who: op.who, slot: op.slot, status: 'booked' });
          break;
        }
        case 'cancel': {
          const b = bookings[op.booking % Math.max(1, bookings.length)];
          if (!b) break;
          const got = await codeOf(() => store.cancelBooking(b.code, b.nik4, clock.now()));
          expect(got).toBe(b.status === 'booked' ? 'OK' : 'INVALID_STATE');
          if (got === 'OK') b.status = 'cancelled';
          break;
        }
        case 'checkIn': {
          const b = bookings[op.booking % Math.max(1, bookings.length)];
          if (!b) break;
          const slot = slots[b.slot]!;
          const expected =
            b.status === 'cancelled' ? 'BOOKING_CANCELLED'
            : b.status === 'checked_in' ? 'ALREADY_CHECKED_IN'
            : slot.date !== TODAY ? 'WRONG_DAY'
            : nowMs() < slot.start - 30 * 60_000 || nowMs() > slot.end ? 'OUTSIDE_WINDOW'
            : 'OK';
          let ticket: { id: string; number: string } | undefined;
          const got = await codeOf(async () => (ticket = await store.checkIn('demo', b.code, clock.now())));
          expect(got).toBe(expected);
          if (got === 'OK') {
            b.status = 'checked_in';
            seqs[slot.service] = (seqs[slot.service] ?? 0) + 1;
            tickets.push({ id: ticket!.id, number: ticket!.number, service: slot.service, status: 'waiting', priority: false, source: 'booking', slotStart: slot.start, queuedAt: nowMs(), seq: seqs[slot.service]!, counter: null, recalls: 0 });
          }
          break;
        }
        case 'walkIn': {
          let ticket: { id: string; number: string } | undefined;
          const got = await codeOf(async () => (ticket = await store.issueWalkIn('demo', { service: op.service, priority: op.priority ? 'elderly' : null }, clock.now())));
          expect(got).toBe(openNow() ? 'OK' : 'CLOSED');
          if (got === 'OK') {
            seqs[op.service] = (seqs[op.service] ?? 0) + 1;
            expect(ticket!.number).toBe(`${op.service}${String(seqs[op.service]).padStart(3, '0')}`);
            tickets.push({ id: ticket!.id, number: ticket!.number, service: op.service, status: 'waiting', priority: op.priority, source: 'walkin', slotStart: null, queuedAt: nowMs(), seq: seqs[op.service]!, counter: null, recalls: 0 });
          }
          break;
        }
        case 'call': {
          const busy = current[op.counter] && ['called', 'serving'].includes(tickets.find((t) => t.id === current[op.counter])!.status);
          const expected = busy ? null : expectedCall(tickets, op.counter, nowMs(), streaks[op.counter]!);
          let called: { id: string } | null = null;
          const got = await codeOf(async () => (called = await store.callNext(op.counter, ADMIN, clock.now())));
          if (busy) {
            expect(got).toBe('COUNTER_BUSY');
            break;
          }
          expect(got).toBe('OK');
          expect((called as { id: string } | null)?.id ?? null).toBe(expected?.id ?? null);
          if (expected) {
            const t = tickets.find((x) => x.id === expected.id)!;
            Object.assign(t, { status: 'called', counter: op.counter, recalls: 0 });
            streaks[op.counter] = expected.streak;
            current[op.counter] = t.id;
          }
          break;
        }
        case 'step':
        case 'transfer': {
          const t = tickets[op.ticket % Math.max(1, tickets.length)];
          if (!t) break;
          const action = op.kind === 'transfer' ? 'transfer' : op.action;
          const allowed: Record<string, string[]> = {
            recall: ['called'], start: ['called'], complete: ['serving'], no_show: ['called'], requeue: ['no_show'], transfer: ['waiting', 'called', 'serving'],
          };
          const got = await codeOf(() => store.stepTicket(t.id, action, ADMIN, clock.now(), op.kind === 'transfer' ? { service: op.service } : {}));
          expect(got).toBe(allowed[action]!.includes(t.status) ? 'OK' : 'INVALID_STATE');
          if (got !== 'OK') break;
          const release = () => {
            if (t.counter !== null && current[t.counter] === t.id) current[t.counter] = null;
          };
          if (action === 'recall') {
            if (t.recalls >= RECALL_LIMIT) {
              t.status = 'no_show';
              release();
            } else t.recalls++;
          } else if (action === 'start') t.status = 'serving';
          else if (action === 'complete' || action === 'no_show') {
            t.status = action === 'complete' ? 'done' : 'no_show';
            release();
          } else if (action === 'requeue') Object.assign(t, { status: 'waiting', queuedAt: nowMs(), counter: null, recalls: 0 });
          else if (op.kind === 'transfer') {
            release();
            Object.assign(t, { status: 'waiting', service: op.service, counter: null, recalls: 0 });
          }
          break;
        }
        case 'closeTomorrow': {
          await store.createClosure('demo', { from: TOMORROW, to: TOMORROW, reason: 'Penutupan uji', action: 'cancel', ...(op.service ? { service: op.service } : {}) }, ADMIN, clock.now());
          closed.add(`${op.service ?? '*'}|${TOMORROW}`);
          for (const b of bookings) {
            const slot = slots[b.slot]!;
            if (b.status === 'booked' && slot.date === TOMORROW && (op.service === null || slot.service === op.service)) b.status = 'cancelled';
          }
          break;
        }
        case 'capacity': {
          const slot = slots[op.slot]!;
          const booked = bookings.filter((b) => b.slot === op.slot && active(b)).length;
          const got = await codeOf(() => store.setSlotCapacity(slot.id, op.capacity, ADMIN, clock.now()));
          expect(got).toBe(op.capacity < booked ? 'CAPACITY_BELOW_BOOKED' : 'OK');
          if (got === 'OK') slot.capacity = op.capacity;
          break;
        }
        case 'tick':
          clock.advance({ minutes: op.minutes });
          break;
      }

      // Invariants, read from the database itself.
      const overfull = ctx.sqlite
        .prepare("select s.id from slots s where s.booked > s.capacity or s.booked <> (select count(*) from bookings b where b.slot_id = s.id and b.status <> 'cancelled')")
        .all();
      expect(overfull).toEqual([]);
      const doubleCalled = ctx.sqlite
        .prepare("select counter_id from tickets where status in ('called','serving') group by counter_id having count(*) > 1")
        .all();
      expect(doubleCalled).toEqual([]);
      const dupNumbers = ctx.sqlite.prepare('select number from tickets group by office_id, date, number having count(*) > 1').all();
      expect(dupNumbers).toEqual([]);
      const rows = ctx.sqlite.prepare('select id, status, counter_id from tickets').all() as { id: string; status: string; counter_id: number | null }[];
      for (const t of tickets) expect(rows.find((r) => r.id === t.id)?.status).toBe(t.status);
      for (const b of bookings) {
        const row = ctx.sqlite.prepare('select status from bookings where code = ?').get(b.code) as { status: string };
        expect(row.status).toBe(b.status);
      }
    }
  } finally {
    await s.stop();
  }
};

describe('the store against a model of PRODUCT.md', () => {
  it('keeps capacity, numbering, ticket states and call order right for any sequence of operations', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Start with a burst of bookings before the office opens, then anything.
        fc.array(opArb, { minLength: 20, maxLength: 60 }),
        async (ops) => runScenario([{ kind: 'tick', minutes: 60 }, ...ops]),
      ),
      { numRuns: Number(process.env.MODEL_RUNS ?? 40) },
    );
  }, 300_000);
});
