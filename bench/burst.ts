/**
 * The booking burst: N booking attempts at concurrency C, spread over the measured slots,
 * each with its own valid NIK so that only the capacity decides. Driven by autocannon over
 * keep-alive connections; the rate counts every answered attempt (201 and 409 alike).
 */
import autocannon from 'autocannon';
import { manyNik } from '../tests/support/factories';

export type BurstResult = {
  attempts: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
  errors: number;
};

export type BurstTarget = { url: string; path: string; slotIds: number[]; service?: string };

/** `firstNik` keeps the NIKs of separate bursts (warm-up, measured) apart. */
export const burst = async (target: BurstTarget, n: number, concurrency: number, firstNik: number): Promise<BurstResult> => {
  let next = 0;
  const statuses: Record<number, number> = {};
  // Timed here: autocannon's own duration ends on its one-second ticker, too coarse for a burst of a few seconds.
  const startedAt = performance.now();
  let lastAnswerAt = startedAt;
  const result = await autocannon({
    url: target.url,
    connections: Math.min(concurrency, n),
    amount: n,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: target.path,
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const i = next++;
          const nik = manyNik(firstNik + i);
          const body = {
            service: target.service ?? 'A',
            slotId: target.slotIds[i % target.slotIds.length],
            nik,
            name: `Warga ${firstNik + i}`,
            phone: `0812${String(10_000_000 + ((firstNik + i) % 90_000_000)).padStart(8, '0')}`,
          };
          return { ...req, body: JSON.stringify(body) };
        },
        onResponse: (status) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          lastAnswerAt = performance.now();
        },
      },
    ],
  });
  const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
  const seconds = (lastAnswerAt - startedAt) / 1000;
  return {
    attempts: answered,
    seconds,
    rps: answered / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts,
  };
};
