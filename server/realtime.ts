/**
 * The live layer. Routes never emit: the store reports each committed change, and this
 * publisher turns it into Socket.IO events for office-scoped rooms. Boards always receive
 * a full `state` snapshot, so a reconnecting client simply resynchronises.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Namespace } from 'socket.io';
import type {
  CounterClientToServer, CounterServerToClient, DisplayClientToServer, DisplayServerToClient, TicketClientToServer, TicketServerToClient,
} from '../shared/protocol';
import { sessionUser } from './http/auth';
import type { Deps } from './http/deps';
import type { Change } from './store';
import { boardState, callEvent, publicTicket, staffState } from './store/queueView';
import type { SessionUser } from './store/staff';
import * as t from './db/schema';

const officeRoom = (officeId: string) => `office:${officeId}`;
/** How often idle sessions are swept from /counter and boards get a fresh snapshot (clock sync, day change). */
const SWEEP_MS = 60_000;

export const createRealtime = (httpServer: HttpServer, deps: Deps) => {
  const { store, clock } = deps;
  const io = new Server(httpServer, { serveClient: false, cors: { origin: false } });
  const display: Namespace<DisplayClientToServer, DisplayServerToClient> = io.of('/display');
  const ticket: Namespace<TicketClientToServer, TicketServerToClient> = io.of('/ticket');
  const counter: Namespace<CounterClientToServer, CounterServerToClient, Record<string, never>, { user: SessionUser }> = io.of('/counter');

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

  // Staff: the session cookie authenticates the socket, as it does every request.
  counter.use((socket, next) => {
    const user = sessionUser(deps, socket.request.headers.cookie);
    if (!user) return next(new Error('UNAUTHENTICATED'));
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
      if (!sessionUser(deps, socket.request.headers.cookie, { touch: false })) endSocket(socket);
    }
    const offices = new Set<string>();
    for (const socket of display.sockets.values()) offices.add((socket.data as { officeId: string }).officeId);
    for (const officeId of offices) display.to(officeRoom(officeId)).emit('state', await store.boardState(officeId, clock.now()));
  };
  const sweeper = setInterval(() => void sweep().catch((err) => deps.log.error({ err: String(err) }, 'realtime sweep failed')), SWEEP_MS);
  sweeper.unref();
  httpServer.once('close', () => clearInterval(sweeper));

  store.onSessionEnd(({ sessionId, userId }) => {
    const room = sessionId ? `session:${sessionId}` : `user:${userId}`;
    counter.to(room).emit('signedOut');
    counter.in(room).disconnectSockets(true);
  });

  // Changes are coalesced per office within one tick: one snapshot, then every view from it.
  const pending = new Map<string, Change[]>();
  const flush = async (officeId: string) => {
    const changes = pending.get(officeId) ?? [];
    pending.delete(officeId);
    const snap = store.snapshot(officeId, clock.now());
    for (const change of changes) {
      if (!change.call) continue;
      const call = callEvent(snap, {
        id: 0, officeId, ticketId: change.call.ticketId, type: change.call.recall ? 'recalled' : 'called', at: change.call.at,
        counterId: change.call.counterId, userId: null, serviceId: null,
      } satisfies typeof t.ticketEvents.$inferSelect);
      display.to(officeRoom(officeId)).emit('called', call);
      counter.to(officeRoom(officeId)).emit('called', call);
    }
    // Every waiting ticket's position may have moved: refresh each followed ticket of this office
    // (before the bigger board and staff views, so a called visitor's phone hears it with the board).
    // Read from this server's rooms synchronously: no await, so no later flush can overtake this one.
    const followed = new Set<string>();
    for (const socketId of ticket.adapter.rooms.get(officeRoom(officeId)) ?? []) {
      const followedId = (ticket.sockets.get(socketId)?.data as { ticketId?: string } | undefined)?.ticketId;
      if (followedId) followed.add(followedId);
    }
    const byId = new Map(snap.tickets.map((tk) => [tk.id, tk]));
    for (const id of followed) {
      const row = byId.get(id);
      if (row) ticket.to(id).emit('ticket', publicTicket(snap, row));
    }
    display.to(officeRoom(officeId)).emit('state', boardState(store.ctx, snap));
    counter.to(officeRoom(officeId)).emit('queue', staffState(store.ctx, snap));
  };
  store.onChange((change) => {
    const queued = pending.get(change.officeId);
    if (queued) return void queued.push(change);
    pending.set(change.officeId, [change]);
    setImmediate(() => void flush(change.officeId).catch((err) => deps.log.error({ err: String(err) }, 'realtime flush failed')));
  });

  return io;
};
