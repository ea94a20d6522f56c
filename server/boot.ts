/**
 * Wires config → store → seed → bus → app. Used by main.ts and by the tests' server starter.
 *
 * DATABASE_URL selects the PostgreSQL store (loaded only then, so the SQLite default starts as
 * before); REDIS_URL joins the processes of a deployment (change bus, Socket.IO adapter,
 * rate-limit counters: redis/deployment.ts).
 */
import pino, { type Logger } from 'pino';
import type { Clock } from './clock';
import type { Config } from './config';
import { createApp } from './app';
import { createLocalBus } from './events/bus';
import { seedIfEmpty } from './seed';
import { loadNikSecret } from './security/nikSecret';
import { deriveChallengeSecret } from './security/proofOfWork';
import { createSqliteStore } from './store/sqlite';
import type { Store } from './store/store';
import type { Deployment } from './redis/deployment';

/** The NIK hashing key: NIK_SECRET, or (SQLite only) the one generated into the data folder. */
const nikSecretOf = (config: Config): string => {
  if (!config.databaseUrl) return loadNikSecret(config.nikSecret, config.dataDir);
  if (!config.nikSecret) throw new Error('NIK_SECRET must be set with DATABASE_URL');
  return config.nikSecret;
};

const openStore = async (config: Config, nikSecret: string): Promise<Store> => {
  const confirmation = config.bookingConfirmation === 'whatsapp' ? { holdMinutes: config.bookingHoldMinutes } : null;
  if (!config.databaseUrl) {
    return createSqliteStore({
      databasePath: config.databasePath,
      synchronous: config.synchronous,
      groupCommit: config.groupCommit,
      nikSecret,
      notifyChannel: config.notifyChannel,
      publicBaseUrl: config.publicBaseUrl,
      confirmation,
    });
  }
  const { createPostgresStore } = await import('./store/postgres/index');
  return createPostgresStore({
    connectionString: config.databaseUrl,
    nikSecret,
    notifyChannel: config.notifyChannel,
    publicBaseUrl: config.publicBaseUrl,
    poolSize: config.databasePoolSize,
    confirmation,
  });
};

/**
 * Seeds an empty database. On PostgreSQL several processes may start at once: they seed one after
 * the other under the migrator's advisory lock, so the first seeds and the others find it done
 * (and print nothing: only the process that created the admin and the kiosk knows their secrets).
 */
const seed = async (store: Store, config: Config, clock: Clock) => {
  const run = () => seedIfEmpty(store, { seedDemo: config.seedDemo, adminPassword: config.adminPassword }, clock.now());
  if (!config.databaseUrl) return run();
  const [{ withAdvisoryLock }, { MIGRATION_LOCK }] = await Promise.all([import('./store/postgres/advisoryLock'), import('./store/postgres/open')]);
  return withAdvisoryLock(config.databaseUrl, MIGRATION_LOCK, run);
};

export const boot = async ({ config: settings, clock, log }: { config: Config; clock: Clock; log?: Logger }) => {
  const logger = log ?? pino({ level: settings.logLevel });
  const nikSecret = nikSecretOf(settings);
  const config: Config = { ...settings, challengeSecret: settings.challengeSecret ?? deriveChallengeSecret(nikSecret) };
  const store = await openStore(config, nikSecret);
  let deployment: Deployment | undefined;
  try {
    const seeded = await seed(store, config, clock);
    if (config.redisUrl) deployment = await (await import('./redis/deployment')).joinDeployment({ url: config.redisUrl, prefix: config.redisPrefix, log: logger });
    const bus = deployment?.bus ?? createLocalBus();
    const built = createApp({ store, bus, clock, config, log: logger, ...(deployment ? { shared: deployment.shared } : {}) });
    const joined = deployment;
    const close = async () => {
      // io.close() also closes the HTTP server; a worker's server never listens (the primary does), so both paths end here.
      await new Promise<void>((resolve) => built.io.close(() => resolve()));
      await joined?.close();
      await store.close();
    };
    return { ...built, seed: seeded, deployment: joined, log: logger, close };
  } catch (err) {
    // A start that fails half-way leaves no connection open behind it.
    await deployment?.close().catch(() => {});
    await store.close().catch(() => {});
    throw err;
  }
};
