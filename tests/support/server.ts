/**
 * Starts the real application with an injected clock, listening on 127.0.0.1 only. Every test
 * gets its own database: by default a real SQLite file in a temp folder (`s.db`, a better-sqlite3
 * connection to it); with `postgres: true` a fresh PostgreSQL database on the machine's server,
 * dropped at stop (`s.pg`, a pg Pool on it); with `redis: true` the deployment's Redis parts on
 * the machine's Redis, under a prefix of its own, cleaned at stop.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import pg from 'pg';
import pino, { type Logger } from 'pino';
import { manualClock, type ManualClock } from '../../server/clock';
import { defaultConfig, type Config } from '../../server/config';
import { boot } from '../../server/boot';
import { freshDatabase } from '../contract/postgresEngine';

/** Tuesday 24 November 2026, 09:30 in Jakarta (WIB): the office is open. */
export const OPEN_TUESDAY = '2026-11-24T09:30:00.000+07:00';
export const ADMIN_PASSWORD = 'rahasia-admin-123';
export const TEST_NIK_SECRET = 'test-nik-secret-shared-by-processes';

export const redisUrl = (): string => process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** A prefix no other test run uses: tests on one Redis never hear each other. */
export const randomRedisPrefix = (): string => `giliran-test-${randomBytes(5).toString('hex')}`;

/** Deletes every key of `prefix` (a bounded SCAN). */
export const dropRedisPrefix = async (prefix: string): Promise<void> => {
  const redis = new Redis(redisUrl(), { lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    for (let round = 0; round < 1000; round++) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    redis.disconnect();
  }
};

type ServerOptions = { now?: string; config?: Partial<Config>; listen?: boolean; dir?: string; log?: Logger; redis?: boolean };

export type TestServer = Awaited<ReturnType<typeof startServer>>;
export type PostgresTestServer = Awaited<ReturnType<typeof startPostgresServer>>;

const start = async (options: ServerOptions, dir: string, engine: Partial<Config>) => {
  const clock: ManualClock = manualClock(options.now ?? OPEN_TUESDAY);
  // Servers of one test that pass the same `config.redisPrefix` form one deployment.
  const redisPrefix = options.redis ? (options.config?.redisPrefix ?? randomRedisPrefix()) : undefined;
  const config = defaultConfig({
    databasePath: join(dir, 'giliran.db'),
    dataDir: dir,
    adminPassword: ADMIN_PASSWORD,
    synchronous: 'NORMAL',
    host: '127.0.0.1',
    port: 0,
    loginRateLimit: 1000,
    // Tests book through the public route without a proof of work; the challenge's own tests turn it on.
    bookingChallenge: false,
    // Helpers working in parallel build their pages into their own folder.
    pagesDir: process.env.PAGES_DIR || 'dist/pages',
    ...engine,
    ...(redisPrefix ? { redisUrl: redisUrl(), redisPrefix } : {}),
    ...options.config,
  });
  const server = await boot({ config, clock, log: options.log ?? pino({ level: 'silent' }) });
  let url = '';
  if (options.listen !== false) {
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  }
  const close = async () => {
    await server.close();
    if (redisPrefix) await dropRedisPrefix(redisPrefix);
  };
  return { server, clock, config, url, close };
};

export const startServer = async (options: ServerOptions = {}) => {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'giliran-test-'));
  const { server, clock, config, url, close } = await start(options, dir, {});
  // The test's own connection to the same SQLite file: to set up a case or check what was stored,
  // as another process would; the application under test knows nothing of it.
  const db = new Database(config.databasePath);
  db.pragma('busy_timeout = 5000');
  return {
    ...server,
    db,
    dir,
    clock,
    config,
    url,
    kioskToken: server.seed.kioskToken!,
    stop: async (keepFiles = false) => {
      db.close();
      await close();
      if (!keepFiles && !options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** The same application on a fresh PostgreSQL database (DATABASE_URL), dropped at stop; `pg` is the test's own pool on it. */
export const startPostgresServer = async (options: Omit<ServerOptions, 'dir'> = {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'giliran-test-'));
  const database = await freshDatabase();
  try {
    const { server, clock, config, url, close } = await start(options, dir, { databaseUrl: database.url, nikSecret: TEST_NIK_SECRET, databasePoolSize: 5 });
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    pool.on('error', () => {});
    return {
      ...server,
      pg: pool,
      databaseUrl: database.url,
      dir,
      clock,
      config,
      url,
      kioskToken: server.seed.kioskToken!,
      stop: async () => {
        await pool.end();
        await close();
        await database.drop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
};
