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
};

const origins = (list: string | undefined): string[] =>
  [...new Set((list ?? '').split(',').map(originOf).filter((o): o is string => o !== undefined))];

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
  };
};

/** Defaults for tests: the same reader over an empty environment. */
export const defaultConfig = (overrides: Partial<Config> = {}): Config => ({ ...readConfig({}), ...overrides });
