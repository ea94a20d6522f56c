/** Opens the SQLite file with the pragmas a booking system needs, then applies the migrations. */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
import type { Synchronous } from '../../config';
export type { Synchronous };

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export const openDatabase = (path: string, synchronous: Synchronous = 'FULL'): { db: Db; sqlite: Database.Database } => {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a confirmed booking is a promise to a citizen and must survive a power cut.
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('foreign_keys = ON');
  // A second process (or a crash-restart) may hold the write lock for a moment.
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return { db, sqlite };
};
