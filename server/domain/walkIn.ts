/**
 * Walk-in availability: whether a visitor at the office can take a ticket for a service now, how
 * many walk-in tickets are left today, and why the service is closed today. One answer for
 * issuing a ticket, the kiosk screen and the office page.
 */
import type { DateTime } from 'luxon';
import type { KioskServiceState } from '../../shared/types';
import { blankoEmpty, blankoEmptyReason } from './blanko';
import { fail } from './errors';
import { bilingualText } from './messages';
import { closedReasonOn, hoursOn, serviceClosedOn, type DayFacts, type OpeningHours } from './slots';
import { atLocal, todayIn } from './time';

export type WalkInService = { id: number; walkIn: boolean; walkInQuota: number | null; needsBlanko: boolean };

export type WalkInFacts = {
  office: { timezone: string; blankoStock: number };
  service: WalkInService;
  /** Walk-in tickets of the service issued today (not needed, and 0 may be given, without a quota). */
  issuedToday: number;
  /** Today's closures and the office's opening hours. */
  day: DayFacts;
  now: DateTime;
};

export type WalkInRefusal =
  | { code: 'SERVICE_UNAVAILABLE' }
  | { code: 'CLOSED'; reason: string }
  | { code: 'BLANKO_EMPTY' }
  | { code: 'QUOTA_EXHAUSTED' };

export type WalkInAvailability = {
  /** Walk-in tickets left today; null when the service has no quota. */
  remaining: number | null;
  /** Why the service is closed for the whole of today (closure, no opening hours, no blanko). */
  closedToday: string | undefined;
  /** Why no walk-in ticket can be taken right now, as issuing refuses it; undefined when one can. */
  refusal: WalkInRefusal | undefined;
};

/** Why the office takes nobody in person at this moment of an otherwise open day. */
const outsideHours = (hours: OpeningHours | undefined, today: string, zone: string, now: DateTime): string | undefined => {
  if (!hours) return bilingualText('office_closed_today');
  if (now < atLocal(today, hours.open, zone) || now >= atLocal(today, hours.close, zone)) {
    return bilingualText('service_hours', { open: hours.open, close: hours.close });
  }
  return undefined;
};

/**
 * Refusals in this order: the service takes no walk-ins; it is closed now (closure, no opening
 * hours today, outside them); no blanko; today's quota used up.
 */
export const walkInAvailability = (facts: WalkInFacts): WalkInAvailability => {
  const { office, service, day, now } = facts;
  const today = todayIn(office, now);
  const remaining = service.walkInQuota === null ? null : Math.max(0, service.walkInQuota - facts.issuedToday);
  const closedNow = closedReasonOn(day.closures, day.hours, service.id, today) ?? outsideHours(hoursOn(day.hours, today), today, office.timezone, now);
  const refusal: WalkInRefusal | undefined = !service.walkIn
    ? { code: 'SERVICE_UNAVAILABLE' }
    : closedNow
      ? { code: 'CLOSED', reason: closedNow }
      : blankoEmpty(office, service)
        ? { code: 'BLANKO_EMPTY' }
        : remaining === 0
          ? { code: 'QUOTA_EXHAUSTED' }
          : undefined;
  return { remaining, closedToday: serviceClosedOn(day, office, service, today), refusal };
};

/** Issuing a walk-in ticket: refuses with the availability's refusal, if any. */
export const checkWalkIn = (availability: WalkInAvailability): void => {
  const { refusal } = availability;
  if (refusal) fail(refusal.code, refusal.code === 'CLOSED' ? { reason: refusal.reason } : undefined);
};

/** The kiosk shows a service without blanko as closed, with the reason that offers the suket. */
export const kioskUnavailable = (availability: WalkInAvailability): KioskServiceState['unavailable'] => {
  const { refusal } = availability;
  return refusal?.code === 'BLANKO_EMPTY' ? { code: 'CLOSED', reason: blankoEmptyReason() } : refusal;
};
