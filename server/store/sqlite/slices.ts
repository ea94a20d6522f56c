/**
 * Long work (a year's report, a job over every office) is done in slices: better-sqlite3 is
 * synchronous, so between two slices the event loop is given back and requests are answered.
 */

/** About how long one slice may hold the event loop (ms). */
export const SLICE_MS = 8;

/** Resolves on the next turn of the event loop, after the I/O waiting now. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
