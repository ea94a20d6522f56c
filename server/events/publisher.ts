/**
 * The one way out for events: committed changes from the bus become Socket.IO emits to
 * office-scoped rooms, built only from `Store` read models. Changes of one office within one
 * tick are coalesced: one snapshot, then every view from it, and only the views someone in this
 * server's rooms listens to (a board, a counter, a followed ticket). Boards always get a full `state`.
 *
 * Several processes: every process hears every change once (the bus) and emits with `.local`,
 * to the sockets it holds only. Why not let the committing process emit through the Redis
 * adapter instead: it cannot know synchronously who listens in other processes (their rooms,
 * the tickets their phones follow), so it would build views nobody needs or miss some; and if
 * both the bus and the adapter carried an event, a socket would get it twice. So each socket
 * gets each event exactly once, from the process holding it, built only if someone listens
 * there. The adapter (realtime/index.ts) is for what addresses sockets wherever they are.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { LiveNamespaces } from '../realtime/namespaces';
import { officeRoom } from '../realtime/namespaces';
import type { Store } from '../store/store';
import type { ChangeBus } from './bus';
import { officeChanged, type Change, type OfficeChange } from './change';

export const startPublisher = ({ bus, store, clock, log }: { bus: ChangeBus; store: Store; clock: Clock; log: Pick<Logger, 'error'> }, live: LiveNamespaces): (() => void) => {
  const { display, ticket, counter } = live;

  const pending = new Map<string, OfficeChange[]>();
  const flush = async (officeId: string) => {
    const changes = pending.get(officeId) ?? [];
    pending.delete(officeId);
    const room = officeRoom(officeId);
    // Read from this server's rooms synchronously: no await before, so no later flush can overtake this one.
    // Every waiting ticket's position may have moved: refresh each followed ticket of this office.
    const followed = new Set<string>();
    for (const socketId of ticket.adapter.rooms.get(room) ?? []) {
      const followedId = (ticket.sockets.get(socketId)?.data as { ticketId?: string } | undefined)?.ticketId;
      if (followedId) followed.add(followedId);
    }
    // Only what someone listens to is computed: the board for boards in the office, the staff queue for counters.
    const board = (display.adapter.rooms.get(room)?.size ?? 0) > 0;
    const staff = (counter.adapter.rooms.get(room)?.size ?? 0) > 0;
    if (!board && !staff && followed.size === 0) return;
    const calls = board || staff ? changes.flatMap((c) => (c.call ? [c.call] : [])) : [];
    const views = await store.liveViews(officeId, clock.now(), { calls, tickets: [...followed], board, staff });
    for (const call of views.calls) {
      if (board) display.local.to(room).emit('called', call);
      if (staff) counter.local.to(room).emit('called', call);
    }
    // Tickets before the bigger board and staff views, so a called visitor's phone hears it with the board.
    for (const view of views.tickets) ticket.local.to(view.id).emit('ticket', view);
    if (views.board) display.local.to(room).emit('state', views.board);
    if (views.staff) counter.local.to(room).emit('queue', views.staff);
  };

  const onChange = (change: Change) => {
    if (change.kind === 'sessions') {
      const room = change.sessionId ? `session:${change.sessionId}` : `user:${change.userId}`;
      counter.local.to(room).emit('signedOut');
      counter.local.in(room).disconnectSockets(true);
      return;
    }
    const queued = pending.get(change.officeId);
    if (queued) return void queued.push(change);
    pending.set(change.officeId, [change]);
    setImmediate(() => void flush(change.officeId).catch((err) => log.error({ err: String(err) }, 'realtime flush failed')));
  };

  // After a gap on a bus across processes (Redis was lost), every office someone here listens to
  // gets fresh views: a snapshot covers whatever was missed (a missed call is not announced again).
  let stopped = false;
  bus.onGap?.(() => {
    if (stopped) return;
    const offices = new Set<string>();
    for (const nsp of [display, ticket, counter]) {
      for (const room of nsp.adapter.rooms.keys()) if (room.startsWith('office:')) offices.add(room.slice('office:'.length));
    }
    for (const officeId of offices) onChange(officeChanged(officeId));
  });

  const unsubscribe = bus.subscribe(onChange);
  return () => {
    stopped = true;
    unsubscribe();
  };
};
