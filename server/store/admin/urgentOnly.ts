/**
 * Urgent-only mode (Lebong, Balikpapan): the office keeps only the chosen services open. It is
 * made of ordinary service closures of kind `urgent_only`, one per other service, open-ended,
 * so that booking, kiosk and availability refuse them with their reason like any closure, and
 * their bookings are cancelled or moved with a notification. Ending the mode ends them.
 */
import { and, eq, isNull, or, gte } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { invalid } from '../../domain/errors';
import { addDays } from '../../domain/time';
import * as t from '../../db/schema';
import { writeTx, type StoreCtx } from '../context';
import type { Actor } from '../actor';
import { closeInTx, endInTx, type ClosureResult } from '../closures';
import { audit } from '../notify';
import { loadOffice, loadServices, todayIn, type OfficeRow } from '../offices';
import { asOfficeAdmin } from './guard';

export type UrgentOnlyState = {
  active: boolean;
  /** Services kept open (all services when the mode is off). */
  open: string[];
  closed: string[];
  from: string | null;
  reason: string | null;
};

/** Urgent-only closures that still cover today or a later day. */
const currentClosures = (ctx: StoreCtx, office: OfficeRow, now: DateTime) => {
  const today = todayIn(office, now);
  return ctx.db
    .select()
    .from(t.closures)
    .where(and(eq(t.closures.officeId, office.id), eq(t.closures.kind, 'urgent_only'), or(isNull(t.closures.toDate), gte(t.closures.toDate, today))))
    .all()
    .filter((c) => c.toDate === null || c.toDate >= c.fromDate);
};

export const urgentOnlyState = (ctx: StoreCtx, office: OfficeRow, now: DateTime): UrgentOnlyState => {
  const services = loadServices(ctx, office.id);
  const closures = currentClosures(ctx, office, now);
  const closedIds = new Set(closures.map((c) => c.serviceId));
  const first = closures.sort((a, b) => a.fromDate.localeCompare(b.fromDate))[0];
  return {
    active: closures.length > 0,
    open: services.filter((s) => !closedIds.has(s.id)).map((s) => s.code),
    closed: services.filter((s) => closedIds.has(s.id)).map((s) => s.code),
    from: first?.fromDate ?? null,
    reason: first?.reason ?? null,
  };
};

/** Ends the mode's closures after `lastDay` (never before yesterday, never later than they already end). */
const endCurrent = (ctx: StoreCtx, office: OfficeRow, lastDay: string, actor: Actor, now: DateTime): void => {
  const yesterday = addDays(todayIn(office, now), -1);
  const last = lastDay < yesterday ? yesterday : lastDay;
  for (const c of currentClosures(ctx, office, now)) {
    if (c.toDate !== null && c.toDate <= last) continue;
    endInTx(ctx, office, c.id, last, actor, now);
  }
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
    asOfficeAdmin(actor, officeId);
    const office = loadOffice(ctx, officeId);
    const from = input.from ?? todayIn(office, now);
    const services = loadServices(ctx, officeId);
    if (input.open.length === 0) invalid({ open: { key: 'required' } });
    for (const code of input.open) if (!services.some((s) => s.code === code)) invalid({ open: { key: 'unknown_service' } });
    endCurrent(ctx, office, addDays(from, -1), actor, now);
    const results = services
      .filter((s) => !input.open.includes(s.code))
      .map((s) => closeInTx(ctx, office, { from, to: null, service: s.code, reason: input.reason, action: input.action }, actor, now, notifyChannel, 'urgent_only'));
    audit(ctx, { officeId, userId: actor.userId, action: 'urgent_only.set', target: officeId, detail: { open: input.open, from, reason: input.reason } }, now);
    return { ...urgentOnlyState(ctx, office, now), results };
  });

/** Ends urgent-only mode: every service is open again from `from` (default today). */
export const endUrgentOnly = (ctx: StoreCtx, officeId: string, input: { from?: string }, actor: Actor, now: DateTime): UrgentOnlyState =>
  writeTx(ctx, () => {
    asOfficeAdmin(actor, officeId);
    const office = loadOffice(ctx, officeId);
    const from = input.from ?? todayIn(office, now);
    endCurrent(ctx, office, addDays(from, -1), actor, now);
    audit(ctx, { officeId, userId: actor.userId, action: 'urgent_only.end', target: officeId, detail: { from } }, now);
    return urgentOnlyState(ctx, office, now);
  });
