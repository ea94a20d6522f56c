/**
 * The province engine: `Store` on PostgreSQL (DATABASE_URL=postgres://…), through pg and drizzle.
 * Several processes may share one database: every rule is decided inside a transaction that
 * holds the locks of what it decides on (connection.ts), never in one process's memory.
 * This file opens the pool, migrates, and composes the four groups of operations (groups.ts).
 */
import type { Store } from '../store';
import { accountOperations } from './accountOperations';
import { bookingOperations } from './bookingOperations';
import type { PgCtx } from './connection';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migratePostgres, openPool } from './open';
import { queueOperations } from './queueOperations';
import { reportOperations } from './reportOperations';
import { challengeOperations } from './usedChallenges';

export type PostgresStoreOptions = {
  connectionString: string;
  nikSecret: string;
  notifyChannel: string;
  /** Connections this process may hold (default 10). */
  poolSize?: number;
};

/** What every group's operations work with: the pool and the settings they need. */
export type PgStoreCtx = PgCtx & { notifyChannel: string };

export const createPostgresStore = async (options: PostgresStoreOptions): Promise<Store> => {
  const pool = openPool(options.connectionString, options.poolSize ?? 10);
  await migratePostgres(pool);
  const ctx: PgStoreCtx = { pool, db: drizzle(pool), nikSecret: options.nikSecret, notifyChannel: options.notifyChannel };
  return {
    ...bookingOperations(ctx),
    ...queueOperations(ctx),
    ...accountOperations(ctx),
    ...reportOperations(ctx),
    ...challengeOperations(ctx),
    close: async () => {
      await pool.end();
    },
  };
};
