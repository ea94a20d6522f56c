/**
 * Group commit: write operations that arrive while the event loop is busy are applied together
 * in one transaction (one fsync for many under synchronous=FULL), each inside its own savepoint,
 * and answered only after that transaction has committed.
 *
 * - All-or-nothing per request: an operation that throws rolls back to its savepoint and changes
 *   nothing; the others in the batch still commit. (better-sqlite3 turns a transaction function
 *   called inside another transaction into a savepoint, so an operation's own `writeTx` nests.)
 * - Same answers as one by one: the batch runs its operations in arrival order.
 * - Nothing is acknowledged before it is durable: promises settle after COMMIT returns; if the
 *   commit itself fails, every operation of the batch is refused with that error.
 *
 * A batch is flushed on `setImmediate`: everything the current turn of the event loop received
 * (a burst of requests parsed from many sockets) goes into it.
 */
import type Database from 'better-sqlite3';
import { immediateTx, savepoint } from './connection';

type Pending = { run: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

/** The largest batch: bounds how long one commit holds the write lock (and the event loop). */
const MAX_BATCH = 256;

export type GroupCommit = <T>(run: () => T) => Promise<T>;

export const createGroupCommit = (sqlite: Database.Database): GroupCommit => {
  let queue: Pending[] = [];
  let scheduled = false;

  const flush = () => {
    const batch = queue.slice(0, MAX_BATCH);
    queue = queue.slice(batch.length);
    scheduled = queue.length > 0;
    if (scheduled) setImmediate(flush);
    const settled: Settled[] = [];
    try {
      immediateTx(sqlite, () => {
        for (const op of batch) {
          try {
            settled.push({ ok: true, value: savepoint(sqlite, op.run) });
          } catch (error) {
            settled.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const op of batch) op.reject(error);
      return;
    }
    batch.forEach((op, i) => {
      const result = settled[i]!;
      if (result.ok) op.resolve(result.value);
      else op.reject(result.error);
    });
  };

  return <T>(run: () => T) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
};

/** One transaction per operation, at once: the behaviour without group commit (GROUP_COMMIT=0). */
export const commitEachAlone: GroupCommit = async <T>(run: () => T) => run();
