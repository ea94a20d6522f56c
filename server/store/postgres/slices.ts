/**
 * Long work (a job over every office, a year's report) is done in slices: each transaction of a
 * job does about SLICE_MS of work, so that it holds its row locks briefly, and the event loop is
 * given back between two slices, so that requests are answered meanwhile.
 */

/** About how long one slice may run (ms). */
export const SLICE_MS = 8;

/** Resolves on the next turn of the event loop, after the I/O waiting now. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
