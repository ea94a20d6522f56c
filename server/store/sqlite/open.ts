/** Opens the SQLite file with the pragmas a booking system needs, then applies the migrations. */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
import type { Synchronous } from '../../config';
export type { Synchronous };

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export const openDatabase = (path: string, synchronous: Synchronous = 'FULL'): { db: Db; sqlite: Database.Database } => {
  // Personal data lives here: the folder is the server's own (0700) and so are the files (0600).
  // SQLite creates -wal and -shm with the mode of the database file.
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
    chmodSync(path, 0o600);
  }
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  // Deleted and overwritten content is zeroed, not left in free pages: erasure erases (retention).
  sqlite.pragma('secure_delete = ON');
  // FULL: a confirmed booking is a promise to a citizen and must survive a power cut.
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('foreign_keys = ON');
  // A second process (or a crash-restart) may hold the write lock for a moment.
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  // Files made by an older version, before the database file's mode was set.
  for (const file of [`${path}-wal`, `${path}-shm`]) if (path !== ':memory:' && existsSync(file)) chmodSync(file, 0o600);
  return { db, sqlite };
};
