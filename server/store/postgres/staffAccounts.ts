/**
 * Staff accounts of an office. Passwords are generated here and returned exactly once (to the
 * admin who created or reset the account); only their scrypt hash is stored.
 */
import { eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail, invalid } from '../../domain/errors';
import * as t from './schema';
import { exec, getRow, insertReturning, row, rows, withTx, type Conn, type PgCtx, type Tx } from './connection';
import type { Actor, Role } from '../../domain/policy';
import { auditedAccountPatch, checkAccountAccess, checkAccountChange, checkContactPhone, checkNewAccount } from '../../domain/staffAccounts';
import { audit } from './journal';
import { loadOffice } from './offices';
import { endSessions, type UserRow } from './sessions';
import type { StaffView } from '../../../shared/staffTypes';

/** Users with the instant their most recent session was last seen. */
const STAFF = `SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.office_id AS "officeId", u.disabled, u.created_at AS "createdAt", u.contact_phone AS "contactPhone",
  (SELECT max(s.last_seen_at) FROM sessions s WHERE s.user_id = u.id) AS "lastSeenAt" FROM users u`;

const view = async (c: Conn, userId: number): Promise<StaffView> => (await row<StaffView>(c, `${STAFF} WHERE u.id = ?`, userId))!;

/** The office's staff, by name in byte order (as SQLite sorts, whatever the database's collation); a deployment-wide admin also sees the deployment-wide admins. */
export const listStaff = (c: Conn, officeId: string, actor: Actor): Promise<StaffView[]> =>
  actor.officeId === null
    ? rows<StaffView>(c, `${STAFF} WHERE u.office_id = ? OR u.office_id IS NULL ORDER BY u.username COLLATE "C"`, officeId)
    : rows<StaffView>(c, `${STAFF} WHERE u.office_id = ? ORDER BY u.username COLLATE "C"`, officeId);

/** The account, row-locked: two changes of one account apply one after the other, each checked on the other's result. */
const userOf = async (tx: Tx, userId: number, actor: Actor, officeId: string | null): Promise<UserRow> => {
  const user = (await getRow(tx, t.users, 'WHERE id = ? FOR UPDATE', userId)) ?? fail('NOT_FOUND');
  checkAccountAccess(actor, user, officeId);
  return user;
};

/** The lock of a sign-in name while an account takes it. */
const usernameKey = (username: string): string => `username:${username}`;

export const createStaff = (
  ctx: PgCtx,
  officeId: string | null,
  input: { username: string; displayName: string; role: Role; contactPhone?: string | null },
  passwordHash: string,
  actor: Actor,
  now: DateTime,
): Promise<StaffView> =>
  withTx(ctx, async (tx) => {
    checkNewAccount(officeId, input.role);
    const contactPhone = checkContactPhone(input.contactPhone) ?? null;
    if (officeId !== null) await loadOffice(tx, officeId);
    // Under the name's lock: two admins taking the same name at once get one account and one 'taken'.
    if (await row(tx, 'SELECT 1 FROM users WHERE username = ?', input.username)) invalid({ username: { key: 'taken' } });
    const user = await insertReturning(
      tx, t.users,
      'INSERT INTO users (username, display_name, password_hash, role, office_id, created_at, contact_phone) VALUES (?, ?, ?, ?, ?, ?, ?)',
      input.username, input.displayName, passwordHash, input.role, officeId, now.toMillis(), contactPhone,
    );
    await audit(tx, { officeId, userId: actor.userId, action: 'user.create', target: user.username, detail: { role: input.role } }, now);
    return view(tx, user.id);
  }, { locks: [usernameKey(input.username)] });

/** Name, role or disabled; disabling ends every session of that user. Nobody can demote or lock out themselves. */
export const updateStaff = (
  ctx: PgCtx,
  officeId: string,
  userId: number,
  asked: { displayName?: string; role?: Role; disabled?: boolean; contactPhone?: string | null },
  actor: Actor,
  now: DateTime,
): Promise<StaffView> =>
  withTx(ctx, async (tx) => {
    const contactPhone = checkContactPhone(asked.contactPhone);
    const patch = contactPhone === undefined ? asked : { ...asked, contactPhone };
    const user = await userOf(tx, userId, actor, officeId);
    const change = checkAccountChange(actor, user, patch);
    await tx.db.update(t.users).set(patch).where(eq(t.users.id, userId));
    if (change.endSessions) await endSessions(tx, userId, now);
    await audit(tx, { officeId: user.officeId ?? officeId, userId: actor.userId, action: 'user.update', target: user.username, detail: auditedAccountPatch(patch) }, now);
    return view(tx, userId);
  });

/** Stores a new password hash and ends the user's sessions (their devices must sign in again). */
export const resetPassword = (ctx: PgCtx, officeId: string, userId: number, passwordHash: string, actor: Actor, now: DateTime): Promise<StaffView> =>
  withTx(ctx, async (tx) => {
    const user = await userOf(tx, userId, actor, officeId);
    await exec(tx, 'UPDATE users SET password_hash = ? WHERE id = ?', passwordHash, userId);
    await endSessions(tx, userId, now);
    await audit(tx, { officeId: user.officeId ?? officeId, userId: actor.userId, action: 'user.reset_password', target: user.username }, now);
    return view(tx, userId);
  });

/** A staff member changes their own password (after checking the current one at the edge). */
export const changeOwnPassword = (ctx: PgCtx, actor: Actor, passwordHash: string, keepSessionId: string, now: DateTime): Promise<void> =>
  withTx(ctx, async (tx) => {
    const user = (await getRow(tx, t.users, 'WHERE id = ?', actor.userId)) ?? fail('NOT_FOUND');
    await exec(tx, 'UPDATE users SET password_hash = ? WHERE id = ?', passwordHash, user.id);
    // Other devices signed in with the old password are signed out; this one stays.
    await endSessions(tx, user.id, now, keepSessionId);
    await audit(tx, { officeId: user.officeId, userId: user.id, action: 'user.change_password', target: user.username }, now);
  });
