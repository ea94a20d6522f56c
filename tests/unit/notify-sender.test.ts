import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { BACKOFF_MS, LEASE_MS, MAX_ATTEMPTS, deliverDue, deliverers, idempotencyKey, type Deliver } from '../../server/jobs/sender';
import { defaultConfig } from '../../server/config';
import { bookMany } from '../http/closureSupport';
import { startServer, type TestServer } from '../support/server';

const rows = (s: TestServer) =>
  s.db.prepare('SELECT id, template, status, attempts, dedupe_key AS dedupeKey, payload FROM notifications ORDER BY id').all() as {
    id: number; template: string; status: string; attempts: number; dedupeKey: string | null; payload: string;
  }[];

describe('the outbox sender', () => {
  let s: TestServer;
  beforeEach(async () => {
    s = await startServer({ listen: false, now: '2026-11-24T10:00:00.000+07:00' });
    await bookMany(s, 3, '2026-11-25');
  });
  afterEach(() => s.stop());

  it('never lets two senders claim the same message', async () => {
    const now = s.clock.now().toMillis();
    const a = (await s.store.claimDueNotifications(now, 2, LEASE_MS));
    const b = (await s.store.claimDueNotifications(now, 10, LEASE_MS));
    expect(a.map((r) => r.id)).toEqual([1, 2]);
    expect(b.map((r) => r.id)).toEqual([3]);
    expect((await s.store.claimDueNotifications(now, 10, LEASE_MS))).toEqual([]);
    // Until the lease runs out.
    expect((await s.store.claimDueNotifications(now + LEASE_MS, 10, LEASE_MS)).map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('ignores the late answer of a sender whose lease ran out (the attempt number fences it)', async () => {
    const now = s.clock.now().toMillis();
    const [stale] = (await s.store.claimDueNotifications(now, 1, LEASE_MS));
    const [fresh] = (await s.store.claimDueNotifications(now + LEASE_MS, 1, LEASE_MS));
    expect(fresh!.attempts).toBe(2);
    expect(await s.store.markNotificationSent(stale!, now + LEASE_MS + 1)).toBe(false);
    expect(await s.store.markNotificationSent(fresh!, now + LEASE_MS + 1)).toBe(true);
    expect(rows(s)[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('delivers what a dead sender had claimed within 15 seconds of its claim', async () => {
    expect(LEASE_MS).toBeLessThanOrEqual(15_000);
    // The dead sender claimed all three (the attempt is recorded) and never came back.
    expect(await s.store.claimDueNotifications(s.clock.now().toMillis(), 10, LEASE_MS)).toHaveLength(3);
    const seen: string[] = [];
    const channel = { log: async (row: { id: number }) => void seen.push(idempotencyKey(row)) };
    s.clock.advance({ seconds: 14 });
    expect(await deliverDue(s.store, s.clock, channel)).toBe(0);
    s.clock.advance({ seconds: 1 });
    expect(await deliverDue(s.store, s.clock, channel)).toBe(3);
    expect(seen).toEqual([1, 2, 3].map((id) => idempotencyKey({ id })));
    expect(rows(s).map((r) => [r.status, r.attempts])).toEqual([['sent', 2], ['sent', 2], ['sent', 2]]);
  });

  it('keeps the lease of a live sender while a slow call is in flight, so nobody sends it twice', async () => {
    let release!: () => void;
    const inFlight = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const slow: Deliver = async () => {
      calls++;
      await inFlight;
    };
    // A heartbeat every 10 ms of real time, while the injected clock moves a minute on.
    const first = deliverDue(s.store, s.clock, { log: slow }, 1, 1, 10);
    for (let i = 0; i < 100 && calls === 0; i++) await new Promise((r) => setTimeout(r, 5));
    for (let step = 0; step < 6; step++) {
      s.clock.advance({ seconds: 10 });
      await new Promise((r) => setTimeout(r, 40));
      // Another sender finds the two others, never the one in flight.
      const other = await s.store.claimDueNotifications(s.clock.now().toMillis(), 10, LEASE_MS);
      expect(other.map((r) => r.id)).not.toContain(1);
    }
    release();
    expect(await first).toBe(1);
    expect(calls).toBe(1);
    expect(rows(s)[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('backs off 5 s, 30 s, 2 min, 10 min, 30 min… and gives up as failed after the last attempt', async () => {
    let tries = 0;
    const failing = { log: async () => { tries++; throw new Error('endpoint down'); } };
    const start = s.clock.now();
    let waited = 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await deliverDue(s.store, s.clock, failing)).toBe(0);
      const wait = BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)]!;
      s.clock.advance({ seconds: wait / 1000 - 1 });
      expect(await deliverDue(s.store, s.clock, failing)).toBe(0);
      s.clock.advance({ seconds: 1 });
      waited += wait;
    }
    expect(tries).toBe(3 * MAX_ATTEMPTS);
    expect(s.clock.now().diff(start).as('milliseconds')).toBe(waited);
    expect(rows(s).map((r) => [r.status, r.attempts])).toEqual([['failed', 8], ['failed', 8], ['failed', 8]]);
  });

  it('sends the idempotency key with each message and renders its Indonesian text', async () => {
    const seen: [string, string][] = [];
    const sent = await deliverDue(s.store, s.clock, { log: async (row, text) => void seen.push([idempotencyKey(row), text]) });
    expect(sent).toBe(3);
    expect(seen[0]![0]).toBe('giliran-notification-1');
    expect(seen[0]![1]).toMatch(/^Reservasi Pengambilan Dokumen di Disdukcapil Kota Demo untuk Rabu, 25 November 2026 pukul 08.00–09.00 WIB berhasil/);
  });

  it('through the log channel, never writes the full phone number', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    await deliverDue(s.store, s.clock, deliverers(defaultConfig(), log));
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).not.toMatch(/81234561000|6281234561000/);
    expect(lines[0]).toContain('+62812••••1000');
  });
});

describe('reminders the day before', () => {
  let s: TestServer;
  beforeEach(async () => {
    s = await startServer({ listen: false, now: '2026-11-24T10:00:00.000+07:00' });
  });
  afterEach(() => s.stop());

  it('queues one reminder per booking of tomorrow from the reminder time, however often it runs', async () => {
    await bookMany(s, 3, '2026-11-25');
    await bookMany(s, 2, '2026-11-26', 'A', 10);
    expect(await s.store.enqueueReminders(s.clock.now(), 'log', '16:00')).toBe(0);
    s.clock.set('2026-11-24T16:00:00.000+07:00');
    expect(await s.store.enqueueReminders(s.clock.now(), 'log', '16:00')).toBe(3);
    expect(await s.store.enqueueReminders(s.clock.now(), 'log', '16:00')).toBe(0);
    s.clock.set('2026-11-24T21:00:00.000+07:00');
    expect(await s.store.enqueueReminders(s.clock.now(), 'log', '16:00')).toBe(0);
    const reminders = rows(s).filter((r) => r.template === 'reminder');
    const wednesday = s.db.prepare("SELECT id FROM bookings WHERE date = '2026-11-25' ORDER BY id").all() as { id: number }[];
    expect(reminders.map((r) => r.dedupeKey)).toEqual(wednesday.map((b) => `reminder:${b.id}:2026-11-25`));
    expect(JSON.parse(reminders[0]!.payload)).toMatchObject({ date: '2026-11-25', start: '2026-11-25T08:00:00.000+07:00', office: 'Disdukcapil Kota Demo' });
    // The next day brings Thursday's.
    s.clock.set('2026-11-25T16:30:00.000+07:00');
    expect(await s.store.enqueueReminders(s.clock.now(), 'log', '16:00')).toBe(2);
  });

  it('skips cancelled bookings and days that a closure shuts', async () => {
    const [first] = await bookMany(s, 2, '2026-11-25');
    await bookMany(s, 1, '2026-11-26', 'A', 20);
    s.db.prepare("UPDATE bookings SET status = 'cancelled' WHERE code = ?").run(first!.code);
    // A closure the sender meets before the closure's own transaction handled the booking (the row is still 'booked').
    s.db.prepare("INSERT INTO closures (office_id, from_date, to_date, reason, created_at) VALUES ('demo', '2026-11-26', '2026-11-26', 'Tutup', 0)").run();
    s.clock.set('2026-11-24T17:00:00.000+07:00');
    expect(await s.store.enqueueReminders(s.clock.now(), 'log', '16:00')).toBe(1);
    s.clock.set('2026-11-25T17:00:00.000+07:00');
    expect(await s.store.enqueueReminders(s.clock.now(), 'log', '16:00')).toBe(0);
  });
});
