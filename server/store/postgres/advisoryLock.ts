/**
 * Runs `fn` while holding a PostgreSQL session advisory lock, on a short-lived connection of its
 * own: several processes starting together on one database then do `fn` one after the other.
 * Boot uses it to seed once, with the key the store's migrator takes (after the migration).
 */
import pg from 'pg';

export const withAdvisoryLock = async <T>(connectionString: string, key: number, fn: () => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString });
  // A connection lost while waiting must fail this start, not crash the process from an 'error' event.
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      return await fn();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
};
