/**
 * Cost flat in history, on the SQLite engine (issue 16): reads that take no write lock, an
 * office's day snapshot reused until that office changes (from any connection), per-day report
 * figures kept and dropped by the database, and a retention run in short batches.
 */
import Database from 'better-sqlite3';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBackgroundJobs } from '../../server/jobs';
import { HOUR_MS, runRetention } from '../../server/jobs/retention';
import { officeSetup } from '../contract/contractOffice';
import { startServer, type TestServer } from '../support/server';
import { row, rows, slotAt, sql } from './bookingSupport';
import { nikFor, signIn } from '../support/factories';

let s: TestServer;
afterEach(async () => {
  vi.restoreAllMocks();
  await s?.stop();
});

const walkIn = (officeId: string, service: string) =>
  request(s.app).post(`/api/offices/${officeId}/tickets`).set('Authorization', `Bearer ${s.kioskToken}`).send({ service });

describe('reads that take no write lock', () => {
  it('answers availability while another connection holds the write lock, once the days are made', async () => {
    s = await startServer({ listen: false });
    await request(s.app).get('/api/offices/demo/availability?service=A&days=14').expect(200);
    s.db.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const res = await request(s.app).get('/api/offices/demo/availability?service=B&days=14');
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(14);
      // A write would have waited for the lock (busy_timeout 5 s).
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      s.db.exec('ROLLBACK');
    }
  });
});

describe("an office's day snapshot", () => {
  /** How often the day's tickets of an office were read from the database. */
  const dayReads = (officeId: string) => {
    const probe = new Database(':memory:');
    const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Database.Statement;
    probe.close();
    const spy = vi.spyOn(statement, 'all');
    return () => spy.mock.contexts.filter((ctx, i) => (ctx as Database.Statement).source.includes('ORDER BY issued_at') && spy.mock.calls[i]![0] === officeId).length;
  };

  it('is read again after a write in its office, from this server or another connection, and not after a write in another office', async () => {
    s = await startServer({ listen: false });
    await s.store.setUpOffice({ ...officeSetup({ id: 'kota' }) }, s.clock.now());
    await walkIn('demo', 'A').expect(201);
    const reads = dayReads('demo');
    const board = () => s.store.boardState('demo', s.clock.now());

    // The walk-in's own answer read the day; the board reuses it, whatever happens in another office.
    await board();
    await board();
    await s.store.issueWalkIn('kota', { service: 'A' }, s.clock.now());
    await board();
    expect(reads()).toBe(0);

    await walkIn('demo', 'B').expect(201);
    expect((await board()).waiting.find((w) => w.service === 'B')?.count).toBe(1);
    expect(reads()).toBe(1);

    // Another connection (a second process) pauses counter 1.
    sql(s, "UPDATE counters SET status = 'paused' WHERE office_id = 'demo' AND name = '1'");
    expect((await board()).counters.find((c) => c.name === '1')?.status).toBe('paused');
    await board();
    expect(reads()).toBe(2);
  });
});

describe('the figures of past days', () => {
  it('are kept for the days a report meets that are over, and dropped by any change to them', async () => {
    s = await startServer({ listen: false });
    await walkIn('demo', 'A').expect(201);
    await walkIn('demo', 'B').expect(201);
    // Friday: the week's last day; the report on Monday finds Tuesday to Friday over.
    s.clock.set('2026-11-27T10:00:00.000+07:00');
    await walkIn('demo', 'A').expect(201);
    s.clock.set('2026-11-30T09:00:00.000+07:00');
    await walkIn('demo', 'A').expect(201);
    const staff = await signIn(s.app);
    const report = () => staff.get('/api/offices/demo/reports?from=2026-11-24&to=2026-11-30').expect(200);

    const first = (await report()).body;
    expect(rows<{ date: string }>(s, "SELECT date FROM report_days WHERE office_id = 'demo' ORDER BY date").map((r) => r.date)).toEqual([
      '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29',
    ]);
    expect((await report()).body).toEqual(first);

    // A Tuesday ticket changed by another connection: Tuesday's figures go, and come back right.
    sql(s, "UPDATE tickets SET status = 'no_show', no_show_at = issued_at WHERE date = '2026-11-24' AND number = 'A001'");
    expect(row(s, "SELECT count(*) AS n FROM report_days WHERE date = '2026-11-24'")).toEqual({ n: 0 });
    const second = (await report()).body;
    expect(second.days.find((d: { date: string }) => d.date === '2026-11-24')).toMatchObject({ issued: 2, noShow: 1 });
    expect(second.total.noShow).toBe(first.total.noShow + 1);
  });
});

