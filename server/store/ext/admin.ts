/**
 * Extension point for the admin use cases (issue 6): services, templates, hours, room capacity,
 * counters, staff, kiosks, notices, WhatsApp contacts, blanko, closures, audit log.
 * Returns async operations merged into the store; `changed` tells the live layer after commit.
 */
import type { DateTime } from 'luxon';
import type { StoreCtx } from '../context';
import type { Actor, Role } from '../actor';
import type { Change, SessionEnd } from '../index';
import { endClosure, listClosures } from '../closures';
import { hashPassword } from '../passwords';
import { rangeReport } from '../reports';
import { loadOffice } from '../offices';
import { readAudit, type AuditQuery } from '../admin/audit';
import * as counters from '../admin/counters';
import { asOfficeAdmin, asOfficeReader } from '../admin/guard';
import { listKiosks, revokeKiosk } from '../admin/kiosks';
import * as notices from '../admin/notices';
import * as office from '../admin/office';
import { retryFailed } from '../admin/outbox';
import * as services from '../admin/services';
import { adminSnapshot } from '../admin/snapshot';
import * as slotPlan from '../admin/slotPlan';
import * as staff from '../admin/staff';
import { endUrgentOnly, setUrgentOnly, urgentOnlyState } from '../admin/urgentOnly';

export type AdminOptions = { notifyChannel: string; sessionEnded: (end: SessionEnd) => void };

