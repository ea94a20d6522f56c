/**
 * Sign-in throttling per name (domain/signInThrottle decides; this keeps the count) and the
 * audit of refused sign-ins: name, address and time, never the password.
 */
import { eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { afterFailure, lockedUntil } from '../../domain/signInThrottle';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import { audit } from './journal';

const failuresOf = (ctx: StoreCtx, username: string) =>
  ctx.db.select().from(t.signInFailures).where(eq(t.signInFailures.username, username)).get();

const accountOf = (ctx: StoreCtx, username: string) =>
  ctx.db.select({ id: t.users.id, officeId: t.users.officeId }).from(t.users).where(eq(t.users.username, username)).get();

/** When the name is locked: the instant the lock ends, after recording the refused try; otherwise null. */
export const signInLock = (ctx: StoreCtx, username: string, address: string, now: DateTime): number | null =>
  writeTx(ctx, () => {
    const until = lockedUntil(failuresOf(ctx, username), now.toMillis());
    if (until === null) return null;
    const account = accountOf(ctx, username);
    audit(ctx, { officeId: account?.officeId ?? null, userId: account?.id ?? null, action: 'auth.throttled', target: username, detail: { address, lockedUntil: until } }, now);
    return until;
  });

/** Counts a wrong password (or an unknown or disabled name) and returns when the name is locked, if it now is. */
export const recordSignInFailure = (ctx: StoreCtx, username: string, address: string, now: DateTime): number | null =>
  writeTx(ctx, () => {
    const next = afterFailure(failuresOf(ctx, username), now.toMillis());
    ctx.db
      .insert(t.signInFailures)
      .values({ username, ...next })
      .onConflictDoUpdate({ target: t.signInFailures.username, set: next })
      .run();
    const account = accountOf(ctx, username);
    audit(ctx, { officeId: account?.officeId ?? null, userId: account?.id ?? null, action: 'auth.failure', target: username, detail: { address, failures: next.failures, ...(next.lockedUntil !== null ? { lockedUntil: next.lockedUntil } : {}) } }, now);
    return next.lockedUntil;
  });

/** Forgets the name's failures (inside the caller's transaction): it has just signed in. */
export const clearSignInFailures = (ctx: StoreCtx, username: string): void => {
  ctx.db.delete(t.signInFailures).where(eq(t.signInFailures.username, username)).run();
};
