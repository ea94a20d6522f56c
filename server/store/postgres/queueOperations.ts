/** The queue operations of the PostgreSQL store (see groups.ts). */
import type { QueueOperations } from './groups';
import { unbuilt } from './groups';
import type { PgStoreCtx } from './index';

export const queueOperations = (_ctx: PgStoreCtx): QueueOperations => unbuilt('queue', [] as never[]) as QueueOperations;
