/**
 * The change bus across processes, in one test process: two servers of one deployment (one
 * database file, one Redis prefix), as two processes would be. A call committed through A
 * reaches a board held by B exactly once and a board held by A exactly once; each server builds
 * only the views its own sockets listen to; another deployment's prefix hears nothing.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallEvent } from '../../shared/types';
import type { LiveWanted } from '../../server/store/store';
import { connected, counterSocket, displaySocket, json, login, next, post, walkIn } from '../socket/live';
import { Redis } from 'ioredis';
import { randomRedisPrefix, redisUrl, startServer, type TestServer } from '../support/server';

const WRITE_LIMIT = 4;
const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two servers of one deployment over Redis', () => {
  let a: TestServer;
  let b: TestServer;
  let other: TestServer;
  let cookie: string;
  const sockets: Socket[] = [];
  const keep = (socket: Socket) => (sockets.push(socket), socket);

  beforeAll(async () => {
    const redisPrefix = randomRedisPrefix();
    a = await startServer({ redis: true, config: { redisPrefix, publicWriteRateLimit: WRITE_LIMIT } });
    b = await startServer({ redis: true, dir: a.dir, config: { redisPrefix, publicWriteRateLimit: WRITE_LIMIT } });
    // Another deployment on the same Redis (its own prefix and database).
    other = await startServer({ redis: true });
    cookie = await login(a.url);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(async () => {
    await other?.stop();
    await b?.stop(true);
    await a?.stop();
  });

  /** Every `called` a socket hears, in order. */
  const calls = (socket: Socket) => {
    const heard: CallEvent[] = [];
    socket.on('called', (call: CallEvent) => heard.push(call));
    return heard;
  };

  it('delivers each call, in order, exactly once to the boards of both servers, and none to another deployment', async () => {
    const onB = keep(displaySocket(b.url));
    const onA = keep(displaySocket(a.url));
    const elsewhere = keep(displaySocket(other.url));
    await Promise.all([next(onB, 'state'), next(onA, 'state'), next(elsewhere, 'state')]);
    const [heardB, heardA, heardElsewhere] = [calls(onB), calls(onA), calls(elsewhere)];
    const numbers: string[] = [];
    for (let i = 0; i < 5; i++) numbers.push((await walkIn(a.url, a.kioskToken, 'A')).number);
    for (let i = 0; i < 5; i++) {
      const called = await post(a.url, '/counters/1/call-next', cookie);
      expect(called.status).toBe(200);
      // The counter finishes this visitor before it may call the next.
      expect((await post(a.url, `/tickets/${called.body.ticket.id}/start`, cookie)).status).toBe(200);
      expect((await post(a.url, `/tickets/${called.body.ticket.id}/complete`, cookie)).status).toBe(200);
    }
    // Bounded wait for the last call to arrive, then a pause in which a duplicate would show.
    for (let i = 0; i < 50 && (heardB.length < 5 || heardA.length < 5); i++) await settle(100);
    await settle(500);
    expect(heardB.map((c) => c.number)).toEqual(numbers);
    expect(heardA.map((c) => c.number)).toEqual(numbers);
    expect(heardElsewhere).toEqual([]);
  });

  it('builds views only where someone listens: nothing on A, the board on B', async () => {
    const onB = keep(displaySocket(b.url));
    await next(onB, 'state');
    const askedA = vi.spyOn(a.store, 'liveViews');
    const askedB = vi.spyOn(b.store, 'liveViews');
    const state = next(onB, 'state');
    await walkIn(a.url, a.kioskToken, 'B');
    await state;
    await settle();
    expect(askedA.mock.calls.map((call) => call[2])).toEqual([]);
    expect(askedB.mock.calls.map((call) => call[2])).toEqual([{ calls: [], tickets: [], board: true, staff: false } satisfies LiveWanted]);
  });

  it('ends a signed-out session\'s counter socket on the other server', async () => {
    const session = await login(a.url);
    const desk = keep(counterSocket(b.url, session));
    await connected(desk);
    const signedOut = next(desk, 'signedOut');
    expect((await post(a.url, '/auth/logout', session)).status).toBeLessThan(300);
    await signedOut;
  });

  it('counts a rate limit once for both servers (Redis), and apart from another deployment', async () => {
    // Invalid bodies: the limiter counts them before validation; nothing is written.
    const cancel = (server: TestServer) => json(`${server.url}/api/bookings/NOPE/cancel`, { method: 'POST', body: '{}' });
    const statuses: number[] = [];
    for (let i = 0; i < WRITE_LIMIT + 2; i++) statuses.push((await cancel(i % 2 === 0 ? a : b)).status);
    expect(statuses.slice(0, WRITE_LIMIT).includes(429)).toBe(false);
    expect(statuses.slice(WRITE_LIMIT)).toEqual([429, 429]);
    expect((await cancel(other)).status).not.toBe(429);
  });

  it('gives the boards a fresh state when the bus connection to Redis comes back (changes may have been missed)', async () => {
    const onB = keep(displaySocket(b.url));
    await next(onB, 'state');
    const fresh = next(onB, 'state', () => true, 10_000);
    // Cut B's bus subscription only (by its connection name); ioredis reconnects and subscribes again.
    const admin = new Redis(redisUrl());
    try {
      const list = String(await admin.call('CLIENT', 'LIST'));
      const id = /id=(\d+) [^\n]*name=(\S+)/g;
      const busIds = [...list.matchAll(id)].filter((m) => m[2] === `${b.config.redisPrefix}:bus`).map((m) => m[1]!);
      // Both servers of the deployment hold a bus connection under that name: cut them all.
      expect(busIds.length).toBeGreaterThanOrEqual(1);
      for (const clientId of busIds) await admin.call('CLIENT', 'KILL', 'ID', clientId);
    } finally {
      admin.disconnect();
    }
    await fresh;
    // And the bus works again afterwards.
    const after = next(onB, 'state');
    await walkIn(a.url, a.kioskToken, 'A');
    await after;
  });

  it('spans both servers with the Socket.IO adapter: A sees the board held by B', async () => {
    const onB = keep(displaySocket(b.url));
    await next(onB, 'state');
    const seenFromA = await a.io.of('/display').in('office:demo').fetchSockets();
    expect(seenFromA.map((socket) => socket.id)).toContain(onB.id);
  });
});
