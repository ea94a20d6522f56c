/**
 * One leader per deployment for the jobs that should run once (slots ahead, report days,
 * retention): a lease in Redis, `SET key id NX PX ttl`, renewed by its holder every `renewMs`
 * and released on a clean stop. A process that dies stops renewing; another takes the lease
 * within `ttlMs + renewMs`. A holder that cannot renew for `ttlMs` steps down by itself before the
 * lease can pass to another. Two leaders for a moment (a paused process) would do no harm: those
 * jobs are idempotent (each decides inside its own transactions); the lease only saves the work.
 * The notification sender needs no leader (it claims each message with a lease in the store).
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

export type Leadership = {
  readonly id: string;
  isLeader(): boolean;
  /** Stops competing; a leader releases the lease so that another takes over at once. */
  stop(): Promise<void>;
};

// Only the holder may extend or release: compare the value, then act, atomically.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export const LEASE_TTL_MS = 15_000;
export const LEASE_RENEW_MS = 5_000;

export const startLeaderLease = ({
  redis,
  key,
  onElected,
  onDeposed,
  log,
  ttlMs = LEASE_TTL_MS,
  renewMs = LEASE_RENEW_MS,
}: {
  redis: Redis;
  key: string;
  onElected: () => void;
  onDeposed: () => void;
  log: Pick<Logger, 'info' | 'warn'>;
  ttlMs?: number;
  renewMs?: number;
}): Leadership => {
  const id = `${process.pid}-${randomBytes(6).toString('hex')}`;
  let leader = false;
  let heldUntil = 0;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const elect = () => {
    leader = true;
    log.info({ lease: key }, 'leader: this process runs the once-per-deployment jobs');
    onElected();
  };
  const depose = (why: string) => {
    leader = false;
    log.warn({ lease: key, why }, 'leader: stepped down');
    onDeposed();
  };

  const attempt = async () => {
    const startedAt = Date.now();
    try {
      if (leader) {
        const kept = Number(await redis.eval(RENEW, 1, key, id, String(ttlMs)));
        if (kept === 1) heldUntil = startedAt + ttlMs;
        else depose('lease lost');
      } else if ((await redis.set(key, id, 'PX', ttlMs, 'NX')) === 'OK') {
        heldUntil = startedAt + ttlMs;
        if (!stopped) elect();
      }
    } catch (err) {
      // Redis unreachable: keep leading only while the lease surely still runs.
      if (leader && Date.now() >= heldUntil - renewMs) depose(`lease not renewed: ${(err as Error).message}`);
    }
  };

  const tick = () => {
    if (stopped) return;
    running = running.then(attempt);
  };
  tick();
  const timer = setInterval(tick, renewMs);
  timer.unref();

  return {
    id,
    isLeader: () => leader,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      if (!leader) return;
      leader = false;
      onDeposed();
      await redis.eval(RELEASE, 1, key, id).catch(() => {});
    },
  };
};

/**
 * Runs `start` (which returns its stop) in this process while it leads: at once with one process
 * (no Redis), otherwise only between election and deposition. Returns the stop of it all.
 */
export const whileLeader = (
  start: () => () => void,
  lease?: Omit<Parameters<typeof startLeaderLease>[0], 'onElected' | 'onDeposed'>,
): (() => Promise<void>) => {
  if (!lease) {
    const stop = start();
    return async () => stop();
  }
  let stopJobs: (() => void) | undefined;
  const leadership = startLeaderLease({
    ...lease,
    onElected: () => (stopJobs = start()),
    onDeposed: () => {
      stopJobs?.();
      stopJobs = undefined;
    },
  });
  return () => leadership.stop();
};
