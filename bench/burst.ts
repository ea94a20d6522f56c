/**
 * The booking burst: N booking attempts at concurrency C, spread over the measured slots,
 * each with its own valid NIK so that only the capacity decides. C workers share one pool of
 * N attempts (each sends its next attempt when the last is answered) over keep-alive
 * connections that a warm-up has already opened, so the figures measure the booking path and
 * not how a server accepts 200 brand-new connections at once. Every attempt is timed here.
 */
import { Agent, request } from 'node:http';
import { manyNik } from '../tests/support/factories';
import { summarise } from './stats';

export type BurstResult = {
  attempts: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
  errors: number;
};

export type BurstTarget = { path: string; slotIds: number[]; service?: string };

/** A keep-alive HTTP client for one server, with up to `connections` sockets. */
export const burstClient = (url: string, connections: number) => {
  const { hostname, port } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const post = (path: string, body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        { agent, hostname, port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
};
export type BurstClient = ReturnType<typeof burstClient>;

/** `firstNik` keeps the NIKs of separate bursts (warm-up, measured) apart. */
export const burst = async (client: BurstClient, target: BurstTarget, n: number, concurrency: number, firstNik: number): Promise<BurstResult> => {
  let next = 0;
  let errors = 0;
  const statuses: Record<number, number> = {};
  const latencies: number[] = [];
  const body = (i: number) =>
    JSON.stringify({
      service: target.service ?? 'A',
      slotId: target.slotIds[i % target.slotIds.length],
      nik: manyNik(firstNik + i),
      name: `Warga ${firstNik + i}`,
      phone: `0812${String(10_000_000 + ((firstNik + i) % 90_000_000)).padStart(8, '0')}`,
    });
  const worker = async () => {
    while (next < n) {
      const payload = body(next++);
      const sentAt = performance.now();
      try {
        const status = await client.post(target.path, payload);
        latencies.push(performance.now() - sentAt);
        statuses[status] = (statuses[status] ?? 0) + 1;
      } catch {
        errors++;
      }
    }
  };
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  const seconds = (performance.now() - startedAt) / 1000;
  const { p50, p99 } = summarise(latencies);
  return { attempts: latencies.length, seconds, rps: latencies.length / seconds, p50, p99, statuses, errors };
};
