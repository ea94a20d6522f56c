/**
 * The retention job (UU 27/2022 asks for minimisation): erases the personal data of bookings
 * older than `retentionDays`, keeping the rows for the anonymous counts. It runs at start and
 * then every hour; the clock is injected so tests can move time.
 */
import type { Logger } from 'pino';
import type { Clock } from './clock';
import type { StoreCtx } from './store/context';
import { eraseExpiredPersonalData } from './store/ext/booking';

export const HOUR_MS = 3_600_000;

export const runRetention = (ctx: StoreCtx, clock: Clock, retentionDays: number): number =>
  eraseExpiredPersonalData(ctx, clock.now(), retentionDays).erased;

/** Runs once now, then every `intervalMs`; returns a function that stops it. */
export const startRetention = (
  ctx: StoreCtx,
  clock: Clock,
  config: { retentionDays: number },
  log: Pick<Logger, 'info' | 'error'>,
  intervalMs = HOUR_MS,
): (() => void) => {
  const run = () => {
    try {
      const erased = runRetention(ctx, clock, config.retentionDays);
      if (erased > 0) log.info({ erased, retentionDays: config.retentionDays }, 'retention: personal data of old bookings erased');
    } catch (err) {
      // A failed run (e.g. the database busy for too long) is retried at the next tick.
      log.error({ err: String((err as Error)?.message ?? err) }, 'retention job failed');
    }
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
};
