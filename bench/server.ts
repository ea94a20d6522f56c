/**
 * The product server as the benchmark and the crash test run it: the real boot (server/boot.ts)
 * plus the notification sender, listening on 127.0.0.1, in its own process. Configuration comes
 * from the environment exactly as server/main.ts reads it; the only bench additions are a clock
 * started at BENCH_NOW (so the demo office is open) and an IPC channel: the parent is told the
 * port once listening, and may ask for this process's RSS and, with BENCH_LOOP_DELAY=1, its
 * event-loop delay (bench/ipc.ts). No HTTP endpoint is added.
 */
import { DateTime } from 'luxon';
import type { AddressInfo } from 'node:net';
import { boot } from '../server/boot';
import type { Clock } from '../server/clock';
import { readConfig } from '../server/config';
import { startBackgroundJobs } from '../server/jobs';
import { startSender } from '../server/jobs/sender';
import { answerIpc } from './ipc';

/** A clock that starts at BENCH_NOW and runs at real speed from then on (in UTC, as systemClock). */
const runningClock = (startIso: string | undefined): Clock => {
  if (!startIso) return { now: () => DateTime.utc() };
  const startMs = DateTime.fromISO(startIso, { setZone: true }).toMillis();
  const t0 = performance.now();
  return { now: () => DateTime.fromMillis(startMs + Math.round(performance.now() - t0), { zone: 'utc' }) };
};

const config = { ...readConfig(process.env), host: '127.0.0.1' };
const clock = runningClock(process.env.BENCH_NOW);
const server = await boot({ config, clock });
const stopSender = startSender(server.store, clock, config, server.log);

// As in main.ts: slots ahead, stored report days and retention, in short steps once listening.
let stopJobs = () => {};
server.httpServer.listen(config.port, config.host, () => {
  const { port } = server.httpServer.address() as AddressInfo;
  answerIpc({ port, kioskToken: server.seed.kioskToken ?? null });
  stopJobs = startBackgroundJobs(server.store, clock, config, server.log);
});

process.on('SIGTERM', () => {
  stopSender();
  stopJobs();
  void server.close().then(() => process.exit(0));
});
