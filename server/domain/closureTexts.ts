/**
 * What the holders of bookings a closure takes away are told, and when. Pure: the store loads the
 * rows, these rules choose the message and its facts, and the outbox carries it
 * (texts: jobs/templates.ts).
 *
 * Lebong closed "until further notice" and 36 holders were told to "rebook another day": there was
 * no other day. So a closure with an end date tells when to book again; one until further notice
 * says so and promises word when it ends; and ending a closure early tells the holders of the
 * bookings it cancelled, once, that the office is open again.
 */
import type { ClosureDays } from './closures';
import { closedReasonOn, type ClosureSpan, type OpeningHours } from './slots';
import { contactForService } from './contacts';
import { addDays } from './time';

export type ClosureTemplate = 'closure' | 'closure_open';

/** `closure` for a closure with a last day (book again from the next open day), `closure_open` until further notice. */
export const closureTemplate = (closure: ClosureDays): ClosureTemplate => (closure.to === null ? 'closure_open' : 'closure');

/** How far after a closure the next open day is looked for; past it the message names the day after the closure. */
const REOPEN_SEARCH_DAYS = 31;

/**
 * The first day after the closure's last day on which the service opens again (its opening hours,
 * the office's other closures); null for a closure until further notice.
 */
export const reopensOn = (closure: ClosureDays, serviceId: number, closures: readonly ClosureSpan[], hours: readonly OpeningHours[]): string | null => {
  if (closure.to === null) return null;
  for (let i = 1; i <= REOPEN_SEARCH_DAYS; i++) {
    const day = addDays(closure.to, i);
    if (closedReasonOn(closures, hours, serviceId, day) === undefined) return day;
  }
  return addDays(closure.to, 1);
};

/** The booking page of an office, as a link a phone can open; empty when the deployment has no public address. */
export const bookingLink = (publicBaseUrl: string | undefined, officeId: string): string =>
  publicBaseUrl ? `${publicBaseUrl.replace(/\/$/, '')}/booking/?office=${encodeURIComponent(officeId)}` : '';

/**
 * Whether ending a closure at `lastDay` reopens days it had closed and its holders are still to be
 * told: they are told once, however often the closure is shortened again.
 */
export const reopeningDue = (closure: ClosureDays & { reopenNotifiedAt: number | null }, lastDay: string): boolean =>
  closure.reopenNotifiedAt === null && (closure.to === null || lastDay < closure.to);

/**
 * The bookings whose holders a reopening tells: one per phone (a holder whose two bookings were
 * cancelled hears it once), none whose personal data the retention job has erased.
 */
export const reopeningRecipients = <B extends { phone: string | null }>(cancelled: readonly B[]): (B & { phone: string })[] => {
  const seen = new Set<string>();
  return cancelled.filter((b): b is B & { phone: string } => {
    if (!b.phone || seen.has(b.phone)) return false;
    seen.add(b.phone);
    return true;
  });
};

/** The payload fields naming whom to ask (domain/contacts contactForService); none when the office has no contact. */
export const contactFields = (serviceGroup: string, contacts: readonly { label: string; phone: string; serviceGroup: string }[]): { contactLabel?: string; contactPhone?: string } => {
  const contact = contactForService(serviceGroup, contacts);
  return contact ? { contactLabel: contact.label, contactPhone: contact.phone } : {};
};
