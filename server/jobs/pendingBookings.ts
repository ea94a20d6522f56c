/**
 * Pending bookings whose hold has ended expire and give their places back (domain/confirmation),
 * every few seconds in every process: the store expires each booking once (a conditional update;
 * on PostgreSQL claimed with SKIP LOCKED), so processes running it side by side do no harm, and a
 * restart loses nothing, as the holds live in the database. Reading a booking expires it on the
 * spot too; this job is what returns places nobody asks about.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Store } from '../store/store';
import { startPeriodic } from './periodic';

/** How often the job looks: a place comes back at most this long after its hold ends. */
export const EXPIRY_INTERVAL_MS = 15_000;

export const expirePendingBookings = async (store: Store, clock: Clock, log: Pick<Logger, 'info'>): Promise<number> => {
  const expired = await store.expirePendingBookings(clock.now());
  if (expired > 0) log.info({ expired }, 'pending bookings: unconfirmed ones expired, places returned');
  return expired;
};

export const startPendingExpiry = (store: Store, clock: Clock, log: Pick<Logger, 'info' | 'error'>, intervalMs = EXPIRY_INTERVAL_MS): (() => void) =>
  startPeriodic('pending bookings', async () => void (await expirePendingBookings(store, clock, log)), intervalMs, log);
