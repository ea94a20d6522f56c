/**
 * Extension point for the kiosk use cases. Returns async operations merged into the store;
 * call `changed` after a committed change so that the live layer publishes it.
 */
import { and, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { positionsInService, type QueueCandidate } from '../../domain/queue';
import { isActive, type TicketStatus } from '../../domain/ticketState';
import { isoInZone } from '../../domain/time';
import { estimateWaitMinutes } from '../../domain/waitEstimate';
import * as t from '../../db/schema';
import type { KioskServiceState, KioskState } from '../../../shared/types';
import type { StoreCtx } from '../context';
import type { Change } from '../index';
import { serviceInfo } from '../officeViews';
import { loadSnapshot, toCandidate, type QueueSnapshot } from '../queueView';
import { BLANKO_EMPTY_REASON, blankoEmpty } from '../admin/blanko';
import { closedNow, walkInsIssuedToday } from '../tickets';

/** Where a walk-in ticket taken now would stand: a candidate that is not stored, placed by the same rule. */
const positionOfNewWalkIn = (snap: QueueSnapshot, serviceId: number): number => {
  const probe: QueueCandidate = { id: '\uffff', serviceId, priority: false, source: 'walkin', slotStartMs: null, queuedAtMs: snap.nowMs, sequence: Number.MAX_SAFE_INTEGER };
  const waiting = snap.tickets.filter((tk) => tk.status === 'waiting' && tk.serviceId === serviceId).map(toCandidate);
  return positionsInService([...waiting, probe], snap.nowMs).get(probe.id) ?? 1;
};

export const kioskState = (
  ctx: StoreCtx,
  kiosk: { id: number; name: string; officeId: string },
  now: DateTime,
  publicBaseUrl: string | null,
): KioskState => {
  const snap = loadSnapshot(ctx, kiosk.officeId, now);
  const { office } = snap;
  const active = snap.tickets.filter((tk) => isActive(tk.status as TicketStatus));
  const services: KioskServiceState[] = [...snap.services.values()].map((s) => {
    const remaining = s.walkInQuota === null ? null : Math.max(0, s.walkInQuota - walkInsIssuedToday(ctx, office, s.id, now));
    // Without blanko the service stops like a closure, and the reason offers the suket.
    const reason = closedNow(ctx, office, s, now) ?? (blankoEmpty(office, s) ? BLANKO_EMPTY_REASON : undefined);
    const unavailable: KioskServiceState['unavailable'] = !s.walkIn
      ? { code: 'SERVICE_UNAVAILABLE' }
      : reason
        ? { code: 'CLOSED', reason }
        : remaining === 0
          ? { code: 'QUOTA_EXHAUSTED' }
          : undefined;
    const openCounters = snap.counters.filter((c) => c.status === 'open' && c.serviceIds.includes(s.id)).length;
    const ahead = positionOfNewWalkIn(snap, s.id) - 1;
    return {
      ...serviceInfo(s),
      walkInRemaining: remaining,
      waiting: snap.tickets.filter((tk) => tk.status === 'waiting' && tk.serviceId === s.id).length,
      estimatedWaitMinutes: estimateWaitMinutes(ahead, snap.averageMinutes.get(s.id) ?? s.typicalMinutes, openCounters),
      ...(unavailable ? { unavailable } : {}),
    };
  });
  const notices = ctx.db
    .select({ id: t.notices.id, text: t.notices.textId, textEn: t.notices.textEn })
    .from(t.notices)
    .where(and(eq(t.notices.officeId, office.id), eq(t.notices.active, true)))
    .all();
  return {
    kiosk: { id: kiosk.id, name: kiosk.name },
    office: { id: office.id, name: office.name, timezone: office.timezone },
    now: isoInZone(snap.nowMs, office.timezone),
    services,
    notices,
    roomCapacity: office.roomCapacity,
    inside: snap.inside.size,
    roomFull: office.roomCapacity !== null && active.length >= office.roomCapacity,
    blankoStock: office.blankoStock,
    publicBaseUrl,
  };
};

export const kioskStore = (ctx: StoreCtx, _changed: (change: Change) => void) => ({
  kioskState: async (kiosk: { id: number; name: string; officeId: string }, now: DateTime, publicBaseUrl: string | null) =>
    kioskState(ctx, kiosk, now, publicBaseUrl),
});
