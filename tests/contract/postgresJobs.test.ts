/**
 * The PostgreSQL engine's jobs where several processes share one database: two stores on their
 * own pools (as two processes would) claim the outbox and queue reminders at the same time; and
 * its reports say what the SQLite engine's say for the same day of operations.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { NotificationRecord } from '../../server/store/records';
import type { Store } from '../../server/store/store';
import { at, bookingOf, counterId, nik4, OFFICE, setUpOffice, slotAt, THURSDAY, TUESDAY, WEDNESDAY } from './contractOffice';
import { freshDatabase, makePostgresStore, openStore } from './postgresEngine';
import { makeSqliteStore } from './sqliteEngine';

const SET_UP_AT = at('2026-11-24T07:00');
const OPEN = at('2026-11-24T09:30');
const NIK_SECRET = 'contract-test-nik-secret';

describe('two postgres stores on one database', () => {
  let url: string;
  let drop: () => Promise<void>;
  let first: Store;
  let second: Store;
  let client: pg.Client;

  beforeEach(async () => {
    ({ url, drop } = await freshDatabase());
    first = await openStore({ connectionString: url, nikSecret: NIK_SECRET });
    second = await openStore({ connectionString: url, nikSecret: NIK_SECRET });
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  afterEach(async () => {
    await client.end();
    await first.close();
    await second.close();
    await drop();
  });

  /** Due messages written straight into the outbox (no booking needed); returns their ids. */
  const addMessages = async (count: number, dueAt: number): Promise<number[]> =>
    (
      await client.query<{ id: number }>(
        `INSERT INTO notifications (office_id, channel, recipient, template, payload, next_attempt_at, created_at)
         SELECT 'kota', 'log', '+62812' || lpad(n::text, 8, '0'), 'booking_confirmed', '{}', $1, $1 FROM generate_series(1, $2) AS n RETURNING id`,
        [dueAt, count],
      )
    ).rows.map((r) => r.id);

  /** Both stores claim at `nowMs`, three senders each, until nothing is left; every claim with the store that made it. */
  const claimAll = async (nowMs: number, leaseMs: number) => {
    const claims: { store: Store; message: NotificationRecord }[] = [];
    const sender = async (store: Store) => {
      for (;;) {
        const batch = await store.claimDueNotifications(nowMs, 7, leaseMs);
        if (batch.length === 0) return;
        for (const message of batch) claims.push({ store, message });
      }
    };
    await Promise.all([first, second, first, second, first, second].map(sender));
    return claims;
  };

  it('never gives one message to two senders, and gives a message whose lease ran out to one sender again, fencing out the old one', async () => {
    const t0 = Date.parse('2026-11-24T03:00:00Z');
    const lease = 15_000;
    const ids = await addMessages(300, t0);

    const round1 = await claimAll(t0, lease);
    expect(round1.map((c) => c.message.id).sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(round1.map((c) => c.store)).size).toBe(2);
    expect(round1.every((c) => c.message.status === 'sending' && c.message.attempts === 1 && c.message.leaseUntil === t0 + lease)).toBe(true);
    // Held until the lease runs out.
    expect(await first.claimDueNotifications(t0 + lease - 1, 10, lease)).toEqual([]);

    // Nobody marked them: after the lease every message is claimed once more, with the next attempt number.
    const round2 = await claimAll(t0 + lease, lease);
    expect(round2.map((c) => c.message.id).sort((a, b) => a - b)).toEqual(ids);
    expect(round2.every((c) => c.message.attempts === 2)).toBe(true);

    // The first holders' late answers change nothing; the second holders' count.
    const stale = round1.slice(0, 20);
    expect(await Promise.all(stale.map((c) => c.store.markNotificationSent(c.message, t0 + lease + 1)))).toEqual(stale.map(() => false));
    expect(await first.renewNotificationLeases(stale.map((c) => c.message), t0 + lease + 1, lease)).toEqual([]);
    await first.markNotificationFailed(stale[0]!.message, t0 + lease + 1, 'late', { status: 'failed', retryAt: t0 });
    const held = round2.filter((c) => c.store === second).map((c) => c.message);
    expect(await second.renewNotificationLeases(held, t0 + lease + 1, lease)).toEqual(held.map((m) => m.id));
    expect(await Promise.all(round2.map((c) => c.store.markNotificationSent(c.message, t0 + lease + 2)))).toEqual(round2.map(() => true));
    const states = await client.query<{ status: string; attempts: number; n: string }>(
      'SELECT status, attempts, count(*) AS n FROM notifications GROUP BY status, attempts',
    );
    expect(states.rows.map((r) => [r.status, r.attempts, Number(r.n)])).toEqual([['sent', 2, 300]]);
  });

  it('puts each failed message back in the queue once when two admins retry at the same time, leaving erased recipients failed', async () => {
    const admin = await setUpOffice(first, SET_UP_AT);
    const t0 = SET_UP_AT.toMillis();
    const ids = await addMessages(30, t0);
    await client.query("UPDATE notifications SET status = 'failed', attempts = 5, last_error = 'down' WHERE id = ANY($1::int[])", [ids]);
    await client.query("UPDATE notifications SET recipient = '+62812••••0001' WHERE id = $1", [ids[0]]);
    const retried = await Promise.all([first, second].map((store) => store.retryFailedNotifications(OFFICE, admin, SET_UP_AT)));
    expect(retried[0]! + retried[1]!).toBe(29);
    const states = await client.query<{ status: string; attempts: number; n: string }>(
      'SELECT status, attempts, count(*) AS n FROM notifications GROUP BY status, attempts ORDER BY status',
    );
    expect(states.rows.map((r) => [r.status, r.attempts, Number(r.n)])).toEqual([['failed', 5, 1], ['pending', 0, 29]]);
    expect(await first.claimDueNotifications(t0, 100, 15_000)).toHaveLength(29);
  });

  it('queues each reminder once, whichever store runs the job and however often', async () => {
    await setUpOffice(first, SET_UP_AT);
    for (const [n, start] of [[1, '08:00'], [2, '10:00'], [3, '10:00']] as const) {
      await first.bookPlace(OFFICE, bookingOf(n, 'A', (await slotAt(first, OPEN, 'A', WEDNESDAY, start)).id), OPEN);
    }
    await first.bookPlace(OFFICE, bookingOf(4, 'A', (await slotAt(first, OPEN, 'A', THURSDAY, '09:00')).id), OPEN);
    const cancelled = await first.bookPlace(OFFICE, bookingOf(5, 'B', (await slotAt(first, OPEN, 'B', WEDNESDAY, '09:00')).id), OPEN);
    await first.cancelBooking(cancelled.code, nik4(5), OPEN, 'test');

    const evening = at('2026-11-24T17:00');
    const added = await Promise.all([first, second].map((store) => store.enqueueReminders(evening, 'log', '16:00')));
    expect(added[0]! + added[1]!).toBe(3);
    expect(await Promise.all([second, first].map((store) => store.enqueueReminders(evening.plus({ minutes: 1 }), 'log', '16:00')))).toEqual([0, 0]);
    const reminders = await client.query<{ key: string }>("SELECT dedupe_key AS key FROM notifications WHERE template = 'reminder' ORDER BY id");
    expect(reminders.rows.map((r) => r.key.split(':')[2])).toEqual([WEDNESDAY, WEDNESDAY, WEDNESDAY]);
  });
});

