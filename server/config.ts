/** Configuration, read once from the environment, typed, with defaults. Nothing else reads process.env. */
import { originOf } from './security/sameOrigin';

/** SQLite's durability setting: FULL (the default) fsyncs every commit. */
export type Synchronous = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';

export type Config = {
  port: number;
  host: string;
  databasePath: string;
  dataDir: string;
  synchronous: Synchronous;
  /** Writes that arrive together share one commit (one fsync); GROUP_COMMIT=0 commits each alone. */
  groupCommit: boolean;
  seedDemo: boolean;
  adminPassword: string | undefined;
  /** HMAC key for NIK hashes; generated into the data folder when unset. */
  nikSecret: string | undefined;
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  bodyLimit: string;
  /** Booking attempts per minute from one address: a flood guard, not a fairness control (CGNAT). */
  bookingRateLimit: number;
  publicWriteRateLimit: number;
  /** Reads of a booking by its code (the booking, its calendar file) per minute from one address. */
  bookingReadRateLimit: number;
  loginRateLimit: number;
  /** SINGLE_SESSION=1: a new sign-in ends the user's older sessions. */
  singleSession: boolean;
  publicBaseUrl: string | undefined;
  /**
   * Origins besides the server's own host that may send a signed-in write or open a staff socket
   * (a deployment behind another host name): ALLOWED_ORIGINS, comma-separated. PUBLIC_BASE_URL's
   * origin is allowed too (see security/sameOrigin.ts).
   */
  allowedOrigins: string[];
  notifyChannel: 'log' | 'whatsapp';
  whatsappBaseUrl: string | undefined;
  whatsappToken: string | undefined;
  /** text: a plain text message; template: a pre-approved WhatsApp template giliran_<name> in Indonesian (Cloud API outside the 24-hour window). */
  whatsappMode: 'text' | 'template';
  /** Office-local time of day ('HH:mm') from which tomorrow's booking holders get their reminder. */
  reminderTime: string;
  retentionDays: number;
  logLevel: string;
  /** Where the built pages are (npm run build). */
  pagesDir: string;
  /** DATABASE_URL=postgres://…: the PostgreSQL store (several processes, one database); unset: the SQLite file. */
  databaseUrl: string | undefined;
  /** Connections one process may hold to PostgreSQL (DATABASE_POOL_SIZE). */
  databasePoolSize: number;
  /** REDIS_URL=redis://…: what several processes share (change bus, Socket.IO adapter, rate-limit counters, job leader). */
  redisUrl: string | undefined;
  /** Prefix of every Redis key and channel of this deployment (REDIS_PREFIX), so deployments on one Redis never mix. */
  redisPrefix: string;
  /** Server processes on one port (WORKERS, node:cluster); more than 1 needs REDIS_URL. */
  workers: number;
  /** Which proxies' X-Forwarded-For is believed (TRUST_PROXY, express syntax): the rate limits count the visitor's address, not the balancer's. */
  trustProxy: string;
  /** Proof of work (ALTCHA) on public bookings and reschedules; BOOKING_CHALLENGE=off turns it off. */
  bookingChallenge: boolean;
  /**
   * HMAC key of the challenges (CHALLENGE_SECRET); unset: derived from the NIK secret at boot
   * (boot.ts), so the processes of a deployment, which share NIK_SECRET, share it too.
   */
  challengeSecret: string | undefined;
  /** The challenge's difficulty (CHALLENGE_MAX_NUMBER): a solver tries half of it on average. */
  challengeMaxNumber: number;
  /**
   * BOOKING_CONFIRMATION=whatsapp: a visitor's booking is pending until confirmed with a code sent by
   * WhatsApp; none: booked at once. Default: whatsapp where NOTIFY_CHANNEL=whatsapp.
   */
  bookingConfirmation: 'whatsapp' | 'none';
  /** How long a pending booking holds its place (BOOKING_HOLD_MINUTES). */
  bookingHoldMinutes: number;
};

/** A setting that cannot work: the process stops at start with this message. */
export class ConfigError extends Error {}

const origins = (list: string | undefined): string[] =>
  [...new Set((list ?? '').split(',').map(originOf).filter((o): o is string => o !== undefined))];

/** About a second of solving on a cheap phone (measured: tests/browser/booking-challenge.test.ts). */
export const DEFAULT_CHALLENGE_MAX_NUMBER = 80_000;

const int = (value: string | undefined, fallback: number): number => {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(n) ? n : fallback;
};

