/**
 * The live layer: namespaces, their handshakes (office, ticket, staff session cookie), rooms,
 * and the periodic sweep. Routes never emit; the publisher (events/publisher.ts) sends what
 * commands committed. Boards always receive a full `state`, so a reconnecting client resyncs.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import { startPublisher } from '../events/publisher';
import { sessionUser } from '../http/auth';
import { mayAct } from '../domain/policy';
import { fromOwnOrigin, trustedOrigins } from '../security/sameOrigin';
import type { Deps } from '../http/deps';
import { officeRoom, type LiveNamespaces } from './namespaces';

/** How often idle sessions are swept from /counter and boards get a fresh snapshot (clock sync, day change). */
const SWEEP_MS = 60_000;

/**
 * `adapter`: with several processes, the Socket.IO Redis adapter (realtime/redisAdapter.ts), so that
 * rooms and socket operations span the processes; the live events themselves are emitted by each
 * process to its own sockets (see events/publisher.ts).
 */
export const createRealtime = (httpServer: HttpServer, deps: Deps, adapter?: ServerOptions['adapter']) => {
  const { store, clock } = deps;
  const io = new Server(httpServer, { serveClient: false, cors: { origin: false }, ...(adapter ? { adapter } : {}) });
  const live: LiveNamespaces = { display: io.of('/display'), ticket: io.of('/ticket'), counter: io.of('/counter') };
  const { display, ticket, counter } = live;

  display.use(async (socket, next) => {
    const officeId = String((socket.handshake.auth as { officeId?: unknown }).officeId ?? '');
    const offices = await store.listOffices();
    if (!offices.some((o) => o.id === officeId)) return next(new Error('NOT_FOUND'));
    socket.data = { officeId };
    next();
  });
  display.on('connection', async (socket) => {
    const { officeId } = socket.data as { officeId: string };
    await socket.join(officeRoom(officeId));
    socket.emit('state', await store.boardState(officeId, clock.now()));
  });

  ticket.use(async (socket, next) => {
    const ticketId = String((socket.handshake.auth as { ticketId?: unknown }).ticketId ?? '');
    const found = ticketId ? await store.publicTicket(ticketId, clock.now()) : undefined;
    if (!found) return next(new Error('NOT_FOUND'));
    socket.data = { ticketId, officeId: found.office };
    next();
  });
  ticket.on('connection', async (socket) => {
    const { ticketId, officeId } = socket.data as { ticketId: string; officeId: string };
    await socket.join([ticketId, officeRoom(officeId)]);
    const current = await store.publicTicket(ticketId, clock.now());
    if (current) socket.emit('ticket', current);
  });

  // Staff: the session cookie authenticates the socket, as it does every request, and, as for a
  // signed-in write, only from this server's own pages: a page elsewhere could open it with the cookie.
  const trusted = trustedOrigins(deps.config);
  counter.use((socket, next) => (fromOwnOrigin(socket.request.headers, trusted) ? next() : next(new Error('FORBIDDEN'))));
  counter.use(async (socket, next) => {
    const user = await sessionUser(deps, socket.request.headers.cookie).catch(() => undefined);
    if (!user) return next(new Error('UNAUTHENTICATED'));
    // The queue is for the office's working staff: a kelurahan assistant only books for citizens.
    if (!mayAct(user, 'serve')) return next(new Error('FORBIDDEN'));
    socket.data.user = user;
    next();
  });
  const endSocket = (socket: { emit: (ev: 'signedOut') => unknown; disconnect: (close: boolean) => unknown }) => {
    socket.emit('signedOut');
    socket.disconnect(true);
  };
  counter.on('connection', async (socket) => {
    const user = socket.data.user;
    await socket.join([`session:${user.sessionId}`, `user:${user.userId}`]);
    const subscribe = async (officeId: string) => {
      if (user.officeId !== null && user.officeId !== officeId) return;
      if (!(await store.listOffices()).some((o) => o.id === officeId)) return;
      for (const room of socket.rooms) if (room.startsWith('office:')) await socket.leave(room);
      await socket.join(officeRoom(officeId));
      socket.emit('queue', await store.staffState(officeId, clock.now()));
    };
    socket.on('subscribe', (officeId) => void subscribe(String(officeId)));
    if (user.officeId) await subscribe(user.officeId);
  });

  // A session can also end by idling or by age: sweep the staff sockets whose cookie no longer resolves,
  // and give every board a fresh snapshot (its clock stays in step; a new day clears yesterday's calls).
  const sweep = async () => {
    for (const socket of counter.sockets.values()) {
      if (!(await sessionUser(deps, socket.request.headers.cookie, { touch: false }))) endSocket(socket);
    }
    const offices = new Set<string>();
    for (const socket of display.sockets.values()) offices.add((socket.data as { officeId: string }).officeId);
    // Each process sweeps its own boards (local): through the adapter every board would get one snapshot per process.
    for (const officeId of offices) display.local.to(officeRoom(officeId)).emit('state', await store.boardState(officeId, clock.now()));
  };
  const sweeper = setInterval(() => void sweep().catch((err) => deps.log.error({ err: String(err) }, 'realtime sweep failed')), SWEEP_MS);
  sweeper.unref();
  httpServer.once('close', () => clearInterval(sweeper));

  const stopPublisher = startPublisher(deps, live);
  httpServer.once('close', stopPublisher);

  return io;
};
