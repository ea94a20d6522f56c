/** Staff accounts, their sessions, and kiosk tokens. Tokens are stored only as SHA-256 hashes. */
import { and, eq, isNull } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { newToken, sha256 } from '../../security/tokens';
import { fail } from '../../domain/errors';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import type { Actor, Role } from '../../domain/policy';
import type { SessionUser } from '../records';
import { audit } from './journal';
import { loadOffice } from './offices';
import { clearSignInFailures } from './signIns';
import type { SessionLimits } from '../store';

export type UserRow = typeof t.users.$inferSelect;


export const findUserByUsername = (ctx: StoreCtx, username: string): UserRow | undefined =>
  ctx.db.select().from(t.users).where(eq(t.users.username, username)).get();

export const countUsers = (ctx: StoreCtx): number => (ctx.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;

export const createUser = (
  ctx: StoreCtx,
  user: { username: string; displayName: string; passwordHash: string; role: Role; officeId: string | null },
  now: DateTime,
): UserRow => ctx.db.insert(t.users).values({ ...user, createdAt: now.toMillis() }).returning().get();

/** Starts a fresh session (a new id at every sign-in) and returns the cookie token. */
export const startSession = (ctx: StoreCtx, userId: number, now: DateTime, options: { endOlderSessions?: boolean; address?: string } = {}): string =>
  writeTx(ctx, () => {
    const token = newToken();
    const user = ctx.db.select({ username: t.users.username, officeId: t.users.officeId }).from(t.users).where(eq(t.users.id, userId)).get() ?? fail('NOT_FOUND');
    if (options.endOlderSessions) ctx.db.update(t.sessions).set({ endedAt: now.toMillis() }).where(and(eq(t.sessions.userId, userId), isNull(t.sessions.endedAt))).run();
    ctx.db.insert(t.sessions).values({ id: sha256(token), userId, createdAt: now.toMillis(), lastSeenAt: now.toMillis() }).run();
    clearSignInFailures(ctx, user.username);
    audit(ctx, { officeId: null, userId, action: 'auth.login', ...(options.address !== undefined ? { detail: { address: options.address } } : {}) }, now);
    return token;
  });


/** The signed-in user behind a cookie token, or undefined when the session is unknown, ended, idle or too old. */
/** `touch: false` checks without counting as activity (the live layer's periodic sweep must not keep a session alive). */
export const resolveSession = (ctx: StoreCtx, token: string, now: DateTime, limits: SessionLimits, { touch = true } = {}): SessionUser | undefined => {
  const id = sha256(token);
  const row = ctx.db
    .select({ session: t.sessions, user: t.users })
    .from(t.sessions)
    .innerJoin(t.users, eq(t.users.id, t.sessions.userId))
    .where(and(eq(t.sessions.id, id), isNull(t.sessions.endedAt)))
    .get();
  if (!row || row.user.disabled) return undefined;
  const ms = now.toMillis();
  if (ms - row.session.lastSeenAt > limits.idleMinutes * 60_000) return undefined;
  if (ms - row.session.createdAt > limits.absoluteHours * 3_600_000) return undefined;
  // Touch at most once a minute: enough for the idle timeout, cheap for every request.
  if (touch && ms - row.session.lastSeenAt > 60_000) ctx.db.update(t.sessions).set({ lastSeenAt: ms }).where(eq(t.sessions.id, id)).run();
  return {
    userId: row.user.id,
    role: row.user.role as Role,
    officeId: row.user.officeId,
    username: row.user.username,
    displayName: row.user.displayName,
    sessionId: id,
  };
};

export const endSession = (ctx: StoreCtx, sessionId: string, now: DateTime): void => {
  ctx.db.update(t.sessions).set({ endedAt: now.toMillis() }).where(eq(t.sessions.id, sessionId)).run();
};

export const setUserDisabled = (ctx: StoreCtx, userId: number, disabled: boolean, actor: Actor, now: DateTime): void =>
  writeTx(ctx, () => {
    const user = ctx.db.select().from(t.users).where(eq(t.users.id, userId)).get() ?? fail('NOT_FOUND');
    if (actor.officeId !== null && user.officeId !== actor.officeId) fail('FORBIDDEN');
    ctx.db.update(t.users).set({ disabled }).where(eq(t.users.id, userId)).run();
    if (disabled) ctx.db.update(t.sessions).set({ endedAt: now.toMillis() }).where(and(eq(t.sessions.userId, userId), isNull(t.sessions.endedAt))).run();
    audit(ctx, { officeId: user.officeId, userId: actor.userId, action: disabled ? 'user.disable' : 'user.enable', target: user.username }, now);
  });

export const createKiosk = (ctx: StoreCtx, officeId: string, name: string, actor: Actor | null, now: DateTime) =>
  writeTx(ctx, () => {
    loadOffice(ctx, officeId);
    const token = newToken();
    const kiosk = ctx.db
      .insert(t.kiosks)
      .values({ officeId, name, tokenHash: sha256(token), createdAt: now.toMillis() })
      .returning()
      .get();
    audit(ctx, { officeId, userId: actor?.userId ?? null, action: 'kiosk.create', target: name }, now);
    return { id: kiosk.id, name: kiosk.name, officeId, token };
  });

export const resolveKiosk = (ctx: StoreCtx, token: string) =>
  ctx.db
    .select()
    .from(t.kiosks)
    .where(and(eq(t.kiosks.tokenHash, sha256(token)), isNull(t.kiosks.revokedAt)))
    .get();
