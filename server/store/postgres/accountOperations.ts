/**
 * The account and admin operations of the PostgreSQL store (see groups.ts): sign-in and
 * sessions, staff accounts, kiosks, office settings and setup, services, counters, notices,
 * WhatsApp contacts, the admin page's snapshot and the audit log. Wired as ../sqlite/index.ts
 * and ../sqlite/adminOperations.ts wire them; each operation is one transaction of its module.
 */
import { setOfficePublished } from './officePublishing';
import { tellBlankoHolders } from './blankoNotices';
import type { AccountOperations } from './groups';
import type { PgStoreCtx } from './index';
import { adminSnapshot } from './adminSnapshot';
import { readAudit } from './auditLog';
import * as counters from './counterSetup';
import { listKiosks, revokeKiosk } from './kiosks';
import * as notices from './notices';
import * as office from './officeSettings';
import { loadOffice } from './offices';
import { countOffices, setUpOffice } from './officeSetup';
import * as services from './services';
import * as sessions from './sessions';
import * as signIns from './signIns';
import * as staff from './staffAccounts';

export const accountOperations = (ctx: PgStoreCtx): AccountOperations => ({
  findUserByUsername: (username) => sessions.findUserByUsername(ctx, username),
  countUsers: () => sessions.countUsers(ctx),
  createUser: (user, now) => sessions.createUser(ctx, user, now),
  startSession: (userId, now, opts) => sessions.startSession(ctx, userId, now, opts),
  signInLock: (username, address, now) => signIns.signInLock(ctx, username, address, now),
  recordSignInFailure: (username, address, now) => signIns.recordSignInFailure(ctx, username, address, now),
  resolveSession: (token, now, limits, opts) => sessions.resolveSession(ctx, token, now, limits, opts),
  endSession: (sessionId, now) => sessions.endSession(ctx, sessionId, now),
  setUserDisabled: (userId, disabled, actor, now) => sessions.setUserDisabled(ctx, userId, disabled, actor, now),

  listStaff: (officeId, actor) => staff.listStaff(ctx, officeId, actor),
  createStaff: (officeId, input, passwordHash, actor, now) => staff.createStaff(ctx, officeId, input, passwordHash, actor, now),
  updateStaff: (officeId, userId, patch, actor, now) => staff.updateStaff(ctx, officeId, userId, patch, actor, now),
  resetPassword: (officeId, userId, passwordHash, actor, now) => staff.resetPassword(ctx, officeId, userId, passwordHash, actor, now),
  changeOwnPassword: (actor, passwordHash, keepSessionId, now) => staff.changeOwnPassword(ctx, actor, passwordHash, keepSessionId, now),

  createKiosk: (officeId, name, actor, now) => sessions.createKiosk(ctx, officeId, name, actor, now),
  listKiosks: (officeId) => listKiosks(ctx, officeId),
  revokeKiosk: (officeId, kioskId, actor, now) => revokeKiosk(ctx, officeId, kioskId, actor, now),
  resolveKiosk: (token) => sessions.resolveKiosk(ctx, token),

  adminSnapshot: (officeId, actor, now) => adminSnapshot(ctx, officeId, actor, now, ctx.notifyChannel),
  countOffices: () => countOffices(ctx),
  createOffice: (input, actor, now) => office.createOffice(ctx, input, actor, now),
  setUpOffice: (setup, now) => setUpOffice(ctx, setup, now),
  updateOffice: (officeId, patch, actor, now) => office.updateOffice(ctx, officeId, patch, actor, now),
  setOfficePublished: (officeId, published, actor, now) => setOfficePublished(ctx, officeId, published, actor, now),
  setOpeningHours: (officeId, hours, actor, now) => office.setOpeningHours(ctx, officeId, hours, actor, now),
  changeBlanko: async (officeId, change, actor, now) => {
    const stock = await office.changeBlanko(ctx, officeId, change, actor, now);
    // A stock-take that stops a service tells the holders of its coming bookings (once each).
    await tellBlankoHolders(ctx, officeId, now, ctx.notifyChannel);
    return stock;
  },

  createService: (officeId, input, actor, now) => services.createService(ctx, officeId, input, actor, now),
  updateService: (officeId, code, patch, actor, now) => services.updateService(ctx, officeId, code, patch, actor, now),
  reorderServices: (officeId, codes, actor, now) => services.reorderServices(ctx, officeId, codes, actor, now),
  retireService: (officeId, code, actor, now) => services.retireService(ctx, officeId, code, actor, now),

  createCounter: (officeId, input, actor, now) => counters.createCounter(ctx, officeId, input, actor, now),
  updateCounter: (officeId, counterId, patch, actor, now) => counters.updateCounter(ctx, officeId, counterId, patch, actor, now),
  deleteCounter: (officeId, counterId, actor, now) => counters.deleteCounter(ctx, officeId, counterId, actor, now),

  createNotice: (officeId, input, actor, now) => notices.createNotice(ctx, officeId, input, actor, now),
  updateNotice: (officeId, id, patch, actor, now) => notices.updateNotice(ctx, officeId, id, patch, actor, now),
  deleteNotice: (officeId, id, actor, now) => notices.deleteNotice(ctx, officeId, id, actor, now),
  createContact: (officeId, input, actor, now) => notices.createContact(ctx, officeId, input, actor, now),
  updateContact: (officeId, id, patch, actor, now) => notices.updateContact(ctx, officeId, id, patch, actor, now),
  deleteContact: (officeId, id, actor, now) => notices.deleteContact(ctx, officeId, id, actor, now),

  readAudit: async (officeId, query) => readAudit(ctx, await loadOffice(ctx, officeId), query),
});