export const adminStore = (ctx: StoreCtx, changed: (change: Change) => void, opts: AdminOptions) => {
  /** Runs a committed change and tells the live layer: boards, kiosks and booking pages refresh. */
  const publish = <T>(officeId: string, result: T): T => {
    changed({ officeId, ticketIds: [] });
    return result;
  };

  return {
    adminSnapshot: async (officeId: string, actor: Actor, now: DateTime) => adminSnapshot(ctx, officeId, actor, now),

    createOffice: async (input: { id: string; name: string; timezone: string }, actor: Actor, now: DateTime) => office.createOffice(ctx, input, actor, now),
    updateOffice: async (officeId: string, patch: Partial<office.OfficeSettings>, actor: Actor, now: DateTime) =>
      publish(officeId, office.updateOffice(ctx, officeId, patch, actor, now)),
    setOpeningHours: async (officeId: string, hours: office.Hours[], actor: Actor, now: DateTime) =>
      publish(officeId, office.setOpeningHours(ctx, officeId, hours, actor, now)),
    changeBlanko: async (officeId: string, change: { set: number } | { add: number }, actor: Actor, now: DateTime) =>
      publish(officeId, office.changeBlanko(ctx, officeId, change, actor, now)),

    createService: async (officeId: string, input: services.ServiceFields & { code: string }, actor: Actor, now: DateTime) =>
      publish(officeId, services.createService(ctx, officeId, input, actor, now)),
    updateService: async (officeId: string, code: string, patch: Partial<services.ServiceFields> & { code?: string }, actor: Actor, now: DateTime) =>
      publish(officeId, services.updateService(ctx, officeId, code, patch, actor, now)),
    reorderServices: async (officeId: string, codes: string[], actor: Actor, now: DateTime) => publish(officeId, services.reorderServices(ctx, officeId, codes, actor, now)),
    retireService: async (officeId: string, code: string, actor: Actor, now: DateTime) => publish(officeId, services.retireService(ctx, officeId, code, actor, now)),
    setTemplates: async (officeId: string, code: string, slots: slotPlan.TemplateSlot[], actor: Actor, now: DateTime) =>
      publish(officeId, slotPlan.setTemplates(ctx, officeId, code, slots, actor, now)),
    setOverride: async (officeId: string, code: string, date: string, slots: slotPlan.DaySlot[] | null, actor: Actor, now: DateTime) =>
      publish(officeId, slotPlan.setOverride(ctx, officeId, code, date, slots, actor, now)),

    createCounter: async (officeId: string, input: { name: string; services: string[] }, actor: Actor, now: DateTime) =>
      publish(officeId, counters.createCounter(ctx, officeId, input, actor, now)),
    updateCounter: async (officeId: string, counterId: number, patch: { name?: string; services?: string[] }, actor: Actor, now: DateTime) =>
      publish(officeId, counters.updateCounter(ctx, officeId, counterId, patch, actor, now)),
    deleteCounter: async (officeId: string, counterId: number, actor: Actor, now: DateTime) => publish(officeId, counters.deleteCounter(ctx, officeId, counterId, actor, now)),

    listStaff: async (officeId: string, actor: Actor) => staff.listStaff(ctx, officeId, actor),
    /** Creates an account with a generated password, returned this once. */
    createStaff: async (officeId: string | null, input: { username: string; displayName: string; role: Role }, actor: Actor, now: DateTime) => {
      const password = staff.newPassword();
      const user = staff.createStaff(ctx, officeId, input, await hashPassword(password), actor, now);
      return { user, password };
    },
    updateStaff: async (officeId: string, userId: number, patch: { displayName?: string; role?: Role; disabled?: boolean }, actor: Actor, now: DateTime) => {
      const user = staff.updateStaff(ctx, officeId, userId, patch, actor, now);
      if (patch.disabled || patch.role) opts.sessionEnded({ userId });
      return user;
    },
    /** A new generated password, returned this once; the user's sessions end. */
    resetPassword: async (officeId: string, userId: number, actor: Actor, now: DateTime) => {
      asOfficeAdmin(actor, officeId);
      const password = staff.newPassword();
      const user = staff.resetPassword(ctx, officeId, userId, await hashPassword(password), actor, now);
      opts.sessionEnded({ userId });
      return { user, password };
    },
    changeOwnPassword: async (actor: Actor, newPassword: string, sessionId: string, now: DateTime) =>
      staff.changeOwnPassword(ctx, actor, await hashPassword(newPassword), sessionId, now),

    listKiosks: async (officeId: string, actor: Actor) => {
      asOfficeAdmin(actor, officeId);
      return listKiosks(ctx, officeId);
    },
    revokeKiosk: async (officeId: string, kioskId: number, actor: Actor, now: DateTime) => revokeKiosk(ctx, officeId, kioskId, actor, now),

    createNotice: async (officeId: string, input: notices.NoticeFields, actor: Actor, now: DateTime) => publish(officeId, notices.createNotice(ctx, officeId, input, actor, now)),
    updateNotice: async (officeId: string, id: number, patch: Partial<notices.NoticeFields>, actor: Actor, now: DateTime) =>
      publish(officeId, notices.updateNotice(ctx, officeId, id, patch, actor, now)),
    deleteNotice: async (officeId: string, id: number, actor: Actor, now: DateTime) => publish(officeId, notices.deleteNotice(ctx, officeId, id, actor, now)),
    createContact: async (officeId: string, input: notices.ContactFields, actor: Actor, now: DateTime) => publish(officeId, notices.createContact(ctx, officeId, input, actor, now)),
    updateContact: async (officeId: string, id: number, patch: Partial<notices.ContactFields>, actor: Actor, now: DateTime) =>
      publish(officeId, notices.updateContact(ctx, officeId, id, patch, actor, now)),
    deleteContact: async (officeId: string, id: number, actor: Actor, now: DateTime) => publish(officeId, notices.deleteContact(ctx, officeId, id, actor, now)),

    listClosures: async (officeId: string, actor: Actor, now: DateTime) => {
      asOfficeAdmin(actor, officeId);
      return listClosures(ctx, loadOffice(ctx, officeId), now);
    },
    endClosure: async (officeId: string, closureId: number, to: string, actor: Actor, now: DateTime) =>
      publish(officeId, endClosure(ctx, officeId, closureId, to, actor, now)),
    urgentOnly: async (officeId: string, actor: Actor, now: DateTime) => {
      asOfficeAdmin(actor, officeId);
      return urgentOnlyState(ctx, loadOffice(ctx, officeId), now);
    },
    setUrgentOnly: async (officeId: string, input: { open: string[]; reason: string; from?: string; action: 'cancel' | 'move' }, actor: Actor, now: DateTime) =>
      publish(officeId, setUrgentOnly(ctx, officeId, input, actor, now, opts.notifyChannel)),
    endUrgentOnly: async (officeId: string, input: { from?: string }, actor: Actor, now: DateTime) => publish(officeId, endUrgentOnly(ctx, officeId, input, actor, now)),

    retryFailedNotifications: async (officeId: string, actor: Actor, now: DateTime) => retryFailed(ctx, officeId, actor, now),

    rangeReport: async (officeId: string, from: string, to: string, actor: Actor) => {
      asOfficeReader(actor, officeId);
      return rangeReport(ctx, officeId, from, to);
    },
    readAudit: async (officeId: string, query: AuditQuery, actor: Actor) => {
      asOfficeAdmin(actor, officeId);
      return readAudit(ctx, loadOffice(ctx, officeId), query);
    },
  };
};
