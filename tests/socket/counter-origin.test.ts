import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';
import { connected, login } from './live';

/**
 * A page on another site could open the staff socket with the browser's session cookie and read
 * the queue, names included (issue 13, item 1): the /counter handshake must come from the
 * server's own pages. A browser always sends Origin on a WebSocket handshake.
 */
describe('the /counter namespace refuses a handshake from another origin', () => {
  let s: TestServer;
  let cookie: string;
  const sockets: Socket[] = [];
  const open = (namespace: string, headers: Record<string, string>, auth: Record<string, string> = {}) => {
    const socket = io(`${s.url}${namespace}`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers, auth });
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    s = await startServer({ config: { allowedOrigins: ['https://antrian.example.go.id'] } });
    cookie = await login(s.url);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => s.stop());

  it('refuses a signed-in socket opened from another site', async () => {
    await expect(connected(open('/counter', { cookie, origin: 'https://jahat.example' }))).rejects.toThrow('FORBIDDEN');
    await expect(connected(open('/counter', { cookie, origin: 'null' }))).rejects.toThrow('FORBIDDEN');
  });

  it('accepts it from the server’s own origin, a configured one, or a client that names none', async () => {
    await connected(open('/counter', { cookie, origin: s.url }));
    await connected(open('/counter', { cookie, origin: 'https://antrian.example.go.id' }));
    await connected(open('/counter', { cookie }));
  });

  it('leaves the public lobby board open to any origin', async () => {
    await connected(open('/display', { origin: 'https://jahat.example' }, { officeId: 'demo' }));
  });

  it('still refuses a socket without a session from the own origin', async () => {
    await expect(connected(open('/counter', { origin: s.url }))).rejects.toThrow('UNAUTHENTICATED');
  });
});
