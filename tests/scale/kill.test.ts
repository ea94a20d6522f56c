/**
 * `kill -9` of one of two processes in the middle of a booking burst, behind a stand-in load
 * balancer (a TCP forwarder that sends each new connection to the first process that accepts it):
 * the other process keeps answering; every booking acknowledged by either is in the database; no
 * slot is over its capacity; the board, connected through the balancer, reconnects to the
 * survivor and hears the next call.
 */
import { createConnection, createServer, type Server, type Socket as NetSocket } from 'node:net';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallEvent } from '../../shared/types';
import { manyNik } from '../support/factories';
import { ADMIN_PASSWORD } from '../support/server';
import { json, login, next, post, walkIn } from '../socket/live';
import { freePort, newDeployment, startProcess, type Deployment, type ServerProcess } from './processes';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each new connection goes to the first backend port that accepts it. */
const balancer = async (ports: number[]): Promise<{ url: string; close(): Promise<void> }> => {
  const open = new Set<NetSocket>();
  const server: Server = createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.pause();
    const tryPort = (i: number) => {
      if (i >= ports.length || client.destroyed) return void client.destroy();
      const upstream = createConnection({ host: '127.0.0.1', port: ports[i]! });
      let connected = false;
      // Refused (the backend is down): the next one; once connected, an error ends both sides.
      upstream.on('error', () => (connected ? client.destroy() : tryPort(i + 1)));
      upstream.once('connect', () => {
        connected = true;
        client.on('error', () => upstream.destroy());
        upstream.once('close', () => client.destroy());
        client.once('close', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    tryPort(0);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

describe('kill -9 of one process during a booking burst', () => {
  let deployment: Deployment;
  let a: ServerProcess;
  let b: ServerProcess;
  let lb: Awaited<ReturnType<typeof balancer>>;
  let board: Socket;
  let pool: pg.Pool;

  beforeAll(async () => {
    deployment = await newDeployment();
    const env = { ...deployment.env, ADMIN_PASSWORD, RATE_LIMIT_BOOKINGS_PER_MINUTE: '100000', RATE_LIMIT_LOGINS_PER_MINUTE: '1000', RATE_LIMIT_BOOKING_READS_PER_MINUTE: '100000' };
    a = await startProcess(env);
    b = await startProcess(env);
    lb = await balancer([Number(new URL(a.url).port), Number(new URL(b.url).port)]);
    pool = new pg.Pool({ connectionString: deployment.databaseUrl, max: 2 });
    pool.on('error', () => {});
  });
  afterAll(async () => {
    board?.disconnect();
    await lb?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await pool?.end();
    await deployment?.drop();
  });

  it('loses no acknowledged booking, overfills no slot, and the board reconnects to the survivor', async () => {
    const cookie = await login(b.url);
    const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '00:00', close: '23:59' }));
    expect((await json(`${b.url}/api/offices/demo/hours`, { method: 'PUT', cookie, body: JSON.stringify({ hours }) })).status).toBe(200);
    // The board reaches A through the balancer (A is the first backend).
    board = io(`${lb.url}/display`, { auth: { officeId: 'demo' }, transports: ['websocket'], forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 500 });
    await next(board, 'state', () => true, 15_000);

    const days = (await json(`${b.url}/api/offices/demo/availability?service=A&days=14`)).body as { slots: { id: number; bookable: boolean; capacity: number; booked: number }[] }[];
    const slots = days.flatMap((day) => day.slots).filter((s) => s.bookable && s.booked === 0).slice(0, 5);
    expect(slots).toHaveLength(5);
    const attempts = 400;
    const acknowledged: { code: string; nik: string }[] = [];
    let failedInFlight = 0;
    let acknowledgedByA = 0;
    // A is killed once it has acknowledged some bookings, with more of its requests still in flight.
    let killNow = () => {};
    const aHasAnswered = new Promise<void>((resolve) => (killNow = resolve));
    const burst = Promise.all(
      Array.from({ length: attempts }, async (_, n) => {
        const nik = manyNik(20_000 + n);
        const target = n % 2 === 0 ? a : b;
        const res = await json(`${target.url}/api/offices/demo/bookings`, {
          method: 'POST',
          body: JSON.stringify({ service: 'A', slotId: slots[n % 5]!.id, nik, name: `Warga ${n}`, phone: `0812-6666-${String(1000 + n)}` }),
        }).catch(() => undefined);
        if (!res) failedInFlight++;
        else if (res.status === 201) {
          acknowledged.push({ code: res.body.code, nik });
          if (target === a && ++acknowledgedByA >= 10) killNow();
        }
      }),
    );
    // After A dies, the board's connection through the balancer drops; it reconnects (to B) and gets a fresh state.
    const reconnected = new Promise<unknown>((resolve) => board.io.once('reconnect', () => resolve(next(board, 'state', () => true, 15_000))));
    await Promise.race([aHasAnswered, burst]);
    a.child.kill('SIGKILL');
    await burst;
    expect(acknowledgedByA).toBeGreaterThanOrEqual(10);
    expect(failedInFlight).toBeGreaterThan(0);

    // The survivor answers, and every acknowledged booking is there, whichever process acknowledged it.
    for (const { code, nik } of acknowledged) {
      expect((await json(`${b.url}/api/bookings/${code}?nik4=${nik.slice(-4)}`)).status).toBe(200);
    }
    const stored = await pool.query<{ slot_id: number; n: number; booked: number; capacity: number }>(
      `SELECT s.id AS slot_id, s.booked, s.capacity, (SELECT count(*)::int FROM bookings k WHERE k.slot_id = s.id AND k.status = 'booked') AS n
         FROM slots s WHERE s.id = ANY($1::int[])`,
      [slots.map((s) => s.id)],
    );
    for (const row of stored.rows) {
      expect(row.n).toBeLessThanOrEqual(row.capacity);
      expect(Number(row.booked)).toBe(row.n);
    }
    expect(stored.rows.reduce((sum, row) => sum + row.n, 0)).toBeGreaterThanOrEqual(acknowledged.length);

    // The board lost A; through the balancer it reconnects to B and hears a call made there.
    await reconnected;
    const heard: CallEvent[] = [];
    board.on('called', (call: CallEvent) => heard.push(call));
    const kioskLine = [...a.lines, ...b.lines].find((line) => line.startsWith('Demo kiosk pairing link'))!;
    const ticket = await walkIn(b.url, /#token=(\S+)/.exec(kioskLine)![1]!, 'B');
    expect((await post(b.url, '/counters/2/call-next', cookie)).status).toBe(200);
    for (let i = 0; i < 100 && heard.length === 0; i++) await settle(100);
    expect(heard.map((call) => call.number)).toEqual([ticket.number]);
    expect(failedInFlight + acknowledged.length).toBeLessThanOrEqual(attempts);
  });
});
