/**
 * The retention job (UU 27/2022 asks for minimisation): erases the personal data of bookings
 * older than `retentionDays`, keeping the rows for the anonymous counts. It runs at start and
 * then every hour; the clock is injected so tests can move time.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Store } from '../store/store';

export const HOUR_MS = 3_600_000;

export const runRetention = async (store: Store, clock: Clock, retentionDays: number): Promise<number> =>
  (await store.eraseExpiredPersonalData(clock.now(), retentionDays)).erased;

/** Runs once now, then every `intervalMs`; returns a function that stops it. */
export const startRetention = (
  store: Store,
  clock: Clock,
  config: { retentionDays: number },
  log: Pick<Logger, 'info' | 'error'>,
  intervalMs = HOUR_MS,
): (() => void) => {
  const run = async () => {
    try {
      const erased = await runRetention(store, clock, config.retentionDays);
      if (erased > 0) log.info({ erased, retentionDays: config.retentionDays }, 'retention: personal data of old bookings erased');
    } catch (err) {
      // A failed run (e.g. the database busy for too long) is retried at the next tick.
      log.error({ err: String((err as Error)?.message ?? err) }, 'retention job failed');
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
};
