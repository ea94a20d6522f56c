/**
 * The admin operations of the SQLite store: office settings and setup, services and slot plans,
 * counters, staff accounts, kiosks, notices, WhatsApp contacts, closures lists, urgent-only mode,
 * the audit log. Authorisation by office is the command's; rows found by id are checked here.
 */
import { setOfficePublished } from './officePublishing';
import { tellBlankoHolders } from './blankoNotices';
import type { AdminStore, ClosureStore, ReportStore, Store } from '../store';
import type { StoreCtx } from './connection';
import { endClosure, listClosures } from './closures';
import { loadOffice } from './offices';
import { readAudit } from './auditLog';
import * as counters from './counterSetup';
import { listKiosks, revokeKiosk } from './kiosks';
import * as notices from './notices';
import * as office from './officeSettings';
import { countOffices, setUpOffice } from './officeSetup';
import * as services from './services';
import { adminSnapshot } from './adminSnapshot';
import { setSlotCapacity } from './slotCapacity';
import * as slotPlan from './slotPlan';
import * as staff from './staffAccounts';
import { endUrgentOnly, setUrgentOnly, urgentOnlyState } from './urgentOnly';

type AdminOperations = AdminStore & Omit<ClosureStore, 'createClosure'> & Pick<ReportStore, 'readAudit'> &
  Pick<Store, 'listStaff' | 'createStaff' | 'updateStaff' | 'resetPassword' | 'changeOwnPassword' | 'listKiosks' | 'revokeKiosk'>;

export const adminOperations = (ctx: StoreCtx, notifyChannel: string): AdminOperations => ({
  adminSnapshot: async (officeId, actor, now) => adminSnapshot(ctx, officeId, actor, now, notifyChannel),

  countOffices: async () => countOffices(ctx),
  createOffice: async (input, actor, now) => office.createOffice(ctx, input, actor, now),
  setUpOffice: async (setup, now) => setUpOffice(ctx, setup, now),
  updateOffice: async (officeId, patch, actor, now) => office.updateOffice(ctx, officeId, patch, actor, now),
  setOfficePublished: async (officeId, published, actor, now) => setOfficePublished(ctx, officeId, published, actor, now),
  setOpeningHours: async (officeId, hours, actor, now) => office.setOpeningHours(ctx, officeId, hours, actor, now),
  changeBlanko: async (officeId, change, actor, now) => {
    const stock = office.changeBlanko(ctx, officeId, change, actor, now);
    // A stock-take that stops a service tells the holders of its coming bookings (once each).
    tellBlankoHolders(ctx, officeId, now, notifyChannel);
    return stock;
  },

  createService: async (officeId, input, actor, now) => services.createService(ctx, officeId, input, actor, now),
  updateService: async (officeId, code, patch, actor, now) => services.updateService(ctx, officeId, code, patch, actor, now),
  reorderServices: async (officeId, codes, actor, now) => services.reorderServices(ctx, officeId, codes, actor, now),
  retireService: async (officeId, code, actor, now) => services.retireService(ctx, officeId, code, actor, now),
  setTemplates: async (officeId, code, slots, actor, now) => slotPlan.setTemplates(ctx, officeId, code, slots, actor, now),
  setOverride: async (officeId, code, date, slots, actor, now) => slotPlan.setOverride(ctx, officeId, code, date, slots, actor, now),
  setSlotCapacity: async (slotId, capacity, actor, now) => setSlotCapacity(ctx, slotId, capacity, actor, now),

  createCounter: async (officeId, input, actor, now) => counters.createCounter(ctx, officeId, input, actor, now),
  updateCounter: async (officeId, counterId, patch, actor, now) => counters.updateCounter(ctx, officeId, counterId, patch, actor, now),
  deleteCounter: async (officeId, counterId, actor, now) => counters.deleteCounter(ctx, officeId, counterId, actor, now),

  listStaff: async (officeId, actor) => staff.listStaff(ctx, officeId, actor),
  createStaff: async (officeId, input, passwordHash, actor, now) => staff.createStaff(ctx, officeId, input, passwordHash, actor, now),
  updateStaff: async (officeId, userId, patch, actor, now) => staff.updateStaff(ctx, officeId, userId, patch, actor, now),
  resetPassword: async (officeId, userId, passwordHash, actor, now) => staff.resetPassword(ctx, officeId, userId, passwordHash, actor, now),
  changeOwnPassword: async (actor, passwordHash, keepSessionId, now) => staff.changeOwnPassword(ctx, actor, passwordHash, keepSessionId, now),

  listKiosks: async (officeId) => listKiosks(ctx, officeId),
  revokeKiosk: async (officeId, kioskId, actor, now) => revokeKiosk(ctx, officeId, kioskId, actor, now),

  createNotice: async (officeId, input, actor, now) => notices.createNotice(ctx, officeId, input, actor, now),
  updateNotice: async (officeId, id, patch, actor, now) => notices.updateNotice(ctx, officeId, id, patch, actor, now),
  deleteNotice: async (officeId, id, actor, now) => notices.deleteNotice(ctx, officeId, id, actor, now),
  createContact: async (officeId, input, actor, now) => notices.createContact(ctx, officeId, input, actor, now),
  updateContact: async (officeId, id, patch, actor, now) => notices.updateContact(ctx, officeId, id, patch, actor, now),
  deleteContact: async (officeId, id, actor, now) => notices.deleteContact(ctx, officeId, id, actor, now),

  listClosures: async (officeId, now) => listClosures(ctx, loadOffice(ctx, officeId), now),
  endClosure: async (officeId, closureId, to, actor, now) => endClosure(ctx, officeId, closureId, to, actor, now, notifyChannel),
  urgentOnly: async (officeId, now) => urgentOnlyState(ctx, loadOffice(ctx, officeId), now),
  setUrgentOnly: async (officeId, input, actor, now) => setUrgentOnly(ctx, officeId, input, actor, now, notifyChannel),
  endUrgentOnly: async (officeId, input, actor, now) => endUrgentOnly(ctx, officeId, input, actor, now),

  readAudit: async (officeId, query) => readAudit(ctx, loadOffice(ctx, officeId), query),
});
