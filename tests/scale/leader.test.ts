/**
 * The jobs' leader (server/jobs/leader.ts) on the machine's Redis: of two contenders exactly one
 * leads; when it stops, the other takes over at its next attempt; when it dies (its Redis
 * connection gone, nothing released), the other takes over once the lease has run out, and the
 * dead one, cut off, steps down by itself.
 */
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startLeaderLease, whileLeader, type Leadership } from '../../server/jobs/leader';
import { dropRedisPrefix, randomRedisPrefix, redisUrl } from '../support/server';

const TTL = 800;
const RENEW = 200;
const log = pino({ level: 'silent' });
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits (bounded) until `ok()` holds. */
const until = async (ok: () => boolean, ms = 5000) => {
  for (let waited = 0; !ok(); waited += 25) {
    if (waited > ms) throw new Error('condition not reached in time');
    await settle(25);
  }
};

describe('the leader lease', () => {
  const prefix = randomRedisPrefix();
  const clients: Redis[] = [];
  const client = () => {
    const redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
    redis.on('error', () => {});
    clients.push(redis);
    return redis;
  };
  afterAll(async () => {
    for (const redis of clients) redis.disconnect();
    await dropRedisPrefix(prefix);
  });

  const contender = (redis: Redis, key: string, events: string[], name: string): Leadership =>
    startLeaderLease({
      redis,
      key,
      log,
      ttlMs: TTL,
      renewMs: RENEW,
      onElected: () => events.push(`${name} elected`),
      onDeposed: () => events.push(`${name} deposed`),
    });

  it('elects exactly one of two; the other takes over when the first stops', async () => {
    const key = `${prefix}:leader:stop`;
    const events: string[] = [];
    const one = contender(client(), key, events, 'one');
    const two = contender(client(), key, events, 'two');
    await until(() => one.isLeader() || two.isLeader());
    // Several renewals later, still exactly one.
    for (let i = 0; i < 8; i++) {
      await settle(RENEW / 2);
      expect(Number(one.isLeader()) + Number(two.isLeader())).toBe(1);
    }
    const [first, second] = one.isLeader() ? [one, two] : [two, one];
    await first.stop();
    // Released at stop: taken at the other's next attempt, well before the lease would expire.
    const stoppedAt = Date.now();
    await until(() => second.isLeader(), TTL * 3);
    expect(Date.now() - stoppedAt).toBeLessThan(TTL);
    expect(first.isLeader()).toBe(false);
    expect(events.filter((e) => e.endsWith('elected'))).toHaveLength(2);
    await second.stop();
  });

  it('passes to the other when the leader dies, after the lease runs out; the cut-off one steps down', async () => {
    const key = `${prefix}:leader:die`;
    const events: string[] = [];
    const doomedRedis = client();
    const doomed = contender(doomedRedis, key, events, 'doomed');
    await until(() => doomed.isLeader());
    const survivor = contender(client(), key, events, 'survivor');
    await settle(RENEW * 3);
    expect(survivor.isLeader()).toBe(false);
    // The leader's Redis connection is gone for good: it can neither renew nor release.
    doomedRedis.disconnect();
    const diedAt = Date.now();
    await until(() => survivor.isLeader(), TTL * 5);
    expect(Date.now() - diedAt).toBeGreaterThanOrEqual(TTL - RENEW * 2);
    await until(() => !doomed.isLeader(), TTL * 3);
    await doomed.stop();
    await survivor.stop();
    expect(events).toContain('doomed deposed');
  });

  it('whileLeader runs the jobs in the leader only, and starts them in the other after a stop', async () => {
    const key = `${prefix}:leader:jobs`;
    const running = new Set<string>();
    const jobsOf = (name: string) => () => {
      running.add(name);
      return () => void running.delete(name);
    };
    const stopOne = whileLeader(jobsOf('one'), { redis: client(), key, log, ttlMs: TTL, renewMs: RENEW });
    await until(() => running.size === 1);
    const stopTwo = whileLeader(jobsOf('two'), { redis: client(), key, log, ttlMs: TTL, renewMs: RENEW });
    await settle(RENEW * 3);
    expect([...running]).toEqual(['one']);
    await stopOne();
    await until(() => running.has('two'));
    expect([...running]).toEqual(['two']);
    await stopTwo();
    expect(running.size).toBe(0);
  });
});
