/**
 * Two server processes on two ports (as behind a load balancer), one PostgreSQL database, one
 * Redis: started at once they seed once; a board on B hears a call made through A exactly once;
 * a rate limit counts across both; parallel bookings through both never pass a slot's capacity,
 * and one NIK booking through both at once gets one booking.
 */
import pg from 'pg';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallEvent } from '../../shared/types';
import { manyNik } from '../support/factories';
import { displaySocket, json, login, next, post, walkIn } from '../socket/live';
import { newDeployment, startProcess, type Deployment, type ServerProcess } from './processes';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const WRITE_LIMIT = 6;

describe('two server processes of one deployment', () => {
  let deployment: Deployment;
  let a: ServerProcess;
  let b: ServerProcess;
  let password: string;
  let kioskToken: string;
  let cookie: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    deployment = await newDeployment();
    const env = {
      ...deployment.env,
      RATE_LIMIT_BOOKINGS_PER_MINUTE: '100000',
      RATE_LIMIT_PUBLIC_WRITES_PER_MINUTE: String(WRITE_LIMIT),
      RATE_LIMIT_LOGINS_PER_MINUTE: '1000',
    };
    // Started together on an empty database: both migrate and seed, one after the other.
    [a, b] = await Promise.all([startProcess(env), startProcess(env)]);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all([a?.stop(), b?.stop()]);
    await deployment?.drop();
  });

  it('seeds once: exactly one process prints the first admin password and the kiosk link', async () => {
    // Each process prints its start lines (and the secrets, if it made them) in one write: wait for both.
    await Promise.all([a, b].map((p) => p.line((line) => line.startsWith('Giliran: '))));
    const secrets = (p: ServerProcess) => p.lines.filter((line) => line.startsWith('First admin:') || line.startsWith('Demo kiosk pairing link'));
    const printed = [secrets(a), secrets(b)];
    expect(printed.map((lines) => lines.length).sort()).toEqual([0, 2]);
    const lines = printed.flat();
    password = /password "([^"]+)"/.exec(lines.find((l) => l.startsWith('First admin:'))!)![1]!;
    kioskToken = /#token=(\S+)/.exec(lines.find((l) => l.startsWith('Demo kiosk'))!)![1]!;
    // Both processes serve the one office and the one admin.
    for (const p of [a, b]) expect((await json(`${p.url}/api/offices`)).body.map((o: { id: string }) => o.id)).toEqual(['demo']);
    cookie = await login(a.url, 'admin', password);
    await login(b.url, 'admin', password);
    // The processes run on the real clock: open the demo office all week, all day, for the calls below.
    const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '00:00', close: '23:59' }));
    const put = await json(`${a.url}/api/offices/demo/hours`, { method: 'PUT', cookie, body: JSON.stringify({ hours }) });
    expect(put.status).toBe(200);
  });

  it("delivers a call made through A's HTTP API to a board on B exactly once, in order", async () => {
    const board = displaySocket(b.url);
    sockets.push(board);
    await next(board, 'state');
    const heard: CallEvent[] = [];
    board.on('called', (call: CallEvent) => heard.push(call));
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) numbers.push((await walkIn(a.url, kioskToken, 'A')).number);
    for (let i = 0; i < 3; i++) {
      const called = await post(a.url, '/counters/1/call-next', cookie);
      expect(called.status).toBe(200);
      expect((await post(a.url, `/tickets/${called.body.ticket.id}/start`, cookie)).status).toBe(200);
      expect((await post(a.url, `/tickets/${called.body.ticket.id}/complete`, cookie)).status).toBe(200);
    }
    for (let i = 0; i < 100 && heard.length < numbers.length; i++) await settle(100);
    await settle(800); // a duplicate would arrive in this pause
    expect(heard.map((call) => call.number)).toEqual(numbers);
  });

  it('counts a rate limit across both processes', async () => {
    // Invalid bodies: the limiter counts them before validation, and nothing is written.
    const cancel = (p: ServerProcess) => json(`${p.url}/api/bookings/NOPE/cancel`, { method: 'POST', body: '{}' });
    const statuses: number[] = [];
    for (let i = 0; i < WRITE_LIMIT + 2; i++) statuses.push((await cancel(i % 2 === 0 ? a : b)).status);
    expect(statuses.slice(0, WRITE_LIMIT).every((status) => status !== 429)).toBe(true);
    // One process alone has seen only half the limit: only a shared counter refuses these.
    expect(statuses.slice(WRITE_LIMIT)).toEqual([429, 429]);
  });

  it('never books a slot past its capacity with bookings racing through both processes', async () => {
    const days = (await json(`${a.url}/api/offices/demo/availability?service=C&days=14`)).body as { slots: { id: number; bookable: boolean; remaining: number; capacity: number }[] }[];
    const free = days.flatMap((day) => day.slots).find((s) => s.bookable && s.remaining === s.capacity)!;
    expect(free).toBeDefined();
    // Issue 11's figures: 400 parallel bookings spread over both processes for a slot of 25.
    const setUp = new pg.Pool({ connectionString: deployment.databaseUrl, max: 1 });
    await setUp.query('UPDATE slots SET capacity = 25 WHERE id = $1', [free.id]).finally(() => setUp.end());
    const slot = { ...free, capacity: 25 };
    const attempts = 400;
    const results: Awaited<ReturnType<typeof json>>[] = [];
    let sent = 0;
    // 100 in flight at a time, half through each process.
    await Promise.all(Array.from({ length: 100 }, async () => {
      while (sent < attempts) {
        const n = sent++;
        results.push(await json(`${(n % 2 === 0 ? a : b).url}/api/offices/demo/bookings`, {
          method: 'POST',
          body: JSON.stringify({ service: 'C', slotId: slot.id, nik: manyNik(7000 + n), name: `Warga ${n}`, phone: `0812${String(70_000_000 + n)}` }),
        }));
      }
    }));
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(slot.capacity);
    expect(new Set(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body?.error?.code}`))).toEqual(new Set(['409 SLOT_FULL']));
    // The database agrees: exactly the capacity, in the rows and in the slot's counter.
    const pool = new pg.Pool({ connectionString: deployment.databaseUrl, max: 1 });
    try {
      const { rows } = await pool.query<{ booked: number; n: number }>(
        `SELECT s.booked, (SELECT count(*)::int FROM bookings k WHERE k.slot_id = s.id AND k.status = 'booked') AS n FROM slots s WHERE s.id = $1`,
        [slot.id],
      );
      expect({ booked: Number(rows[0]!.booked), n: rows[0]!.n }).toEqual({ booked: slot.capacity, n: slot.capacity });
    } finally {
      await pool.end();
    }
    // Both processes read the same full slot.
    for (const p of [a, b]) {
      const after = ((await json(`${p.url}/api/offices/demo/availability?service=C&days=14`)).body as typeof days).flatMap((d) => d.slots).find((s) => s.id === slot.id)!;
      expect({ remaining: after.remaining, bookable: after.bookable }).toEqual({ remaining: 0, bookable: false });
    }
  });

  it('gives one NIK booking through both processes at once one booking', async () => {
    const days = (await json(`${a.url}/api/offices/demo/availability?service=A&days=14`)).body as { slots: { id: number; bookable: boolean }[] }[];
    const slot = days.flatMap((day) => day.slots).find((s) => s.bookable)!;
    const body = JSON.stringify({ service: 'A', slotId: slot.id, nik: manyNik(9100), name: 'Warga Ganda', phone: '0812-7777-9999' });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => json(`${(i % 2 === 0 ? a : b).url}/api/offices/demo/bookings`, { method: 'POST', body })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body?.error?.code}`))).toEqual(new Set(['409 DUPLICATE_BOOKING']));
  });

  it('never gives two counters calling through different processes the same ticket (50 rounds)', async () => {
    const rounds = 50;
    for (let i = 0; i < rounds + 2; i++) {
      await walkIn(i % 2 === 0 ? a.url : b.url, kioskToken, 'A');
      await walkIn(i % 2 === 0 ? b.url : a.url, kioskToken, 'B');
    }
    // Counter 1 (A then B) signs in at A, counter 2 (B then A) at B: both compete for every ticket.
    const [desk1, desk2] = [await login(a.url, 'admin', password), await login(b.url, 'admin', password)];
    const seen = new Set<string>();
    for (let round = 0; round < rounds; round++) {
      const [one, two] = await Promise.all([post(a.url, '/counters/1/call-next', desk1), post(b.url, '/counters/2/call-next', desk2)]);
      expect([one.status, two.status]).toEqual([200, 200]);
      const [t1, t2] = [one.body.ticket.id as string, two.body.ticket.id as string];
      expect(t1).not.toBe(t2);
      expect(seen.has(t1) || seen.has(t2)).toBe(false);
      seen.add(t1).add(t2);
      for (const [id, url, desk] of [[t1, a.url, desk1], [t2, b.url, desk2]] as const) {
        expect((await post(url, `/tickets/${id}/start`, desk)).status).toBe(200);
        expect((await post(url, `/tickets/${id}/complete`, desk)).status).toBe(200);
      }
    }
    expect(seen.size).toBe(2 * rounds);
  });
});
