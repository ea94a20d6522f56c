/**
 * Urgent cases (mendesak, Lebong's "face-to-face only when urgent"): staff decide, case by case,
 * to serve a visitor in a service that is closed today (a closure, urgent-only mode, a day
 * without opening hours). Only a supervisor or an admin may, always with a reason; the ticket
 * (or booking) keeps the reason, the audit log records it, and reports count it.
 */
import { DomainError, invalid } from './errors';
import { assertOffice, type Actor } from './policy';

export const URGENT_REASON_MIN = 5;
export const URGENT_REASON_MAX = 300;

/** The audit action of every urgent decision (issue, transfer, booking). */
export const URGENT_AUDIT = 'ticket.urgent';

/** Who may decide an urgent case: a supervisor or an admin of the office. */
export const authorizeUrgent = (actor: Actor, officeId: string): void => {
  if (actor.role !== 'admin' && actor.role !== 'supervisor') throw new DomainError('FORBIDDEN', { variant: 'urgent' });
  assertOffice(actor, officeId);
};

/** The reason, trimmed: refused when missing or too short to say anything, or too long. */
export const urgentReason = (raw: string | undefined | null): string => {
  const reason = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (reason.length < URGENT_REASON_MIN) invalid({ reason: { key: 'urgent_reason_required' } });
  if (reason.length > URGENT_REASON_MAX) invalid({ reason: { key: 'too_long', params: { max: URGENT_REASON_MAX } } });
  return reason;
};

/**
 * Issuing an urgent ticket: only for a service closed today (an open one takes an ordinary
 * ticket at the kiosk), by a supervisor or an admin, with a reason. Returns the reason to keep.
 */
export const decideUrgentIssue = (input: { actor: Actor; officeId: string; closedReason: string | undefined; reason: string | undefined }): string => {
  authorizeUrgent(input.actor, input.officeId);
  if (input.closedReason === undefined) invalid({ service: { key: 'service_open' } });
  return urgentReason(input.reason);
};

/**
 * A transfer into a service: into one closed today it is an urgent case (supervisor or admin, a
 * reason), whose reason is returned; into an open one nothing more is asked (undefined).
 */
export const decideUrgentTransfer = (input: { actor: Actor; officeId: string; closedReason: string | undefined; reason: string | undefined }): string | undefined => {
  if (input.closedReason === undefined) return undefined;
  authorizeUrgent(input.actor, input.officeId);
  return urgentReason(input.reason);
};

/**
 * The day of an urgent booking: only a day the service is closed (an open day takes an ordinary
 * assisted booking). `closedReason`: why the service is closed that day, undefined when open.
 */
export const checkUrgentDay = (closedReason: string | undefined): void => {
  if (closedReason === undefined) invalid({ slotId: { key: 'urgent_day_open' } });
};
