/**
 * The Redis connections of one process (REDIS_URL): one for commands (publishing, rate-limit
 * counters, the job lease) and one per subscriber, since a connection that subscribes can do
 * nothing else. Every key and channel starts with the deployment's prefix (REDIS_PREFIX).
 */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export type RedisConnections = {
  /** Commands: PUBLISH, the rate-limit script, the lease. */
  command: Redis;
  /** A new connection for one subscriber (the change bus, the Socket.IO adapter); closed by `close`. */
  subscriber(name: string): Redis;
  /** `prefix:name`: every key and channel of this deployment. */
  key(name: string): string;
  close(): Promise<void>;
};

const open = (url: string, name: string, log: Pick<Logger, 'warn'>): Redis => {
  // Reconnects on its own (ioredis retries forever, backing off); a lost connection is logged, never thrown.
  const client = new Redis(url, { connectionName: name, maxRetriesPerRequest: 3 });
  let warned = false;
  client.on('error', (err: Error) => {
    if (!warned) log.warn({ err: err.message, connection: name }, 'redis: connection trouble (retrying)');
    warned = true;
  });
  client.on('ready', () => (warned = false));
  return client;
};

/** Opens the command connection and waits until Redis answers: a start without Redis fails clearly. */
export const openRedis = async (url: string, prefix: string, log: Pick<Logger, 'warn'>): Promise<RedisConnections> => {
  const all: Redis[] = [];
  const command = open(url, `${prefix}:command`, log);
  all.push(command);
  try {
    await command.ping();
  } catch (err) {
    command.disconnect();
    throw new Error(`REDIS_URL does not answer: ${(err as Error).message}`);
  }
  return {
    command,
    subscriber: (name) => {
      const client = open(url, `${prefix}:${name}`, log);
      all.push(client);
      return client;
    },
    key: (name) => `${prefix}:${name}`,
    close: async () => {
      await Promise.all(all.map((client) => client.quit().catch(() => client.disconnect())));
    },
  };
};
