/**
 * The province engine: `Store` on PostgreSQL (DATABASE_URL=postgres://…), through pg and drizzle.
 * Several processes may share one database: every rule is decided inside a transaction that
 * holds the locks of what it decides on (connection.ts), never in one process's memory.
 * This file opens the pool, migrates, and composes the four groups of operations (groups.ts).
 */
import type { ConfirmationPolicy } from '../../domain/confirmation';
import type { Store } from '../store';
import { accountOperations } from './accountOperations';
import { bookingOperations } from './bookingOperations';
import type { PgCtx } from './connection';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migratePostgres, openPool } from './open';
import { queueOperations } from './queueOperations';
import { reportOperations } from './reportOperations';
import { challengeOperations } from './usedChallenges';
import { waitingRoomOperations } from './waitingRoom';
import { assistOperations } from './assistedBookings';

export type PostgresStoreOptions = {
  connectionString: string;
  nikSecret: string;
  notifyChannel: string;
  /** The deployment's public address, for links in messages (PUBLIC_BASE_URL). */
  publicBaseUrl?: string;
  /** Connections this process may hold (default 10). */
  poolSize?: number;
  /** Visitors' bookings are pending until confirmed by a code (domain/confirmation); default off. */
  confirmation?: ConfirmationPolicy | null;
};

/** What every group's operations work with: the pool and the settings they need. */
export type PgStoreCtx = PgCtx & { notifyChannel: string; confirmation: ConfirmationPolicy | null };

export const createPostgresStore = async (options: PostgresStoreOptions): Promise<Store> => {
  const pool = openPool(options.connectionString, options.poolSize ?? 10);
  await migratePostgres(pool);
  const ctx: PgStoreCtx = { pool, db: drizzle(pool), nikSecret: options.nikSecret, notifyChannel: options.notifyChannel, confirmation: options.confirmation ?? null, ...(options.publicBaseUrl ? { publicBaseUrl: options.publicBaseUrl } : {}) };
  return {
    ...bookingOperations(ctx),
    ...queueOperations(ctx),
    ...accountOperations(ctx),
    ...reportOperations(ctx),
    ...challengeOperations(ctx),
    ...waitingRoomOperations(ctx),
    ...assistOperations(ctx),
    close: async () => {
      await pool.end();
    },
  };
};
