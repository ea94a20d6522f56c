/**
 * Sign-in throttling per name (domain/signInThrottle decides; this keeps the count) and the
 * audit of refused sign-ins: name, address and time, never the password.
 *
 * Counting is atomic across processes: a failure is counted, and a sign-in forgets the count,
 * under the name's advisory lock, so two wrong passwords sent at once to two processes count two.
 * The domain's rule (which also forgets failures older than a day) decides the new count from
 * the row read under that lock.
 */
import type { DateTime } from 'luxon';
import { afterFailure, lockedUntil } from '../../domain/signInThrottle';
import * as t from './schema';
import { exec, getRow, row, withTx, type Conn, type PgCtx } from './connection';
import { audit } from './journal';

/** The advisory lock of a sign-in name's failure count. */
export const signInKey = (username: string): string => `signin:${username}`;

const failuresOf = (c: Conn, username: string) => getRow(c, t.signInFailures, 'WHERE username = ?', username);

const accountOf = (c: Conn, username: string) =>
  row<{ id: number; officeId: string | null }>(c, 'SELECT id, office_id AS "officeId" FROM users WHERE username = ?', username);

/** When the name is locked: the instant the lock ends, after recording the refused try; otherwise null. */
export const signInLock = async (ctx: PgCtx, username: string, address: string, now: DateTime): Promise<number | null> => {
  const until = lockedUntil(await failuresOf(ctx, username), now.toMillis());
  if (until === null) return null;
  const account = await accountOf(ctx, username);
  await audit(ctx, { officeId: account?.officeId ?? null, userId: account?.id ?? null, action: 'auth.throttled', target: username, detail: { address, lockedUntil: until } }, now);
  return until;
};

/** Counts a wrong password (or an unknown or disabled name) and returns when the name is locked, if it now is. */
export const recordSignInFailure = (ctx: PgCtx, username: string, address: string, now: DateTime): Promise<number | null> =>
  withTx(ctx, async (tx) => {
    const next = afterFailure(await failuresOf(tx, username), now.toMillis());
    await exec(
      tx,
      `INSERT INTO sign_in_failures (username, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
       ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until`,
      username, next.failures, next.lastFailureAt, next.lockedUntil,
    );
    const account = await accountOf(tx, username);
    await audit(tx, { officeId: account?.officeId ?? null, userId: account?.id ?? null, action: 'auth.failure', target: username, detail: { address, failures: next.failures, ...(next.lockedUntil !== null ? { lockedUntil: next.lockedUntil } : {}) } }, now);
    return next.lockedUntil;
  }, { locks: [signInKey(username)] });

/** Forgets the name's failures (inside the caller's transaction): it has just signed in. */
export const clearSignInFailures = async (c: Conn, username: string): Promise<void> => {
  await exec(c, 'DELETE FROM sign_in_failures WHERE username = ?', username);
};
