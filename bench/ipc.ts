/**
 * The IPC side of a forked bench server: announce readiness, answer RSS questions and, when
 * BENCH_LOOP_DELAY=1, the event-loop delay seen inside this process since the last reset
 * (perf_hooks.monitorEventLoopDelay: a blocked loop is measured where it happens, not guessed
 * from the load side's latencies).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export type Ready = { type: 'ready'; port: number; kioskToken: string | null };
/** Memory and the CPU time used so far (µs, user + system): CPU per request is steadier than throughput on a shared machine. */
export type RssAnswer = { type: 'rss'; rss: number; heapUsed: number; cpuMicros: number };
/** Event-loop delay since the last reset, in ms (NaN when the server does not measure it). */
export type LoopAnswer = { type: 'loop'; maxMs: number; p99Ms: number; samples: number };
export type Question = { type: 'rss' } | { type: 'loop'; reset: boolean };

/** Timer resolution of the histogram. A sample is the whole interval, so an idle loop reads about this much. */
export const LOOP_RESOLUTION_MS = 1;

const loopMonitor = () => {
  if (process.env.BENCH_LOOP_DELAY !== '1') return null;
  const histogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  histogram.enable();
  return histogram;
};

export const answerIpc = (ready: Omit<Ready, 'type'>): void => {
  const loop = loopMonitor();
  process.on('message', (msg: Question) => {
    if (msg?.type === 'rss') {
      const usage = process.memoryUsage();
      const cpu = process.cpuUsage();
      process.send?.({ type: 'rss', rss: usage.rss, heapUsed: usage.heapUsed, cpuMicros: cpu.user + cpu.system } satisfies RssAnswer);
    } else if (msg?.type === 'loop') {
      const answer: LoopAnswer = loop
        ? { type: 'loop', maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6, samples: loop.count }
        : { type: 'loop', maxMs: NaN, p99Ms: NaN, samples: 0 };
      if (msg.reset) loop?.reset();
      process.send?.(answer);
    }
  });
  process.send?.({ type: 'ready', ...ready } satisfies Ready);
};
