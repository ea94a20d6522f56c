/**
 * The board's live connection: joins /display for one office and keeps trying until the
 * server answers again (restart, network loss), whatever the reason the link dropped. Every
 * (re)connection brings a full `state`, so resynchronising needs nothing more.
 * Used by the page and, unchanged, by the socket tests in Node.
 */
import { io, type Socket } from 'socket.io-client';
import type { DisplayAuth, DisplayClientToServer, DisplayServerToClient } from '../shared/protocol';
import type { BoardState, CallEvent } from '../shared/types';

export type LinkStatus = 'connecting' | 'online' | 'offline' | 'unknown-office';

export type BoardHandlers = {
  state: (state: BoardState) => void;
  called: (call: CallEvent) => void;
  status: (status: LinkStatus) => void;
};

export type BoardLink = { socket: Socket<DisplayServerToClient, DisplayClientToServer>; close: () => void };

/** `base` is '' in the page (same origin) or the server's URL in a test. */
export const connectBoard = (base: string, officeId: string, on: BoardHandlers, opts: { retryMs?: number } = {}): BoardLink => {
  const retryMs = opts.retryMs ?? 3000;
  const auth: DisplayAuth = { officeId };
  const socket: Socket<DisplayServerToClient, DisplayClientToServer> = io(`${base}/display`, {
    auth,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    randomizationFactor: 0.3,
  });
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  // Socket.IO retries a dropped transport by itself, but not a disconnect decided by the server
  // nor a refused handshake: a lobby board must never give up, so retry those too.
  const retryLater = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      if (!closed && !socket.connected) socket.connect();
    }, retryMs);
  };
  on.status('connecting');
  socket.on('connect', () => on.status('online'));
  socket.on('state', (state) => on.state(state));
  socket.on('called', (call) => on.called(call));
  socket.on('disconnect', (reason) => {
    if (closed) return;
    on.status('offline');
    if (reason === 'io server disconnect') retryLater();
  });
  socket.on('connect_error', (err) => {
    if (closed) return;
    on.status(err.message === 'NOT_FOUND' ? 'unknown-office' : 'offline');
    if (!socket.active) retryLater();
  });
  return {
    socket,
    close: () => {
      closed = true;
      if (retry) clearTimeout(retry);
      socket.disconnect();
    },
  };
};
