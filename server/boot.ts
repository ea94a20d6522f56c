/** Wires config → store → seed → bus → app. Used by main.ts and by the tests' server starter. */
import pino, { type Logger } from 'pino';
import type { Clock } from './clock';
import type { Config } from './config';
import { createApp } from './app';
import { createLocalBus } from './events/bus';
import { seedIfEmpty } from './seed';
import { loadNikSecret } from './security/nikSecret';
import { createSqliteStore } from './store/sqlite';

export const boot = async ({ config, clock, log }: { config: Config; clock: Clock; log?: Logger }) => {
  const logger = log ?? pino({ level: config.logLevel });
  const store = createSqliteStore({
    databasePath: config.databasePath,
    synchronous: config.synchronous,
    groupCommit: config.groupCommit,
    nikSecret: loadNikSecret(config.nikSecret, config.dataDir),
    notifyChannel: config.notifyChannel,
  });
  const seed = await seedIfEmpty(store, { seedDemo: config.seedDemo, adminPassword: config.adminPassword }, clock.now());
  const bus = createLocalBus();
  const built = createApp({ store, bus, clock, config, log: logger });
  const close = async () => {
    built.io.close();
    await new Promise<void>((resolve) => (built.httpServer.listening ? built.httpServer.close(() => resolve()) : resolve()));
    await store.close();
  };
  return { ...built, seed, log: logger, close };
};
