/**
 * Staff accounts of an office. Passwords are generated here and returned exactly once (to the
 * admin who created or reset the account); only their scrypt hash is stored.
 */
import { and, asc, eq, isNull, ne, or } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail, invalid } from '../../domain/errors';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import type { Actor, Role } from '../../domain/policy';
import { auditedAccountPatch, checkAccountAccess, checkAccountChange, checkContactPhone, checkNewAccount } from '../../domain/staffAccounts';
import { audit } from './journal';
import { loadOffice } from './offices';
import type { StaffView } from '../../../shared/staffTypes';



const view = (ctx: StoreCtx, user: typeof t.users.$inferSelect): StaffView => {
  const last = ctx.db
    .select({ at: t.sessions.lastSeenAt })
    .from(t.sessions)
    .where(eq(t.sessions.userId, user.id))
    .orderBy(asc(t.sessions.lastSeenAt))
    .all()
    .at(-1);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    officeId: user.officeId,
    disabled: user.disabled,
    createdAt: user.createdAt,
    lastSeenAt: last?.at ?? null,
    contactPhone: user.contactPhone,
  };
};

/** The office's staff; a deployment-wide admin also sees the deployment-wide admins. */
export const listStaff = (ctx: StoreCtx, officeId: string, actor: Actor): StaffView[] => {
  const rows = ctx.db
    .select()
    .from(t.users)
    .where(actor.officeId === null ? or(eq(t.users.officeId, officeId), isNull(t.users.officeId)) : eq(t.users.officeId, officeId))
    .orderBy(asc(t.users.username))
    .all();
  return rows.map((u) => view(ctx, u));
};

const userOf = (ctx: StoreCtx, userId: number, actor: Actor, officeId: string | null) => {
  const user = ctx.db.select().from(t.users).where(eq(t.users.id, userId)).get() ?? fail('NOT_FOUND');
  checkAccountAccess(actor, user, officeId);
  return user;
};

export const createStaff = (
  ctx: StoreCtx,
  officeId: string | null,
  input: { username: string; displayName: string; role: Role; contactPhone?: string | null },
  passwordHash: string,
  actor: Actor,
  now: DateTime,
): StaffView =>
  writeTx(ctx, () => {
    checkNewAccount(officeId, input.role);
    const contactPhone = checkContactPhone(input.contactPhone) ?? null;
    if (officeId !== null) loadOffice(ctx, officeId);
    if (ctx.db.select({ id: t.users.id }).from(t.users).where(eq(t.users.username, input.username)).get()) invalid({ username: { key: 'taken' } });
    const user = ctx.db.insert(t.users).values({ ...input, contactPhone, officeId, passwordHash, createdAt: now.toMillis() }).returning().get();
    audit(ctx, { officeId, userId: actor.userId, action: 'user.create', target: user.username, detail: { role: input.role } }, now);
    return view(ctx, user);
  });

/** Name, role or disabled; disabling ends every session of that user. Nobody can demote or lock out themselves. */
export const updateStaff = (
  ctx: StoreCtx,
  officeId: string,
  userId: number,
  asked: { displayName?: string; role?: Role; disabled?: boolean; contactPhone?: string | null },
  actor: Actor,
  now: DateTime,
): StaffView =>
  writeTx(ctx, () => {
    const contactPhone = checkContactPhone(asked.contactPhone);
    const patch = contactPhone === undefined ? asked : { ...asked, contactPhone };
    const user = userOf(ctx, userId, actor, officeId);
    const change = checkAccountChange(actor, user, patch);
    const updated = ctx.db.update(t.users).set(patch).where(eq(t.users.id, userId)).returning().get();
    if (change.endSessions) endSessions(ctx, userId, now);
    audit(ctx, { officeId: user.officeId ?? officeId, userId: actor.userId, action: 'user.update', target: user.username, detail: auditedAccountPatch(patch) }, now);
    return view(ctx, updated);
  });

export const endSessions = (ctx: StoreCtx, userId: number, now: DateTime): void => {
  ctx.db.update(t.sessions).set({ endedAt: now.toMillis() }).where(and(eq(t.sessions.userId, userId), isNull(t.sessions.endedAt))).run();
};

/** Stores a new password hash and ends the user's sessions (their devices must sign in again). */
export const resetPassword = (ctx: StoreCtx, officeId: string, userId: number, passwordHash: string, actor: Actor, now: DateTime): StaffView =>
  writeTx(ctx, () => {
    const user = userOf(ctx, userId, actor, officeId);
    const updated = ctx.db.update(t.users).set({ passwordHash }).where(eq(t.users.id, userId)).returning().get();
    endSessions(ctx, userId, now);
    audit(ctx, { officeId: user.officeId ?? officeId, userId: actor.userId, action: 'user.reset_password', target: user.username }, now);
    return view(ctx, updated);
  });

/** A staff member changes their own password (after checking the current one at the edge). */
export const changeOwnPassword = (ctx: StoreCtx, actor: Actor, passwordHash: string, keepSessionId: string, now: DateTime): void =>
  writeTx(ctx, () => {
    const user = ctx.db.select().from(t.users).where(eq(t.users.id, actor.userId)).get() ?? fail('NOT_FOUND');
    ctx.db.update(t.users).set({ passwordHash }).where(eq(t.users.id, user.id)).run();
    // Other devices signed in with the old password are signed out; this one stays.
    ctx.db
      .update(t.sessions)
      .set({ endedAt: now.toMillis() })
      .where(and(eq(t.sessions.userId, user.id), isNull(t.sessions.endedAt), ne(t.sessions.id, keepSessionId)))
      .run();
    audit(ctx, { officeId: user.officeId, userId: user.id, action: 'user.change_password', target: user.username }, now);
  });
