/**
 * What signed-in staff may read, each with its permission: the admin page's data, reports, the
 * audit log, the counter's lists. Reads change nothing, so they return plain results.
 */
import type { AuditQuery } from '../../shared/staffTypes';
import { authorize, type Actor } from '../domain/policy';
import { addDays, todayIn } from '../domain/time';
import { DomainError } from '../domain/errors';
import type { CommandDeps } from './command';

const MAX_REPORT_DAYS = 366;

export const staffReads = ({ store, clock }: CommandDeps) => ({
  adminSnapshot: (actor: Actor, officeId: string) => {
    authorize(actor, 'administer', officeId);
    return store.adminSnapshot(officeId, actor, clock.now());
  },
  listStaff: (actor: Actor, officeId: string) => {
    authorize(actor, 'administer', officeId);
    return store.listStaff(officeId, actor);
  },
  listKiosks: (actor: Actor, officeId: string) => {
    authorize(actor, 'administer', officeId);
    return store.listKiosks(officeId);
  },
  listClosures: (actor: Actor, officeId: string) => {
    authorize(actor, 'administer', officeId);
    return store.listClosures(officeId, clock.now());
  },
  urgentOnly: (actor: Actor, officeId: string) => {
    authorize(actor, 'administer', officeId);
    return store.urgentOnly(officeId, clock.now());
  },
  /** The audit log of a week ending today (office time) unless a range is asked for. */
  readAudit: async (actor: Actor, officeId: string, query: Omit<AuditQuery, 'from' | 'to'> & { from?: string; to?: string }) => {
    const today = todayIn({ timezone: (await store.listOffices()).find((o) => o.id === officeId)?.timezone ?? 'UTC' }, clock.now());
    const to = query.to ?? today;
    const from = query.from ?? addDays(to, -6);
    if (to < from) throw new DomainError('VALIDATION', {}, { to: { key: 'date_order' } });
    authorize(actor, 'administer', officeId);
    return { from, to, ...(await store.readAudit(officeId, { from, to, limit: query.limit, offset: query.offset, kind: query.kind })) };
  },
  /** A report for one day (`to` left out) or a range of at most MAX_REPORT_DAYS. */
  rangeReport: (actor: Actor, officeId: string, from: string, to: string = from) => {
    if (to < from) throw new DomainError('VALIDATION', {}, { to: { key: 'date_order' } });
    if (addDays(from, MAX_REPORT_DAYS - 1) < to) throw new DomainError('VALIDATION', {}, { to: { key: 'range_too_long', params: { max: MAX_REPORT_DAYS } } });
    authorize(actor, 'report', officeId);
    return store.rangeReport(officeId, from, to);
  },
  dailyReport: (actor: Actor, officeId: string, date: string) => {
    authorize(actor, 'report', officeId);
    return store.dailyReport(officeId, date);
  },
  listCounters: (actor: Actor, officeId: string) => {
    authorize(actor, 'serve', officeId);
    return store.listCounters(officeId, clock.now());
  },
  noShowsToday: (actor: Actor, officeId: string) => {
    authorize(actor, 'serve', officeId);
    return store.noShowsToday(officeId, clock.now());
  },
  // Working staff only (never a kelurahan assistant); the store checks the row's office.
  ticketDetails: (actor: Actor, ticketId: string) => {
    authorize(actor, 'serve');
    return store.ticketDetails(ticketId, actor, clock.now());
  },
  staffBooking: (actor: Actor, officeId: string, code: string) => {
    authorize(actor, 'serve', officeId);
    return store.staffBooking(officeId, code, actor, clock.now());
  },
});
