/**
 * Opens the PostgreSQL pool and applies the migrations once, whatever number of processes start
 * together: the migrator runs under a session advisory lock, so the second process waits and
 * then finds nothing left to apply.
 */
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** Drizzle on one client or the pool; queries name tables from ./schema (no relational API, so a handle per transaction is cheap). */
export type PgDb = NodePgDatabase;

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The advisory lock key every Giliran process takes to migrate (and to seed: boot.ts). */
export const MIGRATION_LOCK = 7_146_201;

// Instants are bigint epoch milliseconds and counts come back as int8 or numeric: read them as
// numbers (every value here is far below 2^53), for this pool only.
const NUMBER_TYPES = new Set([20, 1700]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMBER_TYPES.has(oid) ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export const openPool = (connectionString: string, max = 10): pg.Pool => {
  const pool = new pg.Pool({ connectionString, max, types });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return pool;
};

/** Applies the migrations that are not applied yet, under the migration lock. */
export const migratePostgres = async (pool: pg.Pool): Promise<void> => {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
};