describe('reports on postgres and on sqlite', () => {
  /** A Tuesday and a Wednesday of walk-ins, bookings, check-ins, calls and steps, and a cancelled booking; the reports along the way. */
  const reportsOfADay = async (store: Store) => {
    const admin = await setUpOffice(store, SET_UP_AT);
    const walkIn = (service: string, now = OPEN) => store.issueWalkIn(OFFICE, { service, priority: null }, now);
    const book = async (n: number, service: string, date: string, start: string) =>
      store.bookPlace(OFFICE, bookingOf(n, service, (await slotAt(store, SET_UP_AT, service, date, start)).id), SET_UP_AT);
    const one = await counterId(store, OPEN, '1');
    const two = await counterId(store, OPEN, '2');

    const booked = await book(1, 'A', TUESDAY, '10:00');
    const dropped = await book(2, 'B', TUESDAY, '11:00');
    const later = await book(3, 'A', WEDNESDAY, '09:00');
    await walkIn('A');
    await walkIn('B', OPEN.plus({ minutes: 2 }));
    await walkIn('A', OPEN.plus({ minutes: 40 }));
    await store.checkIn(OFFICE, booked.code, at('2026-11-24T09:50'));
    await store.cancelBooking(dropped.code, nik4(2), OPEN.plus({ minutes: 5 }), 'test');
    // Counter 1 serves in full; counter 2 calls, recalls and gives up on its visitor.
    for (let minute = 10; minute <= 70; minute += 20) {
      const called = await store.callNext(one, admin, OPEN.plus({ minutes: minute }));
      if (!called) break;
      await store.stepTicket(called.ticket.id, 'start', admin, OPEN.plus({ minutes: minute + 2 }));
      await store.stepTicket(called.ticket.id, 'complete', admin, OPEN.plus({ minutes: minute + 9 }));
    }
    const absent = await store.callNext(two, admin, OPEN.plus({ minutes: 15 }));
    if (absent) {
      await store.stepTicket(absent.ticket.id, 'recall', admin, OPEN.plus({ minutes: 17 }));
      await store.stepTicket(absent.ticket.id, 'no_show', admin, OPEN.plus({ minutes: 25 }));
    }
    await store.checkIn(OFFICE, later.code, at('2026-11-25T08:55'));
    await walkIn('C', at('2026-11-25T09:10'));

    const before = await store.rangeReport(OFFICE, TUESDAY, THURSDAY);
    const daily = [await store.dailyReport(OFFICE, TUESDAY), await store.dailyReport(OFFICE, WEDNESDAY)];
    await store.fillReportDays(at('2026-11-26T08:00'));
    const after = await store.rangeReport(OFFICE, TUESDAY, THURSDAY);
    return { before, daily, after };
  };

  it('gives the same daily and range reports for the same operations', async () => {
    const sqlite = await makeSqliteStore();
    const postgres = await makePostgresStore();
    try {
      const expected = await reportsOfADay(sqlite.store);
      expect(expected.before.days.map((d) => [d.date, d.issued])).toEqual([[TUESDAY, 4], [WEDNESDAY, 2]]);
      expect(expected.after).toEqual(expected.before);
      expect(await reportsOfADay(postgres.store)).toEqual(expected);
    } finally {
      await sqlite.dispose();
      await postgres.dispose();
    }
  });
});