describe('the retention job', () => {
  it('erases in short batches and gives the event loop back between them', async () => {
    s = await startServer({ listen: false });
    const res = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: (await slotAt(s, '2026-11-25', '09:00')).id, nik: nikFor(1), name: 'Pak Joko', phone: '0812-3456-7890' });
    expect(res.status).toBe(201);
    // 449 more old bookings, each with its message, as a year would leave them.
    const copy = s.db.prepare(
      `INSERT INTO bookings (office_id, code, service_id, slot_id, date, nik_hash, nik_last4, name, phone, status, created_at)
       SELECT office_id, ?, service_id, slot_id, date, nik_hash, nik_last4, name, phone, status, created_at FROM bookings WHERE code = ?`,
    );
    const message = s.db.prepare(
      `INSERT INTO notifications (office_id, booking_id, channel, recipient, template, payload, status, next_attempt_at, created_at)
       VALUES ('demo', ?, 'log', '+6281234567890', 'booked', '{}', 'sent', 0, 0)`,
    );
    s.db.transaction(() => {
      for (let i = 0; i < 449; i++) message.run(copy.run(`OLD${String(i).padStart(5, '0')}`, res.body.code).lastInsertRowid);
    })();
    s.clock.set('2026-12-26T10:00:00.000+07:00');

    let turns = 0;
    let done = false;
    const turn = () => {
      turns++;
      if (!done) setImmediate(turn);
    };
    setImmediate(turn);
    expect(await runRetention(s.store, s.clock, 30)).toBe(450);
    done = true;
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(row(s, 'SELECT count(*) AS n FROM bookings WHERE erased_at IS NULL OR name IS NOT NULL')).toEqual({ n: 0 });
    expect(row(s, "SELECT count(*) AS n FROM notifications WHERE recipient = '+6281234567890'")).toEqual({ n: 0 });
    expect(await runRetention(s.store, s.clock, 30)).toBe(0);
  });
});

describe('the background jobs', () => {
  /** Lets the jobs run (they give the event loop back between their steps) until `done` holds. */
  const until = async (done: () => boolean, turns = 500) => {
    for (let turn = 0; turn < turns && !done(); turn++) await new Promise((resolve) => setImmediate(resolve));
  };
  const slotsOn = (dates: string) => (row(s, `SELECT count(*) AS n FROM slots WHERE date IN (${dates})`) as { n: number }).n;
  const keptDays = () => rows<{ date: string }>(s, 'SELECT date FROM report_days ORDER BY date').map((r) => r.date);

  it("make the slots of the days that come into the horizon and keep the past days' figures, at start and every hour", async () => {
    s = await startServer({ listen: false });
    await walkIn('demo', 'A').expect(201);
    // Thursday: the horizon has moved two days on (Sunday 6 December has no slots, Monday 7 and Tuesday 8 do).
    s.clock.set('2026-11-26T07:00:00.000+07:00');
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const log = { info: vi.fn(), error: vi.fn() };
    const stop = startBackgroundJobs(s.store, s.clock, { retentionDays: 30 }, log);
    try {
      await until(() => keptDays().length === 2);
      expect(slotsOn("'2026-12-07', '2026-12-08'")).toBe(42);
      expect(keptDays()).toEqual(['2026-11-24', '2026-11-25']);
      expect(log.error).not.toHaveBeenCalled();
      await until(() => false, 50); // the run ends with the retention job
      // A day later, the next hourly run makes Wednesday 9 December and keeps Thursday.
      s.clock.advance({ days: 1 });
      vi.advanceTimersByTime(HOUR_MS);
      await until(() => keptDays().includes('2026-11-26'));
      expect(slotsOn("'2026-12-09'")).toBe(21);
      expect(keptDays()).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    } finally {
      stop();
      vi.useRealTimers();
    }
  });
});
