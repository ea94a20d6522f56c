/**
 * Per-address flood guards. Many Indonesian mobile users share one public address (CGNAT),
 * so these are generous; fairness comes from the per-NIK rules.
 *
 * One process counts in memory. Several processes (REDIS_URL) count in Redis, one counter per
 * limit and address for the whole deployment, so that N processes do not allow N times the limit.
 */
import { rateLimit, type Store as LimitStore } from 'express-rate-limit';
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

/** `name` keeps limits apart in a shared store (two limits never share one counter). */
export const perMinute = (limit: number, counters?: LimitCounters, name = 'default') =>
  rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    ...(counters ? { store: counters(name), passOnStoreError: true } : {}),
    handler: (req, res) => sendError(res, new DomainError('RATE_LIMITED'), req.headers['accept-language']),
  });
