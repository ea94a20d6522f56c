/**
 * The change bus across processes (REDIS_URL): what this process commits goes to its own
 * listeners at once and, through Redis pub/sub, to every other process of the deployment;
 * what another process commits arrives here. Each process hears each change exactly once: its
 * own changes are delivered locally and skipped when Redis echoes them back (tagged with this
 * process's origin id); Redis keeps the order of one publisher's messages.
 *
 * A change only names what moved (office, tickets, a call); every process recomputes the views
 * for its own sockets from the shared database (events/publisher.ts), so nothing is lost by a
 * process that did not see the commit. While Redis is unreachable, remote changes are missed;
 * boards resync at the next sweep (realtime/index.ts) and on reconnect.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ChangeBus } from './bus';
import { createLocalBus } from './bus';
import type { Change } from './change';

type Envelope = { o: string; c: Change };

export type RedisBus = ChangeBus & { close(): Promise<void> };

export const createRedisBus = async ({
  publisher,
  subscriber,
  channel,
  log,
}: {
  publisher: Redis;
  subscriber: Redis;
  channel: string;
  log: Pick<Logger, 'error'>;
}): Promise<RedisBus> => {
  const origin = randomBytes(8).toString('hex');
  const local = createLocalBus();
  const resubscribed = new Set<() => void>();
  let lastFailureLogged = 0;

  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch {
      return;
    }
    if (envelope.o === origin) return; // our own, already delivered locally
    local.publish(envelope.c);
  });
  // ioredis subscribes again by itself after a reconnect; the first 'ready' is the start.
  let started = false;
  subscriber.on('ready', () => {
    if (!started) return;
    for (const listener of resubscribed) listener();
  });
  // Subscribed before the process serves anything: a change committed right after start is heard.
  await subscriber.subscribe(channel);
  started = true;

  return {
    publish(change) {
      local.publish(change);
      publisher.publish(channel, JSON.stringify({ o: origin, c: change } satisfies Envelope)).catch((err: Error) => {
        // At most one line per 10 s, not one per change; the other processes resync their views when their Redis connection is back.
        if (Date.now() - lastFailureLogged < 10_000) return;
        lastFailureLogged = Date.now();
        log.error({ err: err.message }, 'change bus: publish to the other processes failed');
      });
    },
    subscribe: (listener) => local.subscribe(listener),
    onGap: (listener) => void resubscribed.add(listener),
    close: async () => {
      await subscriber.unsubscribe(channel).catch(() => {});
    },
  };
};
