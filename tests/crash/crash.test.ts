/**
 * Crash safety: during a booking burst (with walk-in tickets issued alongside), the server
 * process is killed with SIGKILL at random moments, at least ten times, and restarted on the
 * same database each time (synchronous FULL, the default). Then the database must hold every
 * booking and ticket a client saw a 201 for, no slot above its capacity (with slots.booked
 * agreeing with the bookings), and ticket numbers unique per service per day.
 */
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProductDb } from '../../bench/checks';
import { BENCH_NOW, prepareDb, serverEnv } from '../../bench/prepare';
import { startProcess, type ServerProcess } from '../../bench/proc';
import { startLoad, type Target } from './load';

const KILLS = 12;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('kill -9 during a booking burst', () => {
  const dir = mkdtempSync(join(tmpdir(), 'giliran-crash-'));
  let server: ServerProcess | undefined;
  let load: ReturnType<typeof startLoad> | undefined;
  afterAll(async () => {
    await load?.stop();
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses no confirmed booking or ticket, never overbooks, never repeats a ticket number', async () => {
    // Two sets of three slots: the first fills within the first lives (its edge is crossed while the
    // server is being killed), the second keeps taking bookings until the end.
    const db = await prepareDb(dir, { slots: 3, capacity: 600, warmupCapacity: 1, unlimitedWalkIns: true, sets: 2 });
    const small = db.slotSets[0]!;
    const setup = new Database(db.dbPath);
    setup.prepare(`UPDATE slots SET capacity = 12 WHERE id IN (${small.join(', ')})`).run();
    setup.close();
    const startedAt = Date.now();
    // The office clock keeps moving forward across restarts, as a real clock would.
    const boot = () => startProcess('server.ts', serverEnv(dir, db.dbPath, DateTime.fromISO(BENCH_NOW, { setZone: true }).plus({ milliseconds: Date.now() - startedAt }).toISO()!));
    let target: Target = null;
    const health = async (url: string) => {
      const res = await fetch(`${url}/api/health`);
      return { status: res.status, body: await res.json() };
    };

    server = await boot();
    target = { url: server.url };
    load = startLoad({ target: () => target, kioskToken: db.kioskToken, slotIds: db.slotSets.flat(), bookingWorkers: 24, walkInWorkers: 4 });
    const answered = () => Object.values(load!.seen.statuses).reduce((a, b) => a + b, 0);
    const inFlightAtKill: number[] = [];
    const answersBetweenKills: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const before = answered();
      await sleep(250 + Math.random() * 900);
      inFlightAtKill.push(load.inFlight());
      target = null;
      await server.kill();
      answersBetweenKills.push(answered() - before);
      server = await boot();
      expect(await health(server.url)).toEqual({ status: 200, body: { status: 'ok' } });
      target = { url: server.url };
    }
    await sleep(500);
    const seen = await load.stop();
    load = undefined;
    await server.stop();
    server = undefined;

    // The test did what it says: load was answered between kills and requests were in flight when killed.
    expect(answersBetweenKills.filter((n) => n > 0).length).toBeGreaterThanOrEqual(KILLS - 1);
    expect(inFlightAtKill.filter((n) => n > 0).length).toBeGreaterThanOrEqual(KILLS - 1);
    expect(seen.bookings.length).toBeGreaterThan(0);
    expect(seen.tickets.length).toBeGreaterThan(0);
    expect(seen.cut).toBeGreaterThan(0);

    const sqlite = new Database(db.dbPath, { readonly: true });
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const bookingByCode = sqlite.prepare('SELECT slot_id AS slotId, status FROM bookings WHERE code = ?');
      const lostBookings = seen.bookings.filter((b) => {
        const row = bookingByCode.get(b.code) as { slotId: number; status: string } | undefined;
        return !row || row.slotId !== b.slotId || row.status !== 'booked';
      });
      expect(lostBookings).toEqual([]);

      const ticketById = sqlite.prepare('SELECT number FROM tickets WHERE id = ?');
      const lostTickets = seen.tickets.filter((tk) => (ticketById.get(tk.id) as { number: string } | undefined)?.number !== tk.number);
      expect(lostTickets).toEqual([]);
      const repeated = sqlite
        .prepare('SELECT date, issued_service_id, number, count(*) AS n FROM tickets GROUP BY office_id, date, issued_service_id, number HAVING n > 1')
        .all();
      expect(repeated).toEqual([]);
      const seenNumbers = seen.tickets.map((tk) => tk.number);
      expect(new Set(seenNumbers).size).toBe(seenNumbers.length);
    } finally {
      sqlite.close();
    }
    const capacity = checkProductDb(db.dbPath);
    expect(capacity.overbooked).toBe(0);
    expect(capacity.mismatched).toBe(0);
    // The small slots were filled to the brim, not beyond.
    expect(checkProductDb(db.dbPath, small).measuredBookings).toBe(36);
    console.info(
      `crash test: ${KILLS} kills, in flight at each kill ${inFlightAtKill.join('/')}; ${seen.bookings.length} bookings and ${seen.tickets.length} tickets confirmed; ` +
        `${seen.cut} requests cut; ${JSON.stringify(seen.statuses)}; ${capacity.bookings} bookings in ${capacity.slots} slots`,
    );
  }, 150_000);
});