export const readConfig = (env: NodeJS.ProcessEnv): Config => {
  const databasePath = env.DATABASE_PATH || './data/giliran.db';
  const synchronous = (env.SQLITE_SYNCHRONOUS || 'FULL').toUpperCase();
  return {
    port: int(env.PORT, 3000),
    host: env.HOST || '0.0.0.0',
    databasePath,
    dataDir: env.DATA_DIR || (databasePath === ':memory:' ? './data' : databasePath.replace(/[^/\\]+$/, '') || '.'),
    synchronous: (['OFF', 'NORMAL', 'FULL', 'EXTRA'].includes(synchronous) ? synchronous : 'FULL') as Synchronous,
    groupCommit: env.GROUP_COMMIT !== '0',
    seedDemo: env.SEED_DEMO !== '0',
    adminPassword: env.ADMIN_PASSWORD || undefined,
    nikSecret: env.NIK_SECRET || undefined,
    secureCookies: env.SECURE_COOKIES === '1',
    sessionIdleMinutes: int(env.SESSION_IDLE_MINUTES, 120),
    sessionAbsoluteHours: int(env.SESSION_ABSOLUTE_HOURS, 12),
    bodyLimit: env.BODY_LIMIT || '16kb',
    bookingRateLimit: int(env.RATE_LIMIT_BOOKINGS_PER_MINUTE, 600),
    publicWriteRateLimit: int(env.RATE_LIMIT_PUBLIC_WRITES_PER_MINUTE, 600),
    bookingReadRateLimit: int(env.RATE_LIMIT_BOOKING_READS_PER_MINUTE, 60),
    loginRateLimit: int(env.RATE_LIMIT_LOGINS_PER_MINUTE, 10),
    singleSession: env.SINGLE_SESSION === '1',
    publicBaseUrl: env.PUBLIC_BASE_URL || undefined,
    allowedOrigins: origins(env.ALLOWED_ORIGINS),
    notifyChannel: env.NOTIFY_CHANNEL === 'whatsapp' ? 'whatsapp' : 'log',
    whatsappBaseUrl: env.WHATSAPP_BASE_URL || undefined,
    whatsappToken: env.WHATSAPP_TOKEN || undefined,
    whatsappMode: env.WHATSAPP_MODE === 'template' ? 'template' : 'text',
    reminderTime: /^([01]\d|2[0-3]):[0-5]\d$/.test(env.REMINDER_TIME ?? '') ? env.REMINDER_TIME! : '16:00',
    retentionDays: int(env.RETENTION_DAYS, 30),
    logLevel: env.LOG_LEVEL || 'info',
    pagesDir: env.PAGES_DIR || 'dist/pages',
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: int(env.DATABASE_POOL_SIZE, 10),
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.REDIS_PREFIX || 'giliran',
    workers: int(env.WORKERS, 1),
    trustProxy: env.TRUST_PROXY || 'loopback',
    bookingChallenge: env.BOOKING_CHALLENGE !== 'off',
    challengeSecret: env.CHALLENGE_SECRET || undefined,
    challengeMaxNumber: int(env.CHALLENGE_MAX_NUMBER, DEFAULT_CHALLENGE_MAX_NUMBER),
    bookingConfirmation: (env.BOOKING_CONFIRMATION || (env.NOTIFY_CHANNEL === 'whatsapp' ? 'whatsapp' : 'none')) === 'whatsapp' ? 'whatsapp' : 'none',
    bookingHoldMinutes: int(env.BOOKING_HOLD_MINUTES, 10),
  };
};

/**
 * The settings of a province deployment checked together; the first start fails with every
 * problem listed rather than half-working (e.g. two processes that never hear each other).
 * Lenient settings above keep their old fallbacks; these new ones are strict.
 */
export const configProblems = (env: NodeJS.ProcessEnv, config: Config): string[] => {
  const problems: string[] = [];
  const strictInt = (name: string, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  };
  strictInt('WORKERS', 1, 64);
  strictInt('DATABASE_POOL_SIZE', 1, 200);
  strictInt('CHALLENGE_MAX_NUMBER', 1_000, 10_000_000);
  strictInt('BOOKING_HOLD_MINUTES', 1, 120);
  if (!['', 'whatsapp', 'none', undefined].includes(env.BOOKING_CONFIRMATION)) problems.push(`BOOKING_CONFIRMATION must be "whatsapp" or "none" (got "${env.BOOKING_CONFIRMATION}")`);
  if (!['', 'on', 'off', undefined].includes(env.BOOKING_CHALLENGE)) problems.push(`BOOKING_CHALLENGE must be "on" or "off" (got "${env.BOOKING_CHALLENGE}")`);
  if (config.databaseUrl !== undefined) {
    if (!/^postgres(ql)?:\/\/[^\s]+$/.test(config.databaseUrl)) problems.push('DATABASE_URL must be a postgres://… (or postgresql://…) URL');
    // Each process hashes NIKs with this key; processes with different keys would not see each other's bookings of one NIK.
    if (!config.nikSecret) problems.push('NIK_SECRET must be set with DATABASE_URL: every process of the deployment hashes NIKs with the same key');
  }
  if (config.redisUrl !== undefined && !/^rediss?:\/\/[^\s]+$/.test(config.redisUrl)) problems.push('REDIS_URL must be a redis://… (or rediss://…) URL');
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(config.redisPrefix)) problems.push('REDIS_PREFIX may hold only letters, digits and _ . : - (at most 64)');
  if (config.workers > 1 && !config.redisUrl) problems.push('WORKERS above 1 needs REDIS_URL: the processes share the change bus and the rate limits through Redis');
  if (config.workers > 1 && !config.databaseUrl) problems.push('WORKERS above 1 needs DATABASE_URL: several processes share one PostgreSQL database, not the SQLite file');
  return problems;
};

/** readConfig, then stops with a clear message if a setting cannot work (main.ts). */
export const loadConfig = (env: NodeJS.ProcessEnv): Config => {
  const config = readConfig(env);
  const problems = configProblems(env, config);
  if (problems.length > 0) throw new ConfigError(`Giliran cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return config;
};

/** Defaults for tests: the same reader over an empty environment. */
export const defaultConfig = (overrides: Partial<Config> = {}): Config => ({ ...readConfig({}), ...overrides });
