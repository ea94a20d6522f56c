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
import { intervalsText } from '../../shared/timeText';

export type WalkInService = { id: number; walkIn: boolean; walkInQuota: number | null; needsBlanko: boolean };

export type WalkInFacts = {
  /** `issueEarlyMinutes`: tickets are issued from this long before the day's first opening (calling starts at opening). */
  office: { timezone: string; blankoStock: number; issueEarlyMinutes?: number };
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
  /** Before the day's opening, in the early issuing window: when calling starts ('HH:mm', local). */
  callingFrom?: string;
};

/**
 * Why the office takes nobody in person at this moment of an otherwise open day. `intervals`: the
 * day's opening intervals, earliest first (a lunch break or Friday prayer makes several). Tickets
 * are issued from `earlyMinutes` before the first opening (people queue from early morning), then
 * inside each interval; in a break the visitor is told when it opens again.
 */
const outsideHours = (intervals: readonly OpeningHours[], today: string, zone: string, now: DateTime, earlyMinutes: number): string | undefined => {
  const first = intervals[0];
  if (!first) return bilingualText('office_closed_today');
  const at = (time: string) => atLocal(today, time, zone);
  const issuingFrom = at(first.open).minus({ minutes: earlyMinutes });
  if (now >= issuingFrom && now < at(first.open)) return undefined;
  if (intervals.some((h) => now >= at(h.open) && now < at(h.close))) return undefined;
  const next = now >= issuingFrom ? intervals.find((h) => now < at(h.open)) : undefined;
  if (next) return bilingualText('service_break', { open: dotted(next.open) });
  const hours = intervalsText(intervals);
  return earlyMinutes > 0
    ? bilingualText('service_hours_early_list', { from: issuingFrom.setZone(zone).toFormat('HH.mm'), hours })
    : bilingualText('service_hours_list', { hours });
};

/** Times as Indonesian write them: 08.00. */
const dotted = (time: string): string => time.replace(':', '.');

/** Within the early issuing window, before the day's first opening: when calling starts. */
const callingStartsAt = (intervals: readonly OpeningHours[], today: string, zone: string, now: DateTime): string | undefined => {
  const first = intervals[0];
  return first && now < atLocal(today, first.open, zone) ? first.open : undefined;
};

/**
 * Refusals in this order: the service takes no walk-ins; it is closed now (closure, no opening
 * hours today, outside them); no blanko; today's quota used up.
 */
export const walkInAvailability = (facts: WalkInFacts): WalkInAvailability => {
  const { office, service, day, now } = facts;
  const today = todayIn(office, now);
  const remaining = service.walkInQuota === null ? null : Math.max(0, service.walkInQuota - facts.issuedToday);
  const intervals = hoursOn(day.hours, today);
  const closedNow = closedReasonOn(day.closures, day.hours, service.id, today) ?? outsideHours(intervals, today, office.timezone, now, office.issueEarlyMinutes ?? 0);
  const refusal: WalkInRefusal | undefined = !service.walkIn
    ? { code: 'SERVICE_UNAVAILABLE' }
    : closedNow
      ? { code: 'CLOSED', reason: closedNow }
      : blankoEmpty(office, service)
        ? { code: 'BLANKO_EMPTY' }
        : remaining === 0
          ? { code: 'QUOTA_EXHAUSTED' }
          : undefined;
  const callingFrom = refusal ? undefined : callingStartsAt(intervals, today, office.timezone, now);
  return { remaining, closedToday: serviceClosedOn(day, office, service, today), refusal, ...(callingFrom ? { callingFrom } : {}) };
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
