/** What a kiosk shows: each service's walk-in availability and expected wait, the room, and the notices (as ../sqlite/kioskState.ts). */
import type { DateTime } from 'luxon';
import { positionOfNewWalkIn } from '../../domain/queue';
import { roomIsFull } from '../../domain/room';
import { isoInZone, todayIn } from '../../domain/time';
import { estimateWaitMinutes } from '../../domain/waitEstimate';
import { kioskUnavailable } from '../../domain/walkIn';
import { hoursOn } from '../../domain/slots';
import type { KioskServiceState, KioskState } from '../../../shared/types';
import { rows, type PgCtx } from './connection';
import { listContacts, screenNoticesFor } from './notices';
import { dayFacts } from './offices';
import { serviceInfo } from './officeViews';
import { loadSnapshot, openCountersFor, toCandidate } from './queueView';
import { walkInNow } from './tickets';

export const kioskState = async (
  ctx: PgCtx,
  kiosk: { id: number; name: string; officeId: string },
  now: DateTime,
  publicBaseUrl: string | null,
): Promise<KioskState> => {
  const snap = await loadSnapshot(ctx, kiosk.officeId, now);
  const { office } = snap;
  const day = await dayFacts(ctx, office.id, todayIn(office, now));
  const waiting = snap.tickets.filter((tk) => tk.status === 'waiting');
  const candidates = waiting.map(toCandidate);
  // Each service names its WhatsApp number (OKI: one for population registration, one for civil records).
  const contacts = await listContacts(ctx, office.id);
  const services: KioskServiceState[] = [];
  for (const s of snap.services.values()) {
    const availability = await walkInNow(ctx, office, s, day, now);
    const unavailable = kioskUnavailable(availability);
    const ahead = positionOfNewWalkIn(candidates, s.id, snap.nowMs) - 1;
    services.push({
      ...serviceInfo(s, contacts),
      walkInRemaining: availability.remaining,
      waiting: waiting.filter((tk) => tk.serviceId === s.id).length,
      estimatedWaitMinutes: estimateWaitMinutes(ahead, snap.averageMinutes.get(s.id) ?? s.typicalMinutes, openCountersFor(snap, s.id)),
      ...(unavailable ? { unavailable } : {}),
      ...(availability.callingFrom ? { callingFrom: availability.callingFrom } : {}),
    });
  }
  return {
    kiosk: { id: kiosk.id, name: kiosk.name },
    office: { id: office.id, name: office.name, timezone: office.timezone },
    now: isoInZone(snap.nowMs, office.timezone),
    services,
    // The office's closures and the notices scheduled for today and targeted at the kiosk (domain/notices).
    notices: await screenNoticesFor(ctx, office.id, 'kiosk', todayIn(office, now)),
    roomCapacity: office.roomCapacity,
    inside: snap.inside.size,
    roomFull: roomIsFull(snap.tickets, office.roomCapacity),
    blankoStock: office.blankoStock,
    // Today's opening intervals, earliest first (a lunch break or Friday prayer makes several).
    hoursToday: hoursOn(day.hours, todayIn(office, now)).map(({ open, close }) => ({ open, close })),
    publicBaseUrl,
  };
};
