/**
 * What every operation of the PostgreSQL store works with, and its three tools: SQL with `?`
 * parameters (as the SQLite modules write it) run as named prepared statements, rows shaped by
 * the drizzle schema, and transactions that lock what they decide on.
 *
 * Concurrency (several processes, one database): a transaction that checks a rule and then
 * writes takes the advisory locks of what the rule is about first (`lock` below: an office's
 * live queue, a holder's bookings), so two processes cannot both pass the same check; capacity
 * is a guarded `UPDATE … WHERE booked < capacity`; numbers come from a counter row. A
 * serialization failure or deadlock is retried with the whole transaction.
 */
import { createHash, createHmac } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import { getTableColumns, getTableName, type InferSelectModel, type Table } from 'drizzle-orm';
import type pg from 'pg';
import type { PgDb } from './open';

/** The store's handle: the pool and the NIK secret. Reads outside a transaction use it directly. */
/** `publicBaseUrl`: the deployment's public address, for links in messages (PUBLIC_BASE_URL); absent, messages carry none. */
export type PgCtx = { pool: pg.Pool; db: PgDb; nikSecret: string; publicBaseUrl?: string };
/** One transaction: its own connection and a drizzle handle on it. */
export type Tx = PgCtx & { client: pg.PoolClient };
/** Anything a query can run on: the pool (one statement, autocommit) or a transaction. */
export type Conn = PgCtx | Tx;

const onClient = (c: Conn): pg.Pool | pg.PoolClient => ('client' in c ? c.client : c.pool);

const texts = new Map<string, { text: string; name: string }>();
/** `?` placeholders to `$1…`, outside quoted literals; named by the text's hash so each connection prepares it once. */
const prepared = (sqlText: string): { text: string; name: string } => {
  let p = texts.get(sqlText);
  if (!p) {
    let n = 0;
    let quoted = false;
    let text = '';
    for (const ch of sqlText) {
      if (ch === "'") quoted = !quoted;
      text += ch === '?' && !quoted ? `$${++n}` : ch;
    }
    p = { text, name: `g${createHash('sha1').update(text).digest('hex').slice(0, 20)}` };
    texts.set(sqlText, p);
  }
  return p;
};

const run = async <R>(c: Conn, sqlText: string, params: unknown[]): Promise<pg.QueryResult<R & pg.QueryResultRow>> => {
  const { text, name } = prepared(sqlText);
  return onClient(c).query<R & pg.QueryResultRow>({ name, text, values: params });
};

/** Every row of a statement. */
export const rows = async <R>(c: Conn, sqlText: string, ...params: unknown[]): Promise<R[]> => (await run<R>(c, sqlText, params)).rows;
/** The first row of a statement, or undefined. */
export const row = async <R>(c: Conn, sqlText: string, ...params: unknown[]): Promise<R | undefined> => (await run<R>(c, sqlText, params)).rows[0];
/** Runs a statement; returns how many rows it changed. */
export const exec = async (c: Conn, sqlText: string, ...params: unknown[]): Promise<number> => (await run(c, sqlText, params)).rowCount ?? 0;

const selects = new WeakMap<Table, string>();
/** `"col" AS "prop", …` for every column of a table (the property names of its drizzle schema). */
export const columnsOf = (table: Table): string => {
  let select = selects.get(table);
  if (!select) {
    select = Object.entries(getTableColumns(table)).map(([key, col]) => `"${col.name}" AS "${key}"`).join(', ');
    selects.set(table, select);
  }
  return select;
};

/** One row of `table` (every column, schema property names) by `rest` (WHERE/ORDER BY/LIMIT with `?`). */
export const getRow = async <T extends Table>(c: Conn, table: T, rest: string, ...params: unknown[]): Promise<InferSelectModel<T> | undefined> =>
  row<InferSelectModel<T>>(c, `SELECT ${columnsOf(table)} FROM "${getTableName(table)}" ${rest}`, ...params);

export const allRows = async <T extends Table>(c: Conn, table: T, rest: string, ...params: unknown[]): Promise<InferSelectModel<T>[]> =>
  rows<InferSelectModel<T>>(c, `SELECT ${columnsOf(table)} FROM "${getTableName(table)}" ${rest}`, ...params);

/** `INSERT … RETURNING` every column. */
export const insertReturning = async <T extends Table>(c: Conn, table: T, sqlText: string, ...params: unknown[]): Promise<InferSelectModel<T>> =>
  (await row<InferSelectModel<T>>(c, `${sqlText} RETURNING ${columnsOf(table)}`, ...params))!;

/**
 * Transaction-scoped advisory locks on named things, taken in a fixed order (no deadlock between
 * two transactions that lock the same things). Held until COMMIT or ROLLBACK, in every process.
 * Keys: `office:{id}` (an office's live queue: tickets, counters, calls, its setup),
 * `holder:{office}:{nikHash}` (one person's bookings), `setup` (the one-time seed).
 */
export const lock = async (tx: Tx, ...keys: string[]): Promise<void> => {
  for (const key of [...new Set(keys)].sort()) await run(tx, 'SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [key]);
};

export const officeLock = (officeId: string): string => `office:${officeId}`;

const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Runs `fn` in one transaction on its own connection, after taking the advisory locks `locks`;
 * retried whole (a few times) on a serialization failure or deadlock. `readOnly` runs it as one
 * REPEATABLE READ snapshot that takes no lock.
 */
export const withTx = async <T>(ctx: PgCtx, fn: (tx: Tx) => Promise<T>, options: { locks?: string[]; readOnly?: boolean } = {}): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    const client = await ctx.pool.connect();
    const tx: Tx = { ...ctx, client, db: drizzle(client) };
    try {
      await client.query(options.readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
      if (options.locks?.length) await lock(tx, ...options.locks);
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      const code = (error as { code?: string }).code;
      if (attempt < 5 && code !== undefined && RETRYABLE.has(code)) continue;
      throw error;
    } finally {
      client.release();
    }
  }
};

export const nikHash = (ctx: PgCtx, nik: string): string => createHmac('sha256', ctx.nikSecret).update(nik).digest('hex');
