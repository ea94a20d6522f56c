/**
 * Starts the real application on a real SQLite file in a temp folder, with an injected
 * clock, listening on 127.0.0.1 only. Every test gets its own database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino, { type Logger } from 'pino';
import { manualClock, type ManualClock } from '../../server/clock';
import { defaultConfig, type Config } from '../../server/config';
import { boot } from '../../server/boot';

/** Tuesday 24 November 2026, 09:30 in Jakarta (WIB): the office is open. */
export const OPEN_TUESDAY = '2026-11-24T09:30:00.000+07:00';
export const ADMIN_PASSWORD = 'rahasia-admin-123';

export type TestServer = Awaited<ReturnType<typeof startServer>>;

export const startServer = async (
  options: { now?: string; config?: Partial<Config>; listen?: boolean; dir?: string; log?: Logger } = {},
) => {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'giliran-test-'));
  const clock: ManualClock = manualClock(options.now ?? OPEN_TUESDAY);
  const config = defaultConfig({
    databasePath: join(dir, 'giliran.db'),
    dataDir: dir,
    adminPassword: ADMIN_PASSWORD,
    synchronous: 'NORMAL',
    host: '127.0.0.1',
    port: 0,
    loginRateLimit: 1000,
    // Helpers working in parallel build their pages into their own folder.
    pagesDir: process.env.PAGES_DIR || 'dist/pages',
    ...options.config,
  });
  const server = await boot({ config, clock, log: options.log ?? pino({ level: 'silent' }) });
  let url = '';
  if (options.listen !== false) {
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  }
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
      await server.close();
      if (!keepFiles && !options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
};
