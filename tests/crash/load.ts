/**
 * The client side of the crash test: booking and walk-in workers that keep going while the
 * server dies and comes back, and remember every answer they saw. A request cut off by the
 * crash has no answer: it may or may not have committed, and nothing is claimed about it.
 */
import { manyNik } from '../support/factories';

export type Target = { url: string } | null;
export type Seen = {
  bookings: { code: string; slotId: number }[];
  tickets: { id: string; number: string; service: string }[];
  statuses: Record<string, number>;
  /** Requests that got no answer (connection refused or cut by a kill). */
  cut: number;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const startLoad = (opts: {
  target: () => Target;
  kioskToken: string;
  slotIds: number[];
  bookingWorkers: number;
  walkInWorkers: number;
}) => {
  const seen: Seen = { bookings: [], tickets: [], statuses: {}, cut: 0 };
  let stopped = false;
  let nextPerson = 0;
  let inFlight = 0;
  const count = (key: string) => (seen.statuses[key] = (seen.statuses[key] ?? 0) + 1);

  const send = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const target = opts.target();
    if (!target) {
      await sleep(10);
      return undefined;
    }
    inFlight++;
    try {
      const res = await fetch(`${target.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      const json = (await res.json()) as Record<string, unknown>;
      return { status: res.status, json };
    } catch {
      seen.cut++;
      await sleep(5);
      return undefined;
    } finally {
      inFlight--;
    }
  };

  const bookingWorker = async () => {
    while (!stopped) {
      const n = nextPerson++;
      const slotId = opts.slotIds[n % opts.slotIds.length]!;
      const answer = await send('/api/offices/demo/bookings', {
        service: 'A', slotId, nik: manyNik(n), name: `Warga ${n}`, phone: `0812${String(10_000_000 + n).slice(-8)}`,
      });
      if (!answer) continue;
      count(`booking ${answer.status}`);
      if (answer.status === 201) seen.bookings.push({ code: String(answer.json.code), slotId: Number(answer.json.slotId) });
    }
  };

  const walkInWorker = async (services: string[]) => {
    for (let i = 0; !stopped; i++) {
      const service = services[i % services.length]!;
      const answer = await send('/api/offices/demo/tickets', { service }, { authorization: `Bearer ${opts.kioskToken}` });
      if (!answer) continue;
      count(`walk-in ${answer.status}`);
      if (answer.status === 201) seen.tickets.push({ id: String(answer.json.id), number: String(answer.json.number), service });
    }
  };

  const workers = [
    ...Array.from({ length: opts.bookingWorkers }, () => bookingWorker()),
    ...Array.from({ length: opts.walkInWorkers }, (_, i) => walkInWorker(i % 2 ? ['B', 'C', 'A'] : ['A', 'B', 'C'])),
  ];
  return {
    seen,
    inFlight: () => inFlight,
    stop: async () => {
      stopped = true;
      await Promise.all(workers);
      return seen;
    },
  };
};
