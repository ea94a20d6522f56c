/**
 * The locks of the booking paths, beside connection.ts's office lock.
 *
 * - `holder:{office}:{nikHash}` (exclusive): one person's bookings, so that two of their requests
 *   cannot both pass the per-NIK rules.
 * - `phone:{office}:{phone}` (exclusive, the phone in E.164): one phone number's bookings, whatever
 *   their NIK, so that two requests with one phone cannot both pass the per-phone rule. Taken with
 *   the holder lock in one sorted `lock` call (holder before phone), by bookings and reschedules.
 * - `plan:{office}` (shared by every booking, reschedule and slot making; exclusive for closures,
 *   urgent-only mode and slot plan changes): what a booking is decided against. Bookings share it
 *   and so still run in parallel; a closure waits for the bookings deciding now and holds new ones
 *   back until it commits, so none lands on a day it closes without being cancelled or moved, and
 *   a re-plan never works from slot rows a booking is changing.
 * Order, so that no two transactions wait on each other: holder before phone before plan, office before plan;
 * nothing that holds `plan` exclusively takes a holder lock.
 */
import { exec, type Tx } from './connection';

export const holderLock = (officeId: string, nikHash: string): string => `holder:${officeId}:${nikHash}`;
export const planLock = (officeId: string): string => `plan:${officeId}`;
export const phoneLock = (officeId: string, phone: string): string => `phone:${officeId}:${phone}`;

/** Takes the office's plan lock shared (see above), until the end of the transaction. */
export const sharePlan = async (tx: Tx, officeId: string): Promise<void> => {
  await exec(tx, 'SELECT pg_advisory_xact_lock_shared(hashtextextended(?, 0))', planLock(officeId));
};
