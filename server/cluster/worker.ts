/**
 * A worker of WORKERS=N: it never listens; the primary hands it connections (see primary.ts).
 * Connections handed over while the worker still boots (store, migrations, Redis) are held and
 * served once it is ready (the primary sends it some only when no other worker is ready).
 */
import { setupWorker } from '@socket.io/sticky';
import type { SendHandle } from 'node:child_process';
import type { Server } from 'socket.io';

type Held = [message: unknown, handle: SendHandle];

/** What a worker tells the primary once it serves. */
export const READY_MESSAGE = 'giliran:ready';

/** Call first thing in a worker: holds what the primary sends until `serve` is called. */
export const holdConnections = (): { serve(io: Server): void } => {
  const held: Held[] = [];
  const hold = (message: unknown, handle: SendHandle) => void held.push([message, handle]);
  process.on('message', hold);
  return {
    serve(io) {
      process.off('message', hold);
      setupWorker(io);
      for (const [message, handle] of held.splice(0)) process.emit('message', message, handle);
      process.send?.({ type: READY_MESSAGE });
    },
  };
};
