/** Staff accounts, their sessions, and kiosk tokens. Tokens are stored only as SHA-256 hashes. */
import type { DateTime } from 'luxon';
import { newToken, sha256 } from '../../security/tokens';
import { fail } from '../../domain/errors';
import * as t from './schema';
import { exec, getRow, insertReturning, lock, officeLock, row, withTx, type Conn, type PgCtx } from './connection';
import type { Actor, Role } from '../../domain/policy';
import type { SessionUser } from '../records';
import { audit } from './journal';
import { loadOffice } from './offices';
import { clearSignInFailures, signInKey } from './signIns';
import type { SessionLimits } from '../store';

export type UserRow = typeof t.users.$inferSelect;

export const findUserByUsername = (c: Conn, username: string): Promise<UserRow | undefined> => getRow(c, t.users, 'WHERE username = ?', username);

export const countUsers = async (c: Conn): Promise<number> => (await row<{ n: number }>(c, 'SELECT count(*)::int AS n FROM users'))!.n;

export const createUser = (
  c: Conn,
  user: { username: string; displayName: string; passwordHash: string; role: Role; officeId: string | null },
  now: DateTime,
): Promise<UserRow> =>
  insertReturning(
    c, t.users,
    'INSERT INTO users (username, display_name, password_hash, role, office_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    user.username, user.displayName, user.passwordHash, user.role, user.officeId, now.toMillis(),
  );

/** Ends every open session of a user (inside the caller's transaction), but `keep` if given. */
export const endSessions = async (c: Conn, userId: number, now: DateTime, keep?: string): Promise<void> => {
  if (keep === undefined) await exec(c, 'UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL', now.toMillis(), userId);
  else await exec(c, 'UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL AND id <> ?', now.toMillis(), userId, keep);
};

/** Starts a fresh session (a new id at every sign-in) and returns the cookie token. */
export const startSession = (ctx: PgCtx, userId: number, now: DateTime, options: { endOlderSessions?: boolean; address?: string } = {}): Promise<string> =>
  withTx(ctx, async (tx) => {
    const token = newToken();
    const user = (await row<{ username: string }>(tx, 'SELECT username FROM users WHERE id = ?', userId)) ?? fail('NOT_FOUND');
    // The name's failure count is forgotten under its lock: a wrong password counted at the same time is counted before, never after.
    await lock(tx, signInKey(user.username));
    if (options.endOlderSessions) await endSessions(tx, userId, now);
    await exec(tx, 'INSERT INTO sessions (id, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)', sha256(token), userId, now.toMillis(), now.toMillis());
    await clearSignInFailures(tx, user.username);
    await audit(tx, { officeId: null, userId, action: 'auth.login', ...(options.address !== undefined ? { detail: { address: options.address } } : {}) }, now);
    return token;
  });

type SessionJoin = { createdAt: number; lastSeenAt: number; userId: number; role: string; officeId: string | null; username: string; displayName: string; disabled: boolean };

/**
 * The signed-in user behind a cookie token, or undefined when the session is unknown, ended, idle or too old.
 * `touch: false` checks without counting as activity (the live layer's periodic sweep must not keep a session alive).
 */
export const resolveSession = async (c: Conn, token: string, now: DateTime, limits: SessionLimits, { touch = true } = {}): Promise<SessionUser | undefined> => {
  const id = sha256(token);
  const found = await row<SessionJoin>(
    c,
    `SELECT s.created_at AS "createdAt", s.last_seen_at AS "lastSeenAt", u.id AS "userId", u.role, u.office_id AS "officeId",
            u.username, u.display_name AS "displayName", u.disabled
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ? AND s.ended_at IS NULL`,
    id,
  );
  if (!found || found.disabled) return undefined;
  const ms = now.toMillis();
  if (ms - found.lastSeenAt > limits.idleMinutes * 60_000) return undefined;
  if (ms - found.createdAt > limits.absoluteHours * 3_600_000) return undefined;
  // Touch at most once a minute: enough for the idle timeout, cheap for every request.
  if (touch && ms - found.lastSeenAt > 60_000) await exec(c, 'UPDATE sessions SET last_seen_at = ? WHERE id = ?', ms, id);
  return {
    userId: found.userId,
    role: found.role as Role,
    officeId: found.officeId,
    username: found.username,
    displayName: found.displayName,
    sessionId: id,
  };
};

export const endSession = async (c: Conn, sessionId: string, now: DateTime): Promise<void> => {
  await exec(c, 'UPDATE sessions SET ended_at = ? WHERE id = ?', now.toMillis(), sessionId);
};

export const setUserDisabled = (ctx: PgCtx, userId: number, disabled: boolean, actor: Actor, now: DateTime): Promise<void> =>
  withTx(ctx, async (tx) => {
    const user = (await getRow(tx, t.users, 'WHERE id = ?', userId)) ?? fail('NOT_FOUND');
    if (actor.officeId !== null && user.officeId !== actor.officeId) fail('FORBIDDEN');
    await exec(tx, 'UPDATE users SET disabled = ? WHERE id = ?', disabled, userId);
    if (disabled) await endSessions(tx, userId, now);
    await audit(tx, { officeId: user.officeId, userId: actor.userId, action: disabled ? 'user.disable' : 'user.enable', target: user.username }, now);
  });

export const createKiosk = (ctx: PgCtx, officeId: string, name: string, actor: Actor | null, now: DateTime) =>
  withTx(ctx, async (tx) => {
    await loadOffice(tx, officeId);
    const token = newToken();
    const kiosk = await insertReturning(
      tx, t.kiosks,
      'INSERT INTO kiosks (office_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)',
      officeId, name, sha256(token), now.toMillis(),
    );
    await audit(tx, { officeId, userId: actor?.userId ?? null, action: 'kiosk.create', target: name }, now);
    return { id: kiosk.id, name: kiosk.name, officeId, token };
  }, { locks: [officeLock(officeId)] });

export const resolveKiosk = (c: Conn, token: string) => getRow(c, t.kiosks, 'WHERE token_hash = ? AND revoked_at IS NULL', sha256(token));
