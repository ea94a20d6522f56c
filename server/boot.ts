/** Wires config → database → store → seed → app. Used by main.ts and by the tests' server starter. */
import pino, { type Logger } from 'pino';
import type { Clock } from './clock';
import type { Config } from './config';
import { createApp } from './app';
import { openDatabase } from './db/open';
import { seedIfEmpty } from './seed';
import { loadNikSecret } from './secret';
import { createStore } from './store';

export const boot = async ({ config, clock, log }: { config: Config; clock: Clock; log?: Logger }) => {
  const logger = log ?? pino({ level: config.logLevel });
  const { db, sqlite } = openDatabase(config.databasePath, config.synchronous);
  const ctx = { db, sqlite, nikSecret: loadNikSecret(config.nikSecret, config.dataDir) };
  const store = createStore(ctx, { notifyChannel: config.notifyChannel });
  const seed = await seedIfEmpty(ctx, { seedDemo: config.seedDemo, adminPassword: config.adminPassword }, clock.now());
  const built = createApp({ store, clock, config, log: logger });
  const close = async () => {
    built.io.close();
    await new Promise<void>((resolve) => (built.httpServer.listening ? built.httpServer.close(() => resolve()) : resolve()));
    sqlite.close();
  };
  return { ...built, ctx, seed, log: logger, close };
};
