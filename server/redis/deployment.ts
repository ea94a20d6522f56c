/**
 * What the processes of one deployment share through Redis (REDIS_URL), under its prefix:
 * - `prefix:changes`      the change bus channel (events/redisBus.ts)
 * - `prefix:socket.io…`   the Socket.IO Redis adapter's channels
 * - `prefix:rl:<limit>:…` the rate-limit counters (http/rateLimits.ts)
 * - `prefix:leader:jobs`  the lease of the process that runs the once-per-deployment jobs (jobs/leader.ts)
 */
import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from 'pino';
import type { Shared } from '../app';
import { createRedisBus, type RedisBus } from '../events/redisBus';
import { redisLimitCounters } from '../http/rateLimits';
import { openRedis, type RedisConnections } from './connections';

export type Deployment = { redis: RedisConnections; bus: RedisBus; shared: Shared; close(): Promise<void> };

export const joinDeployment = async ({ url, prefix, log }: { url: string; prefix: string; log: Pick<Logger, 'warn' | 'error'> }): Promise<Deployment> => {
  const redis = await openRedis(url, prefix, log);
  try {
    const bus = await createRedisBus({ publisher: redis.command, subscriber: redis.subscriber('bus'), channel: redis.key('changes'), log });
    const adapter = createAdapter(redis.command, redis.subscriber('adapter'), { key: redis.key('socket.io') });
    return {
      redis,
      bus,
      shared: { limitCounters: redisLimitCounters(redis.command, redis.key('rl:')), adapter },
      close: async () => {
        await bus.close();
        await redis.close();
      },
    };
  } catch (err) {
    await redis.close();
    throw err;
  }
};
