/** What every store operation works with: one connection, its drizzle handle, and secrets. */
import type Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import type { Db } from './open';

/** `publicBaseUrl`: the deployment's public address, for links in messages (PUBLIC_BASE_URL); absent, messages carry none. */
export type StoreCtx = { db: Db; sqlite: Database.Database; nikSecret: string; publicBaseUrl?: string };

/**
 * One command = one transaction. BEGIN IMMEDIATE takes the write lock first, so every
 * capacity or state check inside `fn` sees the data it will change (no check-then-act race,
 * also across processes). The callback is synchronous, as better-sqlite3 requires.
 */
export const writeTx = <T>(ctx: StoreCtx, fn: () => T): T => ctx.sqlite.transaction(fn).immediate();

export const nikHash = (ctx: StoreCtx, nik: string): string => createHmac('sha256', ctx.nikSecret).update(nik).digest('hex');
