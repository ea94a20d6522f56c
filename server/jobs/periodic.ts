/**
 * Runs a background job off the start-up path: first on the turn of the event loop after the
 * call (so whatever starts it, e.g. listening, goes first), then every `intervalMs`. A run that
 * is still going when the next one is due is not started twice; a failed run is logged and
 * retried at the next tick. The jobs themselves work in short transactions and yield between
 * them (see the store), so a long first run never holds the server.
 */
import type { Logger } from 'pino';

export const startPeriodic = (
  name: string,
  run: () => Promise<void>,
  intervalMs: number,
  log: Pick<Logger, 'error'>,
): (() => void) => {
  let running = false;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = true;
    run()
      // After a stop the store may be closed under a run still going: its end is no failure.
      .catch((err) => void (stopped || log.error({ err: String((err as Error)?.message ?? err) }, `${name} job failed`)))
      .finally(() => (running = false));
  };
  const first = setImmediate(tick);
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearImmediate(first);
    clearInterval(timer);
  };
};
