/**
 * Hot-path statements, prepared once per connection. Drizzle's query builder rebuilds the SQL
 * text and re-prepares it on every call, then maps each row column by column; on the booking
 * burst and the live fan-out that was most of the server's time (see bench/). Here the row
 * shape still comes from the drizzle schema (getTableColumns), so a column added by a
 * migration is read with no edit: columns are selected under their property names, and only
 * columns with a driver mapping of their own (booleans) are decoded.
 */
import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, type InferSelectModel, type Table } from 'drizzle-orm';
import type { StoreCtx } from './connection';

const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The statement for this SQL text on this connection, prepared at first use. */
export const stmt = (ctx: StoreCtx, sql: string): Database.Statement => {
  let cache = byConnection.get(ctx.sqlite);
  if (!cache) byConnection.set(ctx.sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = ctx.sqlite.prepare(sql)));
  return statement;
};

const PLAIN = new Set(['SQLiteInteger', 'SQLiteText', 'SQLiteReal', 'SQLiteNumeric']);
type Shape = { select: string; decode: (row: Record<string, unknown>) => void };
const shapes = new WeakMap<Table, Shape>();

/** `"col" AS "prop", …` for a table, and the decoder for its non-plain columns. */
const shapeOf = (table: Table): Shape => {
  let shape = shapes.get(table);
  if (shape) return shape;
  const columns = Object.entries(getTableColumns(table));
  const decoded = columns.filter(([, c]) => !PLAIN.has(c.columnType));
  shape = {
    select: columns.map(([key, c]) => `"${c.name}" AS "${key}"`).join(', '),
    decode: decoded.length
      ? (row) => {
          for (const [key, c] of decoded) if (row[key] !== null) row[key] = c.mapFromDriverValue(row[key]);
        }
      : () => {},
  };
  shapes.set(table, shape);
  return shape;
};

/** SQL for "every column of `table`" followed by `rest` (WHERE/ORDER BY/LIMIT, `?` parameters), built once. */
const selectSqlCache = new WeakMap<Table, Map<string, string>>();
const selectSql = (table: Table, rest: string): string => {
  let byRest = selectSqlCache.get(table);
  if (!byRest) selectSqlCache.set(table, (byRest = new Map()));
  let sql = byRest.get(rest);
  if (sql === undefined) byRest.set(rest, (sql = `SELECT ${shapeOf(table).select} FROM "${getTableName(table)}" ${rest}`));
  return sql;
};

export const getRow = <T extends Table>(ctx: StoreCtx, table: T, rest: string, ...params: unknown[]): InferSelectModel<T> | undefined => {
  const row = stmt(ctx, selectSql(table, rest)).get(...params) as Record<string, unknown> | undefined;
  if (row) shapeOf(table).decode(row);
  return row as InferSelectModel<T> | undefined;
};

export const allRows = <T extends Table>(ctx: StoreCtx, table: T, rest: string, ...params: unknown[]): InferSelectModel<T>[] => {
  const rows = stmt(ctx, selectSql(table, rest)).all(...params) as Record<string, unknown>[];
  const { decode } = shapeOf(table);
  for (const row of rows) decode(row);
  return rows as InferSelectModel<T>[];
};

/** `INSERT … RETURNING` every column, decoded like a read. */
export const insertReturning = <T extends Table>(ctx: StoreCtx, table: T, sql: string, ...params: unknown[]): InferSelectModel<T> => {
  const row = stmt(ctx, `${sql} RETURNING ${shapeOf(table).select}`).get(...params) as Record<string, unknown>;
  shapeOf(table).decode(row);
  return row as InferSelectModel<T>;
};
