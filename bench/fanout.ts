/**
 * The call fan-out: K sockets (half /display, half /ticket, websocket transport) stay
 * connected while a counter calls; for each call we time, from just before the call request
 * is sent, until each socket receives its event ('called' on a board, 'ticket' on a ticket page).
 */
import { io, type Socket } from 'socket.io-client';
import { sleep, summarise } from './stats';

export type FanoutTarget = {
  url: string;
  officeId: string;
  /** One ticket id per /ticket socket. */
  ticketIds: string[];
  /** Sends one call and resolves when the server has answered. Returns a token for `settle`. */
  call: () => Promise<unknown>;
  /** After a measured round: undo what the call left behind (e.g. finish the called ticket). */
  settle?: (token: unknown) => Promise<void>;
};

type Watched = { socket: Socket; receivedAt: number | null };

export type Fanout = { rounds: number; samples: number; missed: number; p50: number; p99: number; max: number };

/** Runs `rounds` measured calls on each target in turn (after `warmups`), so both see the same machine load. */
export const interleave = async (
  targets: { round: () => Promise<{ samples: number[]; missed: number }> }[],
  rounds: number,
  warmups: number,
): Promise<Fanout[]> => {
  const all = targets.map(() => ({ samples: [] as number[], missed: 0 }));
  for (let r = 0; r < warmups + rounds; r++) {
    // Alternate who goes first, so neither always follows the other's burst of traffic.
    const order = r % 2 === 0 ? targets.map((_, i) => i) : targets.map((_, i) => i).reverse();
    for (const i of order) {
      const result = await targets[i]!.round();
      if (r < warmups) continue;
      all[i]!.samples.push(...result.samples);
      all[i]!.missed += result.missed;
    }
  }
  return all.map(({ samples, missed }) => ({ rounds, samples: samples.length, missed, ...summarise(samples) }));
};

const connectOne = (url: string, nsp: string, auth: Record<string, string>, firstEvent: string): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = io(`${url}${nsp}`, { transports: ['websocket'], forceNew: true, reconnection: false, auth, timeout: 30_000 });
    const timer = setTimeout(() => reject(new Error(`socket ${nsp} got no ${firstEvent} within 30 s`)), 30_000);
    socket.once(firstEvent, () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });

/** Connects the sockets in batches (a real lobby does not connect 1,000 phones in one millisecond). */
export const connectAll = async (target: FanoutTarget, displays: number, batch = 50) => {
  const watched: { kind: 'display' | 'ticket'; w: Watched }[] = [];
  const plan: (() => Promise<Socket>)[] = [
    ...Array.from({ length: displays }, () => () => connectOne(target.url, '/display', { officeId: target.officeId }, 'state')),
    ...target.ticketIds.map((ticketId) => () => connectOne(target.url, '/ticket', { ticketId }, 'ticket')),
  ];
  for (let i = 0; i < plan.length; i += batch) {
    const sockets = await Promise.all(plan.slice(i, i + batch).map((open) => open()));
    sockets.forEach((socket, j) => watched.push({ kind: i + j < displays ? 'display' : 'ticket', w: { socket, receivedAt: null } }));
  }
  let lastEventAt = performance.now();
  let armed = false;
  for (const { kind, w } of watched) {
    w.socket.onAny(() => (lastEventAt = performance.now()));
    w.socket.on(kind === 'display' ? 'called' : 'ticket', () => {
      if (armed && w.receivedAt === null) w.receivedAt = performance.now();
    });
  }
  /** Waits until no socket has received anything for `quietMs` (bounded). */
  const quiet = async (quietMs = 150, maxMs = 20_000) => {
    const until = performance.now() + maxMs;
    while (performance.now() - lastEventAt < quietMs && performance.now() < until) await sleep(20);
  };
  /** One call: the receipt delay of every socket (ms from just before the request), and how many never got it. */
  const round = async (): Promise<{ samples: number[]; missed: number }> => {
    await quiet();
    for (const { w } of watched) w.receivedAt = null;
    armed = true;
    const t0 = performance.now();
    const token = await target.call();
    const until = performance.now() + 15_000;
    while (watched.some(({ w }) => w.receivedAt === null) && performance.now() < until) await sleep(5);
    armed = false;
    const samples: number[] = [];
    let missed = 0;
    for (const { w } of watched) {
      if (w.receivedAt === null) missed++;
      else samples.push(w.receivedAt - t0);
    }
    await target.settle?.(token);
    await quiet();
    return { samples, missed };
  };
  const close = () => {
    for (const { w } of watched) w.socket.disconnect();
  };
  return { round, close, count: watched.length };
};
