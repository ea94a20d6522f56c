/** The account and admin operations of the PostgreSQL store (see groups.ts). */
import type { AccountOperations } from './groups';
import { unbuilt } from './groups';
import type { PgStoreCtx } from './index';
import * as t from './schema';
import { countOffices, setUpOffice } from './officeSetup';
import { eq } from 'drizzle-orm';
import { changedFields } from '../../domain/auditTrail';
import { officeLock, withTx } from './connection';
import { audit } from './journal';
import { loadOffice } from './offices';

const rest = unbuilt('account', [
  'countUsers', 'startSession', 'signInLock', 'recordSignInFailure', 'resolveSession', 'endSession',
  'setUserDisabled', 'listStaff', 'createStaff', 'updateStaff', 'resetPassword', 'changeOwnPassword', 'createKiosk', 'listKiosks',
  'revokeKiosk', 'resolveKiosk', 'adminSnapshot', 'createOffice', 'setOpeningHours',
  'changeBlanko', 'createService', 'updateService', 'reorderServices', 'retireService', 'createCounter', 'updateCounter',
  'deleteCounter', 'createNotice', 'updateNotice', 'deleteNotice', 'createContact', 'updateContact', 'deleteContact', 'readAudit',
]);

export const accountOperations = (ctx: PgStoreCtx): AccountOperations => ({
  ...rest,
  countOffices: () => countOffices(ctx),
  setUpOffice: (setup, now) => setUpOffice(ctx, setup, now),
  findUserByUsername: async (username) => (await ctx.db.select().from(t.users).where(eq(t.users.username, username)))[0],
  updateOffice: (officeId, patch, actor, now) =>
    withTx(ctx, async (tx) => {
      const before = await loadOffice(tx, officeId);
      const updated = Object.keys(patch).length ? (await tx.db.update(t.offices).set(patch).where(eq(t.offices.id, officeId)).returning())[0]! : before;
      await audit(tx, { officeId, userId: actor.userId, action: 'office.update', target: officeId, detail: changedFields(before, patch) }, now);
      return updated;
    }, { locks: [officeLock(officeId)] }),
  createUser: async (user, now) => (await ctx.db.insert(t.users).values({ ...user, createdAt: now.toMillis() }).returning())[0]!,
});
