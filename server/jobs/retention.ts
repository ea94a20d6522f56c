/**
 * The retention job (UU 27/2022 asks for minimisation): erases the personal data of bookings
 * older than `retentionDays`, keeping the rows for the anonymous counts. It runs at start (on
 * the next turn of the event loop, off the start-up path) and then every hour, in short
 * batches (the store's); the clock is injected so tests can move time. A running server runs
 * it with the other background jobs (jobs/index.ts).
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Store } from '../store/store';
import { startPeriodic } from './periodic';

export const HOUR_MS = 3_600_000;

export const runRetention = async (store: Store, clock: Clock, retentionDays: number): Promise<number> =>
  (await store.eraseExpiredPersonalData(clock.now(), retentionDays)).erased;

/** One run: erases what is due and says so in the log (names and numbers never). */
export const retain = async (store: Store, clock: Clock, config: { retentionDays: number }, log: Pick<Logger, 'info'>): Promise<void> => {
  const erased = await runRetention(store, clock, config.retentionDays);
  if (erased > 0) log.info({ erased, retentionDays: config.retentionDays }, 'retention: personal data of old bookings erased');
};

/** Runs once now (on the next turn of the event loop), then every `intervalMs`; returns a function that stops it. */
export const startRetention = (
  store: Store,
  clock: Clock,
  config: { retentionDays: number },
  log: Pick<Logger, 'info' | 'error'>,
  intervalMs = HOUR_MS,
): (() => void) => startPeriodic('retention', () => retain(store, clock, config, log), intervalMs, log);
