/** What every store operation works with: one connection, its drizzle handle, and secrets. */
import type Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import type { Db } from './open';

/** `publicBaseUrl`: the deployment's public address, for links in messages (PUBLIC_BASE_URL); absent, messages carry none. */
export type StoreCtx = { db: Db; sqlite: Database.Database; nikSecret: string; publicBaseUrl?: string };

/**
 * One transaction wrapper per connection, given the work to run. better-sqlite3's
 * `db.transaction(fn)` builds four wrapper functions each time it is called; called per request,
 * that was a visible part of a booking burst's time (bench/).
 */
type Runner = Database.Transaction<(fn: () => unknown) => unknown>;
const runners = new WeakMap<Database.Database, Runner>();
const runnerOf = (sqlite: Database.Database): Runner => {
  let runner = runners.get(sqlite);
  if (!runner) runners.set(sqlite, (runner = sqlite.transaction((fn: () => unknown) => fn())));
  return runner;
};

/**
 * One command = one transaction. BEGIN IMMEDIATE takes the write lock first, so every
 * capacity or state check inside `fn` sees the data it will change (no check-then-act race,
 * also across processes). The callback is synchronous, as better-sqlite3 requires. Inside an
 * open transaction it runs in a savepoint.
 */
export const writeTx = <T>(ctx: StoreCtx, fn: () => T): T => immediateTx(ctx.sqlite, fn);
export const immediateTx = <T>(sqlite: Database.Database, fn: () => T): T => runnerOf(sqlite).immediate(fn) as T;

/** A read transaction (BEGIN DEFERRED): several reads from one snapshot, under one WAL read lock. */
export const readTx = <T>(ctx: StoreCtx, fn: () => T): T => runnerOf(ctx.sqlite).deferred(fn) as T;

/** `fn` in a savepoint of the open transaction (or its own transaction if none is open): it changes everything or nothing. */
export const savepoint = <T>(sqlite: Database.Database, fn: () => T): T => runnerOf(sqlite)(fn) as T;

export const nikHash = (ctx: StoreCtx, nik: string): string => createHmac('sha256', ctx.nikSecret).update(nik).digest('hex');
