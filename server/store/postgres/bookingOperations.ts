/** The booking operations of the PostgreSQL store (see groups.ts). */
import type { BookingOperations } from './groups';
import { unbuilt } from './groups';
import type { PgStoreCtx } from './index';

export const bookingOperations = (_ctx: PgStoreCtx): BookingOperations => unbuilt('booking', [] as never[]) as BookingOperations;
