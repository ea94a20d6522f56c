import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { StaffState } from '../../shared/protocol';
import { hashPassword } from '../../server/security/passwords';
import { startServer, type TestServer } from '../support/server';
import { connected, counterSocket, login, next, post, walkIn } from './live';

const disconnected = (socket: Socket) => new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

describe('the /counter namespace is for signed-in staff only', () => {
  let s: TestServer;
  const sockets: Socket[] = [];
  const open = (cookie?: string) => {
    const socket = counterSocket(s.url, cookie);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    s = await startServer();
    await s.store.createUser({ username: 'petugas1', displayName: 'Petugas Satu', passwordHash: await hashPassword('loket-satu-123'), role: 'counter', officeId: 'demo' }, s.clock.now());
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => s.stop());

  it('refuses a kelurahan assistant (it books for citizens; the queue is not its business)', async () => {
    await s.store.createUser({ username: 'kel.satu', displayName: 'Kelurahan Satu', passwordHash: await hashPassword('kelurahan-satu-123'), role: 'assistant', officeId: 'demo' }, s.clock.now());
    const cookie = await login(s.url, 'kel.satu', 'kelurahan-satu-123');
    const socket = open(cookie);
    await expect(connected(socket)).rejects.toThrow('FORBIDDEN');
  });

  it('refuses a socket without a session, or with an unknown one', async () => {
    await expect(connected(open())).rejects.toThrow('UNAUTHENTICATED');
    await expect(connected(open('giliran_session=not-a-real-token'))).rejects.toThrow('UNAUTHENTICATED');
  });

  it('serves the queue of the office to a signed-in socket, numbers only', async () => {
    const cookie = await login(s.url);
    const socket = open(cookie);
    await connected(socket);
    // The deployment admin belongs to no office: it says which one it works.
    const first = next<StaffState>(socket, 'queue');
    socket.emit('subscribe', 'demo');
    expect((await first).officeId).toBe('demo');
    const ticket = await walkIn(s.url, s.kioskToken, 'A');
    const state = await next<StaffState>(socket, 'queue', (q) => q.waiting.some((w) => w.id === ticket.id));
    expect(state.waiting.find((w) => w.id === ticket.id)).toMatchObject({ number: ticket.number, service: 'A', source: 'walkin', slot: null });
    expect(state.counters.map((c) => c.name)).toEqual(['1', '2', '3']);
  });

  it('disconnects the sockets of a session at sign-out and refuses them afterwards', async () => {
    const cookie = await login(s.url, 'petugas1', 'loket-satu-123');
    const other = await login(s.url, 'petugas1', 'loket-satu-123');
    const socket = open(cookie);
    const stays = open(other);
    // An office's own staff is subscribed to its office at once.
    const queue = next<StaffState>(socket, 'queue');
    await Promise.all([connected(socket), connected(stays)]);
    expect((await queue).officeId).toBe('demo');
    const signedOut = next(socket, 'signedOut');
    const gone = disconnected(socket);
    expect((await post(s.url, '/auth/logout', cookie)).status).toBe(204);
    await signedOut;
    expect(await gone).toBe('io server disconnect');
    // Only that session ended: the same user's other session is still connected.
    await new Promise((r) => setTimeout(r, 100));
    expect(stays.connected).toBe(true);
    await expect(connected(open(cookie))).rejects.toThrow('UNAUTHENTICATED');
  });

  it('disconnects every socket of a user who is disabled', async () => {
    const cookie = await login(s.url, 'petugas1', 'loket-satu-123');
    const socket = open(cookie);
    await connected(socket);
    const gone = disconnected(socket);
    const user = (await s.store.findUserByUsername('petugas1'))!;
    await s.store.setUserDisabled(user.id, true, { userId: 1, role: 'admin', officeId: null }, s.clock.now());
    expect(await gone).toBe('io server disconnect');
    await expect(connected(open(cookie))).rejects.toThrow('UNAUTHENTICATED');
  });
});
