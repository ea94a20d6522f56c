/**
 * Prepares a fresh bench database before the server process starts: the same first-start
 * seeding as boot (demo office, admin, kiosk), then the load's shape set in plain SQL —
 * `slots` of service A whose capacities add up to `capacity`, one extra warm-up slot, and
 * (optionally) no walk-in quota so a fan-out run can follow many tickets.
 */
import { DateTime } from 'luxon';
import { join } from 'node:path';
import { createSqliteStore } from '../server/store/sqlite';
import { openDatabase } from '../server/store/sqlite/open';
import { seedIfEmpty } from '../server/seed';
import { loadNikSecret } from '../server/security/nikSecret';

/** Tuesday 24 November 2026, 09:30 in Jakarta: the demo office is open, tomorrow's slots are bookable. */
export const BENCH_NOW = '2026-11-24T09:30:00.000+07:00';
export const ADMIN_PASSWORD = 'bench-admin-password';

export type PreparedDb = {
  dbPath: string;
  kioskToken: string;
  /** The measured slots (service A), capacities summing to the requested total; one set per repetition. */
  slotSets: number[][];
  /** The capacities of each set's slots, in order. */
  capacities: number[];
  /** A separate slot for warm-up requests, so warm-up never touches the measured capacity. */
  warmupSlotId: number;
};

/** Splits `total` over `parts` as evenly as whole numbers allow. */
export const split = (total: number, parts: number): number[] =>
  Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));

export const prepareDb = async (
  dir: string,
  opts: { slots: number; capacity: number; warmupCapacity: number; unlimitedWalkIns: boolean; sets?: number; now?: string },
): Promise<PreparedDb> => {
  const dbPath = join(dir, 'giliran.db');
  const sets = opts.sets ?? 1;
  const now = DateTime.fromISO(opts.now ?? BENCH_NOW, { setZone: true });
  const { db, sqlite } = openDatabase(dbPath, 'FULL');
  try {
    const store = createSqliteStore({ databasePath: dbPath, synchronous: 'FULL', nikSecret: loadNikSecret(undefined, dir), notifyChannel: 'log' });
    const seed = await seedIfEmpty(store, { seedDemo: true, adminPassword: ADMIN_PASSWORD }, now).finally(() => store.close());
    if (!seed.kioskToken) throw new Error('the bench database was not fresh');
    const today = now.setZone('Asia/Jakarta').toISODate()!;
    const rows = sqlite
      .prepare(
        `SELECT s.id FROM slots s JOIN services v ON v.id = s.service_id
         WHERE s.office_id = 'demo' AND v.code = 'A' AND s.date > ? ORDER BY s.date, s.start LIMIT ?`,
      )
      .all(today, opts.slots * sets + 1) as { id: number }[];
    if (rows.length < opts.slots * sets + 1) throw new Error(`only ${rows.length} future slots of service A; need ${opts.slots * sets + 1}`);
    const [warmup, ...measured] = rows.map((r) => r.id) as [number, ...number[]];
    const capacities = split(opts.capacity, opts.slots);
    const slotSets = Array.from({ length: sets }, (_, k) => measured.slice(k * opts.slots, (k + 1) * opts.slots));
    const setCapacity = sqlite.prepare('UPDATE slots SET capacity = ? WHERE id = ?');
    sqlite.transaction(() => {
      setCapacity.run(opts.warmupCapacity, warmup);
      for (const set of slotSets) set.forEach((id, i) => setCapacity.run(capacities[i], id));
      if (opts.unlimitedWalkIns) sqlite.prepare(`UPDATE services SET walk_in_quota = NULL WHERE office_id = 'demo'`).run();
    }).immediate();
    return { dbPath, kioskToken: seed.kioskToken, slotSets, capacities, warmupSlotId: warmup };
  } finally {
    sqlite.close();
  }
};

/** Environment for bench/server.ts on a prepared database: real defaults, rate limits raised for the load. */
export const serverEnv = (dir: string, dbPath: string, now = BENCH_NOW): Record<string, string> => ({
  DATABASE_PATH: dbPath,
  DATA_DIR: dir,
  PORT: '0',
  HOST: '127.0.0.1',
  SEED_DEMO: '1',
  ADMIN_PASSWORD,
  BENCH_NOW: now,
  RATE_LIMIT_BOOKINGS_PER_MINUTE: '10000000',
  RATE_LIMIT_PUBLIC_WRITES_PER_MINUTE: '10000000',
  RATE_LIMIT_LOGINS_PER_MINUTE: '1000',
  // The burst measures booking itself; its clients solve no proof of work.
  BOOKING_CHALLENGE: 'off',
  PAGES_DIR: 'dist/no-pages-needed-for-the-bench',
});
