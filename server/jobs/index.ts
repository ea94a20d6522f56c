/**
 * The background jobs of a running server, started once it listens (server/main.ts; the bench
 * server does the same): the slots of the coming days, the report figures of past days, the
 * retention erasure and the expired proof-of-work solutions. They run one after the other (at
 * once, off the start-up path, then hourly), each in short transactions with the event loop
 * given back between them: run side by side, their slices would add up between two turns of
 * the event loop. The notification sender (jobs/sender.ts) is started on its own.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Store } from '../store/store';
import { makeReportDays, makeSlots } from './ahead';
import { startPeriodic } from './periodic';
import { HOUR_MS, retain } from './retention';
import { forgetUsedChallenges } from './usedChallenges';

export const startBackgroundJobs = (
  store: Store,
  clock: Clock,
  config: { retentionDays: number },
  log: Pick<Logger, 'info' | 'error'>,
  intervalMs = HOUR_MS,
): (() => void) => {
  let stopped = false;
  const jobs = [
    ['slots', () => makeSlots(store, clock, log)],
    ['report days', () => makeReportDays(store, clock, log)],
    ['retention', () => retain(store, clock, config, log)],
    ['used challenges', () => forgetUsedChallenges(store, clock, log)],
  ] as const;
  const stop = startPeriodic(
    'background',
    async () => {
      for (const [name, job] of jobs) {
        if (stopped) return;
        // Each job on its own: one that fails leaves the others their run. (After a stop, the store may be closed under it.)
        await job().catch((err) => void (stopped || log.error({ err: String((err as Error)?.message ?? err) }, `${name} job failed`)));
      }
    },
    intervalMs,
    log,
  );
  return () => {
    stopped = true;
    stop();
  };
};
