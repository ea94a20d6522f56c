/**
 * Pay for what is listened to: after a change the publisher builds the board only for an office
 * with a board connected, the staff queue only with a counter connected, and a ticket only when
 * someone follows it; with nobody listening it reads nothing at all.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BoardState } from '../../shared/types';
import type { LiveWanted } from '../../server/store/store';
import { startServer, type TestServer } from '../support/server';
import { connected, counterSocket, displaySocket, login, next, ticketSocket, walkIn } from './live';

describe('the publisher', () => {
  let s: TestServer;
  let cookie: string;
  const sockets: Socket[] = [];
  const keep = (socket: Socket) => (sockets.push(socket), socket);
  const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

  beforeAll(async () => {
    s = await startServer();
    cookie = await login(s.url);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => s.stop());

  /** What the publisher asked the store for after one walk-in. */
  const askedAfterWalkIn = async (): Promise<LiveWanted[]> => {
    const spy = vi.spyOn(s.store, 'liveViews');
    await walkIn(s.url, s.kioskToken, 'A');
    await settled();
    return spy.mock.calls.map((call) => call[2]);
  };

  it('reads nothing when nobody listens in the office', async () => {
    expect(await askedAfterWalkIn()).toEqual([]);
  });

  it('builds only the board for a board, and sends it', async () => {
    const board = keep(displaySocket(s.url));
    await next<BoardState>(board, 'state');
    const state = next<BoardState>(board, 'state');
    expect(await askedAfterWalkIn()).toEqual([{ calls: [], tickets: [], board: true, staff: false }]);
    expect((await state).waiting.find((w) => w.service === 'A')?.count).toBeGreaterThan(0);
  });

  it('builds only the followed ticket for its phone', async () => {
    const followed = await walkIn(s.url, s.kioskToken, 'B');
    const phone = keep(ticketSocket(s.url, followed.id));
    await next(phone, 'ticket');
    expect(await askedAfterWalkIn()).toEqual([{ calls: [], tickets: [followed.id], board: false, staff: false }]);
  });

  it('builds only the staff queue for a counter', async () => {
    const counter = keep(counterSocket(s.url, cookie));
    await connected(counter);
    // The deployment's admin belongs to no office: it picks one.
    const queue = next(counter, 'queue');
    counter.emit('subscribe', 'demo');
    await queue;
    expect(await askedAfterWalkIn()).toEqual([{ calls: [], tickets: [], board: false, staff: true }]);
  });
});
