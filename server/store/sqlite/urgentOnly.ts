/**
 * Urgent-only mode (Lebong, Balikpapan): the office keeps only the chosen services open. It is
 * made of ordinary service closures of kind `urgent_only`, one per other service, open-ended,
 * so that booking, kiosk and availability refuse them with their reason like any closure, and
 * their bookings are cancelled or moved with a notification. Ending the mode ends them. The
 * rules are `domain/urgentOnly`.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { urgentOnlyClosings, urgentOnlyEnding, urgentOnlyView, type UrgentClosure } from '../../domain/urgentOnly';
import { addDays } from '../../domain/time';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { closeInTx, endInTx } from './closures';
import type { ClosureResult } from '../store';
import { audit } from './journal';
import { loadOffice, loadServices, todayIn, type OfficeRow } from './offices';
import type { UrgentOnlyState } from '../../../shared/staffTypes';


/** Every closure urgent-only mode made in the office (a few per change of mode). */
const modeClosures = (ctx: StoreCtx, office: OfficeRow): UrgentClosure[] =>
  ctx.db
    .select()
    .from(t.closures)
    .where(and(eq(t.closures.officeId, office.id), eq(t.closures.kind, 'urgent_only')))
    .orderBy(asc(t.closures.id))
    .all()
    .map((c) => ({ id: c.id, serviceId: c.serviceId, from: c.fromDate, to: c.toDate, reason: c.reason }));

export const urgentOnlyState = (ctx: StoreCtx, office: OfficeRow, now: DateTime): UrgentOnlyState =>
  urgentOnlyView(loadServices(ctx, office.id), modeClosures(ctx, office), todayIn(office, now));

/** Ends the mode's closures after `lastDay` (never before yesterday, never later than they already end). */
const endCurrent = (ctx: StoreCtx, office: OfficeRow, lastDay: string, actor: Actor, now: DateTime): void => {
  const { last, end } = urgentOnlyEnding(modeClosures(ctx, office), lastDay, todayIn(office, now));
  for (const c of end) endInTx(ctx, office, c.id, last, actor, now);
};

/** Keeps only `open` services from `from` on; replaces any urgent-only mode already set. */
export const setUrgentOnly = (
  ctx: StoreCtx,
  officeId: string,
  input: { open: string[]; reason: string; from?: string; action: 'cancel' | 'move' },
  actor: Actor,
  now: DateTime,
  notifyChannel: string,
): UrgentOnlyState & { results: ClosureResult[] } =>
  writeTx(ctx, () => {
    const office = loadOffice(ctx, officeId);
    const from = input.from ?? todayIn(office, now);
    const closing = urgentOnlyClosings(loadServices(ctx, officeId), input.open);
    endCurrent(ctx, office, addDays(from, -1), actor, now);
    const results = closing.map((s) =>
      closeInTx(ctx, office, { from, to: null, service: s.code, reason: input.reason, action: input.action }, actor, now, notifyChannel, 'urgent_only'),
    );
    audit(ctx, { officeId, userId: actor.userId, action: 'urgent_only.set', target: officeId, detail: { open: input.open, from, reason: input.reason } }, now);
    return { ...urgentOnlyState(ctx, office, now), results };
  });

/** Ends urgent-only mode: every service is open again from `from` (default today). */
export const endUrgentOnly = (ctx: StoreCtx, officeId: string, input: { from?: string }, actor: Actor, now: DateTime): UrgentOnlyState =>
  writeTx(ctx, () => {
    const office = loadOffice(ctx, officeId);
    const from = input.from ?? todayIn(office, now);
    endCurrent(ctx, office, addDays(from, -1), actor, now);
    audit(ctx, { officeId, userId: actor.userId, action: 'urgent_only.end', target: officeId, detail: { from } }, now);
    return urgentOnlyState(ctx, office, now);
  });
