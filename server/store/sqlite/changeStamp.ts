/**
 * Whether what this connection reads may have changed since an earlier moment: `PRAGMA
 * data_version` moves when another connection (or process) commits, and `total_changes()` when
 * this connection inserts, updates or deletes a row (a trigger's rows included; a change later
 * rolled back still counts, which only makes a reader read again). Two equal stamps: the database
 * holds what it held. Both are cheap, and neither takes a lock.
 */
import { stmt } from './prepared';
import type { StoreCtx } from './connection';

export const changeStamp = (ctx: StoreCtx): string =>
  `${stmt(ctx, 'PRAGMA data_version').pluck().get() as number}:${stmt(ctx, 'SELECT total_changes()').pluck().get() as number}`;
