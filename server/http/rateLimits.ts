/**
 * Per-address flood guards. Many Indonesian mobile users share one public address (CGNAT),
 * so these are generous; fairness comes from the per-NIK rules.
 *
 * One process counts in memory. Several processes (REDIS_URL) count in Redis, one counter per
 * limit and address for the whole deployment, so that N processes do not allow N times the limit.
 *
 * A limit is express middleware (express-rate-limit) and, for the lean lane (leanLane.ts), a
 * `hit` on the same counter store with the same key and the same `RateLimit` headers, so that a
 * route served by both ways is counted once per request whichever way it came.
 */
import { ipKeyGenerator, MemoryStore, rateLimit, type Store as LimitStore } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { DomainError } from '../domain/errors';
import { sendError } from './errors';

/** Gives each named limit its own shared counter store; undefined: count in this process. */
export type LimitCounters = (name: string) => LimitStore;

/**
 * Counters in Redis under `keyPrefix`+name. If Redis fails, the request passes (see perMinute):
 * these are flood guards, and a booking office must not close because its counter store is away.
 */
export const redisLimitCounters = (redis: Redis, keyPrefix: string): LimitCounters => (name) =>
  new RedisStore({
    sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply>,
    prefix: `${keyPrefix}${name}:`,
  });

/** One request counted: whether it is over the limit, and the headers to answer with (name, value, name, value…). */
export type LimitHit = { limited: boolean; headers: string[] };

export type PerMinute = RequestHandler & { hit: (ip: string) => Promise<LimitHit> };

const WINDOW_MS = 60_000;

/** `name` keeps limits apart in a shared store (two limits never share one counter). */
export const perMinute = (limit: number, counters?: LimitCounters, name = 'default'): PerMinute => {
  const store = counters ? counters(name) : new MemoryStore();
  const middleware = rateLimit({
    windowMs: WINDOW_MS,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store,
    ...(counters ? { passOnStoreError: true } : {}),
    handler: (req, res) => sendError(res, new DomainError('RATE_LIMITED'), req.headers['accept-language']),
  });
  // As express-rate-limit counts: the default key (the address; an IPv6 address by its /56), the draft-7 headers.
  const hit = async (ip: string): Promise<LimitHit> => {
    let counted;
    try {
      counted = await store.increment(ipKeyGenerator(ip));
    } catch (error) {
      if (counters) return { limited: false, headers: [] };
      throw error;
    }
    const resetSeconds = counted.resetTime ? Math.max(0, Math.ceil((counted.resetTime.getTime() - Date.now()) / 1000)) : WINDOW_MS / 1000;
    const remaining = Math.max(limit - counted.totalHits, 0);
    const limited = counted.totalHits > limit;
    const headers = ['RateLimit-Policy', `${limit};w=${WINDOW_MS / 1000}`, 'RateLimit', `limit=${limit}, remaining=${remaining}, reset=${resetSeconds}`];
    return { limited, headers: limited ? [...headers, 'Retry-After', String(resetSeconds)] : headers };
  };
  return Object.assign(middleware, { hit });
};
