/**
 * One lobby board: a /display socket that notes when each `state` arrives, so a call can be
 * timed from just before its request until the first board state that shows the called number
 * at the calling counter (matching the content, not "the next state", so an unrelated state
 * cannot be taken for the call's).
 */
import { io } from 'socket.io-client';
import type { BoardState } from '../shared/types';
import { sleep } from './stats';

export const watchBoard = async (url: string, officeId: string) => {
  const socket = io(`${url}/display`, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { officeId }, timeout: 30_000 });
  const seen: { at: number; state: BoardState }[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('board: no state within 30 s')), 30_000);
    socket.once('state', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
  socket.on('state', (state: BoardState) => seen.push({ at: performance.now(), state }));
  return {
    /** Forget the states received so far (before the next timed call). */
    clear: () => void (seen.length = 0),
    /** ms from `t0` until the board showed `number` at counter `counter`; NaN when it did not within `timeoutMs`. */
    shown: async (t0: number, counter: string, number: string, timeoutMs = 15_000): Promise<number> => {
      const until = performance.now() + timeoutMs;
      for (;;) {
        const hit = seen.find((s) => s.at >= t0 && s.state.counters.some((c) => c.name === counter && c.current === number));
        if (hit) return hit.at - t0;
        if (performance.now() > until) return NaN;
        await sleep(2);
      }
    },
    close: () => void socket.disconnect(),
  };
};
