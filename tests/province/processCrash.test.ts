/**
 * Issue 11: `kill -9` of one of two server processes during a booking burst, while the other
 * keeps answering. Nothing the dead process acknowledged is lost (a 201 is sent only after
 * COMMIT), no slot goes over its capacity, and a board behind a load balancer (a small TCP
 * round-robin proxy here, skipping a backend that refuses) reconnects to the survivor and hears
 * its calls.
 */
import { createConnection, createServer, type Server, type Socket as NetSocket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { CallEvent } from '../../shared/types';
import { OPEN_TUESDAY } from '../support/server';
import { booking, freshSlot, post, signInAt, startProvince, type Province } from '../support/province';

/** A TCP load balancer: each new connection goes to the next backend that accepts it. */
const roundRobin = async (ports: number[]): Promise<{ url: string; close: () => void }> => {
  let turn = 0;
  const open = new Set<NetSocket>();
  const connect = (client: NetSocket, tries: number) => {
    const port = ports[turn++ % ports.length]!;
    const upstream = createConnection({ host: '127.0.0.1', port });
    upstream.once('connect', () => {
      client.pipe(upstream).pipe(client);
      client.resume();
    });
    upstream.once('error', () => {
      upstream.destroy();
      if (tries > 1) connect(client, tries - 1);
      else client.destroy();
    });
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
    open.add(upstream);
  };
  const server: Server = createServer((client) => {
    client.pause();
    open.add(client);
    connect(client, ports.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      for (const s of open) s.destroy();
      server.close();
    },
  };
};

describe('one of two processes killed during a booking burst', () => {
  let province: Province;
  beforeAll(async () => {
    province = await startProvince({ processes: 2, now: OPEN_TUESDAY });
  }, 60_000);
  afterAll(async () => {
    await province?.stop();
  });

  it('loses no acknowledged booking, overbooks nothing, and the board reconnects to the survivor', async () => {
    const [doomed, survivor] = province.servers as [typeof province.servers[0], typeof province.servers[0]];
    const balancer = await roundRobin([doomed.port, survivor.port]);
    try {
      // The board lands on the doomed process first (the balancer's first turn).
      const board = io(`${balancer.url}/display`, { transports: ['websocket'], forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 500, auth: { officeId: 'demo' } });
      const heard: CallEvent[] = [];
      let states = 0;
      board.on('state', () => states++);
      board.on('called', (call: CallEvent) => heard.push(call));
      await new Promise<void>((resolve) => board.once('state', () => resolve()));

      const slot = await freshSlot(province, 'A', 150);
      const acknowledged: string[] = [];
      let sent = 0;
      const worker = async (url: string) => {
        while (sent < 600) {
          const n = sent++;
          try {
            const res = await post(url, '/api/offices/demo/bookings', booking('A', slot.id, 50_000 + n));
            if (res.status === 201) acknowledged.push(res.body.code);
          } catch {
            // The killed process's connections fail: no answer, no promise made.
          }
        }
      };
      const burst = Promise.all([...Array.from({ length: 10 }, () => worker(doomed.url)), ...Array.from({ length: 10 }, () => worker(survivor.url))]);
      while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 5));
      await doomed.kill();
      await burst;

      const { rows } = await province.sql.query<{ code: string; status: string }>(`SELECT code, status FROM bookings WHERE slot_id = $1`, [slot.id]);
      const stored = new Map(rows.map((r) => [r.code, r.status]));
      expect(acknowledged.length).toBeGreaterThan(20);
      for (const code of acknowledged) expect(stored.get(code)).toBe('booked');
      const { rows: slotRows } = await province.sql.query<{ booked: number; capacity: number }>('SELECT booked, capacity FROM slots WHERE id = $1', [slot.id]);
      expect(slotRows[0]!.booked).toBeLessThanOrEqual(150);
      expect(slotRows[0]!.booked).toBe(rows.filter((r) => r.status === 'booked').length);
      // Everything the survivor could still take, it took: the slot is full or every attempt was answered.
      expect(acknowledged.length).toBeLessThanOrEqual(150);

      // The board comes back through the balancer to the survivor, gets the state again, and hears a call made there.
      const until = Date.now() + 15_000;
      while ((!board.connected || states < 2) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(board.connected).toBe(true);
      expect(states).toBeGreaterThanOrEqual(2);
      const ticket = await post(survivor.url, '/api/offices/demo/tickets', { service: 'B' }, { authorization: `Bearer ${province.kioskToken}` });
      const cookie = await signInAt(survivor.url);
      const called = await post(survivor.url, '/api/counters/2/call-next', {}, { cookie });
      expect(called.body.ticket.number).toBe(ticket.body.number);
      const heardUntil = Date.now() + 10_000;
      while (!heard.some((c) => c.number === ticket.body.number) && Date.now() < heardUntil) await new Promise((r) => setTimeout(r, 20));
      expect(heard.map((c) => c.number)).toContain(ticket.body.number);
      board.close();
    } finally {
      balancer.close();
    }
  }, 120_000);
});
